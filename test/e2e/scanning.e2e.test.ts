/**
 * Scanning in real browsers: what is marked and what is not, frames and shadow roots, a page that
 * changes, and proof that marking never mutates the page's DOM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { BROWSERS, launch, type Session, type TestPage } from './harness/browsers';
import { serve, type StaticServer } from './harness/server';
import { readMarks, until, waitForMarks } from './harness/page-helpers';

let server: StaticServer;
beforeAll(async () => {
  server = await serve([path.resolve('test/e2e/pages')]);
});
afterAll(() => server?.close());

/** Marked texts inside a same-origin frame, read from the page world. */
function frameMarks(page: TestPage, id: string): Promise<string[]> {
  return page.evaluate((frameId) => {
    const win = (document.getElementById(frameId) as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null;
    const out: string[] = [];
    win?.CSS.highlights.forEach((h, name) => {
      if (name.startsWith('llama-lens-')) for (const r of h as unknown as Set<Range>) out.push(r.toString());
    });
    return out;
  }, id);
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: TestPage;
  beforeAll(async () => {
    session = await launch(name);
    page = await session.newPage();
    await page.goto(server.url('scanning.html'));
    await waitForMarks(page, 5);
  });
  afterAll(() => session?.close());

  it('marks prose, phrases split across inline elements, and open shadow roots', async () => {
    const texts = (await readMarks(page)).map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['Meta', 'LLaMA', 'Llama 2']));
    expect(texts.some((t) => t.startsWith('Hugging Face'))).toBe(true);
    // The shadow root's paragraph: its "Hugging Face" and "LLaMA" are marked in the same registry.
    const inShadow = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h) => {
        for (const r of h as unknown as Set<Range>) if (r.startContainer.getRootNode() instanceof ShadowRoot) n++;
      });
      return n;
    });
    expect(inShadow).toBeGreaterThanOrEqual(2);
  });

  it('leaves the animal, editable regions and form fields alone', async () => {
    const where = await page.evaluate(() => {
      const hits: string[] = [];
      CSS.highlights.forEach((h) => {
        for (const r of h as unknown as Set<Range>) {
          const el = r.startContainer.parentElement;
          const owner = el?.closest('#animal, #editable, textarea, form');
          if (owner) hits.push(owner.id || owner.nodeName);
        }
      });
      return hits;
    });
    expect(where).toEqual([]);
  });

  it('marks same-origin and srcdoc frames', async () => {
    expect(await until('marks in the frame', async () => ((await frameMarks(page, 'same')).length >= 2 ? frameMarks(page, 'same') : null))).toEqual(
      expect.arrayContaining(['Meta', 'Llama 2']),
    );
    expect(await until('marks in the srcdoc frame', async () => ((await frameMarks(page, 'srcdoc')).length >= 2 ? frameMarks(page, 'srcdoc') : null))).toEqual(
      expect.arrayContaining(['Meta Platforms', 'LLaMA']),
    );
  });

  it('marks text that arrives later in a frame that had none, or had only text naming nothing', async () => {
    // Time for the frames' content scripts to settle on "nothing here" (no dictionary, watching).
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await frameMarks(page, 'empty-frame')).toEqual([]);
    expect(await frameMarks(page, 'ad-frame')).toEqual([]);
    await page.evaluate(() => {
      for (const id of ['empty-frame', 'ad-frame']) {
        const doc = (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
        const p = doc.createElement('p');
        p.textContent = 'Arrived later: Meta released Llama 2.';
        doc.body.append(p);
      }
    });
    for (const id of ['empty-frame', 'ad-frame']) {
      expect(await until(`marks in ${id}`, async () => ((await frameMarks(page, id)).length >= 2 ? frameMarks(page, id) : null))).toEqual(
        expect.arrayContaining(['Meta', 'Llama 2']),
      );
    }
  });

  it('changed nothing in the DOM while scanning and marking', async () => {
    const { before, now, log } = await page.evaluate(() => {
      const w = window as unknown as { __mutations: unknown[]; __beforeExtension: number; __flush(): void };
      w.__flush();
      return { before: w.__beforeExtension, now: w.__mutations.length, log: w.__mutations.slice(w.__beforeExtension) };
    });
    expect(log).toEqual([]);
    expect(now).toBe(before);
  });

  it('marks content added later, and drops marks of removed content', async () => {
    const count = async () => (await readMarks(page)).length;
    const start = await count();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.append('Added later: ', Object.assign(document.createElement('em'), { textContent: 'Hugging' }), ' Face and Meta.');
      document.getElementById('late')!.append(p);
    });
    await until('the added paragraph to be marked', async () => ((await count()) >= start + 2 ? true : null));
    const added = await page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.forEach((h) => {
        for (const r of h as unknown as Set<Range>) if (r.startContainer.parentElement?.closest('#added')) out.push(r.toString());
      });
      return out;
    });
    expect(added).toEqual(expect.arrayContaining(['Hugging Face', 'Meta']));
    await page.evaluate(() => document.getElementById('added')!.remove());
    await until('marks of removed content to go', async () => ((await count()) === start ? true : null));
  });

  it('follows a single-page-app navigation that swaps content and URL', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/spa/next');
      document.getElementById('plain')!.replaceChildren('After navigation: Meta AI published Llama 3.');
    });
    const texts = await until('the swapped content to be marked', async () => {
      const t = (await readMarks(page)).map((m) => m.text);
      return t.some((x) => x.startsWith('Llama 3')) ? t : null;
    });
    expect(texts).not.toContain('LLaMA'.repeat(2));
    expect(texts.filter((t) => t === 'LLaMA')).toHaveLength(1); // the srcdoc frame's is separate; the page's own was replaced
  });

  it('does not get in the way of typing in an editable region', async () => {
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('#editable p')!;
      el.focus();
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.press(' ');
    for (const ch of 'Meta') await page.press(ch);
    const text = await page.evaluate(() => document.querySelector('#editable p')!.textContent);
    expect(text).toBe('Editable: LLaMA and Hugging Face stay unmarked here. Meta');
    await new Promise((r) => setTimeout(r, 300));
    const inEditable = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h) => {
        for (const r of h as unknown as Set<Range>) if (r.startContainer.parentElement?.closest('#editable')) n++;
      });
      return n;
    });
    expect(inEditable).toBe(0);
  });
});
