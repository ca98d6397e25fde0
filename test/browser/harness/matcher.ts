/** The real matcher over the bundled dataset, for cases that scan (bundled into the page). */
import entities from '@data/entities.json';
import aliases from '@data/aliases.json';
import { buildDictionary, compileMatcher, pageContext, type Matcher } from '../../../src/matcher';
import type { Alias, Topic } from '../../../src/shared/dataset';

export const matcher: Matcher = compileMatcher(buildDictionary(entities as { id: string; topic: Topic }[], aliases as Record<string, Alias[]>));

/** A page about the models, as the scan measures it from the page's own text. */
export const mlPage = pageContext('Large language models: weights, inference, GPUs and fine-tuning of open models.');

/** The real matcher, except that it throws on any block containing `word` (a stand-in for a strange node). */
export function throwingOn(word: string): Matcher {
  return {
    find(text, page, kind) {
      if (text.includes(word)) throw new Error(`strange block: ${word}`);
      return matcher.find(text, page, kind);
    },
  };
}
