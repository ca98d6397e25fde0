import { describe, expect, it } from 'vitest';
import { aliasPrefixes, mayName } from '../../src/matcher/prefixes';
import { compileMatcher, buildDictionary, pageContext } from '../../src/matcher';
import { BUNDLED } from '../../src/background/bundle';

const texts = Object.values(BUNDLED.aliases).flatMap((list) => list.map((a) => a.text));
const prefixes = aliasPrefixes(texts);

describe('alias prefixes', () => {
  it('cut each alias at its first joiner, case-folded, and drop prefixes a shorter one covers', () => {
    expect(aliasPrefixes(['Hugging Face', 'HF', 'hf.co', 'HF Hub', '🤗 Transformers', 'Meta-Llama-3', 'LLaMA'])).toEqual(['hf', '🤗', 'hug', 'lla', 'met']);
  });

  it('find every bundled alias in its own text, in any case', () => {
    for (const alias of texts) {
      expect(mayName(alias, prefixes), alias).toBe(true);
      expect(mayName(alias.toUpperCase(), prefixes), alias).toBe(true);
    }
  });

  it('never rule out a text the matcher marks: every mention holds a prefix', () => {
    const matcher = compileMatcher(buildDictionary(BUNDLED.entities, BUNDLED.aliases));
    const samples = [
      'Meta released Llama 2 in July 2023.',
      'The weights were mirrored on HuggingFace and hf.co within days.',
      'Facebook AI Research trained LLaMA-65B on 1.4T tokens.',
      '🤗 Transformers added LLaMA in version 4.28.',
    ];
    for (const text of samples) {
      expect(matcher.find(text, pageContext(text), 'prose').length, text).toBeGreaterThan(0);
      expect(mayName(text, prefixes), text).toBe(true);
    }
  });

  it('rule out the words of ad and embed frames', () => {
    for (const text of ['Advertisement · Why this ad?', '▶ Play 3:42 Watch on the site', 'Sign in · Cookies · Privacy']) {
      expect(mayName(text, prefixes), text).toBe(false);
    }
  });
});
