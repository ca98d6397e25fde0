/**
 * Reads a DOM subtree as "blocks": runs of text nodes that a reader sees as one stretch of text
 * (a paragraph, a list item, a cell), so that a mention split across inline elements
 * (`Hugging <b>Face</b>`) reaches the matcher whole. Reads only; never writes to the DOM.
 */
import type { BlockKind } from '../matcher';
import { LABEL_MAX_CHARS, PAGE_CONTEXT_CHARS, PAGE_SAMPLE_CHARS } from '../shared/limits';

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
  /** The section nodes[i] is in, as the walk saw it (see Section). */
  sectionOf(i: number): Section;
}

/** A heading met inside a block: it opens the section of nodes[at] and those after it. */
type Opened = readonly [at: number, heading: Element];
const NONE_OPENED: readonly Opened[] = [];

/** Headings open sections: a heading and what follows it, up to the next one. */
const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** The same headings as a selector, for the registry's lookup and for subtrees the walk skips. */
export const HEADINGS = [...HEADING_TAGS, '[role="heading"]'].join(', ');

/**
 * The heading whose section a text node is in: the last heading that precedes or contains it in
 * its tree (`null`: none does). `undefined` when the walk cannot tell: it began inside the
 * document and had met no heading yet (a rescan of a changed subtree).
 */
export type Section = Element | null | undefined;

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

/** Elements that hold code or a program's output, not prose. */
const CODE = 'pre, code, samp';

/**
 * A code listing: a block wholly inside one code element (a `pre`, or a `code` standing alone). Its
 * words are a program's, not the page's statements ("8K" in a JSON sample is nobody's claim), so the
 * claim check does not read it; a sentence with a bit of inline code is prose. The nodes between a
 * block's first and last lie inside any element that holds both, so only those two are tested.
 */
export function isCodeListing({ nodes }: Block): boolean {
  const code = nodes[0]!.parentElement?.closest(CODE);
  return !!code && code.contains(nodes[nodes.length - 1]!);
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
    /** The section of the first node, */
    private readonly section: Section = undefined,
    /** and where a heading inside the block (an inline `role="heading"`) opens another. */
    private readonly opened: readonly Opened[] = NONE_OPENED,
  ) {}

  get kind(): BlockKind {
    return (this.readKind ??= kindOf(this.nodes, this.text));
  }

  sectionOf(i: number): Section {
    let section = this.section;
    for (const [at, heading] of this.opened) if (at <= i) section = heading;
    return section;
  }
}

export interface WalkOptions {
  /** An element of the extension's own (the popover host): never read. */
  ignore?: Element | null;
  /** Called for each open shadow root met, so the caller can scan and observe it separately. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** Node types as numbers: reading `Node.TEXT_NODE` is a property lookup on the window each time. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT */
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;

/**
 * The only elements that can have a shadow root besides custom elements (whose names hold a hyphen):
 * `attachShadow` and declarative shadow roots refuse any other (DOM standard; MDN, "Element:
 * attachShadow() method", https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow).
 */
const SHADOW_HOSTS = new Set([
  'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN',
]);

/** What the walk needs to know of a tag: its subtree is not read; it is inline; a heading; it may host a shadow root. */
const SKIP_TAG = 1;
const INLINE_TAG = 2;
const HEADING_TAG = 4;
const SHADOW_HOST_TAG = 8;
const HEADING_TAG_NAMES = new Set(HEADING_TAGS.map((t) => t.toUpperCase()));

/**
 * A tag name as the DOM gives it (upper case for HTML, as written for SVG and XML) as SKIP_TAG |
 * INLINE_TAG | HEADING_TAG | SHADOW_HOST_TAG. Memoised, so the walk reads an element's tag once and
 * never upper-cases it.
 */
const tagMemo = new Map<string, number>();
function tagFlags(tag: string): number {
  let flags = tagMemo.get(tag);
  if (flags === undefined) {
    const upper = tag.toUpperCase();
    flags =
      (SKIP.has(upper) ? SKIP_TAG : 0) |
      (INLINE.has(upper) ? INLINE_TAG : 0) |
      (HEADING_TAG_NAMES.has(upper) ? HEADING_TAG : 0) |
      (SHADOW_HOSTS.has(upper) || upper.includes('-') ? SHADOW_HOST_TAG : 0);
    tagMemo.set(tag, flags);
  }
  return flags;
}

/** An element as the walk sees it: skipped (with its subtree), a heading, or neither. */
const READ = 0;
const SKIPPED = 1;
const HEADING = 2;

function classify(el: Element, flags: number, ignore: Element | null | undefined): number {
  if (flags & SKIP_TAG || el === ignore) return SKIPPED;
  // Most elements have no attribute at all: one call answers both questions below.
  if (!el.hasAttributes()) return flags & HEADING_TAG ? HEADING : READ;
  // Editable regions are the user's own writing: marking them would get in the way of typing.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return SKIPPED;
  return isHeading(el, flags) ? HEADING : READ;
}

/** A heading by its tag (`flags`, its tagFlags) or by its role. */
function isHeading(el: Element, flags: number): boolean {
  return (flags & HEADING_TAG) !== 0 || el.getAttribute('role') === 'heading';
}

function skipped(el: Element, ignore: Element | null | undefined): boolean {
  return classify(el, tagFlags(el.tagName), ignore) === SKIPPED;
}

/** The nearest ancestor (or self) that is not inline: text nodes sharing it form one block. */
export function blockOf(node: Node): Node | null {
  let el = node.parentNode;
  while (el && el.nodeType === ELEMENT_NODE && tagFlags((el as Element).tagName) & INLINE_TAG) el = el.parentNode;
  return el;
}

/** Is this node inside a region that is never scanned (scripts, inputs, editable text)? */
export function isInSkippedRegion(node: Node, ignore?: Element | null): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (skipped(el, ignore)) return true;
  }
  return false;
}

