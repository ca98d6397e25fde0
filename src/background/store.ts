/**
 * Read access to the dataset, from IndexedDB or, when it cannot be used, from the bundled copy in
 * memory. Both back ends answer the same questions, so callers never branch on where data lives.
 */
import type { IDBPDatabase } from 'idb';
import type { Dataset, DatasetVersion, Entity, Source } from '../shared/dataset';
import { claimSetup as setupOf, type ClaimData, type ClaimSetup } from '../shared/claims';
import type { EntityView } from '../shared/messages';
import { DATA_STORES, type LensDB } from './db';
import { toView } from './views';

/** What the extension ships and seeds: the dataset and the claim check's data, validated together by the build. */
export interface BundledData extends Dataset {
  claims: ClaimData;
}

export interface DataStore {
  version(): Promise<DatasetVersion>;
  /** Everything the matcher's dictionary is built from. */
  dictionaryParts(): Promise<Pick<Dataset, 'entities' | 'aliases'>>;
  /** Entities by id, in the order asked; unknown ids are left out. */
  entities(ids: readonly string[]): Promise<EntityView[]>;
  /** Every entity, for the search index. */
  allEntities(): Promise<EntityView[]>;
  /** The claim check's data with the sources it cites and how entities relate. */
  claimSetup(): Promise<ClaimSetup>;
}

/**
 * Replaces the bundled data in IndexedDB when the stored version differs, in one transaction over
 * the data stores only: readers see the old dataset or the new one, never a mix, and user stores
 * are not part of the transaction at all.
 */
export async function seed(db: IDBPDatabase<LensDB>, data: BundledData): Promise<'seeded' | 'current'> {
  const stored = await db.get('dataset', 'current');
  if (stored?.version === data.version) return 'current';
  const tx = db.transaction(DATA_STORES, 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    for (const s of DATA_STORES) writes.push(tx.objectStore(s).clear());
    for (const e of data.entities) writes.push(tx.objectStore('entities').put(e));
    data.facts.forEach((f, rank) => writes.push(tx.objectStore('facts').put({ ...f, rank })));
    for (const s of data.sources) writes.push(tx.objectStore('sources').put(s));
    for (const [entity, aliases] of Object.entries(data.aliases)) {
      writes.push(tx.objectStore('aliases').put({ entity, aliases }));
    }
    writes.push(tx.objectStore('claims').put(data.claims, 'current'));
    writes.push(tx.objectStore('dataset').put({ version: data.version, date: data.date }, 'current'));
  } catch (error) {
    // A record refused synchronously (a missing key) must not let the clears commit alone.
    for (const w of writes) w.catch(() => undefined);
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
  return 'seeded';
}

export function memoryStore(data: BundledData): DataStore {
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  const ranked = data.facts.map((f, rank) => ({ ...f, rank }));
  const view = (e: Entity) =>
    toView({
      entity: e,
      facts: ranked.filter((f) => f.entity === e.id),
      aliases: data.aliases[e.id] ?? [],
      sources,
      names,
    });
  return {
    version: async () => ({ version: data.version, date: data.date }),
    dictionaryParts: async () => ({ entities: data.entities, aliases: data.aliases }),
    entities: async (ids) => ids.flatMap((id) => {
      const e = entityById.get(id);
      return e ? [view(e)] : [];
    }),
    allEntities: async () => data.entities.map(view),
    claimSetup: async () => setupOf(data.claims, data.sources, data.entities),
  };
}

export function idbStore(db: IDBPDatabase<LensDB>): DataStore {
  async function views(wanted: readonly string[] | 'all'): Promise<EntityView[]> {
    const tx = db.transaction(['entities', 'facts', 'sources', 'aliases'], 'readonly');
    const all = await tx.objectStore('entities').getAll();
    const names = new Map(all.map((e) => [e.id, e.name]));
    const byId = new Map(all.map((e) => [e.id, e]));
    const chosen =
      wanted === 'all' ? all : wanted.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const factIndex = tx.objectStore('facts').index('byEntity');
    const [factLists, aliasRecords] = await Promise.all([
      Promise.all(chosen.map((e) => factIndex.getAll(e.id))),
      Promise.all(chosen.map((e) => tx.objectStore('aliases').get(e.id))),
    ]);
    const sourceIds = [...new Set(factLists.flat().flatMap((f) => f.sources))];
    const sourceList = await Promise.all(sourceIds.map((id) => tx.objectStore('sources').get(id)));
    await tx.done;
    const sources = new Map<string, Source>();
    for (const s of sourceList) if (s) sources.set(s.id, s);
    return chosen.map((entity, i) =>
      toView({ entity, facts: factLists[i]!, aliases: aliasRecords[i]?.aliases ?? [], sources, names }),
    );
  }
  return {
    async version() {
      const v = await db.get('dataset', 'current');
      if (!v) throw new Error('the database holds no dataset');
      return v;
    },
    async dictionaryParts() {
      const tx = db.transaction(['entities', 'aliases'], 'readonly');
      const [entities, records] = await Promise.all([
        tx.objectStore('entities').getAll(),
        tx.objectStore('aliases').getAll(),
        tx.done,
      ]);
      return { entities, aliases: Object.fromEntries(records.map((r) => [r.entity, r.aliases])) };
    },
    entities: (ids) => views(ids),
    allEntities: () => views('all'),
    async claimSetup() {
      const tx = db.transaction(['claims', 'sources', 'entities'], 'readonly');
      const [claims, sources, entities] = await Promise.all([
        tx.objectStore('claims').get('current'),
        tx.objectStore('sources').getAll(),
        tx.objectStore('entities').getAll(),
        tx.done,
      ]);
      if (!claims) throw new Error('the database holds no claim data');
      return setupOf(claims, sources, entities);
    },
  };
}
