/**
 * The toolbar popup and the options page in real Chromium and Firefox ESR, opened as tabs: search
 * (by name, alias, typo, fact word; from the keyboard), the per-site switch acting on open tabs
 * without a reload and surviving a restart, "on this page", options import. Their axe-core checks
 * and screenshots are in a11y.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { readMarks, until, waitForMarks, waitForPopover } from './harness/page-helpers';
import {
  chooseFile,
  openPopup,
  pageReports,
  resultsFor,
  setQuery,
  storedSettings,
  tabIdOf,
} from './harness/popup-helpers';

const SITE = '127.0.0.1';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages'), path.resolve('demo')]);
});
afterAll(() => server?.close());

/**
 * Polls as fast as the driver answers (no pause between probes): for timing how soon a change
 * shows, where `until`'s 50 ms pause would be most of the figure.
 */
async function pollFast(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const start = performance.now();
  while (!(await probe())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
  return performance.now() - start;
}

const switchState = (popup: TestPage) =>
  popup.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#site-switch');
    return input ? { checked: input.checked, disabled: input.disabled, label: input.parentElement?.textContent ?? '' } : null;
  });

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(() => session?.close());

  it('finds entries by name, alias, a typo and a fact word, names before facts', async () => {
    const popup = await openPopup(session);
    const first = async (q: string) => {
      await setQuery(popup, q);
      return (await resultsFor(popup, q))[0];
    };
    expect((await first('Hugging Face'))?.name).toBe('Hugging Face');
    expect((await first('Facebook AI'))?.name).toBe('Meta AI (FAIR)');
    expect((await first('huging face'))?.name).toBe('Hugging Face');
    expect((await first('lama'))?.name).toMatch(/^(Llama|LLaMA)$/);

    await setQuery(popup, 'torrent');
    const facts = await resultsFor(popup, 'torrent');
    expect(facts.map((h) => h.name)).toContain('LLaMA weights leak (March 2023)');
    // A fact match shows the fact it matched, not the summary.
    expect(facts.every((h) => /torrent/i.test(h.text))).toBe(true);

    await setQuery(popup, 'meta');
    const names = (await resultsFor(popup, 'meta')).map((h) => h.name);
    expect(names[0]).toBe('Meta Platforms');
    expect(names).toContain('Meta AI (FAIR)');

    await setQuery(popup, 'zzzzqqq');
    expect(await resultsFor(popup, 'zzzzqqq')).toEqual([]);
    expect(await popup.evaluate(() => document.querySelector('.search [role=status]')?.textContent)).toMatch(/Nothing found/);
    await popup.close();
  });

  it('answers a question with the fact, its date and source, and opens the entry at that fact', async () => {
    const popup = await openPopup(session);
    const question = 'when did meta put out llama 3';
    await setQuery(popup, question);
    const [first] = await resultsFor(popup, question);
    expect(first).toMatchObject({ name: 'Llama 3', text: expect.stringMatching(/18 April 2024/) });
    // The date the fact happened and where it comes from, in the reader's locale.
    expect(first!.meta).toMatch(/2024/);
    expect(first!.meta).toMatch(/Meta/);

    await popup.evaluate(() => document.querySelector<HTMLElement>('[role=option]')!.click());
    const opened = await until('the entry at the fact', () =>
      popup.evaluate(() => {
        const current = document.querySelector<HTMLElement>('.entry .fact-current');
        if (!current || document.activeElement !== current) return null;
        const box = current.getBoundingClientRect();
        return { hash: location.hash, text: current.textContent ?? '', visible: box.top >= 0 && box.bottom <= innerHeight };
      }),
    );
    expect(opened.hash).toBe('#entry/llama-3/llama-3-release');
    expect(opened.text).toMatch(/18 April 2024/);
    expect(opened.visible).toBe(true);
    await popup.close();
  });

  it('works from the keyboard alone: type, arrows, Enter opens the entry, Escape clears', async () => {
    const popup = await openPopup(session);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    for (const key of 'llama') await popup.press(key);
    const hits = await resultsFor(popup, 'llama');
    expect(hits.length).toBeGreaterThan(2);
    expect(hits[0]!.selected).toBe(true);

    await popup.press('ArrowDown');
    const second = await until('the second option to be active', () =>
      popup.evaluate(() => {
        const input = document.querySelector('input[type=search]')!;
        const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
        return active?.getAttribute('aria-selected') === 'true' && active === document.querySelectorAll('[role=option]')[1] ? active.querySelector('.hit-name')!.textContent : null;
      }),
    );
    expect(second).toBe(hits[1]!.name);

    await popup.press('Enter');
    const entry = await until('the entry view', () =>
      popup.evaluate(() => {
        const heading = document.querySelector('.entry h2');
        // Focus moves into the entry once it has loaded: the Escape below is the entry's key only then.
        return location.hash.startsWith('#entry/') && heading && document.activeElement?.closest('.entry') ? { name: heading.textContent, facts: document.querySelectorAll('.entry .fact').length, id: decodeURIComponent(location.hash.slice(7).split('/')[0]!) } : null;
      }),
    );
    expect(entry.name).toBe(second);
    // The entry is complete: every fact of the entity, each with at least one https source.
    const all = await popup.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { entities: { facts: unknown[] }[] } }> } } }).chrome;
      return (await api.runtime.sendMessage({ type: 'entities/get', payload: { ids: [id] } })).value.entities[0]!.facts.length;
    }, entry.id);
    expect(entry.facts).toBe(all);
    expect(await popup.evaluate(() => [...document.querySelectorAll('.entry .fact')].every((f) => f.querySelector('a[href^="https://"]')))).toBe(true);

    // Escape in the entry steps back to the results (the box keeps its text and the focus) ...
    await popup.press('Escape');
    await until('the search view again', () => popup.evaluate(() => location.hash === '' && document.activeElement?.getAttribute('role') === 'combobox'));
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[type=search]')!.value)).toBe('llama');
    // ... and Escape in the box clears it.
    await popup.press('Escape');
    await until('an empty box with suggestions', () =>
      popup.evaluate(
        () =>
          document.querySelector<HTMLInputElement>('input[type=search]')!.value === '' &&
          document.querySelector<HTMLElement>('[role=listbox]')!.hidden &&
          document.querySelectorAll('.suggestions button').length > 0,
      ),
    );
    await popup.close();
  });

  it('"on this page" lists mentions by entity and scrolls the page to the one chosen', async () => {
    const page = await session.newPage();
    await page.goto(server.url('popover.html'));
    await waitForMarks(page, 4);
    const popup = await openPopup(session, await tabIdOf(session, SITE));
    const listed = await until('the mention list', () =>
      popup.evaluate(() => {
        const items = [...document.querySelectorAll('.mentions button')].map((b) => ({ name: b.querySelector('span')!.textContent!, count: b.querySelector('.count')!.textContent! }));
        return items.length ? items : null;
      }),
    );
    const reports = await pageReports(popup);
    const expected = reports.find((r) => r.site === SITE)!.entities;
    expect(listed.map((l) => l.name).sort()).toEqual(expected.map((e) => e.name).sort());
    for (const e of expected) expect(listed.find((l) => l.name === e.name)?.count).toBe(`×${e.count}`);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const scrolledTo = await page.evaluate(() => scrollY);
    expect(scrolledTo).toBeGreaterThan(500);
    await popup.evaluate(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.mentions button')].find((b) => b.textContent!.startsWith('LLaMA'))!;
      button.click();
    });
    await until('the page to scroll back to LLaMA', async () => {
      const y = await page.evaluate(() => scrollY);
      const mark = (await readMarks(page)).find((m) => m.text === 'LLaMA');
      return y < scrolledTo && mark && mark.y > 0 && mark.y < 760;
    });
    await waitForPopover(page, 'LLaMA');
    await popup.close();
    await page.close();
  });

  it('the options page refuses a malformed import and keeps the settings', async () => {
    const options = await session.openExtensionPage('options.html');
    await until('the options page', () => options.evaluate(() => !!document.querySelector('#add-site')));
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#add-site')!;
      input.value = 'https://kept.example/some/page';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.evaluate(() => document.querySelector<HTMLFormElement>('#add-site')!.form!.requestSubmit());
    await until('the site in the list', () => options.evaluate(() => [...document.querySelectorAll('.sites .site')].some((s) => s.textContent === 'kept.example')));
    await until('the site to be stored', async () => JSON.stringify((await storedSettings(options)).sync).includes('"siteChunks":1'));
    const before = await storedSettings(options);

    // Each refusal replaces the last message: wait for a new one, not the one already shown.
    let shown: string | null = null;
    const importError = async (text: string) => {
      await chooseFile(options, '#import-file', 'settings.json', text);
      shown = await until('an import error', async () => {
        const message = await options.evaluate(() => document.querySelector('#import-result[role=alert]')?.textContent || null);
        return message && message !== shown ? message : null;
      });
      return shown;
    };
    expect(await importError('{"v": 1, "enabled": ')).toMatch(/not JSON/);
    const wrong = JSON.stringify({ v: 1, enabled: false, mode: 'sometimes', sites: [], topics: { llama: true, meta: true, 'hugging-face': true }, markStyle: 'underline', hoverDelayMs: 300 });
    expect(await importError(wrong)).toMatch(/not a valid LLaMA Leak Lens data file \(mode:/);
    expect(await storedSettings(options)).toEqual(before);
    expect(await options.evaluate(() => [...document.querySelectorAll('.sites .site')].map((s) => s.textContent))).toEqual(['kept.example']);

    // A good file is taken, which shows the two refusals above were the validation's doing.
    const good = JSON.stringify({ v: 1, enabled: true, mode: 'only', sites: ['imported.example'], topics: { llama: true, meta: false, 'hugging-face': true }, markStyle: 'background', hoverDelayMs: 450 });
    await chooseFile(options, '#import-file', 'good.json', good);
    await until('the imported list', () => options.evaluate(() => [...document.querySelectorAll('.sites .site')].map((s) => s.textContent).join() === 'imported.example'));
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name=mode][value=only]')!.checked)).toBe(true);
    // Back to the defaults, so later tests in this browser start from them.
    const defaults = JSON.stringify({ v: 1, enabled: true, mode: 'all-except', sites: [], topics: { llama: true, meta: true, 'hugging-face': true }, markStyle: 'underline', hoverDelayMs: 300 });
    await chooseFile(options, '#import-file', 'defaults.json', defaults);
    await until('the empty list', () => options.evaluate(() => document.querySelectorAll('.sites .site').length === 0));
    await options.close();
  });
});

