/**
 * A small inverted index with BM25+ scoring, exact, prefix and typo-tolerant (Levenshtein) term
 * lookup, for search.ts. It replaced MiniSearch, whose scoring it keeps (same BM25+ parameters,
 * same weights for prefix and fuzzy matches, same field lengths), because MiniSearch costs about
 * 9 µs per matching document and query term (a callback, a Map entry and objects per document)
 * and a radix-tree insert per term occurrence: with 10,000 entities (90,000 documents) a common
 * word took 100–350 ms and building 10–30 s. Here scores add up in one typed array per query, and
 * the vocabulary is a Map plus terms sorted (for prefixes) and grouped by length (for typos).
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
}

export interface Match {
  /** The document, as numbered by `add` order. */
  doc: number;
  score: number;
  /** The query terms found in the document (exactly, by prefix or with typos). */
  terms: string[];
  /** The query terms found exactly in the `exactField` asked for. */
  exactIn: string[];
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

export class TermIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly fieldLength: number[][];
  private readonly avgFieldLength: number[];
  private count = 0;
  private sorted: string[] | null = null;
  private byLength: string[][] | null = null;

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
    return doc;
  }

  private vocabulary(): { sorted: string[]; byLength: string[][] } {
    if (!this.sorted || !this.byLength) {
      this.sorted = [...this.postings.keys()].sort();
      this.byLength = [];
      for (const t of this.sorted) (this.byLength[t.length] ??= []).push(t);
    }
    return { sorted: this.sorted, byLength: this.byLength };
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
    const { byLength } = this.vocabulary();
    const row = new Uint16Array(term.length + max + 2);
    const out: [string, number][] = [];
    for (let len = Math.max(1, term.length - max); len <= term.length + max; len++) {
      for (const t of byLength[len] ?? []) {
        const d = levenshteinWithin(t, term, max, row);
        if (d > 0 && d <= max) out.push([t, d]);
      }
    }
    return out;
  }

  /**
   * Every document holding any of the terms, with its score: the sum over query terms, the indexed
   * terms each one found, and the fields, of weight × boost × field boost × BM25+.
   */
  search(queries: readonly TermQuery[], fieldBoosts: readonly number[], exactField: number): Match[] {
    const score = new Float64Array(this.count);
    const found = new Map<number, { terms: string[]; exactIn: string[] }>();
    for (const q of queries) {
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
          const lengths = this.fieldLength[field]!;
          const avg = this.avgFieldLength[field]!;
          const idf = Math.log(1 + (this.count - docs.length + 0.5) / (docs.length + 0.5));
          const w = weight * (q.boost ?? 1) * fieldBoost * idf;
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i]!;
            const tf = freqs[i]!;
            score[doc]! += w * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * lengths[doc]!) / avg)));
            let f = found.get(doc);
            if (!f) found.set(doc, (f = { terms: [], exactIn: [] }));
            if (!f.terms.includes(q.term)) f.terms.push(q.term);
            if (field === exactField && t === q.term && !f.exactIn.includes(q.term)) f.exactIn.push(q.term);
          }
        }
      }
    }
    const out: Match[] = [];
    // A document that matches more of the query terms is worth more, by their number (as MiniSearch).
    for (const [doc, f] of found) out.push({ doc, score: score[doc]! * f.terms.length, ...f });
    return out;
  }
}
