/**
 * The hostile-page battery, in real Chromium and Firefox ESR: huge pages, pages that change under
 * the extension, a cross-origin frame, a page that poisons its own builtins and fakes pointer
 * events, page text that looks like markup; then the message boundary and the network. Every page
 * proves three things: the extension changed nothing in its DOM (the popover host aside), the
 * page's own behaviour still works, and the mentions it should mark are marked.
 *
 * The whole battery runs in browsers whose every non-loopback request goes to a proxy that refuses
 * and records it (harness/proxy.ts), and the last test asserts that nothing tried to leave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BROWSERS, EXTENSION_DIRS, launch, type BrowserName, type DomNode, type LaunchOptions, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { refusingProxy, type ProxyRequest, type RefusingProxy } from './harness/proxy';
import { findAll, readMarks, until, waitForMarks, waitForPopover } from './harness/page-helpers';
import { MAX_IDS_PER_REQUEST, MAX_MARKS_PER_PAGE } from '../../src/shared/limits';

const BIG_ROWS = 25_000; // four nodes a row (div, span, two texts): 100,000 nodes
const BIG_MENTION_EVERY = 50;
const MANY_PARAGRAPHS = 4_000; // five mentions each: 20,000 mentions

/**
 * Requests the browsers make on their own, with no page, extension page or extension involved,
 * that no flag or preference turns off; found by launching with this proxy and an empty profile.
 * Each is matched exactly (method and target), so anything else, even to the same company, fails.
 *
 * Chromium 156:
 * - `POST https://accounts.google.com/ListAccounts?gpsia=1&source=ChromiumBrowser&…`, sent by the
 *   sign-in code (IdentityManager, once the profile's network is up) and retried with back-off.
 *   Playwright's SkipListAccountsWithoutGaiaCookies and --disable-sync do not stop it.
 * - `POST update.googleapis.com/service/update2/json` with `X-Goog-Update-AppId:
 *   ceofaddefefcbblgcgnibnonglccbfja`, the "Optimization Guide On Device Models Manifest" component,
 *   checked despite --disable-component-update; first over TLS, then again over plain HTTP.
 * Both show up as `CONNECT host:443` (TLS) in the proxy; the plain-HTTP retry shows its URL.
 * Extra --disable-features flags cannot be used to try more: Chromium keeps only the last
 * --disable-features switch, which would drop Playwright's own list.
 *
 * Firefox ESR: none, once remote settings are pointed at their test dummy (see QUIET).
 */
const BROWSER_OWN: Record<BrowserName, (r: ProxyRequest) => boolean> = {
  chromium: (r) =>
    (r.method === 'CONNECT' && (r.target === 'accounts.google.com:443' || r.target === 'update.googleapis.com:443')) ||
    (r.method === 'POST' && r.target.startsWith('http://update.googleapis.com/service/update2/json?')),
  firefox: () => false,
};

/** Launch options that keep each browser's own background traffic off, so the proxy sees only ours. */
const QUIET: Record<BrowserName, Omit<LaunchOptions, 'proxy'>> = {
  chromium: {},
  firefox: {
    // The remote agent's recommended prefs point remote settings at this dummy, but release and
    // ESR builds ignore the override (services-settings/Utils.sys.mjs, allowServerURL) unless
    // MOZ_REMOTE_SETTINGS_DEVTOOLS=1; puppeteer's own value (http://dummy.test/…) would still go out
    // through the proxy, about 35 requests in the first four seconds.
    env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    firefoxPrefs: { 'services.settings.server': 'data:,#remote-settings-dummy/v1' },
  },
};

let tmp: string;
let server: StaticServer;
let other: StaticServer;
let proxy: RefusingProxy;

function bigNodesPage(): string {
  const rows: string[] = [];
  for (let i = 0; i < BIG_ROWS; i++) {
    const mention = i % BIG_MENTION_EVERY === 0;
    rows.push(`<div class="r"><span>Row ${i}</span> ${mention ? 'names the LLaMA weights' : 'is plain filler text about nothing'}</div>`);
  }
  return battlePage('100,000 nodes about LLaMA', rows.join('\n'));
}

