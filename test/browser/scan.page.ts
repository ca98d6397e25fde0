/**
 * Cases for src/content/scan.ts in a real page: blocks become live ranges over the right text, and
 * one scan's failure (a block the matcher throws on, a node that throws when read, a shadow root
 * detached mid-scan) is logged and leaves later scans running.
 */
import { scanSubtrees } from '../../src/content/scan';
import { browserCase } from './harness/cases';
import { matcher, mlPage, throwingOn } from './harness/matcher';
import { ALL_TOPICS, errorsLoggedBy, registry } from './harness/page-helpers';
import { MarkRegistry } from '../../src/content/marks';

const marked = (marks: MarkRegistry) => marks.inOrder().map((m) => `${m.entity}: ${m.range.toString()}`);

/** The logged lines, each cut to its first words (the error's stack differs by browser). */
const heads = (logged: string[]) => logged.map((l) => l.split(' ').slice(0, 5).join(' '));

export const cases = {
  'marks mentions split across inline elements and in open shadow roots, as ranges over the page’s text': browserCase({
    html: '<p>The <b>Hugging</b> <i>Face</i> Hub hosts <a href="/m">meta-llama/Llama-2-7b-chat-hf</a>.</p><div id="host"></div>',
    async run() {
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>Meta released <em>LLaMA</em> weights.</p>';
      const marks = registry();
      const shadows: ShadowRoot[] = [];
      const light = await scanSubtrees([document.body], matcher, mlPage, marks, { onShadowRoot: (s) => shadows.push(s) });
      const inner = await scanSubtrees(shadows, matcher, mlPage, marks);
      return { marked: marked(marks), added: [light.added, inner.added], failed: [light.failed, inner.failed], html: document.body.innerHTML };
    },
    expected: {
      marked: ['hugging-face-hub: Hugging Face Hub', 'llama-2: meta-llama/Llama-2-7b-chat-hf', 'meta-platforms: Meta', 'llama-1: LLaMA'],
      added: [2, 2],
      failed: [0, 0],
      // Marks are ranges: the page's markup is as it was.
      html: '<p>The <b>Hugging</b> <i>Face</i> Hub hosts <a href="/m">meta-llama/Llama-2-7b-chat-hf</a>.</p><div id="host"></div>',
    },
  }),

  'never marks a lone Facebook share link on a page about models, and marks the prose': browserCase({
    html: '<ul><li><a href="https://facebook.com/sharer">Facebook</a></li></ul><p>Meta released the Llama weights.</p>',
    async run() {
      const marks = registry();
      await scanSubtrees([document.body], matcher, mlPage, marks);
      return marked(marks);
    },
    expected: ['meta-platforms: Meta', 'llama-family: Llama'],
  }),

  'logs a block the matcher throws on, marks the other blocks, and the next scan still runs': browserCase({
    html: '<p>Meta released LLaMA.</p><p>boom</p><p>Hugging Face hosts it.</p>',
    async run() {
      const marks = registry();
      const matcherThatThrows = throwingOn('boom');
      const first = await errorsLoggedBy(() => scanSubtrees([document.body], matcherThatThrows, mlPage, marks));
      document.body.insertAdjacentHTML('beforeend', '<p>Llama 2 followed.</p>');
      const next = await errorsLoggedBy(() => scanSubtrees([document.body.lastChild!], matcherThatThrows, mlPage, marks));
      return {
        first: { added: first.result.added, failed: first.result.failed, logged: heads(first.logged) },
        next: { added: next.result.added, failed: next.result.failed, logged: next.logged },
        marked: marked(marks),
      };
    },
    expected: {
      first: { added: 3, failed: 1, logged: ['[llama-lens] could not mark a'] },
      next: { added: 1, failed: 0, logged: [] },
      marked: ['meta-platforms: Meta', 'llama-1: LLaMA', 'hugging-face: Hugging Face', 'llama-2: Llama 2'],
    },
  }),

  'logs a node that throws when read, ends that scan only, and the next scan still runs': browserCase({
    html: '<p>Meta released LLaMA.</p><p id="strange">odd</p><p>Hugging Face hosts it.</p>',
    async run() {
      const marks = registry();
      // A page can make any node throw when the scan reads it (a getter on the node itself).
      Object.defineProperty(document.getElementById('strange')!.firstChild!, 'data', {
        get() {
          throw new Error('strange node');
        },
      });
      const first = await errorsLoggedBy(() => scanSubtrees([document.body], matcher, mlPage, marks));
      document.body.insertAdjacentHTML('beforeend', '<p>Llama 2 followed.</p>');
      const next = await errorsLoggedBy(() => scanSubtrees([document.body.lastChild!], matcher, mlPage, marks));
      return {
        first: { failed: first.result.failed, logged: heads(first.logged) },
        next: { added: next.result.added, failed: next.result.failed },
        marked: marked(marks),
      };
    },
    expected: {
      first: { failed: 1, logged: ['[llama-lens] scan stopped early Error:'] },
      next: { added: 1, failed: 0 },
      marked: ['meta-platforms: Meta', 'llama-1: LLaMA', 'llama-2: Llama 2'],
    },
  }),

  'scans a shadow root whose host left the page before its turn without failing, and the next scan still runs': browserCase({
    html: '<p>Meta released LLaMA.</p><div id="host"></div><p>Hugging Face hosts it.</p>',
    async run() {
      const host = document.getElementById('host')!;
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>Llama 2 inside.</p>';
      const marks = registry();
      const shadows: ShadowRoot[] = [];
      const light = await errorsLoggedBy(() => scanSubtrees([document.body], matcher, mlPage, marks, { onShadowRoot: (s) => shadows.push(s) }));
      // The root's own scan is queued (as MarkSync queues it); meanwhile the page drops its host.
      host.remove();
      const detached = await errorsLoggedBy(() => scanSubtrees(shadows, matcher, mlPage, marks));
      document.body.insertAdjacentHTML('beforeend', '<p>Llama 3 followed.</p>');
      const next = await scanSubtrees([document.body.lastChild!], matcher, mlPage, marks);
      return {
        failed: [light.result.failed, detached.result.failed, next.failed],
        logged: [...light.logged, ...detached.logged],
        onPage: marks.inOrder().filter((m) => m.nodes.every((n) => n.isConnected)).map((m) => m.range.toString()),
      };
    },
    expected: { failed: [0, 0, 0], logged: [], onPage: ['Meta', 'LLaMA', 'Hugging Face', 'Llama 3'] },
  }),

  'draws a scan’s marks together when it ends, not slice by slice': browserCase({
    // Enough text for several time slices.
    html: '<p>Meta released LLaMA to researchers, and Hugging Face hosted copies.</p>'.repeat(3000),
    async run() {
      const marks = registry();
      const drawn = () => {
        let n = 0;
        CSS.highlights.forEach((h) => (n += h.size));
        return n;
      };
      // What the highlights held at each point the scan let the page run in between.
      const seen = new Set<number>();
      let scanning = true;
      const watch = () => {
        seen.add(drawn());
        if (scanning) setTimeout(watch, 0);
      };
      setTimeout(watch, 0);
      const stats = await scanSubtrees([document.body], matcher, mlPage, marks);
      scanning = false;
      return { severalSlices: stats.slices > 1, seenWhileScanning: [...seen], drawnAtEnd: drawn() === marks.size && marks.size > 0 };
    },
    expected: { severalSlices: true, seenWhileScanning: [0], drawnAtEnd: true },
  }),

  'knows each mark’s section from its own walk, as the document’s headings define it, and says when it cannot tell': browserCase({
    html:
      '<p>Intro Meta Platforms.</p><h2>About Meta Platforms</h2>' +
      '<p>First Meta Platforms, <span role="heading">Inline head</span> then Meta Platforms.</p>' +
      '<div contenteditable="true"><h3>Draft</h3><p>Typed Meta Platforms</p></div>' +
      '<p>Later Meta Platforms.</p><section><div><h4>Deep</h4></div><p>Deep Meta Platforms.</p></section>',
    async run() {
      const sections = async (root: Node) => {
        const marks = new MarkRegistry('underline', ALL_TOPICS, 'section');
        await scanSubtrees([root], matcher, mlPage, marks);
        const out = marks.inOrder().map((m) => {
          const before = m.nodes[0]!.data.slice(0, m.range.startOffset).trim().split(' ')[0] || m.nodes[0]!.data.trim();
          return `${before}: ${m.section === undefined ? 'cannot tell' : (m.section?.textContent ?? 'none')}`;
        });
        marks.dispose();
        return out;
      };
      // The same scan from the body: nothing tells it what came before, until it meets a heading.
      return { fromTop: await sections(document.documentElement), fromBody: await sections(document.body) };
    },
    expected: {
      fromTop: ['Intro: none', 'About: About Meta Platforms', 'First: About Meta Platforms', 'then: Inline head', 'Later: Draft', 'Deep: Deep'],
      fromBody: ['Intro: cannot tell', 'About: About Meta Platforms', 'First: About Meta Platforms', 'then: Inline head', 'Later: Draft', 'Deep: Deep'],
    },
  }),
};
