/**
 * One small interface over two drivers: playwright-core for Chromium and puppeteer-core over
 * WebDriver BiDi for Firefox ESR, each with the built extension installed. Tests are written once
 * against `Session` and run in both browsers.
 */
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: path.resolve('extension/chrome'),
  firefox: path.resolve('extension/firefox'),
};

/** The add-on id in the source manifest, and a fixed moz-extension UUID so URLs are predictable. */
const GECKO_ID = 'llama-leak-lens@example.org';
const FIREFOX_UUID = '3f1c7b9e-5a4d-4c2b-9e8f-1a2b3c4d5e6f';

/** A DOM node as the tests see it, from either browser's serialisation of a closed shadow tree. */
export interface DomNode {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: DomNode[];
}

export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's own world (not the content script's). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Types text into whatever has focus, key by key. */
  type(text: string): Promise<void>;
  /** A finger's tap, and a touch held for `ms` (the session must be launched with `touch`). */
  tap(x: number, y: number): Promise<void>;
  touchHold(x: number, y: number, ms: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Resizes the viewport (CSS pixels): a toolbar popup's width, a phone, a zoomed page. */
  setViewport(width: number, height: number): Promise<void>;
  /** The popover's content, read through the closed shadow root; null when no popover is shown. */
  popover(): Promise<DomNode | null>;
  /** The viewport centre of the first element matching `selector` inside the popover's closed root. */
  popoverPoint(selector: string): Promise<{ x: number; y: number } | null>;
  close(): Promise<void>;
}

/** A browser with pages, with or without the extension. */
export interface PageBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

export interface Session extends PageBrowser {
  extensionUrl(p: string): string;
  /** Opens an extension page (popup.html…) in a tab. */
  openExtensionPage(p: string): Promise<TestPage>;
  /** Resolves with the URL of the next tab that opens on a URL containing `part`. */
  waitForTab(part: string, timeoutMs?: number): Promise<string>;
  /** Resolves when the user closes the browser (interactive `npm start`). */
  closed(): Promise<void>;
}

export interface LaunchOptions {
  /** Show the browser window (needs a display); headless otherwise. */
  headed?: boolean;
  colorScheme?: 'light' | 'dark';
  extensionDir?: string;
  /** Reuse a profile folder (to test restarts); a fresh temporary one otherwise. */
  profileDir?: string;
  /**
   * `http://127.0.0.1:PORT`: send every non-loopback request through this HTTP proxy (see
   * harness/proxy.ts), so a test can see whatever tries to leave the machine. Loopback (the test
   * servers) still goes direct. Unset: the browser's own default.
   */
  proxy?: string;
  /** More Firefox preferences, applied after (and over) the harness's own. */
  firefoxPrefs?: Record<string, unknown>;
  /** More environment variables for the browser process, over the test runner's own. */
  env?: Record<string, string>;
  /**
   * Which mentions are drawn. Tests check what is found and hover the mention they name, so the
   * harness draws every mention ('all') unless told otherwise; null keeps the product's default
   * (npm start, the screenshots, the density tests). A profile that already holds a density keeps it.
   */
  markDensity?: 'all' | 'section' | 'page' | null;
  /** A touch screen (Chromium: the context has touch; Firefox takes touch input over BiDi anyway). */
  touch?: boolean;
  /**
   * The browser's UI language, as a _locales folder names it ('de', 'ja', 'zh_CN'): what
   * `i18n.getUILanguage()` reports and `i18n.getMessage` picks. Needs the browser's own translation
   * (see uiLanguageSupport); unset, the browser's default (English here).
   */
  uiLanguage?: string;
  /** The page size; 1100×760 unless set (screenshots for the stores want theirs). */
  viewport?: { width: number; height: number };
}

const DEFAULT_VIEWPORT = { width: 1100, height: 760 };

/**
 * Where each browser gets a UI language from, and the Debian package that brings its translation
 * (the paths are the Debian packages' layout).
 * Chromium on Linux takes the language from the environment (LANGUAGE), but only when its
 * locales/LANG.pak exists (chromium-l10n); otherwise it stays in en-US. Firefox takes it from the
 * pref intl.locale.requested, but only with that language's langpack installed
 * (firefox-esr-l10n-LANG), and stays in en-US otherwise.
 */
export function uiLanguageSupport(name: BrowserName, lang: string): { file: string; apt: string } {
  const dashed = lang.replace('_', '-');
  return name === 'chromium'
    ? { file: `/usr/lib/chromium/locales/${dashed}.pak`, apt: 'chromium-l10n' }
    : { file: `/usr/lib/firefox-esr/browser/extensions/langpack-${dashed}@firefox-esr.mozilla.org.xpi`, apt: `firefox-esr-l10n-${dashed.toLowerCase()}` };
}

