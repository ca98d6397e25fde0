/**
 * The claim check on one page. The scan hands over each prose block with the mentions it found; the
 * layer keeps the blocks and, once the scan is done, sends them to the background, which splits
 * them into sentences, checks those (src/claims/service.ts) and sends back where the claims are and
 * what their popovers show. The page holds no claim data and runs no checker. The page's date
 * (page-date.ts) is read once, when first needed, and sent along: claims are judged as of that day.
 */
import { claimPieces, forEachClaim, inMessages } from '../claims/pieces';
import { ask } from '../shared/ask';
import type { ClaimPiece, ClaimView, FirstOf, PageClaims } from '../shared/claims';
import { POPOVER_MAX_SUPPORTED, POPUP_MAX_CLAIMS } from '../shared/limits';
import type { Mention } from '../shared/dataset';
import { ClaimMark, ClaimRegistry, viewOf } from './claim-marks';
import { pageDate } from './page-date';
import { spanOver } from './scan';
import { isCodeListing, type Block } from './text-blocks';

/** A block waiting for its claims, with the mentions the scan found in it. */
interface Waiting {
  block: Block;
  mentions: Mention[];
}

/** A block whose nodes are still on the page with the text the scan read: offsets into it still hold. */
function unchanged({ nodes, starts, text }: Block): boolean {
  // Node by node, in place: joining the nodes again would copy every block that has a claim.
  return nodes.every((n, i) => n.isConnected && n.data.length === (starts[i + 1] ?? text.length) - starts[i]! && text.startsWith(n.data, starts[i]));
}

/** Prose that names something can make claims; labels (menus, buttons) and code listings make none. */
export function holdsStatements(block: Block): boolean {
  return block.kind === 'prose' && !isCodeListing(block);
}

export class ClaimLayer {
  readonly marks: ClaimRegistry;
  /** The page's day, once read (`null`: not yet). */
  private date: { day: string | undefined } | null = null;
  /** Blocks scanned and not yet answered (sent or not). */
  private readonly waiting = new Set<Waiting>();
  private unsent: Waiting[] = [];
  private disposed = false;

  constructor(showSupported: boolean) {
    this.marks = new ClaimRegistry(showSupported);
  }

  /**
   * The page's day of publication. Read when the first blocks go out (or the popup asks), not when
   * the Lens starts: on a large page the read is a few passes over the document, which a page with
   * nothing to check never needs, and which would lengthen the scan's first task.
   */
  get pageDate(): string | undefined {
    this.date ??= { day: pageDate(document, location.href) };
    return this.date.day;
  }

  /** Keeps a block that names something, if it can make claims. */
  readonly onBlock = (block: Block, mentions: Mention[]): void => {
    if (!holdsStatements(block)) return;
    const w = { block, mentions };
    this.waiting.add(w);
    this.unsent.push(w);
  };

  /**
   * Sends the blocks kept since the last call and marks the claims that come back. Resolves when
   * all are marked. A failed request loses only its blocks' claims: the marks stay.
   */
  async check(): Promise<void> {
    const blocks = this.unsent;
    this.unsent = [];
    // One message at a time, each up to CLAIM_CHARS_PER_MESSAGE: copying a message into the channel
    // is the page's work, so a page with thousands of blocks sends them in parts that each fit a
    // time slice, not in one long task.
    const pieces = blocks.flatMap((w) => claimPieces(w.block.text, w.mentions).map((piece) => ({ w, piece })));
    try {
      for (const part of inMessages(pieces, (p) => p.piece)) {
        if (this.disposed) return;
        await this.send(part);
      }
    } finally {
      // The claims of all the messages are drawn together (claim-marks.ts).
      this.marks.draw();
    }
    for (const w of blocks) this.waiting.delete(w);
  }

  private async send(part: { w: Waiting; piece: ClaimPiece }[]): Promise<void> {
    const pieces = part.map((p) => p.piece);
    try {
      const { findings, claims } = await ask('claims/check', this.pageDate ? { pieces, pageDate: this.pageDate } : { pieces });
      // Whether each block is still as it was scanned, read once per block.
      const whole = new Map<Block, boolean>();
      forEachClaim(claims, (piece, start, end, finding) => {
        const w = part[piece]?.w;
        const claim = findings[finding];
        if (!w || !claim || !this.waiting.has(w)) return;
        let ok = whole.get(w.block);
        if (ok === undefined) whole.set(w.block, (ok = unchanged(w.block)));
        if (ok) this.marks.add(new ClaimMark(claim, spanOver(w.block, start, end)));
      });
    } catch (error) {
      console.error('[llama-lens] could not check the claims on this page', error);
    }
  }

  /** Blocks inside these roots are being scanned again: their claims, marked or on their way, are dropped. */
  rescanning(roots: readonly Node[]): void {
    const inside = (n: Node) => roots.some((r) => r.contains(n));
    this.marks.removeWhere((m) => m.nodes.some(inside));
    for (const w of this.waiting) if (w.block.nodes.some(inside)) this.waiting.delete(w);
  }

  /** Supported claims about an entity (or one it stands for), for its popover's "On this page": only those quoted get a Range. */
  supportedAbout(entity: string): FirstOf<ClaimView> {
    const all = this.marks.supportedWhere((c) => c.about.includes(entity));
    return { total: all.length, first: all.slice(0, POPOVER_MAX_SUPPORTED).map(viewOf) };
  }

  /**
   * The checked claims of each verdict, counted, and the first POPUP_MAX_CLAIMS in document order
   * quoted, each with its index in that order (for "reveal"): only those quoted get a Range.
   */
  summary(): PageClaims {
    const out: PageClaims = { contradicted: { total: 0, first: [] }, supported: { total: 0, first: [] } };
    this.marks.inOrder().forEach((m, index) => {
      const group = out[m.claim.verdict];
      if (++group.total > POPUP_MAX_CLAIMS) return;
      group.first.push({ index, verdict: m.claim.verdict, attribute: m.claim.attribute, entity: m.claim.entity, said: m.range.toString() });
    });
    return out;
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
    this.unsent = [];
    this.marks.dispose();
  }
}
