/**
 * UI text comes from _locales/ so the extension can be translated; this is the one accessor.
 * Keys are written out as string literals at each call, `t('key')`, never computed or kept in a
 * map of keys: test/unit/locales.test.ts finds every key in use that way and checks that each
 * locale has exactly those keys.
 */
import { browser } from '../shared/webext';
import type messages from '../_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The browser's UI language (the one `t` picked its messages for), for `lang` attributes and
 * `Intl`, so dates and numbers read as the rest of the UI does rather than as the page's language.
 */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}
