/**
 * A trie over case-folded aliases, stored in typed arrays (an open-addressing hash of
 * (state, unit) → state), walked from word starts only. Word starts that an alias may begin with
 * are found by one native RegExp (the JavaScript loop never visits the other characters); the walk
 * from one costs a hash probe per character of the longest alias prefix found there. Neither
 * depends on the number of aliases, only on the text.
 */

/** An alias space matches a run of whitespace, or one hyphen or underscore ("Llama 2", "Llama-2", "Llama_2"). */
const SEP = 1;
/** An alias hyphen matches a hyphen only ("meta-llama" is an id; "Meta Llama" is two names). */
const HYPHEN = 2;

const foldCache = new Map<number, number>();
/** Simple case folding of one UTF-16 unit; letters whose lower case is longer stay as they are. */
export function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c | 32 : c;
  let f = foldCache.get(c);
  if (f === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    f = s.length === 1 ? s.charCodeAt(0) : c;
    foldCache.set(c, f);
  }
  return f;
}

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const asciiWord = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWord[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

function keyUnits(alias: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    out.push(c === 32 ? SEP : isHyphen(c) ? HYPHEN : fold(c));
  }
  return out;
}

export interface TrieHit {
  /** End (exclusive) of a complete alias. */
  end: number;
  /** Entry indices sharing this folded form, case-sensitive ones first. */
  entries: number[];
}

/** How an alias may start: after a word boundary (it starts with a letter or digit) or anywhere (🤗). */
const START_WORD = 1;
const START_ANY = 2;

/** pairs[]: some alias starting with the pair goes on in ASCII (check its third unit) / may not (OPEN). */
const CHECK_THIRD = 1;
const OPEN = 2;

function tripleBit(a: number, b: number, c: number): number {
  return Math.imul((a << 14) | (b << 7) | c, 0x9e3779b1) >>> 16;
}

export class Trie {
  private slots = 256;
  private keyState = new Int32Array(this.slots).fill(-1);
  private keyUnit = new Uint16Array(this.slots);
  private target = new Int32Array(this.slots);
  private edges = 0;
  private states = 1;
  private readonly terminals: (number[] | undefined)[] = [undefined];
  /** Per folded first unit: START_WORD | START_ANY. */
  private readonly firsts = new Map<number, number>();
  /** Folded ASCII first two units of the aliases (first << 7 | second); a non-ASCII second unit opens the whole row. */
  private readonly pairs = new Uint8Array(128 * 128);
  /**
   * Folded ASCII first three units, hashed into 2^16 bits (a collision only costs a trie walk).
   * With 100,000 aliases nearly every pair is some alias's start; three units still tell most word
   * starts apart. A pair with an alias that ends or leaves ASCII at its third unit is marked OPEN.
   */
  private readonly triples = new Uint8Array(1 << 13);

  add(alias: string, entry: number, caseSensitive: boolean): void {
    const units = keyUnits(alias);
    // One-unit aliases would make every such character a candidate; no real name is that short.
    if (units.length < 2) return;
    let s = 0;
    for (const u of units) {
      let t = this.step(s, u);
      if (t < 0) {
        t = this.states++;
        this.insert(s, u, t);
        this.terminals.push(undefined);
      }
      s = t;
    }
    const list = (this.terminals[s] ??= []);
    if (caseSensitive) list.unshift(entry);
    else list.push(entry);
    const f = units[0]!;
    const g = units[1]!;
    const h = units[2];
    if (f < 128 && g < 128) {
      if (h === undefined || h >= 128) this.pairs[(f << 7) | g]! |= OPEN;
      else {
        this.pairs[(f << 7) | g]! |= CHECK_THIRD;
        const t = tripleBit(f, g, h);
        this.triples[t >> 3]! |= 1 << (t & 7);
      }
    } else if (f < 128) this.pairs.fill(OPEN, f << 7, (f + 1) << 7);
    const kind = WORD.test(String.fromCharCode(f)) || (f < 128 && asciiWord[f] === 1) ? START_WORD : START_ANY;
    this.firsts.set(f, (this.firsts.get(f) ?? 0) | kind);
    this.startsRe = null;
  }

