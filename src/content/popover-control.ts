/**
 * The path from a mark to the popover: hover intent (a trusted pointer resting on a mark), the
 * keyboard (Escape, stepping from mark to mark), closing when the pointer leaves or the mark scrolls
 * out of view, and giving focus back. One AbortController owns its listeners, frame and timers, so
 * `dispose` stops all of it.
 */
import { ask } from '../shared/ask';
import type { ClaimView, FirstOf } from '../shared/claims';
import { POPOVER_CLOSE_GRACE_MS } from '../shared/limits';
import type { EntityView } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { ClaimLayer } from './claim-layer';
import { viewOf, type ClaimMark } from './claim-marks';
import type { EntityCache } from './entity-cache';
import { markAt } from './hit-test';
import type { Mark, MarkRegistry } from './marks';
import { PopoverHost } from './popover/host';
import { TouchTaps } from './touch';

/** What the pointer or the keyboard can open: a mention's mark or a checked claim's. */
type Target = Mark | ClaimMark;
const isClaim = (t: Target): t is ClaimMark => 'claim' in t;

/** With the claim check off, no claims: the popover's "On this page" stays out. */
const NONE_SUPPORTED: FirstOf<ClaimView> = { total: 0, first: [] };

export class PopoverControl {
  private readonly abort = new AbortController();
  private readonly popover = new PopoverHost();
  private readonly touch = new TouchTaps<Target>(
    (x, y) => this.targetAt(x, y),
    (mark) => this.open(mark, false),
  );
  private pointer = { x: 0, y: 0, target: null as EventTarget | null };
  private frame = 0;
  private hovered: Target | null = null;
  private intentTimer = 0;
  private closeTimer = 0;
  private openMark: Target | null = null;
  private focusBefore: Element | null = null;

  constructor(
    private readonly marks: MarkRegistry,
    private readonly entities: EntityCache,
    private settings: Settings,
    private readonly claims: ClaimLayer | null,
  ) {}

  /** The popover host while it exists: the only node the extension adds to the page. */
  get element(): HTMLElement | null {
    return this.popover.element;
  }

