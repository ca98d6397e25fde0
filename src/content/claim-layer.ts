/**
 * The claim check on one page: checks each scanned block's sentences against the claim data,
 * keeps the checked claims as marks (claim-marks.ts), and answers what the popover and the popup
 * show. The page's date (page-date.ts) is read once: claims are judged as of that day.
 */
import { checkText, compileKnowledge, type Knowledge } from '../claims';
import { claimLookup, claimView, type ClaimLookup, type ClaimView } from '../claims/view';
import type { ClaimSetup, PageClaim } from '../shared/claims';
import type { Mention } from '../shared/dataset';
import { ClaimRegistry, type ClaimMark } from './claim-marks';
import { pageDate } from './page-date';
import { nodeAt } from './scan';
import type { Block } from './text-blocks';

export class ClaimLayer {
  readonly marks: ClaimRegistry;
  readonly pageDate: string | undefined;
  private readonly knowledge: Knowledge;
  private readonly lookup: ClaimLookup;

  constructor(setup: ClaimSetup, showSupported: boolean) {
    this.knowledge = compileKnowledge(setup.data, setup.entities);
    this.lookup = claimLookup(setup.data, setup.sources);
    this.marks = new ClaimRegistry(showSupported);
    this.pageDate = pageDate(document, location.href);
  }

  /** Checks a prose block whose mentions the scan just found. Labels (menus, buttons) hold no sentences. */
  readonly onBlock = (block: Block, mentions: Mention[]): void => {
    if (block.kind !== 'prose') return;
    const opts = this.pageDate ? { pageDate: this.pageDate } : {};
    for (const claim of checkText(this.knowledge, block.text, mentions, opts)) {
      const a = nodeAt(block, claim.start, false);
      const b = nodeAt(block, claim.end, true);
      const range = new Range();
      range.setStart(block.nodes[a]!, claim.start - block.starts[a]!);
      range.setEnd(block.nodes[b]!, claim.end - block.starts[b]!);
      this.marks.add({ claim, said: block.text.slice(claim.start, claim.end), range, nodes: block.nodes.slice(a, b + 1) });
    }
  };

  view(mark: ClaimMark): ClaimView {
    return claimView(mark.claim, mark.said, this.lookup, this.pageDate);
  }

  /** Supported claims about an entity (or one it stands for), for its popover's "On this page". */
  supportedAbout(entity: string): ClaimView[] {
    return this.marks
      .inOrder()
      .filter((m) => m.claim.verdict === 'supported' && (m.claim.entity === entity || this.knowledge.related.get(entity)?.has(m.claim.entity)))
      .map((m) => this.view(m));
  }

  /** Every checked claim, contradicted first, each with its index in document order (for "reveal"). */
  summary(): PageClaim[] {
    const all = this.marks.inOrder().map((m, index) => ({ index, verdict: m.claim.verdict, attribute: m.claim.attribute, entity: m.claim.entity, said: m.said }));
    return [...all.filter((c) => c.verdict === 'contradicted'), ...all.filter((c) => c.verdict === 'supported')];
  }

  dispose(): void {
    this.marks.dispose();
  }
}
