/**
 * Stands in for the WebExtension API in the bench bundle, which runs in a plain page. The Lens
 * messages the background when it starts, with the page's sample to measure, and after a scan: for
 * entity data (answered "no entities", which leaves the measured marking path untouched) and, with
 * the claim check on, with the blocks to check. The sample and the blocks are answered by
 * bench/claims-worker.ts in a Worker, as the extension's background answers them on its own
 * thread. scripts/bench.ts injects this file first (esbuild `inject`), so `browser` exists before
 * src/shared/webext.ts reads it.
 */
declare const __CLAIMS_WORKER__: string;

/**
 * While the page waits for the worker it is idle, as it is while the scan yields: the bench's slice
 * tracker (page-entry.ts) sets these to count the wait as a gap, not as busy time.
 */
export const waitHooks: { begin?: () => number; end?: (since: number) => void } = {};

/** What the claim check cost the "background" (the worker), summed over requests. */
export const background = { checkMs: 0, requests: 0, pieces: 0 };

let worker: Worker | null = null;
/** Replies come back in the order asked (one worker, one queue). */
const pending: { type: string; resolve: (reply: unknown) => void }[] = [];
let waitingSince: number | undefined;

function inWorker(message: { type: 'claims/check'; pieces: unknown[] } | { type: 'page/context'; sample: string }): Promise<unknown> {
  if (!worker) {
    worker = new Worker(URL.createObjectURL(new Blob([__CLAIMS_WORKER__], { type: 'text/javascript' })));
    worker.onmessage = (e: MessageEvent<{ reply: unknown; ms: number }>) => {
      // The wait ends when the reply is here; reading it (the copy back) is the page's work again.
      if (pending.length === 1 && waitingSince !== undefined) {
        waitHooks.end?.(waitingSince);
        waitingSince = undefined;
      }
      const { reply, ms } = e.data;
      const asked = pending.shift();
      if (asked?.type === 'claims/check') background.checkMs += ms;
      asked?.resolve(reply);
    };
  }
  if (message.type === 'claims/check') {
    background.requests++;
    background.pieces += message.pieces.length;
  }
  return new Promise((resolve) => {
    // Sending (the copy of the blocks) is the page's work; from then until the last reply it waits.
    worker!.postMessage(message);
    pending.push({ type: message.type, resolve });
    if (pending.length === 1) waitingSince = waitHooks.begin?.();
  });
}

const stub = {
  runtime: {
    id: 'bench',
    sendMessage: (message: { type?: string; payload?: { pieces: unknown[] } & { sample: string } }): Promise<unknown> =>
      message.type === 'claims/check' && message.payload
        ? inWorker({ type: 'claims/check', ...message.payload })
        : message.type === 'page/context' && message.payload
          ? inWorker({ type: 'page/context', sample: message.payload.sample })
          : Promise.resolve({ ok: true, value: { entities: [] } }),
    onMessage: { addListener: (): void => undefined },
  },
  i18n: { getMessage: (): string => '' },
  storage: { onChanged: { addListener: (): void => undefined } },
};
(globalThis as { browser?: unknown }).browser ??= stub;

export default stub;
