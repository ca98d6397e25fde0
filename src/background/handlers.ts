/**
 * The background's answers, one handler per request of `backgroundRequests` (shared/messages); the
 * shared dispatcher (shared/dispatch) checks sender and message before any of them runs.
 */
import type { Runtime } from '../shared/webext';
import type { Handlers } from '../shared/dispatch';
import type { BackgroundResponses, backgroundRequests } from '../shared/messages';
import { buildDictionary } from '../matcher';
import { loadSettings, saveSettings, siteKey, withSite, type Settings } from '../shared/settings';
import type { Data } from './data';
import { buildIndex, type SearchIndex } from './search';

export interface Services {
  data: Promise<Data>;
  openEntry(id: string): Promise<void>;
}

type Sender = Pick<Runtime.MessageSender, 'id' | 'url'>;

export function createHandlers(services: Services): Handlers<typeof backgroundRequests, BackgroundResponses, Sender> {
  let index: Promise<SearchIndex> | undefined;
  const data = () => services.data;
  // The one writer of the settings: every part asks the background, and saves run one after another,
  // each changing what the one before it stored.
  let saving: Promise<unknown> = Promise.resolve();
  const save = (change: (current: Settings) => Settings) => {
    const saved = saving.then(async () => saveSettings(change(await loadSettings())));
    saving = saved.catch(() => undefined);
    return saved;
  };
  return {
    async 'dictionary/get'() {
      const d = await data();
      const [{ version }, parts] = await Promise.all([d.store.version(), d.store.dictionaryParts()]);
      return { version, entries: buildDictionary(parts.entities, parts.aliases) };
    },
    async 'entities/get'({ ids }) {
      return { entities: await (await data()).store.entities(ids) };
    },
    async search({ query }) {
      index ??= data()
        .then((d) => d.store.allEntities())
        .then(buildIndex)
        .catch((error: unknown) => {
          index = undefined; // try again on the next query rather than caching the failure
          throw error;
        });
      return { hits: (await index).search(query) };
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
  };
}
