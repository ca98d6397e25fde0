/**
 * Dataset search with MiniSearch: prefix-aware, typo-tolerant, and ranked in tiers so that names
 * and aliases always come first, then the user's own notes (they wrote them to find them again),
 * then summaries, then fact text; the score orders each tier.
 */
import MiniSearch from 'minisearch';
import type { EntityView, SearchHit } from '../shared/messages';
import { MAX_SEARCH_RESULTS } from '../shared/limits';

interface Doc {
  id: string;
  name: string;
  aliases: string;
  summary: string;
  note: string;
  facts: string;
}

export interface SearchIndex {
  search(query: string): SearchHit[];
}

/** Case, punctuation and spacing do not matter when a query is compared with a whole name. */
function normal(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * One typo per word from four letters on, two from eight. Shorter words get none: "meat" is not
 * a typo of "meta", and fuzzy expansion of one- to three-letter words is what makes search slow.
 */
function fuzziness(term: string): number | false {
  return term.length < 4 ? false : term.length < 8 ? 1 : 2;
}

const SHORT_QUERY_CHARS = 3;

/** 0: a name or alias is the query; 1: one starts with it; 2: other name or alias match; 3: the user's note; 4: summary; 5: facts. */
function tier(fields: ReadonlySet<string>, names: readonly string[], query: string): number {
  if (fields.has('name') || fields.has('aliases')) {
    if (names.includes(query)) return 0;
    return names.some((n) => n.startsWith(query)) ? 1 : 2;
  }
  return fields.has('note') ? 3 : fields.has('summary') ? 4 : 5;
}

export function buildIndex(entities: readonly EntityView[]): SearchIndex {
  const byId = new Map(entities.map((e) => [e.id, { view: e, names: [e.name, ...e.aliases].map(normal) }]));
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases', 'note', 'summary', 'facts'],
    searchOptions: {
      boost: { name: 6, aliases: 4, note: 2, summary: 1.5, facts: 1 },
      prefix: true,
      fuzzy: fuzziness,
      combineWith: 'AND',
    },
  });
  index.addAll(
    entities.map((e) => ({
      id: e.id,
      name: e.name,
      aliases: e.aliases.join(' \n '),
      summary: e.summary,
      note: e.note?.text ?? '',
      facts: e.facts.map((f) => f.text).join(' \n '),
    })),
  );
  return {
    search(query) {
      const q = normal(query);
      if (!q) return [];
      // A one-letter prefix matches much of the fact vocabulary: slow on a large dataset, and not
      // what the reader means yet. A word still one letter long refines nothing until the next
      // keystroke (the tiers below still compare whole names with the whole query, so "Llama 2"
      // comes first for "llama 2"); a query that short as a whole looks at names and aliases only.
      const words = q.split(' ').filter((w) => w.length > 1);
      const ranked = (q.length < SHORT_QUERY_CHARS || !words.length
        ? index.search(q, { fields: ['name', 'aliases'] })
        : index.search(words.join(' '))
      ).flatMap((r) => {
        const entry = byId.get(String(r.id));
        if (!entry) return [];
        const fields = new Set(Object.values(r.match).flat());
        return [{ r, entry, tier: tier(fields, entry.names, q) }];
      });
      // Array.prototype.sort is stable: within a tier, MiniSearch's score order stands.
      ranked.sort((a, b) => a.tier - b.tier);
      return ranked.slice(0, MAX_SEARCH_RESULTS).map(({ r, entry: { view: e }, tier }) => {
        const terms = r.terms.map((t) => t.toLowerCase());
        const fact = tier < 5 ? undefined : e.facts.find((f) => terms.some((t) => f.text.toLowerCase().includes(t)));
        return {
          id: e.id,
          name: e.name,
          kind: e.kind,
          topic: e.topic,
          summary: e.summary,
          ...(tier === 3 && e.note && { matchedNote: e.note.text }),
          ...(fact && { matchedFact: fact.text }),
        };
      });
    },
  };
}
