/**
 * Does this document hold text the lens could mark? Read by the content script's entry in frames
 * (src/content/entry.ts) before anything else loads: most frames on the web are ads, trackers and
 * embeds with a few words, and those should cost a short walk, not the matcher.
 */
import { mayName } from '../matcher/prefixes';

/**
 * NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, and Node.TEXT_NODE, written as numbers: the first
 * read of an interface object such as `NodeFilter` creates it in the content script's world, a cost
 * every frame would pay for two constants.
 */
const ELEMENTS_AND_TEXT = 0x1 | 0x4;
const TEXT_NODE = 3;

/** Never prose; HEAD holds the title, which gives a page context but nothing to mark. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/**
 * True when the document has more than `budget` characters of text or nodes (the lens decides
 * about those itself), an open shadow root (its text is not walked here), or text containing one
 * of the alias `prefixes`. False means the document cannot name anything as it stands now.
 */
export function documentMayName(doc: Document, prefixes: readonly string[], budget: number): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, ELEMENTS_AND_TEXT);
  let text = '';
  let nodes = 0;
  let node: Node | null = walker.currentNode;
  while (node) {
    if (++nodes > budget) return true;
    if (node.nodeType === TEXT_NODE) {
      text += (node as Text).data;
      if (text.length > budget) return true;
      node = walker.nextNode();
    } else if (SKIP.has((node as Element).tagName.toUpperCase())) {
      // Past this subtree: its next sibling, or the next sibling of the nearest ancestor that has one.
      node = walker.nextSibling() ?? nextAfterParent(walker);
    } else {
      if ((node as Element).shadowRoot) return true;
      node = walker.nextNode();
    }
  }
  return mayName(text, prefixes);
}

function nextAfterParent(walker: TreeWalker): Node | null {
  while (walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}
