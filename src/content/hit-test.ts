/** Which mark is under a point: marks are Ranges, not elements, so the caret APIs find the text. */
import type { Mark, MarkRegistry } from './marks';

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  // Older Chromium has only the WebKit form.
  const r = (doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

export function markAt(doc: Document, marks: MarkRegistry, x: number, y: number): Mark | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // The caret lands between characters: the mark may cover the character before or after it.
  const mark = marks.at(caret.node, caret.offset) ?? (caret.offset > 0 ? marks.at(caret.node, caret.offset - 1) : undefined);
  if (!mark) return undefined;
  // The caret APIs snap to the nearest text even from blank space: require the point on the mark.
  for (const rect of mark.range.getClientRects()) if (inside(rect, x, y)) return mark;
  return undefined;
}
