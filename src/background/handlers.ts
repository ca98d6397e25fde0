/**
 * Answers the background's messages. `handle` is the one entry point: it checks the sender and the
 * message against the map in shared/messages, runs the handler, and wraps the outcome in a Reply.
 */
import type { Runtime } from '../shared/webext';
import { backgroundRequests, parseRequest, type BackgroundResponses, type BackgroundType, type Reply, type Request } from '../shared/messages';
import { buildDictionary } from '../matcher';
import { loadSettings, saveSettings, siteKey, withSite } from '../shared/settings';
import type { Data } from './data';
import { buildIndex, type SearchIndex } from './search';

export interface Services {
  data: Promise<Data>;
  /** Our own extension id: messages from anything else are refused. */
  extensionId: string;
  openEntry(id: string): Promise<void>;
}

type Sender = Pick<Runtime.MessageSender, 'id' | 'url'>;
type Handlers = { [K in BackgroundType]: (payload: Request<K>, sender: Sender) => Promise<BackgroundResponses[K]> };

export function createHandlers(services: Services): Handlers {
  let index: Promise<SearchIndex> | undefined;
  const data = () => services.data;
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
      await saveSettings(withSite(await loadSettings(), site, on));
      return null;
    },
    async 'entry/open'({ id }) {
      await services.openEntry(id);
      return null;
    },
  };
}

export async function handle(
  handlers: Handlers,
  extensionId: string,
  message: unknown,
  sender: Sender,
): Promise<Reply<unknown>> {
  if (sender.id !== extensionId) {
    console.error('[llama-lens] refused a message from another sender', sender.id);
    return { ok: false, error: 'unknown sender' };
  }
  const parsed = parseRequest(backgroundRequests, message);
  if (!parsed.ok) {
    console.error('[llama-lens] refused a malformed message:', parsed.error);
    return parsed;
  }
  try {
    const handler = handlers[parsed.type] as (p: unknown, s: Sender) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.payload, sender) };
  } catch (error) {
    console.error(`[llama-lens] ${parsed.type} failed`, error);
    return { ok: false, error: `${parsed.type} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
