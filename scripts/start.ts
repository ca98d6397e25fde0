/**
 * `npm start [-- --firefox]`: builds, serves the demo page on 127.0.0.1 and opens a browser with the
 * extension loaded on it. With a display it stays open for you; without one (or with --headless) it
 * hovers the first mention, saves screenshots of the page and the popup, and prints their paths.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, type BrowserName } from '../test/e2e/harness/browsers';
import { serve } from '../test/e2e/harness/server';
import { waitForMarks, firstMarkCenter, waitForPopover, findContentTab } from '../test/e2e/harness/page-helpers';

const { values } = parseArgs({ options: { firefox: { type: 'boolean', default: false }, headless: { type: 'boolean', default: false } } });
const name: BrowserName = values.firefox ? 'firefox' : 'chromium';
const headless = values.headless || !process.env.DISPLAY;

const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await serve([path.resolve('demo')]);
const demo = server.url('index.html');

if (!headless) {
  // An interactive session: the real browser, left open until you close it.
  const session = await launch(name, { headed: true, markDensity: null });
  const page = await session.newPage();
  await page.goto(demo);
  console.log(`${name} is open on ${demo} with the extension loaded; close the browser to stop.`);
  await session.closed();
  await server.close();
} else {
  const out = path.resolve('screenshots');
  await mkdir(out, { recursive: true });
  const session = await launch(name, { markDensity: null });
  try {
    const page = await session.newPage();
    await page.goto(demo);
    const marks = await waitForMarks(page);
    const point = await firstMarkCenter(page);
    await page.mouseMove(point.x, point.y, 4);
    const popover = await waitForPopover(page);
    // Let the popover's entrance animation finish so the screenshot shows it as a reader sees it.
    await new Promise((r) => setTimeout(r, 400));
    const pageShot = path.join(out, `demo-page-${name}.png`);
    await page.screenshot(pageShot);
    const finder = await session.openExtensionPage('popup.html');
    const tabId = await findContentTab(finder);
    await finder.close();
    const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
    await new Promise((r) => setTimeout(r, 400));
    const popupShot = path.join(out, `popup-${name}.png`);
    await popup.screenshot(popupShot);
    console.log(`${name}: ${marks} marks on ${demo}; popover shows "${popover.text.slice(0, 60)}…"`);
    console.log(`screenshot of the page with the popover: ${pageShot}`);
    console.log(`screenshot of the popup: ${popupShot}`);
  } finally {
    await session.close();
    await server.close();
  }
}
