/**
 * The popover in real browsers: hover intent, closing, keyboard, placement at the edges, and pages
 * that try to hide or restyle it (strict CSP, hostile CSS).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { findAll, findContentTab, readMarks, until, waitForMarks, waitForPopover, type MarkInfo } from './harness/page-helpers';

const STRICT_CSP = "default-src 'none'; style-src 'self'";

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

function hostBox(page: TestPage) {
  return page.evaluate(() => {
    const host = document.querySelector('llama-lens-popover');
    if (!host) return null;
    const r = host.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height, vw: innerWidth, vh: innerHeight, onTop: hit === host };
  });
}

async function markNamed(page: TestPage, text: string): Promise<MarkInfo> {
  return until(`a mark "${text}"`, async () => (await readMarks(page)).find((m) => m.text === text));
}

const noPopover = (page: TestPage) => until('the popover to close', async () => ((await page.popover()) === null ? true : null));

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(name);
    page = await session.newPage();
  });
  afterAll(() => session?.close());

  beforeEach(async () => {
    await page.goto(server.url('popover.html'));
    await waitForMarks(page, 4);
    await page.mouseMove(1, 400);
  });

  it('opens on hover intent with the entity, its facts and sources, and closes on leaving', async () => {
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    const pop = await waitForPopover(page);
    const heading = findAll(pop, 'h2')[0]!.text;
    expect(['LLaMA', 'Llama']).toContain(heading);
    const dialog = findAll(pop, 'div').find((d) => d.attrs.role === 'dialog')!;
    expect(dialog.attrs['aria-labelledby']).toBe('ll-name');
    expect(dialog.attrs['aria-describedby']).toBe('ll-summary');
    const facts = findAll(pop, 'li');
    expect(facts.length).toBeGreaterThan(0);
    for (const a of findAll(pop, 'a')) {
      expect(a.attrs.href).toMatch(/^https:\/\//);
      expect(a.attrs.target).toBe('_blank');
      expect(a.attrs.rel).toBe('noopener noreferrer');
    }
    await page.mouseMove(5, 700, 3);
    await noPopover(page);
  });

  it('does not open when the pointer only passes over a mark', async () => {
    const m = await markNamed(page, 'Meta');
    await page.mouseMove(Math.max(1, m.x - 40), m.y);
    await page.mouseMove(m.x + 60, m.y + 200, 2);
    await new Promise((r) => setTimeout(r, 700));
    expect(await page.popover()).toBeNull();
  });

  it('stays open while the pointer moves into it', async () => {
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    const box = (await hostBox(page))!;
    await page.mouseMove(box.left + 30, box.top + 20, 4);
    await new Promise((r) => setTimeout(r, 600));
    expect(await page.popover()).not.toBeNull();
  });

  it('closes on Escape and on a click elsewhere', async () => {
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    await page.press('Escape');
    await noPopover(page);
    // Escape sticks while the pointer stays on the mark; leaving and coming back opens it again.
    await page.mouseMove(5, 700, 2);
    await new Promise((r) => setTimeout(r, 100)); // a frame: the pointer is sampled once per frame
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    await page.click(5, 700);
    await noPopover(page);
  });

  it('stays inside the viewport for marks at the edges and in a scrolled box', async () => {
    for (const text of ['Hugging Face', 'Meta Platforms', 'Llama 2']) {
      if (text === 'Llama 2') await page.evaluate(() => document.getElementById('inner')!.scrollIntoView({ block: 'nearest' }));
      const m = await markNamed(page, text);
      await page.mouseMove(m.x, m.y, 2);
      await waitForPopover(page);
      const b = (await hostBox(page))!;
      expect(b.left, text).toBeGreaterThanOrEqual(0);
      expect(b.top, text).toBeGreaterThanOrEqual(0);
      expect(b.right, text).toBeLessThanOrEqual(b.vw);
      expect(b.bottom, text).toBeLessThanOrEqual(b.vh);
      await page.press('Escape');
      await noPopover(page);
    }
  });

  it('closes when its mark scrolls out of view', async () => {
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    await page.evaluate(() => scrollTo(0, 400));
    await noPopover(page);
  });

  it('is reached from the keyboard command, takes focus, and gives it back on Escape', async () => {
    await page.evaluate(() => document.getElementById('before')!.focus());
    const ext = await session.openExtensionPage('popup.html');
    const tabId = await findContentTab(ext);
    // The command handler in the background sends exactly this message to the active tab.
    await ext.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
      await api.tabs.sendMessage(id, { type: 'page/step', payload: { direction: 1 } });
    }, tabId);
    const commands = await ext.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string }[]> } } }).chrome;
      return (await api.commands.getAll()).map((c) => c.name);
    });
    expect(commands).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
    await ext.close();
    await waitForPopover(page);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('llama-lens-popover');
    await page.press('Escape');
    await noPopover(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });

  it('switches to a related entity, and "more" opens the full entry in the extension\'s page', async () => {
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    const before = await waitForPopover(page);
    const chip = findAll(before, 'button').find((b) => b.attrs.class === 'chip')!;
    const at = (await page.popoverPoint('button.chip'))!;
    await page.mouseMove(at.x, at.y, 4);
    await page.click(at.x, at.y);
    const after = await until('the related entity', async () => {
      const p = await page.popover();
      return p && findAll(p, 'h2')[0]?.text === chip.text ? p : null;
    });
    expect(findAll(after, 'h2')[0]!.text).not.toBe(findAll(before, 'h2')[0]!.text);
    const more = (await page.popoverPoint('button.action:not(.quiet)'))!;
    const opened = session.waitForTab('#entry/');
    await page.mouseMove(more.x, more.y, 2);
    await page.click(more.x, more.y);
    expect(await opened).toMatch(/popup\.html#entry\/[a-z0-9-]+$/);
  });

  it('turns itself off for the site from the popover, in this tab at once', async () => {
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    const off = (await page.popoverPoint('button.action.quiet'))!;
    await page.mouseMove(off.x, off.y, 4);
    await page.click(off.x, off.y);
    await until('the marks to go', async () => ((await readMarks(page)).length === 0 ? true : null));
    await noPopover(page);
    // Back on for the tests that follow: clearing storage restores the defaults everywhere.
    const ext = await session.openExtensionPage('popup.html');
    await ext.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> }; local: { clear(): Promise<void> } } } }).chrome;
      await api.storage.sync.clear();
      await api.storage.local.clear();
    });
    await ext.close();
    await waitForMarks(page, 4);
  });

  it('works under a strict Content-Security-Policy', async () => {
    await page.goto(`${server.url('popover.html')}?csp=${encodeURIComponent(STRICT_CSP)}`);
    await waitForMarks(page, 4);
    const m = await markNamed(page, 'LLaMA');
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    // The panel's width comes from the extension's stylesheet: unstyled, it would be the text's width.
    const b = (await hostBox(page))!;
    expect(b.width).toBeGreaterThan(300);
    expect(b.width).toBeLessThan(400);
  });

  it('cannot be hidden or restyled by hostile CSS, overlays or clipping containers', async () => {
    await page.goto(server.url('hostile.html'));
    await waitForMarks(page, 2);
    const m = await markNamed(page, 'Meta');
    await page.mouseMove(m.x, m.y, 2);
    await waitForPopover(page);
    const b = (await hostBox(page))!;
    expect(b.width).toBeGreaterThan(300);
    expect(b.onTop).toBe(true);
  });
});
