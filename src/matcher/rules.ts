/**
 * Disambiguation. A candidate whose alias is unambiguous ("LLaMA", "Llama 2", "Hugging Face")
 * is kept unless it is part of a file or domain name. An ambiguous one ("llama", "Meta", "HF", "🤗")
 * is judged by the word shapes around it (compounds, possessives, casing, the noun it modifies)
 * and by the vocabulary of its sentence and of the page, weighed for the everyday sense it
 * competes with.
 */
import type { AliasSense, DictionaryEntry, Mention } from '../shared/dataset';
import {
  ANIMAL,
  BRAND_PARTS,
  COMPANY,
  EMOTION,
  META_HEADS,
  ML,
  MODIFIER_SUFFIXES,
  NAME_PARTICLES,
  PHRASE_DETERMINERS,
  SCIENCE,
  SIZE_TOKEN,
  SOCIAL,
  SOCIAL_PREPOSITIONS,
  SPANISH,
  SPANISH_CLITICS,
  TECH,
  VOCAB,
  WORD_META,
  FAIR_WORD_HEADS,
  ORG_PREPOSITIONS,
} from './vocab';

export interface Candidate {
  start: number;
  /** End of the mark (after a checkpoint id's tail, if any). */
  end: number;
  /** End of the alias itself. */
  aliasEnd: number;
  entry: DictionaryEntry;
  /** The alias is unambiguous. */
  sure: boolean;
}

/**
 * What the page around a block is about, from its title and first ~20 KB of text: 0 (no sign),
 * 1 (some) or 2 (the page is about it).
 */
export interface PageContext {
  ml: number;
  animal: number;
  wordMeta: number;
  science: number;
  emotion: number;
  social: number;
}

const NO_PAGE: PageContext = { ml: 0, animal: 0, wordMeta: 0, science: 0, emotion: 0, social: 0 };

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

function codePointEndingAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const h = text.charCodeAt(i - 1);
    if (h >= 0xd800 && h <= 0xdbff) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
}

function isWordCode(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Whether a letter, digit, mark or underscore starts at `i` (identifiers join words with "_"). */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const cp = text.codePointAt(i) ?? 0;
  return isWordCode(cp);
}

// --- page -------------------------------------------------------------------------------------

function level(count: number, words: number): number {
  if (count >= 12 && count * 1000 >= words * 15) return 2;
  if (count >= 5 && count * 1000 >= words * 5) return 1;
  return 0;
}

export function measurePage(sample: string): PageContext {
  let words = 0;
  let ml = 0;
  let animal = 0;
  let wordMeta = 0;
  let science = 0;
  let emotion = 0;
  let social = 0;
  for (const m of sample.slice(0, 30000).matchAll(TOKEN)) {
    words++;
    const cls = classify(m[0].toLowerCase());
    if (cls & ML) ml += 1;
    else if (cls & TECH) ml += 0.5;
    if (cls & ANIMAL) animal++;
    if (cls & WORD_META) wordMeta++;
    if (cls & SCIENCE) science++;
    if (cls & EMOTION) emotion++;
    if (cls & SOCIAL) social++;
  }
  return {
    ml: level(ml, words),
    animal: level(animal, words),
    wordMeta: level(wordMeta, words),
    science: level(science, words),
    emotion: level(emotion, words),
    social: level(social, words),
  };
}

/** Classes of a lower-case token; a compound not listed whole counts by its parts ("llm-based"). */
function classify(tok: string): number {
  if (tok.endsWith("'s") || tok.endsWith('’s')) tok = tok.slice(0, -2);
  let cls = VOCAB.get(tok);
  if (cls === undefined) {
    cls = SIZE_TOKEN.test(tok) ? ML : 0;
    if (/[.\-'’]/.test(tok)) for (const part of tok.split(/[.\-'’]/)) cls |= VOCAB.get(part) ?? (SIZE_TOKEN.test(part) ? ML : 0);
  }
  return cls;
}

// --- the block around a candidate -----------------------------------------------------------

