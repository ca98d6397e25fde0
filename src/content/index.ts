/**
 * The lens: injected by the background into the top frame and into frames whose text may name
 * something (the manifest's content script, ./entry.ts, asks for it). It decides from the settings whether to run on this site, starts or stops the
 * Lens as the settings change (no reload needed), and answers the popup's questions about the page.
 *
 * It runs in every frame, and most frames on the web (ads, trackers, embeds) hold little or no
 * text. A document without text touches no extension API: it waits for text. One with little text
 * asks the background whether it names anything (and whether the extension is on for it). Only a
 * document that does, or one too large to send, reads the settings, fetches the dictionary and
 * compiles the matcher.
 */
import { browser, onMessage } from '../shared/webext';
import { ask } from '../shared/ask';
import { dispatcher, type Handlers } from '../shared/dispatch';
import { contentRequests, type ContentResponses } from '../shared/messages';
import { onNotesChanged } from '../shared/notes';
import { isActiveOn, loadSettings, onSettingsChanged, siteKey, type Settings } from '../shared/settings';
import { RESCAN_DEBOUNCE_MS, SMALL_DOCUMENT_CHARS } from '../shared/limits';
import { NO_PAGE_CLAIMS } from '../shared/claims';
import type { DictionaryEntry } from '../matcher';
import { Lens } from './lens';
import { isInSkippedRegion, smallText } from './text-blocks';

const site = siteKey(location.href);
let lens: Lens | null = null;
let settings: Settings | null = null;
let listening = false;
let dictionary: Promise<DictionaryEntry[]> | null = null;
/** The claim-check switch the running lens was made with: changing it makes a new lens. */
let lensChecksClaims = false;
let applying: Promise<void> = Promise.resolve();

/** Steps run in order, so a quick off/on never leaves two lenses running. */
function enqueue(step: () => Promise<void> | void): Promise<void> {
  applying = applying.then(step).catch((error: unknown) => console.error('[llama-lens] could not start on this page', error));
  return applying;
}

/** Settings and notes changes are followed from the first time the settings matter to this document. */
function listen(): void {
  if (listening) return;
  listening = true;
  onSettingsChanged((s) => void apply(s));
  onNotesChanged(() => void lens?.refreshEntities());
}

function apply(s: Settings): Promise<void> {
  return enqueue(async () => {
    settings = s;
    listen();
    if (!isActiveOn(s, site)) {
      waiting.stop();
      lens?.dispose();
      lens = null;
    } else if (lens && lensChecksClaims !== s.claimCheck) {
      // A new lens for the new switch; the document was found to name something already.
      lens.dispose();
      lens = null;
      asked = '';
      await startIfWorthIt();
    } else if (lens) {
      lens.applySettings(s);
    } else {
      // A small document's last answer may have been "switched off here": ask again.
      asked = '';
      await startIfWorthIt();
    }
  });
}

async function startIfWorthIt(): Promise<void> {
  // Watching from before the text is read, so a change while the background answers is not missed.
  waiting.start();
  if (!(await mayNameAnything())) return;
  settings ??= await loadSettings();
  listen();
  waiting.stop();
  if (!isActiveOn(settings, site)) return;
  dictionary ??= ask('dictionary/get', {}).then((d) => d.entries);
  const entries = await dictionary.catch((error: unknown) => {
    dictionary = null;
    throw error;
  });
  lens = new Lens(entries, settings);
  lensChecksClaims = settings.claimCheck;
  await lens.start();
}

/** The text last sent to the background, so an unchanged document is not asked about twice. */
let asked = '';

/**
 * Whether this document may name anything: a large one may; a small one asks the background, which
 * matches it as the Lens would; one without text does not (yet). If the background cannot answer,
 * the answer is yes: a failure must not cost marks.
 */
async function mayNameAnything(): Promise<boolean> {
  const blocks = smallText(document.documentElement, SMALL_DOCUMENT_CHARS, (shadow) => waiting.watch(shadow));
  if (!blocks) return true;
  if (!blocks.length) return false;
  const title = document.title.slice(0, SMALL_DOCUMENT_CHARS);
  const key = JSON.stringify([title, blocks]);
  if (key === asked) return false;
  asked = key;
  const reply = await ask('text/mentions', { title, blocks }).catch(() => null);
  if (reply && !reply.active) {
    // Switched off here: nothing to watch until the settings change.
    waiting.stop();
    listen();
    return false;
  }
  return reply?.found ?? true;
}

/** Watches a document that names nothing yet, and checks it again once it has changed. */
const waiting = (() => {
  let observer: MutationObserver | null = null;
  let timer = 0;
  const recheck = (): void => {
    timer = 0;
    void enqueue(() => (lens ? undefined : startIfWorthIt()));
  };
  return {
    start(): void {
      if (observer) return;
      observer = new MutationObserver((records) => {
        // Removed text cannot make a document name something, nor can an added frame, script or style.
        const grew = records.some((r) => r.type === 'characterData' || Array.prototype.some.call(r.addedNodes, (n: Node) => !isInSkippedRegion(n)));
        if (grew) timer ||= window.setTimeout(recheck, RESCAN_DEBOUNCE_MS);
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    /** Open shadow roots met while reading the text: their changes count too. */
    watch(shadow: ShadowRoot): void {
      observer?.observe(shadow, { childList: true, subtree: true, characterData: true });
    },
    stop(): void {
      observer?.disconnect();
      observer = null;
      clearTimeout(timer);
      timer = 0;
    },
  };
})();

/**
 * The lens as the stored settings say it is now, once its scans have settled. The settings are read
 * afresh rather than waiting for storage.onChanged here: the popup asks right after it heard a
 * change itself, and this frame may not have heard it yet.
 */
async function settledLens(): Promise<{ active: boolean; lens: Lens | null }> {
  const s = await loadSettings();
  await apply(s);
  await lens?.settled();
  return { active: isActiveOn(s, site), lens };
}

const handlers: Handlers<typeof contentRequests, ContentResponses, unknown> = {
  async 'page/mentions'() {
    // Active but without a lens: a page that names nothing (yet).
    const { active, lens: l } = await settledLens();
    return { site, active, entities: (await l?.mentionCounts()) ?? [], ...(l?.pageClaims() ?? { claims: NO_PAGE_CLAIMS, pageDate: null }) };
  },
  async 'page/reveal-claim'({ index }) {
    return { found: (await settledLens()).lens?.revealClaim(index) ?? false };
  },
  async 'page/reveal'({ id }) {
    return { found: (await settledLens()).lens?.reveal({ entity: id }, false) ?? false };
  },
  async 'page/step'({ direction }) {
    return { found: (await settledLens()).lens?.reveal({ direction }, true) ?? false };
  },
};

// One lens per document, however often it is injected.
const loaded = globalThis as { llamaLensLoaded?: true };
if (!loaded.llamaLensLoaded) {
  loaded.llamaLensLoaded = true;
  // The popup and the background address the top frame only (askTab): other frames need no listener.
  if (window === window.top) {
    // Only our own extension's pages and background can reach this listener (tabs.sendMessage).
    onMessage(dispatcher(contentRequests, handlers, browser.runtime.id));
  }
  void enqueue(startIfWorthIt);
}
