/**
 * `npx tsx scripts/store-screenshots.ts`: builds, then takes screenshots of the real extension in
 * Chromium, on the demo page:
 *   docs/store/screenshot-N-*.png        1280×800, the Chrome Web Store's size (AMO accepts it too)
 *   docs/screenshots/popup-LANG.png      the popup at its own width (400 px), German and Japanese
 *   docs/screenshots/popup-entry-LANG.png  an entry in the popup, likewise
 *   docs/screenshots/popover-LANG.png    a popover in a window as narrow as the popup (and tall
 *                                        enough to show its actions)
 * The other languages need Chromium's translations (Debian: chromium-l10n) and, for Japanese, a
 * CJK font (fc-list :lang=ja). It prints any element that sticks out of the popup; look at the
 * pictures before committing them.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { launch, type Session, type TestPage } from '../test/e2e/harness/browsers';
import { serve, type StaticServer } from '../test/e2e/harness/server';
import { findContentTab, readMarks, until, waitForMarks, waitForPopover } from '../test/e2e/harness/page-helpers';
import { openPopup, overflowing, resultsFor, screenshotElement, setQuery } from '../test/e2e/harness/popup-helpers';

const STORE = { width: 1280, height: 800 };
const POPUP_WIDTH = 400;
/** Browsers cap a toolbar popup's height at 600 px. */
const POPUP_MAX_HEIGHT = 600;
const STORE_DIR = path.resolve('docs/store');
const SHOTS_DIR = path.resolve('docs/screenshots');

const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

/** Opens the demo page and rests the pointer on the LLaMA mark in its first paragraph until the popover shows. */
async function demoWithPopover(session: Session, server: StaticServer): Promise<TestPage> {
  const page = await session.newPage();
  await page.goto(server.url('index.html'));
  await waitForMarks(page, 5);
  const mark = await until('a LLaMA mark below the heading', async () => (await readMarks(page)).find((m) => m.text === 'LLaMA' && m.y > 150));
  await page.mouseMove(mark.x, mark.y, 3);
  await waitForPopover(page);
  await new Promise((r) => setTimeout(r, 400)); // the entrance animation
  return page;
}

function report(what: string, problems: string[]): void {
  if (problems.length) console.warn(`${what}: ${problems.length} element(s) overflow:\n  ${problems.join('\n  ')}`);
}

async function storeShots(server: StaticServer): Promise<void> {
  const session = await launch('chromium', { viewport: STORE });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lens-store-'));
  try {
    await mkdir(STORE_DIR, { recursive: true });
    const page = await demoWithPopover(session, server);
    const shot1 = path.join(STORE_DIR, 'screenshot-1-popover.png');
    await page.screenshot(shot1);

    // The popup over the page it acts on, where a toolbar popup opens: the top right corner.
    await page.mouseMove(5, STORE.height - 5, 3);
    await until('the popover to close', async () => ((await page.popover()) === null ? true : null));
    const background = path.join(tmp, 'page.png');
    await page.screenshot(background);
    const probe = await session.openExtensionPage('options.html');
    const tabId = await findContentTab(probe);
    await probe.close();
    const popup = await openPopup(session, tabId);
    await until('the page section', () => popup.evaluate(() => !!document.querySelector('.mentions button')));
    await setQuery(popup, 'leak');
    await resultsFor(popup, 'leak');
    const popupShot = path.join(tmp, 'popup.png');
    await screenshotElement(popup, 'main.popup', popupShot, POPUP_MAX_HEIGHT);
    const png = await readFile(popupShot);
    // A PNG's IHDR chunk starts at byte 16: width, then height, big-endian.
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const x = STORE.width - width - 24;
    const y = 8;
    const image = async (file: string) => `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${STORE.width}" height="${STORE.height}">
      <defs><filter id="s" x="-10%" y="-10%" width="120%" height="120%"><feDropShadow dx="0" dy="4" stdDeviation="8" flood-opacity="0.35"/></filter></defs>
      <image width="${STORE.width}" height="${STORE.height}" href="${await image(background)}"/>
      <rect x="${x}" y="${y}" width="${width}" height="${height}" fill="#fff" filter="url(#s)"/>
      <image x="${x}" y="${y}" width="${width}" height="${height}" href="${await image(popupShot)}"/>
    </svg>`;
    const shot2 = path.join(STORE_DIR, 'screenshot-2-popup.png');
    await writeFile(shot2, new Resvg(svg).render().asPng());
    await popup.close();

    const options = await session.openExtensionPage('options.html');
    await until('the options page', () => options.evaluate(() => document.querySelectorAll('.shortcuts dt').length > 0));
    const shot3 = path.join(STORE_DIR, 'screenshot-3-options.png');
    await options.screenshot(shot3);
    console.log([shot1, shot2, shot3].join('\n'));
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await session.close();
  }
}

async function languageShots(server: StaticServer, lang: string): Promise<void> {
  const session = await launch('chromium', { uiLanguage: lang, viewport: { width: POPUP_WIDTH, height: STORE.height } });
  try {
    const page = await demoWithPopover(session, server);
    const popover = path.join(SHOTS_DIR, `popover-${lang}.png`);
    await page.screenshot(popover);

    const probe = await session.openExtensionPage('options.html');
    const tabId = await findContentTab(probe);
    await probe.close();
    const popup = await openPopup(session, tabId);
    await until('the page section', () => popup.evaluate(() => !!document.querySelector('.mentions button')));
    const shot = path.join(SHOTS_DIR, `popup-${lang}.png`);
    await screenshotElement(popup, 'main.popup', shot, POPUP_MAX_HEIGHT);
    report(shot, await overflowing(popup));

    await popup.evaluate(() => (location.hash = 'entry/llama-1'));
    await until('the entry', () => popup.evaluate(() => !!document.querySelector('.entry h2')));
    const entry = path.join(SHOTS_DIR, `popup-entry-${lang}.png`);
    await screenshotElement(popup, 'main.popup', entry, POPUP_MAX_HEIGHT);
    report(entry, await overflowing(popup));
    console.log([popover, shot, entry].join('\n'));
  } finally {
    await session.close();
  }
}

const server = await serve([path.resolve('demo')]);
try {
  await storeShots(server);
  for (const lang of ['de', 'ja']) await languageShots(server, lang);
} finally {
  await server.close();
}
