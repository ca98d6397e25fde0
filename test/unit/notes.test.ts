/**
 * The user's notes behind the message boundary: written, attached to entities, found by search
 * in their own tier, deleted and put back; refused with the reason when IndexedDB is unavailable;
 * a refused batch stores nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type Services } from '../../src/background/handlers';
import { dispatcher } from '../../src/shared/dispatch';
import { backgroundRequests } from '../../src/shared/messages';
import { openData } from '../../src/background/data';
import { openDatabase } from '../../src/background/db';
import { MAX_NOTE_CHARS } from '../../src/shared/limits';
import type { Reply } from '../../src/shared/messages';
import { BUNDLED } from '../../src/background/bundle';
const ID = 'llama-leak-lens@example.org';

let counter = 0;
let signals = 0;
beforeEach(() => {
  signals = 0;
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

function services(open: () => ReturnType<typeof openDatabase> = () => openDatabase(`lens-notes-${++counter}`)): Services {
  return {
    data: openData(BUNDLED, open),
    openEntry: async () => undefined,
    injectLens: async () => undefined,
    notesChanged: async () => void signals++,
  };
}

function client(s = services()) {
  const answer = dispatcher(backgroundRequests, createHandlers(s), ID);
  return async <T>(type: string, payload: unknown): Promise<Reply<T>> => (await answer({ type, payload }, { id: ID })) as Reply<T>;
}

const value = <T>(r: Reply<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

type Entities = { entities: { id: string; note?: { text: string } }[] };
type Hits = { hits: { id: string; matchedNote?: string; fact?: unknown }[] };

describe('notes', () => {
  it('are attached to their entity, searchable as "your note", and announced to every page', async () => {
    const send = client();
    // Search once before the note exists: the index built then must not hide the note later.
    expect(value(await send<Hits>('search', { query: 'wombatology' })).hits).toEqual([]);
    const { note } = value(await send<{ note: { entity: string; text: string; updated: string } }>('note/set', { entity: 'llama-2', text: '  Wombatology reading list\n<b>second</b> line  ' }));
    expect(note).toMatchObject({ entity: 'llama-2', text: 'Wombatology reading list\n<b>second</b> line' });
    expect(new Date(note.updated).toISOString()).toBe(note.updated);
    expect(signals).toBe(1);

    const got = value(await send<Entities>('entities/get', { ids: ['llama-1', 'llama-2'] })).entities;
    expect(got.find((e) => e.id === 'llama-2')?.note).toEqual(note);
    expect(got.find((e) => e.id === 'llama-1')?.note).toBeUndefined();

    const [hit] = value(await send<Hits>('search', { query: 'wombatology' })).hits;
    expect(hit).toMatchObject({ id: 'llama-2', matchedNote: note.text });
    expect(hit?.fact).toBeUndefined();
  });

  it('rank after names but before summaries and facts', async () => {
    const send = client();
    // "torrent" is in the leak's facts; a note on another entity that says it comes first.
    const before = value(await send<Hits>('search', { query: 'torrent' })).hits;
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((h) => h.id === 'stanford-alpaca')).toBe(false);
    value(await send('note/set', { entity: 'stanford-alpaca', text: 'Was the torrent used here?' }));
    const after = value(await send<Hits>('search', { query: 'torrent' })).hits;
    expect(after[0]).toMatchObject({ id: 'stanford-alpaca', matchedNote: 'Was the torrent used here?' });
  });

  it('are deleted with the note handed back, and put back exactly by undo', async () => {
    const send = client();
    const { note } = value(await send<{ note: unknown }>('note/set', { entity: 'meta-platforms', text: 'one' }));
    const { deleted } = value(await send<{ deleted: unknown }>('note/delete', { entity: 'meta-platforms' }));
    expect(deleted).toEqual(note);
    expect(value(await send<Entities>('entities/get', { ids: ['meta-platforms'] })).entities[0]?.note).toBeUndefined();
    expect(value(await send<{ deleted: unknown }>('note/delete', { entity: 'meta-platforms' })).deleted).toBeNull();
    value(await send('notes/put', { notes: [deleted] }));
    expect(value(await send<Entities>('entities/get', { ids: ['meta-platforms'] })).entities[0]?.note).toEqual(note);
    expect(value(await send<{ notes: unknown[] }>('notes/export', {})).notes).toEqual([note]);
  });

  it('refuse empty, over-long or malformed notes, and a bad batch stores none of it', async () => {
    const send = client();
    expect(await send('note/set', { entity: 'llama-1', text: '   ' })).toMatchObject({ ok: false, error: expect.stringMatching(/the note is empty/) });
    expect(await send('note/set', { entity: 'llama-1', text: 'x'.repeat(MAX_NOTE_CHARS + 1) })).toMatchObject({ ok: false });
    expect(await send('note/set', { entity: 'llama-1', text: 'ok', html: '<b>' })).toMatchObject({ ok: false });
    const good = { entity: 'llama-1', text: 'fine', updated: '2026-01-02' };
    expect(await send('notes/put', { notes: [good, { ...good, entity: 'llama-2', updated: 'now' }] })).toMatchObject({ ok: false, error: expect.stringMatching(/notes\.1\.updated/) });
    expect(value(await send<{ notes: unknown[] }>('notes/export', {})).notes).toEqual([]);
    expect(signals).toBe(0);
  });

  it('are refused with the reason when IndexedDB cannot be used, while the facts still answer', async () => {
    const send = client(services(() => Promise.reject(new DOMException('denied', 'SecurityError'))));
    const r = await send('note/set', { entity: 'llama-1', text: 'lost?' });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/notes cannot be saved: IndexedDB unavailable \(SecurityError: denied\)/) });
    expect(value(await send<Entities>('entities/get', { ids: ['llama-1'] })).entities[0]?.id).toBe('llama-1');
    expect(value(await send<{ notes: unknown[] }>('notes/export', {})).notes).toEqual([]);
  });
});
