/**
 * Content script entry: decides from the settings whether to run on this site, starts or stops the
 * Lens as the settings change (no reload needed), and answers the popup's questions about the page.
 */
import { browser, onMessage } from '../shared/webext';
import { ask } from '../shared/ask';
import { contentRequests, parseRequest, type ContentResponses, type ContentType, type Reply, type Request } from '../shared/messages';
import { isActiveOn, loadSettings, onSettingsChanged, siteKey, type Settings } from '../shared/settings';
import type { DictionaryEntry } from '../matcher';
import { Lens } from './lens';

const site = siteKey(location.href);
let lens: Lens | null = null;
let dictionary: Promise<DictionaryEntry[]> | null = null;
let applying: Promise<void> = Promise.resolve();

function apply(settings: Settings): Promise<void> {
  // Changes are applied in order, so a quick off/on never leaves two lenses running.
  applying = applying.then(async () => {
    const active = isActiveOn(settings, site);
    if (!active) {
      lens?.dispose();
      lens = null;
      return;
    }
    if (lens) {
      lens.applySettings(settings);
      return;
    }
    dictionary ??= ask('dictionary/get', {}).then((d) => d.entries);
    const entries = await dictionary.catch((error: unknown) => {
      dictionary = null;
      throw error;
    });
    lens = new Lens(entries, settings);
    await lens.start();
  }).catch((error: unknown) => console.error('[llama-lens] could not start on this page', error));
  return applying;
}

/** One handler per content request, typed by the map in shared/messages. */
const handlers: { [K in ContentType]: (payload: Request<K>) => ContentResponses[K] } = {
  'page/mentions': () => ({ site, active: lens !== null, entities: lens?.mentionCounts() ?? [] }),
  'page/reveal': ({ id }) => ({ found: lens?.reveal({ entity: id }, false) ?? false }),
  'page/step': ({ direction }) => ({ found: lens?.reveal({ direction }, true) ?? false }),
};

async function answer(message: unknown): Promise<Reply<unknown>> {
  const parsed = parseRequest(contentRequests, message);
  if (!parsed.ok) return parsed;
  // Answer about the page as it is once pending setting changes and scans have settled.
  await applying;
  await lens?.settled();
  const handler = handlers[parsed.type] as (payload: unknown) => unknown;
  return { ok: true, value: handler(parsed.payload) };
}

// Only our own extension's pages and background can reach this listener (tabs.sendMessage).
onMessage((message, sender) => (sender.id === browser.runtime.id ? answer(message) : undefined));

onSettingsChanged((s) => void apply(s));
void loadSettings().then(apply);
