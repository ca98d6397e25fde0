/**
 * The user's notes in real Chromium and Firefox ESR: written in the popover on one page, shown in
 * the popover on another, found by the popup's search, deleted and brought back with undo on the
 * entry page, and carried through export, a wipe and import (a bad file changes nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { findAll, readMarks, screenshotsDir, until, waitForMarks, waitForPopover } from './harness/page-helpers';
import { mkdir } from 'node:fs/promises';
import { axePopover } from './harness/axe';
import { axePage, chooseFile, openPopup, resultsFor, setQuery, storedSettings } from './harness/popup-helpers';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages'), path.resolve('demo')]);
});
afterAll(() => server?.close());

/** A word no dataset text contains, so a search hit on it can only come from the note. */
const WORD = 'quokkaphrase';
const NOTE = `Compare with the model card; ${WORD}. <b>stays text</b>`;

async function hoverMark(page: TestPage, text: string): Promise<void> {
  const mark = await until(`a mark "${text}"`, async () => (await readMarks(page)).find((m) => m.text === text));
  await page.mouseMove(1, 1);
  await page.mouseMove(mark.x, mark.y, 2);
}

async function clickInPopover(page: TestPage, selector: string): Promise<void> {
  const point = await until(`${selector} in the popover`, () => page.popoverPoint(selector));
  await page.mouseMove(point.x, point.y, 3);
  await page.click(point.x, point.y);
}

function ask<T>(page: TestPage, message: unknown): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

