/** "Your data" files: what is exported reads back; anything else is refused with the field named. */
import { describe, expect, it } from 'vitest';
import { exportUserData, parseUserData } from '../../src/shared/user-data-file';
import { MAX_IMPORT_BYTES, MAX_NOTE_CHARS } from '../../src/shared/limits';
import type { Settings } from '../../src/shared/settings';
import type { UserNote } from '../../src/shared/notes';

const settings: Settings = { enabled: true, mode: 'only', sites: ['a.com', 'b.org'], topics: { llama: true, meta: false, 'hugging-face': true }, markStyle: 'background', markDensity: 'all', hoverDelayMs: 400, claimCheck: false, claimMarksSupported: true };
const notes: UserNote[] = [
  { entity: 'meta-platforms', text: 'Check the 10-K.\nSecond line <b>not HTML</b>', updated: '2026-11-30T10:00:00.000Z' },
  { entity: 'llama-1', text: 'Read the paper again', updated: '2026-01-02' },
];

const exported = () => JSON.parse(exportUserData(settings, notes)) as { v: number; settings: Record<string, unknown>; notes: Record<string, unknown>[] };

describe('your data file', () => {
  it('reads back what it exports, settings and notes', () => {
    const r = parseUserData(exportUserData(settings, notes));
    expect(r).toEqual({ ok: true, data: { settings, notes: [notes[1], notes[0]] } });
  });

  it('still reads a version 1 file (settings only, no density) and then leaves the notes alone', () => {
    const { markDensity: _, ...old } = settings;
    const v1 = JSON.stringify({ v: 1, ...old });
    expect(parseUserData(v1)).toEqual({ ok: true, data: { settings: { ...settings, markDensity: 'section' }, notes: null } });
  });

  it('refuses a file that is not JSON, or too large, before looking inside', () => {
    expect(parseUserData('{"v":2,')).toEqual({ ok: false, reason: 'not-json' });
    expect(parseUserData(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('says when a file comes from a newer version', () => {
    expect(parseUserData(JSON.stringify({ ...exported(), v: 3 }))).toEqual({ ok: false, reason: 'newer-version', detail: '3' });
  });

  const withSettings = (patch: Record<string, unknown>) => ({ ...exported(), settings: { ...exported().settings, ...patch } });
  const withNote = (patch: Record<string, unknown>) => ({ ...exported(), notes: [{ ...exported().notes[0], ...patch }] });
  it.each([
    ['a wrong version', { ...exported(), v: 0 }, /^v:/],
    ['an unknown top-level field', { ...exported(), colour: 'red' }, /colour/],
    ['a missing notes list', { v: 2, settings: exported().settings }, /^notes:/],
    ['a bad mode', withSettings({ mode: 'never' }), /^settings\.mode:/],
    ['a bad density', withSettings({ markDensity: 'some' }), /^settings\.markDensity:/],
    ['a bad site', withSettings({ sites: ['a.com', 'not a host'] }), /^settings\.sites\.1:/],
    ['a hover delay out of range', withSettings({ hoverDelayMs: 10 }), /^settings\.hoverDelayMs:/],
    ['a missing topic', withSettings({ topics: { llama: true, meta: true } }), /^settings\.topics\.hugging-face:/],
    ['an empty note', withNote({ text: '   ' }), /^notes\.0\.text: the note is empty/],
    ['a note too long', withNote({ text: 'x'.repeat(MAX_NOTE_CHARS + 1) }), /^notes\.0\.text:/],
    ['a note without an entity', withNote({ entity: '' }), /^notes\.0\.entity:/],
    ['a note with a bad date', withNote({ updated: 'yesterday' }), /^notes\.0\.updated:/],
    ['a note with an unknown field', withNote({ html: '<b>' }), /^notes\.0\.html:/],
    ['two notes on one entity', { ...exported(), notes: [notes[0], notes[0]] }, /^notes\.1: a second note on meta-platforms/],
    ['a version 1 file with notes in it', { v: 1, ...settings, notes }, /notes/],
  ])('refuses %s and names the field', (_, file, field) => {
    const r = parseUserData(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('not-ours');
      expect(r.detail).toMatch(field);
    }
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', '"settings"', 'null', '42']) expect(parseUserData(text)).toMatchObject({ ok: false, reason: 'not-ours' });
  });
});
