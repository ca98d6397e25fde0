/** Builds what the UI shows from stored records: one place, used by both storage back ends. */
import type { Entity, Fact, Source } from '../shared/dataset';
import type { EntityView } from '../shared/messages';
import type { Alias } from '../shared/dataset';

export interface ViewParts {
  entity: Entity;
  facts: Fact[];
  aliases: Alias[];
  sources: ReadonlyMap<string, Source>;
  names: ReadonlyMap<string, string>;
}

/** Facts are ordered by date (undated last) so a popover reads as a timeline. */
function byDate(a: Fact, b: Fact): number {
  const da = a.date ?? a.asOf ?? '9999';
  const db = b.date ?? b.asOf ?? '9999';
  return da < db ? -1 : da > db ? 1 : 0;
}

export function toView({ entity, facts, aliases, sources, names }: ViewParts): EntityView {
  return {
    ...entity,
    aliases: [...new Set(aliases.map((a) => a.text))],
    related: entity.related.flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    facts: [...facts].sort(byDate).map((f) => ({
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
