/**
 * Checked claims on this page as live Ranges in their own highlights (never DOM nodes): a
 * contradicted claim has its own mark, a wavy underline unlike any mention mark; supported claims
 * are marked only when the user asks for it. Kept in document order for the keyboard and the popup.
 * Claims added are drawn together, on draw(), as mention marks are (marks.ts says why).
 */
import type { ClaimFinding, ClaimView } from '../shared/claims';
import { inReadingOrder } from './reading-order';
import { rangeOf, type TextSpan } from './scan';

/**
 * A claim at its words on the page. Its Range is made the first time something needs it (a mark,
 * the popover, the popup's list, document order): on a page dense with claims most are supported,
 * unmarked and never asked about, and a Range is most of what a claim costs the page.
 */
export class ClaimMark {
  private made: Range | undefined;

  /** `claim`: what the background found (shared by the page's claims that rest on the same values). */
  constructor(
    readonly claim: ClaimFinding,
    private readonly span: TextSpan,
  ) {}

  /** The text nodes the claim's words lie in. */
  get nodes(): readonly Text[] {
    return this.span.nodes;
  }

  /** Where its words start. */
  get startsIn(): { node: Text; offset: number } {
    return { node: this.span.nodes[0]!, offset: this.span.startOffset };
  }

  /** The words on the page that carry the claim (its text is what the popover quotes). */
  get range(): Range {
    // Text changed since the scan is rescanned soon and its claims dropped (ClaimLayer.rescanning);
    // until then rangeOf clamps.
    return (this.made ??= rangeOf(this.span));
  }
}

/** What the popover shows for a claim mark: the words on the page, and what the sources say. */
export function viewOf(mark: ClaimMark): ClaimView {
  return { ...mark.claim, said: mark.range.toString() };
}

/** Highlight names; content.css styles each. Not `llama-lens-…`: those are mention marks. */
export const CLAIM_HIGHLIGHTS = { contradicted: 'llama-claim-contradicted', supported: 'llama-claim-supported' } as const;

/** In reading order by where each starts (a shadow tree's claims where its host is): from its span, so ordering makes no Range. */
const inDocumentOrder = (marks: ClaimMark[]): ClaimMark[] => inReadingOrder(marks, (m) => m.startsIn);

export class ClaimRegistry {
  private readonly all = new Set<ClaimMark>();
  private undrawn: ClaimMark[] = [];
  private readonly contradicted = new Highlight();
  private readonly supported = new Highlight();
  /** The marked claims by text node, for hit-testing; built when first asked after a change. */
  private byNode: Map<Text, ClaimMark[]> | null = null;
  private ordered: ClaimMark[] | null = null;
  private showSupported: boolean;

  constructor(showSupported: boolean) {
    this.showSupported = showSupported;
    // Above mention marks: a claim's mark is the more important one where they overlap.
    this.contradicted.priority = 2;
    this.supported.priority = 2;
    CSS.highlights.set(CLAIM_HIGHLIGHTS.contradicted, this.contradicted);
    if (showSupported) CSS.highlights.set(CLAIM_HIGHLIGHTS.supported, this.supported);
  }

  add(mark: ClaimMark): void {
    this.all.add(mark);
    if (this.isMarked(mark)) this.undrawn.push(mark);
    this.byNode = null;
    this.ordered = null;
  }

  /** Draws the marked claims added since the last call, those still kept, in one change. */
  draw(): void {
    for (const m of this.undrawn) if (this.all.has(m) && this.isMarked(m)) this.highlightOf(m).add(m.range);
    this.undrawn = [];
  }

  /** Removes the claims for which `doomed` holds (their text left the page or is being rescanned). */
  removeWhere(doomed: (m: ClaimMark) => boolean): void {
    for (const m of this.all) {
      if (!doomed(m)) continue;
      this.all.delete(m);
      if (this.isMarked(m)) this.highlightOf(m).delete(m.range);
      this.byNode = null;
      this.ordered = null;
    }
  }

  /** The marked claim covering this point of a text node (supported ones only when shown). */
  at(node: Node, offset: number): ClaimMark | undefined {
    return this.marksByNode().get(node as Text)?.find((m) => {
      try {
        return m.range.isPointInRange(node, offset) && !(m.range.endContainer === node && m.range.endOffset === offset);
      } catch {
        return false;
      }
    });
  }

  /** Every checked claim in document order: contradicted and supported, marked or not. */
  inOrder(): ClaimMark[] {
    return (this.ordered ??= inDocumentOrder([...this.all]));
  }

  /** The claims a reader can reach as marks, in document order: contradicted ones, and supported ones when shown. */
  marked(): ClaimMark[] {
    return this.inOrderWhere((m) => this.isMarked(m));
  }

  /** The supported claims that `about` holds for, in document order. */
  supportedWhere(about: (claim: ClaimFinding) => boolean): ClaimMark[] {
    return this.inOrderWhere((m) => m.claim.verdict === 'supported' && about(m.claim));
  }

  setShowSupported(show: boolean): void {
    if (show === this.showSupported) return;
    this.showSupported = show;
    this.byNode = null;
    if (show) {
      for (const m of this.all) if (m.claim.verdict === 'supported') this.supported.add(m.range);
      CSS.highlights.set(CLAIM_HIGHLIGHTS.supported, this.supported);
    } else {
      CSS.highlights.delete(CLAIM_HIGHLIGHTS.supported);
      this.supported.clear();
    }
  }

  dispose(): void {
    CSS.highlights.delete(CLAIM_HIGHLIGHTS.contradicted);
    CSS.highlights.delete(CLAIM_HIGHLIGHTS.supported);
    this.contradicted.clear();
    this.supported.clear();
    this.all.clear();
    this.undrawn = [];
    this.byNode = null;
    this.ordered = null;
  }

  /** Those that `pick` holds for, in document order: only they are sorted, unless all are already. */
  private inOrderWhere(pick: (m: ClaimMark) => boolean): ClaimMark[] {
    return this.ordered ? this.ordered.filter(pick) : inDocumentOrder([...this.all].filter(pick));
  }

  private isMarked(m: ClaimMark): boolean {
    return m.claim.verdict === 'contradicted' || this.showSupported;
  }

  private highlightOf(m: ClaimMark): Highlight {
    return m.claim.verdict === 'contradicted' ? this.contradicted : this.supported;
  }

  private marksByNode(): Map<Text, ClaimMark[]> {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const m of this.all) {
        if (!this.isMarked(m)) continue;
        for (const n of m.nodes) {
          const list = this.byNode.get(n);
          if (list) list.push(m);
          else this.byNode.set(n, [m]);
        }
      }
    }
    return this.byNode;
  }
}
