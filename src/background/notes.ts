/**
 * The user's notes in IndexedDB's `notes` store. Unlike the bundled data there is no copy to fall
 * back on: when IndexedDB cannot be used, notes cannot be kept, and every write says so rather
 * than pretending (a note held in memory would vanish with the background).
 */
import type { IDBPDatabase } from 'idb';
import type { UserNote } from '../shared/notes';
import type { LensDB } from './db';

export interface NoteStore {
  /** The notes on these entities (those that have one). */
  get(entities: readonly string[]): Promise<UserNote[]>;
  all(): Promise<UserNote[]>;
  /** Writes `text` as the note on `entity`, stamped now. */
  set(entity: string, text: string): Promise<UserNote>;
  /** Deletes the note on `entity`; returns it (null when there was none). */
  delete(entity: string): Promise<UserNote | null>;
  /** Stores whole notes as given, in one transaction: all of them or none. */
  put(notes: readonly UserNote[]): Promise<number>;
}

export function idbNotes(db: IDBPDatabase<LensDB>, now = () => new Date()): NoteStore {
  return {
    async get(entities) {
      const tx = db.transaction('notes', 'readonly');
      const found = await Promise.all(entities.map((id) => tx.store.get(id)));
      await tx.done;
      return found.filter((n): n is UserNote => n !== undefined);
    },
    all: () => db.getAll('notes'),
    async set(entity, text) {
      const note: UserNote = { entity, text, updated: now().toISOString() };
      await db.put('notes', note);
      return note;
    },
    async delete(entity) {
      const tx = db.transaction('notes', 'readwrite');
      const old = await tx.store.get(entity);
      if (old) await tx.store.delete(entity);
      await tx.done;
      return old ?? null;
    },
    async put(notes) {
      const tx = db.transaction('notes', 'readwrite');
      await Promise.all([...notes.map((n) => tx.store.put(n)), tx.done]);
      return notes.length;
    },
  };
}

/** Notes when IndexedDB is unavailable: nothing to read, and writes refused with the reason. */
export function unavailableNotes(reason: string): NoteStore {
  const refuse = async (): Promise<never> => {
    throw new Error(`notes cannot be saved: ${reason}`);
  };
  return { get: async () => [], all: async () => [], set: refuse, delete: refuse, put: refuse };
}
