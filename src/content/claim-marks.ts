/**
 * Checked claims on this page as live Ranges in their own highlights (never DOM nodes): a
 * contradicted claim has its own mark, a wavy underline unlike any mention mark; supported claims
 * are marked only when the user asks for it. Indexed by text node for hit-testing and kept in
 * document order for the keyboard and the popup.
 */
import type { ClaimFinding, ClaimView } from '../shared/claims';

export interface ClaimMark {
  /** What the background found (shared by the page's claims that rest on the same values). */
  claim: ClaimFinding;
  /** The words on the page that carry the claim (its text is what the popover quotes). */
  range: Range;
  nodes: readonly Text[];
}

/** What the popover shows for a claim mark: the words on the page, and what the sources say. */
export function viewOf(mark: ClaimMark): ClaimView {
  return { ...mark.claim, said: mark.range.toString() };
}

/** Highlight names; content.css styles each. Not `llama-lens-…`: those are mention marks. */
export const CLAIM_HIGHLIGHTS = { contradicted: 'llama-claim-contradicted', supported: 'llama-claim-supported' } as const;

export class ClaimRegistry {
  private readonly byNode = new Map<Text, ClaimMark[]>();
  private readonly all = new Set<ClaimMark>();
  private readonly contradicted = new Highlight();
  private readonly supported = new Highlight();
  private ordered: ClaimMark[] | null = null;
  private showSupported: boolean;

  constructor(showSupported: boolean) {
    this.showSupported = showSupported;
    // Above mention marks: a claim's mark is the more important one where they overlap.
    this.contradicted.priority = 2;
    this.supported.priority = 2;
    CSS.highlights.set(CLAIM_HIGHLIGHTS.contradicted, this.contradicted);
    this.registerSupported();
  }

  add(mark: ClaimMark): void {
    this.all.add(mark);
    (mark.claim.verdict === 'contradicted' ? this.contradicted : this.supported).add(mark.range);
    for (const n of mark.nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(mark);
      else this.byNode.set(n, [mark]);
    }
    this.ordered = null;
  }

  /** Removes the claims for which `doomed` holds (their text left the page or is being rescanned). */
  removeWhere(doomed: (m: ClaimMark) => boolean): void {
    for (const m of [...this.all]) {
      if (!doomed(m)) continue;
      this.all.delete(m);
      (m.claim.verdict === 'contradicted' ? this.contradicted : this.supported).delete(m.range);
      for (const n of m.nodes) {
        const kept = this.byNode.get(n)?.filter((x) => x !== m);
        if (kept?.length) this.byNode.set(n, kept);
        else this.byNode.delete(n);
      }
      this.ordered = null;
    }
  }

  /** The marked claim covering this point of a text node (supported ones only when shown). */
  at(node: Node, offset: number): ClaimMark | undefined {
    return this.byNode.get(node as Text)?.find((m) => {
      if (m.claim.verdict === 'supported' && !this.showSupported) return false;
      try {
        return m.range.isPointInRange(node, offset) && !(m.range.endContainer === node && m.range.endOffset === offset);
      } catch {
        return false;
      }
    });
  }

  /** Every checked claim in document order: contradicted and supported, marked or not. */
  inOrder(): ClaimMark[] {
    if (!this.ordered) {
      this.ordered = [...this.all].sort((a, b) => {
        try {
          return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
        } catch {
          return 0;
        }
      });
    }
    return this.ordered;
  }

  /** The claims a reader can reach as marks: contradicted ones, and supported ones when shown. */
  marked(): ClaimMark[] {
    return this.inOrder().filter((m) => m.claim.verdict === 'contradicted' || this.showSupported);
  }

  setShowSupported(show: boolean): void {
    this.showSupported = show;
    this.registerSupported();
  }

  dispose(): void {
    CSS.highlights.delete(CLAIM_HIGHLIGHTS.contradicted);
    CSS.highlights.delete(CLAIM_HIGHLIGHTS.supported);
    this.contradicted.clear();
    this.supported.clear();
    this.all.clear();
    this.byNode.clear();
    this.ordered = null;
  }

  private registerSupported(): void {
    if (this.showSupported) CSS.highlights.set(CLAIM_HIGHLIGHTS.supported, this.supported);
    else CSS.highlights.delete(CLAIM_HIGHLIGHTS.supported);
  }
}
