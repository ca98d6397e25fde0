/**
 * `npx tsx scripts/screenshots.ts`: the screenshots in docs/ — the demo page with a popover open (a
 * name's, and a contradicted claim's), in Chromium and Firefox, light and dark; then the popup,
 * options, timeline, note and touch screenshots, which the end-to-end tests of those views take
 * (run here with LENS_SCREENSHOTS=docs/screenshots; a plain test run saves them under .tmp/). Run
 * after a UI change and look at them before committing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch, BROWSERS } from '../test/e2e/harness/browsers';
import { serve } from '../test/e2e/harness/server';
import { readMarks, until, waitForMarks, waitForPopover } from '../test/e2e/harness/page-helpers';

const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = await serve([path.resolve('demo')]);
try {
  for (const name of BROWSERS) {
    for (const scheme of ['light', 'dark'] as const) {
      const session = await launch(name, { colorScheme: scheme, markDensity: null });
      try {
        const page = await session.newPage();
        await page.goto(server.url('index.html'));
        await waitForMarks(page, 5);
        // The article's first LLaMA below the headline, scrolled up into the window (as far as the page goes).
        const first = (await readMarks(page)).find((m) => m.text === 'LLaMA' && m.y > 150)!;
        await page.evaluate((y: number) => window.scrollBy({ top: y - 250, behavior: 'instant' }), first.y);
        const mark = (await readMarks(page)).filter((m) => m.text === 'LLaMA' && m.y > 100).sort((a, b) => a.y - b.y)[0]!;
        await page.mouseMove(mark.x, mark.y, 3);
        await waitForPopover(page);
        await new Promise((r) => setTimeout(r, 400)); // the entrance animation
        const file = path.resolve('docs/screenshots', `popover-${name}-${scheme}.png`);
        await page.screenshot(file);
        console.log(file);
        // The claim popover: a contradicted statement on the demo page (its highlight is not a mention's).
        await page.mouseMove(1, 1, 2);
        await until('the popover to close', async () => ((await page.popover()) === null ? true : null));
        const claim = await until('a contradicted claim', () =>
          page.evaluate(() => {
            const h = CSS.highlights.get('llama-claim-contradicted') as unknown as Set<Range> | undefined;
            const r = h && [...h].find((x) => x.toString() === 'staff update');
            r?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
            const box = r?.getClientRects()[0];
            return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
          }),
        );
        await page.mouseMove(claim.x, claim.y, 3);
        await waitForPopover(page, 'Contradicted');
        await new Promise((r) => setTimeout(r, 400));
        const claimFile = path.resolve('docs/screenshots', `claim-popover-${name}-${scheme}.png`);
        await page.screenshot(claimFile);
        console.log(claimFile);
      } finally {
        await session.close();
      }
    }
  }
} finally {
  await server.close();
}

const views = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', 'a11y', 'timeline', 'notes', 'touch'], {
  stdio: 'inherit',
  env: { ...process.env, LENS_SCREENSHOTS: path.resolve('docs/screenshots') },
});
if (views.status !== 0) process.exit(views.status ?? 1);
