/** Cases for src/content/marks.ts (MarkRegistry over CSS.highlights) in a real page. */
import { MarkRegistry, highlightName } from '../../src/content/marks';
import { browserCase } from './harness/cases';
import { ALL_TOPICS, markWord, registry, textWith } from './harness/page-helpers';

const PROSE = '<p>Meta released LLaMA.</p><p id="second">Hugging Face hosts Llama 2.</p>';

/** What CSS.highlights holds: each registered name with its priority and number of ranges. */
function registered(): Record<string, { priority: number; ranges: number }> {
  const out: Record<string, { priority: number; ranges: number }> = {};
  CSS.highlights.forEach((h, name) => (out[name] = { priority: h.priority, ranges: h.size }));
  return out;
}

export const cases = {
  'registers one highlight per shown topic, above the page’s own, holding the marks’ ranges once drawn': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      const meta = markWord('Meta', 'meta', 'meta');
      marks.add(meta);
      marks.add(markWord('LLaMA', 'llama', 'llama'));
      marks.add(markWord('Llama 2', 'llama-2', 'llama'));
      // Added marks join the highlights together, when drawn: each change to a highlight costs a rebuild of all.
      const beforeDraw = Object.values(registered()).reduce((n, h) => n + h.ranges, 0);
      marks.draw();
      return { beforeDraw, registered: registered(), holdsRange: CSS.highlights.get(highlightName('underline', 'meta'))!.has(meta.range) };
    },
    expected: {
      beforeDraw: 0,
      registered: {
        'llama-lens-current': { priority: 2, ranges: 0 },
        'llama-lens-underline-llama': { priority: 1, ranges: 2 },
        'llama-lens-underline-meta': { priority: 1, ranges: 1 },
        'llama-lens-underline-hugging-face': { priority: 1, ranges: 0 },
      },
      holdsRange: true,
    },
  }),

  'restyles by re-registering under the new names, leaving hidden topics out, without losing marks': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      marks.add(markWord('LLaMA', 'llama', 'llama'));
      marks.draw();
      marks.restyle('background', new Set(['llama']));
      const afterHiding = { registered: registered(), size: marks.size, inOrder: marks.inOrder().map((m) => m.entity) };
      marks.restyle('underline', ALL_TOPICS);
      return { afterHiding, shownAgain: marks.inOrder().map((m) => m.entity) };
    },
    expected: {
      afterHiding: { registered: { 'llama-lens-background-llama': { priority: 1, ranges: 1 }, 'llama-lens-current': { priority: 2, ranges: 0 } }, size: 2, inOrder: ['llama'] },
      shownAgain: ['meta', 'llama'],
    },
  }),

  'at section density draws the first mention of each entity per section, whatever order marks are added in': browserCase({
    html:
      '<p>Intro Meta one.</p><h2>A</h2><p>A1 Meta.</p><p>A2 Meta.</p><h2>B</h2><p>B1 Meta.</p><p>B2 Meta.</p><h2>C</h2><p>C1 Meta.</p>',
    run() {
      const texts = ['Intro', 'A1', 'A2', 'B1', 'B2', 'C1'];
      const mark = (t: string) => markWord('Meta', 'meta-platforms', 'meta', textWith(t).parentNode as ParentNode);
      // Document order, then backwards and jumping about (a rescan or a shadow root adds out of order).
      const drawn = (order: string[]) => {
        const marks = new MarkRegistry('underline', ALL_TOPICS, 'section');
        const byText = new Map(order.map((t) => [t, mark(t)] as const));
        for (const t of order) marks.add(byText.get(t)!);
        marks.draw();
        const h = CSS.highlights.get(highlightName('underline', 'meta'))!;
        const out = texts.filter((t) => h.has(byText.get(t)!.range));
        marks.dispose();
        return out;
      };
      return { inOrder: drawn(texts), reversed: drawn([...texts].reverse()), jumping: drawn(['B2', 'Intro', 'C1', 'A2', 'B1', 'A1']) };
    },
    expected: { inOrder: ['Intro', 'A1', 'B1', 'C1'], reversed: ['Intro', 'A1', 'B1', 'C1'], jumping: ['Intro', 'A1', 'B1', 'C1'] },
  }),

  'when a drawn first mention goes, draws the next at once, and leaves a running scan\'s marks for its own draw': browserCase({
    html: '<p id="first">First Meta.</p><p>Second Meta.</p><p>LLaMA, found by a scan not yet ended.</p>',
    run() {
      const marks = new MarkRegistry('underline', ALL_TOPICS, 'page');
      const first = markWord('Meta', 'meta-platforms', 'meta', textWith('First').parentNode as ParentNode);
      const second = markWord('Meta', 'meta-platforms', 'meta', textWith('Second').parentNode as ParentNode);
      const llama = markWord('LLaMA', 'llama', 'llama');
      marks.add(first);
      marks.add(second);
      marks.draw();
      marks.add(llama);
      marks.removeInside([document.getElementById('first')!]);
      const drawn = (m: typeof first) => CSS.highlights.get(highlightName('underline', m.topic))!.has(m.range);
      const afterRemoval = { second: drawn(second), llama: drawn(llama) };
      marks.draw();
      const afterDraw = { llama: drawn(llama) };
      marks.dispose();
      return { afterRemoval, afterDraw };
    },
    expected: { afterRemoval: { second: true, llama: false }, afterDraw: { llama: true } },
  }),

  'drops the marks of removed text, and only those, from the highlights': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      marks.add(markWord('Hugging Face', 'hugging-face', 'hugging-face'));
      marks.draw();
      document.getElementById('second')!.remove();
      // A live range over removed text collapses onto its parent: removal shows on the nodes.
      const removed = marks.removeWhere((m) => m.nodes.some((n) => !n.isConnected));
      return { removed, left: marks.inOrder().map((m) => m.range.toString()), registered: registered() };
    },
    expected: {
      removed: 1,
      left: ['Meta'],
      registered: {
        'llama-lens-current': { priority: 2, ranges: 0 },
        'llama-lens-underline-llama': { priority: 1, ranges: 0 },
        'llama-lens-underline-meta': { priority: 1, ranges: 1 },
        'llama-lens-underline-hugging-face': { priority: 1, ranges: 0 },
      },
    },
  }),

  'removes the marks inside subtrees about to be rescanned': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      marks.add(markWord('Hugging Face', 'hugging-face', 'hugging-face'));
      marks.add(markWord('Llama 2', 'llama-2', 'llama'));
      const removed = marks.removeInside([document.getElementById('second')!]);
      return { removed, left: marks.inOrder().map((m) => m.range.toString()) };
    },
    expected: { removed: 2, left: ['Meta'] },
  }),

  'lists marks in reading order, a shadow tree’s marks where its host is': browserCase({
    html: '<p>Meta released LLaMA.</p><div id="host"></div><p>Hugging Face hosts it.</p>',
    run() {
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>Llama 2 inside</p><div id="inner"></div>';
      const inner = shadow.getElementById('inner')!.attachShadow({ mode: 'open' });
      inner.innerHTML = '<p>Meta Platforms deeper</p>';
      const marks = registry();
      marks.add(markWord('Hugging Face', 'hugging-face', 'hugging-face'));
      marks.add(markWord('Meta Platforms', 'meta', 'meta', inner));
      marks.add(markWord('Llama 2', 'llama-2', 'llama', shadow));
      marks.add(markWord('LLaMA', 'llama', 'llama'));
      marks.add(markWord('Meta', 'meta', 'meta'));
      return marks.inOrder().map((m) => m.range.toString());
    },
    expected: ['Meta', 'LLaMA', 'Llama 2', 'Meta Platforms', 'Hugging Face'],
  }),

  'takes its highlights out of CSS.highlights when disposed': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      marks.dispose();
      return { registered: registered(), size: marks.size };
    },
    expected: { registered: {}, size: 0 },
  }),

  'paints a registered highlight: the extension’s rule gives its text a style': browserCase({
    html: '<style>::highlight(llama-lens-underline-meta) { text-decoration: underline; }</style><p>Meta</p>',
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      const p = document.querySelector('p')!;
      return getComputedStyle(p, '::highlight(llama-lens-underline-meta)').textDecorationLine;
    },
    expected: 'underline',
  }),
};
