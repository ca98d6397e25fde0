/**
 * Cases for src/content/mark-sync.ts in a real page: the queue of scans outlives a scan that
 * failed, so marking goes on for the rest of the page's life.
 */
import { MarkSync } from '../../src/content/mark-sync';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { RESCAN_DEBOUNCE_MS } from '../../src/shared/limits';
import { browserCase } from './harness/cases';
import { throwingOn } from './harness/matcher';
import { errorsLoggedBy } from './harness/page-helpers';

/** Waits until `done()` holds (the rescan is debounced, then sliced), up to two seconds. */
async function until(done: () => boolean): Promise<boolean> {
  const end = performance.now() + 2_000;
  while (!done() && performance.now() < end) await new Promise((r) => setTimeout(r, RESCAN_DEBOUNCE_MS));
  return done();
}

export const cases = {
  'logs a scan that throws, and marks text the page adds afterwards': browserCase({
    html: '<p>Meta released LLaMA.</p><p>boom</p>',
    async run() {
      const sync = new MarkSync(throwingOn('boom'), DEFAULT_SETTINGS, { ownNode: () => null, scanned: async () => {}, removed: () => {} });
      try {
        const first = await errorsLoggedBy(() => sync.start());
        document.body.insertAdjacentHTML('beforeend', '<p>Hugging Face hosts it.</p>');
        const later = await until(() => sync.marks.inOrder().some((m) => m.entity === 'hugging-face'));
        await sync.settled();
        return { logged: first.logged.length, later, marked: sync.marks.inOrder().map((m) => m.range.toString()) };
      } finally {
        sync.dispose();
      }
    },
    expected: { logged: 1, later: true, marked: ['Meta', 'LLaMA', 'Hugging Face'] },
  }),
};
