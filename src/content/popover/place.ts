/**
 * Where the popover goes: below the mark, or above it when there is more room there, shifted
 * sideways to stay inside the viewport. Pure, so edge cases are unit-tested without a browser.
 * (Floating UI does this too, but the content script has a 50 KB budget and needs only this.)
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Gap between the mark and the popover, and kept free at the viewport's edges. */
const GAP = 6;
const MARGIN = 8;

export function place(anchor: Box, popover: { width: number; height: number }, viewport: { width: number; height: number }): {
  left: number;
  top: number;
  side: 'below' | 'above';
  maxHeight: number;
} {
  const below = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side = popover.height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(popover.height, room);
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  const maxLeft = viewport.width - MARGIN - popover.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { left: Math.round(left), top: Math.round(Math.max(MARGIN, top)), side, maxHeight: Math.floor(room) };
}
