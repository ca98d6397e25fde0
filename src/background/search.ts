/**
 * Dataset search over entities and over single facts, so that a question finds the
 * fact that answers it and a name finds its entity:
 * - both the dataset and the query go through search-terms.ts (stems, numbers with units, synonyms,
 *   stop words), and search-index.ts ranks with BM25+, fuzzy matching for typos and a prefix match
 *   for the word being typed;
 * - what a question asks for (a date, a quantity, a person, a place) boosts the facts that carry it;
 * - an entity whose name or alias is the query comes first, then one whose name the query begins,
 *   then (for keywords, not questions) entities whose names hold every word, then the user's own
 *   notes (they wrote them to find them again);
 * - the facts of an entity the query names are preferred, and a result's score is scaled by how
 *   many of the reader's words it contains.
 * The index is our own (search-index.ts says why it replaced MiniSearch): the tokenizer, the
 * fuzziness per term and the per-document boost are this file's anyway. A keystroke over 10,000
 * entities can match tens of thousands of documents, so the ranking reads per-document typed
 * arrays, not objects, and builds result objects only for the few hundred candidates it re-ranks.
 */
import type { EntityView, FactView, SearchHit } from '../shared/messages';
import { MAX_SEARCH_RESULTS } from '../shared/limits';
import { analyseQuery, indexTerms, namePhrase, type Intent } from './search-terms';
import { TermIndex, type TermQuery } from './search-index';

/**
 * The fields of a document: an entity has `name` (its name and every alias) and `summary`; a fact
 * `text` (its statement and value) and `about` (the names of its entity); a note `note`.
 */
const FIELDS = ['name', 'summary', 'text', 'about', 'note'] as const;
type Field = (typeof FIELDS)[number];
const NAME = FIELDS.indexOf('name');

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
const FIELD_BOOST: Record<Field, number> = { name: 3, note: 2, text: 2, summary: 1.5, about: 1 };
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
/** How many of the index's best results are re-ranked; enough to hold any full-coverage result above the first page. */
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

/**
 * The k-th largest of the values (k ≥ 1, at most their number), by quickselect: linear time, where
 * sorting tens of thousands of scores for the first few hundred is not. `scratch` (at least as long)
 * receives a copy that is reordered.
 */
export function nthLargest(values: Float64Array, k: number, scratch = new Float64Array(values.length)): number {
  const a = scratch.subarray(0, values.length);
  a.set(values);
  let lo = 0;
  let hi = a.length - 1;
  const want = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    // Descending: values above the pivot to the left.
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return a[want]!;
  }
  return a[want]!;
}