/** The launch's extra environment and prefs for a UI language, or an error naming the package that is missing. */
function uiLanguageLaunch(name: BrowserName, lang: string): { env?: Record<string, string>; prefs?: Record<string, unknown> } {
  const support = uiLanguageSupport(name, lang);
  if (!existsSync(support.file)) {
    throw new Error(`${name} cannot run in ${lang}: ${support.file} is missing. Install it with: apt-get install -y ${support.apt}`);
  }
  return name === 'chromium' ? { env: { LANGUAGE: lang } } : { prefs: { 'intl.locale.requested': lang.replace('_', '-') } };
}

const BINARIES: Record<BrowserName, { env: string; paths: string[]; apt: string }> = {
  chromium: { env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/lib/chromium/chromium'], apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'], apt: 'firefox-esr' },
};

/** The browser binary, or an error that says which Debian package to install. Never a silent skip. */
export function browserBinary(name: BrowserName): string {
  const b = BINARIES[name];
  const candidates = [process.env[b.env], ...b.paths].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`${name} is not installed (looked for ${candidates.join(', ')}). Install it with: apt-get install -y ${b.apt}`);
  }
  return found;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Session> {
  const session = await (name === 'chromium' ? launchChromium(options) : launchFirefox(options));
  const density = options.markDensity === undefined ? 'all' : options.markDensity;
  if (density) {
    try {
      await storeMarkDensity(session, density, options.markDensity !== undefined);
    } catch (error) {
      await session.close();
      throw error;
    }
  }
  return session;
}

/**
 * Writes the density into the stored settings record from an extension page, before any test
 * page loads. Settings are read field by field, so a record holding only this field means the
 * defaults plus this density.
 */
async function storeMarkDensity(session: Session, density: string, always: boolean): Promise<void> {
  const page = await session.openExtensionPage('options.html');
  try {
    await page.evaluate(
      async ({ density, always }) => {
        const sync = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.sync;
        const record = ((await sync.get('settings')).settings ?? {}) as Record<string, unknown>;
        if (always || record.markDensity === undefined) await sync.set({ settings: { ...record, markDensity: density } });
      },
      { density, always },
    );
  } finally {
    await page.close();
  }
}

/**
 * A headless browser without the extension, for the module tests in test/browser/ (content-script
 * modules bundled into a plain page). Lighter than a Session: no profile folder, no add-on install.
 */
export async function launchWithoutExtension(name: BrowserName): Promise<PageBrowser> {
  if (name === 'chromium') {
    const browser = await chromium.launch({ executablePath: browserBinary('chromium'), headless: true, args: QUIET_CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, colorScheme: 'light' });
    return {
      name,
      newPage: async () => pwPage(await context.newPage(), context),
      close: () => browser.close(),
    };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserBinary('firefox'),
    protocol: 'webDriverBiDi',
    headless: true,
    defaultViewport: { width: 1100, height: 760 },
  });
  return {
    name,
    newPage: async () => ppPage(await browser.newPage(), browser),
    close: () => browser.close(),
  };
}

// ---- serialisation of closed shadow trees ----------------------------------------------------

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function fromCdp(n: CdpNode): DomNode {
  const attrs: Record<string, string> = {};
  for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs[n.attributes![i]!] = n.attributes![i + 1]!;
  const children = [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(fromCdp);
  const text = n.nodeType === 3 ? (n.nodeValue ?? '') : children.map((c) => c.text).join('');
  return { tag: n.nodeType === 3 ? '#text' : n.nodeName.toLowerCase(), attrs, text, children };
}

function findCdp(n: CdpNode, tag: string): CdpNode | null {
  if (n.nodeName.toLowerCase() === tag) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const f = findCdp(c, tag);
    if (f) return f;
  }
  return null;
}

interface BidiNode {
  type: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

function fromBidi(n: BidiNode): DomNode {
  const v = n.value!;
  const children = [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])].map(fromBidi);
  const text = v.nodeType === 3 ? (v.nodeValue ?? '') : children.map((c) => c.text).join('');
  return { tag: v.nodeType === 3 ? '#text' : (v.localName ?? '#fragment'), attrs: v.attributes ?? {}, text, children };
}

