// @vitest-environment happy-dom
/**
 * The scanner's DOM side, in happy-dom: which text is read as one block, what is skipped, and how
 * matcher offsets become ranges over text nodes. (Real-browser behaviour: test/browser/ and test/e2e/scanning.)
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleText, walkBlocks } from '../../src/content/text-blocks';
import { markBlock, scanSubtrees } from '../../src/content/scan';
import { MarkRegistry } from '../../src/content/marks';
import { buildDictionary, compileMatcher, pageContext, type Matcher } from '../../src/matcher';
import { MAX_BLOCK_CHARS } from '../../src/shared/limits';
import entities from '@data/entities.json';
import aliases from '@data/aliases.json';
import type { Alias, Topic } from '../../src/shared/dataset';

beforeAll(() => {
  // happy-dom has no CSS Custom Highlight API; a Set and a Map behave the same for the registry.
  const g = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
  g.Highlight ??= class extends Set<AbstractRange> {
    priority = 0;
  };
  g.CSS = { ...(g.CSS ?? {}), highlights: new Map() };
});

const matcher = compileMatcher(buildDictionary(entities as { id: string; topic: Topic }[], aliases as Record<string, Alias[]>));
const ml = pageContext('Large language models, weights, inference, GPUs and fine-tuning.');

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Node) => [...walkBlocks(root)].map((b) => b.text.trim());

describe('walkBlocks', () => {
  it('reads inline runs as one block and splits at block elements', () => {
    const root = body('<p>The <b>Hugging</b> <i>Face</i> Hub</p><div>Meta <span>AI</span><p>nested</p>tail</div>');
    expect(texts(root)).toEqual(['The Hugging Face Hub', 'Meta AI', 'nested', 'tail']);
  });

  it('skips scripts, styles, form fields, editable regions and the extension host', () => {
    const root = body(
      '<p>kept</p><script>LLaMA()</script><style>.x{}</style><textarea>LLaMA</textarea>' +
        '<div contenteditable="true"><p>LLaMA</p></div><div contenteditable="false">read</div><llama-lens-popover><p>LLaMA</p></llama-lens-popover>',
    );
    const host = root.querySelector('llama-lens-popover');
    expect([...walkBlocks(root, { ignore: host })].map((b) => b.text.trim())).toEqual(['kept', 'read']);
  });

  it('reports open shadow roots so they can be scanned separately', () => {
    const root = body('<p>before</p><div id="h"></div><p>after</p>');
    const shadow = root.querySelector('#h')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const seen: ShadowRoot[] = [];
    expect([...walkBlocks(root, { onShadowRoot: (s) => seen.push(s) })].map((b) => b.text.trim())).toEqual(['before', 'after']);
    expect(seen).toEqual([shadow]);
    expect(texts(shadow)).toEqual(['inside']);
  });
});

describe('sampleText', () => {
  it('reads readable text from the top, skipping scripts, and stops at the limit', () => {
    const root = body('<script>var x = "code";</script><p>Large language models</p><p>and weights</p><p>never read</p>');
    expect(sampleText(root, 30)).toBe('Large language models\nand weig');
  });
});

describe('markBlock', () => {
  function marksOf(html: string) {
    const root = body(html);
    const registry = new MarkRegistry('underline', new Set<Topic>(['llama', 'meta', 'hugging-face']));
    for (const block of walkBlocks(root)) markBlock(block, matcher, ml, registry);
    return registry.inOrder().map((m) => ({ text: m.range.toString(), entity: m.entity, nodes: m.nodes.length }));
  }

  it('turns a mention split across elements into one range over its text nodes', () => {
    expect(marksOf('<p>The <b>Hugging</b> <i>Face</i> Hub hosts weights.</p>')).toEqual([
      { text: 'Hugging Face Hub', entity: 'hugging-face-hub', nodes: 4 },
    ]);
  });

  it('keeps offsets right after astral characters', () => {
    expect(marksOf('<p>🦙🦙 <em>🚀</em> Meta released Llama 2 weights.</p>').map((m) => m.text)).toEqual(['Meta', 'Llama 2']);
  });

  it('finds a mention that straddles the matcher window of a huge block exactly once', () => {
    const pad = 'x '.repeat(Math.floor((MAX_BLOCK_CHARS - 3) / 2));
    const found = marksOf(`<pre>${pad}Meta Platforms released LLaMA weights. ${pad}Meta Platforms again.</pre>`).map((m) => m.text);
    expect(found).toEqual(['Meta Platforms', 'LLaMA', 'Meta Platforms']);
  });
});

describe('labels and paths', () => {
  function marked(html: string) {
    const root = body(html);
    const registry = new MarkRegistry('underline', new Set<Topic>(['llama', 'meta', 'hugging-face']));
    for (const block of walkBlocks(root)) markBlock(block, matcher, ml, registry);
    return registry.inOrder().map((m) => m.range.toString());
  }

  it('reads lone links and short texts in site chrome as labels, article prose and headers as prose', () => {
    body(
      '<header><nav><a href="/x">Meta</a></nav><p>Facebook</p></header><article><header><h1>Meta ships a model</h1></header>' +
        '<p>Meta released the <a href="/w">Llama</a> weights.</p><ul><li><a href="/s"><span>Share on</span> <b>Facebook</b></a></li></ul></article>' +
        '<footer><p>Follow us</p></footer>',
    );
    expect([...walkBlocks(document.body)].map((b) => `${b.kind}: ${b.text.trim()}`)).toEqual([
      'label: Meta',
      'label: Facebook',
      'prose: Meta ships a model',
      'prose: Meta released the Llama weights.',
      'label: Share on Facebook',
      'label: Follow us',
    ]);
  });

  it('never marks a lone Facebook link on a page about models, and still marks the prose', () => {
    expect(marked('<ul><li><a href="https://facebook.com/x">Facebook</a></li></ul><p>Meta released the Llama weights.</p>')).toEqual(['Meta', 'Llama']);
  });

  it('marks a repository path once', () => {
    expect(marked('<p>Load meta-llama/Llama-2-7b-chat-hf first.</p>')).toEqual(['meta-llama/Llama-2-7b-chat-hf']);
  });
});

describe('scanSubtrees', () => {
  it('logs a block that throws, marks the others, and lets the next scan run', async () => {
    const root = body('<p>Meta released LLaMA.</p><p>boom</p><p>Hugging Face hosts it.</p>');
    const registry = new MarkRegistry('underline', new Set<Topic>(['llama', 'meta', 'hugging-face']));
    const throwing: Matcher = {
      find(text, page, kind) {
        if (text.includes('boom')) throw new Error('strange node');
        return matcher.find(text, page, kind);
      },
    };
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    try {
      const first = await scanSubtrees([root], throwing, ml, registry);
      expect(first.failed).toBe(1);
      expect(errors).toHaveLength(1);
      expect(registry.inOrder().map((m) => m.range.toString())).toEqual(['Meta', 'LLaMA', 'Hugging Face']);
      root.insertAdjacentHTML('beforeend', '<p>Llama 2 followed.</p>');
      const second = await scanSubtrees([root.lastChild!], throwing, ml, registry);
      expect(second).toMatchObject({ failed: 0, added: 1 });
    } finally {
      spy.mockRestore();
    }
  });
});
