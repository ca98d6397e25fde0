/**
 * The path from a mark to the popover: hover intent (a trusted pointer resting on a mark), the
 * keyboard (Escape, stepping from mark to mark), closing when the pointer leaves or the mark scrolls
 * out of view, and giving focus back. One AbortController owns its listeners, frame and timers, so
 * `dispose` stops all of it.
 */
import { ask } from '../shared/ask';
import { POPOVER_CLOSE_GRACE_MS } from '../shared/limits';
import type { EntityView } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { EntityCache } from './entity-cache';
import { markAt } from './hit-test';
import type { Mark, MarkRegistry } from './marks';
import { PopoverHost } from './popover/host';
import { TouchTaps } from './touch';

export class PopoverControl {
  private readonly abort = new AbortController();
  private readonly popover = new PopoverHost();
  private readonly touch = new TouchTaps(
    (x, y) => (this.marks.size ? markAt(document, this.marks, x, y) : undefined),
    (mark) => this.open(mark, false),
  );
  private pointer = { x: 0, y: 0, target: null as EventTarget | null };
  private frame = 0;
  private hovered: Mark | null = null;
  private intentTimer = 0;
  private closeTimer = 0;
  private openMark: Mark | null = null;
  private focusBefore: Element | null = null;

  constructor(
    private readonly marks: MarkRegistry,
    private readonly entities: EntityCache,
    private settings: Settings,
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
    if (this.openMark && !s.topics[this.openMark.topic]) this.close(false);
  }

  /** Closes the popover when its mark is among those whose text left the page. */
  marksRemoved(gone: (m: Mark) => boolean): void {
    if (this.openMark && gone(this.openMark)) this.close(false);
  }

  dispose(): void {
    this.abort.abort();
  }

  /** Scrolls to the next mark of `entity` (or of any entity, by direction) and opens its popover. */
  reveal(which: { entity: string } | { direction: 1 | -1 }, focus: boolean): boolean {
    const all = this.marks.inOrder();
    const pool = 'entity' in which ? all.filter((m) => m.entity === which.entity) : all;
    if (!pool.length) return false;
    const dir = 'direction' in which ? which.direction : 1;
    const at = this.openMark ? pool.indexOf(this.openMark) : -1;
    const next = at === -1 ? (dir === 1 ? pool[0]! : pool[pool.length - 1]!) : pool[(at + dir + pool.length) % pool.length]!;
    // An instant jump: the popover is placed right after, and it suits reduced-motion users too.
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    if (focus && !this.popover.isOpen) this.focusBefore = document.activeElement;
    this.open(next, focus);
    // Stepping reaches every mention, drawn or not: the one reached is shown as the current one.
    this.marks.setCurrent(next);
    return true;
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
    const mark = this.marks.size ? markAt(document, this.marks, this.pointer.x, this.pointer.y) : undefined;
    if (mark === this.hovered) return;
    this.hovered = mark ?? null;
    clearTimeout(this.intentTimer);
    if (mark) {
      if (mark === this.openMark) {
        clearTimeout(this.closeTimer);
        this.closeTimer = 0;
        return;
      }
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

  private open(mark: Mark, focus: boolean): void {
    this.marks.setCurrent(null);
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.openMark = mark;
    const entity = this.entities.get(mark.entity);
    this.showEntity(entity, mark, focus);
    if (!entity) void this.loadAndShow(mark.entity, focus);
  }

  private showEntity(entity: EntityView | undefined, mark: Mark, focus: boolean): void {
    // A live range outlives its text (it collapses onto the parent), so the nodes say whether it is still there.
    this.popover.show(() => (mark.nodes.every((n) => n.isConnected) ? mark.range.getBoundingClientRect() : null), {
      entity,
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
    if (entity && this.popover.isOpen && this.openMark === forMark) this.popover.update({ entity, focus });
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
