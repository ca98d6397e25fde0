/**
 * The background's answers, one handler per request of `backgroundRequests` (shared/messages); the
 * shared dispatcher (shared/dispatch) checks sender and message before any of them runs.
 */
import type { Runtime } from '../shared/webext';
import type { Handlers } from '../shared/dispatch';
import type { BackgroundResponses, backgroundRequests, EntityView } from '../shared/messages';
import { buildDictionary, compileMatcher, pageContext } from '../matcher';
import { createClaimChecker } from '../claims/service';
import { isActiveOn, loadSettings, saveSettings, siteKey, withSite, type Settings } from '../shared/settings';
import type { Data } from './data';
import { buildIndex } from './search';
import { timeline } from './timeline';

export interface Services {
  data: Promise<Data>;
  openEntry(id: string): Promise<void>;
  /** Runs lens.js in one frame of a tab (scripting.executeScript). */
  injectLens(tabId: number, frameId: number): Promise<void>;
  /** Tells every page that a note changed (their cached entities carry notes). */
  notesChanged(): Promise<void>;
}

type Sender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

/**
 * A value built from the data on first use and kept: the data is opened once per background
 * lifetime and an update of the dataset restarts the background, so this is once per dataset
 * version. A failed build is not kept: the next request tries again; `forget` drops the value when
 * what it was built from changed (the search index holds the user's notes).
 */
function remember<T>(build: () => Promise<T>): (() => Promise<T>) & { forget(): void } {
  let value: Promise<T> | undefined;
  const get = () =>
    (value ??= build().catch((error: unknown) => {
      value = undefined;
      throw error;
    }));
  return Object.assign(get, { forget: () => (value = undefined) });
}

/**
 * Entities with the user's notes attached. Notes are the user's, the entities are the dataset's:
 * a failed note read is logged and the entities still come back, without notes.
 */
async function withNotes(d: Data, entities: EntityView[]): Promise<EntityView[]> {
  const notes = await d.notes.get(entities.map((e) => e.id)).catch((error: unknown) => {
    console.error('[llama-lens] could not read notes', error);
    return [];
  });
  const byEntity = new Map(notes.map((n) => [n.entity, n]));
  return entities.map((e) => {
    const note = byEntity.get(e.id);
    return note ? { ...e, note } : e;
  });
}

export function createHandlers(services: Services): Handlers<typeof backgroundRequests, BackgroundResponses, Sender> {
  const data = () => services.data;
  // Every frame of every page asks for the dictionary when it starts: it is built once, not per frame.
  const dictionary = remember(async () => {
    const d = await data();
    const [{ version }, parts] = await Promise.all([d.store.version(), d.store.dictionaryParts()]);
    return { version, entries: buildDictionary(parts.entities, parts.aliases) };
  });
  // Pages send the sentences that name something; the checker is compiled once per dataset version.
  const claimChecker = remember(async () => createClaimChecker(await (await data()).store.claimSetup()));
  // Small documents (mostly frames) are matched here, so they need not fetch and compile the dictionary.
  const matcher = remember(async () => compileMatcher((await dictionary()).entries));
  const index = remember(async () => {
    const d = await data();
    return buildIndex(await withNotes(d, await d.store.allEntities()));
  });
  // The one writer of the settings: every part asks the background, and saves run one after another,
  // each changing what the one before it stored.
  let saving: Promise<unknown> = Promise.resolve();
  const save = (change: (current: Settings) => Settings) => {
    const saved = saving.then(async () => saveSettings(change(await loadSettings())));
    saving = saved.catch(() => undefined);
    return saved;
  };
  /** After a note write: the search index holds notes, and open pages cache them. */
  const notesChanged = async () => {
    index.forget();
    await services.notesChanged().catch((error: unknown) => console.error('[llama-lens] could not announce a note change', error));
  };
  return {
    async 'lens/load'(_, sender) {
      // Only a content script in a tab can ask; the lens goes to the frame that asked, nowhere else.
      if (sender.tab?.id === undefined) throw new Error('the sender is not a page in a tab');
      await services.injectLens(sender.tab.id, sender.frameId ?? 0);
      return null;
    },
    'dictionary/get': () => dictionary(),
    async 'claims/check'({ pieces, pageDate }) {
      return (await claimChecker()).check(pieces, pageDate);
    },
    async 'text/mentions'({ title, blocks }, sender) {
      // The sender's own frame URL, as the content script there keys its site.
      if (!isActiveOn(await loadSettings(), siteKey(sender.url ?? ''))) return { active: false, found: false };
      const m = await matcher();
      // The page context the content script's Lens would take from the same document.
      const page = pageContext(`${title}\n${blocks.map((b) => `${b.text}\n`).join('')}`);
      return { active: true, found: blocks.some((b) => m.find(b.text, page, b.kind).length > 0) };
    },
    'page/context': ({ sample }) => pageContext(sample),
    async 'entities/get'({ ids }) {
      const d = await data();
      return { entities: await withNotes(d, await d.store.entities(ids)) };
    },
    async search({ query }) {
      return { hits: (await index()).search(query) };
    },
    async 'status/get'() {
      const d = await data();
      const { version, date } = await d.store.version();
      return { datasetVersion: version, datasetDate: date, storage: d.state() };
    },
    async 'site/set'({ on }, sender) {
      const site = sender.url ? siteKey(sender.url) : '';
      if (!site) throw new Error('the sender has no site');
      await save((current) => withSite(current, site, on));
      return null;
    },
    async 'settings/save'({ settings }) {
      return save(() => settings);
    },
    async 'entry/open'({ id }) {
      await services.openEntry(id);
      return null;
    },
    async 'note/set'({ entity, text }) {
      const note = await (await data()).notes.set(entity, text);
      await notesChanged();
      return { note };
    },
    async 'note/delete'({ entity }) {
      const deleted = await (await data()).notes.delete(entity);
      if (deleted) await notesChanged();
      return { deleted };
    },
    async 'timeline/get'() {
      return { events: timeline(await (await data()).store.allEntities()) };
    },
    async 'notes/export'() {
      return { notes: await (await data()).notes.all() };
    },
    async 'notes/put'({ notes }) {
      const stored = await (await data()).notes.put(notes);
      await notesChanged();
      return { stored };
    },
  };
}
