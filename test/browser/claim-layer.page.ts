/**
 * Cases for src/content/claim-layer.ts in a real page, with a stand-in background
 * (harness/fake-extension-api.ts): the layer sends the scanned blocks that name something, marks
 * the claims that come back at the words they name, and drops the claims of text that was
 * rescanned, changed or removed while the background was checking it.
 */
import { mentionsOf } from '../../src/claims/pieces';
import { ClaimLayer } from '../../src/content/claim-layer';
import { CLAIM_HIGHLIGHTS } from '../../src/content/claim-marks';
import { walkBlocks, type Block } from '../../src/content/text-blocks';
import type { CheckedPieces, ClaimPiece } from '../../src/shared/claims';
import type { Mention } from '../../src/shared/dataset';
import { answerWith } from './harness/fake-extension-api';
import { browserCase } from './harness/cases';
import { errorsLoggedBy } from './harness/page-helpers';

interface Asked {
  pageDate?: string;
  pieces: ClaimPiece[];
}

/** The page's one block, with its "LLaMA" found as the matcher would. */
function scanned(): { block: Block; mentions: Mention[] } {
  const [block] = [...walkBlocks(document.body)];
  const at = block!.text.indexOf('LLaMA');
  return { block: block!, mentions: [{ start: at, end: at + 5, entity: 'llama-1', topic: 'llama' }] };
}

/** A contradicted release date wherever a piece says "February 27, 2023", as the background would answer it. */
function dateClaims(pieces: ClaimPiece[]): CheckedPieces {
  const said = 'February 27, 2023';
  const claims = pieces.flatMap(({ text, from }, piece) => {
    const at = text.indexOf(said);
    return at < 0 ? [] : [piece, from + at, from + at + said.length, 0];
  });
  return { findings: [{ verdict: 'contradicted', attribute: 'release-date', entity: 'llama-1', about: ['llama-1', 'llama-family'], truths: [] }], claims };
}

/** A background that answers only when released, so a case can change the page meanwhile. */
function heldBackground(): { asked: Asked[]; release(): void } {
  const asked: Asked[] = [];
  let release = (): void => undefined;
  const held = new Promise<void>((r) => (release = r));
  answerWith(async (type, payload) => {
    if (type !== 'claims/check') throw new Error(`unexpected ${type}`);
    const p = payload as Asked;
    asked.push(p);
    await held;
    return dateClaims(p.pieces);
  });
  return { asked, release };
}

/**
 * The page's block scanned into a claim layer and checked by a held background; `meanwhile` runs
 * while the background has the block, then the answer arrives and `read` says what the layer did.
 */
async function checkedPage<T>(
  meanwhile: (layer: ClaimLayer, block: Block) => void,
  read: (layer: ClaimLayer, page: { asked: Asked[]; block: Block; mentions: Mention[] }) => T | Promise<T>,
): Promise<T> {
  const bg = heldBackground();
  const layer = new ClaimLayer(false);
  try {
    const { block, mentions } = scanned();
    layer.onBlock(block, mentions);
    const done = layer.check();
    meanwhile(layer, block);
    bg.release();
    await done;
    return await read(layer, { asked: bg.asked, block, mentions });
  } finally {
    layer.dispose();
  }
}

/** Runs `f` with every Range made on the page from then on counted. */
async function countingRanges<T>(f: (made: () => number) => Promise<T>): Promise<T> {
  const Real = window.Range;
  let made = 0;
  window.Range = class extends Real {
    constructor() {
      super();
      made++;
    }
  };
  try {
    return await f(() => made);
  } finally {
    window.Range = Real;
  }
}

/** A background that finds a supported release date in every piece, over the span `spanIn` gives (offsets in the piece's text). */
function answerSupported(spanIn: (text: string) => [number, number]): void {
  answerWith(async (_, payload) => {
    const claims = (payload as Asked).pieces.flatMap(({ text, from }, piece) => {
      const [start, end] = spanIn(text);
      return [piece, from + start, from + end, 0];
    });
    return { findings: [{ verdict: 'supported', attribute: 'release-date', entity: 'llama-1', about: ['llama-1'], truths: [] }], claims };
  });
}

/** Every block of the page kept with its "LLaMA" (in `order`), checked, and read before the layer is disposed. */
async function checkedBlocks<T>(read: (layer: ClaimLayer) => T, order = (blocks: Block[]) => blocks): Promise<T> {
  const layer = new ClaimLayer(false);
  try {
    for (const block of order([...walkBlocks(document.body)])) {
      const at = block.text.indexOf('LLaMA');
      layer.onBlock(block, [{ start: at, end: at + 5, entity: 'llama-1', topic: 'llama' }]);
    }
    await layer.check();
    return read(layer);
  } finally {
    layer.dispose();
  }
}

