/**
 * The settings: one schema with defaults, read and written only through this module. Every part
 * reads them here; only the background writes (`saveSettings`, which eslint keeps out of the other
 * parts): the others ask it with `settings/save` or `site/set`.
 *
 * Layout in storage (sync where available, so settings follow the user; local as the fallback):
 * - `settings`: everything but the site list, with the storage version `v`, the number of site
 *   chunks, which area holds them and when it was saved.
 * - `sites.0`, `sites.1`, …: the site list, sorted, newline-joined, deflated and base64-encoded,
 *   cut into chunks because storage.sync caps one item at 8 KB. Hostnames share so much (www.,
 *   .com, common words) that 5,000 of them take about a third of storage.sync's 100 KB this way,
 *   where a plain JSON array would not fit at all.
 * When the list still outgrows storage.sync, it moves to storage.local (`sitesArea: 'local'`) and
 * the options page says so. The chunks and the pointer to them are written in one `set`, which
 * storage.sync applies whole or not at all, so a quota error leaves the previous list readable.
 */
import type { Storage } from 'webextension-polyfill';
import { browser } from './webext';
import { TOPICS, type Topic } from './dataset';
import { DEFAULT_HOVER_DELAY_MS, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS } from './limits';

/**
 * The storage layout's version. 1 kept the sites as JSON arrays in the chunks; 2 compresses them.
 * Exported files have their own version (FILE_VERSION): their shape did not change.
 */
export const SETTINGS_VERSION = 2;

/**
 * Characters of encoded list per chunk. storage.sync counts an item as its key's length plus its
 * JSON text and allows 8,192: a base64 string needs no escapes, so 8,000 leaves room for the key
 * and the quotes.
 */
const CHUNK_CHARS = 8_000;

export type SiteMode = 'all-except' | 'only';
export type MarkStyle = 'underline' | 'background';
/**
 * Which mentions get a mark: every one, the first of each entity in each section (a heading and
 * what follows it), or the first of each entity on the page. Keyboard stepping and "On this page"
 * reach every mention whatever this says.
 */
export type MarkDensity = 'all' | 'section' | 'page';
export const MARK_DENSITIES: readonly MarkDensity[] = ['all', 'section', 'page'];
export type Area = 'sync' | 'local';

export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** 'all-except': run everywhere but `sites`; 'only': run only on `sites`. */
  mode: SiteMode;
  /** Hostnames, lowercase. */
  sites: string[];
  topics: Record<Topic, boolean>;
  markStyle: MarkStyle;
  markDensity: MarkDensity;
  hoverDelayMs: number;
  /** The claim check: statements the sources contradict get their own mark (docs/claims.md). */
  claimCheck: boolean;
  /** Also mark statements the sources confirm (otherwise they are only listed in the popover). */
  claimMarksSupported: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  mode: 'all-except',
  sites: [],
  topics: { llama: true, meta: true, 'hugging-face': true },
  markStyle: 'underline',
  // One mark per entity per section: on a long model card or README that names Llama hundreds of
  // times, every mention is noise, yet a reader deep in the page (often arrived by an in-page
  // anchor link) still finds a mark to hover within the section being read. "First on the page"
  // would leave the only mark screens away from where the reader is.
  markDensity: 'section',
  hoverDelayMs: DEFAULT_HOVER_DELAY_MS,
  claimCheck: true,
  claimMarksSupported: false,
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

/** What the user typed or pasted as a site (a hostname or a whole URL) as a site key, or null. */
export function parseSiteInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const key = /^[a-z][a-z0-9+.-]*:/i.test(text) ? siteKey(text) : siteKey(`http://${text}`);
  return key && isSiteKey(key) ? key : null;
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

/** A site key: a hostname (no spaces or slashes), or a scheme such as `file:` for pages without one. */
export function isSiteKey(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && s.length <= 253 && s === s.trim().toLowerCase() && /^[^\s/]+$/.test(s);
}

export function isHoverDelay(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= HOVER_DELAY_MIN_MS && (n as number) <= HOVER_DELAY_MAX_MS;
}

