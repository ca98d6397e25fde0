/**
 * The knowledge base's storage: seeding, re-seeding on a new dataset version, every schema
 * migration, a failed migration, and the fall back to the bundled data in memory.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { DATA_STORES, DB_VERSION, MIGRATIONS, USER_STORES, openDatabase, type LensDB, type UserNote } from '../../src/background/db';
import { idbStore, memoryStore, seed, type BundledData } from '../../src/background/store';
import { openData } from '../../src/background/data';
import type { Entity, Fact } from '../../src/shared/dataset';
import { BUNDLED as BUNDLED_DATASET } from '../../src/background/bundle';

const REAL: BundledData = BUNDLED_DATASET;

/** A deep copy, so no test can change what another one sees. */
function realData(): BundledData {
  return structuredClone(REAL);
}

// One database name per test: fake-indexeddb's factory is global, so names keep tests apart.
let counter = 0;
let name: string;
const opened: IDBPDatabase<LensDB>[] = [];
beforeEach(() => {
  name = `lens-test-${++counter}`;
  // The code under test logs its fallbacks with console.error; tests assert on them where they matter.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function open(version = DB_VERSION, migrations = MIGRATIONS): Promise<IDBPDatabase<LensDB>> {
  const db = await openDatabase(name, version, migrations);
  opened.push(db);
  return db;
}

const NOTE: UserNote = { entity: 'llama-1', text: 'read the model card again', updated: '2026-01-02' };

/** A dataset one version on: one entity (and its facts) removed, one added, one summary changed. */
function nextVersion(base: BundledData, removed: string): BundledData {
  const next = structuredClone(base);
  next.version = `${base.version}-next`;
  next.entities = next.entities.filter((e) => e.id !== removed);
  next.facts = next.facts.filter((f) => f.entity !== removed);
  delete next.aliases[removed];
  for (const e of next.entities) e.related = e.related.filter((id) => id !== removed);
  const added: Entity = { id: 'new-entity', topic: 'llama', name: 'New', kind: 'project', summary: 'Added in the next version.', related: [] };
  const fact: Fact = { id: 'new-entity-fact', entity: 'new-entity', kind: 'trait', text: 'A new fact.', sources: [next.sources[0]!.id] };
  next.entities.push(added);
  next.facts.push(fact);
  next.entities[0]!.summary = 'Changed in the next version.';
  return next;
}

describe('seed', () => {
  it('fills every data store in one transaction and records the version', async () => {
    const db = await open();
    const data = realData();
    const transaction = vi.spyOn(db, 'transaction');
    expect(await seed(db, data)).toBe('seeded');

    const writers = transaction.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(writers).toHaveLength(1);
    expect(Array.from(writers[0]![0]).sort()).toEqual([...DATA_STORES].sort());
    expect(await db.get('dataset', 'current')).toEqual({ version: data.version, date: data.date });
    expect(await db.count('entities')).toBe(data.entities.length);
    expect(await db.count('facts')).toBe(data.facts.length);
    expect(await db.count('sources')).toBe(data.sources.length);
    expect(await db.count('aliases')).toBe(Object.keys(data.aliases).length);
    expect(await db.get('entities', 'llama-1')).toEqual(data.entities.find((e) => e.id === 'llama-1'));
    expect(await db.get('claims', 'current')).toEqual(data.claims);
  });

  it('on a new version replaces the bundled data and keeps user notes', async () => {
    const db = await open();
    const v1 = realData();
    await seed(db, v1);
    await db.put('notes', NOTE);
    const removed = v1.entities.find((e) => e.id !== 'llama-1' && e.id !== v1.entities[0]!.id)!.id;
    const v2 = nextVersion(v1, removed);

    expect(await seed(db, v2)).toBe('seeded');
    expect(await db.get('dataset', 'current')).toEqual({ version: v2.version, date: v2.date });
    expect(await db.get('entities', removed)).toBeUndefined();
    expect(await db.getAllFromIndex('facts', 'byEntity', removed)).toEqual([]);
    expect(await db.get('aliases', removed)).toBeUndefined();
    expect(await db.get('entities', 'new-entity')).toMatchObject({ name: 'New' });
    expect((await idbStore(db).entities(['new-entity']))[0]?.facts.map((f) => f.id)).toEqual(['new-entity-fact']);
    expect((await db.get('entities', v2.entities[0]!.id))?.summary).toBe('Changed in the next version.');
    expect(await db.count('entities')).toBe(v2.entities.length);
    expect(await db.count('facts')).toBe(v2.facts.length);
    expect(await db.get('notes', 'llama-1')).toEqual(NOTE);
  });

  it('does not rewrite anything when the stored version is current', async () => {
    const db = await open();
    const data = realData();
    await seed(db, data);
    // A stored record changed behind the seed's back would be overwritten by any rewrite.
    await db.put('entities', { ...data.entities[0]!, summary: 'kept' });
    const transaction = vi.spyOn(db, 'transaction');

    expect(await seed(db, data)).toBe('current');
    expect(transaction.mock.calls.filter((c) => c[1] === 'readwrite')).toEqual([]);
    expect((await db.get('entities', data.entities[0]!.id))?.summary).toBe('kept');
  });

  it('leaves the old dataset whole when a re-seed is aborted part-way', async () => {
    const db = await open();
    const v1 = realData();
    await seed(db, v1);
    const v2 = nextVersion(v1, v1.entities.at(-1)!.id);

    // A transaction that aborts after a few writes (quota, a crash) must not leave a mix of versions.
    let puts = 0;
    const aborting = new Proxy(db, {
      get(target, key) {
        if (key !== 'transaction') {
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return (...args: Parameters<typeof db.transaction>) => {
          const tx = target.transaction(...args);
          const entitiesStore = tx.objectStore('entities') as unknown as { put(value: Entity): Promise<unknown> };
          const put = entitiesStore.put.bind(entitiesStore);
          entitiesStore.put = (value: Entity) => {
            const request = put(value);
            // Aborts once a write has landed and the rest are queued, as a quota failure would.
            if (++puts === 3) void request.then(() => tx.abort());
            return request;
          };
          return tx;
        };
      },
    });
    await expect(seed(aborting, v2)).rejects.toThrow();
    expect(puts).toBe(v2.entities.length);
    expect(await db.get('dataset', 'current')).toEqual({ version: v1.version, date: v1.date });
    expect(await db.count('entities')).toBe(v1.entities.length);
    expect(await db.get('entities', 'new-entity')).toBeUndefined();
    expect((await db.get('entities', v1.entities[0]!.id))?.summary).toBe(v1.entities[0]!.summary);
  });

  it('leaves the old dataset whole when a record is refused before any write lands', async () => {
    const db = await open();
    const v1 = realData();
    await seed(db, v1);
    const v2 = nextVersion(v1, v1.entities.at(-1)!.id);
    // No key: IndexedDB throws synchronously inside put(), after the clears were queued.
    delete (v2.entities[1] as Partial<Entity>).id;
    await expect(seed(db, v2)).rejects.toThrow();
    expect(await db.get('dataset', 'current')).toEqual({ version: v1.version, date: v1.date });
    expect(await db.count('entities')).toBe(v1.entities.length);
    expect(await db.count('facts')).toBe(v1.facts.length);
  });
});

describe('migrations', () => {
  /** Puts one record into every store that exists at this version: what a real profile would hold. */
  async function fill(db: IDBPDatabase<LensDB>): Promise<string[]> {
    const data = realData();
    const stores = [...db.objectStoreNames] as string[];
    const fact = data.facts.find((f) => f.entity === 'llama-1')!;
    if (stores.includes('dataset')) await db.put('dataset', { version: 'an-old-hash', date: '2023-01-01' }, 'current');
    if (stores.includes('entities')) await db.put('entities', data.entities.find((e) => e.id === 'llama-1')!);
    if (stores.includes('facts')) await db.put('facts', { ...fact, rank: 0 });
    if (stores.includes('sources')) await db.put('sources', data.sources.find((s) => s.id === fact.sources[0])!);
    if (stores.includes('aliases')) await db.put('aliases', { entity: 'llama-1', aliases: data.aliases['llama-1']! });
    if (stores.includes('notes')) await db.put('notes', NOTE);
    return stores;
  }

  it('fills the claims store on the update that adds it, though the dataset itself did not change', async () => {
    const old = await openDatabase(name, 2, MIGRATIONS);
    await fill(old);
    await old.put('dataset', { version: REAL.version, date: REAL.date }, 'current');
    old.close();

    const db = await open();
    expect(await seed(db, realData())).toBe('seeded');
    const setup = await idbStore(db).claimSetup();
    expect(setup.data).toEqual(REAL.claims);
    expect(await db.get('notes', 'llama-1')).toEqual(NOTE);
  });

  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThan(0);
  });

  for (let k = 0; k < DB_VERSION; k++) {
    it(`upgrades a version ${k} database to version ${DB_VERSION} and keeps its user data`, async () => {
      let before: string[] = [];
      // Version 0 is a profile that never had the database: open() would reject version 0 itself.
      if (k > 0) {
        const old = await openDatabase(name, k, MIGRATIONS);
        expect(old.version).toBe(k);
        before = await fill(old);
        old.close();
      }

      const db = await open();
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual([...DATA_STORES, ...USER_STORES].sort());
      const facts = db.transaction('facts').store;
      expect([...facts.indexNames]).toContain('byEntity');
      expect(facts.index('byEntity').keyPath).toBe('entity');
      expect(db.transaction('notes').store.keyPath).toBe('entity');

      if (before.includes('notes')) expect(await db.get('notes', 'llama-1')).toEqual(NOTE);
      // The index added by a later migration covers facts written before it existed.
      if (before.includes('facts')) expect(await db.countFromIndex('facts', 'byEntity', 'llama-1')).toBe(1);

      // An upgraded database serves the current dataset like a fresh one.
      expect(await seed(db, realData())).toBe('seeded');
      const [view] = await idbStore(db).entities(['llama-1']);
      expect(view?.facts.length).toBe(REAL.facts.filter((f) => f.entity === 'llama-1').length);
      if (before.includes('notes')) expect(await db.get('notes', 'llama-1')).toEqual(NOTE);
    });
  }

  it('leaves the database at its old version, data intact, when a migration throws', async () => {
    const db = await open();
    await seed(db, realData());
    await db.put('notes', NOTE);
    db.close();

    const broken = [
      ...MIGRATIONS,
      (d: IDBPDatabase<LensDB>) => {
        (d as unknown as IDBPDatabase).createObjectStore('half-done');
        throw new Error('migration bug');
      },
    ] as typeof MIGRATIONS;
    await expect(openDatabase(name, DB_VERSION + 1, broken)).rejects.toThrow(
      `upgrade to database version ${DB_VERSION + 1} failed (migration bug); the stored data was kept`,
    );

    const after = await open();
    expect(after.version).toBe(DB_VERSION);
    expect([...after.objectStoreNames]).not.toContain('half-done');
    expect(await after.get('notes', 'llama-1')).toEqual(NOTE);
    expect(await after.get('dataset', 'current')).toEqual({ version: REAL.version, date: REAL.date });
    expect(await after.count('entities')).toBe(REAL.entities.length);

    // And the background, meeting the same failure, serves the bundle from memory and says why.
    const data = await openData(realData(), () => openDatabase(name, DB_VERSION + 1, broken));
    expect(data.state()).toMatchObject({ kind: 'memory', reason: expect.stringMatching(/^IndexedDB unavailable .*upgrade to database version \d+ failed/) });
    expect((await data.store.entities(['llama-1']))[0]?.id).toBe('llama-1');
  });
});

