/**
 * Touch in real Chromium and Firefox ESR, on a 360 × 740 viewport with touch input: a tap on a
 * mark opens its popover, which stays inside the screen; a tap elsewhere closes it; a tap on a
 * mark inside a link follows the link; touch-and-hold on that mark opens its popover instead and
 * the link is not followed. A tap on a contradicted claim's mark opens the claim's popover.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { readMarks, screenshotsDir, until, waitForMarks, waitForPopover, type MarkInfo } from './harness/page-helpers';
import { mkdir } from 'node:fs/promises';
import { TOUCH_HOLD_MS } from '../../src/shared/limits';

const PHONE = { width: 360, height: 740 };

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

const markNamed = (page: TestPage, text: string): Promise<MarkInfo> => until(`a mark "${text}"`, async () => (await readMarks(page)).find((m) => m.text === text));
const noPopover = (page: TestPage) => until('the popover to close', async () => ((await page.popover()) === null ? true : null));

/** The first contradicted claim with this text, scrolled to the middle of the screen, and where it is now. */
function claimNamed(page: TestPage, text: string): Promise<{ x: number; y: number }> {
  return until(`a contradicted claim "${text}"`, () =>
    page.evaluate((t) => {
      const h = CSS.highlights.get('llama-claim-contradicted') as unknown as Set<Range> | undefined;
      const r = [...(h ?? [])].find((x) => x.toString() === t);
      if (!r) return null;
      (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
      const box = r.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, text),
  );
}

function hostBox(page: TestPage) {
  return page.evaluate(() => {
    const r = document.querySelector('llama-lens-popover')!.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, vw: innerWidth, vh: innerHeight };
  });
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(name, { touch: true });
    page = await session.newPage();
    await page.setViewport(PHONE.width, PHONE.height);
  });
  afterAll(() => session?.close());

  beforeEach(async () => {
    await page.goto(server.url('touch.html'));
    await waitForMarks(page, 3);
  });

  it('a tap opens the popover inside a 360 × 740 screen, and a tap elsewhere closes it', async () => {
    for (const text of ['LLaMA', 'Meta']) {
      const m = await markNamed(page, text);
      await page.tap(m.x, m.y);
      const pop = await waitForPopover(page);
      expect(pop.text).toContain(text === 'Meta' ? 'Meta' : 'LLaMA');
      const b = await hostBox(page);
      expect(b.vw).toBe(PHONE.width);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(PHONE.width);
      expect(b.bottom).toBeLessThanOrEqual(PHONE.height);
      if (name === 'chromium' && text === 'LLaMA') {
        await new Promise((r) => setTimeout(r, 300)); // the entrance animation
        await mkdir(screenshotsDir(), { recursive: true });
        await page.screenshot(path.join(screenshotsDir(), 'popover-touch-360.png'));
      }
      const blank = await page.evaluate(() => {
        const r = document.getElementById('blank')!.getBoundingClientRect();
        return { x: r.left + 20, y: r.bottom - 4 };
      });
      // Somewhere that is neither the popover nor a mark: the blank paragraph or a screen corner,
      // whichever the popover (whose height depends on what the entity has to show) leaves free.
      const outside = (p: { x: number; y: number }) => p.y > b.bottom || p.y < b.top || p.x < b.left || p.x > b.right;
      const away = [blank, { x: 5, y: 5 }, { x: 5, y: PHONE.height - 5 }].find(outside);
      if (!away) throw new Error(`the popover covers every free spot: ${JSON.stringify(b)}`);
      await page.tap(away.x, away.y);
      await noPopover(page);
    }
  });

  it('a tap on a mark inside a link follows the link; touch-and-hold opens the popover instead', async () => {
    const m = await markNamed(page, 'Hugging Face');
    await page.tap(m.x, m.y);
    await until('the link to be followed', () => page.evaluate(() => location.hash === '#followed'));
    expect(await page.popover()).toBeNull();

    await page.evaluate(() => {
      history.replaceState(null, '', location.pathname);
      scrollTo(0, 0);
    });
    const again = await markNamed(page, 'Hugging Face');
    await page.touchHold(again.x, again.y, TOUCH_HOLD_MS + 300);
    await waitForPopover(page, 'Hugging Face');
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => location.hash)).toBe('');
    const b = await hostBox(page);
    expect(b.right).toBeLessThanOrEqual(PHONE.width);
    expect(b.bottom).toBeLessThanOrEqual(PHONE.height);
  });

  it('a tap on a contradicted claim opens its popover: what the page says and what the sources say', async () => {
    await page.goto(server.url('claims/retelling-errors.html'));
    // "staff update" is no mention: only the claim's own mark can answer the tap.
    const c = await claimNamed(page, 'staff update');
    await page.tap(c.x, c.y);
    const pop = await waitForPopover(page, 'Contradicted by the sources');
    expect(pop.text).toContain('staff update');
    expect(pop.text).toContain('OpSec Online LLC');
    const b = await hostBox(page);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(PHONE.width);
    expect(b.bottom).toBeLessThanOrEqual(PHONE.height);
  });
});
