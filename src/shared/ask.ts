/** Typed senders for the message maps in ./messages: the only way the extension's parts talk. */
import { browser } from './webext';
import type { BackgroundResponses, BackgroundType, ContentResponses, ContentType, Reply, Request } from './messages';

function unwrap<T>(type: string, reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error(`no valid reply to ${type}`);
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Ask the background. Throws with the background's own error message on failure. */
export async function ask<K extends BackgroundType>(type: K, payload: Request<K>): Promise<BackgroundResponses[K]> {
  return unwrap(type, await browser.runtime.sendMessage({ type, payload }));
}

/** Ask the content script of a tab (its top frame unless `frameId` is given). */
export async function askTab<K extends ContentType>(
  tabId: number,
  type: K,
  payload: Request<K>,
  frameId = 0,
): Promise<ContentResponses[K]> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, { type, payload }, { frameId }));
}
