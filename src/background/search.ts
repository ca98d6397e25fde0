/**
 * Dataset search with MiniSearch, over entities and over single facts, so that a question finds the
 * fact that answers it and a name finds its entity:
 * - both the dataset and the query go through search-terms.ts (stems, numbers with units, synonyms,
 *   stop words), and MiniSearch ranks with BM25, fuzzy matching for typos and a prefix match for
 *   the word being typed;
 * - what a question asks for (a date, a quantity, a person, a place) boosts the facts that carry it;
 * - an entity whose name or alias is the query comes first, then one whose name the query begins,
 *   then (for keywords, not questions) entities whose names hold every word, then the user's own
 *   notes (they wrote them to find them again);
 * - the facts of an entity the query names are preferred, and a result's score is scaled by how
 *   many of the reader's words it contains.
 * MiniSearch stays: it is small, has no dependencies, runs in a worker or a page alike, and lets
 * the tokenizer, the fuzziness per term and the per-document boost be our own functions, which
 * is all this needs. (Lunr and FlexSearch offer no more here; Orama is several times larger.)
 */
import MiniSearch, { type Query } from 'minisearch';
import type { EntityView, FactView, SearchHit } from '../shared/messages';
import { MAX_SEARCH_RESULTS } from '../shared/limits';
import { analyseQuery, indexTerms, namePhrase, type Intent } from './search-terms';

/**
 * An entity document has `name` and `summary`; a fact document `text` and `about`; a note document
 * `note` (MiniSearch skips absent fields).
 */
interface Doc {
  id: string;
  /** The entity's name and every alias. */
  name?: string;
  summary?: string;
  /** The fact's statement and its value. */
  text?: string;
  /** The name and aliases of the entity the fact is about. */
  about?: string;
  /** The user's note on the entity. */
  note?: string;
}

interface Target {
  entity: EntityView;
  fact?: FactView;
  /** The document is the user's note on the entity. */
  note?: true;
  names: string[];
  /** How much each intent raises this document's score (1 when it says nothing about it). */
  boosts: Record<keyof Intent, number>;
}

export interface SearchIndex {
  search(query: string): SearchHit[];
}

/**
 * Field weights: a name counts most, then what a fact says, then a summary; the entity's name in a
 * fact document only helps to pick the right entity's fact ("llama 3.1 context").
 */
const FIELD_BOOST = { name: 3, note: 2, text: 2, summary: 1.5, about: 1 };
/** How much a document that has what the question asks for is preferred. */
const INTENT_BOOST = 1.6;
/**
 * A question (it asks for something, or has words beyond names and terms) wants a fact, not an
 * entity: an entity whose name the question is not keeps this share of its score.
 */
const ENTITY_IN_QUESTION = 0.5;
/** The facts of an entity the query names ("llama 3.1 release date") are preferred by this factor. */
const NAMED_ENTITY_BOOST = 2;
/**
 * Coordination: a result's score is scaled by the share of the reader's words it contains, to this
 * power, so that one matching most words outranks one that matches a single word strongly.
 */
const COVERAGE_POWER = 2;
/** How many of MiniSearch's best results are re-ranked; enough to hold any full-coverage result above the first page. */
const CANDIDATES = 400;
/** The word still being typed is matched by prefix too, at this weight, so a half word does not outweigh whole ones. */
const PREFIX_TERM_BOOST = 0.5;
/** A query this short looks at names and aliases only: a one-letter prefix matches much of the dataset. */
const SHORT_QUERY_CHARS = 3;

/**
 * One typo per word from four letters on, two from eight. Shorter words get none: "meat" is not
 * a typo of "meta", and fuzzy expansion of short words is what makes search slow. Numbers never:
 * 405B is not 40B.
 */
