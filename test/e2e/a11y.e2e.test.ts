/** Accessibility of the popover: axe-core finds no violation, in light and dark, in both browsers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { readMarks, waitForMarks, waitForPopover } from './harness/page-helpers';
import { axePopover } from './harness/axe';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages'), path.resolve('demo')]);
});
afterAll(() => server?.close());

const cases = BROWSERS.flatMap((b) => (['light', 'dark'] as const).map((scheme) => [b, scheme] as const));

describe.each(cases)('%s, %s', (name, scheme) => {
  it('the popover has no axe violations', async () => {
    const session = await launch(name, { colorScheme: scheme });
    try {
      const page = await session.newPage();
      await page.goto(server.url('index.html'));
      await waitForMarks(page, 5);
      const meta = (await readMarks(page)).find((m) => m.text.startsWith('Meta'))!;
      await page.mouseMove(meta.x, meta.y, 2);
      const popover = await waitForPopover(page);
      const check = await session.newPage();
      await check.goto(server.url('blank.html'));
      const violations = await axePopover(check, popover);
      expect(violations).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
