/**
 * Reading order of points in the page's text, shadow trees included: a node of a shadow tree reads
 * where its host is. Marks and claims are put in this order for the keyboard, the popover's and
 * the popup's lists. Nodes of different trees have no document order between them (Ranges across
 * them do not compare: the browser throws), so points are ordered by the first place their trees'
 * paths part, where both nodes share a tree.
 */

/** A point of the page's text: where a mark or a claim starts. */
export interface TextPoint {
  node: Node;
  offset: number;
}

/**
 * The node and, before it, the host of each shadow tree it is in, outermost first: a node of the
 * document has a path of one. Worked out once per point before sorting: it walks up the trees.
 */
export function hostPath(node: Node): Node[] {
  const path = [node];
  for (let root = node.getRootNode(); (root as Partial<ShadowRoot>).host; root = (root as ShadowRoot).host.getRootNode()) {
    path.unshift((root as ShadowRoot).host);
  }
  return path;
}

/** Negative when `a` (with its hostPath `pa`) reads before `b`; 0 when they have no order (a node left the page). */
export function comparePoints(a: TextPoint, pa: readonly Node[], b: TextPoint, pb: readonly Node[]): number {
  let i = 0;
  while (i < pa.length - 1 && i < pb.length - 1 && pa[i] === pb[i]) i++;
  const [x, y] = [pa[i]!, pb[i]!];
  if (x === y) return x === a.node && y === b.node ? a.offset - b.offset : 0;
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** `items` sorted in reading order by where each starts (`pointOf`), each path worked out once. */
export function inReadingOrder<T>(items: readonly T[], pointOf: (item: T) => TextPoint): T[] {
  const keyed = items.map((item) => {
    const point = pointOf(item);
    return { item, point, path: hostPath(point.node) };
  });
  keyed.sort((a, b) => comparePoints(a.point, a.path, b.point, b.path));
  return keyed.map((k) => k.item);
}
