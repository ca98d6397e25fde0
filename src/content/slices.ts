/**
 * Cooperative time slicing: run work in slices of at most SCAN_SLICE_MS, yielding to the page in
 * between, so the extension never causes a long task however large the page.
 */
import { SCAN_SLICE_MS } from '../shared/limits';

/**
 * Yields to the page: a new macrotask, queued behind the page's own timers and events, so the page
 * runs between slices. (scheduler.yield() would resume ahead of the page's queued tasks and starve
 * its timers for the whole scan; a MessageChannel post can likewise overtake timers.)
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SliceStats {
  slices: number;
  longestSliceMs: number;
}

/**
 * Runs `step` until it returns false, yielding whenever a slice has used its budget. `cancelled`
 * is checked between steps so a newer scan can stop an older one.
 */
export async function runSliced(step: () => boolean, cancelled: () => boolean = () => false): Promise<SliceStats> {
  const stats: SliceStats = { slices: 0, longestSliceMs: 0 };
  let more = true;
  while (more && !cancelled()) {
    const start = performance.now();
    stats.slices++;
    do {
      more = step();
    } while (more && performance.now() - start < SCAN_SLICE_MS && !cancelled());
    stats.longestSliceMs = Math.max(stats.longestSliceMs, performance.now() - start);
    if (more) await yieldToPage();
  }
  return stats;
}
