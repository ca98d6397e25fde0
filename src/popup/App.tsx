/**
 * The toolbar popup: search, this page's mentions, the site and global switches, and the dataset's
 * status. `#entry/ID` shows one entry in full (the popover's "more" opens the popup page so);
 * `#timeline` the timeline, which also opens full page in a tab.
 */
import { browser } from '../shared/webext';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, askTab } from '../shared/ask';
import type { PageClaim } from '../shared/claims';
import type { Status } from '../shared/messages';
import { isActiveOn, loadSettings, onSettingsChanged, withSite, type Settings } from '../shared/settings';
import { formatDate, formatNumber } from '../ui/format';
import { t, uiLocale } from '../ui/i18n';
import { MoreCount } from '../ui/MoreCount';
import { Entry } from './Entry';
import { Search } from './Search';
import { Timeline } from './Timeline';
import { usePage, type PageState } from './usePage';

/** `#entry/ID` shows an entry; `#entry/ID/FACT` shows it scrolled to one of its facts (a fact search result). */
type Route = { view: 'search' } | { view: 'entry'; id: string; fact?: string } | { view: 'timeline' };

function routeOf(hash: string): Route {
  const m = /^#entry\/([^/]+)(?:\/([^/]+))?$/.exec(hash);
  if (m) return { view: 'entry', id: decodeURIComponent(m[1]!), ...(m[2] && { fact: decodeURIComponent(m[2]) }) };
  return hash === '#timeline' ? { view: 'timeline' } : { view: 'search' };
}

function Switch({ label, checked, disabled, onChange, id }: { label: string; checked: boolean; disabled?: boolean; onChange(on: boolean): void; id: string }) {
  return (
    <label class="switch" for={id}>
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
      <span>{label}</span>
    </label>
  );
}

/** "LLaMA, 3 mentions: show on the page", in the form the UI language uses for that count. */
function showMentionLabel(name: string, count: number): string {
  const n = formatNumber(count);
  return new Intl.PluralRules(uiLocale()).select(count) === 'one' ? t('showMentionOne', name, n) : t('showMentionOther', name, n);
}

/** Checked claims, contradicted first, the first few of each verdict: each opens its popover on the page, focused. */
function PageClaims({ page }: { page: Extract<PageState, { kind: 'ready' }> }) {
  const { contradicted: wrong, supported: right } = page.claims;
  const item = (c: PageClaim) => (
    <li key={c.index}>
      <button
        type="button"
        class={`claim-item claim-${c.verdict}`}
        onClick={() => void askTab(page.tabId, 'page/reveal-claim', { index: c.index }).catch(() => undefined)}
      >
        <span aria-hidden="true">{c.verdict === 'contradicted' ? '✗ ' : '✓ '}</span>
        <q>{c.said}</q>
      </button>
    </li>
  );
  return (
    <>
      {wrong.total > 0 && (
        <>
          <h3 class="claims-title">{t('claimsContradictedOnPage')}</h3>
          <ul class="claims">{wrong.first.map(item)}</ul>
          <MoreCount of={wrong} class="claims-more" />
        </>
      )}
      {right.total > 0 && (
        <>
          <h3 class="claims-title">{t('claimsOnPage', formatNumber(right.total))}</h3>
          <ul class="claims">{right.first.map(item)}</ul>
          <MoreCount of={right} class="claims-more" />
        </>
      )}
    </>
  );
}