const WINDOW = 300;

const isTerminal = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
const isBlank = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160;

/** The sentence around [start, end): up to a sentence end, a blank line or WINDOW characters. */
function sentence(text: string, start: number, end: number): [number, number] {
  const lo = Math.max(0, start - WINDOW);
  const hi = Math.min(text.length, end + WINDOW);
  let ws = lo;
  for (let i = start - 1; i > lo; i--) {
    const c = text.charCodeAt(i);
    const p = text.charCodeAt(i - 1);
    if ((c === 10 && p === 10) || (isBlank(c) && isTerminal(p))) {
      ws = i + 1;
      break;
    }
  }
  let we = hi;
  for (let i = end; i < hi; i++) {
    const c = text.charCodeAt(i);
    const n = text.charCodeAt(i + 1);
    if ((c === 10 && n === 10) || (isTerminal(c) && (i + 1 >= text.length || isBlank(n)))) {
      we = i + 1;
      break;
    }
  }
  return [ws, we];
}

/**
 * The words of one block, classified once, for all the candidates in it (a block with many
 * mentions would otherwise be tokenised once per candidate).
 */
class Words {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly lower: string[] = [];
  readonly cls: number[] = [];
  /** 1: a capitalised word of four letters or more; 2: another word of four letters or more; 0: shorter. */
  readonly caps: number[] = [];

  constructor(text: string) {
    for (const m of text.matchAll(TOKEN)) {
      const w = m[0];
      const lower = w.toLowerCase();
      this.starts.push(m.index);
      this.ends.push(m.index + w.length);
      this.lower.push(lower);
      this.cls.push(classify(lower));
      this.caps.push(w.length >= 4 && /^\p{L}/u.test(w) ? (isCapitalised(w) ? 1 : 2) : 0);
    }
  }

