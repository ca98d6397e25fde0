/**
 * The built extension in real Chromium and Firefox ESR: it loads, seeds IndexedDB, marks the demo
 * page without touching its DOM, answers messages, and opens the popover and the popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { findAll, readMarks, waitForMarks, waitForPopover, until } from './harness/page-helpers';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages'), path.resolve('demo')]);
});
afterAll(() => server?.close());

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(() => session?.close());

  it('marks the demo page with highlights and changes nothing in its DOM', async () => {
    const page = await session.newPage();
    await page.goto(server.url('index.html'));
    await waitForMarks(page, 5);
    const marks = await readMarks(page);
    const texts = marks.map((m) => m.text);
    expect(texts).toContain('LLaMA');
    // "<b>Hugging</b> <i>Face</i> Transformers": one mention across three text nodes.
    expect(texts.some((t) => t.startsWith('Hugging Face'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Meta'))).toBe(true);
    expect(texts.some((t) => /^llama$/i.test(t) && t === 'llama')).toBe(false); // the animal
    expect(await page.evaluate(() => document.querySelectorAll('llama-lens-popover').length)).toBe(0);
    await page.close();
  });

  it('opens the popover with the entity from IndexedDB on hover', async () => {
    const page = await session.newPage();
    await page.goto(server.url('index.html'));
    await waitForMarks(page, 5);
    const first = (await readMarks(page)).find((m) => m.text === 'LLaMA');
    expect(first).toBeDefined();
    await page.mouseMove(first!.x, first!.y, 3);
    const popover = await waitForPopover(page, 'Llama');
    expect(findAll(popover, 'h2')[0]?.text).toMatch(/^(LLaMA|Llama)$/);
    const links = findAll(popover, 'a');
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.attrs.href).toMatch(/^https:\/\//);
      expect(a.attrs.rel).toBe('noopener noreferrer');
    }
    await page.close();
  });

  it('answers typed messages from its own pages, from IndexedDB', async () => {
    const popup = await session.openExtensionPage('popup.html');
    const reply = await popup.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const status = await api.runtime.sendMessage({ type: 'status/get', payload: {} });
      const entities = await api.runtime.sendMessage({ type: 'entities/get', payload: { ids: ['llama-1', 'hugging-face', 'nope'] } });
      const bad = await api.runtime.sendMessage({ type: 'entities/get', payload: { ids: 'llama-1' } });
      return { status, entities, bad };
    });
    expect(reply.status).toMatchObject({ ok: true, value: { storage: { kind: 'indexeddb' } } });
    const ids = (reply.entities as { value: { entities: { id: string }[] } }).value.entities.map((e) => e.id);
    expect(ids).toEqual(['llama-1', 'hugging-face']);
    expect(reply.bad).toMatchObject({ ok: false });
    expect((reply.bad as { error: string }).error).toMatch(/entities\/get/);
    await popup.close();
  });

  it('opens the popup, which reads status and search results from the background', async () => {
    const popup = await session.openExtensionPage('popup.html');
    const footer = await until('the dataset status', () => popup.evaluate(() => document.querySelector('.status')?.textContent || null));
    expect(footer).toMatch(/Dataset [0-9a-f]{16}, checked/);
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
      input.value = 'hugging';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const names = await until('search results', async () => {
      const n = await popup.evaluate(() => [...document.querySelectorAll('[role=option] .hit-name')].map((e) => e.textContent));
      return n.length ? n : null;
    });
    expect(names[0]).toMatch(/Hugging Face/);
    await popup.close();
  });
});
