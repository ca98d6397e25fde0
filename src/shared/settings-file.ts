/**
 * The strict check of settings: the settings in an imported file (user-data-file.ts) and the
 * settings the popup and options page ask the background to save. Unlike stored settings (read
 * tolerantly in settings.ts), settings with an unknown or invalid field are refused whole, with the
 * first bad field named, and the current settings stay as they were.
 */
import * as v from 'valibot';
import { TOPICS, type Topic } from './dataset';
import { DEFAULT_SETTINGS, MARK_DENSITIES, isHoverDelay, isSiteKey } from './settings';

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
    markDensity: v.picklist(MARK_DENSITIES),
    hoverDelayMs: v.pipe(v.number(), v.check((n: number) => isHoverDelay(n), 'not an allowed hover delay')),
    // Added with the claim check; files exported before it do not have them.
    claimCheck: v.optional(v.boolean(), DEFAULT_SETTINGS.claimCheck),
    claimMarksSupported: v.optional(v.boolean(), DEFAULT_SETTINGS.claimMarksSupported),
  });
}