/** Something other than whitespace (as `String.prototype.trim` defines it). */
const NOT_BLANK = /\S/;

/**
 * Reads the blocks under `root` one at a time (`next()`), so a caller can stop between blocks to
 * yield to the page. A whole-document walk uses a bare TreeWalker (no filter callback, which would
 * cost a call per node) and skips rejected subtrees by hand. A plain object rather than a
 * generator: the scan asks for every block of the page, and a generator's resumption and result
 * objects cost more than reading a block of a few words.
 */
export class BlockReader {
  private readonly walker: TreeWalker;
  private readonly root: Node;
  private readonly options: WalkOptions;
  /** The next node to look at; null once the walk is over. */
  private node: Node | null;
  /** A bare text node as root: one block of one node, read on the first call. */
  private single: Text | null = null;
  // The block being read: its text nodes, their texts and offsets, and the element it belongs to.
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  private block: Node | null = null;
  // Sibling text nodes share a parent, and so a block: the block is looked up once per parent.
  private lastParent: Node | null = null;
  private lastBlock: Node | null = null;
  /** A text node whose block was found before the previous block was handed out. */
  private opening: Text | null = null;
  // Sections: the heading last entered, the section of the block's first node, headings inside it.
  private heading: Section;
  private blockSection: Section = undefined;
  private opened: Opened[] = [];

  constructor(root: Node, options: WalkOptions = {}) {
    const doc = root.ownerDocument ?? (root as Document);
    this.root = root;
    this.options = options;
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
    // A walk from the top of its tree (a document, a shadow root, the document element) has seen
    // every heading before each node; one that starts lower down cannot tell until it meets one.
    const parent = root.parentNode;
    this.heading = parent === null || parent.nodeType === DOCUMENT_NODE ? null : undefined;
    if (doc.designMode === 'on') this.node = null;
    else if (root.nodeType === TEXT_NODE) {
      this.node = null;
      if (!isInSkippedRegion(root, options.ignore)) this.single = root as Text;
    } else this.node = this.walker.nextNode();
  }

  /** The next block, or null when there is none. */
  next(): Block | null {
    if (this.single) {
      const t = this.single;
      this.single = null;
      return new ReadBlock([t], [0], t.data);
    }
    const { walker, options } = this;
    let node = this.node;
    while (node) {
      if (node.nodeType === TEXT_NODE) {
        const t = node as Text;
        if (this.opening === t) this.opening = null;
        else {
          const parent = t.parentNode;
          if (parent !== this.lastParent) {
            this.lastParent = parent;
            // A text node right inside the block being read belongs to it (a block is never inline).
            this.lastBlock = parent !== null && parent === this.block ? parent : blockOf(t);
          }
          if (this.lastBlock !== this.block) {
            const out = this.flush();
            this.block = this.lastBlock;
            if (out) {
              // `t` opens the next block: it is read when the caller asks for that block.
              this.opening = t;
              this.node = t;
              return out;
            }
          }
        }
        const data = t.data;
        if (!this.nodes.length) this.blockSection = this.heading;
        this.starts.push(this.length);
        this.nodes.push(t);
        this.parts.push(data);
        this.length += data.length;
        node = walker.nextNode();
        continue;
      }
      const el = node as Element;
      const flags = tagFlags(el.tagName);
      if (options.onShadowRoot && flags & SHADOW_HOST_TAG) {
        const shadow = el.shadowRoot;
        if (shadow) options.onShadowRoot(shadow);
      }
      const seen = classify(el, flags, options.ignore);
      if (seen !== SKIPPED) {
        if (seen === HEADING) this.enter(el);
        node = walker.nextNode();
        continue;
      }
      // Headings in a subtree not read still open sections for what follows (as the registry's own
      // lookup, `querySelectorAll(HEADINGS)`, counts them).
      const inside = el.firstElementChild ? el.querySelectorAll(HEADINGS) : null;
      const last = inside?.length ? inside[inside.length - 1]! : isHeading(el, flags) ? el : null;
      if (last) this.enter(last);
      // Skip the subtree: the next sibling, or the next sibling of the nearest ancestor that has one.
      node = walker.nextSibling();
      while (!node) {
        if (!walker.parentNode() || walker.currentNode === this.root) {
          node = null;
          break;
        }
        node = walker.nextSibling();
      }
    }
    this.node = null;
    return this.flush();
  }

  private enter(heading: Element): void {
    this.heading = heading;
    if (this.nodes.length) this.opened.push([this.nodes.length, heading]);
  }

  /** The block read so far (null if it is only whitespace); starts the next one. */
  private flush(): Block | null {
    const { parts, opened } = this;
    if (!parts.length) return null;
    const text = parts.length === 1 ? parts[0]! : parts.join('');
    const out = NOT_BLANK.test(text) ? new ReadBlock(this.nodes, this.starts, text, this.blockSection, opened.length ? opened : NONE_OPENED) : null;
    if (opened.length) this.opened = [];
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    return out;
  }
}

/** The blocks under `root`, one at a time (see BlockReader). */
export function* walkBlocks(root: Node, options: WalkOptions = {}): Generator<Block, void, undefined> {
  const reader = new BlockReader(root, options);
  for (let b = reader.next(); b; b = reader.next()) yield b;
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
 * What the page context is measured from: the document's title, then the first PAGE_CONTEXT_CHARS
 * of its readable text, cut at PAGE_SAMPLE_CHARS.
 */
export function pageSample(doc: Document): string {
  return `${doc.title}\n${sampleText(doc.body ?? doc.documentElement, PAGE_CONTEXT_CHARS)}`.slice(0, PAGE_SAMPLE_CHARS);
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