function fuzziness(term: string): number {
  return /\d/.test(term) || term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/** Two capitalised words in a row, not at the start of the sentence: a person's or an organisation's name. */
const NAMES_SOMEONE = /[\p{Ll},;:] (?:\p{Lu}[\p{Ll}'\u2019-]+ ){1,2}\p{Lu}[\p{Ll}'\u2019-]+/u;
/** A preposition followed by a proper name or number: says where. */
const SAYS_WHERE = /\b(?:in|on|at|from|to) (?:the )?[\p{Lu}\d]/u;

function factBoosts(entity: EntityView, fact: FactView): Target['boosts'] {
  return {
    date: fact.date ? INTENT_BOOST : 1,
    quantity: fact.value !== undefined || /\d/.test(fact.text) ? INTENT_BOOST : 1,
    person: entity.kind === 'person' || NAMES_SOMEONE.test(fact.text) ? INTENT_BOOST : 1,
    place: SAYS_WHERE.test(fact.text) ? INTENT_BOOST : 1,
  };
}

/**
 * 0: an entity whose name or alias is the query; 1: one whose name the query begins; 2: for a
 * keyword query (not a question), an entity whose names hold every word; 3: the user's note;
 * 4: everything else, by score.
 */
function tierOf(target: Target, typed: string, phrase: string, namesHoldEveryWord: boolean): number {
  if (target.note) return 3;
  if (target.fact) return 4;
  if (target.names.some((n) => n === typed || n === phrase)) return 0;
  if (target.names.some((n) => n.startsWith(typed))) return 1;
  return namesHoldEveryWord ? 2 : 4;
}

export function buildIndex(entities: readonly EntityView[]): SearchIndex {
  const targets = new Map<string, Target>();
  const docs: Doc[] = [];
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases];
    const nameText = names.join(' \n ');
    const phrases = names.map(namePhrase);
    targets.set(`e:${entity.id}`, {
      entity,
      names: phrases,
      boosts: { date: 1, quantity: 1, person: entity.kind === 'person' ? INTENT_BOOST : 1, place: 1 },
    });
    docs.push({ id: `e:${entity.id}`, name: nameText, summary: entity.summary });
    if (entity.note) {
      targets.set(`n:${entity.id}`, { entity, note: true, names: phrases, boosts: { date: 1, quantity: 1, person: 1, place: 1 } });
      docs.push({ id: `n:${entity.id}`, note: entity.note.text });
    }
    for (const fact of entity.facts) {
      targets.set(`f:${fact.id}`, { entity, fact, names: phrases, boosts: factBoosts(entity, fact) });
      docs.push({ id: `f:${fact.id}`, text: fact.value === undefined ? fact.text : `${fact.text} \n ${fact.value}`, about: nameText });
    }
  }
  // Names and aliases by their first word, so a query is compared only with names it could contain.
  const namesByFirstWord = new Map<string, { id: string; phrase: string }[]>();
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const phrase = namePhrase(n);
      const first = phrase.split(' ')[0]!;
      if (!phrase) continue;
      namesByFirstWord.set(first, [...(namesByFirstWord.get(first) ?? []), { id: e.id, phrase }]);
    }
  }
  /** Entities whose name or alias the query contains as whole words, the longest only ("llama 3.1", not "llama"). */
  const named = (phrase: string): Set<string> => {
    const padded = ` ${phrase} `;
    const candidates = [...new Set(phrase.split(' '))].flatMap((w) => namesByFirstWord.get(w) ?? []);
    const found = candidates.filter((n) => padded.includes(` ${n.phrase} `));
    return new Set(found.filter((n) => !found.some((m) => m.phrase.length > n.phrase.length && m.phrase.includes(n.phrase))).map((n) => n.id));
  };
  const index = new MiniSearch<Doc>({
    fields: ['name', 'summary', 'text', 'about', 'note'],
    // search-terms.ts does all the work, for the dataset here and for the query below.
    tokenize: indexTerms,
    processTerm: (term) => term,
  });
  index.addAll(docs);

  return {
    search(query) {
      const q = analyseQuery(query);
      if (!q.words.length) return [];
      const queries: Query[] = q.words.flatMap((w) => [
        { queries: w.terms, fuzzy: w.numeric ? false : (term: string) => fuzziness(term), combineWith: 'OR' as const },
        ...(w.last ? [{ queries: [w.raw], prefix: true, boostTerm: () => PREFIX_TERM_BOOST }] : []),
      ]);
      const short = query.trim().length < SHORT_QUERY_CHARS;
      const intents = (Object.keys(q.intent) as (keyof Intent)[]).filter((k) => q.intent[k]);
      const question = intents.length > 0 || q.words.length < query.trim().split(/\s+/).length;
      const namedEntities = named(namePhrase(query));
      const results = index.search(
        { queries, combineWith: 'OR' },
        {
          tokenize: (t) => [t],
          processTerm: (t) => t,
          boost: FIELD_BOOST,
          ...(short && { fields: ['name'] }),
          boostDocument: (id) => {
            const target = targets.get(String(id));
            if (!target) return 1;
            const base = (!target.fact && question ? ENTITY_IN_QUESTION : 1) * (namedEntities.has(target.entity.id) ? NAMED_ENTITY_BOOST : 1);
            return intents.reduce((b, k) => b * target.boosts[k], base);
          },
        },
      );
      const typed = namePhrase(query);
      // Which of the reader's words each term stands for, to count how many words a result covers.
      const wordOf = new Map<string, number>();
      q.words.forEach((w, i) => [...w.terms, w.raw].forEach((t) => wordOf.set(t, i)));
      // Results come best first. Ranking below only lowers fact scores (by coverage), so facts far down
      // the list cannot climb to the top: only the first CANDIDATES are ranked, plus every entity
      // (an entity's name can lift it to the top whatever its score).
      const candidates = results.filter((r, i) => i < CANDIDATES || String(r.id).startsWith('e:'));
      const ranked = candidates.flatMap((r) => {
        const target = targets.get(String(r.id));
        if (!target) return [];
        const covered = new Set(r.queryTerms.map((t) => wordOf.get(t))).size;
        const inName = new Set(r.queryTerms.filter((t) => r.match[t]?.includes('name')).map((t) => wordOf.get(t))).size;
        return [{ target, tier: tierOf(target, typed, q.phrase, !question && inName === q.words.length), score: r.score * (covered / q.words.length) ** COVERAGE_POWER }];
      });
      ranked.sort((a, b) => a.tier - b.tier || b.score - a.score);
      return ranked.slice(0, MAX_SEARCH_RESULTS).map(({ target: { entity: e, fact, note } }) => ({
        id: e.id,
        name: e.name,
        kind: e.kind,
        topic: e.topic,
        summary: e.summary,
        ...(fact && { fact }),
        ...(note && e.note && { matchedNote: e.note.text }),
      }));
    },
  };
}
