/**
 * Disambiguation. A candidate whose alias is unambiguous ("LLaMA", "Llama 2", "Hugging Face") is
 * kept unless it is part of a file or host name. An ambiguous one ("llama", "Meta", "HF", "🤗") goes
 * through RULES, each a generic test weighing what its sense (src/data/senses.json) says speaks for
 * the entity or for the everyday word: no rule names an alias.
 */
import type { Domain, Mention, Sense } from '../shared/dataset';
import { DOMAINS } from '../shared/dataset';
import { EVIDENCE, PAGE_SAMPLE_CHARS, SENTENCE_WINDOW_CHARS } from '../shared/limits';
import { BIT, EVIDENCE_WORD, FUNCTION_WORD_DOMAINS, MODIFIER_SUFFIXES, SIZE_TOKEN, VOCAB, WordSearch } from './vocab';
import type { DictionaryEntry } from '../shared/dataset';

export interface Candidate {
  start: number;
  /** End of the mark (after a checkpoint id's tail, if any). */
  end: number;
  /** End of the alias itself. */
  aliasEnd: number;
  entry: DictionaryEntry;
  /** The sense an ambiguous alias competes with; null for an unambiguous alias. */
  sense: CompiledSense | null;
  /** Capitalised words that make one name with the alias, lower case. */
  joins: ReadonlySet<string>;
}

/**
 * What the page around a block is about, per domain, from its title and first ~20 KB of text:
 * 0 (no sign), 1 (some) or 2 (the page is about it).
 */
export type PageContext = Readonly<Record<Domain, number>>;

/**
 * How a block stands on the page. A `label` is a lone link or control label in site chrome (a
 * share or follow button, a menu entry): it is not running prose, and the page's topic says nothing
 * about it, so only the label's own words count.
 */
export type BlockKind = 'prose' | 'label';

const NO_PAGE: PageContext = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<Domain, number>;

/** A sense, with its word lists as sets and its domains as class bits. */
export interface CompiledSense {
  forBits: number;
  /** Finds a word of the `for` domains (or a size, when machine learning is one). */
  forWord: WordSearch;
  /** Of forBits, the weak domain (software). */
  weakBits: number;
  against: Domain[];
  againstBits: number;
  forDomains: Domain[];
  /** The most words of the `for` domains can give (EVIDENCE.wordsCounted of each). */
  forCeiling: number;
  notAfter: ReadonlySet<string>;
  notBefore: ReadonlySet<string>;
  supportedAfter: ReadonlySet<string>;
  lowerCasePrefix: boolean;
  notAmongEmoji: boolean;
  need: { name: number; other: number };
  /** The last page this sense was weighed on, and its page difference there (see `pageDifference`). */
  pageSeen: PageContext | null;
  pageDifference: number;
}

/** Software is the weak domain: a sign of technical text, not of machine learning. */
const WEAK_DOMAINS = new Set<Domain>(['software']);
const domainWeight = (d: Domain) => (WEAK_DOMAINS.has(d) ? EVIDENCE.weakDomainWord : EVIDENCE.domainWord);

/** One `for`-word search per set of domains, shared by the senses that have it. */
const FOR_WORDS = new Map<number, WordSearch>();

export function compileSense(s: Sense): CompiledSense {
  const bits = (ds: Domain[]) => ds.reduce((b, d) => b | BIT[d], 0);
  const lower = (ws: string[]) => new Set(ws.map((w) => w.toLowerCase()));
  const forBits = bits(s.for);
  let forWord = FOR_WORDS.get(forBits);
  if (!forWord) FOR_WORDS.set(forBits, (forWord = new WordSearch(forBits)));
  return {
    forBits,
    forWord,
    weakBits: bits(s.for.filter((d) => WEAK_DOMAINS.has(d))),
    against: s.against,
    againstBits: bits(s.against),
    forDomains: s.for,
    forCeiling: s.for.reduce((e, d) => e + EVIDENCE.wordsCounted * domainWeight(d), 0),
    notAfter: lower(s.notAfter),
    notBefore: lower(s.notBefore),
    supportedAfter: lower(s.supportedAfter),
    lowerCasePrefix: s.lowerCasePrefix,
    notAmongEmoji: s.notAmongEmoji,
    need: s.need,
    pageSeen: null,
    pageDifference: 0,
  };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
/**
 * TOKEN, for text whose letters and digits are all ASCII: there \p{L} and \p{N} are these. Such
 * text is told by PLAIN: ASCII, the no-break space, guillemets and the General Punctuation block
 * (dashes, quotes, ellipsis, spaces), none of which is a letter, digit or mark.
 */
const PLAIN_TOKEN = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;
const NOT_PLAIN = /[^\t\n\r -~\u00a0\u00ab\u00bb\u2000-\u206f]/;

/**
 * Each token of `text` of four units or more that starts with a letter: its start, the token and
 * whether it is capitalised. Text with only ASCII letters and digits, the usual case, is read with a
 * plain RegExp, which finds the same tokens there as TOKEN and scans several times faster than one
 * with \p classes.
 */
export function forEachLongWord(text: string, word: (start: number, token: string, capitalised: boolean) => void): void {
  if (!NOT_PLAIN.test(text)) {
    PLAIN_TOKEN.lastIndex = 0;
    for (let m = PLAIN_TOKEN.exec(text); m; m = PLAIN_TOKEN.exec(text)) {
      const token = m[0];
      const c = token.charCodeAt(0);
      if (token.length >= 4 && c >= 65) word(m.index, token, c <= 90);
    }
    return;
  }
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    if (token.length >= 4 && /^\p{L}/u.test(token)) word(m.index, token, isCapitalised(token));
  }
}

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
  const text = sample.slice(0, PAGE_SAMPLE_CHARS);
  // Every token counts toward the page's length, but only the tokens with a class are read: the
  // native search for evidence words finds them (WordIndex), so no word without one is sliced,
  // lower-cased and looked up, and counting the rest allocates nothing.
  let words = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.test(text)) words++;
  const evidence = new WordIndex(text, true);
  evidence.cover(0, text.length);
  const counts = new Float64Array(DOMAINS.length);
  for (const cls of evidence.cls) for (let i = 0; i < DOMAINS.length; i++) if (cls & (1 << i)) counts[i]!++;
  const out = {} as Record<Domain, number>;
  DOMAINS.forEach((d, i) => {
    // Machine-learning pages are also software pages: their software words count half toward ML.
    const n = d === 'ml' ? counts[i]! + counts[DOMAINS.indexOf('software')]! / 2 : counts[i]!;
    out[d] = level(n, words);
  });
  return out;
}

