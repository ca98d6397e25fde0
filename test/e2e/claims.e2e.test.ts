/**
 * The claim check in real Chromium and Firefox, on pages written for these tests: a retelling of
 * the leak with the news story's kinds of errors (the takedown credited to Hugging Face's CEO, a
 * wrong announcement date, an unreleased size) gets exactly those flagged, each popover with both
 * values and a source; a correct retelling gets no flag; the DOM is never changed; the keyboard
 * reaches claims and so does the popup's list; the page's date is read from each of four kinds of
 * markup. (The claim popover's axe check, in light and dark, is in a11y.e2e.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type DomNode, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { findAll, findContentTab, readClaims, readMarks, settledClaims, until, waitForPopover, type ClaimInfo } from './harness/page-helpers';
import { openPopup } from './harness/popup-helpers';
import { POPOVER_MAX_SUPPORTED } from '../../src/shared/limits';
import type { PageClaims } from '../../src/shared/claims';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

/** What the popup's "On this page" gets from the tab's content script: the claims by verdict. */
function pageClaims(ext: TestPage, tabId: number): Promise<PageClaims> {
  return ext.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<{ value: { claims: PageClaims } }> } } }).chrome;
    return (await api.tabs.sendMessage(id, { type: 'page/mentions', payload: {} })).value.claims;
  }, tabId);
}

const textOf = (n: DomNode): string => n.text;
const hrefs = (n: DomNode) => findAll(n, 'a').map((a) => a.attrs.href ?? '');

