/**
 * The marks on this page: live Ranges registered with the CSS Custom Highlight API (the page's DOM
 * is never touched), indexed by text node for hit-testing and kept in document order for keyboard
 * navigation.
 */
import { TOPICS, type Topic } from '../shared/dataset';
import type { MarkStyle } from '../shared/settings';

export interface Mark {
  entity: string;
  topic: Topic;
  range: Range;
  /** The text nodes the range spans. A live range survives its nodes' removal (it collapses onto the parent), so removal is detected on the nodes. */
  nodes: readonly Text[];
}

/** Highlight names, one per topic and style; the extension's stylesheet (content.css) styles each. */
export function highlightName(style: MarkStyle, topic: Topic): string {
  return `llama-lens-${style}-${topic}`;
}

/**
 * The node itself and, before it, the host of each shadow tree it is in, outermost first: a node
 * of the document has a path of one. Ranges in different trees do not compare (the browser throws),
 * so marks are ordered by the first place their paths part, where both nodes share a tree.
 */
function hostPath(node: Node): Node[] {
  const path = [node];
  for (let root = node.getRootNode(); (root as Partial<ShadowRoot>).host; root = (root as ShadowRoot).host.getRootNode()) {
    path.unshift((root as ShadowRoot).host);
  }
  return path;
}

function compareMarks(a: Mark, pa: Node[], b: Mark, pb: Node[]): number {
  let i = 0;
  while (i < pa.length - 1 && i < pb.length - 1 && pa[i] === pb[i]) i++;
  if (i === pa.length - 1 && i === pb.length - 1) {
    // One tree. It can still throw for ranges left in removed subtrees, not yet dropped.
    try {
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    } catch {
      return 0;
    }
  }
  if (pa[i] === pb[i]) return 0;
  return pa[i]!.compareDocumentPosition(pb[i]!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export class MarkRegistry {
  private readonly byNode = new Map<Text, Mark[]>();
  private readonly highlights = new Map<Topic, Highlight>();
  private ordered: Mark[] | null = null;
  private readonly all = new Set<Mark>();
  private style: MarkStyle;
  private shown: ReadonlySet<Topic>;

  constructor(style: MarkStyle, shown: ReadonlySet<Topic>) {
    this.style = style;
    this.shown = shown;
    for (const topic of TOPICS) {
      const h = new Highlight();
      // Above the page's own highlights (find-in-page aside), which use the default 0.
      h.priority = 1;
      this.highlights.set(topic, h);
    }
    this.register();
  }

  get size(): number {
    return this.all.size;
  }

  add(mark: Mark): void {
    this.all.add(mark);
    this.highlights.get(mark.topic)!.add(mark.range);
    for (const n of mark.nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(mark);
      else this.byNode.set(n, [mark]);
    }
    this.ordered = null;
  }

  /** Removes the marks for which `doomed` holds. */
  removeWhere(doomed: (m: Mark) => boolean): number {
    return this.remove([...this.all].filter(doomed));
  }

  /**
   * Removes the marks on text inside these subtrees (about to be rescanned). The cost follows the
   * subtrees' text, not the number of marks on the page.
   */
  removeInside(roots: readonly Node[]): number {
    const doomed = new Set<Mark>();
    for (const root of roots) {
      if (root.nodeType === Node.TEXT_NODE) {
        for (const m of this.byNode.get(root as Text) ?? []) doomed.add(m);
        continue;
      }
      const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of this.byNode.get(n as Text) ?? []) doomed.add(m);
      }
    }
    return this.remove(doomed);
  }

  private remove(doomed: Iterable<Mark>): number {
    let removed = 0;
    for (const m of doomed) {
      if (!this.all.delete(m)) continue;
      this.highlights.get(m.topic)!.delete(m.range);
      for (const n of m.nodes) {
        const kept = this.byNode.get(n)?.filter((x) => x !== m);
        if (kept?.length) this.byNode.set(n, kept);
        else this.byNode.delete(n);
      }
      removed++;
    }
    if (removed) this.ordered = null;
    return removed;
  }

  /** The mark whose range covers this point of a text node, if any (and if its topic is shown). */
  at(node: Node, offset: number): Mark | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    return list.find((m) => {
      if (!this.shown.has(m.topic)) return false;
      try {
        return m.range.isPointInRange(node, offset) && !(m.range.endContainer === node && m.range.endOffset === offset);
      } catch {
        return false;
      }
    });
  }

  /** Marks in reading order: document order, with a shadow tree's marks where its host is. */
  inOrder(): Mark[] {
    if (!this.ordered) {
      const keyed = [...this.all].filter((m) => this.shown.has(m.topic)).map((m) => ({ m, path: hostPath(m.range.startContainer) }));
      keyed.sort((a, b) => compareMarks(a.m, a.path, b.m, b.path));
      this.ordered = keyed.map((k) => k.m);
    }
    return this.ordered;
  }

  /** Marks per entity (shown topics only). Unordered on purpose: sorting thousands of ranges is slow. */
  entityCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.all) if (this.shown.has(m.topic)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return counts;
  }

  /** Applies a new mark style or set of shown topics by re-registering highlights, not re-scanning. */
  restyle(style: MarkStyle, shown: ReadonlySet<Topic>): void {
    this.unregister();
    this.style = style;
    this.shown = shown;
    this.ordered = null;
    this.register();
  }

  dispose(): void {
    this.unregister();
    this.all.clear();
    this.byNode.clear();
    for (const h of this.highlights.values()) h.clear();
    this.ordered = null;
  }

  private register(): void {
    for (const [topic, h] of this.highlights) {
      if (this.shown.has(topic)) CSS.highlights.set(highlightName(this.style, topic), h);
    }
  }

  private unregister(): void {
    for (const topic of TOPICS) CSS.highlights.delete(highlightName(this.style, topic));
  }
}
