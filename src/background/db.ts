/**
 * The IndexedDB schema and its numbered migrations.
 *
 * Bundled data (replaced wholesale when the dataset version changes) lives in DATA_STORES; user data
 * lives in USER_STORES and is never cleared by seeding. Each migration takes the database from
 * version n to n+1; the database version is the number of migrations, so an old profile replays
 * exactly the steps it missed, inside the one upgrade transaction (all or nothing).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Alias, DatasetVersion, Entity, Fact, Source } from '../shared/dataset';
import type { ClaimData } from '../shared/claims';
import type { UserNote } from '../shared/notes';

export type { UserNote };

export const DB_NAME = 'llama-lens';

export interface LensDB extends DBSchema {
  /** Which dataset version the data stores hold; written in the same transaction as the data. */
  dataset: { key: 'current'; value: DatasetVersion };
  entities: { key: string; value: Entity };
  /** `rank` keeps the dataset's order (most important first), which the id index would lose. */
  facts: { key: string; value: Fact & { rank: number }; indexes: { byEntity: string } };
  sources: { key: string; value: Source };
  aliases: { key: string; value: { entity: string; aliases: Alias[] } };
  /** The claim check's values, misreports and cue patterns: one record, replaced with the dataset. */
  claims: { key: 'current'; value: ClaimData };
  /** A note the user keeps on an entity. User data: seeding never touches it. */
  notes: { key: string; value: UserNote };
}

export const DATA_STORES = ['dataset', 'entities', 'facts', 'sources', 'aliases', 'claims'] as const;
export const USER_STORES = ['notes'] as const;

type Upgrade = (db: IDBPDatabase<LensDB>, tx: IDBPTransaction<LensDB, StoreNames<LensDB>[], 'versionchange'>) => void;

// The stores are created by name at run time; the typed schema describes the final version only.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const MIGRATIONS: readonly Upgrade[] = [
  // 1: the bundled dataset.
  (db) => {
    db.createObjectStore('dataset');
    db.createObjectStore('entities', { keyPath: 'id' });
    db.createObjectStore('facts', { keyPath: 'id' });
    db.createObjectStore('sources', { keyPath: 'id' });
    db.createObjectStore('aliases', { keyPath: 'entity' });
  },
  // 2: user notes, and facts looked up by entity without a full scan.
  (db, tx) => {
    db.createObjectStore('notes', { keyPath: 'entity' });
    tx.objectStore('facts').createIndex('byEntity', 'entity' as any);
  },
  // 3: the claim check's data. Forgetting the stored version makes the next seed fill the new store
  // even when the dataset itself did not change with this update.
  (db, tx) => {
    db.createObjectStore('claims');
    tx.objectStore('dataset').delete('current' as any);
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

export const DB_VERSION = MIGRATIONS.length;

/**
 * Opens the database, upgraded to `version` (tests open earlier versions to check each upgrade).
 * A migration that throws aborts the upgrade transaction, which leaves the old version intact.
 */
export async function openDatabase(
  name = DB_NAME,
  version = DB_VERSION,
  migrations: readonly Upgrade[] = MIGRATIONS,
): Promise<IDBPDatabase<LensDB>> {
  let failed: { version: number; error: unknown } | undefined;
  try {
    return await openDB<LensDB>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        // The aborted upgrade rejects openDB; idb's own promise for the transaction would
        // otherwise surface as a second, unhandled rejection.
        tx.done.catch(() => undefined);
        for (let v = oldVersion; v < (newVersion ?? version); v++) {
          try {
            migrations[v]!(db, tx);
          } catch (error) {
            failed = { version: v + 1, error };
            tx.abort();
            return;
          }
        }
      },
      // Another context holds an older connection: it is told to close (below) and this open waits.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
      },
    });
  } catch (error) {
    // Say which step failed: the popup shows this, and the old database is still intact.
    if (failed) {
      const cause = failed.error instanceof Error ? failed.error.message : String(failed.error);
      // The caught error is only the abort that followed; the migration's own error is the cause.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`upgrade to database version ${failed.version} failed (${cause}); the stored data was kept`, { cause: failed.error });
    }
    throw error;
  }
}
