/**
 * A trie over case-folded aliases, stored in typed arrays (an open-addressing hash of
 * (state, unit) → state), walked from word starts only. Finding a word start costs one table read
 * per character; the walk from it costs one hash probe per character of the longest alias prefix
 * found there. Neither depends on the number of aliases, only on the text.
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

export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const asciiWord = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWord[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Whether the character ending just before `i` is a letter, digit, mark or underscore. */
export function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return asciiWord[c] === 1;
  let cp = c;
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) cp = ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return WORD.test(String.fromCodePoint(cp));
}

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

export class Trie {
  private slots = 256;
  private keyState = new Int32Array(this.slots).fill(-1);
  private keyUnit = new Uint16Array(this.slots);
  private target = new Int32Array(this.slots);
  private edges = 0;
  private states = 1;
  private readonly terminals: (number[] | undefined)[] = [undefined];
  /** Per folded first unit: START_WORD | START_ANY. Filled for every unit on first sight (see startKind). */
  private readonly firsts = new Map<number, number>();
  private readonly startCache = new Uint8Array(65536);
  /** Folded ASCII first two units of the aliases (first << 7 | second); a non-ASCII second unit opens the whole row. */
  private readonly pairs = new Uint8Array(128 * 128);

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
    if (f < 128 && g < 128) this.pairs[(f << 7) | g] = 1;
    else if (f < 128) this.pairs.fill(1, f << 7, (f + 1) << 7);
    const kind = WORD.test(String.fromCharCode(f)) || (f < 128 && asciiWord[f] === 1) ? START_WORD : START_ANY;
    this.firsts.set(f, (this.firsts.get(f) ?? 0) | kind);
    this.startCache.fill(0);
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

  /** START_WORD / START_ANY if an alias can start with unit c (any case), else 0; cached per unit. */
  startKind(c: number): number {
    let k = this.startCache[c]!;
    if (k === 0) {
      k = (this.firsts.get(fold(c)) ?? 0) | 4;
      this.startCache[c] = k;
    }
    return k & 3;
  }

  /**
   * The next position at or after `from` where an alias may start: a unit an alias starts with,
   * at a word start unless the alias starts with a symbol. -1 when there is none.
   */
  nextStart(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
      const kind = this.startKind(text.charCodeAt(i));
      if (kind === 0 || (kind === START_WORD && wordBefore(text, i))) continue;
      // Most word starts end here: no alias begins with these two units.
      const a = fold(text.charCodeAt(i));
      const b = text.charCodeAt(i + 1);
      if (a < 128 && b < 128 && this.pairs[(a << 7) | (isSpace(b) ? SEP : isHyphen(b) ? HYPHEN : fold(b))] === 0) continue;
      return i;
    }
    return -1;
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

  /**
   * A native pre-check: a RegExp for the units aliases start with. A block in which it finds none
   * is done without a JavaScript loop over its characters.
   */
  quickCheck(): RegExp {
    const units = new Set<string>();
    for (const f of this.firsts.keys()) {
      const ch = String.fromCharCode(f);
      for (const v of [ch, ch.toUpperCase(), ch.toLowerCase()]) if (v.length === 1) units.add(v);
    }
    const cls = [...units].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    return new RegExp(cls ? `[${cls}]` : '(?!)', 'g');
  }
}
