/**
 * Settings as a file: export, and the strict check of an imported file. Unlike stored settings
 * (read tolerantly in settings.ts), an imported file with an unknown or invalid field is refused
 * whole, with the first bad field named, and the current settings stay as they were.
 */
import * as v from 'valibot';
import { TOPICS, type Topic } from './dataset';
import { issuePath } from './issue-path';
import { MAX_IMPORT_BYTES } from './limits';
import { DEFAULT_SETTINGS, isHoverDelay, isSiteKey, type Settings } from './settings';

/** The file format's version: its shape has not changed since the first export. */
export const FILE_VERSION = 1;

/**
 * Settings checked strictly: an unknown or invalid field refuses the whole. Imported files use it,
 * and so does the background for the settings the popup and options page ask it to save. Built on
 * first use, so that bundles which never check settings strictly (the content script) leave it out.
 */
export function strictSettingsSchema() {
  const site = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.check((s: string) => isSiteKey(s), 'not a site name'));
  return v.strictObject({
    enabled: v.boolean(),
    mode: v.picklist(['all-except', 'only']),
    sites: v.pipe(v.array(site), v.maxLength(100_000)),
    topics: v.strictObject(Object.fromEntries(TOPICS.map((t) => [t, v.boolean()])) as Record<Topic, v.BooleanSchema<undefined>>),
    markStyle: v.picklist(['underline', 'background']),
    hoverDelayMs: v.pipe(v.number(), v.check((n: number) => isHoverDelay(n), 'not an allowed hover delay')),
    // Added with the claim check; files exported before it do not have them.
    claimCheck: v.optional(v.boolean(), DEFAULT_SETTINGS.claimCheck),
    claimMarksSupported: v.optional(v.boolean(), DEFAULT_SETTINGS.claimMarksSupported),
  });
}

export function exportSettings(s: Settings): string {
  return `${JSON.stringify({ v: FILE_VERSION, ...s }, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; settings: Settings }
  /** `detail` names the first bad field; the UI words the rest. */
  | { ok: false; reason: 'too-large' | 'not-json' | 'not-settings'; detail?: string };

export function parseImportedSettings(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const result = v.safeParse(v.strictObject({ v: v.literal(FILE_VERSION), ...strictSettingsSchema().entries }), raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    return { ok: false, reason: 'not-settings', detail: path ? `${path}: ${issue.message}` : issue.message };
  }
  const { v: _version, ...settings } = result.output;
  return { ok: true, settings: { ...settings, sites: [...new Set(settings.sites)] } };
}
