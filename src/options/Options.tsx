/**
 * The options page: where the extension runs (mode and site list), what it marks and how, the
 * hover delay, the keyboard shortcuts, and export/import of "your data" (all of it and the notes)
 * as a JSON file. Every change
 * is saved at once; changes made elsewhere (the popup, another device) show up here live.
 */
import { browser } from '../shared/webext';
import { ask } from '../shared/ask';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TOPICS } from '../shared/dataset';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, SITE_FILTER_FROM } from '../shared/limits';
import {
  loadSettingsWithArea,
  onSettingsChanged,
  parseSiteInput,
  type Area,
  type MarkDensity,
  type MarkStyle,
  type Settings,
  type SiteMode,
} from '../shared/settings';
import { exportUserData, parseUserData, type ImportResult } from '../shared/user-data-file';
import { formatNumber, topicLabel } from '../ui/format';
import { t } from '../ui/i18n';


/** Firefox cannot open its shortcut editor from an extension; Chromium can, from a new tab. */
const IS_FIREFOX = browser.runtime.getURL('').startsWith('moz-extension:');

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

function importError(r: Extract<ImportResult, { ok: false }>): string {
  if (r.reason === 'too-large') return t('importDataTooLarge');
  if (r.reason === 'not-json') return t('importNotJson');
  if (r.reason === 'newer-version') return t('importNewerVersion', r.detail ?? '');
  return t('importDataInvalid', r.detail ?? '');
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

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

/** Firefox for Android has no `commands` API (and no keyboard shortcuts for extensions). */
const HAS_COMMANDS = typeof browser.commands?.getAll === 'function';

function Shortcuts() {
  const [commands, setCommands] = useState<{ name: string; description: string; shortcut: string }[]>([]);
  useEffect(() => {
    if (!HAS_COMMANDS) return;
    void browser.commands.getAll().then((all) =>
      setCommands(all.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }))),
    );
  }, []);
  if (!HAS_COMMANDS) return <p class="hint">{t('shortcutsUnavailable')}</p>;
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
    // What a change reports is the latest read (onSettingsChanged): the first read, if it ends
    // after a change has reported, is older and is dropped. Reading again on each change here
    // had let an older read land last, showing settings that were no longer stored.
    let changed = false;
    const show = (s: Settings, area: Area) => {
      setSettings(s);
      setSitesArea(area);
    };
    const stop = onSettingsChanged((s, area) => {
      changed = true;
      show(s, area);
    });
    void loadSettingsWithArea().then((r) => {
      if (!changed) show(r.settings, r.sitesArea);
    });
    return stop;
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

  const exportFile = async () => {
    let notes;
    try {
      ({ notes } = await ask('notes/export', {}));
    } catch (e) {
      // An export without the notes would look complete and not be: say so and write nothing.
      setImportFeedback({ kind: 'error', text: t('exportFailed', errorText(e)) });
      return;
    }
    const url = URL.createObjectURL(new Blob([exportUserData(settings, notes)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'llama-leak-lens-data.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setImportFeedback({ kind: 'ok', text: t('exportDone', formatNumber(notes.length)) });
  };

  const importFile = async (file: File) => {
    const result = parseUserData(await file.text());
    if (!result.ok) {
      // Nothing is saved: the settings and notes in use stay exactly as they were.
      setImportFeedback({ kind: 'error', text: importError(result) });
      return;
    }
    const { settings: imported, notes } = result.data;
    // Notes first: the background can still refuse them (no database), and then the settings
    // are not touched either, so a refused import changes nothing.
    if (notes?.length) {
      try {
        await ask('notes/put', { notes });
      } catch (e) {
        setImportFeedback({ kind: 'error', text: t('importNotesFailed', errorText(e)) });
        return;
      }
    }
    const ok = await save(imported);
    setImportFeedback(ok ? { kind: 'ok', text: t('importDataDone', file.name, formatNumber(notes?.length ?? 0)) } : null);
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
              <span>{topicLabel(topic)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('markStyleLegend')}</legend>
          {radio<MarkStyle>('mark-style', 'underline', settings.markStyle, t('markUnderline'), (markStyle) => update({ markStyle }))}
          {radio<MarkStyle>('mark-style', 'background', settings.markStyle, t('markBackground'), (markStyle) => update({ markStyle }))}
        </fieldset>
        <fieldset aria-describedby="density-hint">
          <legend>{t('densityLegend')}</legend>
          {radio<MarkDensity>('mark-density', 'all', settings.markDensity, t('densityAll'), (markDensity) => update({ markDensity }))}
          {radio<MarkDensity>('mark-density', 'section', settings.markDensity, t('densitySection'), (markDensity) => update({ markDensity }))}
          {radio<MarkDensity>('mark-density', 'page', settings.markDensity, t('densityPage'), (markDensity) => update({ markDensity }))}
        </fieldset>
        <p id="density-hint" class="hint">
          {t('densityHint')}
        </p>
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

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('dataTitle')}</h2>
        <p class="hint">{t('dataHint')}</p>
        <div class="row">
          <button type="button" onClick={() => void exportFile()}>
            {t('exportData')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('importData')}
          </button>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            tabIndex={-1}
            aria-label={t('importData')}
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
