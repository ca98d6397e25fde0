/**
 * The extension in a browser whose UI language is not English: the manifest's name, description
 * and command descriptions resolve from _locales, the popup, options page and popover speak that
 * language (with `lang` set to it), the facts stay English with lang="en", and dates follow the UI
 * language, and nothing in the popup overflows its fixed width. German in both browsers, in full; every other locale in Chromium, and Japanese in
 * Firefox, for the manifest and the popup. Each browser needs its translation installed (Debian:
 * chromium-l10n, firefox-esr-l10n-de and -ja); a missing one fails with the package to install.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BROWSERS, launch, type BrowserName, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { findAll, readMarks, until, waitForMarks, waitForPopover } from './harness/page-helpers';
import { openPopup, overflowing, resultsFor, setQuery } from './harness/popup-helpers';

const LOCALES_DIR = path.resolve('src/_locales');
type Messages = Record<string, { message: string }>;
const messagesOf = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;

/** A message as the browser renders it: $P1$, $P2$… replaced by the substitutions. */
function render(messages: Messages, key: string, ...subs: string[]): string {
  return messages[key]!.message.replace(/\$P(\d)\$/gi, (_, n: string) => subs[Number(n) - 1] ?? '');
}

const NON_ENGLISH = readdirSync(LOCALES_DIR).filter((l) => l !== 'en').sort();

/** German gets the full check in both browsers (popup, options, popover); these the manifest and popup. */
const MORE_RUNS: [BrowserName, string][] = [...NON_ENGLISH.filter((l) => l !== 'de').map((l): [BrowserName, string] => ['chromium', l]), ['firefox', 'ja']];

interface ManifestView {
  ui: string;
  htmlLang: string;
  title: string;
  settingsButton: string;
  placeholder: string;
  footer: string;
  expectedDate: string;
  datasetVersion: number;
  self: { name: string; description: string };
  commands: Record<string, string>;
}

function readPopup(popup: TestPage): Promise<ManifestView> {
  return popup.evaluate(async () => {
    const api = (globalThis as unknown as {
      chrome: {
        i18n: { getUILanguage(): string };
        management: { getSelf(): Promise<{ name: string; description: string }> };
        commands: { getAll(): Promise<{ name?: string; description?: string }[]> };
        runtime: { sendMessage(m: unknown): Promise<{ value: { datasetDate: string; datasetVersion: number } }> };
      };
    }).chrome;
    const ui = api.i18n.getUILanguage();
    const { datasetDate, datasetVersion } = (await api.runtime.sendMessage({ type: 'status/get', payload: {} })).value;
    const [y, m, d] = datasetDate.split('-').map(Number) as [number, number, number];
    const self = await api.management.getSelf();
    const commands: Record<string, string> = {};
    for (const c of await api.commands.getAll()) if (c.name) commands[c.name] = c.description ?? '';
    return {
      ui,
      htmlLang: document.documentElement.lang,
      title: document.querySelector('h1')?.textContent ?? '',
      settingsButton: document.querySelector('.title-row button')?.textContent ?? '',
      placeholder: document.querySelector('input[type=search]')?.getAttribute('placeholder') ?? '',
      footer: document.querySelector('.status .version')?.textContent ?? '',
      // What the UI language writes for the dataset's date, by the browser's own Intl.
      expectedDate: new Intl.DateTimeFormat(ui, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d))),
      datasetVersion,
      self: { name: self.name, description: self.description },
      commands,
    };
  });
}

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

