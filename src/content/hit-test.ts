/** Which mark is under a point: marks are Ranges, not elements, so the caret APIs find the text. */

interface CaretPoint {
  node: Node;
  offset: number;
}

/**
 * The open shadow roots under a point, outermost first. The caret APIs stop at a shadow host
 * unless handed its root, and marks are made in open shadow roots too.
 */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let el = doc.elementFromPoint(x, y); el?.shadowRoot && !roots.includes(el.shadowRoot); ) {
    roots.push(el.shadowRoot);
    el = el.shadowRoot.elementFromPoint(x, y);
  }
  return roots;
}

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y, { shadowRoots: shadowRootsAt(doc, x, y) });
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  // Chromium before 128 has only the WebKit form, which does not enter shadow roots.
  const r = (doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** Anything that keeps marks as ranges and finds the one covering a point of a text node. */
interface Marks<T extends { range: Range }> {
  at(node: Node, offset: number): T | undefined;
}

export function markAt<T extends { range: Range }>(doc: Document, marks: Marks<T>, x: number, y: number): T | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // The caret lands between characters: the mark may cover the character before or after it.
  const mark = marks.at(caret.node, caret.offset) ?? (caret.offset > 0 ? marks.at(caret.node, caret.offset - 1) : undefined);
  if (!mark) return undefined;
  // The caret APIs snap to the nearest text even from blank space: require the point on the mark.
  for (const rect of mark.range.getClientRects()) if (inside(rect, x, y)) return mark;
  return undefined;
}