  private hash(s: number, u: number): number {
    return (Math.imul(s, 0x9e3779b1) ^ Math.imul(u, 0x85ebca6b)) & (this.slots - 1);
  }

  private step(s: number, u: number): number {
    const mask = this.slots - 1;
    for (let h = this.hash(s, u); ; h = (h + 1) & mask) {
      const k = this.keyState[h]!;
      if (k === -1) return -1;
      if (k === s && this.keyUnit[h] === u) return this.target[h]!;
    }
  }

  private insert(s: number, u: number, t: number): void {
    if ((this.edges + 1) * 2 > this.slots) this.grow();
    const mask = this.slots - 1;
    let h = this.hash(s, u);
    while (this.keyState[h] !== -1) h = (h + 1) & mask;
    this.keyState[h] = s;
    this.keyUnit[h] = u;
    this.target[h] = t;
    this.edges++;
  }

  private grow(): void {
    const { keyState, keyUnit, target } = this;
    this.slots *= 2;
    this.keyState = new Int32Array(this.slots).fill(-1);
    this.keyUnit = new Uint16Array(this.slots);
    this.target = new Int32Array(this.slots);
    this.edges = 0;
    for (let i = 0; i < keyState.length; i++) if (keyState[i] !== -1) this.insert(keyState[i]!, keyUnit[i]!, target[i]!);
  }