  /** Index of the first word ending after `pos`. */
  first(pos: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const CLASS_BITS = 10;
const counts = new Int32Array(CLASS_BITS);

interface Word {
  text: string;
  lower: string;
  start: number;
}

const NEXT_WORD = /(?:['’]s)?[ \t\u00a0]+([\p{L}\p{N}][\p{L}\p{N}-]*)(\.?)/uy;
const PREV_WORD = /([\p{L}\p{N}][\p{L}\p{N}-]*)[ \t\u00a0]+$/u;

function nextWord(text: string, end: number): (Word & { dot: boolean }) | null {
  NEXT_WORD.lastIndex = end;
  const m = NEXT_WORD.exec(text);
  if (!m) return null;
  const w = m[1]!;
  return { text: w, lower: w.toLowerCase(), start: m.index + m[0].length - w.length - m[2]!.length, dot: m[2] === '.' };
}

function prevWord(text: string, start: number): Word | null {
  const from = Math.max(0, start - 40);
  const m = PREV_WORD.exec(text.slice(from, start));
  if (!m) return null;
  const w = m[1]!;
  return { text: w, lower: w.toLowerCase(), start: from + m.index };
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

type Shape = 'lower' | 'upper' | 'title' | 'mixed';
function shape(s: string): Shape {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters === letters.toUpperCase()) return 'upper';
  if (letters.slice(1) === letters.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

// --- weighing ---------------------------------------------------------------------------------

/** Per sense: the class that argues against the entity, and the page measure of it. */
const AGAINST: Record<AliasSense, [number, keyof PageContext | null]> = {
  animal: [ANIMAL, 'animal'],
  'word-meta': [WORD_META, 'wordMeta'],
  'social-network': [SOCIAL, 'social'],
  abbreviation: [SCIENCE, 'science'],
  emoji: [EMOTION, 'emotion'],
  phrase: [EMOTION, 'emotion'],
  word: [0, null],
};

/** Senses where company talk supports the entity (it is a company). */
const COMPANY_SENSES = new Set<AliasSense>(['word-meta', 'social-network', 'word']);

/** How much evidence a form needs: a capitalised "Llama" is already a name; "llama" and "LLAMA" are not. */
function need(sense: AliasSense, sh: Shape): number {
  if (sense === 'animal') return sh === 'title' || sh === 'mixed' ? 2 : 3;
  return sense === 'word' ? 3 : 2;
}

const cap3 = (n: number) => (n > 3 ? 3 : n);

function judge(text: string, c: Candidate, block: Block, page: PageContext, paired: boolean): boolean {
  const { start, aliasEnd } = c;
  const alias = c.entry.alias;
  const before = text[start - 1] ?? '';
  const after = text[aliasEnd] ?? '';
  const after2 = text[aliasEnd + 1] ?? '';

  // A file, module or host name ("llama.cpp", "LLaMA.swift", "ai.meta.com"), whatever the form.
  if (after === '.' && /\p{L}/u.test(after2) && /\p{L}/u.test(text[aliasEnd - 1] ?? '')) return false;
  if (c.sure) return true;

  const sense = alias.sense ?? 'word';
  const isEmoji = sense === 'emoji';
  if (!isEmoji) {
    // Glued into an identifier, path, flag or key chord: "go-llama", "r/llama", "--hf", "Meta+click", "HF/E".
    if ('-/.\\@#$+=~'.includes(before) && before !== '') return false;
    if ('+@'.includes(after) && after !== '') return false;
    if ((after === '/' || after === ':') && isWordAt(text, aliasEnd + 1)) return false;
    if (before === '`' && after === '`') return false;
    if (isHyphenLike(after) && /\p{L}/u.test(after2)) {
      const suffix = /^[\p{L}]+/u.exec(text.slice(aliasEnd + 1, aliasEnd + 30))?.[0].toLowerCase() ?? '';
      // "Llama-based", "Meta-owned" keep the name; "llama-server", "meta-analysis" are other words.
      if (!MODIFIER_SUFFIXES.has(suffix) && !suffix.endsWith('ed')) return false;
    }
  }

  const prev = prevWord(text, start);
  const next = nextWord(text, aliasEnd);
  const possessive = /^['’]s\b/u.test(text.slice(aliasEnd, aliasEnd + 3));
  const nextCls = next ? classify(next.lower) : 0;
  const [against, pageAgainst] = AGAINST[sense];

  switch (sense) {
    case 'animal':
      if (prev && SPANISH_CLITICS.has(prev.lower)) return false;
      break;
    case 'word-meta':
      if (next && !possessive && META_HEADS.has(next.lower)) return false;
      break;
    case 'social-network':
      if (!possessive && prev && SOCIAL_PREPOSITIONS.has(prev.lower)) return false;
      if (!possessive && nextCls & SOCIAL) return false;
      break;
    case 'phrase':
      if (prev && PHRASE_DETERMINERS.has(prev.lower)) return false;
      if (next && /^emo(ji|jis|ticon|ticons)$|^expression/.test(next.lower)) return false;
      break;
    case 'emoji': {
      const left = text.slice(Math.max(0, start - 3), start).trimEnd();
      const right = text.slice(c.end, c.end + 3).trimStart();
      if ((left && PICTOGRAPH.test(String.fromCodePoint(codePointEndingAt(left, left.length - 1)))) || (right && PICTOGRAPH.test(String.fromCodePoint(right.codePointAt(0)!)))) return false;
      break;
    }
    case 'word':
      if (next && FAIR_WORD_HEADS.has(next.lower)) return false;
      break;
    case 'abbreviation':
      break;
  }

  const [ws, we] = sentence(text, start, c.end);
  const words = (block.words ??= new Words(text));
  const sure = block.sure;
  const self = text.slice(start, aliasEnd).toLowerCase();
  counts.fill(0);
  let long = 0;
  let caps = 0;
  for (let k = words.first(ws); k < words.starts.length && words.starts[k]! < we; k++) {
    if (words.starts[k]! < c.end && words.ends[k]! > start) continue;
    if (words.lower[k] === self) continue;
    const cap = words.caps[k]!;
    if (cap) {
      long++;
      if (cap === 1) caps++;
    }
    const cls = words.cls[k]!;
    if (cls) for (let b = 0; b < CLASS_BITS; b++) if (cls & (1 << b)) counts[b]!++;
  }
  const count = (bit: number) => counts[31 - Math.clz32(bit)]!;
  const n = (bit: number) => cap3(count(bit));

  let pos = 2 * n(ML) + n(TECH) + (COMPANY_SENSES.has(sense) ? 2 * n(COMPANY) : 0) + page.ml;
  let neg = (against ? 2 * n(against) : 0) + (pageAgainst ? page[pageAgainst] : 0);
  if (sense === 'animal' && count(SPANISH) >= 2) neg += 4;
  if (sure.some((o) => o !== c && o.start >= ws && o.end <= we)) pos += 3;
  if (paired) pos += 4;

  // The noun the name modifies: "Llama models", "Meta website" vs "llama wool", "HF radio".
  if (next && !possessive) {
    if (nextCls & (ML | TECH) || (COMPANY_SENSES.has(sense) && nextCls & COMPANY)) pos += 3;
    if (against && nextCls & against) neg += 3;
    if (SIZE_TOKEN.test(next.text)) pos += 4;
  }
  // People work "at" a company and things come "from" or "by" it; a word or a place does not take these.
  if (COMPANY_SENSES.has(sense) && prev && ORG_PREPOSITIONS.has(prev.lower)) pos += 2;
  if (isEmoji && next && (BRAND_PARTS.has(next.lower) || (prev?.lower === 'the' && isCapitalised(next.text)))) pos += 3;

  // Capitalised neighbours that are not part of our names make another name: "Llama TV", "Ilir Meta".
  const sh = shape(text.slice(start, aliasEnd));
  const headline = long >= 3 && caps * 10 >= long * 6;
  if (sh === 'title' && !headline) {
    const atSentenceStart = /^[\s"'“‘([*_#>\-–—•·]*$/u.test(text.slice(ws, prev?.start ?? start));
    if (prev && isCapitalised(prev.text) && !atSentenceStart && !BRAND_PARTS.has(prev.lower) && !(classify(prev.lower) & (ML | TECH | COMPANY))) neg += 1;
    if (next && !possessive && isCapitalised(next.text) && !BRAND_PARTS.has(next.lower) && !(nextCls & (ML | TECH | COMPANY))) {
      neg += next.text.length === 1 && next.dot ? 3 : 1;
    }
    if (next && NAME_PARTICLES.has(next.text)) neg += 3;
  }
  return pos - neg >= need(sense, sh);
}

function isHyphenLike(ch: string): boolean {
  return ch === '-' || ch === '\u2010' || ch === '\u2011';
}

/** A company name right before a model name ("Meta Llama 3", "Facebook's LLaMA"): each vouches for the other. */
function pairs(text: string, cands: Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  for (let i = 0; i + 1 < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1]!;
    if (a.entry.topic === 'meta' && b.entry.topic === 'llama' && /^(?:['’]s)?[ \t\u00a0]+$/u.test(text.slice(a.end, b.start))) {
      out.add(a);
      out.add(b);
    }
  }
  return out;
}

interface Block {
  /** Built on the first ambiguous candidate that needs its sentence weighed. */
  words?: Words;
  sure: Candidate[];
}

export function decide(text: string, cands: Candidate[], page: PageContext = NO_PAGE): Mention[] {
  const paired = pairs(text, cands);
  const block: Block = { sure: cands.filter((c) => c.sure) };
  const kept = cands.filter((c) => judge(text, c, block, page, paired.has(c)));
  const out: Mention[] = kept.map((c) => ({ start: c.start, end: c.end, entity: c.entry.entity, topic: c.entry.topic }));
  // An organisation path before a checkpoint id ("meta-llama/Llama-2-7b-hf") names that checkpoint's family member.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (text[a.end] === '/' && b.start === a.end + 1 && a.topic === b.topic && kept[i + 1]!.entry.alias.idStem) a.entity = b.entity;
  }
  return out;
}
