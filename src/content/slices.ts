/**
 * Cooperative time slicing: run work in slices of at most SCAN_SLICE_MS, yielding to the page in
 * between, so the extension never causes a long task however large the page.
 */
import { SCAN_SLICE_MS } from '../shared/limits';

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Yields to the event loop. scheduler.yield() resumes ahead of other queued tasks without the 4 ms
 * clamp of nested setTimeout; where it is missing, a MessageChannel post is the next fastest.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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
