/**
 * The timeline: every fact that carries an event date, oldest first, whatever entity it belongs
 * to. Generic over the dataset: a fact added with a `date` appears without any change here.
 */
import type { EntityView, TimelineEvent } from '../shared/messages';

/**
 * ISO dates sort as strings, and a month-only date ("2023-03") sorts before the days of that
 * month: the reader sees "in March" before "on 3 March". Equal dates keep the dataset's order
 * (entities as listed, each entity's facts most important first): the sort is stable.
 */
export function timeline(entities: readonly EntityView[]): TimelineEvent[] {
  const events = entities.flatMap((e) =>
    e.facts.flatMap((f) =>
      f.date ? [{ id: f.id, date: f.date, text: f.text, entity: { id: e.id, name: e.name, topic: e.topic }, sources: f.sources }] : [],
    ),
  );
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
