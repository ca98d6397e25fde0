/**
 * Marks on touch screens, where there is no hover. A tap on a mark opens its popover (a tap
 * elsewhere closes it: the lens's pointerdown rule). A tap on a mark inside a link or another
 * control is the page's: the link is followed, as the reader meant. The mark's own affordance is
 * touch-and-hold: holding a mark (in a link or not) opens its popover, and the click and the
 * browser's link menu that would follow the hold are cancelled, so the reader stays on the page.
 * A finger that moves is scrolling, never a tap.
 */
import { TOUCH_HOLD_MS, TOUCH_SLOP_PX } from '../shared/limits';

/** Elements whose tap belongs to the page: a tap on a mark inside one does what the page says. */
const PAGE_CONTROLS = 'a[href], button, summary, label, select, [role="link"], [role="button"], [role="tab"], [role="menuitem"], [onclick]';

interface Press<T> {
  id: number;
  x: number;
  y: number;
  mark: T;
  timer: number;
}

/** `T` is what a mark is: a mention's or a checked claim's (the popover control finds the one under the finger). */
export class TouchTaps<T> {
  private press: Press<T> | null = null;
  /** After a hold opened a popover: the click (and context menu) that the same touch ends with are cancelled. */
  private swallowUntil = 0;

  constructor(
    private readonly markAt: (x: number, y: number) => T | undefined,
    private readonly open: (mark: T) => void,
  ) {}

  /** Listens until `signal` aborts (the popover control's own), which also drops a pending hold. */
  start(signal: AbortSignal): void {
    addEventListener('pointerdown', this.onDown, { capture: true, passive: true, signal });
    addEventListener('pointermove', this.onMove, { capture: true, passive: true, signal });
    addEventListener('pointerup', this.onUp, { capture: true, passive: true, signal });
    addEventListener('pointercancel', this.cancel, { capture: true, passive: true, signal });
    addEventListener('click', this.onAfterHold, { capture: true, signal });
    addEventListener('contextmenu', this.onAfterHold, { capture: true, signal });
    signal.addEventListener('abort', this.cancel);
  }

  private readonly onDown = (e: PointerEvent): void => {
    this.cancel();
    if (!e.isTrusted || e.pointerType !== 'touch' || !e.isPrimary) return;
    const mark = this.markAt(e.clientX, e.clientY);
    if (!mark) return;
    const timer = window.setTimeout(() => {
      this.press = null;
      this.swallowUntil = performance.now() + TOUCH_HOLD_MS * 4;
      this.open(mark);
    }, TOUCH_HOLD_MS);
    this.press = { id: e.pointerId, x: e.clientX, y: e.clientY, mark, timer };
  };

  private readonly onMove = (e: PointerEvent): void => {
    const p = this.press;
    if (p && e.pointerId === p.id && Math.hypot(e.clientX - p.x, e.clientY - p.y) > TOUCH_SLOP_PX) this.cancel();
  };

  private readonly onUp = (e: PointerEvent): void => {
    const p = this.press;
    if (!p || e.pointerId !== p.id) return;
    this.cancel();
    const target = e.target instanceof Element ? e.target : null;
    // A quick tap: the mark's popover, unless the mark sits in a link or control the reader tapped.
    if (!target?.closest(PAGE_CONTROLS)) this.open(p.mark);
  };

  private readonly onAfterHold = (e: Event): void => {
    if (performance.now() > this.swallowUntil) return;
    if (e.type === 'click') this.swallowUntil = 0;
    e.preventDefault();
    e.stopPropagation();
  };

  private readonly cancel = (): void => {
    if (this.press) clearTimeout(this.press.timer);
    this.press = null;
  };
}
