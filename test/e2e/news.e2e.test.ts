/**
 * A page in the shape of a real news site (site header with navigation and follow icons, a share
 * bar, the article, related links, a footer with follow links), on a page about language models:
 * marks land in the article's prose and never on share or follow links or icon labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { waitForMarks } from './harness/page-helpers';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

/** Each mark's text and the id (or tag) of the nearest region it sits in. */
function marksByRegion(page: TestPage): Promise<{ text: string; region: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; region: string }[] = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('llama-lens-')) return;
      for (const r of h as unknown as Set<Range>) {
        const region = r.startContainer.parentElement?.closest('#prose, #related, #share-top, #share-bottom, #follow-header, #site-footer, header, nav');
        out.push({ text: r.toString(), region: region ? region.id || region.tagName.toLowerCase() : 'elsewhere' });
      }
    });
    return out;
  });
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(name);
    page = await session.newPage();
    await page.goto(server.url('news/article.html'));
    await waitForMarks(page, 6);
  });
  afterAll(() => session?.close());

  it('marks the article prose, including a plain sentence the page context settles', async () => {
    const prose = (await marksByRegion(page)).filter((m) => m.region === 'prose').map((m) => m.text);
    expect(prose).toEqual(expect.arrayContaining(['Meta', 'LLaMA', 'Llama 2', 'Hugging Face']));
    // "Our own team switched to Llama last spring": no model words in the sentence; the page decides.
    expect(prose.filter((t) => t === 'Llama')).toHaveLength(1);
  });

  it('marks nothing in share or follow links or icon labels', async () => {
    const chrome = (await marksByRegion(page)).filter((m) => ['share-top', 'share-bottom', 'follow-header', 'site-footer', 'header', 'nav'].includes(m.region));
    expect(chrome).toEqual([]);
    // The page does contain those labels: the test is about them, not about an empty chrome.
    const labels = await page.evaluate(() => [...document.querySelectorAll('#share-top a, #site-footer a, #follow-header .sr-only')].map((a) => a.textContent?.trim()));
    expect(labels.filter((t) => t === 'Facebook').length).toBeGreaterThanOrEqual(3);
  });

  it('marks unambiguous names in related headlines', async () => {
    const related = (await marksByRegion(page)).filter((m) => m.region === 'related').map((m) => m.text);
    expect(related).toEqual(expect.arrayContaining(['Llama 3']));
  });
});