function manyMentionsPage(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < MANY_PARAGRAPHS; i++) {
    paragraphs.push(`<p id="p${i}">Line ${i}: the LLaMA weights, the LLaMA paper, the LLaMA licence, the LLaMA leak and the LLaMA torrent.</p>`);
  }
  return battlePage('20,000 mentions of LLaMA', paragraphs.join('\n'));
}

/** Static HTML, so the nodes exist when parsing ends: the extension's first scan meets all of them. */
function battlePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font: 14px/1.4 sans-serif; margin: 0 1rem; } #page-button { position: fixed; top: 8px; right: 8px; }</style>
</head><body>
<button id="page-button" type="button">Press</button>
${body}
<script src="/watch.js"></script>
<script src="/probe.js"></script>
</body></html>`;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lens-battery-'));
  await writeFile(path.join(tmp, 'big-nodes.html'), bigNodesPage());
  await writeFile(path.join(tmp, 'many-mentions.html'), manyMentionsPage());
  const pages = [tmp, path.resolve('test/e2e/pages/battery'), path.resolve('test/e2e/pages'), path.resolve('demo')];
  server = await serve(pages);
  other = await serve([path.resolve('test/e2e/pages/battery'), path.resolve('test/e2e/pages')]);
  proxy = await refusingProxy();
});
afterAll(async () => {
  await server?.close();
  await other?.close();
  await proxy?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Mutation {
  type: string;
  target: string;
  added: string[];
  removed: string[];
  attribute: string | null;
}

const HOST = 'LLAMA-LENS-POPOVER';

/**
 * The DOM mutations since parsing ended, minus the popover host's own coming and going (the one
 * node the extension may add, while shown) and its style updates. Read with index loops only: the
 * hostile page has poisoned Array.prototype.
 */
async function extensionMutations(page: TestPage): Promise<Mutation[]> {
  const json = await page.evaluate(() => {
    const w = window as unknown as { __mutations: Mutation[]; __beforeExtension: number; __flush(): void; __stringify?: typeof JSON.stringify };
    w.__flush();
    const out: Mutation[] = [];
    for (let i = w.__beforeExtension; i < w.__mutations.length; i++) out[out.length] = w.__mutations[i]!;
    return (w.__stringify ?? JSON.stringify)(out);
  });
  const log = JSON.parse(json) as Mutation[];
  return log.filter((m) => {
    if (m.target === HOST) return false;
    const nodes = [...m.added, ...m.removed];
    return !(m.type === 'childList' && nodes.length > 0 && nodes.every((n) => n === HOST));
  });
}

interface Probe {
  ticks: [number, number][];
  longTasks: { start: number; duration: number }[];
  longTasksSupported: boolean;
}

function probe(page: TestPage): Promise<Probe> {
  return page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
}

/** Clicks the page's own button with a real click and checks the page's handler counted it. */
async function pageButtonStillWorks(page: TestPage): Promise<void> {
  // Two numbers, not an object: the hostile page's Array methods carry Playwright's results.
  const x = await page.evaluate(() => {
    const r = document.getElementById('page-button')!.getBoundingClientRect();
    return r.left + r.width / 2;
  });
  const y = await page.evaluate(() => {
    const r = document.getElementById('page-button')!.getBoundingClientRect();
    return r.top + r.height / 2;
  });
  const box = { x, y };
  const before = await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks);
  await page.click(box.x, box.y);
  await until('the page to count its own click', () => page.evaluate((b) => (window as unknown as { __clicks: number }).__clicks === b + 1, before));
}

/** Every element of the popover's tree whose tag is not the card's own kind of markup. */
function foreignElements(node: DomNode): string[] {
  const FORBIDDEN = new Set(['img', 'script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'link', 'meta', 'base', 'form', 'style', 'template']);
  const out: string[] = [];
  const visit = (n: DomNode) => {
    if (FORBIDDEN.has(n.tag)) out.push(n.tag);
    for (const name of Object.keys(n.attrs)) if (/^on/i.test(name)) out.push(`${n.tag}[${name}]`);
    n.children.forEach(visit);
  };
  visit(node);
  return out;
}

interface Reply {
  ok: boolean;
  error?: string;
  value?: unknown;
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: TestPage;
  let sinceLaunch: number;
  beforeAll(async () => {
    sinceLaunch = proxy.requests.length;
    session = await launch(name, { proxy: proxy.url, ...QUIET[name] });
    page = await session.newPage();
  });
  afterAll(() => session?.close());

  /** Loads a big page and checks what every big page must show. Returns the final mark count. */
  async function bigPage(file: string, expected: number): Promise<{ marks: number; probe: Probe }> {
    await page.goto(server.url(file));
    const marks = await waitForMarks(page, expected, 60_000);
    const p = await probe(page);
    // Ticks between the extension registering its highlights (-1 before) and the last mark.
    const during = p.ticks.filter(([, n]) => n >= 0 && n < marks).length;
    const longest = p.longTasks.reduce((a, t) => Math.max(a, t.duration), 0);
    console.log(
      `[battery] ${name} ${file}: ${marks} marks; ${during} page timer ticks during the scan; ` +
        (p.longTasksSupported ? `${p.longTasks.length} long tasks, longest ${longest.toFixed(0)} ms` : 'long tasks not reported by this browser'),
    );
    // The page runs between the extension's slices: its timer ticks while marks are still coming
    // (a scan that kept the page waiting to the end, as scheduler.yield() did, lets none through).
    expect(during, `${file}: page timer ticks between the first and the last mark`).toBeGreaterThanOrEqual(1);
    // The page's own timer outlived the scan (a page the extension had hung would stop ticking).
    await until('the page timer to tick with every mark in place', async () => (await probe(page)).ticks.some(([, n]) => n === marks));
    expect(await extensionMutations(page)).toEqual([]);
    await pageButtonStillWorks(page);
    return { marks, probe: p };
  }

  it('marks a 100,000-node page while the page keeps running, and changes nothing in it', async () => {
    const expected = BIG_ROWS / BIG_MENTION_EVERY;
    expect(expected).toBeLessThan(MAX_MARKS_PER_PAGE);
    const { marks } = await bigPage('big-nodes.html', expected);
    expect(marks).toBe(expected);
    const nodes = await page.evaluate(() => document.querySelectorAll('body *').length + document.evaluate('count(//body//text())', document, null, 1, null).numberValue);
    expect(nodes).toBeGreaterThanOrEqual(100_000);
    const texts = new Set((await readMarks(page)).map((m) => m.text));
    expect([...texts]).toEqual(['LLaMA']);
  });

  it('caps a page with 20,000 mentions at MAX_MARKS_PER_PAGE, in document order, page still running', async () => {
    const { marks } = await bigPage('many-mentions.html', MAX_MARKS_PER_PAGE);
    expect(marks).toBe(MAX_MARKS_PER_PAGE);
    // The first mentions are the ones kept: the paragraphs after the cap have none.
    const where = await page.evaluate(() => {
      let first = Infinity;
      let last = -1;
      CSS.highlights.forEach((h, hname) => {
        if (!hname.startsWith('llama-lens-')) return;
        for (const r of h as unknown as Set<Range>) {
          const i = Number((r.startContainer.parentElement?.id ?? '').slice(1));
          first = Math.min(first, i);
          last = Math.max(last, i);
        }
      });
      return { first, last };
    });
    expect(where).toEqual({ first: 0, last: MAX_MARKS_PER_PAGE / 5 - 1 });
  });

  it('marks what an infinite-scroll page appends as the user scrolls', async () => {
    await page.goto(server.url('infinite.html'));
    await waitForMarks(page, 10);
    for (let round = 0; round <= 3; round++) {
      if (round > 0) {
        const posts = await page.evaluate(() => document.getElementById('feed')!.childElementCount);
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        // The page's own behaviour: scrolling near the bottom appends a batch of five.
        await until('the page to append posts', () => page.evaluate((n) => document.getElementById('feed')!.childElementCount >= n + 5, posts));
      }
      const total = await page.evaluate(() => document.getElementById('feed')!.childElementCount);
      await until(`a mark in each of the ${total} posts`, async () => {
        const marked = await page.evaluate(() => {
          const ids = new Set<string>();
          CSS.highlights.forEach((h, hname) => {
            if (!hname.startsWith('llama-lens-')) return;
            for (const r of h as unknown as Set<Range>) {
              const id = r.startContainer.parentElement?.id ?? '';
              if (id.startsWith('post-')) ids.add(id);
            }
          });
          return ids.size;
        });
        return marked === total;
      });
    }
    // The only mutations are the page's own appends, one record per post.
    const appended = await page.evaluate(() => (window as unknown as { __appended: number }).__appended);
    expect(appended).toBeGreaterThanOrEqual(15);
    const log = await extensionMutations(page);
    expect(log.filter((m) => !(m.type === 'childList' && m.target === 'FEED-LIST' && m.added.length === 1 && m.added[0] === 'P' && m.removed.length === 0))).toEqual([]);
    expect(log).toHaveLength(appended);
    await pageButtonStillWorks(page);
  });

  it('marks a cross-origin frame, as the frame itself sees it, and changes nothing in either', async () => {
    expect(new URL(other.origin).port).not.toBe(new URL(server.origin).port);
    await page.goto(`${server.url('xframe.html')}?child=${encodeURIComponent(other.origin)}`);
    await waitForMarks(page, 2);
    expect((await readMarks(page)).map((m) => m.text)).toEqual(expect.arrayContaining(['Meta', 'LLaMA']));
    const report = await until(
      'the frame to report its marks',
      () =>
        page.evaluate(() => {
          const r = (window as unknown as { __frame: { texts: string[]; origin: string; mutations: Mutation[] } | null }).__frame;
          return r && r.texts.length >= 3 ? r : null;
        }),
      15_000,
    );
    expect(report.origin).toBe(other.origin);
    expect(report.texts).toEqual(expect.arrayContaining(['Hugging Face', 'LLaMA', 'Meta']));
    expect(report.mutations).toEqual([]);
    // The parent cannot read the frame's registry: the marks really are the frame's own.
    expect(await page.evaluate(() => {
      try {
        return (document.getElementById('child') as HTMLIFrameElement).contentDocument === null;
      } catch {
        return true;
      }
    })).toBe(true);
    expect(await extensionMutations(page)).toEqual([]);
    await pageButtonStillWorks(page);
  });

  it('works on a page that poisons its own builtins, and ignores its synthetic pointer events', async () => {
    await page.goto(server.url('hostile-scripts.html'));
    const read = async () =>
      JSON.parse(await page.evaluate(() => (window as unknown as { __read(): string }).__read())) as { text: string; x: number; y: number }[];
    const marks = await until('marks, read through the saved CSS.highlights', async () => {
      const m = await read();
      return m.length >= 5 ? m : null;
    }, 15_000);
    const texts = marks.map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['Meta', 'LLaMA', 'Hugging Face Hub', 'Llama 2', 'Meta AI']));
    // The poison is live in the page's world: a test that passes here ran against it.
    const poison = await page.evaluate(() => {
      const probes: Record<string, () => unknown> = {
        push: () => [].push(),
        includes: () => ([] as number[]).includes(1),
        appendChild: () => document.body.appendChild(document.createTextNode('')),
        then: () => Promise.resolve().then(() => undefined),
        JSON: () => JSON.parse('{}'),
        Range: () => new Range(),
      };
      const alive: string[] = [];
      for (const k of Object.keys(probes)) {
        try {
          probes[k]!();
          alive[alive.length] = k;
        } catch {
          // poisoned, as intended
        }
      }
      const w = window as unknown as { __H: unknown; __stringify: typeof JSON.stringify };
      return w.__stringify({ alive, css: CSS.highlights === w.__H, slice: 'abc'.slice(1) });
    }).then((j) => JSON.parse(j) as unknown);
    expect(poison).toEqual({ alive: [], css: false, slice: '' });
    // A second of synthetic pointermove/mouseover over every mark must open nothing.
    const synthetic = await page.evaluate(() => (window as unknown as { __synthetic: number }).__synthetic);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.evaluate(() => (window as unknown as { __synthetic: number }).__synthetic)).toBeGreaterThan(synthetic + 100);
    expect(await page.popover()).toBeNull();
    // A real pointer still does, with the flood going on.
    const target = (await read()).find((m) => m.text === 'LLaMA')!;
    await page.mouseMove(target.x, target.y, 3);
    const pop = await waitForPopover(page);
    expect(findAll(pop, 'h2')[0]?.text).toMatch(/^(LLaMA|Llama)$/);
    expect(await extensionMutations(page)).toEqual([]);
    await page.mouseMove(5, 700, 2);
    await until('the popover to close', async () => ((await page.popover()) === null ? true : null));
    await pageButtonStillWorks(page);
  });

  it('shows page text that looks like markup as nothing: no page element in the popover, no script run', async () => {
    await page.goto(server.url('markup-text.html'));
    await waitForMarks(page, 6);
    const marks = await readMarks(page);
    expect(marks.filter((m) => m.text === 'LLaMA').length).toBeGreaterThanOrEqual(6);
    for (const id of ['img', 'script', 'js-url', 'iframe', 'attr', 'link']) {
      const m = await page.evaluate((pid): { x: number; y: number } | null => {
        let found = null as { x: number; y: number } | null;
        CSS.highlights.forEach((h, hname) => {
          if (!hname.startsWith('llama-lens-')) return;
          for (const r of h as unknown as Set<Range>) {
            if (found || r.toString() !== 'LLaMA' || !r.startContainer.parentElement?.closest(`#${pid}`)) continue;
            const b = r.getClientRects()[0]!;
            found = { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
        });
        return found;
      }, id);
      expect(m, `a LLaMA mark in #${id}`).not.toBeNull();
      await page.mouseMove(m!.x, m!.y, 3);
      const pop = await waitForPopover(page);
      expect(foreignElements(pop), `#${id}`).toEqual([]);
      expect(pop.text).not.toMatch(/__xss|onerror|javascript:/);
      for (const a of findAll(pop, 'a')) expect(a.attrs.href, `#${id}`).toMatch(/^https:\/\//);
      await page.press('Escape');
      await until('the popover to close', async () => ((await page.popover()) === null ? true : null));
      await page.mouseMove(5, 5, 2);
    }
    expect(await page.evaluate(() => ({ xss: (window as unknown as { __xss?: number }).__xss, images: document.images.length, href: location.href.includes('javascript') }))).toEqual({
      xss: undefined,
      images: 0,
      href: false,
    });
    expect(await extensionMutations(page)).toEqual([]);
    await pageButtonStillWorks(page);
  });

  it('gives a web page no way to reach the background', async () => {
    await page.goto(server.url('markup-text.html'));
    await waitForMarks(page, 1);
    const api = await page.evaluate(() => {
      const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } }; browser?: unknown };
      return { sendMessage: typeof g.chrome?.runtime?.sendMessage, connect: typeof g.chrome?.runtime?.connect, browser: typeof g.browser };
    });
    expect(api).toEqual({ sendMessage: 'undefined', connect: 'undefined', browser: 'undefined' });
    const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIRS[name], 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
    // Nothing a page could load to tell the extension is installed.
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('answers malformed messages from its own pages with {ok: false} and keeps working', async () => {
    const ext = await session.openExtensionPage('popup.html');
    const garbage: unknown[] = [
      null,
      'status/get',
      42,
      [],
      {},
      { type: 'entities/get', payload: { ids: [1, 2] } },
      { type: 'entities/get', payload: { ids: Array.from({ length: 10_000 }, (_, i) => `id-${i}`) } },
      { type: 'entities/get', payload: { ids: Array.from({ length: MAX_IDS_PER_REQUEST + 1 }, () => 'llama-1') } },
      { type: 'entities/get', payload: { ids: ['x'.repeat(10_000)] } },
      { type: 'no/such-type', payload: {} },
      { type: 'x'.repeat(100_000), payload: {} },
      { type: '__proto__', payload: {} },
      { type: 'constructor', payload: {} },
      { type: 'search', payload: { query: 'q'.repeat(100_000) } },
      { type: 'search', payload: { query: { $regex: '.*' } } },
      { type: 'status/get', payload: { extra: true } },
      { type: 'entry/open', payload: { id: '' } },
    ];
    const replies = await ext.evaluate(async (messages) => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const out: unknown[] = [];
      for (const m of messages) out.push(await rt.sendMessage(m).catch((e: unknown) => ({ rejected: String(e) })));
      return out;
    }, garbage);
    replies.forEach((reply, i) => {
      const label = JSON.stringify(garbage[i]).slice(0, 60);
      expect(reply, label).toMatchObject({ ok: false, error: expect.any(String) });
      // Errors name the problem, not the payload: a huge message is not echoed back.
      expect((reply as Reply).error!.length, label).toBeLessThan(300);
    });
    const after = await ext.evaluate(async () => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      return {
        status: await rt.sendMessage({ type: 'status/get', payload: {} }),
        entities: await rt.sendMessage({ type: 'entities/get', payload: { ids: ['llama-1'] } }),
      };
    });
    expect(after.status).toMatchObject({ ok: true, value: { storage: { kind: 'indexeddb' } } });
    expect(after.entities).toMatchObject({ ok: true, value: { entities: [{ id: 'llama-1' }] } });
    await ext.close();
  });

  it('sends nothing off the machine: install, the demo page, a hover, the popup and a search', async () => {
    const demo = await session.newPage();
    await demo.goto(server.url('index.html'));
    await waitForMarks(demo, 5);
    const llama = (await readMarks(demo)).find((m) => m.text === 'LLaMA')!;
    await demo.mouseMove(llama.x, llama.y, 3);
    await waitForPopover(demo, 'Llama');
    const popup = await session.openExtensionPage('popup.html');
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
      input.value = 'hugging';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until('search results', () => popup.evaluate(() => document.querySelectorAll('[role=option]').length > 0));
    // Late senders (a retry, an idle-time beacon) get a moment to show up.
    await new Promise((r) => setTimeout(r, 2_000));
    const mine = proxy.requests.slice(sinceLaunch);
    const own = mine.filter(BROWSER_OWN[name]);
    if (own.length) console.log(`[battery] ${name}: the browser's own requests, not counted:`, own.map((r) => `${r.method} ${r.target.slice(0, 80)}`));
    expect(mine.filter((r) => !BROWSER_OWN[name](r))).toEqual([]);

    // The proxy does see what leaves, from a page and from the extension's own origin alike.
    const before = proxy.requests.length;
    await demo.evaluate(() => fetch('http://lens-battery-probe.example/page').catch(() => null));
    await popup.evaluate(() => fetch('https://lens-battery-probe.example/extension').catch(() => null));
    const seen = await until('the proxy to see both probes', async () => {
      const s = proxy.requests.slice(before).map((r) => r.target);
      return s.length >= 2 ? s : null;
    });
    expect(seen).toEqual(expect.arrayContaining(['http://lens-battery-probe.example/page', 'lens-battery-probe.example:443']));
    await popup.close();
    await demo.close();
  });
});
