/**
 * The options page: where the extension runs (mode and site list), what it marks and how, the
 * hover delay, the keyboard shortcuts, and export/import of all of it as a JSON file. Every change
 * is saved at once; changes made elsewhere (the popup, another device) show up here live.
 */
import { browser } from '../shared/webext';
import { ask } from '../shared/ask';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TOPICS, type Topic } from '../shared/dataset';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, SITE_FILTER_FROM } from '../shared/limits';
import {
  loadSettingsWithArea,
  onSettingsChanged,
  parseSiteInput,
  type Area,
  type MarkStyle,
  type Settings,
  type SiteMode,
} from '../shared/settings';
import { exportSettings, parseImportedSettings, type ImportResult } from '../shared/settings-file';
import { formatNumber } from '../ui/format';
import { t } from '../ui/i18n';

const TOPIC_LABELS: Record<Topic, () => string> = { llama: () => t('topicLlama'), meta: () => t('topicMeta'), 'hugging-face': () => t('topicHuggingFace') };


/** Firefox cannot open its shortcut editor from an extension; Chromium can, from a new tab. */
const IS_FIREFOX = browser.runtime.getURL('').startsWith('moz-extension:');

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

function importError(r: Extract<ImportResult, { ok: false }>): string {
  if (r.reason === 'too-large') return t('importTooLarge');
  if (r.reason === 'not-json') return t('importNotJson');
  return t('importInvalid', r.detail ?? '');
}