const nothing = (): void => undefined;
const markedCount = (layer: ClaimLayer) => ({ marked: layer.marks.inOrder().length });

const ARTICLE = '<p>The weather was fine. Meta unveiled <b>LLaMA</b> on February 27, 2023. Nothing else happened.</p>';

export const cases = {
  'sends a block that names something as it is, and marks each claim at its words': browserCase({
    html: ARTICLE,
    run: () =>
      checkedPage(nothing, (layer, { asked }) => ({
        sent: asked.flatMap((a) => a.pieces.map((p) => [p.text, mentionsOf(p).map((m) => p.text.slice(m.start, m.end))])),
        marked: layer.marks.inOrder().map((m) => m.range.toString()),
        popup: Object.values(layer.summary()).flatMap((v) => v.first.map((c) => `${c.verdict} ${c.said}`)),
      })),
    expected: {
      sent: [['The weather was fine. Meta unveiled LLaMA on February 27, 2023. Nothing else happened.', ['LLaMA']]],
      marked: ['February 27, 2023'],
      popup: ['contradicted February 27, 2023'],
    },
  }),

  'sends no code listing: a block inside pre or wholly in code is a program\'s text, inline code is prose': browserCase({
    html:
      '<pre>Meta unveiled LLaMA on February 27, 2023.</pre>' +
      '<div><code>LLaMA: February 27, 2023</code></div>' +
      '<p>Meta unveiled <code>LLaMA</code> on February 27, 2023.</p>',
    run: async () => {
      const asked: Asked[] = [];
      answerWith(async (_, payload) => {
        asked.push(payload as Asked);
        return dateClaims((payload as Asked).pieces);
      });
      return checkedBlocks((layer) => ({ sent: asked.flatMap((a) => a.pieces.map((p) => p.text)), marked: layer.marks.inOrder().length }));
    },
    expected: { sent: ['Meta unveiled LLaMA on February 27, 2023.'], marked: 1 },
  }),

  'makes no Range for a supported claim until something asks for it (the popover\'s "On this page")': browserCase({
    html: '<p>Meta unveiled LLaMA on February 24, 2023.</p>',
    run: () =>
      countingRanges(async (made) => {
        const said = 'February 24, 2023';
        answerSupported((text) => [text.indexOf(said), text.indexOf(said) + said.length]);
        return checkedBlocks((layer) => {
          const afterCheck = made();
          const listed = layer.supportedAbout('llama-1').first.map((c) => c.said);
          return { afterCheck, listed, afterListing: made() };
        });
      }),
    expected: { afterCheck: 0, listed: ['February 24, 2023'], afterListing: 1 },
  }),

  'drops the claims of text rescanned while the background checked it': browserCase({
    html: ARTICLE,
    run: () => checkedPage((layer) => layer.rescanning([document.body.firstElementChild!]), markedCount),
    expected: { marked: 0 },
  }),

  'drops the claims of text that changed while the background checked it': browserCase({
    html: ARTICLE,
    // An edit before the date: the offsets the background answers with no longer fit the text.
    run: () => checkedPage((_, block) => ((block.nodes[0] as Text).data = 'It rained. Meta unveiled '), markedCount),
    expected: { marked: 0 },
  }),

  'logs a check that fails and keeps the claims it already marked': browserCase({
    html: ARTICLE,
    run: () =>
      checkedPage(nothing, async (layer, { block, mentions }) => {
        answerWith(() => Promise.reject(new Error('the background is gone')));
        layer.onBlock(block, mentions);
        const { logged } = await errorsLoggedBy(() => layer.check());
        return { logged: logged.map((l) => l.includes('could not check the claims')), marked: layer.marks.inOrder().map((m) => m.range.toString()) };
      }),
    expected: { logged: [true], marked: ['February 27, 2023'] },
  }),

  'draws the claims of all its messages together when the check ends': browserCase({
    // More text than one message carries, so the blocks go in several.
    html: '<p>The weather was fine that week. Meta unveiled <b>LLaMA</b> on February 27, 2023. Nothing else happened.</p>'.repeat(700),
    run: async () => {
      const drawn = () => CSS.highlights.get(CLAIM_HIGHLIGHTS.contradicted)?.size ?? 0;
      // What the highlight held when each message was sent: the ones before had been answered.
      const drawnWhenAsked: number[] = [];
      answerWith(async (_, payload) => {
        drawnWhenAsked.push(drawn());
        return dateClaims((payload as Asked).pieces);
      });
      return checkedBlocks(() => ({ severalMessages: drawnWhenAsked.length > 1, drawnWhenAsked: [...new Set(drawnWhenAsked)], drawnAtEnd: drawn() }));
    },
    expected: { severalMessages: true, drawnWhenAsked: [0], drawnAtEnd: 700 },
  }),

  'quotes the first supported claims in document order, counts the rest, and makes a Range only for those quoted': browserCase({
    html: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `<p>Item ${n}: Meta unveiled LLaMA on February 24, 2023.</p>`).join(''),
    run: () =>
      countingRanges(async (made) => {
        const said = 'February 24, 2023';
        // From the item's number to the date, so each quote says which it is.
        answerSupported((text) => [0, text.indexOf(said) + said.length]);
        return checkedBlocks(
          (layer) => {
            const { total, first } = layer.supportedAbout('llama-1');
            return { total, quoted: first.map((c) => c.said.slice(0, 6)), rangesMade: made() };
          },
          // Scanned last to first (as a rescan can add them): the list still reads in page order.
          (blocks) => blocks.reverse(),
        );
      }),
    expected: { total: 8, quoted: ['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5'], rangesMade: 5 },
  }),

  'puts claims in reading order, a shadow tree\'s claims where its host is': browserCase({
    html: '<p>One: Meta unveiled LLaMA on February 27, 2023.</p><div id="host"></div><p>Four: Meta unveiled LLaMA on February 27, 2023.</p>',
    run: () => {
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>Two: Meta unveiled LLaMA on February 27, 2023.</p><div id="inner"></div>';
      const inner = shadow.getElementById('inner')!.attachShadow({ mode: 'open' });
      inner.innerHTML = '<p>Three: Meta unveiled LLaMA on February 27, 2023.</p>';
      answerWith(async (_, payload) => {
        // Each claim from the block's first word to the date, so its quote says which it is.
        const claims = (payload as Asked).pieces.flatMap(({ text, from }, piece) => [piece, from, from + text.indexOf(', 2023') + 6, 0]);
        return { findings: [{ verdict: 'contradicted', attribute: 'release-date', entity: 'llama-1', about: ['llama-1'], truths: [] }], claims };
      });
      // The trees' blocks handed over deepest first, then the document's last to first.
      return checkedBlocks(
        (layer) => layer.marks.inOrder().map((m) => m.range.toString().split(':')[0]),
        (blocks) => [...walkBlocks(inner), ...walkBlocks(shadow), ...blocks.reverse()],
      );
    },
    expected: ['One', 'Two', 'Three', 'Four'],
  }),

  'lists the first claims of each verdict for the popup in document order, counts the rest, and quotes only those listed': browserCase({
    html: Array.from({ length: 30 }, (_, i) => `<p>Item ${i + 1}: Meta unveiled LLaMA on February ${i % 2 ? 24 : 27}, 2023.</p>`).join(''),
    run: () =>
      countingRanges(async (made) => {
        // Item 1, 3, 5… give the wrong date (contradicted), 2, 4, 6… the right one; each claim runs
        // from the item's number to the date, so each quote says which it is.
        answerWith(async (_, payload) => {
          const claims = (payload as Asked).pieces.flatMap(({ text, from }, piece) => {
            const end = text.indexOf(', 2023') + 6;
            return [piece, from, from + end, text.includes('February 27') ? 0 : 1];
          });
          const finding = (verdict: 'contradicted' | 'supported') => ({ verdict, attribute: 'release-date' as const, entity: 'llama-1', about: ['llama-1'], truths: [] });
          return { findings: [finding('contradicted'), finding('supported')], claims };
        });
        return checkedBlocks(
          (layer) => {
            const drawn = made();
            const { contradicted, supported } = layer.summary();
            const read = ({ total, first }: typeof contradicted) => ({ total, listed: first.map((c) => `${c.index} ${c.said.slice(0, 7).trim()}`) });
            return { contradicted: read(contradicted), supported: read(supported), rangesMadeForTheList: made() - drawn };
          },
          (blocks) => blocks.reverse(),
        );
      }),
    expected: {
      contradicted: { total: 15, listed: ['0 Item 1:', '2 Item 3:', '4 Item 5:', '6 Item 7:', '8 Item 9:', '10 Item 11', '12 Item 13', '14 Item 15', '16 Item 17', '18 Item 19'] },
      supported: { total: 15, listed: ['1 Item 2:', '3 Item 4:', '5 Item 6:', '7 Item 8:', '9 Item 10', '11 Item 12', '13 Item 14', '15 Item 16', '17 Item 18', '19 Item 20'] },
      // Contradicted claims are marked, so they have their Ranges already; the list makes one per supported claim it quotes.
      rangesMadeForTheList: 10,
    },
  }),
};
