/**
 * The content script as the manifest loads it into every frame of every page: a few kilobytes that
 * decide whether the lens (src/content/index.ts, built as lens.js) is worth loading here, and ask
 * the background to inject it. The top frame always gets the lens: it answers the popup and the
 * keyboard commands. A frame gets it once its text may name something (./frame-gate); until then
 * it is watched, so text that arrives later still counts. Nothing here touches the page.
 */
import prefixes from 'virtual:alias-prefixes';
import { ask } from '../shared/ask';
import { RESCAN_DEBOUNCE_MS, SMALL_DOCUMENT_CHARS } from '../shared/limits';
import { documentMayName } from './frame-gate';

function load(): void {
  ask('lens/load', {}).catch((error: unknown) => console.error('[llama-lens] could not load the lens here', error));
}

if (window === window.top || documentMayName(document, prefixes, SMALL_DOCUMENT_CHARS)) {
  load();
} else {
  let timer = 0;
  const observer = new MutationObserver(() => {
    timer ||= window.setTimeout(() => {
      timer = 0;
      if (!documentMayName(document, prefixes, SMALL_DOCUMENT_CHARS)) return;
      observer.disconnect();
      load();
    }, RESCAN_DEBOUNCE_MS);
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
