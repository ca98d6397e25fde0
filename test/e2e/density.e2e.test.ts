/**
 * Mark density in real Chromium and Firefox ESR: every mention, the first of each entity in each
 * section (a heading and what follows it), or the first on the page; a change applies to an open
 * page at once; only drawn marks open on hover; keyboard stepping and "On this page" still reach
 * every mention. A fresh profile gets the product's default, 'section'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { readMarks, until, waitForMarks, waitForPopover, type MarkInfo } from './harness/page-helpers';
import { pageReports, storedSettings, tabIdOf } from './harness/popup-helpers';

const SITE = '127.0.0.1';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

/** Which paragraph (or heading) each drawn mark is in, with its text: "s1a:Llama 2". */
function where(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const out: { key: string; range: Range }[] = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('llama-lens-') || name === 'llama-lens-current') return;
      for (const r of h as unknown as Set<Range>) out.push({ key: `${r.startContainer.parentElement!.id}:${r.toString()}`, range: r });
    });
    out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return out.map((o) => o.key);
  });
}

async function setDensity(session: Session, density: string): Promise<void> {
  const options = await session.openExtensionPage('options.html');
  await until('the options page', () => options.evaluate(() => !!document.querySelector('input[name=mark-density]')));
  await options.evaluate((d) => document.querySelector<HTMLInputElement>(`input[name=mark-density][value=${d}]`)!.click(), density);
  // Closing the page before its save lands could lose the save.
  await until('the density to be stored', async () => JSON.stringify((await storedSettings(options)).sync).includes(`"markDensity":"${density}"`));
  await options.close();
}

const ALL = ['s1a:Llama 2', 's1a:Llama 2', 's1b:Hugging Face', 's1b:Llama 2', 's2a:Llama 2', 's2a:Llama 2', 's3a:Llama 2', 's3a:Hugging Face', 's3b:Llama 2'];
const SECTION = ['s1a:Llama 2', 's1b:Hugging Face', 's2a:Llama 2', 's3a:Llama 2', 's3a:Hugging Face'];
const PAGE = ['s1a:Llama 2', 's1b:Hugging Face'];

describe.each(BROWSERS)('%s', (name) => {
  it('a fresh profile marks the first of each name in each section', async () => {
    const session = await launch(name, { markDensity: null });
    try {
      const page = await session.newPage();
      await page.goto(server.url('density.html'));
      await waitForMarks(page, SECTION.length);
      expect(await where(page)).toEqual(SECTION);
    } finally {
      await session.close();
    }
  });

  describe('changing the density', () => {
    let session: Session;
    let page: TestPage;
    beforeAll(async () => {
      session = await launch(name, { markDensity: 'all' });
      page = await session.newPage();
      await page.goto(server.url('density.html'));
      await waitForMarks(page, ALL.length);
    });
    afterAll(() => session?.close());

    it('applies to the open page at once, and "On this page" still counts every mention', async () => {
      expect(await where(page)).toEqual(ALL);
      await page.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
      await setDensity(session, 'section');
      await until('section density', async () => JSON.stringify(await where(page)) === JSON.stringify(SECTION));
      await setDensity(session, 'page');
      await until('page density', async () => JSON.stringify(await where(page)) === JSON.stringify(PAGE));
      expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);

      const tabId = await tabIdOf(session, SITE);
      const probe = await session.openExtensionPage('options.html');
      const report = (await pageReports(probe)).find((r) => r.tabId === tabId)!;
      await probe.close();
      const counts = Object.fromEntries(report.entities.map((e) => [e.name, e.count]));
      expect(counts).toEqual({ 'Llama 2': 7, 'Hugging Face': 2 });
    });

    it('opens only drawn marks on hover', async () => {
      // "Llama 2" in the Training section is not drawn at 'page' density: resting on it opens nothing.
      const box = await page.evaluate(() => {
        const p = document.getElementById('s2a')!;
        const text = p.firstChild!;
        const r = new Range();
        r.setStart(text, 0);
        r.setEnd(text, 'Llama 2'.length);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      });
      await page.mouseMove(1, 1);
      await page.mouseMove(box.x, box.y, 2);
      await new Promise((r) => setTimeout(r, 800));
      expect(await page.popover()).toBeNull();
      const [drawn] = (await readMarks(page)) as MarkInfo[];
      await page.mouseMove(drawn!.x, drawn!.y, 2);
      await waitForPopover(page, 'Llama 2');
      await page.press('Escape');
      await until('the popover to close', async () => (await page.popover()) === null);
    });

    it('keyboard stepping reaches every mention, each shown as the current one', async () => {
      const ext = await session.openExtensionPage('popup.html');
      const tabId = await tabIdOf(session, SITE);
      const visited: string[] = [];
      for (let i = 0; i < ALL.length; i++) {
        await ext.evaluate(async (id) => {
          const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
          await api.tabs.sendMessage(id, { type: 'page/step', payload: { direction: 1 } });
        }, tabId);
        const current = await until('the current mention', () =>
          page.evaluate((seen) => {
            const h = CSS.highlights.get('llama-lens-current') as unknown as Set<Range> | undefined;
            const r = h ? [...h][0] : undefined;
            if (!r) return null;
            const container = r.startContainer.parentElement!;
            const offset = [...container.textContent!].length && r.startOffset;
            const key = `${container.id}:${r.toString()}@${offset}`;
            return key !== seen ? key : null;
          }, visited.at(-1) ?? ''),
        );
        visited.push(current);
      }
      await ext.close();
      expect(visited.map((k) => k.replace(/@\d+$/, ''))).toEqual(ALL);
      expect(new Set(visited).size).toBe(ALL.length);
      await page.press('Escape');
      await until('no current mention once closed', () => page.evaluate(() => ((CSS.highlights.get('llama-lens-current') as unknown as Set<Range> | undefined)?.size ?? 0) === 0));
    });
  });
});
