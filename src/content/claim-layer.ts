/**
 * The claim check on one page. The scan hands over each prose block with the mentions it found; the
 * layer keeps the block's sentences that name something and, once the scan is done, sends them to
 * the background, which checks them (src/claims/service.ts) and sends back the claims with what
 * their popovers show. The page holds no claim data and runs no checker. The page's date
 * (page-date.ts) is read once and sent along: claims are judged as of that day.
 */
import { claimSentences } from '../claims/split';
import { ask } from '../shared/ask';
import type { CheckedClaim, ClaimView, PageClaim } from '../shared/claims';
import type { Mention } from '../shared/dataset';
import { CLAIM_SENTENCES_PER_MESSAGE } from '../shared/limits';
import { ClaimRegistry } from './claim-marks';
import { pageDate } from './page-date';
import { rangeOver } from './scan';
import type { Block } from './text-blocks';

/** A sentence waiting for its claims: its block, where it starts there, and what it said then. */
interface Waiting {
  block: Block;
  start: number;
  text: string;
  mentions: Mention[];
}

/** A block whose nodes are still on the page with the text the scan read: offsets into it still hold. */
function unchanged(block: Block): boolean {
  return block.nodes.every((n) => n.isConnected) && block.nodes.map((n) => n.data).join('') === block.text;
}

export class ClaimLayer {
  readonly marks: ClaimRegistry;
  readonly pageDate: string | undefined;
  /** Sentences scanned and not yet sent, and those sent and not yet answered. */
  private readonly waiting = new Set<Waiting>();
  private unsent: Waiting[] = [];
  private disposed = false;

  constructor(showSupported: boolean) {
    this.marks = new ClaimRegistry(showSupported);
    this.pageDate = pageDate(document, location.href);
  }

  /** Keeps the sentences of a prose block that name something. Labels (menus, buttons) hold no sentences. */
  readonly onBlock = (block: Block, mentions: Mention[]): void => {
    if (block.kind !== 'prose') return;
    for (const s of claimSentences(block.text, mentions)) {
      const w = { block, ...s };
      this.waiting.add(w);
      this.unsent.push(w);
    }
  };

  /**
   * Sends the sentences kept since the last call and marks the claims that come back. Resolves when
   * all are marked. A failed request loses only its sentences' claims: the marks stay.
   */
  async check(): Promise<void> {
    const batch = this.unsent;
    this.unsent = [];
    // One message at a time: copying a message into the channel is the page's work, so a page with
    // thousands of sentences sends them in parts that each fit a time slice, not in one long task.
    for (let i = 0; i < batch.length && !this.disposed; i += CLAIM_SENTENCES_PER_MESSAGE) {
      const part = batch.slice(i, i + CLAIM_SENTENCES_PER_MESSAGE);
      const sentences = part.map(({ text, mentions }) => ({ text, mentions }));
      try {
        const { claims } = await ask('claims/check', this.pageDate ? { sentences, pageDate: this.pageDate } : { sentences });
        // Whether each block is still as it was scanned, read once per block.
        const whole = new Map<Block, boolean>();
        part.forEach((w, k) => {
          const list = claims[k];
          if (!list?.length || !this.waiting.has(w)) return;
          let ok = whole.get(w.block);
          if (ok === undefined) whole.set(w.block, (ok = unchanged(w.block)));
          if (ok) this.mark(w, list);
        });
      } catch (error) {
        console.error('[llama-lens] could not check the claims on this page', error);
      } finally {
        part.forEach((w) => this.waiting.delete(w));
      }
    }
  }

  /** Sentences inside these roots are being scanned again: their claims, marked or on their way, are dropped. */
  rescanning(roots: readonly Node[]): void {
    const inside = (n: Node) => roots.some((r) => r.contains(n));
    this.marks.removeWhere((m) => m.nodes.some(inside));
    for (const w of this.waiting) if (w.block.nodes.some(inside)) this.waiting.delete(w);
  }

  private mark(w: Waiting, claims: CheckedClaim[]): void {
    const { block } = w;
    for (const claim of claims) this.marks.add({ claim, ...rangeOver(block, w.start + claim.start, w.start + claim.end) });
  }

  /** Supported claims about an entity (or one it stands for), for its popover's "On this page". */
  supportedAbout(entity: string): ClaimView[] {
    return this.marks
      .inOrder()
      .filter((m) => m.claim.verdict === 'supported' && m.claim.about.includes(entity))
      .map((m) => m.claim.view);
  }

  /** Every checked claim, contradicted first, each with its index in document order (for "reveal"). */
  summary(): PageClaim[] {
    const all = this.marks.inOrder().map((m, index) => ({ index, verdict: m.claim.verdict, attribute: m.claim.attribute, entity: m.claim.entity, said: m.claim.view.said }));
    return [...all.filter((c) => c.verdict === 'contradicted'), ...all.filter((c) => c.verdict === 'supported')];
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
    this.unsent = [];
    this.marks.dispose();
  }
}
