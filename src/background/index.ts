/** The background: owns the data and answers messages; relays keyboard commands to the active tab. */
import { browser, onMessage } from '../shared/webext';
import { askTab } from '../shared/ask';
import { dispatcher } from '../shared/dispatch';
import { backgroundRequests } from '../shared/messages';
import { signalNotesChanged } from '../shared/notes';
import { claimSetup } from '../shared/claims';
import { BUNDLED, BUNDLED_CLAIMS } from './bundle';
import { openData } from './data';
import { createHandlers } from './handlers';

// Opened (and seeded when the bundled version changed) at every background start: an install or
// update starts the background, so this also covers runtime.onInstalled without a second path.
const data = openData(BUNDLED);

const handlers = createHandlers({
  data,
  claims: claimSetup(BUNDLED_CLAIMS, BUNDLED.sources, BUNDLED.entities),
  async openEntry(id) {
    await browser.tabs.create({ url: browser.runtime.getURL(`popup.html#entry/${encodeURIComponent(id)}`) });
  },
  notesChanged: signalNotesChanged,
});

onMessage(dispatcher(backgroundRequests, handlers, browser.runtime.id));

// Firefox for Android has no keyboard commands (no `commands` API): there, stepping is the popup's "On this page".
browser.commands?.onCommand.addListener(async (command) => {
  const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab without our content script (browser pages, a site the user switched off) has no one to answer.
  await askTab(tab.id, 'page/step', { direction }).catch(() => undefined);
});
