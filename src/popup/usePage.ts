/** The tab the popup acts on, and what its content script reports about the page. */
import { browser } from '../shared/webext';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { askTab } from '../shared/ask';
import type { ContentResponses } from '../shared/messages';

export type PageState =
  | { kind: 'loading' }
  /** No content script answers: a browser page, a store page, or a tab opened before install. */
  | { kind: 'unavailable' }
  | ({ kind: 'ready'; tabId: number } & ContentResponses['page/mentions']);

/**
 * The popup acts on the active tab. `?tab=ID` names another one: the entry page opened in its own
 * tab and the end-to-end tests (which open the popup as a page) use it.
 */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The page's state, and `refresh` to ask again (after a settings change: the content script applies
 * the stored settings before it answers, so one answer is enough).
 */
export function usePage(): [PageState, () => void] {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const generation = useRef(0);
  const refresh = useCallback(() => {
    const mine = ++generation.current;
    void (async () => {
      const tabId = await targetTab();
      if (tabId === undefined) return setState({ kind: 'unavailable' });
      try {
        const page = await askTab(tabId, 'page/mentions', {});
        if (mine === generation.current) setState({ kind: 'ready', tabId, ...page });
      } catch {
        if (mine === generation.current) setState({ kind: 'unavailable' });
      }
    })();
  }, []);
  useEffect(() => refresh(), [refresh]);
  return [state, refresh];
}
