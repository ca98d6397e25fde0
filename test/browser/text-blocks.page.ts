/** Cases for src/content/text-blocks.ts in a real page: what the browser's DOM reads as blocks. */
import { blockOf, isInSkippedRegion, sampleText, walkBlocks } from '../../src/content/text-blocks';
import { browserCase } from './harness/cases';
import { textWith } from './harness/page-helpers';

/** Each block as "kind: text" (trimmed), the way the matcher receives it. */
function blocks(root: Node = document.body, ignore?: Element | null): string[] {
  return [...walkBlocks(root, { ignore })].map((b) => `${b.kind}: ${b.text.trim()}`);
}

export const cases = {
  'reads a phrase split across inline elements as one block, and splits at block elements': browserCase({
    html: '<p>The <b>Hugging</b> <i><span>Face</span></i> Hub</p><div>Meta <a href="/ai">AI</a> lab<p>nested</p>tail</div><ul><li>one</li><li>two</li></ul>',
    run: () => blocks(),
    expected: ['prose: The Hugging Face Hub', 'prose: Meta AI lab', 'prose: nested', 'prose: tail', 'prose: one', 'prose: two'],
  }),

  'keeps each text node’s offset in the block, so a mention maps back onto the nodes': browserCase({
    html: '<p>🦙 <b>Hugging</b> <i>Face</i></p>',
    run() {
      const [b] = [...walkBlocks(document.body)];
      return { starts: b!.starts, pieces: b!.nodes.map((n, i) => b!.text.slice(b!.starts[i], b!.starts[i]! + n.data.length) === n.data) };
    },
    expected: { starts: [0, 3, 10, 11], pieces: [true, true, true, true] },
  }),

  'skips scripts, styles, form fields, SVG and MathML text, editable regions and the extension’s own node': browserCase({
    html:
      '<p>kept</p><script>var LLaMA = 1;</script><style>.x { content: "Meta"; }</style><textarea>LLaMA</textarea>' +
      '<select><option>Meta</option></select><button>Meta</button><svg><text>Meta</text></svg><math><mi>LLaMA</mi></math>' +
      '<div contenteditable="true"><p>LLaMA</p></div><div contenteditable="plaintext-only">Meta</div><div contenteditable="false">read</div>' +
      '<llama-lens-popover><p>Hugging Face</p></llama-lens-popover><noscript>Meta</noscript>',
    run: () => blocks(document.body, document.querySelector('llama-lens-popover')),
    expected: ['prose: kept', 'prose: read'],
  }),

  'reads nothing from a document in design mode': browserCase({
    html: '<p>Meta released LLaMA.</p>',
    run() {
      document.designMode = 'on';
      const seen = blocks();
      document.designMode = 'off';
      return { seen, after: blocks() };
    },
    expected: { seen: [], after: ['prose: Meta released LLaMA.'] },
  }),

  'reports open shadow roots (not closed ones), on standard and custom elements, and reads their text apart from the light tree': browserCase({
    html: '<p>before</p><div id="open"><span>slotted</span></div><div id="closed"></div><lens-card id="custom"></lens-card><p>after</p>',
    run() {
      const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
      open.innerHTML = '<p>Hugging <b>Face</b> inside</p><slot></slot>';
      document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>hidden</p>';
      // Only custom elements and a short list of standard ones can host a shadow root: the walk
      // asks the others for none.
      const custom = document.getElementById('custom')!.attachShadow({ mode: 'open' });
      custom.innerHTML = '<p>Llama 2 card</p>';
      const seen: ShadowRoot[] = [];
      const light = [...walkBlocks(document.body, { onShadowRoot: (s) => seen.push(s) })].map((b) => b.text.trim());
      return { light, reported: seen.map((s) => (s === open ? 'div' : s === custom ? 'custom' : '?')), shadow: blocks(open), card: blocks(custom) };
    },
    expected: { light: ['before', 'slotted', 'after'], reported: ['div', 'custom'], shadow: ['prose: Hugging Face inside'], card: ['prose: Llama 2 card'] },
  }),

  'reads lone links and short text in site chrome as labels, and an article’s own header as prose': browserCase({
    html:
      '<header><nav><a href="/x">Meta</a></nav><p>Facebook</p></header>' +
      '<article><header><h1>Meta ships a model</h1></header><p>Meta released the <a href="/w">Llama</a> weights.</p>' +
      '<ul><li><a href="/s"><span>Share on</span> <b>Facebook</b></a></li><li><span role="button">Facebook</span></li></ul></article>' +
      '<div role="toolbar"><span>Meta</span></div><footer><p>Follow us</p></footer>',
    run: () => blocks(),
    expected: [
      'label: Meta',
      'label: Facebook',
      'prose: Meta ships a model',
      'prose: Meta released the Llama weights.',
      'label: Share on Facebook',
      'label: Facebook',
      'label: Meta',
      'label: Follow us',
    ],
  }),

  'finds the block of a text node, and whether it is in a skipped region': browserCase({
    html: '<div id="d"><p id="p">The <b><i>Hugging</i></b> Face</p></div><div contenteditable="true"><span>typed</span></div>',
    run: () => ({
      block: (blockOf(textWith('Hugging')) as Element).id,
      skipped: isInSkippedRegion(textWith('typed')),
      read: isInSkippedRegion(textWith('Hugging')),
    }),
    expected: { block: 'p', skipped: true, read: false },
  }),

  'samples the page’s readable text from the top, up to the limit': browserCase({
    html: '<script>var x = "code";</script><p>Large language <b>models</b></p><p>and weights</p><p>never read</p>',
    run: () => sampleText(document.body, 30),
    expected: 'Large language models\nand weig',
  }),
};
