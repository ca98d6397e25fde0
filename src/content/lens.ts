/**
 * The extension at work on one page (one frame), created when it is active for the site and disposed
 * when it is switched off. It only wires two parts together: MarkSync keeps the marks in step with
 * the page, PopoverControl turns hover and keys into the popover; they share the marks and the
 * entities fetched for them.
 */
import { compileMatcher, type DictionaryEntry } from '../matcher';
import { NO_PAGE_CLAIMS, type PageClaims } from '../shared/claims';
import type { PageEntityCount } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { ClaimLayer } from './claim-layer';
import { EntityCache } from './entity-cache';
import { MarkSync } from './mark-sync';
import { PopoverControl } from './popover-control';

export class Lens {
  private readonly entities = new EntityCache();
  private readonly sync: MarkSync;
  private readonly popover: PopoverControl;
  /** The claim check, when switched on (docs/claims.md). */
  private readonly claims: ClaimLayer | null;

  constructor(dictionary: DictionaryEntry[], settings: Settings) {
    this.claims = settings.claimCheck ? new ClaimLayer(settings.claimMarksSupported) : null;
    const layer = this.claims;
    this.sync = new MarkSync(compileMatcher(dictionary), settings, {
      ownNode: () => this.popover.element,
      // One request for the claims of the sentences scanned (settled() waits for it). Entities are
      // not fetched here: the popover asks for one when it is about to open (docs/architecture.md).
      scanned: async () => {
        await layer?.check();
      },
      removed: (gone) => {
        layer?.marks.removeWhere(gone);
        this.popover.marksRemoved(gone);
      },
      ...(layer
        ? {
            blockScanned: layer.onBlock,
            rescanning: (roots: readonly Node[]) => layer.rescanning(roots),
          }
        : {}),
    });
    this.popover = new PopoverControl(this.sync.marks, this.entities, settings, layer);
  }

  /** Scans the whole document, then follows its changes. Resolves when the first scan is done. */
  start(): Promise<void> {
    this.popover.start();
    return this.sync.start();
  }

  applySettings(s: Settings): void {
    this.sync.applySettings(s);
    this.claims?.marks.setShowSupported(s.claimMarksSupported);
    this.popover.applySettings(s);
  }

  dispose(): void {
    this.popover.dispose();
    this.sync.dispose();
    this.claims?.dispose();
  }

  /** Resolves once the scans queued so far have finished (tests and the popup's list wait on it). */
  settled(): Promise<void> {
    return this.sync.settled();
  }

  /** A note changed somewhere: the cached entities carry notes, so they are fetched again. */
  refreshEntities(): Promise<void> {
    return this.entities.refresh();
  }

  /** The entities marked, with counts and names (the names are fetched for the popup's list). */
  async mentionCounts(): Promise<PageEntityCount[]> {
    const counts = this.sync.marks.entityCounts();
    await this.entities.load(counts.keys());
    return [...counts].map(([id, count]) => {
      const e = this.entities.get(id);
      return { id, count, name: e?.name ?? id, topic: e?.topic ?? 'llama' };
    });
  }

  /** Checked claims by verdict, and the page's date as read (the popup lists them). */
  pageClaims(): { claims: PageClaims; pageDate: string | null } {
    return { claims: this.claims?.summary() ?? NO_PAGE_CLAIMS, pageDate: this.claims?.pageDate ?? null };
  }

  /** Scrolls to a checked claim (its index in document order) and opens it, focused. */
  revealClaim(index: number): boolean {
    return this.popover.revealClaim(index);
  }

  /** Scrolls to the next mark of `entity` (or of any entity, by direction) and opens its popover. */
  reveal(which: { entity: string } | { direction: 1 | -1 }, focus: boolean): boolean {
    return this.popover.reveal(which, focus);
  }
}