  start(): void {
    const { signal } = this.abort;
    addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true, signal });
    addEventListener('pointerdown', this.onPointerDown, { capture: true, passive: true, signal });
    addEventListener('keydown', this.onKeyDown, { capture: true, signal });
    addEventListener('scroll', this.onScroll, { capture: true, passive: true, signal });
    addEventListener('resize', this.onScroll, { passive: true, signal });
    this.touch.start(signal);
    signal.addEventListener('abort', () => {
      clearTimeout(this.intentTimer);
      clearTimeout(this.closeTimer);
      cancelAnimationFrame(this.frame);
      this.popover.hide();
    });
  }

  applySettings(s: Settings): void {
    this.settings = s;
    if (this.openMark && !isClaim(this.openMark) && !s.topics[this.openMark.topic]) this.close(false);
  }

  /** Closes the popover when its mark is among those whose text left the page. */
  marksRemoved(gone: (m: Pick<Mark, 'nodes'>) => boolean): void {
    if (this.openMark && gone(this.openMark)) this.close(false);
  }

  dispose(): void {
    this.abort.abort();
  }

  /** Scrolls to a checked claim (its index in document order) and opens it, focused. */
  revealClaim(index: number): boolean {
    const mark = this.claims?.marks.inOrder()[index];
    if (!mark) return false;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    if (!this.popover.isOpen) this.focusBefore = document.activeElement;
    this.open(mark, true);
    return true;
  }

  /**
   * Scrolls to the next mark of `entity` (or, by direction, to the next mark of any kind: mentions
   * and marked claims in document order) and opens its popover.
   */
  reveal(which: { entity: string } | { direction: 1 | -1 }, focus: boolean): boolean {
    const pool: Target[] = 'entity' in which ? this.marks.inOrder().filter((m) => m.entity === which.entity) : this.inOrder();
    if (!pool.length) return false;
    const dir = 'direction' in which ? which.direction : 1;
    const at = this.openMark ? pool.indexOf(this.openMark) : -1;
    const next = at === -1 ? (dir === 1 ? pool[0]! : pool[pool.length - 1]!) : pool[(at + dir + pool.length) % pool.length]!;
    // An instant jump: the popover is placed right after, and it suits reduced-motion users too.
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    if (focus && !this.popover.isOpen) this.focusBefore = document.activeElement;
    this.open(next, focus);
    // Stepping reaches every mention, drawn or not: the one reached is shown as the current one.
    this.marks.setCurrent(isClaim(next) ? null : next);
    return true;
  }

  /** Mention marks and marked claims, in document order. */
  private inOrder(): Target[] {
    const claims = this.claims?.marks.marked() ?? [];
    if (!claims.length) return this.marks.inOrder();
    return [...this.marks.inOrder(), ...claims].sort((a, b) => {
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range) || (isClaim(a) ? 1 : -1);
      } catch {
        return 0;
      }
    });
  }

  private readonly onPointerMove = (e: PointerEvent): void => {
    // A finger has no hover: touch is handled by TouchTaps.
    if (!e.isTrusted || e.pointerType === 'touch') return;
    this.pointer = { x: e.clientX, y: e.clientY, target: e.target };
    if (!this.frame) this.frame = requestAnimationFrame(this.checkPointer);
  };

  private readonly checkPointer = (): void => {
    this.frame = 0;
    if (this.popover.contains(this.pointer.target)) {
      clearTimeout(this.closeTimer);
      this.closeTimer = 0;
      return;
    }
    if (this.popover.pinned) return;
    const mark = this.targetAt(this.pointer.x, this.pointer.y);
    if (mark === this.hovered) return;
    this.hovered = mark ?? null;
    clearTimeout(this.intentTimer);
    if (mark) {
      if (mark === this.openMark) {
        clearTimeout(this.closeTimer);
        this.closeTimer = 0;
        return;
      }
      // The entity is fetched while the hover delay runs, so the popover opens with it.
      if (!isClaim(mark)) void this.entities.load([mark.entity]);
      this.intentTimer = window.setTimeout(() => this.open(mark, false), this.settings.hoverDelayMs);
    } else if (this.popover.isOpen && !this.closeTimer) {
      this.closeTimer = window.setTimeout(() => this.close(false), POPOVER_CLOSE_GRACE_MS);
    }
  };

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (this.popover.isOpen && !this.popover.pinned && !this.popover.contains(e.target)) this.close(false);
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    // While a note is being written, Escape belongs to the note editor (it cancels the draft).
    if (e.key === 'Escape' && this.popover.isOpen && !this.popover.pinned) {
      e.stopPropagation();
      this.close(true);
    }
  };

  private readonly onScroll = (): void => {
    if (this.popover.isOpen && !this.popover.reposition() && !this.popover.pinned) this.close(false);
  };

  /** The mark under a point, for hover and touch alike. */
  private targetAt(x: number, y: number): Target | undefined {
    // A claim's mark wins over a mention's: it is the more specific statement.
    const claim = this.claims ? markAt(document, this.claims.marks, x, y) : undefined;
    return claim ?? (this.marks.size ? markAt(document, this.marks, x, y) : undefined);
  }

  private open(mark: Target, focus: boolean): void {
    this.marks.setCurrent(null);
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.openMark = mark;
    if (isClaim(mark)) {
      this.showClaim(mark, focus);
      return;
    }
    const entity = this.entities.get(mark.entity);
    this.showEntity(entity, mark, focus);
    if (!entity) void this.loadAndShow(mark.entity, focus);
  }

  private showClaim(mark: ClaimMark, focus: boolean): void {
    this.popover.show(() => (mark.nodes.every((n) => n.isConnected) ? mark.range.getBoundingClientRect() : null), {
      entity: undefined,
      claim: viewOf(mark),
      focus,
      onRelated: (id) => void this.loadAndShow(id, true),
      onMore: (id) => void ask('entry/open', { id }).catch((e: unknown) => console.error('[llama-lens]', e)),
      onDisableSite: () =>
        void ask('site/set', { on: false }).catch((error: unknown) => console.error('[llama-lens] could not switch this site off', error)),
    });
  }

  private showEntity(entity: EntityView | undefined, mark: Mark, focus: boolean): void {
    // A live range outlives its text (it collapses onto the parent), so the nodes say whether it is still there.
    this.popover.show(() => (mark.nodes.every((n) => n.isConnected) ? mark.range.getBoundingClientRect() : null), {
      entity,
      supported: this.claims?.supportedAbout(mark.entity) ?? NONE_SUPPORTED,
      focus,
      onRelated: (id) => void this.loadAndShow(id, true),
      onMore: (id) => void ask('entry/open', { id }).catch((e: unknown) => console.error('[llama-lens]', e)),
      // The background switches the site off; every tab of it, this one included, hears the change.
      onDisableSite: () =>
        void ask('site/set', { on: false }).catch((error: unknown) => console.error('[llama-lens] could not switch this site off', error)),
    });
  }

  /** Shows entity `id` in the popover once its data is here, unless the popover moved on meanwhile. */
  private async loadAndShow(id: string, focus: boolean): Promise<void> {
    const forMark = this.openMark;
    await this.entities.load([id]);
    const entity = this.entities.get(id);
    if (entity && this.popover.isOpen && this.openMark === forMark) {
      this.popover.update({ entity, claim: undefined, supported: this.claims?.supportedAbout(id) ?? NONE_SUPPORTED, focus });
    }
  }

  private close(restoreFocus: boolean): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.openMark = null;
    this.marks.setCurrent(null);
    this.popover.hide();
    if (restoreFocus && this.focusBefore instanceof HTMLElement) this.focusBefore.focus({ preventScroll: true });
    this.focusBefore = null;
  }
}
