import { describe, expect, it } from 'vitest';
import { place } from '../../src/content/popover/place';

const viewport = { width: 1000, height: 800 };
const popover = { width: 380, height: 300 };

describe('place', () => {
  it('goes below the mark when it fits', () => {
    expect(place({ left: 100, top: 100, width: 60, height: 20 }, popover, viewport)).toMatchObject({ side: 'below', left: 100, top: 126 });
  });

  it('flips above a mark near the bottom', () => {
    const p = place({ left: 100, top: 700, width: 60, height: 20 }, popover, viewport);
    expect(p.side).toBe('above');
    expect(p.top + popover.height).toBeLessThanOrEqual(700);
  });

  it('shifts left to stay inside the right edge, and never past the left edge', () => {
    expect(place({ left: 950, top: 100, width: 40, height: 20 }, popover, viewport).left).toBe(1000 - 8 - 380);
    expect(place({ left: -30, top: 100, width: 40, height: 20 }, popover, viewport).left).toBe(8);
  });

  it('limits its height to the room on the roomier side when neither fits', () => {
    const p = place({ left: 100, top: 350, width: 60, height: 20 }, { width: 380, height: 900 }, viewport);
    expect(p.side).toBe('below');
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(800 - 8);
    expect(p.maxHeight).toBeGreaterThan(300);
  });
});
