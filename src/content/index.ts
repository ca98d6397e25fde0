/**
 * Content script entry: decides from the settings whether to run on this site, starts or stops the
 * Lens as the settings change (no reload needed), and answers the popup's questions about the page.
 */
import { browser, onMessage } from '../shared/webext';
import { ask } from '../shared/ask';
import { dispatcher, type Handlers } from '../shared/dispatch';
import { contentRequests, type ContentResponses } from '../shared/messages';
import { isActiveOn, loadSettings, onSettingsChanged, siteKey, type Settings } from '../shared/settings';
import type { DictionaryEntry } from '../matcher';
import type { ClaimSetup } from '../shared/claims';
import { Lens } from './lens';

const site = siteKey(location.href);
let lens: Lens | null = null;
let dictionary: Promise<DictionaryEntry[]> | null = null;
let claimSetup: Promise<ClaimSetup> | null = null;
/** The claim-check switch the running lens was made with: changing it makes a new lens. */
let lensChecksClaims = false;
let applying: Promise<void> = Promise.resolve();

function apply(settings: Settings): Promise<void> {
  // Changes are applied in order, so a quick off/on never leaves two lenses running.
  applying = applying.then(async () => {
    const active = isActiveOn(settings, site);
    if (!active || (lens && lensChecksClaims !== settings.claimCheck)) {
      lens?.dispose();
      lens = null;
      if (!active) return;
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
    // Without its data the claim check stays off and the lens still marks mentions.
    const claims = settings.claimCheck
      ? await (claimSetup ??= ask('claims/get', {})).catch((error: unknown) => {
          claimSetup = null;
          console.error('[llama-lens] claim check unavailable', error);
          return null;
        })
      : null;
    lens = new Lens(entries, settings, claims);
    lensChecksClaims = settings.claimCheck;
    await lens.start();
  }).catch((error: unknown) => console.error('[llama-lens] could not start on this page', error));
  return applying;
}

/**
 * The lens as the stored settings say it is now, once its scans have settled. The settings are read
 * afresh rather than waiting for storage.onChanged here: the popup asks right after it heard a
 * change itself, and this frame may not have heard it yet.
 */
async function settledLens(): Promise<Lens | null> {
  await apply(await loadSettings());
  await lens?.settled();
  return lens;
}

const handlers: Handlers<typeof contentRequests, ContentResponses, unknown> = {
  async 'page/mentions'() {
    const l = await settledLens();
    return { site, active: l !== null, entities: l?.mentionCounts() ?? [], ...(l?.pageClaims() ?? { claims: [], pageDate: null }) };
  },
  async 'page/reveal-claim'({ index }) {
    return { found: (await settledLens())?.revealClaim(index) ?? false };
  },
  async 'page/reveal'({ id }) {
    return { found: (await settledLens())?.reveal({ entity: id }, false) ?? false };
  },
  async 'page/step'({ direction }) {
    return { found: (await settledLens())?.reveal({ direction }, true) ?? false };
  },
};

// Only our own extension's pages and background can reach this listener (tabs.sendMessage).
onMessage(dispatcher(contentRequests, handlers, browser.runtime.id));

onSettingsChanged((s) => void apply(s));
void loadSettings().then(apply);
