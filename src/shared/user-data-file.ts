/**
 * "Your data" as a file: the settings and the notes, exported together and checked strictly on
 * import. Unlike stored settings (read tolerantly in settings.ts), a file with an unknown or
 * invalid field is refused whole, with the first bad field named, and nothing is changed.
 *
 * File versions: 1 held the settings' fields at the top level (settings only; still accepted, and
 * it leaves the notes alone); 2 is `{ v: 2, settings: {...}, notes: [...] }`.
 */
import * as v from 'valibot';
import { issuePath } from './issue-path';
import { MAX_IMPORT_BYTES, MAX_IMPORTED_NOTES } from './limits';
import { userNote } from './messages';
import type { UserNote } from './notes';
import { DEFAULT_SETTINGS, MARK_DENSITIES, type Settings } from './settings';
import { strictSettingsSchema } from './settings-file';

export const FILE_VERSION = 2;

const notes = v.pipe(
  v.array(userNote),
  v.maxLength(MAX_IMPORTED_NOTES),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((n, i) => {
      if (seen.has(n.entity)) addIssue({ message: `a second note on ${n.entity}`, path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: n }] });
      seen.add(n.entity);
    });
  }),
);

const fileSchema = v.variant('v', [
  // Version 1 files predate the density setting: theirs is the default.
  v.strictObject({ v: v.literal(1), ...strictSettingsSchema().entries, markDensity: v.optional(v.picklist(MARK_DENSITIES), DEFAULT_SETTINGS.markDensity) }),
  v.strictObject({ v: v.literal(2), settings: strictSettingsSchema(), notes }),
]);

export interface UserData {
  settings: Settings;
  /** null: the file holds no notes (version 1), so the stored notes are left as they are. */
  notes: UserNote[] | null;
}

export function exportUserData(settings: Settings, userNotes: readonly UserNote[]): string {
  const sorted = [...userNotes].sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  return `${JSON.stringify({ v: FILE_VERSION, settings, notes: sorted }, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; data: UserData }
  /** `detail` names the first bad field (or the file's version); the UI words the rest. */
  | { ok: false; reason: 'too-large' | 'not-json' | 'newer-version' | 'not-ours'; detail?: string };

export function parseUserData(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const version = (raw as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && Number.isInteger(version) && version > FILE_VERSION) {
    return { ok: false, reason: 'newer-version', detail: String(version) };
  }
  const result = v.safeParse(fileSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    return { ok: false, reason: 'not-ours', detail: path ? `${path}: ${issue.message}` : issue.message };
  }
  const file = result.output;
  const { v: _v, ...settings } = file.v === 1 ? file : { v: 2, ...file.settings };
  return {
    ok: true,
    data: { settings: { ...settings, sites: [...new Set(settings.sites)] }, notes: file.v === 1 ? null : file.notes },
  };
}
