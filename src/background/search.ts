/**
 * Dataset search with MiniSearch: prefix-aware, typo-tolerant, and ranked so that names and
 * aliases outweigh summaries, which outweigh fact text.
 */
import MiniSearch from 'minisearch';
import type { EntityView, SearchHit } from '../shared/messages';
import { MAX_SEARCH_RESULTS } from '../shared/limits';

interface Doc {
  id: string;
  name: string;
  aliases: string;
  summary: string;
  facts: string;
}

export interface SearchIndex {
  search(query: string): SearchHit[];
}

export function buildIndex(entities: readonly EntityView[]): SearchIndex {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases', 'summary', 'facts'],
    searchOptions: {
      boost: { name: 6, aliases: 4, summary: 1.5, facts: 1 },
      prefix: true,
      // Typos are tolerated in proportion to word length: a 5-letter word may carry one error.
      fuzzy: 0.2,
      combineWith: 'AND',
    },
  });
  index.addAll(
    entities.map((e) => ({
      id: e.id,
      name: e.name,
      aliases: e.aliases.join(' \n '),
      summary: e.summary,
      facts: e.facts.map((f) => f.text).join(' \n '),
    })),
  );
  return {
    search(query) {
      const q = query.trim();
      if (!q) return [];
      return index.search(q).slice(0, MAX_SEARCH_RESULTS).flatMap((r) => {
        const e = byId.get(String(r.id));
        if (!e) return [];
        const inNameOrAlias = Object.values(r.match).some((fields) => fields.includes('name') || fields.includes('aliases'));
        const terms = r.terms.map((t) => t.toLowerCase());
        const fact = inNameOrAlias ? undefined : e.facts.find((f) => terms.some((t) => f.text.toLowerCase().includes(t)));
        return [
          {
            id: e.id,
            name: e.name,
            kind: e.kind,
            topic: e.topic,
            summary: e.summary,
            ...(fact && { matchedFact: fact.text }),
          },
        ];
      });
    },
  };
}
