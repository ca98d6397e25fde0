/**
 * A small inverted index with BM25+ scoring, exact, prefix and typo-tolerant (Levenshtein) term
 * lookup, for search.ts. It replaced MiniSearch, whose scoring it keeps (same BM25+ parameters,
 * same weights for prefix and fuzzy matches, same field lengths), because MiniSearch costs about
 * 9 µs per matching document and query term (a callback, a Map entry and objects per document)
 * and a radix-tree insert per term occurrence: with 10,000 entities (90,000 documents) a common
 * word took 100–350 ms and building 10–30 s. Here a search touches no object per document: scores
 * and per-document counts (query terms, reader's words, words found exactly in the name) add up in
 * typed arrays the index keeps and reuses, with BM25+'s length normalisation computed once per
 * document. The vocabulary is a Map plus terms sorted (for prefixes) and grouped by length (for
 * typos), each with a bit set of its letters that rules out most terms before the edit distance.
 * Why not another library: the ranking (tuned on the question sets) rests on MiniSearch's BM25+ with
 * per-term prefix and typo weights; keeping exactly that here was cheaper than re-tuning against
 * another library's scoring, and once the index was fast the rest of the time was in our own
 * re-ranking (search.ts), which no library would remove.
 */

/** BM25+ as MiniSearch has it: term saturation k, length normalisation b, lower bound d. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** Weight of a term found by prefix, at distance 0; it falls slowly with the letters added. */
const PREFIX_WEIGHT = 0.375;
/** Weight of a term found with typos, at distance 0; it falls with each edit. */
const FUZZY_WEIGHT = 0.45;

export interface TermQuery {
  /** Looked up as written; the reader's word it stands for is `source`. */
  term: string;
  /** Also every indexed term that begins with it. */
  prefix?: boolean;
  /** Also every indexed term within this many edits. */
  fuzzy?: number;
  boost?: number;
  /**
   * The reader's word this term stands for (several terms can stand for one word): `Scores` counts,
   * per document, the distinct groups found. Without it, each distinct term is its own group.
   */
  group?: number;
}

/**
 * Every document that holds any query term, as typed arrays indexed by document number (no object
 * per document: a common word matches tens of thousands). The arrays are the index's own and are
 * overwritten by its next search: read them before searching again.
 */
export interface Scores {
  /** The matching documents, in the order they were first found. */
  docs: Int32Array;
  /**
   * Per document: the sum over query terms, the indexed terms each one found, and the fields, of
   * weight × boost × field boost × BM25+, times the number of distinct query terms found (as
   * MiniSearch: a document that matches more of the query terms is worth more).
   */
  score: Float64Array;
  /** Per document: how many distinct query terms it holds (exactly, by prefix or with typos). */
  terms: Uint16Array;
  /** Per document: how many distinct groups (reader's words) it holds. */
  groups: Uint16Array;
  /** Per document: how many distinct groups it holds exactly (as typed, no prefix or typo) in the `exactField` asked for. */
  exactGroups: Uint16Array;
}

/** Per-document arrays every search reuses (see `Scores`), and the stamps of the last term and group that touched each document. */
interface Buffers extends Omit<Scores, 'docs'> {
  docs: Int32Array;
  lastTerm: Int32Array;
  lastGroup: Int32Array;
  lastExact: Int32Array;
}

interface Postings {
  /** Per field: documents holding the term, and how often. */
  docs: number[][];
  freqs: number[][];
}

function levenshteinWithin(a: string, b: string, max: number, row: Uint16Array): number {
  // One row of the edit-distance table; a row whose smallest cell exceeds max ends the search.
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      row[j] = v;
      diagonal = above;
      if (v < smallest) smallest = v;
    }
    if (smallest > max) return max + 1;
  }
  return row[b.length]!;
}

/**
 * The set of characters a term holds, one bit per character code modulo 32 (a–z get a bit each).
 * An edit changes the set by at most one character out and one in, so two terms within `n` edits
 * differ in at most 2n bits: a filter that never rejects a term within reach.
 */
