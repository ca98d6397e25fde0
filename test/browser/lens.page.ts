/**
 * Cases for src/content/lens.ts (and the entity cache it owns) in a real page, with a stand-in
 * background: a scanned page asks for no entity's facts until something shows them, and the
 * requests that do go out are shared and retried.
 */
import entities from '@data/entities.json';
import aliases from '@data/aliases.json';
import { EntityCache } from '../../src/content/entity-cache';
import { Lens } from '../../src/content/lens';
import { buildDictionary, pageContext } from '../../src/matcher';
import type { Alias, Topic } from '../../src/shared/dataset';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { answerWith } from './harness/fake-extension-api';
import { browserCase } from './harness/cases';
import { errorsLoggedBy } from './harness/page-helpers';

const dictionary = buildDictionary(entities as { id: string; topic: Topic }[], aliases as Record<string, Alias[]>);

/** A background that answers `entities/get` with a stub per id (failing while `failing` holds) and records every request. */
function recordingBackground(failing = { now: false }): { asked: { type: string; payload: unknown }[] } {
  const asked: { type: string; payload: unknown }[] = [];
  answerWith(async (type, payload) => {
    // Every start measures the page (mark-sync.page.ts checks that); these cases are about the rest.
    if (type === 'page/context') return pageContext((payload as { sample: string }).sample);
    asked.push({ type, payload });
    if (type === 'claims/check') return { findings: [], claims: [] };
    if (type !== 'entities/get') throw new Error(`unexpected ${type}`);
    if (failing.now) throw new Error('background busy');
    await new Promise((r) => setTimeout(r, 20));
    const { ids } = payload as { ids: string[] };
    return { entities: ids.map((id) => ({ id, name: `name of ${id}`, topic: 'llama', facts: [] })) };
  });
  return { asked };
}

export const cases = {
  "a scan fetches no entity's facts; the popup's counts fetch the names once": browserCase({
    html: '<p>Meta released LLaMA to researchers.</p><p>Hugging Face hosts the weights.</p>',
    async run() {
      const { asked } = recordingBackground();
      const lens = new Lens(dictionary, { ...DEFAULT_SETTINGS, claimCheck: false });
      try {
        await lens.start();
        await lens.settled();
        const afterScan = asked.map((a) => a.type);
        const counts = await lens.mentionCounts();
        await lens.mentionCounts();
        return {
          afterScan,
          requests: asked.map((a) => ({ type: a.type, ids: [...(a.payload as { ids: string[] }).ids].sort() })),
          counts: counts.map((c) => `${c.name} ×${c.count}`).sort(),
        };
      } finally {
        lens.dispose();
      }
    },
    expected: {
      afterScan: [],
      requests: [{ type: 'entities/get', ids: ['hugging-face', 'llama-1', 'meta-platforms'] }],
      counts: ['name of hugging-face ×1', 'name of llama-1 ×1', 'name of meta-platforms ×1'],
    },
  }),

  'loads of the same entity at once share one request; a failed one is asked again later': browserCase({
    html: '<p>nothing</p>',
    async run() {
      const failing = { now: true };
      const { asked } = recordingBackground(failing);
      const cache = new EntityCache();
      const failed = await errorsLoggedBy(() => cache.load(['llama-1']));
      const afterFailure = cache.get('llama-1');
      failing.now = false;
      await Promise.all([cache.load(['llama-1']), cache.load(['llama-1', 'llama-2']), cache.load(['llama-1'])]);
      await cache.load(['llama-2']);
      return {
        logged: failed.logged.length,
        afterFailure: afterFailure ?? null,
        requests: asked.map((a) => (a.payload as { ids: string[] }).ids),
        cached: [cache.get('llama-1')?.name, cache.get('llama-2')?.name],
      };
    },
    expected: {
      logged: 1,
      afterFailure: null,
      requests: [['llama-1'], ['llama-1'], ['llama-2']],
      cached: ['name of llama-1', 'name of llama-2'],
    },
  }),
};