function SiteList({ settings, onChange }: { settings: Settings; onChange(sites: string[]): void }) {
  const [draft, setDraft] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const sorted = useMemo(() => [...settings.sites].sort(), [settings.sites]);
  const shown = filter ? sorted.filter((s) => s.includes(filter.trim().toLowerCase())) : sorted;

  const add = (e: Event) => {
    e.preventDefault();
    const site = parseSiteInput(draft);
    if (!site) return setAddError(t('siteInvalid'));
    setAddError(null);
    setDraft('');
    if (!settings.sites.includes(site)) onChange([...settings.sites, site]);
  };

  return (
    <>
      <form class="row" onSubmit={add}>
        <label for="add-site">{t('addSiteLabel')}</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={addError ? true : undefined}
          aria-describedby={addError ? 'add-site-error' : undefined}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('addSite')}</button>
      </form>
      {addError && (
        <p id="add-site-error" class="error" role="alert">
          {addError}
        </p>
      )}
      {sorted.length > SITE_FILTER_FROM && (
        <div class="row">
          <label for="filter-sites">{t('filterSites')}</label>
          <input id="filter-sites" type="search" autocomplete="off" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        </div>
      )}
      {sorted.length === 0 ? (
        <p class="hint">{t('noSites')}</p>
      ) : (
        <ul class="sites" aria-label={settings.mode === 'only' ? t('sitesOnTitle') : t('sitesOffTitle')}>
          {shown.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" class="remove" aria-label={t('removeSiteLabel', site)} onClick={() => onChange(settings.sites.filter((s) => s !== site))}>
                {t('removeSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {sorted.length > 0 && <p class="hint">{t('siteCount', formatNumber(sorted.length))}</p>}
    </>
  );
}

function HoverDelay({ value, onChange }: { value: number; onChange(ms: number): void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= HOVER_DELAY_MIN_MS && n <= HOVER_DELAY_MAX_MS;
  return (
    <div class="row">
      <label for="hover-delay">{t('hoverDelayLabel')}</label>
      <input
        id="hover-delay"
        type="number"
        min={HOVER_DELAY_MIN_MS}
        max={HOVER_DELAY_MAX_MS}
        step={50}
        value={text}
        aria-describedby="hover-delay-hint"
        aria-invalid={valid ? undefined : true}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        // Saved on commit, not per keystroke: storage.sync limits writes per minute.
        onChange={() => valid && n !== value && onChange(n)}
      />
      <span id="hover-delay-hint" class={valid ? 'hint' : 'error'}>
        {t('hoverDelayHint', formatNumber(HOVER_DELAY_MIN_MS), formatNumber(HOVER_DELAY_MAX_MS))}
      </span>
    </div>
  );
}

function Shortcuts() {
  const [commands, setCommands] = useState<{ name: string; description: string; shortcut: string }[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((all) =>
      setCommands(all.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }))),
    );
  }, []);
  return (
    <>
      <dl class="shortcuts">
        {commands.map((c) => (
          <div key={c.name}>
            <dt>{c.name === '_execute_action' ? t('shortcutOpenPopup') : c.description || c.name}</dt>
            <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="hint">{t('shortcutUnset')}</span>}</dd>
          </div>
        ))}
      </dl>
      {IS_FIREFOX ? (
        <p class="hint">{t('shortcutsFirefox')}</p>
      ) : (
        <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
          {t('shortcutsChromium')}
        </button>
      )}
    </>
  );
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sitesArea, setSitesArea] = useState<Area>('sync');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [importFeedback, setImportFeedback] = useState<Feedback>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const reload = () =>
      void loadSettingsWithArea().then((r) => {
        setSettings(r.settings);
        setSitesArea(r.sitesArea);
      });
    reload();
    return onSettingsChanged(reload);
  }, []);

  if (!settings) return <main class="options" aria-busy="true" />;

  const save = async (next: Settings): Promise<boolean> => {
    setSettings(next);
    try {
      setSitesArea((await ask('settings/save', { settings: next })).sitesArea);
      setFeedback({ kind: 'ok', text: t('saved') });
      return true;
    } catch (e) {
      setFeedback({ kind: 'error', text: t('saveFailed', e instanceof Error ? e.message : String(e)) });
      // Show what is really stored (a failed save leaves the previous settings intact).
      const stored = await loadSettingsWithArea();
      setSettings(stored.settings);
      setSitesArea(stored.sitesArea);
      return false;
    }
  };
  const update = (patch: Partial<Settings>) => void save({ ...settings, ...patch });

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'llama-leak-lens-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importFile = async (file: File) => {
    const result = parseImportedSettings(await file.text());
    if (!result.ok) {
      // Nothing is saved: the settings in use stay exactly as they were.
      setImportFeedback({ kind: 'error', text: importError(result) });
      return;
    }
    const ok = await save(result.settings);
    setImportFeedback(ok ? { kind: 'ok', text: t('importDone', file.name) } : null);
  };

  const radio = <T extends string>(name: string, value: T, current: T, label: string, onPick: (v: T) => void) => (
    <label class="choice">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => onPick(value)} />
      <span>{label}</span>
    </label>
  );

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('whereTitle')}</h2>
        <label class="choice">
          <input type="checkbox" role="switch" checked={settings.enabled} onChange={(e) => update({ enabled: (e.target as HTMLInputElement).checked })} />
          <span>{t('enabledEverywhere')}</span>
        </label>
        <fieldset>
          <legend>{t('modeLegend')}</legend>
          {radio<SiteMode>('mode', 'all-except', settings.mode, t('modeAllExcept'), (mode) => update({ mode }))}
          {radio<SiteMode>('mode', 'only', settings.mode, t('modeOnly'), (mode) => update({ mode }))}
        </fieldset>
        <h3>{settings.mode === 'only' ? t('sitesOnTitle') : t('sitesOffTitle')}</h3>
        {sitesArea === 'local' && (
          <p class="notice" role="note">
            {t('sitesLocalNotice')}
          </p>
        )}
        <SiteList settings={settings} onChange={(sites) => update({ sites })} />
      </section>

      <section aria-labelledby="marks-title">
        <h2 id="marks-title">{t('marksTitle')}</h2>
        <fieldset>
          <legend>{t('topicsLegend')}</legend>
          {TOPICS.map((topic) => (
            <label key={topic} class={`choice topic topic-${topic}`}>
              <input
                type="checkbox"
                checked={settings.topics[topic]}
                onChange={(e) => update({ topics: { ...settings.topics, [topic]: (e.target as HTMLInputElement).checked } })}
              />
              <span>{TOPIC_LABELS[topic]()}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('markStyleLegend')}</legend>
          {radio<MarkStyle>('mark-style', 'underline', settings.markStyle, t('markUnderline'), (markStyle) => update({ markStyle }))}
          {radio<MarkStyle>('mark-style', 'background', settings.markStyle, t('markBackground'), (markStyle) => update({ markStyle }))}
        </fieldset>
        <HoverDelay value={settings.hoverDelayMs} onChange={(hoverDelayMs) => update({ hoverDelayMs })} />
        <label class="choice">
          <input type="checkbox" checked={settings.claimCheck} onChange={(e) => update({ claimCheck: (e.target as HTMLInputElement).checked })} />
          <span>{t('optionClaims')}</span>
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.claimMarksSupported}
            disabled={!settings.claimCheck}
            onChange={(e) => update({ claimMarksSupported: (e.target as HTMLInputElement).checked })}
          />
          <span>{t('optionClaimsSupported')}</span>
        </label>
      </section>

      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
        <Shortcuts />
      </section>

      <section aria-labelledby="backup-title">
        <h2 id="backup-title">{t('backupTitle')}</h2>
        <p class="hint">{t('backupHint')}</p>
        <div class="row">
          <button type="button" onClick={exportFile}>
            {t('exportSettings')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('importSettings')}
          </button>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            tabIndex={-1}
            aria-label={t('importSettings')}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
        {importFeedback?.kind === 'error' ? (
          <p id="import-result" class="error" role="alert">
            {importFeedback.text}
          </p>
        ) : (
          <p id="import-result" class="ok" role="status">
            {importFeedback?.text ?? ''}
          </p>
        )}
      </section>

      <p class={`save-status ${feedback?.kind === 'error' ? 'error' : 'hint'}`} role="status">
        {feedback?.text ?? ''}
      </p>
    </main>
  );
}
