/**
 * The mention matcher: finds LLaMA, Meta and Hugging Face mentions in plain text. Pure TypeScript
 * (no DOM, no Node APIs) so the content script, the unit tests and scripts/mentions.ts run the
 * same code. How it works, and its measured quality: docs/matcher.md.
 */
import type { Alias, DictionaryEntry, Mention, Sense, Topic } from '../shared/dataset';
import senses from '@data/senses.json';
import { Trie, isHyphen, type TrieHit } from './automaton';
import { compileSense, decide, isWordAt, measurePage, type BlockKind, type Candidate, type CompiledSense, type PageContext } from './rules';

export type { BlockKind, PageContext } from './rules';

/** One alias of one entity: what the background sends to content scripts (plain JSON). */
export type { DictionaryEntry, Mention };

export interface Matcher {
  /**
   * Mentions in one block of text, sorted and non-overlapping. `page` is what the page is about;
   * `kind` says whether the block is running prose or a lone label in site chrome; as a function,
   * it is called only if a candidate's decision needs it (most blocks have none).
   */
  find(text: string, page?: PageContext, kind?: BlockKind | (() => BlockKind)): Mention[];
}

/** Measures a page once (title plus the start of its text) so rules can weigh the page around a block. */
export function pageContext(sample: string): PageContext {
  return measurePage(sample);
}

/** Joins entities and their aliases. Aliases of unknown entities are left out: the dictionary only holds what the popover can explain. */
export function buildDictionary(entities: { id: string; topic: Topic }[], aliases: Record<string, Alias[]>): DictionaryEntry[] {
  const topics = new Map(entities.map((e) => [e.id, e.topic]));
  const out: DictionaryEntry[] = [];
  for (const [entity, list] of Object.entries(aliases)) {
    const topic = topics.get(entity);
    if (topic) for (const alias of list) out.push({ entity, topic, alias });
  }
  return out;
}

/** The bundled senses (validated by the build against the aliases that name them). */
const SENSES = senses as Record<string, Sense>;

/**
 * Each ambiguous alias's compiled sense and join words. A sense the bundle does not define is a
 * broken dictionary (the build refuses such data): say which alias names it rather than fail later.
 */
function senseTable(dict: DictionaryEntry[]): { sense: CompiledSense | null; joins: ReadonlySet<string> }[] {
  const compiled = new Map<string, CompiledSense>();
  const none = new Set<string>();
  return dict.map(({ entity, alias }) => {
    if (!alias.ambiguous) return { sense: null, joins: none };
    let sense = compiled.get(alias.sense);
    if (!sense) {
      const raw = Object.hasOwn(SENSES, alias.sense) ? SENSES[alias.sense] : undefined;
      if (!raw) throw new Error(`alias "${alias.text}" of entity "${entity}" names the sense "${alias.sense}", which src/data/senses.json does not define`);
      compiled.set(alias.sense, (sense = compileSense(raw)));
    }
    return { sense, joins: alias.joins?.length ? new Set(alias.joins.map((j) => j.toLowerCase())) : none };
  });
}

export function compileMatcher(dict: DictionaryEntry[]): Matcher {
  const table = senseTable(dict);
  const trie = new Trie();
  dict.forEach((d, i) => trie.add(d.alias.text, i, d.alias.caseSensitive));
  trie.seal();
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
    find(text: string, page?: PageContext, kind?: BlockKind | (() => BlockKind)): Mention[] {
      const cands: Candidate[] = [];
      for (let start = trie.nextStart(text, 0); start >= 0; start = trie.nextStart(text, start + 1)) {
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
          cands.push({ start, end, aliasEnd: h.end, entry: d, ...table[chosen]! });
          start = end - 1;
          break;
        }
      }
      return cands.length ? decide(text, cands, page, kind) : [];
    },
  };
}
