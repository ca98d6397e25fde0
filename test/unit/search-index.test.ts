/** The search's term index on its own: exact, prefix and typo lookups, BM25+ order, field boosts. */
import { describe, expect, it } from 'vitest';
import { TermIndex, type Scores, type TermQuery } from '../../src/background/search-index';

function index(): TermIndex {
  const ix = new TermIndex(['name', 'text']);
  ix.add([['llama'], ['meta', 'released', 'llama', 'weights']]); // 0
  ix.add([['torrent'], ['llama', 'weights', 'leaked', 'torrent', 'torrent']]); // 1
  ix.add([['hugging', 'face'], ['hub', 'hosts', 'models']]); // 2
  return ix;
}

interface Found {
  doc: number;
  score: number;
  terms: number;
  groups: number;
  exactGroups: number;
}

/** The index's typed arrays as one object per document found (they are overwritten by the next search). */
function found(s: Scores): Found[] {
  return [...s.docs].map((doc) => ({ doc, score: s.score[doc]!, terms: s.terms[doc]!, groups: s.groups[doc]!, exactGroups: s.exactGroups[doc]! }));
}

const search = (ix: TermIndex, queries: TermQuery[], boosts: number[], exactField = 0) => found(ix.search(queries, boosts, exactField));
const docsOf = (ms: Found[]) => [...ms].sort((a, b) => b.score - a.score).map((m) => m.doc);

describe('TermIndex', () => {
  it('finds a term exactly, and ranks the document that holds it more often and in a boosted field first', () => {
    const ms = search(index(), [{ term: 'torrent' }], [2, 1]);
    expect(docsOf(ms)).toEqual([1]);
    expect(ms[0]!.exactGroups).toBe(1);
    expect(docsOf(search(index(), [{ term: 'llama' }], [2, 1]))).toEqual([0, 1]);
  });

  it('finds terms that begin with a prefix only when asked, weighted below an exact hit', () => {
    expect(search(index(), [{ term: 'tor' }], [1, 1])).toEqual([]);
    const ms = search(index(), [{ term: 'tor', prefix: true }], [1, 1]);
    expect(docsOf(ms)).toEqual([1]);
    expect(ms[0]!.exactGroups).toBe(0);
    const exact = search(index(), [{ term: 'torrent' }], [1, 1])[0]!.score;
    expect(ms[0]!.score).toBeLessThan(exact);
  });

  it('finds terms within the edits asked for, and not beyond', () => {
    expect(docsOf(search(index(), [{ term: 'huggin', fuzzy: 1 }], [1, 1]))).toEqual([2]);
    expect(search(index(), [{ term: 'hugin', fuzzy: 1 }], [1, 1])).toEqual([]);
    expect(docsOf(search(index(), [{ term: 'hugin', fuzzy: 2 }], [1, 1]))).toEqual([2]);
  });

  it('scores a document matching more of the query terms above one matching fewer', () => {
    const ms = search(index(), [{ term: 'llama' }, { term: 'leaked' }], [1, 1]);
    expect(docsOf(ms)).toEqual([1, 0]);
    expect(ms.find((m) => m.doc === 1)!.terms).toBe(2);
    expect(ms.find((m) => m.doc === 0)!.terms).toBe(1);
  });

  it('ignores a field whose boost is zero', () => {
    expect(search(index(), [{ term: 'weights' }], [1, 0])).toEqual([]);
  });

  it('counts the groups (the reader\'s words) a document holds apart from its terms, and exact hits in the exact field', () => {
    const ix = index();
    const ms = search(ix, [{ term: 'llama', group: 0 }, { term: 'weights', group: 0 }, { term: 'torrent', group: 1 }], [1, 1]);
    expect(ms.find((m) => m.doc === 1)).toMatchObject({ terms: 3, groups: 2, exactGroups: 1 });
    expect(ms.find((m) => m.doc === 0)).toMatchObject({ terms: 2, groups: 1, exactGroups: 1 });
  });

  it('gives the same scores however often it is asked, and forgets the last search', () => {
    const ix = index();
    const first = search(ix, [{ term: 'llama' }, { term: 'leaked' }], [1, 1]);
    expect(search(ix, [{ term: 'hub' }], [1, 1]).map((m) => m.doc)).toEqual([2]);
    expect(search(ix, [{ term: 'llama' }, { term: 'leaked' }], [1, 1])).toEqual(first);
  });

  it('counts a term asked twice once', () => {
    const ms = search(index(), [{ term: 'llama' }, { term: 'hub' }, { term: 'llama', prefix: true, boost: 0.5 }], [1, 1]);
    expect(ms.find((m) => m.doc === 0)!.terms).toBe(1);
  });

  it('takes documents added after a search, and finds the old ones as before', () => {
    const ix = index();
    const before = search(ix, [{ term: 'llama' }], [1, 1]);
    ix.add([['llama'], ['alpaca', 'fine', 'tune']]); // 3
    const after = search(ix, [{ term: 'llama' }, { term: 'alpaca' }], [1, 1]);
    expect(after.map((m) => m.doc).sort()).toEqual([0, 1, 3]);
    expect(docsOf(after)[0]).toBe(3);
    expect(before.map((m) => m.doc).sort()).toEqual([0, 1]);
  });
});