function letterMask(term: string): number {
  let m = 0;
  for (let i = 0; i < term.length; i++) m |= 1 << (term.charCodeAt(i) & 31);
  return m >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class TermIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly fieldLength: number[][];
  private readonly avgFieldLength: number[];
  private count = 0;
  private sorted: string[] | null = null;
  private byLength: string[][] | null = null;
  /** Per length, the `letterMask` of each term of `byLength`. */
  private masks: Uint32Array[] | null = null;
  private buf: Buffers | null = null;
  private norms: Float64Array[] | null = null;
  /** How many documents of `buf.docs` the last search found. */
  private found = 0;
  /** The last stamp given out (see `search`). */
  private stamp = 0;

  constructor(private readonly fields: readonly string[]) {
    this.fieldLength = fields.map(() => []);
    this.avgFieldLength = fields.map(() => 0);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a document (its number is the count before it) with the terms of each of its fields. */
  add(termsByField: readonly (readonly string[] | undefined)[]): number {
    const doc = this.count++;
    termsByField.forEach((terms, field) => {
      if (!terms) return;
      const freqs = new Map<string, number>();
      for (const t of terms) freqs.set(t, (freqs.get(t) ?? 0) + 1);
      // A field's length is its number of distinct terms, and its average a running one over all
      // documents added so far: both as MiniSearch kept them, which the ranking was tuned with.
      this.fieldLength[field]![doc] = freqs.size;
      this.avgFieldLength[field] = (this.avgFieldLength[field]! * doc + freqs.size) / (doc + 1);
      for (const [t, n] of freqs) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = { docs: this.fields.map(() => []), freqs: this.fields.map(() => []) }));
        p.docs[field]!.push(doc);
        p.freqs[field]!.push(n);
      }
    });
    this.sorted = null;
    this.byLength = null;
    this.masks = null;
    this.norms = null;
    return doc;
  }

  /**
   * Builds now what the first search would otherwise build (the sorted vocabulary and its length
   * groups, the length norms, the score buffers): the index is built when the popup opens, before
   * the reader types, and with 10,000 entities sorting the vocabulary alone made the first keystrokes
   * the slowest. A later `add` drops them again, to be rebuilt on the next search.
   */
  prepare(): void {
    this.vocabulary();
    this.lengthNorms();
    this.buffers();
  }

  private vocabulary(): { sorted: string[]; byLength: string[][]; masks: Uint32Array[] } {
    if (!this.sorted || !this.byLength || !this.masks) {
      this.sorted = [...this.postings.keys()].sort();
      this.byLength = [];
      for (const t of this.sorted) (this.byLength[t.length] ??= []).push(t);
      this.masks = this.byLength.map((terms) => Uint32Array.from(terms, letterMask));
    }
    return { sorted: this.sorted, byLength: this.byLength, masks: this.masks };
  }

  private withPrefix(prefix: string): string[] {
    const { sorted } = this.vocabulary();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
    return out;
  }

  private withinEdits(term: string, max: number): [string, number][] {
    const { byLength, masks } = this.vocabulary();
    const row = new Uint16Array(term.length + max + 2);
    const out: [string, number][] = [];
    const mask = letterMask(term);
    for (let len = Math.max(1, term.length - max); len <= term.length + max; len++) {
      const terms = byLength[len];
      if (!terms) continue;
      const lengthMasks = masks[len]!;
      for (let i = 0; i < terms.length; i++) {
        // Each edit adds or removes at most one letter of the set: a term whose letters differ by
        // more than two per edit cannot be within reach, and most are rejected here, without the table.
        if (popcount(lengthMasks[i]! ^ mask) > 2 * max) continue;
        const t = terms[i]!;
        const d = levenshteinWithin(t, term, max, row);
        if (d > 0 && d <= max) out.push([t, d]);
      }
    }
    return out;
  }

  /**
   * Every document holding any of the terms, with its score (see `Scores`). Terms are scored group
   * by group, and the same term's queries one after the other (each term keeps the group of its
   * first query), so that per-document counts need only the last term and group that touched it.
   */
  search(queries: readonly TermQuery[], fieldBoosts: readonly number[], exactField: number): Scores {
    const b = this.buffers();
    // Clear what the last search left, document by document: cheaper than refilling 90,000 cells.
    for (let i = 0; i < this.found; i++) {
      const doc = b.docs[i]!;
      b.score[doc] = 0;
      b.terms[doc] = 0;
      b.groups[doc] = 0;
      b.exactGroups[doc] = 0;
    }
    this.found = 0;
    // Distinct terms and groups, numbered in order of first appearance.
    const termIds = new Map<string, number>();
    const groupOfTerm = new Map<string, string>();
    const groupIds = new Map<string, number>();
    for (const q of queries) {
      if (termIds.has(q.term)) continue;
      termIds.set(q.term, termIds.size);
      const group = q.group === undefined ? `term ${q.term}` : `group ${q.group}`;
      groupOfTerm.set(q.term, group);
      if (!groupIds.has(group)) groupIds.set(group, groupIds.size);
    }
    const groupOf = (q: TermQuery) => groupIds.get(groupOfTerm.get(q.term)!)!;
    const order = queries.map((q, i) => ({ q, i, group: groupOf(q), term: termIds.get(q.term)! }));
    order.sort((x, y) => x.group - y.group || x.term - y.term || x.i - y.i);
    // Stamps: a document's last term and group, unique across searches so nothing needs resetting.
    if (this.stamp > 2 ** 30) {
      b.lastTerm.fill(0);
      b.lastGroup.fill(0);
      b.lastExact.fill(0);
      this.stamp = 0;
    }
    const termStamp0 = this.stamp + 1;
    const groupStamp0 = termStamp0 + termIds.size;
    this.stamp = groupStamp0 + groupIds.size;

    const { score, terms, groups, exactGroups, lastTerm, lastGroup, lastExact, docs: found } = b;
    const norms = this.lengthNorms();
    let count = 0;
    for (const { q, group, term } of order) {
      const termStamp = termStamp0 + term;
      const groupStamp = groupStamp0 + group;
      const derived: [string, number][] = [[q.term, 1]];
      const seen = new Set([q.term]);
      if (q.prefix) {
        for (const t of this.withPrefix(q.term)) {
          if (seen.has(t)) continue;
          seen.add(t);
          derived.push([t, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * (t.length - q.term.length))]);
        }
      }
      if (q.fuzzy) {
        for (const [t, d] of this.withinEdits(q.term, q.fuzzy)) {
          if (seen.has(t)) continue;
          seen.add(t);
          derived.push([t, (FUZZY_WEIGHT * t.length) / (t.length + d)]);
        }
      }
      for (const [t, weight] of derived) {
        const p = this.postings.get(t);
        if (!p) continue;
        for (let field = 0; field < this.fields.length; field++) {
          const fieldBoost = fieldBoosts[field]!;
          const docs = p.docs[field]!;
          if (!fieldBoost || !docs.length) continue;
          const freqs = p.freqs[field]!;
          const norm = norms[field]!;
          const idf = Math.log(1 + (this.count - docs.length + 0.5) / (docs.length + 0.5));
          const w = weight * (q.boost ?? 1) * fieldBoost * idf;
          const exact = field === exactField && t === q.term;
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i]!;
            const tf = freqs[i]!;
            score[doc]! += w * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm[doc]!));
            if (lastTerm[doc] !== termStamp) {
              if (terms[doc] === 0) found[count++] = doc;
              lastTerm[doc] = termStamp;
              terms[doc]!++;
              if (lastGroup[doc] !== groupStamp) {
                lastGroup[doc] = groupStamp;
                groups[doc]!++;
              }
            }
            if (exact && lastExact[doc] !== groupStamp) {
              lastExact[doc] = groupStamp;
              exactGroups[doc]!++;
            }
          }
        }
      }
    }
    // A document that matches more of the query terms is worth more, by their number (as MiniSearch).
    for (let i = 0; i < count; i++) score[found[i]!]! *= terms[found[i]!]!;
    this.found = count;
    return { docs: found.subarray(0, count), score, terms, groups, exactGroups };
  }

  /**
   * Per field and document, BM25+'s length normalisation k × (1 − b + b × length / average length):
   * the same for every term, so computed once after the last `add` rather than per posting.
   */
  private lengthNorms(): Float64Array[] {
    this.norms ??= this.fieldLength.map((lengths, field) => {
      const avg = this.avgFieldLength[field]!;
      const norm = new Float64Array(this.count);
      lengths.forEach((length, doc) => (norm[doc] = BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));
      return norm;
    });
    return this.norms;
  }

  private buffers(): Buffers {
    if (!this.buf || this.buf.score.length < this.count) {
      const n = this.count;
      this.buf = {
        docs: new Int32Array(n),
        score: new Float64Array(n),
        terms: new Uint16Array(n),
        groups: new Uint16Array(n),
        exactGroups: new Uint16Array(n),
        lastTerm: new Int32Array(n),
        lastGroup: new Int32Array(n),
        lastExact: new Int32Array(n),
      };
      this.found = 0;
      this.stamp = 0;
    }
    return this.buf;
  }
}
