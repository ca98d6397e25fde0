/** The search's term index on its own: exact, prefix and typo lookups, BM25+ order, field boosts. */
import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/background/search-index';

function index(): TermIndex {
  const ix = new TermIndex(['name', 'text']);
  ix.add([['llama'], ['meta', 'released', 'llama', 'weights']]); // 0
  ix.add([['torrent'], ['llama', 'weights', 'leaked', 'torrent', 'torrent']]); // 1
  ix.add([['hugging', 'face'], ['hub', 'hosts', 'models']]); // 2
  return ix;
}

const docsOf = (ms: { doc: number; score: number }[]) => [...ms].sort((a, b) => b.score - a.score).map((m) => m.doc);

describe('TermIndex', () => {
  it('finds a term exactly, and ranks the document that holds it more often and in a boosted field first', () => {
    const ms = index().search([{ term: 'torrent' }], [2, 1], 0);
    expect(docsOf(ms)).toEqual([1]);
    expect(ms[0]!.exactIn).toEqual(['torrent']);
    expect(docsOf(index().search([{ term: 'llama' }], [2, 1], 0))).toEqual([0, 1]);
  });

  it('finds terms that begin with a prefix only when asked, weighted below an exact hit', () => {
    expect(index().search([{ term: 'tor' }], [1, 1], 0)).toEqual([]);
    const ms = index().search([{ term: 'tor', prefix: true }], [1, 1], 0);
    expect(docsOf(ms)).toEqual([1]);
    expect(ms[0]!.exactIn).toEqual([]);
    const exact = index().search([{ term: 'torrent' }], [1, 1], 0)[0]!.score;
    expect(ms[0]!.score).toBeLessThan(exact);
  });

  it('finds terms within the edits asked for, and not beyond', () => {
    expect(docsOf(index().search([{ term: 'huggin', fuzzy: 1 }], [1, 1], 0))).toEqual([2]);
    expect(index().search([{ term: 'hugin', fuzzy: 1 }], [1, 1], 0)).toEqual([]);
    expect(docsOf(index().search([{ term: 'hugin', fuzzy: 2 }], [1, 1], 0))).toEqual([2]);
  });

  it('scores a document matching more of the query terms above one matching fewer', () => {
    const ms = index().search([{ term: 'llama' }, { term: 'leaked' }], [1, 1], 0);
    expect(docsOf(ms)).toEqual([1, 0]);
    expect(ms.find((m) => m.doc === 1)!.terms.sort()).toEqual(['leaked', 'llama']);
  });

  it('ignores a field whose boost is zero', () => {
    expect(index().search([{ term: 'weights' }], [1, 0], 0)).toEqual([]);
  });
});
