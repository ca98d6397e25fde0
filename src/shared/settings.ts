/**
 * The settings: one schema with defaults, read and written only through this module.
 *
 * Layout in storage (sync where available, so settings follow the user; local as the fallback):
 * - `settings`: everything but the site list, with the schema version `v`, the number of site
 *   chunks and which area holds them.
 * - `sites.0`, `sites.1`, …: the site list in chunks, because storage.sync caps one item at 8 KB.
 * When the list outgrows storage.sync's 100 KB, it moves to storage.local (`sitesArea: 'local'`)
 * and the options page says so. Writes go chunks first, pointer last, so a failed write never
 * leaves the pointer at a half-written list.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { TOPICS, type Topic } from './dataset';
import { DEFAULT_HOVER_DELAY_MS, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, SITES_PER_SYNC_CHUNK } from './limits';

export const SETTINGS_VERSION = 1;

export type SiteMode = 'all-except' | 'only';
export type MarkStyle = 'underline' | 'background';

export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** 'all-except': run everywhere but `sites`; 'only': run only on `sites`. */
  mode: SiteMode;
  /** Hostnames, lowercase. */
  sites: string[];
  topics: Record<Topic, boolean>;
  markStyle: MarkStyle;
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  mode: 'all-except',
  sites: [],
  topics: { llama: true, meta: true, 'hugging-face': true },
  markStyle: 'underline',
  hoverDelayMs: DEFAULT_HOVER_DELAY_MS,
});

/** The hostname a site setting applies to; pages without one (file:, data:) share their scheme. */
export function siteKey(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname.toLowerCase() || u.protocol;
  } catch {
    return '';
  }
}

export function isActiveOn(s: Settings, site: string): boolean {
  if (!s.enabled) return false;
  const listed = s.sites.includes(site);
  return s.mode === 'all-except' ? !listed : listed;
}

/** The settings with this site switched on or off, whatever the mode. */
export function withSite(s: Settings, site: string, on: boolean): Settings {
  const listed = on === (s.mode === 'only');
  const sites = s.sites.filter((x) => x !== site);
  if (listed) sites.push(site);
  return { ...s, sites };
}

const hostname = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(253));

/**
 * Each field falls back to its default on its own, so one damaged field (from an old version or a
 * hand-edited file) does not reset the others.
 */
const settingsSchema = v.object({
  enabled: v.fallback(v.boolean(), DEFAULT_SETTINGS.enabled),
  mode: v.fallback(v.picklist(['all-except', 'only']), DEFAULT_SETTINGS.mode),
  sites: v.fallback(v.array(hostname), []),
  topics: v.fallback(
    v.object(Object.fromEntries(TOPICS.map((t) => [t, v.fallback(v.boolean(), true)])) as Record<
      Topic,
      v.SchemaWithFallback<v.BooleanSchema<undefined>, true>
    >),
    { ...DEFAULT_SETTINGS.topics },
  ),
  markStyle: v.fallback(v.picklist(['underline', 'background']), DEFAULT_SETTINGS.markStyle),
  hoverDelayMs: v.fallback(
    v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN_MS), v.maxValue(HOVER_DELAY_MAX_MS)),
    DEFAULT_SETTINGS.hoverDelayMs,
  ),
});

/** Brings stored settings of any earlier schema version to the current one. */
export function migrateSettings(raw: unknown): Settings {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  // Version 1 is the first; later versions add their steps here, each from n to n+1.
  const parsed = v.parse(settingsSchema, record);
  return { ...parsed, sites: [...new Set(parsed.sites)] };
}

/** Strict check for imported files: unknown or invalid fields are errors, not silent defaults. */
const importSchema = v.strictObject({
  v: v.literal(SETTINGS_VERSION),
  enabled: v.boolean(),
  mode: v.picklist(['all-except', 'only']),
  sites: v.array(hostname),
  topics: v.strictObject(Object.fromEntries(TOPICS.map((t) => [t, v.boolean()])) as Record<Topic, v.BooleanSchema<undefined>>),
  markStyle: v.picklist(['underline', 'background']),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN_MS), v.maxValue(HOVER_DELAY_MAX_MS)),
});

