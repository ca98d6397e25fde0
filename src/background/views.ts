/** Builds what the UI shows from stored records: one place, used by both storage back ends. */
import type { Alias, Entity, Fact, Source } from '../shared/dataset';
import type { EntityView } from '../shared/messages';

/** A fact with its position in the dataset: authors list an entity's facts most important first. */
export type RankedFact = Fact & { rank: number };

export interface ViewParts {
  entity: Entity;
  facts: RankedFact[];
  aliases: Alias[];
  sources: ReadonlyMap<string, Source>;
  names: ReadonlyMap<string, string>;
}


export function toView({ entity, facts, aliases, sources, names }: ViewParts): EntityView {
  return {
    ...entity,
    aliases: [...new Set(aliases.map((a) => a.text))],
    related: entity.related.flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    facts: [...facts].sort((a, b) => a.rank - b.rank).map((f) => ({
      id: f.id,
      text: f.text,
      ...(f.value !== undefined && { value: f.value }),
      ...(f.date !== undefined && { date: f.date }),
      ...(f.asOf !== undefined && { asOf: f.asOf }),
      sources: f.sources.flatMap((id) => {
        const s = sources.get(id);
        return s ? [s] : [];
      }),
    })),
  };
}
