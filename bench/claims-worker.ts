/**
 * The background's half of the claim check and of the page context, for the bench: in the extension
 * the service worker (or Firefox's background page) measures the page's sample and checks the blocks
 * a page sends, on its own thread. The bench page
 * runs this in a dedicated Worker so that, as in the extension, the checking is not the page's
 * main-thread time; the time it takes is reported on its own. Same code as the background's
 * `page/context` and `claims/check` handlers (src/matcher, src/claims/service.ts), same data.
 */
import { createClaimChecker } from '../src/claims/service';
import { pageContext } from '../src/matcher';
import { claimSetup, type ClaimData, type ClaimPiece } from '../src/shared/claims';
import type { Source } from '../src/shared/dataset';
import entities from '../src/data/entities.json';
import claimData from '../src/data/claims.json';
import sources from '../src/data/sources.json';

const checker = createClaimChecker(claimSetup(claimData as unknown as ClaimData, sources as Source[], entities));

self.onmessage = (e: MessageEvent<{ type: 'claims/check'; pieces: ClaimPiece[]; pageDate?: string } | { type: 'page/context'; sample: string }>) => {
  const t0 = performance.now();
  try {
    const value = e.data.type === 'page/context' ? pageContext(e.data.sample) : checker.check(e.data.pieces, e.data.pageDate);
    self.postMessage({ reply: { ok: true, value }, ms: performance.now() - t0 });
  } catch (error) {
    self.postMessage({ reply: { ok: false, error: String(error) }, ms: performance.now() - t0 });
  }
};
