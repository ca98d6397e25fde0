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
 * After a settings change the page and the popup hear of it at about the same time, so the page
 * may answer before it has applied the change. It is asked again, this often, until it has.
 */
const SETTLE_RETRY_MS = 50;
const SETTLE_RETRIES = 20;

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

/** `refresh(expectActive)` asks the page again, retrying until its answer agrees with `expectActive(site)`. */
export function usePage(): [PageState, (expectActive?: (site: string) => boolean) => void] {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const generation = useRef(0);
  const refresh = useCallback((expectActive?: (site: string) => boolean) => {
    const mine = ++generation.current;
    void (async () => {
      const tabId = await targetTab();
      if (tabId === undefined) return setState({ kind: 'unavailable' });
      for (let attempt = 0; ; attempt++) {
        let page: ContentResponses['page/mentions'];
        try {
          page = await askTab(tabId, 'page/mentions', {});
        } catch {
          if (mine === generation.current) setState({ kind: 'unavailable' });
          return;
        }
        if (mine !== generation.current) return;
        if (expectActive === undefined || page.active === expectActive(page.site) || attempt >= SETTLE_RETRIES) {
          setState({ kind: 'ready', tabId, ...page });
          return;
        }
        await new Promise((r) => setTimeout(r, SETTLE_RETRY_MS));
      }
    })();
  }, []);
  useEffect(() => refresh(), [refresh]);
  return [state, refresh];
}