async function checkManifestAndPopup(session: Session, locale: string): Promise<void> {
  const messages = messagesOf(locale);
  const english = messagesOf('en');
  const bcp47 = locale.replace('_', '-');
  const popup = await openPopup(session);
  await until('the dataset status', () => popup.evaluate(() => !!document.querySelector('.status .version')));
  const view = await readPopup(popup);
  expect(view.ui.toLowerCase()).toMatch(new RegExp(`^${bcp47.toLowerCase()}`));
  expect(view.htmlLang).toBe(view.ui);
  expect(view.self.description).toBe(messages.extDescription!.message);
  expect(view.self.description).not.toBe(english.extDescription!.message);
  expect(view.self.name).toBe(messages.extName!.message);
  expect(view.commands['next-mention']).toBe(messages.commandNext!.message);
  expect(view.commands['previous-mention']).toBe(messages.commandPrevious!.message);
  expect(view.title).toBe(messages.extName!.message);
  expect(view.settingsButton).toBe(messages.openSettings!.message);
  expect(view.placeholder).toBe(messages.searchPlaceholder!.message);
  expect(view.footer).toBe(render(messages, 'datasetVersion', String(view.datasetVersion), view.expectedDate));
  // The popup has a fixed width: a longer translation must wrap, never stick out or be clipped.
  expect(await overflowing(popup)).toEqual([]);
  await setQuery(popup, 'leak');
  expect((await resultsFor(popup, 'leak')).length).toBeGreaterThan(0);
  expect(await overflowing(popup)).toEqual([]);
  await popup.close();
}

describe.each(MORE_RUNS)('%s in %s', (name, locale) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name, { uiLanguage: locale });
  });
  afterAll(() => session?.close());

  it('resolves the manifest from _locales and shows the popup in that language', () => checkManifestAndPopup(session, locale));
});

describe.each(BROWSERS)('%s in German', (name) => {
  const messages = messagesOf('de');
  let session: Session;
  beforeAll(async () => {
    session = await launch(name, { uiLanguage: 'de' });
  });
  afterAll(() => session?.close());

  it('resolves the manifest from _locales and shows the popup in German', () => checkManifestAndPopup(session, 'de'));

  it('shows the options page in German', async () => {
    const options = await session.openExtensionPage('options.html');
    const view = await until('the options page', () =>
      options.evaluate(() => {
        const h1 = document.querySelector('h1')?.textContent;
        return h1 ? { h1, lang: document.documentElement.lang, title: document.title, legends: [...document.querySelectorAll('legend')].map((l) => l.textContent) } : null;
      }),
    );
    expect(view.h1).toBe(messages.optionsTitle!.message);
    expect(view.title).toBe(messages.optionsTitle!.message);
    expect(view.lang.toLowerCase()).toMatch(/^de/);
    expect(view.legends).toEqual([messages.modeLegend!.message, messages.topicsLegend!.message, messages.markStyleLegend!.message, messages.densityLegend!.message]);
    await options.close();
  });

  it('shows the popover chrome in German and the facts in English, marked lang="en"', async () => {
    const page = await session.newPage();
    await page.goto(server.url('popover.html'));
    await waitForMarks(page, 4);
    const mark = await until('a LLaMA mark', async () => (await readMarks(page)).find((m) => m.text === 'LLaMA'));
    await page.mouseMove(mark.x, mark.y, 2);
    const pop = await waitForPopover(page, messages.disableSite!.message);
    const dialog = findAll(pop, 'div').find((d) => d.attrs.role === 'dialog')!;
    expect(dialog.attrs.lang?.toLowerCase()).toMatch(/^de/);
    expect(findAll(pop, 'h2')[0]!.attrs.lang).toBe('en');
    expect(findAll(pop, 'p').find((p) => p.attrs.class === 'card-summary')!.attrs.lang).toBe('en');
    const factTexts = findAll(pop, 'p').filter((p) => p.attrs.class === 'fact-text');
    expect(factTexts.length).toBeGreaterThan(0);
    for (const f of factTexts) expect(f.children.some((c) => c.tag === 'span' && c.attrs.lang === 'en')).toBe(true);
    const buttons = findAll(pop, 'button').filter((b) => b.attrs.class?.startsWith('action')).map((b) => b.text);
    expect(buttons).toContain(messages.disableSite!.message);
    const allFacts = new RegExp(`^${render(messages, 'allFacts', '#').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('#', '[\\d.]+')}$`);
    expect(buttons.some((b) => b === messages.openEntry!.message || allFacts.test(b))).toBe(true);
    // The kind label is the UI's; English's would mean the locale was not used.
    const kind = findAll(pop, 'span').find((s) => s.attrs.class === 'card-kind')!.text;
    const kinds = (Object.keys(messages) as string[]).filter((k) => k.startsWith('kind')).map((k) => messages[k]!.message);
    expect(kinds).toContain(kind);
    await page.close();
  });
});
