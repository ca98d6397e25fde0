/**
 * Reads a DOM subtree as "blocks": runs of text nodes that a reader sees as one stretch of text
 * (a paragraph, a list item, a cell), so that a mention split across inline elements
 * (`Hugging <b>Face</b>`) reaches the matcher whole. Reads only; never writes to the DOM.
 */
import type { BlockKind } from '../matcher';
import { LABEL_MAX_CHARS } from '../shared/limits';

/** Subtrees whose text is not prose the user reads, or is the user's own input. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE', 'VIDEO', 'AUDIO',
]);

/** Elements that do not break a line of text: a phrase may run through them. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK',
  'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'INS', 'DEL', 'LABEL',
]);

export interface Block {
  /** The text nodes, in document order. */
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] within `text`. */
  starts: number[];
  text: string;
  /** Running prose, or a lone link or control label (a share button, a menu entry): see `kindOf`. */
  kind: BlockKind;
}

/** Links and controls whose text is a label, not prose. */
const CONTROL = 'a[href], [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

/** Site chrome: navigation, menus, toolbars, and the site's own header and footer. */
const CHROME = 'nav, [role="navigation"], [role="menu"], [role="menubar"], [role="toolbar"], [role="banner"], [role="contentinfo"]';
const SITE_HEADER_FOOTER = 'header, footer';

/**
 * A block is a label when it is a lone link or control (all its text inside one), or a few words
 * (LABEL_MAX_CHARS) inside site chrome. A header or footer inside an article or main is the article's own (its
 * headline, its byline), not chrome. The matcher then weighs only the label's own words: a share
 * button on a page about models is still a share button.
 */
function kindOf(nodes: Text[], text: string): BlockKind {
  const first = nodes[0]!.parentElement;
  const control = first?.closest(CONTROL);
  if (control && nodes.every((n) => control.contains(n))) return 'label';
  if (!first || text.trim().length > LABEL_MAX_CHARS) return 'prose';
  if (first.closest(CHROME)) return 'label';
  const hf = first.closest(SITE_HEADER_FOOTER);
  return hf && !hf.parentElement?.closest('article, main') ? 'label' : 'prose';
}

/**
 * A block as the walk reads it. Its kind is read from the DOM (`closest` up the ancestors) only when
 * asked: the matcher asks only for blocks with an ambiguous candidate.
 */
class ReadBlock implements Block {
  private readKind: BlockKind | undefined;

  constructor(
    readonly nodes: Text[],
    readonly starts: number[],
    readonly text: string,
  ) {}

  get kind(): BlockKind {
    return (this.readKind ??= kindOf(this.nodes, this.text));
  }
}

export interface WalkOptions {
  /** An element of the extension's own (the popover host): never read. */
  ignore?: Element | null;
  /** Called for each open shadow root met, so the caller can scan and observe it separately. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

function skipped(el: Element, ignore: Element | null | undefined): boolean {
  if (el === ignore) return true;
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag)) return true;
  // Editable regions are the user's own writing: marking them would get in the way of typing.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The nearest ancestor (or self) that is not inline: text nodes sharing it form one block. */
export function blockOf(node: Node): Node | null {
  let el = node.parentNode;
  while (el && el.nodeType === Node.ELEMENT_NODE && INLINE.has((el as Element).tagName.toUpperCase())) {
    el = el.parentNode;
  }
  return el;
}

/** Is this node inside a region that is never scanned (scripts, inputs, editable text)? */
export function isInSkippedRegion(node: Node, ignore?: Element | null): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (skipped(el, ignore)) return true;
  }
  return false;
}

/**
 * Yields the blocks under `root` one at a time, so a caller can stop between blocks to yield to
 * the page. A whole-document walk uses a bare TreeWalker (no filter callback, which would cost a
 * call per node) and skips rejected subtrees by hand.
 */
export function* walkBlocks(root: Node, options: WalkOptions = {}): Generator<Block, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let block: Node | null = null;

  const flush = (): Block | null => {
    const out = text.trim() ? new ReadBlock(nodes, starts, text) : null;
    nodes = [];
    starts = [];
    text = '';
    return out;
  };

  // Sibling text nodes share a parent, and so a block: look the block up once per parent.
  let lastParent: Node | null = null;
  let lastBlock: Node | null = null;

  let node: Node | null = walker.currentNode;
  if (node.nodeType === Node.TEXT_NODE) {
    // A bare text node as root: one block of one node.
    const t = node as Text;
    if (!isInSkippedRegion(t, options.ignore)) yield new ReadBlock([t], [0], t.data);
    return;
  }
  node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      if (t.parentNode !== lastParent) {
        lastParent = t.parentNode;
        lastBlock = blockOf(t);
      }
      const b = lastBlock;
      if (b !== block) {
        const out = flush();
        if (out) yield out;
        block = b;
      }
      starts.push(text.length);
      nodes.push(t);
      text += t.data;
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (el.shadowRoot && options.onShadowRoot) options.onShadowRoot(el.shadowRoot);
    if (!skipped(el, options.ignore)) {
      node = walker.nextNode();
      continue;
    }
    // Skip the subtree: the next sibling, or the next sibling of the nearest ancestor that has one.
    node = walker.nextSibling();
    while (!node) {
      if (!walker.parentNode() || walker.currentNode === root) {
        node = null;
        break;
      }
      node = walker.nextSibling();
    }
  }
  const out = flush();
  if (out) yield out;
}

/**
 * The readable text under `root` and the open shadow roots in it, block by block, when it all fits
 * in `maxChars`; null when there is more. Stops reading as soon as it knows, so a large page costs
 * only its first `maxChars`. `onShadowRoot` hears of each shadow root read.
 */
export function smallText(root: Node, maxChars: number, onShadowRoot?: (root: ShadowRoot) => void): Pick<Block, 'text' | 'kind'>[] | null {
  const blocks: Pick<Block, 'text' | 'kind'>[] = [];
  const roots: Node[] = [root];
  let chars = 0;
  for (let r = roots.pop(); r; r = roots.pop()) {
    const found = (shadow: ShadowRoot): void => {
      roots.push(shadow);
      onShadowRoot?.(shadow);
    };
    for (const { text, kind } of walkBlocks(r, { onShadowRoot: found })) {
      chars += text.length;
      if (chars > maxChars) return null;
      blocks.push({ text, kind });
    }
  }
  return blocks;
}

/**
 * The first `maxChars` of readable text under `root`, for the page context. Reads only as far as
 * it needs: `innerText` would lay out the whole page and `textContent` would copy all of it.
 */
export function sampleText(root: Node, maxChars: number, ignore?: Element | null): string {
  let out = '';
  for (const block of walkBlocks(root, { ignore })) {
    out += `${block.text}\n`;
    if (out.length >= maxChars) break;
  }
  return out.slice(0, maxChars);
}
