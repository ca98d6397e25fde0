/**
 * Accessibility in light and dark, in both browsers: axe-core finds no violation in the popover,
 * the claim popover, the popup (search, results, an entry) and the options page; screenshots of the popup and the
 * options page (see screenshotsDir). One browser session per browser and scheme serves all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BROWSERS, launch, type DomNode, type Session } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { readMarks, screenshotsDir, settledClaims, until, waitForMarks, waitForPopover } from './harness/page-helpers';
import { axePage, openPopup, resultsFor, screenshotElement, setQuery, tabIdOf } from './harness/popup-helpers';
import { axePopover, type AxeViolation } from './harness/axe';

const SITE = '127.0.0.1';
const SHOTS = screenshotsDir();
/** Browsers cap a toolbar popup at 600 px and scroll the rest: the screenshot shows what fits. */
const POPUP_MAX_HEIGHT = 600;

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages'), path.resolve('demo')]);
});
afterAll(() => server?.close());

const cases = BROWSERS.flatMap((b) => (['light', 'dark'] as const).map((scheme) => [b, scheme] as const));

describe.each(cases)('%s, %s', (name, scheme) => {
  let session: Session;
  beforeAll(async () => {
    // The product's default density, as the screenshots show the pages.
    session = await launch(name, { colorScheme: scheme, markDensity: null });
  });
  afterAll(() => session?.close());

  /** axe on an open popover, re-created on a blank page of the same browser (harness/axe.ts). */
  async function popoverViolations(popover: DomNode): Promise<AxeViolation[]> {
    const check = await session.newPage();
    try {
      await check.goto(server.url('blank.html'));
      return await axePopover(check, popover);
    } finally {
      await check.close();
    }
  }

  it('the popover has no axe violations', async () => {
    const page = await session.newPage();
    await page.goto(server.url('index.html'));
    await waitForMarks(page, 2);
    const meta = (await readMarks(page)).find((m) => m.text.startsWith('Meta'))!;
    await page.mouseMove(meta.x, meta.y, 2);
    const popover = await waitForPopover(page);
    expect(await popoverViolations(popover)).toEqual([]);
    await page.close();
  });

  it('the claim popover has no axe violations', async () => {
    const page = await session.newPage();
    await page.goto(server.url('claims/retelling-errors.html'));
    const [first] = await settledClaims(page, 3);
    await page.mouseMove(first!.x, first!.y, 3);
    const popover = await waitForPopover(page, 'Contradicted');
    expect(await popoverViolations(popover)).toEqual([]);
    await page.close();
  });

  it('the popup and the options page have no axe violations', async () => {
    const page = await session.newPage();
    await page.goto(server.url('index.html'));
    await waitForMarks(page, 2);
    const popup = await openPopup(session, await tabIdOf(session, SITE));
    await until('the page section', () => popup.evaluate(() => !!document.querySelector('.mentions button')));
    expect(await axePage(popup)).toEqual([]);
    await setQuery(popup, 'leak');
    await resultsFor(popup, 'leak');
    expect(await axePage(popup)).toEqual([]);
    if (name === 'chromium') {
      await mkdir(SHOTS, { recursive: true });
      await screenshotElement(popup, 'main.popup', path.join(SHOTS, `popup-${scheme}.png`));
    }
    await popup.evaluate(() => (location.hash = 'entry/llama-1'));
    await until('the entry', () => popup.evaluate(() => !!document.querySelector('.entry h2')));
    expect(await axePage(popup)).toEqual([]);
    if (name === 'chromium') await screenshotElement(popup, 'main.popup', path.join(SHOTS, `popup-entry-${scheme}.png`), POPUP_MAX_HEIGHT);

    const options = await session.openExtensionPage('options.html');
    await until('the options page', () => options.evaluate(() => !!document.querySelector('#add-site') && document.querySelectorAll('.shortcuts dt').length > 0));
    expect(await axePage(options)).toEqual([]);
    if (name === 'chromium') await screenshotElement(options, 'main.options', path.join(SHOTS, `options-${scheme}.png`));
    await options.close();
    await popup.close();
    await page.close();
  });
});