/**
 * Any stored record, damaged or from an earlier version, as valid settings. Each field falls back to
 * its default on its own, so one damaged field does not reset the others, and one bad site drops
 * only itself. (Written out rather than with a schema: the strict schema in settings-file.ts,
 * used for imported files and saves, refuses the whole record for one bad field.)
 */
export function migrateSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pick = <T>(value: unknown, ok: (x: unknown) => x is T, fallback: T): T => (ok(value) ? value : fallback);
  const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
  const oneOf =
    <T extends string>(...options: T[]) =>
    (x: unknown): x is T =>
      options.includes(x as T);
  const topics = (typeof r.topics === 'object' && r.topics !== null ? r.topics : {}) as Record<string, unknown>;
  const sites = Array.isArray(r.sites) ? r.sites.map((x) => (typeof x === 'string' ? x.trim().toLowerCase() : x)) : [];
  return {
    enabled: pick(r.enabled, isBool, DEFAULT_SETTINGS.enabled),
    mode: pick(r.mode, oneOf<SiteMode>('all-except', 'only'), DEFAULT_SETTINGS.mode),
    sites: [...new Set(sites.filter(isSiteKey))],
    topics: Object.fromEntries(TOPICS.map((t) => [t, pick(topics[t], isBool, true)])) as Record<Topic, boolean>,
    markStyle: pick(r.markStyle, oneOf<MarkStyle>('underline', 'background'), DEFAULT_SETTINGS.markStyle),
    markDensity: pick(r.markDensity, oneOf<MarkDensity>(...MARK_DENSITIES), DEFAULT_SETTINGS.markDensity),
    hoverDelayMs: pick(r.hoverDelayMs, isHoverDelay, DEFAULT_SETTINGS.hoverDelayMs),
    claimCheck: pick(r.claimCheck, isBool, DEFAULT_SETTINGS.claimCheck),
    claimMarksSupported: pick(r.claimMarksSupported, isBool, DEFAULT_SETTINGS.claimMarksSupported),
  };
}

// ---- the site list's encoding ------------------------------------------------------------------

