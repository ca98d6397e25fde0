/**
 * The background's half of the claim check, for the bench: in the extension the service worker (or
 * Firefox's background page) checks the blocks a page sends, on its own thread. The bench page
 * runs this in a dedicated Worker so that, as in the extension, the checking is not the page's
 * main-thread time; the time it takes is reported on its own. Same code as the background's
 * `claims/check` handler (src/claims/service.ts), same data.
 */
import { createClaimChecker } from '../src/claims/service';
import { claimSetup, type ClaimData, type ClaimPiece } from '../src/shared/claims';
import type { Source } from '../src/shared/dataset';
import entities from '../src/data/entities.json';
import claimData from '../src/data/claims.json';
import sources from '../src/data/sources.json';

const checker = createClaimChecker(claimSetup(claimData as unknown as ClaimData, sources as Source[], entities));

self.onmessage = (e: MessageEvent<{ pieces: ClaimPiece[]; pageDate?: string }>) => {
  const { pieces, pageDate } = e.data;
  const t0 = performance.now();
  try {
    const value = checker.check(pieces, pageDate);
    self.postMessage({ reply: { ok: true, value }, ms: performance.now() - t0 });
  } catch (error) {
    self.postMessage({ reply: { ok: false, error: String(error) }, ms: performance.now() - t0 });
  }
};