/** Classes of a lower-case token; a compound not listed whole counts by its parts ("llm-based"). */
function classify(tok: string): number {
  if (tok.endsWith("'s") || tok.endsWith('’s')) tok = tok.slice(0, -2);
  let cls = VOCAB.get(tok);
  if (cls === undefined) {
    cls = SIZE_TOKEN.test(tok) ? BIT.ml : 0;
    if (/[.\-'’]/.test(tok)) for (const part of tok.split(/[.\-'’]/)) cls |= VOCAB.get(part) ?? (SIZE_TOKEN.test(part) ? BIT.ml : 0);
  }
  return cls;
}

// --- the block around a candidate -----------------------------------------------------------

/**
 * A sentence ends at a terminal followed by a blank (or the end of the text), or at a blank line.
 * As RegExps, so the search for the edges is native: SENTENCE_START matches the two characters
 * after which a sentence starts, SENTENCE_END the one a sentence ends with.
 */
const SENTENCE_START = /\n\n|[.!?\u3002\uff01\uff1f][ \n\t\r\u00a0]/g;
const SENTENCE_END = /\n(?=\n)|[.!?\u3002\uff01\uff1f](?=[ \n\t\r\u00a0]|$)/g;

/** The sentence around [start, end): up to a sentence end, a blank line or SENTENCE_WINDOW_CHARS. */
function sentence(text: string, start: number, end: number): [number, number] {
  const lo = Math.max(0, start - SENTENCE_WINDOW_CHARS);
  const hi = Math.min(text.length, end + SENTENCE_WINDOW_CHARS);
  // The last sentence start in [lo, start), pairs overlapping ("\n\n\n"): each search resumes one
  // character after the last match's first.
  let ws = lo;
  const before = text.slice(lo, start);
  SENTENCE_START.lastIndex = 0;
  for (let m = SENTENCE_START.exec(before); m; m = SENTENCE_START.exec(before)) {
    ws = lo + m.index + 2;
    SENTENCE_START.lastIndex = m.index + 1;
  }
  // The first sentence end in [end, hi); the stretch takes one character more for the lookahead.
  let we = hi;
  const after = text.slice(end, hi + 1);
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(after);
  if (m && end + m.index < hi) we = end + m.index + 1;
  return [ws, we];
}

/**
 * Tokens are local: a token starts at a letter or digit that neither follows one nor follows an
 * apostrophe, period or hyphen that follows one (TOKEN). So the tokens of any stretch of a block
 * can be read without reading the block from its start, exactly as a whole-block pass reads them.
 */
const TOKEN_AT = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isTokenSep = (c: number) => c === 39 || c === 0x2019 || c === 46 || c === 45;

function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Where the token running up to `i` starts (`i` itself when none does). */
function tokenStartBefore(text: string, i: number): number {
  while (i > 0) {
    const cp = codePointEndingAt(text, i - 1);
    if (isLetterOrDigit(cp)) {
      i -= cp > 0xffff ? 2 : 1;
      continue;
    }
    if (i < 2 || !isTokenSep(cp)) break;
    const prev = codePointEndingAt(text, i - 2);
    if (!isLetterOrDigit(prev)) break;
    i -= prev > 0xffff ? 3 : 2;
  }
  return i;
}