async function pipeBytes(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // fromCharCode takes its arguments on the stack: feed it in slices.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Sorted first: neighbouring hostnames share prefixes, which deflate turns into back-references. */
export async function encodeSites(sites: readonly string[]): Promise<string> {
  const text = [...sites].sort().join('\n');
  return toBase64(await pipeBytes(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

export async function decodeSites(encoded: string): Promise<string[]> {
  if (!encoded) return [];
  const text = new TextDecoder().decode(await pipeBytes(fromBase64(encoded), new DecompressionStream('deflate-raw')));
  return text.split('\n');
}

// ---- storage -----------------------------------------------------------------------------------

interface Pointer {
  v: number;
  siteChunks: number;
  sitesArea: Area;
  /** Picks the newer pointer when both areas hold one (sync refused the last write). */
  savedAt: number;
}
type StoredRecord = Partial<Pointer> & Record<string, unknown>;

function area(name: Area): Storage.StorageArea {
  return name === 'sync' && browser.storage.sync ? browser.storage.sync : browser.storage.local;
}

async function readArea(name: Area, keys: string[] | string): Promise<Record<string, unknown>> {
  try {
    return await area(name).get(keys);
  } catch {
    // storage.sync can be disabled by policy or unavailable in some builds; local always exists.
    return name === 'sync' ? readArea('local', keys) : {};
  }
}

const chunkKeys = (n: number) => Array.from({ length: n }, (_, i) => `sites.${i}`);

async function readPointer(): Promise<{ record: StoredRecord; from: Area; chunks: number; sitesArea: Area }> {
  const [fromSync, fromLocal] = await Promise.all([readArea('sync', 'settings'), readArea('local', 'settings')]);
  const asRecord = (x: unknown): StoredRecord | null => (typeof x === 'object' && x !== null ? (x as StoredRecord) : null);
  const s = asRecord(fromSync.settings);
  const l = asRecord(fromLocal.settings);
  const savedAt = (r: StoredRecord | null) => (r && typeof r.savedAt === 'number' ? r.savedAt : 0);
  const useLocal = l !== null && (s === null || savedAt(l) > savedAt(s));
  const record = (useLocal ? l : s) ?? {};
  const chunks = typeof record.siteChunks === 'number' && record.siteChunks >= 0 ? Math.floor(record.siteChunks) : 0;
  return { record, from: useLocal ? 'local' : 'sync', chunks, sitesArea: record.sitesArea === 'local' ? 'local' : 'sync' };
}

async function readSites(record: StoredRecord, chunks: number, where: Area): Promise<unknown[]> {
  if (!chunks) return [];
  const keys = chunkKeys(chunks);
  const parts = await readArea(where, keys);
  if (record.v === 1) return keys.flatMap((k) => (Array.isArray(parts[k]) ? (parts[k] as unknown[]) : []));
  try {
    return await decodeSites(keys.map((k) => (typeof parts[k] === 'string' ? parts[k] : '')).join(''));
  } catch (error) {
    console.error('[llama-lens] the stored site list is damaged; using an empty list', error);
    return [];
  }
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithArea()).settings;
}

/** The settings and where their site list lives: 'local' means it outgrew storage.sync. */
export async function loadSettingsWithArea(): Promise<{ settings: Settings; sitesArea: Area }> {
  const { record, chunks, sitesArea } = await readPointer();
  const sites = await readSites(record, chunks, sitesArea);
  return { settings: migrateSettings({ ...record, sites }), sitesArea };
}

/**
 * Saves all settings. The list goes to storage.sync with its pointer in one write; when sync
 * refuses it (over quota, unavailable), to storage.local, and only then is the pointer moved to
 * it, so at every moment the stored pointer names a complete list. Throws only when nothing could
 * be written, and the previous settings are then still intact.
 */
export async function saveSettings(s: Settings): Promise<{ sitesArea: Area }> {
  const { sites, ...rest } = s;
  const unique = [...new Set(sites)];
  const encoded = unique.length ? await encodeSites(unique) : '';
  const chunks: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < encoded.length; i++) chunks[`sites.${i}`] = encoded.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  const n = Object.keys(chunks).length;
  const old = await readPointer();
  const pointer = (sitesArea: Area): Pointer & Omit<Settings, 'sites'> => ({
    ...rest,
    v: SETTINGS_VERSION,
    siteChunks: n,
    sitesArea,
    savedAt: Math.max(Date.now(), (typeof old.record.savedAt === 'number' ? old.record.savedAt : 0) + 1),
  });

  let sitesArea: Area = 'sync';
  let pointerArea: Area = 'sync';
  try {
    await area('sync').set({ ...chunks, settings: pointer('sync') });
  } catch {
    sitesArea = 'local';
    await area('local').set(chunks);
    const p = pointer('local');
    try {
      await area('sync').set({ settings: p });
    } catch {
      pointerArea = 'local';
      await area('local').set({ settings: p });
    }
  }

  const stale: Record<Area, string[]> = { sync: [], local: [] };
  stale[old.sitesArea].push(...chunkKeys(old.chunks).filter((_, i) => old.sitesArea !== sitesArea || i >= n));
  // A pointer left in the other area would be older than this one; removing it keeps load unambiguous.
  if (pointerArea === 'sync' && old.from === 'local') stale.local.push('settings');
  for (const name of ['sync', 'local'] as const) {
    const keys = stale[name].filter((k) => !(name === sitesArea && k in chunks));
    if (keys.length) await area(name).remove(keys).catch(() => undefined);
  }
  return { sitesArea };
}

/** Calls back with fresh settings whenever any part of them changes, in any context. */
export function onSettingsChanged(callback: (s: Settings, sitesArea: Area) => void): () => void {
  // A save is several writes, each a change event, and the reads they start can finish out of
  // order: only the read started by the latest change may report, so a stale one never wins.
  let latest = 0;
  const listener = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((k) => k === 'settings' || k.startsWith('sites.'))) {
      const ticket = ++latest;
      void loadSettingsWithArea().then(({ settings, sitesArea }) => {
        if (ticket === latest) callback(settings, sitesArea);
      });
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
