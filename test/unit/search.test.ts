/**
 * Search over the real bundled dataset with the real search code: questions typed as people type
 * them get their answer among the first three results, names find their entity first, and the
 * rules of search-terms.ts (numbers with units, stems, synonyms) hold. Every questions*.json in
 * test/fixtures is scored, so a held-out set dropped in beside ours is checked to the same bar.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { BUNDLED } from '../../src/background/bundle';
import { memoryStore } from '../../src/background/store';
import { buildIndex } from '../../src/background/search';
import { analyseQuery, indexTerms } from '../../src/background/search-terms';
import type { SearchHit } from '../../src/shared/messages';

interface Question {
  q: string;
  facts?: string[];
  entity?: string;
}

const FIXTURES = new URL('../fixtures/', import.meta.url);
const TOP = 3;
const BAR = 0.9;

const index = buildIndex(await memoryStore(BUNDLED).allEntities());

function answers(hit: SearchHit, question: Question): boolean {
  if (question.entity) return hit.id === question.entity;
  return hit.fact !== undefined && (question.facts ?? []).includes(hit.fact.id);
}

const sets = readdirSync(FIXTURES).filter((f) => /^questions.*\.json$/.test(f));

describe.each(sets)('the question set %s', (file) => {
  const { questions } = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as { questions: Question[] };

  it('names only facts and entities that exist', () => {
    const factIds = new Set(BUNDLED.facts.map((f) => f.id));
    const entityIds = new Set(BUNDLED.entities.map((e) => e.id));
    for (const q of questions) {
      for (const id of q.facts ?? []) expect(factIds, `${q.q}: ${id}`).toContain(id);
      if (q.entity) expect(entityIds, q.q).toContain(q.entity);
      expect(Boolean(q.entity) !== Boolean(q.facts?.length), q.q).toBe(true);
    }
  });

  it(`finds the answer among the first ${TOP} results for at least ${BAR * 100}% of the questions`, () => {
    const missed = questions.filter((q) => !index.search(q.q).slice(0, TOP).some((hit) => answers(hit, q)));
    const score = 1 - missed.length / questions.length;
    console.log(`${file}: ${questions.length - missed.length}/${questions.length} answered in the top ${TOP} (${(score * 100).toFixed(0)}%)`);
    for (const q of missed) {
      console.log(`  missed: ${q.q} -> ${index.search(q.q).slice(0, TOP).map((h) => h.fact?.id ?? h.id).join(', ')}`);
    }
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(score).toBeGreaterThanOrEqual(BAR);
  });
});

describe('search', () => {
  it('ranks an entity first for its own name or alias, as typed', () => {
    expect(index.search('Llama 2')[0]?.id).toBe('llama-2');
    expect(index.search('llama 3.1')[0]?.id).toBe('llama-3-1');
    expect(index.search('Hugging Face')[0]?.id).toBe('hugging-face');
    expect(index.search('meta')[0]?.id).toBe('meta-platforms');
    expect(index.search('Facebook AI')[0]?.id).toBe('meta-ai');
    // A keyword in an entity's name finds the entity before the facts that use the word.
    expect(index.search('leak')[0]).toMatchObject({ id: 'llama-leak' });
    expect(index.search('leak')[0]?.fact).toBeUndefined();
    expect(index.search('lama')[0]?.id).toMatch(/^llama-(?:family|1)$/);
    expect(index.search('Yann LeCun')[0]).toMatchObject({ id: 'yann-lecun' });
    expect(index.search('Yann LeCun')[0]?.fact).toBeUndefined();
  });

  it('forgives a typo in a name', () => {
    expect(index.search('huging face')[0]?.id).toBe('hugging-face');
    expect(index.search('gerganof').map((h) => h.id)).toContain('georgi-gerganov');
  });

  it('gives a fact hit its date and sources, so the popup can show them', () => {
    const hit = index.search('when was llama 2 released')[0];
    expect(hit?.fact).toMatchObject({ id: 'llama-2-release', date: '2023-07-18' });
    expect(hit?.fact?.sources[0]?.url).toMatch(/^https:\/\//);
  });

  it('answers nothing for stop words alone', () => {
    expect(index.search('what is the')).toEqual([]);
  });
});

describe('search terms', () => {
  it('writes numbers with units one way, however they are written', () => {
    expect(indexTerms('1.4 trillion')).toContain('1.4t');
    expect(indexTerms('1.4T tokens')).toContain('1.4t');
    expect(indexTerms('405 billion')).toContain('405b');
    expect(indexTerms('a 128K-token window')).toContain('128k');
    expect(indexTerms('131,072 tokens')).toContain('128k');
    expect(indexTerms('2,048 tokens')).toContain('2k');
    // A year is not a quantity of thousands.
    expect(indexTerms('in 2023')).not.toContain('2k');
  });

  it('meets a question and a fact on stems and synonyms', () => {
    const terms = (s: string) => analyseQuery(s).words.flatMap((w) => w.terms);
    expect(indexTerms('the model was released')).toEqual(expect.arrayContaining(terms('when did they put out the model')));
    expect(indexTerms('Meta launched it')).toEqual(expect.arrayContaining(terms('release')));
    expect(terms('what does it stand for')).toEqual(indexTerms('short for'));
    expect(terms('licence')).toEqual(terms('license'));
    expect(terms('organisation')).toEqual(terms('organization'));
  });

  it('reads what a question asks for', () => {
    expect(analyseQuery('when was it released').intent).toMatchObject({ date: true, quantity: false });
    expect(analyseQuery('how long is the context').intent).toMatchObject({ quantity: true });
    expect(analyseQuery('who made it').intent).toMatchObject({ person: true });
    expect(analyseQuery('where was it posted').intent).toMatchObject({ place: true });
  });
});
