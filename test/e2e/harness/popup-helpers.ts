/**
 * Driving the popup and the options page as ordinary tabs: finding the tab a popup should act on,
 * typing into the search box, reading stored settings, running axe-core and taking cropped
 * screenshots of an extension page.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Session, TestPage } from './browsers';
import { until } from './page-helpers';
import type { AxeViolation } from './axe';

const AXE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** The page's `chrome` object, typed for the few calls the tests make from extension pages. */
interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
  storage: { sync: { get(k: null): Promise<Record<string, unknown>> }; local: { get(k: null): Promise<Record<string, unknown>> } };
}

export interface PageReport {
  tabId: number;
  site: string;
  active: boolean;
  entities: { id: string; name: string; count: number }[];
}

/**
 * What each tab's content script reports (page/mentions), asked from an extension page. Tabs
 * without a content script (extension pages, about:blank) do not answer and are left out.
 */
export function pageReports(extensionPage: TestPage): Promise<PageReport[]> {
  return extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const tabs = await api.tabs.query({});
    const out: PageReport[] = [];
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      try {
        const reply = (await api.tabs.sendMessage(tab.id, { type: 'page/mentions', payload: {} })) as { ok: boolean; value: Omit<PageReport, 'tabId'> };
        if (reply?.ok) out.push({ tabId: tab.id, ...reply.value });
      } catch {
        // no content script in this tab
      }
    }
    return out;
  });
}

/** The id of a tab whose content script reports `site` (waits until one does). */
export async function tabIdOf(session: Session, site: string): Promise<number> {
  const probe = await session.openExtensionPage('options.html');
  try {
    const report = await until(`a tab on ${site} to answer`, async () => (await pageReports(probe)).find((r) => r.site === site));
    return report.tabId;
  } finally {
    await probe.close();
  }
}

/** Opens the popup as a tab acting on `tabId` (or on nothing in particular) and waits for it to render. */
export async function openPopup(session: Session, tabId?: number, hash = ''): Promise<TestPage> {
  const popup = await session.openExtensionPage(`popup.html${tabId === undefined ? '' : `?tab=${tabId}`}${hash}`);
  await until('the popup to render', () => popup.evaluate(() => !!document.querySelector('main.popup .status')));
  return popup;
}

/** Sets the search box's text as typing would, in one input event. */
export function setQuery(popup: TestPage, query: string): Promise<void> {
  return popup.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, query);
}

export interface Hit {
  name: string;
  text: string;
  /** A fact hit's date and source line; empty for an entity hit. */
  meta: string;
  selected: boolean;
}

/** The result list once it answers `query` (the listbox's data-query says which query it shows). */
export function resultsFor(popup: TestPage, query: string): Promise<Hit[]> {
  return until(`results for "${query}"`, () =>
    popup.evaluate((q) => {
      const list = document.querySelector<HTMLElement>('[role=listbox]');
      if (!list || list.dataset.query !== q) return null;
      return [...list.querySelectorAll('[role=option]')].map((o) => ({
        name: o.querySelector('.hit-name')?.textContent ?? '',
        text: o.querySelector('.hit-text')?.textContent ?? '',
        meta: o.querySelector('.hit-meta')?.textContent ?? '',
        selected: o.getAttribute('aria-selected') === 'true',
      }));
    }, query),
  );
}

/** Everything the extension keeps in storage.sync and storage.local, read from one of its pages. */
export function storedSettings(extensionPage: TestPage): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    return { sync: await api.storage.sync.get(null), local: await api.storage.local.get(null) };
  });
}

/** Hands `text` to a file input as if the user had picked a file with that content. */
export function chooseFile(page: TestPage, selector: string, name: string, text: string): Promise<void> {
  return page.evaluate(
    ({ selector, name, text }) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, name, text },
  );
}

/**
 * axe-core on a whole extension page. Extension pages forbid eval, so axe's source is handed to
 * the driver as the script to evaluate (a driver's own evaluation is not subject to the page's CSP).
 */
export async function axePage(page: TestPage): Promise<AxeViolation[]> {
  await page.evaluate(AXE as never);
  return page.evaluate(async () => {
    const a = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await a.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * A PNG of one element of the page (its top `maxHeight` pixels at most), taller than the viewport
 * if need be: the page is captured a viewport at a time and the slices are laid out and cropped in
 * an SVG that resvg renders.
 */
export async function screenshotElement(page: TestPage, selector: string, file: string, maxHeight = Infinity): Promise<void> {
  const box = await page.evaluate(
    (selector) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return {
        x: Math.floor(r.left + scrollX),
        y: Math.floor(r.top + scrollY),
        width: Math.ceil(r.width),
        height: Math.ceil(r.height),
        viewport: innerHeight,
        pageWidth: innerWidth,
      };
    },
    selector,
  );
  box.height = Math.min(box.height, maxHeight);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lens-shot-'));
  try {
    const images: string[] = [];
    for (let top = box.y; top < box.y + box.height; top += box.viewport) {
      const scrolled = await page.evaluate(async (y) => {
        scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return scrollY;
      }, top);
      const slice = path.join(dir, `${images.length}.png`);
      await page.screenshot(slice);
      const data = (await readFile(slice)).toString('base64');
      images.push(`<image x="0" y="${scrolled}" width="${box.pageWidth}" height="${box.viewport}" preserveAspectRatio="none" href="data:image/png;base64,${data}"/>`);
    }
    await page.evaluate(() => scrollTo(0, 0));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="${box.x} ${box.y} ${box.width} ${box.height}">${images.join('')}</svg>`;
    await writeFile(file, new Resvg(svg).render().asPng());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Elements of an extension page's <main> that reach past its edges or clip their text (other than
 * by an intended ellipsis): what a longer translation would do to a fixed-width popup.
 */
export function overflowing(popup: TestPage): Promise<string[]> {
  return popup.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const r = el.getBoundingClientRect();
      const clipsText = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis' && getComputedStyle(el).overflowX !== 'visible';
      if (r.width > 0 && (r.right > main.right + 0.5 || r.left < main.left - 0.5 || clipsText)) out.push(`${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').slice(0, 40)}"`);
    }
    return out;
  });
}