describe.each(BROWSERS)('%s, across a restart', (name) => {
  let profileDir: string;
  beforeAll(async () => {
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'lens-popup-profile-'));
  });
  afterAll(() => rm(profileDir, { recursive: true, force: true }));

  it('the per-site switch clears marks in open tabs of the site without a reload, and the choice survives a restart', async () => {
    let session = await launch(name, { profileDir });
    try {
      // Two tabs of one site: the popup acts on one, the change must reach both.
      const pages = [await session.newPage(), await session.newPage()];
      await pages[0]!.goto(server.url('index.html'));
      await pages[1]!.goto(server.url('popover.html'));
      for (const p of pages) {
        await waitForMarks(p, 2);
        await p.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
      }
      const popup = await openPopup(session, await tabIdOf(session, SITE));
      await until('the site switch, on', async () => (await switchState(popup))?.label.includes(SITE) && (await switchState(popup))?.checked);

      await popup.evaluate(() => document.querySelector<HTMLInputElement>('#site-switch')!.click());
      const offMs = await pollFast('marks to disappear from both tabs', async () => (await Promise.all(pages.map(async (p) => (await readMarks(p)).length))).every((n) => n === 0));
      for (const p of pages) expect(await p.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await until('the popup to say it is off here', () => popup.evaluate(() => document.querySelector('.on-page')?.textContent?.includes('Switched off') ?? false));
      console.log(`[${name}] site switch off: marks gone from 2 open tabs ${offMs.toFixed(0)} ms after the click`);
      await session.close();

      session = await launch(name, { profileDir });
      const page = await session.newPage();
      await page.goto(server.url('index.html'));
      const tabId = await tabIdOf(session, SITE);
      const again = await openPopup(session, tabId);
      const report = (await pageReports(again)).find((r) => r.tabId === tabId)!;
      expect(report.active).toBe(false);
      expect(await readMarks(page)).toEqual([]);
      await until('the site switch, off', async () => (await switchState(again))?.label.includes(SITE) && (await switchState(again))?.checked === false);

      await again.evaluate(() => document.querySelector<HTMLInputElement>('#site-switch')!.click());
      const onMs = await pollFast('marks to come back', async () => (await readMarks(page)).length > 0);
      await waitForMarks(page, 2);
      console.log(`[${name}] site switch on after the restart: marks back ${onMs.toFixed(0)} ms after the click`);
    } finally {
      await session.close();
    }
  });
});