const noteOn = async (page: TestPage, id: string) =>
  (await ask<{ value: { entities: { note?: { text: string } }[] } }>(page, { type: 'entities/get', payload: { ids: [id] } })).value.entities[0]?.note?.text;

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(() => session?.close());

  it('a note written in the popover shows on another page, in search and on the entry page', async () => {
    const page = await session.newPage();
    await page.goto(server.url('popover.html'));
    await waitForMarks(page, 4);
    await hoverMark(page, 'LLaMA');
    const pop = await waitForPopover(page);
    expect(findAll(pop, 'button').some((b) => b.text === 'Add a note')).toBe(true);

    await clickInPopover(page, '.note button');
    await until('the note editor', async () => JSON.stringify(await page.popover()).includes('textarea'));
    await clickInPopover(page, 'textarea');
    // A page's own shortcut handler (listening on the document) must not see the note's keys.
    await page.evaluate(() => {
      const w = globalThis as { pageSawKeys?: number };
      w.pageSawKeys = 0;
      for (const type of ['keydown', 'keypress', 'keyup']) document.addEventListener(type, () => w.pageSawKeys!++);
    });
    await page.type(NOTE);
    expect(await page.evaluate(() => (globalThis as { pageSawKeys?: number }).pageSawKeys)).toBe(0);
    // The pointer leaving does not close the popover while the note is being written.
    await page.mouseMove(5, 700, 3);
    await new Promise((r) => setTimeout(r, 600));
    expect(await page.popover()).not.toBeNull();
    await clickInPopover(page, '.note-button.primary');
    const saved = await waitForPopover(page, NOTE);
    // Plain text: the angle brackets are characters, not an element.
    expect(findAll(saved, 'b')).toEqual([]);
    const entityId = await until('the note to be stored', async () => {
      const probe = await session.openExtensionPage('popup.html');
      const { value } = await ask<{ value: { hits: { id: string; matchedNote?: string }[] } }>(probe, { type: 'search', payload: { query: WORD } });
      await probe.close();
      return value.hits[0]?.matchedNote === NOTE ? value.hits[0].id : null;
    });
    const check = await session.newPage();
    await check.goto(server.url('blank.html'));
    expect(await axePopover(check, saved)).toEqual([]);
    await check.close();

    // Another page, the same entity: the note is under the summary.
    const other = await session.newPage();
    await other.goto(server.url('index.html'));
    await waitForMarks(other, 5);
    await hoverMark(other, 'LLaMA');
    const there = await waitForPopover(other, NOTE);
    const order = there.text.indexOf(NOTE) - there.text.indexOf(findAll(there, 'p').find((p) => p.attrs.id === 'll-summary')!.text);
    expect(order).toBeGreaterThan(0);
    if (name === 'chromium') {
      await new Promise((r) => setTimeout(r, 400)); // the entrance animation
      await mkdir(screenshotsDir(), { recursive: true });
      await other.screenshot(path.join(screenshotsDir(), 'note-popover.png'));
    }
    await other.close();
    await page.close();

    // Search finds it, says it is the user's note, and the entry shows it.
    const popup = await openPopup(session);
    await setQuery(popup, WORD);
    const [hit] = await resultsFor(popup, WORD);
    expect(hit?.text).toBe(`Your note: ${NOTE}`);
    await popup.press('Enter');
    await until('the entry with the note', () => popup.evaluate(() => document.querySelector('.entry .note-text')?.textContent ?? null));
    expect(await axePage(popup)).toEqual([]);

    // Delete, then undo: the same note is back.
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.entry .note button')].find((b) => b.textContent === 'Delete')!.click());
    await until('the undo offer', () => popup.evaluate(() => document.activeElement?.textContent === 'Undo'));
    expect(await noteOn(popup, entityId)).toBeUndefined();
    await popup.press('Enter');
    await until('the note back', () => popup.evaluate(() => document.querySelector('.entry .note-text')?.textContent ?? null));
    expect(await noteOn(popup, entityId)).toBe(NOTE);

    // Editing from the keyboard: Escape cancels the draft and leaves the entry open.
    await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.entry .note button')].find((b) => b.textContent === 'Edit')!.focus());
    await popup.press('Enter');
    await until('the editor', () => popup.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'));
    await popup.type(' more');
    await popup.press('Escape');
    await until('the note unchanged', () => popup.evaluate(() => !document.querySelector('textarea') && location.hash.startsWith('#entry/')));
    expect(await noteOn(popup, entityId)).toBe(NOTE);
    await popup.close();
  });

  it('export, wipe, import: settings and notes come back; a bad file changes nothing', async () => {
    const options = await session.openExtensionPage('options.html');
    await until('the options page', () => options.evaluate(() => !!document.querySelector('#add-site')));
    // Notes of its own, so this test stands alone.
    await ask(options, { type: 'note/set', payload: { entity: 'hugging-face', text: 'Check the Series D.' } });
    await ask(options, { type: 'note/set', payload: { entity: 'llama-1', text: NOTE } });
    await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name=mark-style][value=background]')!.click());
    await until('the style to be stored', async () => JSON.stringify((await storedSettings(options)).sync).includes('"markStyle":"background"'));

    // The export is a download: the page's link click is caught and the file read back.
    await options.evaluate(() => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        (globalThis as { exported?: Promise<string> }).exported = fetch(this.href).then((r) => r.text());
      };
    });
    await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export your data…')!.click());
    const file = await until('the exported file', () => options.evaluate(() => (globalThis as { exported?: Promise<string> }).exported ?? null));
    const data = JSON.parse(file) as { v: number; settings: { markStyle: string }; notes: { entity: string; text: string }[] };
    expect(data.v).toBe(2);
    expect(data.settings.markStyle).toBe('background');
    expect(data.notes.map((n) => [n.entity, n.text])).toContainEqual(['hugging-face', 'Check the Series D.']);
    expect(data.notes.some((n) => n.text === NOTE)).toBe(true);

    // Wipe: no notes, default settings, as after a fresh install.
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> }; local: { clear(): Promise<void> } } } }).chrome;
      await api.storage.sync.clear();
      await api.storage.local.clear();
    });
    for (const n of data.notes) await ask(options, { type: 'note/delete', payload: { entity: n.entity } });
    expect((await ask<{ value: { notes: unknown[] } }>(options, { type: 'notes/export', payload: {} })).value.notes).toEqual([]);
    await until('the default style shown', () => options.evaluate(() => document.querySelector<HTMLInputElement>('input[name=mark-style][value=underline]')!.checked));

    // A bad note anywhere in the file refuses all of it, and says where.
    const bad = JSON.stringify({ ...data, notes: [...data.notes, { entity: 'llama-2', text: '', updated: '2026-01-01' }] });
    await chooseFile(options, '#import-file', 'bad.json', bad);
    const refusal = await until('the refusal', () => options.evaluate(() => document.querySelector('#import-result[role=alert]')?.textContent || null));
    expect(refusal).toMatch(new RegExp(`notes\\.${data.notes.length}\\.text: the note is empty.*Nothing was changed`));
    expect((await ask<{ value: { notes: unknown[] } }>(options, { type: 'notes/export', payload: {} })).value.notes).toEqual([]);
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name=mark-style][value=underline]')!.checked)).toBe(true);

    await chooseFile(options, '#import-file', 'good.json', file);
    await until('the import to finish', () => options.evaluate(() => document.querySelector('#import-result[role=status]')?.textContent?.startsWith('Imported') ?? false));
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name=mark-style][value=background]')!.checked)).toBe(true);
    const back = (await ask<{ value: { notes: { entity: string; text: string; updated: string }[] } }>(options, { type: 'notes/export', payload: {} })).value.notes;
    expect(back.sort((a, b) => a.entity.localeCompare(b.entity))).toEqual(data.notes);
    expect(await noteOn(options, 'hugging-face')).toBe('Check the Series D.');

    // The restored note is on the page too.
    const page = await session.newPage();
    await page.goto(server.url('popover.html'));
    await waitForMarks(page, 4);
    await hoverMark(page, 'LLaMA');
    await waitForPopover(page, NOTE);
    await page.close();
    await options.close();
  });
});