function OnThisPage({ page }: { page: PageState }) {
  if (page.kind !== 'ready') return null;
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title" class="section-title">{t('onThisPage')}</h2>
      {page.active && <PageClaims page={page} />}
      {!page.active ? (
        <p class="hint">{t('offOnThisPage')}</p>
      ) : page.entities.length === 0 ? (
        <p class="hint">{t('noMentions')}</p>
      ) : (
        <ul class="mentions">
          {page.entities.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                class={`mention topic-${e.topic}`}
                aria-label={showMentionLabel(e.name, e.count)}
                onClick={() => void askTab(page.tabId, 'page/reveal', { id: e.id }).catch(() => undefined)}
              >
                <span lang="en">{e.name}</span> <span class="count">{t('mentionCount', formatNumber(e.count))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function openTimelineInTab(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('popup.html#timeline') }).then(() => close());
}

export function App() {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  // Where "Back" from an entry goes: the view the first entry was opened from.
  const backTo = useRef('');
  const [inTab, setInTab] = useState(false);
  // The search box's text, kept here so that it is still there after an entry is shown and closed.
  // A ref, not state: the box is Search's own, and a keystroke must not re-render the whole popup.
  const query = useRef('');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [page, refreshPage] = usePage();

  useEffect(() => {
    void loadSettings().then(setSettings);
    ask('status/get', {}).then(setStatus, (e: unknown) => setStatusError(t('statusFailed', e instanceof Error ? e.message : String(e))));
    void browser.tabs.getCurrent().then((tab) => setInTab(tab !== undefined));
    const onHash = (e: HashChangeEvent) => {
      const next = routeOf(location.hash);
      const from = new URL(e.oldURL).hash;
      if (next.view === 'entry' && routeOf(from).view !== 'entry') backTo.current = from;
      setRoute(next);
    };
    addEventListener('hashchange', onHash);
    const stop = onSettingsChanged((s) => {
      setSettings(s);
      refreshPage();
    });
    return () => {
      removeEventListener('hashchange', onHash);
      stop();
    };
  }, [refreshPage]);

  const open = (id: string, fact?: string) => {
    location.hash = `entry/${encodeURIComponent(id)}${fact ? `/${encodeURIComponent(fact)}` : ''}`;
  };
  const update = (next: Settings) => {
    setSettings(next);
    ask('settings/save', { settings: next }).then(
      () => setSaveError(null),
      (e: unknown) => setSaveError(t('saveFailed', e instanceof Error ? e.message : String(e))),
    );
  };
  const site = page.kind === 'ready' ? page.site : null;

  return (
    <main class={`popup view-${route.view}`}>
      <header class="bar">
        <div class="title-row">
          <h1 class="title">{t('extName')}</h1>
          <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </div>
        {settings && (
          <div class="switches">
            <Switch
              id="site-switch"
              label={site ? t('onThisSite', site) : page.kind === 'loading' ? t('loading') : t('notOnThisPage')}
              checked={site !== null && isActiveOn({ ...settings, enabled: true }, site)}
              disabled={site === null || !settings.enabled}
              onChange={(on) => site && update(withSite(settings, site, on))}
            />
            <Switch id="global-switch" label={t('enabledEverywhere')} checked={settings.enabled} onChange={(on) => update({ ...settings, enabled: on })} />
          </div>
        )}
        {saveError && <p class="error" role="alert">{saveError}</p>}
      </header>
      <nav class="views" aria-label={t('viewsLabel')}>
        <a href="#" aria-current={route.view === 'search' ? 'page' : undefined}>
          {t('navSearch')}
        </a>
        <a href="#timeline" aria-current={route.view === 'timeline' ? 'page' : undefined}>
          {t('navTimeline')}
        </a>
      </nav>
      {route.view === 'entry' ? (
        <Entry id={route.id} fact={route.fact} onOpen={open} onBack={() => (location.hash = backTo.current)} />
      ) : route.view === 'timeline' ? (
        <Timeline onOpenInTab={inTab ? undefined : openTimelineInTab} />
      ) : (
        <>
          <Search initialQuery={query.current} onQuery={(q) => (query.current = q)} onOpen={open} />
          <OnThisPage page={page} />
        </>
      )}
      <footer class="status">
        <div role="status">
          {status && <p class="version">{t('datasetVersion', status.datasetVersion, formatDate(status.datasetDate))}</p>}
          {status?.storage.kind === 'memory' && <p class="warning">{t('memoryFallback', status.storage.reason)}</p>}
          {statusError && <p class="error">{statusError}</p>}
        </div>
      </footer>
    </main>
  );
}