/** The token starting at `at` (a token start). */
function tokenAt(text: string, at: number): string {
  TOKEN_AT.lastIndex = at;
  return TOKEN_AT.exec(text)?.[0] ?? '';
}

/** [from, to) widened to token edges: the tokens ending after `from` and starting before `to`, whole. */
function tokenStretch(text: string, from: number, to: number): [number, number] {
  let last = to;
  if (to < text.length) {
    const t = tokenStartBefore(text, to);
    if (t < to) last = Math.max(to, t + tokenAt(text, t).length);
  }
  return [tokenStartBefore(text, from), last];
}

/** The first index of `sorted` (ascending by `key`) whose key is above `x`. */
function firstAbove<T = number>(sorted: readonly T[], x: number, key: (t: T) => number = (t) => t as number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What a block holds, read stretch by stretch (token edges, so a stretch reads what the whole block
 * would) as candidates ask, and kept: the next candidate's stretch usually overlaps. A stretch that
 * does not meet the one read so far starts the reading over. Reading the whole block instead would
 * cost a long <pre> its full length for one candidate.
 */
abstract class ReadOnDemand {
  /** The stretch read so far (token edges). */
  private from = 0;
  private to = 0;

  constructor(protected readonly text: string) {}

  /** Reads [from, to) (token edges) unless it has been. */
  cover(from: number, to: number): void {
    if (from < this.from || from > this.to) {
      this.forget();
      this.from = this.to = from;
    }
    if (to > this.to) {
      this.read(this.to, to);
      this.to = to;
    }
  }

  protected abstract forget(): void;
  protected abstract read(from: number, to: number): void;
}

/**
 * Some of a block's words. `evidence`: the words that carry evidence (have a class), found by one
 * search for EVIDENCE_WORD, so the words without a class are never looked at one by one; cls is
 * the class. Otherwise the words of four letters or more that start with a letter (is this a
 * headline?); cls is 1 when capitalised, 2 when not.
 */
class WordIndex extends ReadOnDemand {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly lower: string[] = [];
  readonly cls: number[] = [];

  constructor(
    text: string,
    private readonly evidence: boolean,
  ) {
    super(text);
  }

  protected forget(): void {
    this.starts.length = this.ends.length = this.lower.length = this.cls.length = 0;
  }

  protected read(from: number, to: number): void {
    const { text } = this;
    // The search runs on the stretch alone, so it cannot run on into the rest of the block; its
    // edges are token edges, so its lookarounds read there what they would read in the whole text.
    const stretch = text.slice(from, to);
    if (this.evidence) {
      // A match of EVIDENCE_WORD may be a part of a token: the token is read whole, once.
      for (let at = EVIDENCE_WORD.find(stretch, 0); at >= 0; ) {
        const start = tokenStartBefore(text, from + at);
        const token = tokenAt(text, start);
        const next = Math.max(EVIDENCE_WORD.end, start + token.length - from);
        const lower = token.toLowerCase();
        const cls = classify(lower);
        if (cls) this.push(start, token, lower, cls);
        at = EVIDENCE_WORD.find(stretch, next);
      }
      return;
    }
    forEachLongWord(stretch, (at, token, capitalised) => this.push(from + at, token, token.toLowerCase(), capitalised ? 1 : 2));
  }

  private push(start: number, token: string, lower: string, cls: number): void {
    this.starts.push(start);
    this.ends.push(start + token.length);
    this.lower.push(lower);
    this.cls.push(cls);
  }

  /** Index of the first word ending after `pos`. */
  first(pos: number): number {
    return firstAbove(this.ends, pos);
  }
}

interface Word {
  text: string;
  lower: string;
  start: number;
}

const NEXT_WORD = /(?:['’]s)?[ \t\u00a0]+([\p{L}\p{N}][\p{L}\p{N}-]*)(\.?)/uy;

function nextWord(text: string, end: number): (Word & { dot: boolean }) | null {
  NEXT_WORD.lastIndex = end;
  const m = NEXT_WORD.exec(text);
  if (!m) return null;
  const w = m[1]!;
  return { text: w, lower: w.toLowerCase(), start: m.index + m[0].length - w.length - m[2]!.length, dot: m[2] === '.' };
}

/**
 * The word before `start`: the letters, digits and hyphens (from a letter or digit) that end at the
 * blanks (spaces, tabs, no-break spaces) right before it, within 40 characters. Read backwards
 * from `start`; the same word as /([\p{L}\p{N}][\p{L}\p{N}-]*)[ \t\u00a0]+$/u on those 40
 * characters, without trying that pattern at each of them.
 */
function prevWord(text: string, start: number): Word | null {
  const from = Math.max(0, start - 40);
  let end = start;
  for (let c = text.charCodeAt(end - 1); end > from && (c === 32 || c === 9 || c === 0xa0); c = text.charCodeAt(--end - 1));
  if (end === start) return null;
  let first = -1;
  for (let i = end; i > from; ) {
    const cp = codePointEndingAt(text, i - 1);
    const width = cp > 0xffff ? 2 : 1;
    // A pair cut by the window's edge is a lone surrogate there: neither letter nor digit.
    if (cp === 45) i--;
    else if (i - width >= from && isLetterOrDigit(cp)) first = i -= width;
    else break;
  }
  if (first < 0) return null;
  const w = text.slice(first, end);
  return { text: w, lower: w.toLowerCase(), start: first };
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/** German function words that are no English words: one of them around a place says the text there is German. */
const GERMAN_WORDS = /(?<![\p{L}\p{N}])(?:der|das|dem|ein|eine|einen|einem|einer|und|oder|ist|sind|wird|wurde|werden|haben|hatte|kann|soll|muss|nicht|mit|für|auf|vom|zum|zur|im|bei|nach|zu|dass|nachdem|wenn|aber|sich|auch|noch|nur|über|seine|seiner|seinen|ihre|ihrer|dieser|diese|dieses|wir|uns)(?![\p{L}\p{N}])/giu;
const GERMAN_REACH = 120;
function germanAround(text: string, at: number): boolean {
  GERMAN_WORDS.lastIndex = 0;
  return GERMAN_WORDS.test(text.slice(Math.max(0, at - GERMAN_REACH), at + GERMAN_REACH));
}

type Shape = 'lower' | 'upper' | 'title' | 'mixed';
function shape(s: string): Shape {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters === letters.toUpperCase()) return 'upper';
  if (letters.slice(1) === letters.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

const isHyphenLike = (ch: string) => ch === '-' || ch === '\u2010' || ch === '\u2011';

// --- the rules --------------------------------------------------------------------------------

interface Block {
  text: string;
  /** Made on the first candidate that needs its sentence weighed. */
  evidence?: WordIndex;
  longWords?: WordIndex;
  sure: Candidate[];
  /** The ambiguous candidates written as names (capitalised, with a small letter): "Meta", "Llama", in order. */
  names: Candidate[];
  page: PageContext;
  /** Asked for only when a rule weighs it: the content script reads it from the DOM. */
  kind: BlockKind | (() => BlockKind);
  /** Per `for`-word search (by its domains' bits): where the block's such words are, as read so far. */
  forWords?: Map<number, ForWords>;
}

/** Where a block's words of some domains start. */
class ForWords extends ReadOnDemand {
  private readonly starts: number[] = [];

  constructor(
    text: string,
    private readonly search: WordSearch,
  ) {
    super(text);
  }

  protected forget(): void {
    this.starts.length = 0;
  }

  protected read(from: number, to: number): void {
    const stretch = this.text.slice(from, to);
    for (let at = this.search.find(stretch, 0); at >= 0; at = this.search.find(stretch, this.search.end)) this.starts.push(from + at);
  }

  /** Whether such a word starts in [from, to) (token edges). */
  any(from: number, to: number): boolean {
    this.cover(from, to);
    const i = firstAbove(this.starts, from - 1);
    return i < this.starts.length && this.starts[i]! < to;
  }
}

/**
 * Whether a word of the sense's `for` domains may be in the candidate's sentence: one starts in the
 * sentence, widened to token edges, as the sentence's words are read. (Finding the sentence's edges
 * is two native searches; searching a wider stretch in JavaScript cost more.)
 */
function forWordNear(s: Scene): boolean {
  const { block, sense } = s;
  const { text } = block;
  const [from, to] = tokenStretch(text, ...s.sentenceSpan);
  const all = (block.forWords ??= new Map());
  let words = all.get(sense.forBits);
  if (!words) all.set(sense.forBits, (words = new ForWords(text, sense.forWord)));
  return words.any(from, to);
}

/** The sentence's words around a candidate, per domain (its own words left out). */
interface SentenceCounts {
  start: number;
  end: number;
  perDomain: Int32Array;
}

/** One candidate in its surroundings: what every rule may look at. */
export class Scene {
  readonly before: string;
  readonly after: string;
  readonly after2: string;
  readonly isWord: boolean;
  private prevWord: Word | null | undefined;
  private nextWord: (Word & { dot: boolean }) | null | undefined;
  private nextClass: number | undefined;
  private formShape: Shape | undefined;
  private isPossessive: boolean | undefined;
  private counted: SentenceCounts | null = null;
  private span: [number, number] | null = null;
  private headlineCounts: { long: number; caps: number } | null = null;

  constructor(
    readonly block: Block,
    readonly c: Candidate,
    readonly sense: CompiledSense,
    readonly paired: boolean,
  ) {
    const { text } = block;
    this.before = text[c.start - 1] ?? '';
    this.after = text[c.aliasEnd] ?? '';
    this.after2 = text[c.aliasEnd + 1] ?? '';
    this.isWord = /\p{L}/u.test(c.entry.alias.text);
  }

  // The words around the form are read when a rule first asks (most candidates are settled by a
  // few rules, or by the bound in `judge`, without them).

  /** The word before the form. */
  get prev(): Word | null {
    if (this.prevWord === undefined) this.prevWord = prevWord(this.block.text, this.c.start);
    return this.prevWord;
  }

  /** The word after the form (after a possessive "'s" too). */
  get next(): (Word & { dot: boolean }) | null {
    if (this.nextWord === undefined) this.nextWord = nextWord(this.block.text, this.c.aliasEnd);
    return this.nextWord;
  }

  /** "Meta's": the form is a possessive. */
  get possessive(): boolean {
    const { aliasEnd } = this.c;
    return (this.isPossessive ??= /^['’]s\b/u.test(this.block.text.slice(aliasEnd, aliasEnd + 3)));
  }

  /** The classes of the word after the form. */
  get nextCls(): number {
    if (this.nextClass === undefined) this.nextClass = this.next ? classify(this.next.lower) : 0;
    return this.nextClass;
  }

  /** How the form is written (lower case, capitals, capitalised, mixed). */
  get shape(): Shape {
    return (this.formShape ??= shape(this.block.text.slice(this.c.start, this.c.aliasEnd)));
  }

  /** The word after the form, as the noun it modifies (not after a possessive: "Meta's data"). */
  get head(): (Word & { dot: boolean }) | null {
    return this.possessive ? null : this.next;
  }

  /** Where the candidate's sentence starts and ends. */
  get sentenceSpan(): [number, number] {
    if (this.span) return this.span;
    const { text } = this.block;
    const { start, end } = this.c;
    const [first, we] = sentence(text, start, end);
    let ws = first;
    // An emoji after a sentence's end belongs to that sentence: it is how the writer signs it off.
    if (!this.isWord && ws > 0 && !text.slice(ws, start).trim()) ws = sentence(text, Math.max(0, ws - 2), ws)[0];
    return (this.span = [ws, we]);
  }

  /** The sentence's words of each domain (its own words left out). */
  get sentence(): SentenceCounts {
    if (this.counted) return this.counted;
    const { text } = this.block;
    const [ws, we] = this.sentenceSpan;
    const { start, end, aliasEnd } = this.c;
    const self = text.slice(start, aliasEnd).toLowerCase();
    const words = (this.block.evidence ??= new WordIndex(text, true));
    words.cover(...tokenStretch(text, ws, we));
    const perDomain = new Int32Array(DOMAINS.length);
    for (let k = words.first(ws); k < words.starts.length && words.starts[k]! < we; k++) {
      if (words.starts[k]! < end && words.ends[k]! > start) continue;
      if (words.lower[k] === self) continue;
      const cls = words.cls[k]!;
      for (let b = 0; b < DOMAINS.length; b++) if (cls & (1 << b)) perDomain[b]!++;
    }
    return (this.counted = { start: ws, end: we, perDomain });
  }

  /**
   * Words of four letters or more in the sentence (its own left out), and how many are
   * capitalised: is this a headline? Read only when a rule asks.
   */
  get headline(): { long: number; caps: number } {
    if (this.headlineCounts) return this.headlineCounts;
    const { text } = this.block;
    const [ws, we] = this.sentenceSpan;
    const { start, end, aliasEnd } = this.c;
    const self = text.slice(start, aliasEnd).toLowerCase();
    const words = (this.block.longWords ??= new WordIndex(text, false));
    words.cover(...tokenStretch(text, ws, we));
    let long = 0;
    let caps = 0;
    for (let k = words.first(ws); k < words.starts.length && words.starts[k]! < we; k++) {
      if ((words.starts[k]! < end && words.ends[k]! > start) || words.lower[k] === self) continue;
      long++;
      if (words.cls[k] === 1) caps++;
    }
    return (this.headlineCounts = { long, caps });
  }
}

/** Rules out the everyday reading for good: no evidence can outweigh it. */
export const RULED_OUT = -Infinity;

export interface Rule {
  /** Short and stable: docs/matcher.md and the ablation script (scripts/ablate.ts) use it. */
  name: string;
  /** Evidence: positive for the entity, negative for the everyday sense, RULED_OUT to settle it. */
  weigh(s: Scene): number;
  /**
   * For a rule that reads the candidate's sentence: the most `weigh` can give, found without
   * reading it (finite, and never RULED_OUT). A rule without it is cheap, and `judge` uses `weigh`.
   */
  most?(s: Scene): number;
  /**
   * For a rule whose `most` reads the block around the candidate (a search of its own): what `most`
   * can give whatever it reads, and `most` is then never below 0. `judge` asks `most` only when the
   * bound's outcome turns on it.
   */
  ceiling?(s: Scene): number;
  /**
   * For a rule with `most` 0 that only counts against: the least `weigh` can give (finite). `judge`
   * weighs it after the others, and only when it can still tip the outcome.
   */
  least?: number;
}

const counted = (n: number) => Math.min(n, EVIDENCE.wordsCounted);
const domainCount = (s: Scene, d: Domain) => s.sentence.perDomain[DOMAINS.indexOf(d)]!;

/** How much more the page is about the entity's field than about the everyday sense's (kept per sense for the last page). */
function pageDifference(s: Scene): number {
  const { page } = s.block;
  const { sense } = s;
  if (sense.pageSeen !== page) {
    const top = (ds: Domain[]) => ds.reduce((m, d) => Math.max(m, page[d]), 0);
    sense.pageSeen = page;
    sense.pageDifference = top(sense.forDomains) - top(sense.against);
  }
  return sense.pageDifference;
}

/** The ambiguous-candidate rules, cheapest and most decisive first. Exported for the ablation script. */
export const RULES: Rule[] = [
  {
    // Glued into an identifier, path, flag or key chord: "go-llama", "r/llama", "--hf", "Meta+click", "HF/E", `llama`.
    name: 'glued-into-identifier',
    weigh(s) {
      if (!s.isWord) return 0;
      const { before, after } = s;
      const { text } = s.block;
      if (before !== '' && '-/.\\@#$+=~'.includes(before)) return RULED_OUT;
      if (after !== '' && '+@'.includes(after)) return RULED_OUT;
      if ((after === '/' || after === ':') && isWordAt(text, s.c.aliasEnd + 1)) return RULED_OUT;
      if (before === '`' && after === '`') return RULED_OUT;
      return 0;
    },
  },
  {
    // A hyphenated compound is another word ("llama-server", "meta-analysis") unless the second
    // part only modifies ("Llama-based", "Meta-owned", "HF-hosted").
    name: 'hyphen-compound',
    weigh(s) {
      if (!s.isWord || !isHyphenLike(s.after) || !/\p{L}/u.test(s.after2)) return 0;
      const at = s.c.aliasEnd + 1;
      const word = /^\p{L}+/u.exec(s.block.text.slice(at, at + 30))?.[0] ?? '';
      const suffix = word.toLowerCase();
      if (MODIFIER_SUFFIXES.has(suffix) || suffix.endsWith('ed')) return 0;
      // German joins a name to a noun with a hyphen, the noun capitalised ("Meta-Aktie",
      // "Llama-Modelle"): the noun is the compound's head, and speaks as a next word would, for the
      // entity or, as the everyday sense's own noun, against it ("Meta-Tags", "Meta-Analyse").
      if (/^\p{Lu}\p{Ll}/u.test(word) && s.shape !== 'lower' && germanAround(s.block.text, s.c.start)) {
        const cls = classify(suffix);
        // …or, written closed, an everyday word ("Meta-Daten" for "Metadaten").
        const closed = classify(s.block.text.slice(s.c.start, s.c.aliasEnd).toLowerCase() + suffix);
        if (s.sense.notBefore.has(suffix) || (cls | closed) & s.sense.againstBits) return RULED_OUT;
        return cls & s.sense.forBits ? EVIDENCE.headNoun : 0;
      }
      return RULED_OUT;
    },
  },
  {
    // A word before that only the everyday sense takes: "se llama", "on Facebook", "a hugging face".
    name: 'word-before-rules-out',
    weigh: (s) => (!s.possessive && s.prev && s.sense.notAfter.has(s.prev.lower) ? RULED_OUT : 0),
  },
  {
    // The noun after is the everyday sense's own ("meta tags", "FAIR data") or of its domain
    // ("llama wool", "HF radio", "Facebook page").
    name: 'word-after-rules-out',
    weigh: (s) => (s.head && (s.sense.notBefore.has(s.head.lower) || s.nextCls & s.sense.againstBits) ? RULED_OUT : 0),
  },
  {
    // A productive prefix written apart, in lower case, before a word of the field: "meta model", "meta prompt".
    name: 'lower-case-prefix',
    weigh: (s) => (s.sense.lowerCasePrefix && s.shape === 'lower' && s.head && s.nextCls & s.sense.forBits ? RULED_OUT : 0),
  },
  {
    // An emoji among other emoji is a feeling, not a logo.
    name: 'among-emoji',
    weigh(s) {
      if (!s.sense.notAmongEmoji) return 0;
      const { text } = s.block;
      const left = text.slice(Math.max(0, s.c.start - 3), s.c.start).trimEnd();
      const right = text.slice(s.c.end, s.c.end + 3).trimStart();
      const pictographAt = (cp: number) => PICTOGRAPH.test(String.fromCodePoint(cp));
      return (left && pictographAt(codePointEndingAt(left, left.length - 1))) || (right && pictographAt(right.codePointAt(0)!)) ? RULED_OUT : 0;
    },
  },
  {
    // Words of the entity's field in the sentence: "fine-tune Llama on one GPU".
    name: 'sentence-for',
    // Nothing without a word of those domains in the sentence; at most the words counted otherwise.
    most: (s) => (forWordNear(s) ? s.sense.forCeiling : 0),
    ceiling: (s) => s.sense.forCeiling,
    weigh(s) {
      let e = 0;
      for (const d of s.sense.forDomains) {
        e += counted(domainCount(s, d)) * domainWeight(d);
      }
      return e;
    },
  },
  {
    // Words of the everyday sense's domain in the sentence: "a herd of llamas", "HF is a polar molecule".
    // Function words of another language count from two (one "la" or "de" is common in English names).
    name: 'sentence-against',
    most: () => 0,
    weigh(s) {
      let e = 0;
      for (const d of s.sense.against) {
        const n = domainCount(s, d);
        if (FUNCTION_WORD_DOMAINS.has(d) && n < 2) continue;
        e += counted(n) * EVIDENCE.domainWord;
      }
      return -e;
    },
  },
  {
    // What the page is about settles what its sentences leave open ("we switched to Llama last spring"
    // on a page about models). A label in site chrome is not about the page's topic.
    name: 'page',
    // A label gets 0, prose the difference: at most the larger (the block's kind is read from the DOM).
    most: (s) => Math.max(0, pageDifference(s)),
    weigh(s) {
      const { block } = s;
      if (typeof block.kind === 'function') block.kind = block.kind();
      if (block.kind === 'label') return 0;
      return pageDifference(s);
    },
  },
  {
    // An unambiguous mention of ours in the same sentence: the sentence is about our entities.
    name: 'sure-mention-nearby',
    most: (s) => (s.block.sure.length ? EVIDENCE.sureMentionNearby : 0),
    weigh(s) {
      const [start, end] = s.sentenceSpan;
      return s.block.sure.some((o) => o.start >= start && o.end <= end) ? EVIDENCE.sureMentionNearby : 0;
    },
  },
  {
    // Another of our names, of another topic, written as a name in the same sentence ("Kritiker
    // werfen Meta vor, Llama sei nicht quelloffen"): a company and its models, or the hub that hosts
    // them, are named together; the animal and the word "meta" seldom are.
    name: 'related-name-nearby',
    // Nothing without such a name as far as a sentence can reach.
    most: (s) => (relatedNameIn(s, s.c.start - SENTENCE_WINDOW_CHARS, s.c.end + SENTENCE_WINDOW_CHARS) ? EVIDENCE.relatedNameNearby : 0),
    weigh(s) {
      const [start, end] = s.sentenceSpan;
      return relatedNameIn(s, start, end) ? EVIDENCE.relatedNameNearby : 0;
    },
  },
  {
    name: 'company-before-model',
    weigh: (s) => (s.paired ? EVIDENCE.companyBeforeModel : 0),
  },
  {
    // The word the name modifies is of its field: "Llama models", "Meta engineers", a size ("Llama 405B").
    name: 'head-noun',
    weigh: (s) => (s.head && s.nextCls & s.sense.forBits ? EVIDENCE.headNoun : 0),
  },
  {
    // People work "at" a company, and things come "from" or "by" it; a word or a place does not take these.
    name: 'taken-by-preposition',
    weigh: (s) => (s.prev && s.sense.supportedAfter.has(s.prev.lower) ? EVIDENCE.takenByPreposition : 0),
  },
  {
    // A capitalised word that makes one name with the form: "Llama Guard", "Code Llama", "🤗 Datasets".
    name: 'joined-name',
    weigh(s) {
      const j = s.c.joins;
      if (!j.size) return 0;
      const nextJoins = s.head && isCapitalised(s.head.text) && j.has(s.head.lower);
      const prevJoins = s.prev && isCapitalised(s.prev.text) && j.has(s.prev.lower);
      return nextJoins || prevJoins ? EVIDENCE.joinedName : 0;
    },
  },
  {
    // Other capitalised neighbours make another name: "Llama TV", "Ilir Meta", "Meta L." (not in a headline).
    name: 'other-name',
    // Only ever counts against (it reads the sentence to tell a headline): an initial after, another capitalised word before.
    most: () => 0,
    least: -(EVIDENCE.otherCapitalised + Math.max(EVIDENCE.initialAfter, EVIDENCE.otherCapitalised)),
    weigh(s) {
      if (s.shape !== 'title') return 0;
      const { prev, head, c } = s;
      const ours = (w: Word) => c.joins.has(w.lower) || classify(w.lower) & (s.sense.forBits | BIT.ml | BIT.software | BIT.company);
      const [ws] = s.sentenceSpan;
      let e = 0;
      const atSentenceStart = /^[\s"'“‘([*_#>\-–—•·]*$/u.test(s.block.text.slice(ws, prev?.start ?? c.start));
      // German capitalises every noun: there a capitalised neighbour is no sign of another name, an initial still is.
      let german: boolean | undefined;
      const notGerman = () => !(german ??= germanAround(s.block.text, c.start));
      if (prev && isCapitalised(prev.text) && !atSentenceStart && !ours(prev) && notGerman()) e -= EVIDENCE.otherCapitalised;
      if (head && isCapitalised(head.text) && !ours(head)) {
        const initial = head.text.length === 1 && head.dot;
        if (initial || notGerman()) e -= initial ? EVIDENCE.initialAfter : EVIDENCE.otherCapitalised;
      }
      if (!e) return 0;
      const { long, caps } = s.headline;
      return long >= 3 && caps * 10 >= long * 6 ? 0 : e;
    },
  },
];

/** How much evidence a form needs: a capitalised "Llama" is already a name; "llama" and "LLAMA" are not. */
const need = (s: Scene) => (s.shape === 'title' || s.shape === 'mixed' ? s.sense.need.name : s.sense.need.other);

function judge(s: Scene): boolean {
  // First the most the rules can give without reading the sentence: the cheap rules exactly, the
  // others at their bound. Under what the form needs, the full weighing could not reach it either
  // (and a rule that rules the candidate out does so in both). Most everyday uses end here.
  let cheap = 0;
  let most = 0;
  // The bounds that search the block are first taken at their ceiling: they are searched for only
  // when the outcome turns on them (on a page about the field, the page alone often decides).
  let ceilings = 0;
  for (const rule of RULES) {
    if (rule.ceiling) ceilings += rule.ceiling(s);
    else if (rule.most) most += rule.most(s);
    else {
      cheap += rule.weigh(s);
      if (cheap === RULED_OUT) return false;
    }
  }
  const needed = need(s);
  if (cheap + most + ceilings < needed) return false;
  if (cheap + most < needed) {
    for (const rule of RULES) if (rule.ceiling) most += rule.most!(s);
    if (cheap + most < needed) return false;
  }
  // Then the rules that read the sentence, added to what the cheap ones gave; those that only
  // count against last, each only while it can still tip the outcome.
  let e = cheap;
  let floor = 0;
  for (const rule of RULES) {
    if (!rule.most) continue;
    if (rule.least !== undefined) floor += rule.least;
    else {
      e += rule.weigh(s);
      if (e === RULED_OUT) return false;
    }
  }
  for (const rule of RULES) {
    if (rule.least === undefined) continue;
    if (e < needed) return false;
    if (e + floor >= needed) return true;
    floor -= rule.least;
    e += rule.weigh(s);
  }
  return e >= needed;
}

export interface SureRule {
  name: string;
  /** True when the candidate is not a mention at all, whatever its form. */
  rulesOut(text: string, c: Candidate): boolean;
}

/** Rules every candidate goes through, unambiguous ones too. Exported for the ablation script. */
export const SURE_RULES: SureRule[] = [
  {
    // A file, module or host name ("llama.cpp", "LLaMA.swift", "ai.meta.com").
    name: 'file-or-host-name',
    rulesOut(text, c) {
      const after = text[c.aliasEnd] ?? '';
      return after === '.' && /\p{L}/u.test(text[c.aliasEnd + 1] ?? '') && /\p{L}/u.test(text[c.aliasEnd - 1] ?? '');
    },
  },
  {
    // An emoji's name: Unicode calls 🤗 "Hugging Face", and writing about emoji uses the name as a
    // modifier ("the Hugging Face emoji", "the 🤗 emoji"). The company's emoji is "Hugging Face's".
    name: 'emoji-name',
    rulesOut(text, c) {
      return /^[ \t\u00a0]+(?:emoji|emojis|emoticon|emoticons|smiley|smileys)\b/iu.test(text.slice(c.end, c.end + 16));
    },
  },
];

/** Whether a name of another topic than the candidate's lies between `start` and `end` (the names are in order). */
function relatedNameIn(s: Scene, start: number, end: number): boolean {
  const { names } = s.block;
  for (let i = firstAbove(names, start - 1, (c) => c.start); i < names.length && names[i]!.start < end; i++) {
    const o = names[i]!;
    if (o.entry.topic !== s.c.entry.topic && o.end <= end) return true;
  }
  return false;
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

export function decide(text: string, cands: Candidate[], page: PageContext = NO_PAGE, kind: BlockKind | (() => BlockKind) = 'prose'): Mention[] {
  // Ruled out first: a name that is no mention (an emoji's name, a file name) vouches for nothing nearby.
  const named = cands.filter((c) => !SURE_RULES.some((r) => r.rulesOut(text, c)));
  const paired = pairs(text, named);
  const names = named.filter((c) => c.sense && /^\p{Lu}/u.test(text.slice(c.start, c.aliasEnd)) && /\p{Ll}/u.test(text.slice(c.start, c.aliasEnd)));
  const block: Block = { text, sure: named.filter((c) => !c.sense), names, page, kind };
  const kept = named.filter((c) => !c.sense || judge(new Scene(block, c, c.sense, paired.has(c))));
  const out: Mention[] = kept.map((c) => ({ start: c.start, end: c.end, entity: c.entry.entity, topic: c.entry.topic }));
  // A repository path ("meta-llama/Llama-2-7b-hf") names its checkpoint: the organisation takes the
  // checkpoint's family member. (Both stay mentions, as a reader names two things; the content
  // script draws the path as one mark.)
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (text[a.end] === '/' && b.start === a.end + 1 && a.topic === b.topic && kept[i + 1]!.entry.alias.idStem) a.entity = b.entity;
  }
  return out;
}