describe('openData', () => {
  it('serves from IndexedDB when it opens', async () => {
    const data = await openData(realData(), () => open());
    expect(data.state()).toEqual({ kind: 'indexeddb' });
    expect(await data.store.version()).toEqual({ version: REAL.version, date: REAL.date });
    expect(await (await open()).count('entities')).toBe(REAL.entities.length);
  });

  it.each([
    ['QuotaExceededError', 'The quota has been exceeded.'],
    ['InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.'],
  ])('falls back to memory when open() rejects with %s', async (errorName, message) => {
    const data = await openData(realData(), () => Promise.reject(new DOMException(message, errorName)));
    expect(data.state()).toEqual({ kind: 'memory', reason: `IndexedDB unavailable (${errorName}: ${message})` });
    expect(await data.store.version()).toEqual({ version: REAL.version, date: REAL.date });
    const views = await data.store.entities(['hugging-face', 'llama-1']);
    expect(views.map((v) => v.id)).toEqual(['hugging-face', 'llama-1']);
    expect(views[1]!.facts.length).toBeGreaterThan(0);
    expect(console.error).toHaveBeenCalled();
  });

  it('switches to memory when a read fails after opening, and the state says so', async () => {
    let db: IDBPDatabase<LensDB> | undefined;
    const data = await openData(realData(), async () => (db = await open()));
    expect(await data.store.entities(['llama-1'])).toHaveLength(1);
    expect(data.state()).toEqual({ kind: 'indexeddb' });

    db!.close();
    const views = await data.store.entities(['llama-1']);
    expect(views.map((v) => v.id)).toEqual(['llama-1']);
    expect(data.state()).toMatchObject({ kind: 'memory', reason: expect.stringMatching(/^IndexedDB read failed \(InvalidStateError/) });
    // Later reads stay in memory rather than retrying a broken connection.
    expect((await data.store.dictionaryParts()).entities).toHaveLength(REAL.entities.length);
  });

  it('switches to memory when a store method fails', async () => {
    let db: IDBPDatabase<LensDB> | undefined;
    const data = await openData(realData(), async () => (db = await open()));
    vi.spyOn(db!, 'get').mockRejectedValue(new DOMException('disk gone', 'UnknownError'));
    expect(await data.store.version()).toEqual({ version: REAL.version, date: REAL.date });
    expect(data.state()).toEqual({ kind: 'memory', reason: 'IndexedDB read failed (UnknownError: disk gone)' });
  });

  it('gives way to a newer version opened elsewhere, then reads from memory', async () => {
    const data = await openData(realData(), () => open());
    // Another context (an updated background) upgrades: this connection must close, not block it.
    const newer = await openDatabase(name, DB_VERSION + 1, [...MIGRATIONS, () => undefined]);
    opened.push(newer);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect((await data.store.entities(['llama-1']))[0]?.id).toBe('llama-1');
    expect(data.state().kind).toBe('memory');
  });
});

describe('idbStore and memoryStore', () => {
  it('answer identically for the bundled dataset', async () => {
    const db = await open();
    const data = realData();
    await seed(db, data);
    const idb = idbStore(db);
    const memory = memoryStore(data);
    const ids = [...data.entities.map((e) => e.id)].reverse();

    const fromIdb = await idb.entities([...ids, 'no-such-entity', 'llama-1']);
    expect(fromIdb).toHaveLength(ids.length + 1);
    expect(fromIdb).toEqual(await memory.entities([...ids, 'no-such-entity', 'llama-1']));
    expect(await idb.entities([])).toEqual([]);
    expect(await idb.entities(['no-such-entity'])).toEqual(await memory.entities(['no-such-entity']));

    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect((await idb.allEntities()).sort(byId)).toEqual((await memory.allEntities()).sort(byId));
    expect(await idb.version()).toEqual(await memory.version());
    const [idbParts, memoryParts] = [await idb.dictionaryParts(), await memory.dictionaryParts()];
    expect(idbParts.aliases).toEqual(memoryParts.aliases);
    const [idbClaims, memoryClaims] = [await idb.claimSetup(), await memory.claimSetup()];
    expect(idbClaims.data).toEqual(memoryClaims.data);
    expect([...idbClaims.sources].sort(byId)).toEqual([...memoryClaims.sources].sort(byId));
    expect([...idbClaims.entities].sort(byId)).toEqual([...memoryClaims.entities].sort(byId));
    // Only the sources the claim data cites travel to pages.
    expect(idbClaims.sources.length).toBeGreaterThan(0);
    expect(idbClaims.sources.length).toBeLessThan(data.sources.length);
    expect([...idbParts.entities].sort(byId)).toEqual([...memoryParts.entities].sort(byId));
  });
});