export function exportSettings(s: Settings): string {
  return JSON.stringify({ v: SETTINGS_VERSION, ...s }, null, 2);
}

export function parseImportedSettings(text: string): { ok: true; settings: Settings } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON.' };
  }
  const result = v.safeParse(importSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') || 'the file';
    return { ok: false, error: `Not a settings file: ${path}: ${issue.message}` };
  }
  const { v: _version, ...settings } = result.output;
  return { ok: true, settings: { ...settings, sites: [...new Set(settings.sites)] } };
}

type Area = 'sync' | 'local';
interface Pointer {
  v: number;
  siteChunks: number;
  sitesArea: Area;
}

function area(name: Area): browser.Storage.StorageArea {
  return name === 'sync' && browser.storage.sync ? browser.storage.sync : browser.storage.local;
}

async function readArea(name: Area, keys: string[] | string | null): Promise<Record<string, unknown>> {
  try {
    return await area(name).get(keys);
  } catch {
    // storage.sync can be disabled by policy or unavailable in some builds; local always exists.
    return name === 'sync' ? readArea('local', keys) : {};
  }
}

export async function loadSettings(): Promise<Settings> {
  const { settings: stored } = await readArea('sync', 'settings');
  const record = (stored ?? {}) as Partial<Pointer> & Record<string, unknown>;
  const chunks = typeof record.siteChunks === 'number' ? record.siteChunks : 0;
  const where: Area = record.sitesArea === 'local' ? 'local' : 'sync';
  const keys = Array.from({ length: chunks }, (_, i) => `sites.${i}`);
  const parts = keys.length ? await readArea(where, keys) : {};
  const sites = keys.flatMap((k) => (Array.isArray(parts[k]) ? (parts[k] as unknown[]) : []));
  return migrateSettings({ ...record, sites });
}

/** Where the site list ended up; 'local' means it outgrew sync storage (the options page says so). */
export async function saveSettings(s: Settings): Promise<{ sitesArea: Area }> {
  const { sites, ...rest } = s;
  const chunks: Record<string, string[]> = {};
  for (let i = 0; i * SITES_PER_SYNC_CHUNK < sites.length; i++) {
    chunks[`sites.${i}`] = sites.slice(i * SITES_PER_SYNC_CHUNK, (i + 1) * SITES_PER_SYNC_CHUNK);
  }
  const n = Object.keys(chunks).length;
  const { settings: old } = await readArea('sync', 'settings');
  const oldChunks = typeof (old as Pointer | undefined)?.siteChunks === 'number' ? (old as Pointer).siteChunks : 0;
  const oldArea: Area = (old as Pointer | undefined)?.sitesArea === 'local' ? 'local' : 'sync';

  let sitesArea: Area = 'sync';
  try {
    await area('sync').set(chunks);
  } catch {
    // Over the sync quota (or sync unavailable): keep the list locally rather than lose it.
    sitesArea = 'local';
    await area('local').set(chunks);
  }
  const pointer: Pointer & Omit<Settings, 'sites'> = { v: SETTINGS_VERSION, ...rest, siteChunks: n, sitesArea };
  try {
    await area('sync').set({ settings: pointer });
  } catch {
    await area('local').set({ settings: pointer });
  }
  const stale = Array.from({ length: oldChunks }, (_, i) => `sites.${i}`).filter(
    (k, i) => oldArea !== sitesArea || i >= n,
  );
  if (stale.length) await area(oldArea).remove(stale).catch(() => undefined);
  return { sitesArea };
}

/** Calls back with fresh settings whenever any part of them changes, in any context. */
export function onSettingsChanged(callback: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((k) => k === 'settings' || k.startsWith('sites.'))) {
      void loadSettings().then(callback);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
