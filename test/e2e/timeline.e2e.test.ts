/**
 * The timeline in real Chromium and Firefox ESR: every dated fact of the dataset in date order
 * under year and month headings, a topic filter, links to entries and back, the keyboard, axe in
 * light and dark, and the layout at popup width, full page and 200 % zoom (no sideways scroll).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { screenshotsDir, until } from './harness/page-helpers';
import { axePage, openPopup, screenshotElement } from './harness/popup-helpers';
import entities from '../../src/data/entities.json';
import facts from '../../src/data/facts.json';

const SHOTS = screenshotsDir();
const topicOf = new Map(entities.map((e) => [e.id, e.topic]));
const dated = (facts as { id: string; entity: string; date?: string }[]).filter((f) => f.date);

interface Item {
  id: string;
  datetime: string;
  topic: string;
  year: string;
  entry: string;
  sources: string[];
}

function items(popup: TestPage): Promise<Item[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('.timeline ol.tl-events > li')].map((li) => ({
      id: li.querySelector('.tl-text')!.textContent!,
      datetime: li.querySelector('time')!.getAttribute('datetime')!,
      topic: [...li.classList].find((c) => c.startsWith('topic-'))!.slice(6),
      year: li.closest('.tl-year')!.querySelector('h3')!.textContent!,
      entry: li.querySelector<HTMLAnchorElement>('a.tl-entity')!.getAttribute('href')!,
      sources: [...li.querySelectorAll<HTMLAnchorElement>('.tl-sources a')].map((a) => a.href),
    })),
  );
}

const overflow = (popup: TestPage) => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openTimeline(session: Session): Promise<TestPage> {
  const popup = await openPopup(session);
  await popup.evaluate(() => document.querySelector<HTMLAnchorElement>('nav.views a[href="#timeline"]')!.click());
  await until('the timeline', () => popup.evaluate(() => document.querySelectorAll('.tl-event').length > 0));
  return popup;
}

describe.each(BROWSERS.flatMap((b) => (['light', 'dark'] as const).map((s) => [b, s] as const)))('%s, %s', (name, scheme) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name, { colorScheme: scheme });
  });
  afterAll(() => session?.close());

  it('lists every dated fact in date order, by year, each with its entry and https sources', async () => {
    const popup = await openTimeline(session);
    const all = await items(popup);
    expect(all.length).toBe(dated.length);
    const dates = all.map((i) => i.datetime);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates)).toEqual(new Set(dated.map((f) => f.date)));
    for (const i of all) {
      expect(i.year).toBe(i.datetime.slice(0, 4));
      expect(i.entry).toMatch(/^#entry\//);
      expect(i.sources.length).toBeGreaterThan(0);
      for (const s of i.sources) expect(s).toMatch(/^https:\/\//);
    }
    expect(await popup.evaluate(() => document.querySelector('.timeline [role=status]')!.textContent)).toBe(`${dated.length} of ${dated.length} dated facts`);
    expect(await axePage(popup)).toEqual([]);

    // At a toolbar popup's width, and at 200 % zoom of it (half the CSS pixels), nothing scrolls sideways.
    await popup.setViewport(400, 600);
    expect(await overflow(popup)).toBeLessThanOrEqual(0);
    if (name === 'chromium') {
      await mkdir(SHOTS, { recursive: true });
      await screenshotElement(popup, 'main.popup', path.join(SHOTS, `timeline-${scheme}.png`), 600);
    }
    await popup.setViewport(200, 600);
    expect(await overflow(popup)).toBeLessThanOrEqual(0);
    expect(await popup.evaluate(() => Math.round(document.querySelector('main.popup')!.getBoundingClientRect().width))).toBeLessThanOrEqual(200);
    if (name === 'chromium' && scheme === 'light') await screenshotElement(popup, 'main.popup', path.join(SHOTS, 'timeline-zoom-200.png'), 600);
    await popup.close();
  });

  it('filters by topic, links to the entry and back, and works from the keyboard', async () => {
    const popup = await openTimeline(session);
    // Full page (a tab) uses the room; no "open in a tab" button in a tab.
    expect(await popup.evaluate(() => Math.round(document.querySelector('main.popup')!.getBoundingClientRect().width))).toBe(760);
    expect(await popup.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Open in a tab'))).toBe(false);
    if (name === 'chromium' && scheme === 'light') await screenshotElement(popup, 'main.popup', path.join(SHOTS, 'timeline-page.png'), 900);

    // From the keyboard: Tab reaches the first topic box, Space unticks it.
    await popup.evaluate(() => document.querySelector<HTMLAnchorElement>('nav.views a[aria-current=page]')!.focus());
    await popup.press('Tab');
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    const first = await popup.evaluate(() => document.activeElement!.closest('label')!.className.match(/topic-(\S+)/)![1]!);
    await popup.press(' ');
    const expected = dated.filter((f) => topicOf.get(f.entity) !== first).length;
    await until('the filtered list', async () => (await items(popup)).length === expected);
    expect((await items(popup)).some((i) => i.topic === first)).toBe(false);
    expect(await popup.evaluate(() => document.querySelector('.timeline [role=status]')!.textContent)).toBe(`${expected} of ${dated.length} dated facts`);

    // An item's entry, and Back returns to the timeline.
    const target = (await items(popup))[0]!;
    await popup.evaluate((href) => document.querySelector<HTMLAnchorElement>(`a.tl-entity[href="${href}"]`)!.focus(), target.entry);
    await popup.press('Enter');
    // Escape is the entry view's key once focus is in it (focus moves there after the entry loads).
    await until('the entry, focused', () => popup.evaluate((href) => location.hash === href && !!document.querySelector('.entry h2') && !!document.activeElement?.closest('.entry'), target.entry));
    await popup.press('Escape');
    await until('the timeline again', () => popup.evaluate(() => location.hash === '#timeline' && document.querySelectorAll('.tl-event').length > 0));
    await popup.close();
  });
});
