/**
 * The mention matcher: finds LLaMA, Meta and Hugging Face mentions in plain text. Pure TypeScript
 * (no DOM, no Node APIs) so the content script, the unit tests and scripts/mentions.ts run the
 * same code. How it works, and its measured quality: docs/matcher.md.
 */
import type { Alias, AliasSense, DictionaryEntry, Mention, Topic } from '../shared/dataset';
import { Trie, isHyphen, type TrieHit } from './automaton';
import { decide, isWordAt, measurePage, type Candidate, type PageContext } from './rules';

export type { PageContext } from './rules';

/** One alias of one entity: what the background sends to content scripts (plain JSON). */
export type { DictionaryEntry, Mention };

export interface Matcher {
  /** Mentions in one block of text, sorted and non-overlapping. */
  find(text: string, page?: PageContext): Mention[];
}

/** Measures a page once (title plus the start of its text) so rules can weigh the page around a block. */
export function pageContext(sample: string): PageContext {
  return measurePage(sample);
}

/**
 * Joins entities and their aliases. Aliases of unknown entities are left out: the dictionary only
 * holds what the popover can explain. Missing optional alias fields get the defaults the rules
 * expect, so a dataset that lost them (an older store, a stricter validator) still matches sensibly.
 */
export function buildDictionary(
  entities: { id: string; topic: Topic }[],
  aliases: Record<string, Alias[]>,
): DictionaryEntry[] {
  const topics = new Map(entities.map((e) => [e.id, e.topic]));
  const out: DictionaryEntry[] = [];
  for (const [entity, list] of Object.entries(aliases)) {
    const topic = topics.get(entity);
    if (!topic) continue;
    for (const a of list) {
      const alias: Alias = { text: a.text, caseSensitive: a.caseSensitive, ambiguous: a.ambiguous };
      if (a.ambiguous) alias.sense = a.sense ?? defaultSense(topic, a.text);
      if (a.idStem ?? (topic === 'llama' && /\d/.test(a.text))) alias.idStem = true;
      out.push({ entity, topic, alias });
    }
  }
  return out;
}

function defaultSense(topic: Topic, text: string): AliasSense {
  if (topic === 'llama') return 'animal';
  if (!/\p{L}/u.test(text)) return 'emoji';
  if (text.length <= 4 && text === text.toUpperCase()) return topic === 'meta' ? 'word' : 'abbreviation';
  return topic === 'meta' ? 'word-meta' : 'phrase';
}

export function compileMatcher(dict: DictionaryEntry[]): Matcher {
  const trie = new Trie();
  dict.forEach((d, i) => trie.add(d.alias.text, i, d.alias.caseSensitive));
  const quick = trie.quickCheck();
  const hits: TrieHit[] = [];

  function sameCase(text: string, start: number, end: number, alias: string): boolean {
    let i = start;
    for (let k = 0; k < alias.length; k++) {
      const a = alias.charCodeAt(k);
      if (a === 32) {
        // The trie already checked the separator run; skip it here.
        if (i >= end) return false;
        i++;
        while (i < end && /\s/.test(text[i]!)) i++;
      } else if (isHyphen(a)) {
        if (!isHyphen(text.charCodeAt(i))) return false;
        i++;
      } else if (text.charCodeAt(i++) !== a) return false;
    }
    return i === end;
  }

  /** The alias must end where the word ends; a version must not run on into a longer number ("Llama 2" in "Llama 20"). */
  function endsCleanly(text: string, end: number, alias: string): boolean {
    if (!isWordAt(alias, alias.length - 1)) return true;
    if (isWordAt(text, end)) return false;
    const last = alias.charCodeAt(alias.length - 1);
    if (last >= 48 && last <= 57) {
      const c = text[end];
      if ((c === '.' || c === ',') && /\d/.test(text[end + 1] ?? '')) return false;
    }
    return true;
  }

  /** "Llama-2" + "-7b-chat-hf": the tail of a checkpoint id, one segment at a time. */
  function extendId(text: string, end: number): number {
    let e = end;
    let inId = false;
    for (;;) {
      const sep = text[e];
      if (sep !== '-' && sep !== '_' && !(sep === '.' && inId)) return e;
      const m = /^[A-Za-z0-9]+/.exec(text.slice(e + 1, e + 40));
      if (!m) return e;
      const seg = m[0];
      const keep = /\d/.test(seg) || /^[A-Z]/.test(seg) || inId || seg.length <= 4;
      if (!keep || (sep === '.' && !/^\d/.test(seg)) || isWordAt(text, e + 1 + seg.length)) return e;
      e += 1 + seg.length;
      inId = true;
    }
  }

  return {
    find(text: string, page?: PageContext): Mention[] {
      quick.lastIndex = 0;
      if (!quick.test(text)) return [];
      const cands: Candidate[] = [];
      for (let start = trie.nextStart(text, quick.lastIndex - 1); start >= 0; start = trie.nextStart(text, start + 1)) {
        trie.walk(text, start, hits);
        for (let k = hits.length - 1; k >= 0; k--) {
          const h = hits[k]!;
          let chosen = -1;
          for (const e of h.entries) {
            const a = dict[e]!.alias;
            if (!endsCleanly(text, h.end, a.text)) break;
            if (!a.caseSensitive || sameCase(text, start, h.end, a.text)) {
              chosen = e;
              break;
            }
          }
          if (chosen < 0) continue;
          const d = dict[chosen]!;
          const end = d.alias.idStem ? extendId(text, h.end) : h.end;
          cands.push({ start, end, aliasEnd: h.end, entry: d, sure: !d.alias.ambiguous });
          start = end - 1;
          break;
        }
      }
      return cands.length ? decide(text, cands, page) : [];
    },
  };
}
