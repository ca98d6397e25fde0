/**
 * Reading the extension's effects from the page's own world. Highlights are registered in the
 * document's HighlightRegistry, which the page can see too: that is how tests count and locate
 * marks without any hook in the extension.
 */
import path from 'node:path';
import type { DomNode, TestPage } from './browsers';

export interface MarkInfo {
  name: string;
  text: string;
  x: number;
  y: number;
}

/** Every registered llama-lens range, in document order, with the centre of its first box. */
export function readMarks(page: TestPage): Promise<MarkInfo[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; x: number; y: number; range: Range }[] = [];
    CSS.highlights.forEach((h, name) => {
      // The current-mention highlight repeats a mark (or draws one the density leaves out): not a mark of its own.
      if (!name.startsWith('llama-lens-') || name === 'llama-lens-current') return;
      for (const r of h as unknown as Set<AbstractRange>) {
        const range = r as Range;
        const box = range.getClientRects()[0];
        out.push({ name, text: range.toString(), x: box ? box.left + box.width / 2 : -1, y: box ? box.top + box.height / 2 : -1, range });
      }
    });
    out.sort((a, b) => {
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      } catch {
        return 0;
      }
    });
    return out.map(({ name, text, x, y }) => ({ name, text, x, y }));
  });
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ClaimInfo {
  text: string;
  x: number;
  y: number;
}

/** The ranges in one claim highlight, in document order, with the centre of each first box. */
export function readClaims(page: TestPage, verdict: 'contradicted' | 'supported'): Promise<ClaimInfo[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name) as unknown as Set<Range> | undefined;
    const ranges = h ? [...h] : [];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => {
      const box = r.getClientRects()[0];
      return { text: r.toString(), x: box ? box.left + box.width / 2 : -1, y: box ? box.top + box.height / 2 : -1 };
    });
  }, `llama-claim-${verdict}`);
}

/** Waits until the contradicted claims are there and stop changing. */
export async function settledClaims(page: TestPage, min: number): Promise<ClaimInfo[]> {
  let last = '';
  return until(`at least ${min} contradicted claims`, async () => {
    const now = await readClaims(page, 'contradicted');
    const key = now.map((c) => c.text).join('|');
    const stable = now.length >= min && key === last;
    last = key;
    return stable ? now : null;
  });
}

/** Waits until marks appear and their number stops changing; returns it. */
export async function waitForMarks(page: TestPage, min = 1, timeoutMs = 15_000): Promise<number> {
  let last = -1;
  return until(
    `at least ${min} marks`,
    async () => {
      const n = (await readMarks(page)).length;
      const stable = n >= min && n === last;
      last = n;
      return stable ? n : null;
    },
    timeoutMs,
  );
}

export async function firstMarkCenter(page: TestPage): Promise<{ x: number; y: number }> {
  const [first] = await readMarks(page);
  if (!first) throw new Error('no mark on the page');
  return first;
}

export function waitForPopover(page: TestPage, contains = '', timeoutMs = 5_000): Promise<DomNode> {
  return until(`a popover${contains ? ` showing "${contains}"` : ''}`, async () => {
    const p = await page.popover();
    return p && p.text.includes(contains) && !/^Loading/.test(p.text) ? p : null;
  }, timeoutMs);
}

/** All descendants of a serialised node with this tag. */
export function findAll(node: DomNode, tag: string): DomNode[] {
  const out: DomNode[] = [];
  const visit = (n: DomNode) => {
    if (n.tag === tag) out.push(n);
    n.children.forEach(visit);
  };
  visit(node);
  return out;
}

/**
 * The id of the (only) tab whose content script answers, asked from an extension page. A popup
 * opened as a tab would otherwise act on itself; `popup.html?tab=ID` points it at the page.
 */
export function findContentTab(extensionPage: TestPage, site = '127.0.0.1'): Promise<number> {
  return until(`a tab on ${site} with the content script`, () =>
    extensionPage.evaluate(async (wanted) => {
      const api = (globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } };
      }).chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = (await api.tabs.sendMessage(tab.id, { type: 'page/mentions', payload: {} }).catch(() => null)) as {
          value?: { site?: string };
        } | null;
        if (reply?.value?.site === wanted) return tab.id;
      }
      return null;
    }, site),
  );
}

/**
 * Where the end-to-end tests save the screenshots they take to be looked at: `.tmp/screenshots/`
 * (ignored by git), so a test run never rewrites the tracked images. `scripts/screenshots.ts` runs
 * those tests with `LENS_SCREENSHOTS=docs/screenshots` to refresh the images in docs/.
 */
export function screenshotsDir(): string {
  return path.resolve(process.env.LENS_SCREENSHOTS ?? '.tmp/screenshots');
}