export function buildIndex(entities: readonly EntityView[]): SearchIndex {
  // Documents are numbered in the order they are added: targets[n] is document n.
  const targets: Target[] = [];
  const index = new TermIndex(FIELDS);
  /** Each field's terms, for the fields a document has. */
  const add = (target: Target, fields: Partial<Record<Field, string[]>>) => {
    index.add(FIELDS.map((f) => fields[f]));
    targets.push(target);
  };
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases];
    const nameText = names.join(' \n ');
    const phrases = names.map(namePhrase);
    // The names are the same words for the entity and each of its facts: analysed once.
    const nameTerms = indexTerms(nameText);
    add({ entity, names: phrases, boosts: { date: 1, quantity: 1, person: entity.kind === 'person' ? INTENT_BOOST : 1, place: 1 } }, { name: nameTerms, summary: indexTerms(entity.summary) });
    if (entity.note) add({ entity, note: true, names: phrases, boosts: { date: 1, quantity: 1, person: 1, place: 1 } }, { note: indexTerms(entity.note.text) });
    for (const fact of entity.facts) {
      add({ entity, fact, names: phrases, boosts: factBoosts(entity, fact) }, { text: indexTerms(fact.value === undefined ? fact.text : `${fact.text} \n ${fact.value}`), about: nameTerms });
    }
  }
  index.prepare();
  // What the ranking reads of every matching document, per document number in typed arrays: a
  // common word matches tens of thousands, and reading as many target objects is the slow part.
  const entityNumber = new Map(entities.map((e, i) => [e.id, i]));
  const entityOfDoc = Int32Array.from(targets, (t) => entityNumber.get(t.entity.id)!);
  const isFact = Uint8Array.from(targets, (t) => (t.fact ? 1 : 0));
  const isEntity = Uint8Array.from(targets, (t) => (!t.fact && !t.note ? 1 : 0));
  const intentBoost = Object.fromEntries((['date', 'quantity', 'person', 'place'] as const).map((k) => [k, Float64Array.from(targets, (t) => t.boosts[k])])) as Record<keyof Intent, Float64Array>;
  // Each search's scores and the selection's copy of them, reused: a common word matches tens of
  // thousands of documents, and fresh arrays that size per keystroke keep the garbage collector busy.
  const scoreBuffer = new Float64Array(targets.length);
  const selectBuffer = new Float64Array(targets.length);
  /** Per entity number, 1 while a search's query names it. */
  const isNamed = new Uint8Array(entities.length);
  // Names and aliases by their first word, so a query is compared only with names it could contain.
  const namesByFirstWord = new Map<string, { id: string; phrase: string }[]>();
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases]) {
      const phrase = namePhrase(n);
      const first = phrase.split(' ')[0]!;
      if (!phrase) continue;
      let list = namesByFirstWord.get(first);
      if (!list) namesByFirstWord.set(first, (list = []));
      list.push({ id: e.id, phrase });
    }
  }
  /** Entities whose name or alias the query contains as whole words, the longest only ("llama 3.1", not "llama"). */
  const named = (phrase: string): Set<string> => {
    const padded = ` ${phrase} `;
    const candidates = [...new Set(phrase.split(' '))].flatMap((w) => namesByFirstWord.get(w) ?? []);
    const found = candidates.filter((n) => padded.includes(` ${n.phrase} `));
    return new Set(found.filter((n) => !found.some((m) => m.phrase.length > n.phrase.length && m.phrase.includes(n.phrase))).map((n) => n.id));
  };
  return {
    search(query) {
      const q = analyseQuery(query);
      if (!q.words.length) return [];
      // Which of the reader's words each term stands for, to count how many words a result covers.
      const wordOf = new Map<string, number>();
      q.words.forEach((w, i) => [...w.terms, w.raw].forEach((t) => wordOf.set(t, i)));
      const queries: TermQuery[] = q.words.flatMap((w) => [
        ...w.terms.map((term) => ({ term, fuzzy: w.numeric ? 0 : fuzziness(term), group: wordOf.get(term)! })),
        ...(w.last ? [{ term: w.raw, prefix: true, boost: PREFIX_TERM_BOOST, group: wordOf.get(w.raw)! }] : []),
      ]);
      const short = query.trim().length < SHORT_QUERY_CHARS;
      const intents = (Object.keys(q.intent) as (keyof Intent)[]).filter((k) => q.intent[k]);
      const question = intents.length > 0 || q.words.length < query.trim().split(/\s+/).length;
      const namedEntities = named(namePhrase(query));
      const boosts = FIELDS.map((f) => (short && f !== 'name' ? 0 : FIELD_BOOST[f]));
      const found = index.search(queries, boosts, NAME);
      const n = found.docs.length;
      // A document's boost is the same for every term it matches, so it multiplies its total score.
      for (const id of namedEntities) isNamed[entityNumber.get(id)!] = 1;
      const boostsAsked = intents.map((k) => intentBoost[k]);
      const score = scoreBuffer.subarray(0, n);
      for (let i = 0; i < n; i++) {
        const doc = found.docs[i]!;
        let s = (!isFact[doc] && question ? ENTITY_IN_QUESTION : 1) * (isNamed[entityOfDoc[doc]!] ? NAMED_ENTITY_BOOST : 1);
        for (const b of boostsAsked) s *= b[doc]!;
        score[i] = s * found.score[doc]!;
      }
      for (const id of namedEntities) isNamed[entityNumber.get(id)!] = 0;
      // Ranking below only lowers fact scores (by coverage), so facts far down the list cannot climb
      // to the top: only the first CANDIDATES by score are ranked (ties in the order found), plus
      // every entity (an entity's name can lift it to the top whatever its score). The CANDIDATES-th
      // score is found by selection, not by sorting every match (tens of thousands for a common word).
      const threshold = n > CANDIDATES ? nthLargest(score, CANDIDATES, selectBuffer) : -Infinity;
      let above = 0;
      for (let i = 0; i < n; i++) if (score[i]! > threshold) above++;
      let ties = CANDIDATES - above;
      const typed = namePhrase(query);
      const ranked: { target: Target; tier: number; score: number; base: number; at: number }[] = [];
      for (let i = 0; i < n; i++) {
        const doc = found.docs[i]!;
        const s = score[i]!;
        const candidate = s > threshold || (s === threshold && ties-- > 0) || isEntity[doc];
        if (!candidate) continue;
        const target = targets[doc]!;
        const namesHoldEveryWord = !question && found.exactGroups[doc] === q.words.length;
        const coverage = (found.groups[doc]! / q.words.length) ** COVERAGE_POWER;
        ranked.push({ target, tier: tierOf(target, typed, q.phrase, namesHoldEveryWord), score: s * coverage, base: s, at: i });
      }
      // Tier, then score; ties keep the order by score before coverage, then the order found.
      ranked.sort((a, b) => a.tier - b.tier || b.score - a.score || b.base - a.base || a.at - b.at);
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