  /**
   * The next position at or after `from` where an alias may start: a unit an alias starts with,
   * at a word start unless the alias starts with a symbol. -1 when there is none. The search for
   * such a unit is native (see starts()); JavaScript only looks at the positions it finds.
   */
  nextStart(text: string, from: number): number {
    const exact = this.startsRe ?? this.seal();
    const quick = this.quickRe!;
    for (quick.lastIndex = from; ; ) {
      // test(), not exec(): no match object per unit. The match is one unit.
      if (!quick.test(text)) return -1;
      const i = quick.lastIndex - 1;
      // Between ASCII units the two agree: there \p{L}\p{N}\p{M}_ is [A-Za-z0-9_], and an ASCII
      // unit folds to an alias's first unit the same way in both. Elsewhere `exact` decides (a
      // unicode RegExp never starts inside a surrogate pair: the pair was looked at from its start).
      if (text.charCodeAt(i) >= 128 || (i > 0 && text.charCodeAt(i - 1) >= 128)) {
        if (isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
        exact.lastIndex = i;
        if (!exact.test(text)) continue;
      }
      // Most word starts end here: no alias begins with these two (or three) units.
      const a = fold(text.charCodeAt(i));
      let b = text.charCodeAt(i + 1);
      if (a >= 128 || b >= 128) return i;
      b = isSpace(b) ? SEP : isHyphen(b) ? HYPHEN : fold(b);
      const pair = this.pairs[(a << 7) | b]!;
      if (pair === 0) continue;
      if (pair & OPEN) return i;
      const c = text.charCodeAt(i + 2);
      // A hyphen or underscore may stand for an alias's space, hyphen or underscore: not decided here.
      if (c >= 128 || isHyphen(c) || c === 95) return i;
      const t = tripleBit(a, b, isSpace(c) ? SEP : fold(c));
      if (this.triples[t >> 3]! & (1 << (t & 7))) return i;
    }
  }

  private startsRe: RegExp | null = null;
  /** The plain first pass (see quickStarts). */
  private quickRe: RegExp | null = null;

  /** Builds the word-start RegExps once all aliases are in (and compiles them, by running them once). */
  seal(): RegExp {
    const starts = this.starts();
    this.startsRe = new RegExp(starts, 'iuy');
    this.startsRe.test('');
    (this.quickRe = this.quickStarts()).test('');
    return this.startsRe;
  }

  /**
   * The units where `starts()` may match, as a plain RegExp: a Unicode RegExp with a `\p{…}`
   * lookbehind is slow to scan with, so `nextStart` scans with this one, and tries the exact one
   * (sticky) only where this one matched beside a unit outside ASCII. ASCII units a word-like alias
   * starts with, in either case, not after an ASCII letter, digit or underscore, with the two
   * non-ASCII letters Unicode folds into ASCII (the long s, the Kelvin sign); ASCII units a symbol
   * alias starts with, anywhere; the high surrogates of symbols outside the BMP (🤗); and if any
   * alias starts with another non-ASCII unit, every non-ASCII unit (the exact RegExp decides).
   * With a large dictionary, whose aliases start with every letter, it stops at every word start;
   * it still scans faster than the exact one.
   */
  private quickStarts(): RegExp {
    let word = '';
    let any = '';
    let other = false;
    let surrogates = '';
    for (const [c, kind] of this.firsts) {
      // A high surrogate stands for a symbol (🤗): no case, it matches only itself.
      if (isHighSurrogate(c)) surrogates += `\\u${c.toString(16)}`;
      else if (c >= 128) other = true;
      else {
        const unit = `\\x${c.toString(16).padStart(2, '0')}`;
        if (kind & START_WORD) word += unit;
        if (kind & START_ANY) any += unit;
      }
    }
    const parts: string[] = [];
    if (word) parts.push(`(?<![A-Za-z0-9_])[${word}\\u017f\\u212a]`);
    if (any) parts.push(`[${any}]`);
    if (other) parts.push('[\\u0080-\\uffff]');
    else if (surrogates) parts.push(`[${surrogates}]`);
    return new RegExp(parts.length ? parts.join('|') : '(?!)', 'gi');
  }

  /**
   * Where aliases may start, as one RegExp: a unit a word-like alias starts with, not preceded by a
   * letter, digit, mark or underscore, or a unit a symbol alias (🤗) starts with, anywhere.
   */
  private starts(): string {
    const word = new Set<string>();
    const any = new Set<string>();
    for (const [c, kind] of this.firsts) {
      // A unicode RegExp sees code points: a high surrogate stands for the 1,024 it can start.
      const cls =
        isHighSurrogate(c)
          ? `\\u{${(((c - 0xd800) << 10) + 0x10000).toString(16)}}-\\u{${(((c - 0xd800) << 10) + 0x103ff).toString(16)}}`
          : `\\u{${c.toString(16)}}`;
      if (kind & START_WORD) word.add(cls);
      if (kind & START_ANY) any.add(cls);
    }
    const parts: string[] = [];
    if (word.size) parts.push(`(?<![\\p{L}\\p{N}\\p{M}_])[${[...word].join('')}]`);
    if (any.size) parts.push(`[${[...any].join('')}]`);
    // Case-insensitive by Unicode's folding, a superset of fold(): the trie walk has the last word.
    return parts.length ? parts.join('|') : '(?!)';
  }

  /** Every alias that starts at `start`, shortest first. */
  walk(text: string, start: number, out: TrieHit[]): void {
    out.length = 0;
    this.walkFrom(text, 0, start, out);
    if (out.length > 1) out.sort((a, b) => a.end - b.end);
  }

  private walkFrom(text: string, s: number, i: number, out: TrieHit[]): void {
    for (;;) {
      const terms = this.terminals[s];
      if (terms && s > 0) out.push({ end: i, entries: terms });
      if (i >= text.length) return;
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        const t = this.step(s, SEP);
        if (t < 0) return;
        i++;
        while (i < text.length && isSpace(text.charCodeAt(i))) i++;
        s = t;
      } else if (isHyphen(c) || c === 95) {
        const sep = this.step(s, SEP);
        const lit = this.step(s, c === 95 ? 95 : HYPHEN);
        if (sep >= 0 && lit >= 0) this.walkFrom(text, sep, i + 1, out);
        s = lit >= 0 ? lit : sep;
        if (s < 0) return;
        i++;
      } else {
        s = this.step(s, fold(c));
        if (s < 0) return;
        i++;
      }
    }
  }
}