async function hoverClaim(page: TestPage, c: ClaimInfo, contains: string): Promise<DomNode> {
  await page.mouseMove(1, 1);
  await until('the popover to close', async () => ((await page.popover()) === null ? true : null));
  await page.mouseMove(c.x, c.y, 3);
  return waitForPopover(page, contains);
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(name);
    page = await session.newPage();
  });
  afterAll(() => session?.close());

  it('flags exactly the retelling\'s three errors without touching the DOM, each with both values and a source', async () => {
    await page.goto(server.url('claims/retelling-errors.html'));
    const flagged = await settledClaims(page, 3);
    expect(flagged.map((c) => c.text)).toEqual(['February 27, 2023', 'staff update', '7B, 13B, 34B and 70B']);
    // Checking and marking claims changed nothing in the page's DOM (read before any popover opens).
    const log = await page.evaluate(() => {
      const w = window as unknown as { __mutations: unknown[]; __beforeExtension: number; __flush(): void };
      w.__flush();
      return w.__mutations.slice(w.__beforeExtension);
    });
    expect(log).toEqual([]);

    const takedown = await hoverClaim(page, flagged[1]!, 'staff update');
    expect(textOf(takedown)).toContain('Contradicted by the sources');
    expect(textOf(takedown)).toContain('OpSec Online LLC');
    expect(textOf(takedown)).toContain('no source shows such a post');
    expect(hrefs(takedown)).toContain('https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md');

    const date = await hoverClaim(page, flagged[0]!, 'February 27, 2023');
    expect(textOf(date)).toContain('24 February 2023');
    expect(textOf(date)).toContain('arXiv');
    expect(hrefs(date)).toContain('https://ai.meta.com/blog/large-language-model-llama-meta-ai/');

    const size = await hoverClaim(page, flagged[2]!, '34B');
    expect(textOf(size)).toContain('7B, 13B and 70B');
    expect(hrefs(size).some((h) => h.includes('arxiv.org/abs/2307.09288'))).toBe(true);
  });

  it('reaches claims from the keyboard command, and lists contradicted claims first in the popup', async () => {
    await page.mouseMove(1, 1);
    const ext = await session.openExtensionPage('popup.html');
    const tabId = await findContentTab(ext);
    const summary = await pageClaims(ext, tabId);
    expect(summary.contradicted.total).toBe(3);
    expect(summary.contradicted.first.map((c) => c.verdict)).toEqual(['contradicted', 'contradicted', 'contradicted']);
    expect(summary.supported.first.every((c) => c.verdict === 'supported')).toBe(true);
    // Step through the page's marks as the keyboard command does until a claim's popover opens.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await ext.evaluate(async (id) => {
        const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
        await api.tabs.sendMessage(id, { type: 'page/step', payload: { direction: 1 } });
      }, tabId);
      const p = await until('a popover', () => page.popover());
      reached = textOf(p).includes('Contradicted by the sources');
    }
    await ext.close();
    expect(reached).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('llama-lens-popover');
    await page.press('Escape');
  });

  it('the popup lists the contradicted claims first, and a click on one opens it on the page, focused', async () => {
    await page.mouseMove(1, 1);
    const probe = await session.openExtensionPage('options.html');
    const tabId = await findContentTab(probe);
    await probe.close();
    const popup = await openPopup(session, tabId);
    const lists = await until('the claim lists', () =>
      popup.evaluate(() => {
        const titles = [...document.querySelectorAll('.claims-title')].map((h) => h.textContent);
        const items = [...document.querySelectorAll('.claims')].map((ul) => [...ul.querySelectorAll('q')].map((q) => q.textContent));
        return titles.length === 2 ? { titles, items } : null;
      }),
    );
    expect(lists.titles[0]).toBe('Statements the sources contradict');
    expect(lists.items[0]).toEqual(['February 27, 2023', 'staff update', '7B, 13B, 34B and 70B']);
    expect(lists.titles[1]).toMatch(/^Statements on this page that match the sources: \d+$/);
    expect(lists.items[1]!.length).toBeGreaterThan(0);

    await popup.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.claims')[0]!.querySelectorAll('button')[1]!.click());
    const opened = await waitForPopover(page, 'staff update');
    expect(textOf(opened)).toContain('Contradicted by the sources');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('llama-lens-popover');
    await popup.close();
    await page.press('Escape');
  });

  it('flags nothing in a correct retelling, where statements match the sources', async () => {
    await page.goto(server.url('claims/retelling-correct.html'));
    const supported = await until('supported claims', async () => {
      const ext = await session.openExtensionPage('popup.html');
      try {
        const tabId = await findContentTab(ext);
        const claims = await pageClaims(ext, tabId);
        return claims.supported.total >= 8 ? claims : null;
      } finally {
        await ext.close();
      }
    });
    expect(supported.contradicted).toEqual({ total: 0, first: [] });
    expect(await readClaims(page, 'contradicted')).toEqual([]);

    // LLaMA's popover counts the statements about it that match, quotes the first few, says how many more.
    const llama = (await readMarks(page)).find((m) => m.text === 'LLaMA' && m.y > 0)!;
    await page.mouseMove(1, 1);
    await page.mouseMove(llama.x, llama.y, 3);
    const pop = await waitForPopover(page, 'match the sources');
    const section = findAll(pop, 'section').find((n) => n.attrs.class === 'on-page')!;
    const total = Number(/(\d+)\s*$/.exec(findAll(section, 'p')[0]!.text)![1]);
    const quoted = findAll(section, 'q').map(textOf);
    expect(total).toBeGreaterThan(POPOVER_MAX_SUPPORTED);
    expect(quoted).toHaveLength(POPOVER_MAX_SUPPORTED);
    expect(quoted[0]).toBe('February 24, 2023');
    expect(findAll(section, 'p')[1]!.text).toBe(`…and ${total - POPOVER_MAX_SUPPORTED} more`);
  });

  it.each([
    ['JSON-LD datePublished', 'claims/date-jsonld.html', '2023-03-08'],
    ['article:published_time', 'claims/date-meta.html', '2023-03-09'],
    ['<time datetime>', 'claims/date-time.html', '2023-03-10'],
    ['a date in the URL', 'claims/2023/03/11/date-url.html', '2023-03-11'],
  ])('reads the page date from %s', async (_kind, file, iso) => {
    await page.goto(server.url(file));
    const [claim] = await settledClaims(page, 1);
    const expected = await page.evaluate((d) => {
      const [y, m, day] = d.split('-').map(Number);
      return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, day)));
    }, iso);
    const pop = await hoverClaim(page, claim!, 'staff update');
    expect(textOf(pop)).toContain(`page dated ${expected}`);
  });

  it('one setting turns the claim check off and on at once; another marks supported claims too', async () => {
    await page.goto(server.url('claims/retelling-errors.html'));
    await settledClaims(page, 3);
    const ext = await session.openExtensionPage('options.html');
    const save = (change: Record<string, boolean>) =>
      ext.evaluate(async (c) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
        const settings = { enabled: true, mode: 'all-except', sites: [], topics: { llama: true, meta: true, 'hugging-face': true }, markStyle: 'underline', hoverDelayMs: 300, claimCheck: true, claimMarksSupported: false, markDensity: 'all', ...c };
        return (await api.runtime.sendMessage({ type: 'settings/save', payload: { settings } })).ok;
      }, change);
    try {
      expect(await save({ claimCheck: false })).toBe(true);
      await until('no claim marks', async () => ((await readClaims(page, 'contradicted')).length === 0 ? true : null));
      // The mentions stay marked: only the claim check is off.
      // (The switch makes a new lens, which marks the page again once it has its data.)
      await until('mention marks under the new lens', () => page.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0) || null));
      expect(await page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('llama-lens-')))).toBe(true);
      expect(await save({ claimCheck: true, claimMarksSupported: true })).toBe(true);
      await settledClaims(page, 3);
      expect((await until('supported claim marks', async () => ((await readClaims(page, 'supported')).length >= 4 ? readClaims(page, 'supported') : null))).map((c) => c.text)).toEqual(
        expect.arrayContaining(['non-commercial', '4chan', 'Large Language Model Meta AI']),
      );
    } finally {
      await save({});
      await ext.close();
    }
  });
});
