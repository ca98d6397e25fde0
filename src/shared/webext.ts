/**
 * The WebExtension API, the same in both browsers. Firefox provides `browser`; Chromium's MV3
 * `chrome` returns promises for every call this extension makes. The types come from
 * webextension-polyfill's type package; its run-time shim is not bundled: it would cost ~10 KB of
 * the content script's 50 KB budget (src/shared/limits.ts) on every frame of every page, for the one
 * difference that matters here, handled below.
 */
import type Browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';

export type { Runtime };

export const browser: typeof Browser =
  (globalThis as { browser?: typeof Browser }).browser ?? (globalThis as unknown as { chrome: typeof Browser }).chrome;

/**
 * Registers a message listener that answers with a promise. Chromium ignores a promise returned
 * from an onMessage listener: the answer must go through sendResponse, with `true` returned to keep
 * the channel open. Firefox accepts that form too, so it is the one form used everywhere.
 */
export function onMessage(handle: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    const answer = handle(message, sender);
    if (!answer) return false;
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
