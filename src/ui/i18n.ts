/** UI text comes from _locales/ so the extension can be translated; this is the one accessor. */
import { browser } from '../shared/webext';
import type messages from '../_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
