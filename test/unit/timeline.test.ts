/** The timeline is every dated fact, whatever it is about, oldest first; nothing else. */
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/background/store';
import { timeline } from '../../src/background/timeline';
import { BUNDLED as REAL } from '../../src/background/bundle';

describe('timeline', () => {
  it('holds every dated fact of the bundled dataset once, in date order, with its entity and sources', async () => {
    const events = timeline(await memoryStore(REAL).allEntities());
    expect(events.map((e) => e.id).sort()).toEqual(REAL.facts.filter((f) => f.date).map((f) => f.id).sort());
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of events) {
      expect(e.sources.length).toBeGreaterThan(0);
      expect(REAL.entities.find((x) => x.id === e.entity.id)?.topic).toBe(e.entity.topic);
    }
  });

  it('takes in a dated fact added to any entity, month-only dates before the days of their month', async () => {
    const data = structuredClone(REAL);
    const [a, b] = data.entities;
    const source = data.sources[0]!.id;
    data.facts.push(
      { id: 'added-day', kind: 'event', entity: a!.id, text: 'A day in March 1999.', date: '1999-03-02', sources: [source] },
      { id: 'added-month', kind: 'event', entity: b!.id, text: 'Some time in March 1999.', date: '1999-03', sources: [source] },
      { id: 'added-undated', kind: 'trait', entity: b!.id, text: 'No date.', sources: [source] },
    );
    const events = timeline(await memoryStore(data).allEntities());
    expect(events.slice(0, 2).map((e) => e.id)).toEqual(['added-month', 'added-day']);
    expect(events.some((e) => e.id === 'added-undated')).toBe(false);
  });
});
