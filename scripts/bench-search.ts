/**
 * Search latency, keystroke by keystroke, printed as p50/p95 (a measurement, not a test):
 *   tsx scripts/bench-search.ts [--browser chromium|firefox|both|none] [--rounds N]
 * - node: buildIndex().search() for every prefix of a set of queries, over the bundled dataset and
 *   over 10,000 synthetic entities (names, aliases, summaries and 8 facts each).
 * - browser: the built extension (run `npx tsx scripts/build.ts` first) in real Chromium and/or
 *   Firefox; in its popup, from the input event of each keystroke to the frame after the results
 *   are in the DOM (message to the background, search, render, paint), on the bundled dataset.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildIndex } from '../src/background/search';
import { memoryStore } from '../src/background/store';
import type { EntityView } from '../src/shared/messages';
import { TOPICS, ENTITY_KINDS } from '../src/shared/dataset';
import { loadDataFolder } from './data-folder';
import { BROWSERS, launch, type BrowserName } from '../test/e2e/harness/browsers';

const { values: args } = parseArgs({
  options: {
    browser: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '5' },
  },
});
const ROUNDS = Number(args.rounds);

/** What a reader types, typos included; every prefix of each is one keystroke. */
const BUNDLED_QUERIES = ['hugging face', 'llama 2', 'meta platforms', 'leak', 'torrent', 'licence', 'zuckerberg', 'huging', 'weights', 'transformers', 'lama', 'dmca'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(label: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} n=${String(s.length).padStart(5)}  p50 ${percentile(s, 50).toFixed(2).padStart(7)} ms  p95 ${percentile(s, 95).toFixed(2).padStart(7)} ms  max ${s.at(-1)!.toFixed(2).padStart(7)} ms`);
}

const keystrokes = (queries: readonly string[]) => queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((q) => q.trim());

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ne ra to zu pe an el or is us ex ar on in er al te ri co ma de li na so ve gra tro fel mor dan sil ber'.split(' ');
const COMMON = ('the a of in and to on was for with by its from as at model release weights licence paper dataset training '
  + 'tokens parameters company research lab leak torrent download repository takedown notice community fine tune benchmark '
  + 'open source commercial use researchers access announced published version family checkpoint').split(' ');

/** 10,000 entities shaped like the bundled ones: invented names with aliases, a summary, 8 facts of 18 words. */
function syntheticEntities(n: number): { views: EntityView[]; queries: string[] } {
  const rnd = prng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join('');
  // Word use follows Zipf's law, as in real text: a few words everywhere, most words rare.
  const vocabulary = [...COMMON, ...Array.from({ length: 20_000 }, word)];
  const zipf = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(rnd() * Math.log(vocabulary.length))) - 1)]!;
  const sentence = (len: number) => Array.from({ length: len }, zipf).join(' ');
  const views: EntityView[] = Array.from({ length: n }, (_, i) => {
    const name = `${word()[0]!.toUpperCase()}${word().slice(1)} ${rnd() < 0.5 ? word() : String(1 + Math.floor(rnd() * 9))}`;
    return {
      id: `e-${i}`,
      topic: pick(TOPICS),
      kind: pick(ENTITY_KINDS),
      name,
      summary: sentence(14),
      aliases: [name, name.replace(' ', ''), word()],
      related: [],
      facts: Array.from({ length: 8 }, (_, j) => ({ id: `f-${i}-${j}`, text: sentence(18), sources: [] })),
    };
  });
  const named = Array.from({ length: 6 }, () => pick(views).name.toLowerCase());
  const typo = (w: string) => `${w.slice(0, 2)}${w.slice(3)}`;
  return { views, queries: [...named, ...named.slice(0, 3).map(typo), 'torrent', 'licence', 'research lab', 'checkpoint'] };
}

function benchNode(label: string, views: readonly EntityView[], queries: readonly string[]): void {
  const built = performance.now();
  const index = buildIndex(views);
  console.log(`${label}: index of ${views.length} entities built in ${(performance.now() - built).toFixed(0)} ms`);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of keystrokes(queries)) {
      const t = performance.now();
      index.search(q);
      samples.push(performance.now() - t);
    }
  }
  report(`node, ${label}: search() per keystroke`, samples);
}

async function benchBrowser(name: BrowserName): Promise<void> {
  const session = await launch(name);
  try {
    const popup = await session.openExtensionPage('popup.html');
    const typed = keystrokes(BUNDLED_QUERIES);
    // tsx keeps function names with a `__name` helper that the page does not have.
    await popup.evaluate('globalThis.__name = (f) => f' as never);
    // The first query builds the index in the background; it is not a keystroke a reader waits on twice.
    const samples = await popup.evaluate(
      async ({ typed, rounds }) => {
        const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
        const list = document.querySelector<HTMLElement>('[role=listbox]')!;
        const shown = (q: string) =>
          new Promise<void>((resolve) => {
            if (list.dataset.query === q) return resolve();
            const watch = new MutationObserver(() => {
              if (list.dataset.query !== q) return;
              watch.disconnect();
              resolve();
            });
            watch.observe(list, { attributes: true, attributeFilter: ['data-query'] });
          });
        // The frame that shows the results has been produced once a task after its rAF has run.
        const painted = () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => {
              const c = new MessageChannel();
              c.port1.onmessage = () => resolve();
              c.port2.postMessage(null);
            }),
          );
        const type = async (q: string) => {
          const t = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await shown(q);
          const inDom = performance.now() - t;
          await painted();
          return { inDom, painted: performance.now() - t };
        };
        await type('warm up');
        const out: { inDom: number; painted: number }[] = [];
        for (let r = 0; r < rounds; r++) {
          for (const q of typed) out.push(await type(q));
          await type('');
        }
        return out;
      },
      { typed, rounds: ROUNDS },
    );
    report(`${name}, bundled: keystroke to results in the DOM`, samples.map((x) => x.inDom));
    report(`${name}, bundled: keystroke to results painted`, samples.map((x) => x.painted));
  } finally {
    await session.close();
  }
}

const data = loadDataFolder('src/data');
if (!data.ok) throw new Error(`the bundled dataset is invalid: ${data.errors.join('; ')}`);
benchNode('bundled', await memoryStore(data.dataset).allEntities(), BUNDLED_QUERIES);
const synthetic = syntheticEntities(10_000);
benchNode('synthetic 10k', synthetic.views, synthetic.queries);

const browsers = args.browser === 'both' ? BROWSERS : args.browser === 'none' ? [] : [args.browser as BrowserName];
for (const b of browsers) await benchBrowser(b);