const POPOVER_TAG = 'llama-lens-popover';
const QUIET_CHROMIUM_FLAGS = [
  // This machine has no network: without these Chromium keeps trying to reach Google services.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

// ---- Chromium ------------------------------------------------------------------------------

function pwPage(page: PwPage, context: BrowserContext): TestPage {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    tap: (x, y) => page.touchscreen.tap(x, y),
    async touchHold(x, y, ms) {
      // Playwright's touchscreen only taps: a held touch goes through the DevTools protocol.
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await new Promise((r) => setTimeout(r, ms));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } finally {
        await cdp.detach();
      }
    },
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    async popover() {
      const cdp = await context.newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
        const host = findCdp(root, POPOVER_TAG);
        return host ? fromCdp(host) : null;
      } finally {
        await cdp.detach();
      }
    },
    async popoverPoint(selector) {
      const cdp = await context.newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode & { nodeId: number } };
        const host = findCdp(root, POPOVER_TAG) as (CdpNode & { shadowRoots?: { nodeId: number }[] }) | null;
        const shadow = host?.shadowRoots?.[0];
        if (!shadow) return null;
        const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector })) as { nodeId: number };
        if (!nodeId) return null;
        const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
        const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
        return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
      } finally {
        await cdp.detach();
      }
    },
    close: () => page.close(),
  };
}

