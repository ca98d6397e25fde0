/**
 * Opens the data once per background lifetime: IndexedDB, seeded from the bundle, or the bundle
 * in memory when IndexedDB cannot be used (private mode, quota, corruption, a failed upgrade). A
 * read that fails later switches to memory too, so a lookup always gets an answer.
 */
import type { StorageState } from '../shared/messages';
import { openDatabase } from './db';
import { idbNotes, unavailableNotes, type NoteStore } from './notes';
import { idbStore, memoryStore, seed, type BundledData, type DataStore } from './store';

export interface Data {
  store: DataStore;
  /** The user's notes: in IndexedDB, or refused with the reason when it cannot be used. */
  notes: NoteStore;
  state(): StorageState;
}

function describe(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown };
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return `${name}: ${message}`.slice(0, 300);
}

/** Every call goes to `primary` until one fails; from then on to `fallback`. */
function withFallback(primary: DataStore, fallback: DataStore, onFail: (error: unknown) => void): DataStore {
  let failed = false;
  const guard =
    <A extends unknown[], R>(pick: (s: DataStore) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!failed) {
        try {
          return await pick(primary)(...args);
        } catch (error) {
          failed = true;
          onFail(error);
        }
      }
      return pick(fallback)(...args);
    };
  return {
    version: guard((s) => s.version),
    dictionaryParts: guard((s) => s.dictionaryParts),
    entities: guard((s) => s.entities),
    allEntities: guard((s) => s.allEntities),
    claimSetup: guard((s) => s.claimSetup),
  };
}

export async function openData(bundle: BundledData, open = () => openDatabase()): Promise<Data> {
  const memory = memoryStore(bundle);
  let state: StorageState = { kind: 'indexeddb' };
  try {
    const db = await open();
    await seed(db, bundle);
    const store = withFallback(idbStore(db), memory, (error) => {
      state = { kind: 'memory', reason: `IndexedDB read failed (${describe(error)})` };
      console.error('[llama-lens] IndexedDB read failed; serving bundled data from memory', error);
    });
    return { store, notes: idbNotes(db), state: () => state };
  } catch (error) {
    console.error('[llama-lens] IndexedDB unavailable; serving bundled data from memory', error);
    const reason = `IndexedDB unavailable (${describe(error)})`;
    state = { kind: 'memory', reason };
    return { store: memory, notes: unavailableNotes(reason), state: () => state };
  }
}
