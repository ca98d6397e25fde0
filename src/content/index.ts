/**
 * Content script entry: decides from the settings whether to run on this site, starts or stops the
 * Lens as the settings change (no reload needed), and answers the popup's questions about the page.
 */
import { browser, onMessage } from '../shared/webext';
import { ask } from '../shared/ask';
import { contentRequests, parseRequest, type ContentResponses, type Reply } from '../shared/messages';
import { isActiveOn, loadSettings, onSettingsChanged, siteKey, type Settings } from '../shared/settings';
import type { DictionaryEntry } from '../matcher';
import { Lens } from './lens';

const site = siteKey(location.href);
let lens: Lens | null = null;
let dictionary: Promise<DictionaryEntry[]> | null = null;
let applying: Promise<void> = Promise.resolve();

async function disableSite(): Promise<void> {
  await ask('site/set', { on: false });
}

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
    lens = new Lens(entries, settings, {
      disableSite: () => void disableSite().catch((error: unknown) => console.error('[llama-lens] could not switch this site off', error)),
    });
    await lens.start();
  }).catch((error: unknown) => console.error('[llama-lens] could not start on this page', error));
  return applying;
}

async function answer(message: unknown): Promise<Reply<unknown>> {
  const parsed = parseRequest(contentRequests, message);
  if (!parsed.ok) return parsed;
  await applying;
  await lens?.settled();
  switch (parsed.type) {
    case 'page/mentions': {
      const value: ContentResponses['page/mentions'] = { site, active: lens !== null, entities: lens?.mentionCounts() ?? [] };
      return { ok: true, value };
    }
    case 'page/reveal': {
      const { id } = parsed.payload as { id: string };
      return { ok: true, value: { found: lens?.reveal({ entity: id }, false) ?? false } };
    }
    case 'page/step': {
      const { direction } = parsed.payload as { direction: 1 | -1 };
      return { ok: true, value: { found: lens?.reveal({ direction }, true) ?? false } };
    }
  }
  return { ok: false, error: 'unhandled' };
}

// Only our own extension's pages and background can reach this listener (tabs.sendMessage).
onMessage((message, sender) => (sender.id === browser.runtime.id ? answer(message) : undefined));

onSettingsChanged((s) => void apply(s));
void loadSettings().then(apply);
