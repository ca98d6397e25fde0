/**
 * Cases for src/content/mark-sync.ts in a real page: the page is measured by the background (or
 * here, when it does not answer), and the queue of scans outlives a scan that failed, so marking
 * goes on for the rest of the page's life.
 */
import { MarkSync } from '../../src/content/mark-sync';
import { pageContext } from '../../src/matcher';
import { answerWith } from './harness/fake-extension-api';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { RESCAN_DEBOUNCE_MS } from '../../src/shared/limits';
import { browserCase } from './harness/cases';
import { matcher, throwingOn } from './harness/matcher';
import { errorsLoggedBy } from './harness/page-helpers';

/** Waits until `done()` holds (the rescan is debounced, then sliced), up to two seconds. */
async function until(done: () => boolean): Promise<boolean> {
  const end = performance.now() + 2_000;
  while (!done() && performance.now() < end) await new Promise((r) => setTimeout(r, RESCAN_DEBOUNCE_MS));
  return done();
}

export const cases = {
  'asks the background what the page is about, once, with its title and the start of its text': browserCase({
    html: '<p>Meta released LLaMA.</p><p>Hugging Face hosts it.</p>',
    async run() {
      document.title = 'Open models';
      const asked: { type: string; sample: string }[] = [];
      answerWith(async (type, payload) => {
        const { sample } = payload as { sample: string };
        asked.push({ type, sample });
        return pageContext(sample);
      });
      const sync = new MarkSync(matcher, DEFAULT_SETTINGS, { ownNode: () => null, scanned: async () => {}, removed: () => {} });
      try {
        await sync.start();
        return { asked: asked.map((a) => `${a.type}: ${a.sample.replace(/\s+/g, ' ').trim()}`), marked: sync.marks.inOrder().map((m) => m.range.toString()) };
      } finally {
        sync.dispose();
      }
    },
    expected: { asked: ['page/context: Open models Meta released LLaMA. Hugging Face hosts it.'], marked: ['Meta', 'LLaMA', 'Hugging Face'] },
  }),

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