async function launchChromium(options: LaunchOptions): Promise<Session> {
  const dir = options.extensionDir ?? EXTENSION_DIRS.chromium;
  const profile = options.profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'lens-chromium-')));
  const env = { ...options.env, ...(options.uiLanguage && uiLanguageLaunch('chromium', options.uiLanguage).env) };
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserBinary('chromium'),
    headless: !options.headed,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    hasTouch: options.touch ?? false,
    ...(Object.keys(env).length > 0 && { env: { ...process.env, ...env } }),
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...QUIET_CHROMIUM_FLAGS,
      // Chromium never proxies loopback unless told to (<-loopback>), so the test servers stay direct.
      ...(options.proxy ? [`--proxy-server=${options.proxy}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  const extensionUrl = (p: string) => `chrome-extension://${id}/${p.replace(/^\//, '')}`;
  return {
    name: 'chromium',
    extensionUrl,
    async newPage() {
      return pwPage(await context.newPage(), context);
    },
    async openExtensionPage(p) {
      const page = await context.newPage();
      await page.goto(extensionUrl(p));
      return pwPage(page, context);
    },
    async close() {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
    closed: () => new Promise((resolve) => context.once('close', () => resolve())),
    async waitForTab(part, timeoutMs = 10_000) {
      const page = await context.waitForEvent('page', { predicate: (p) => p.url().includes(part), timeout: timeoutMs });
      return page.url();
    },
  };
}

// ---- Firefox -------------------------------------------------------------------------------

/** Manual proxy for every scheme, with loopback (and only loopback) going direct. */
function firefoxProxyPrefs(proxy: string): Record<string, unknown> {
  const { hostname, port } = new URL(proxy);
  return {
    'network.proxy.type': 1,
    'network.proxy.http': hostname,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': hostname,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    // Nothing is exempt by name; loopback stays direct because hijacking localhost is off.
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  };
}

/**
 * Firefox's remote agent sometimes fails to serialise a result while the page is busy, with an
 * internal "unknown error" from its #buildReturnValue (seen under load, never in a quiet run). That
 * one error is retried; any other error is the test's.
 */
async function evaluateInFirefox<A, R>(page: PpPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await page.evaluate(fn as never, arg)) as R;
    } catch (error) {
      const transient = /buildReturnValue|right-hand side of 'in'/.test(String(error));
      if (!transient || attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function ppPage(page: PpPage, browser: PpBrowser): TestPage {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => evaluateInFirefox(page, fn as never, arg) as never,
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    tap: (x, y) => page.touchscreen.tap(x, y),
    async touchHold(x, y, ms) {
      await page.touchscreen.touchStart(x, y);
      await new Promise((r) => setTimeout(r, ms));
      await page.touchscreen.touchEnd();
    },
    async screenshot(file) {
      await page.screenshot({ path: file as `${string}.png` });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    async popover() {
      // WebDriver BiDi serialises closed shadow roots when asked for includeShadowTree: 'all'.
      const connection = (browser as unknown as { connection: { send(m: string, p: unknown): Promise<{ result: unknown }> } }).connection;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const { result } = (await connection.send('script.callFunction', {
        functionDeclaration: `() => document.querySelector('${POPOVER_TAG}')`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
      })) as { result: { type: string; result: BidiNode } };
      return result.result.type === 'node' ? fromBidi(result.result) : null;
    },
    async popoverPoint(selector) {
      // The serialised host carries a reference to its closed shadow root, which a function can take.
      const connection = (browser as unknown as { connection: { send(m: string, p: unknown): Promise<{ result: unknown }> } }).connection;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const { result: hostResult } = (await connection.send('script.callFunction', {
        functionDeclaration: `() => document.querySelector('${POPOVER_TAG}')`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      })) as { result: { type: string; result: { type: string; value?: { shadowRoot?: { sharedId?: string } } } } };
      const sharedId = hostResult.result.value?.shadowRoot?.sharedId;
      if (hostResult.result.type !== 'node' || !sharedId) return null;
      const { result } = (await connection.send('script.callFunction', {
        functionDeclaration: `(root, sel) => { const r = root.querySelector(sel)?.getBoundingClientRect(); return r ? [r.left + r.width / 2, r.top + r.height / 2] : null; }`,
        arguments: [{ sharedId }, { type: 'string', value: selector }],
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
      })) as { result: { type: string; result: { type: string; value?: { type: string; value: number }[] } } };
      const v = result.result.type === 'array' ? result.result.value : undefined;
      return v ? { x: v[0]!.value, y: v[1]!.value } : null;
    },
    close: () => page.close(),
  };
}

async function launchFirefox(options: LaunchOptions): Promise<Session> {
  const dir = options.extensionDir ?? EXTENSION_DIRS.firefox;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserBinary('firefox'),
    protocol: 'webDriverBiDi',
    headless: !options.headed,
    ...(options.profileDir && { userDataDir: options.profileDir }),
    ...(options.env && { env: { ...process.env, ...options.env } }),
    defaultViewport: options.viewport ?? DEFAULT_VIEWPORT,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // 0 = dark, 1 = light: Firefox has no per-page emulation of the colour scheme over BiDi.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      ...(options.proxy && firefoxProxyPrefs(options.proxy)),
      ...(options.uiLanguage && uiLanguageLaunch('firefox', options.uiLanguage).prefs),
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(dir);
  const extensionUrl = (p: string) => `moz-extension://${FIREFOX_UUID}/${p.replace(/^\//, '')}`;
  return {
    name: 'firefox',
    extensionUrl,
    async newPage() {
      return ppPage(await browser.newPage(), browser);
    },
    async openExtensionPage(p) {
      const page = await browser.newPage();
      // goto() on moz-extension URLs may never resolve though the page loads: wait for content instead.
      void page.goto(extensionUrl(p)).catch(() => undefined);
      // Polled by hand: a probe that lands while the document is being replaced fails with a
      // protocol error (seen under load), which only means "not yet".
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:' && !!document.body?.firstElementChild)
          .catch(() => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`${p} did not load in Firefox within 15 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return ppPage(page, browser);
    },
    async close() {
      await browser.close();
    },
    closed: () => new Promise((resolve) => browser.once('disconnected', () => resolve())),
    async waitForTab(part, timeoutMs = 10_000) {
      // A tab the extension opens on a moz-extension URL is reported as about:blank over BiDi;
      // its document knows where it is.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const p of await browser.pages()) {
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (href.includes(part)) return href;
        }
        if (Date.now() > deadline) throw new Error(`no tab opened on a URL containing ${part}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

// ---- extension lifecycle -----------------------------------------------------------------------

/**
 * A fresh Chromium profile folder with developer mode on, for `launch(..., { profileDir })`.
 * Chromium 137+ disables an unpacked extension that reloads while developer mode is off
 * (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION) instead of loading it again, so reload tests need it.
 * The caller removes the folder: launch() keeps profiles it was given.
 */
export async function chromiumDeveloperProfile(): Promise<string> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'lens-chromium-dev-'));
  await mkdir(path.join(profile, 'Default'), { recursive: true });
  await writeFile(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  return profile;
}

/**
 * Reloads the extension from its folder on disk, as an update would, from one of its own pages.
 * Chromium reloads an unpacked extension (with developer mode on); Firefox reloads a temporary
 * add-on from its folder, keeping its id and so its moz-extension origin and IndexedDB.
 */
export async function reloadExtension(page: TestPage): Promise<void> {
  // The reload closes the page under the call, so the evaluation may fail or never answer.
  await Promise.race([
    page
      .evaluate(() => {
        (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
      })
      .catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ]);
  await page.close().catch(() => undefined);
}

/**
 * Asks the background for `status/get` from a fresh extension page until `ready(reply)` holds, and
 * returns that page. After a reload the old pages are gone and the background needs a moment to
 * start, so each try opens a new page and failures are retried until the deadline.
 */
export async function waitForBackground(
  session: Session,
  ready: (reply: unknown) => boolean,
  timeoutMs = 30_000,
): Promise<TestPage> {
  const end = Date.now() + timeoutMs;
  let last: unknown = 'no answer';
  for (;;) {
    const page = await session.openExtensionPage('popup.html').catch((error: unknown) => {
      last = String(error);
      return null;
    });
    if (page) {
      const reply = await page
        .evaluate(() => {
          const api = (globalThis as unknown as { chrome?: { runtime?: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
          return api?.runtime ? api.runtime.sendMessage({ type: 'status/get', payload: {} }) : null;
        })
        .catch((error: unknown) => ({ error: String(error) }));
      if (ready(reply)) return page;
      last = reply;
      await page.close().catch(() => undefined);
    }
    if (Date.now() > end) throw new Error(`the extension's background did not answer as expected: last reply ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
