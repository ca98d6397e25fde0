/**
 * The marks on this page: live Ranges registered with the CSS Custom Highlight API (the page's DOM
 * is never touched), indexed by text node for hit-testing and kept in document order for keyboard
 * navigation.
 *
 * Every mention found is kept; the density setting decides which are drawn (and hoverable): all,
 * or only the first of each entity in each section or on the page. Keyboard stepping and the
 * counts behind "On this page" use every mention.
 *
 * Marks added join the highlights together, on draw() (a scan calls it when it ends): after any
 * change to a registered highlight Chromium rebuilds the markers of every highlight's every range
 * at the next frame, so ranges added slice by slice cost a rebuild per slice (docs/performance.md).
 */
import { TOPICS, type Topic } from '../shared/dataset';
import type { MarkDensity, MarkStyle } from '../shared/settings';
import { comparePoints, hostPath, inReadingOrder, type TextPoint } from './reading-order';
import { HEADINGS, type Section } from './text-blocks';

export interface Mark {
  entity: string;
  topic: Topic;
  range: Range;
  /** The text nodes the range spans. A live range survives its nodes' removal (it collapses onto the parent), so removal is detected on the nodes. */
  nodes: readonly Text[];
  /**
   * The heading of the mark's section as the scan's walk saw it. The walk meets every heading on
   * its way, so a scan needs no lookup of its own; when it cannot tell (undefined), the registry
   * looks the section up in the document.
   */
  section?: Section;
}

/** Highlight names, one per topic and style; the extension's stylesheet (content.css) styles each. */
export function highlightName(style: MarkStyle, topic: Topic): string {
  return `llama-lens-${style}-${topic}`;
}

/** The current mention's highlight: drawn over the topic marks (content.css styles it). */
export const CURRENT_HIGHLIGHT = 'llama-lens-current';

/** Where a mark starts. */
const startOf = (m: Mark): TextPoint => ({ node: m.range.startContainer, offset: m.range.startOffset });

/** True when `a` starts before `b` in reading order. */
function before(a: Mark, b: Mark): boolean {
  const [pa, pb] = [startOf(a), startOf(b)];
  return comparePoints(pa, hostPath(pa.node), pb, hostPath(pb.node)) < 0;
}

export class MarkRegistry {
  private readonly byNode = new Map<Text, Mark[]>();
  private readonly highlights = new Map<Topic, Highlight>();
  /** The one mention shown as the current one (stepped to from the keyboard), drawn whatever the density. */
  private readonly current = new Highlight();
  private ordered: Mark[] | null = null;
  private readonly all = new Set<Mark>();
  /** Marks to draw at the next draw(): added (or made their group's first) since the last one. */
  private undrawn: Mark[] = [];
  private style: MarkStyle;
  private shown: ReadonlySet<Topic>;
  private density: MarkDensity;
  /** Below 'all' density: each mark's group (entity, and section), and the drawn first of each group. */
  private readonly groupOf = new Map<Mark, string>();
  private readonly firsts = new Map<string, Mark>();
  /** Each root's headings in document order, read once and reread after the page changes. */
  private headings = new Map<Node, Element[]>();
  /** Per root, the index in `headings` of the last section a mark was found in (-1: before the first heading). */
  private readonly lastSection = new Map<Node, number>();
  private readonly nodeIds = new WeakMap<Node, number>();
  private lastId = 0;

  constructor(style: MarkStyle, shown: ReadonlySet<Topic>, density: MarkDensity = 'all') {
    this.style = style;
    this.shown = shown;
    this.density = density;
    for (const topic of TOPICS) {
      const h = new Highlight();
      // Above the page's own highlights (find-in-page aside), which use the default 0.
      h.priority = 1;
      this.highlights.set(topic, h);
    }
    this.current.priority = 2;
    this.register();
  }

  get size(): number {
    return this.all.size;
  }

  add(mark: Mark): void {
    this.all.add(mark);
    if (this.density === 'all') this.undrawn.push(mark);
    else this.offerFirst(mark);
    for (const n of mark.nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(mark);
      else this.byNode.set(n, [mark]);
    }
    this.ordered = null;
  }

  /** Draws the marks added since the last call, those still kept and drawn at this density, in one change. */
  draw(): void {
    for (const m of this.undrawn) if (this.all.has(m) && this.isDrawn(m)) this.highlights.get(m.topic)!.add(m.range);
    this.undrawn = [];
  }

  /** Removes the marks for which `doomed` holds. */
  removeWhere(doomed: (m: Mark) => boolean): number {
    this.headings.clear();
    this.lastSection.clear();
    return this.remove([...this.all].filter(doomed));
  }

  /**
   * Removes the marks on text inside these subtrees (about to be rescanned). The cost follows the
   * subtrees' text, not the number of marks on the page.
   */
  removeInside(roots: readonly Node[]): number {
    // The page changed here: headings may have come or gone, so sections are read again.
    this.headings.clear();
    this.lastSection.clear();
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
    const orphaned = new Set<string>();
    for (const m of doomed) {
      if (!this.all.delete(m)) continue;
      this.highlights.get(m.topic)!.delete(m.range);
      this.current.delete(m.range);
      const group = this.groupOf.get(m);
      if (group !== undefined) {
        this.groupOf.delete(m);
        if (this.firsts.get(group) === m) {
          this.firsts.delete(group);
          orphaned.add(group);
        }
      }
      for (const n of m.nodes) {
        const kept = this.byNode.get(n)?.filter((x) => x !== m);
        if (kept?.length) this.byNode.set(n, kept);
        else this.byNode.delete(n);
      }
      removed++;
    }
    if (removed) this.ordered = null;
    // A group whose drawn mark went draws its next mention, found in one pass over what is left,
    // at once; marks a running scan added wait for its draw().
    if (orphaned.size) {
      const pending = this.undrawn;
      this.undrawn = [];
      for (const m of this.all) if (orphaned.has(this.groupOf.get(m)!)) this.offerFirst(m, this.groupOf.get(m));
      this.draw();
      this.undrawn = pending;
    }
    return removed;
  }

  /** Draws `mark` if it comes before the drawn mark of its group (or the group has none). */
  private offerFirst(mark: Mark, group = this.groupKey(mark)): void {
    this.groupOf.set(mark, group);
    const drawn = this.firsts.get(group);
    if (drawn && !before(mark, drawn)) return;
    if (drawn) this.highlights.get(drawn.topic)!.delete(drawn.range);
    this.firsts.set(group, mark);
    this.undrawn.push(mark);
  }

  /** The entity, and below 'section' density the section: its root and its heading (or none). */
  private groupKey(mark: Mark): string {
    if (this.density !== 'section') return mark.entity;
    const node = mark.nodes[0]!;
    const root = node.getRootNode();
    const heading = mark.section !== undefined ? mark.section : this.sectionHeading(root, node);
    return `${this.idOf(root)}:${heading ? this.idOf(heading) : 0}:${mark.entity}`;
  }

  /** A number per node, for group keys (nodes themselves cannot be part of a string key). */
  private idOf(node: Node): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) this.nodeIds.set(node, (id = ++this.lastId));
    return id;
  }

  /** The last heading before `node` in its root, which opens its section; null before the first. */
  private sectionHeading(root: Node, node: Node): Element | null {
    let list = this.headings.get(root);
    if (!list) {
      list = 'querySelectorAll' in root ? [...(root as ParentNode).querySelectorAll(HEADINGS)] : [];
      this.headings.set(root, list);
    }
    // A heading precedes the node, or contains it (a mention in a heading opens its own section).
    const opens = (i: number): boolean =>
      !!(list[i]!.compareDocumentPosition(node) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY));
    // A scan adds marks in document order, so the last answer is usually this one, or the next:
    // two comparisons instead of a binary search (each comparison walks the DOM).
    const hint = this.lastSection.get(root);
    if (hint !== undefined) {
      for (let i = hint; i <= hint + 1 && i < list.length; i++) {
        if ((i < 0 || opens(i)) && (i + 1 >= list.length || !opens(i + 1))) return this.section(root, i);
      }
    }
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (opens(mid)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return this.section(root, found);
  }

  private section(root: Node, index: number): Element | null {
    this.lastSection.set(root, index);
    return index === -1 ? null : this.headings.get(root)![index]!;
  }

  /** The mark whose range covers this point of a text node, if any (and if its topic is shown). */
  at(node: Node, offset: number): Mark | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    return list.find((m) => {
      if (!this.shown.has(m.topic) || !this.isDrawn(m)) return false;
      try {
        return m.range.isPointInRange(node, offset) && !(m.range.endContainer === node && m.range.endOffset === offset);
      } catch {
        return false;
      }
    });
  }

  /** True when the mark is drawn: hovering only opens what the reader can see. */
  private isDrawn(m: Mark): boolean {
    return this.density === 'all' || this.firsts.get(this.groupOf.get(m)!) === m;
  }

  /**
   * Shows `mark` as the current mention (stepped to from the keyboard or "On this page"), drawn
   * even when the density leaves it unmarked; null clears it.
   */
  setCurrent(mark: Mark | null): void {
    this.current.clear();
    if (mark) this.current.add(mark.range);
  }

  /** Every mark of a shown topic in reading order: document order, with a shadow tree's marks where its host is. */
  inOrder(): Mark[] {
    return (this.ordered ??= inReadingOrder([...this.all].filter((m) => this.shown.has(m.topic)), startOf));
  }

  /** Marks per entity (shown topics only). Unordered on purpose: sorting thousands of ranges is slow. */
  entityCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.all) if (this.shown.has(m.topic)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return counts;
  }

  /** Applies a new mark style, set of shown topics or density by re-registering highlights, not re-scanning. */
  restyle(style: MarkStyle, shown: ReadonlySet<Topic>, density: MarkDensity = this.density): void {
    this.unregister();
    this.style = style;
    this.shown = shown;
    this.ordered = null;
    if (density !== this.density) {
      this.density = density;
      this.groupOf.clear();
      this.firsts.clear();
      for (const h of this.highlights.values()) h.clear();
      for (const m of this.all) {
        if (density === 'all') this.highlights.get(m.topic)!.add(m.range);
        else this.offerFirst(m);
      }
      this.draw();
    }
    this.register();
  }

  dispose(): void {
    this.unregister();
    this.all.clear();
    this.undrawn = [];
    this.byNode.clear();
    for (const h of this.highlights.values()) h.clear();
    this.current.clear();
    this.groupOf.clear();
    this.firsts.clear();
    this.headings.clear();
    this.lastSection.clear();
    this.ordered = null;
  }

  private register(): void {
    for (const [topic, h] of this.highlights) {
      if (this.shown.has(topic)) CSS.highlights.set(highlightName(this.style, topic), h);
    }
    CSS.highlights.set(CURRENT_HIGHLIGHT, this.current);
  }

  private unregister(): void {
    for (const topic of TOPICS) CSS.highlights.delete(highlightName(this.style, topic));
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
  }
}
