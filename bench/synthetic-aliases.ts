/**
 * The bench's synthetic dictionary: aliases with the shapes of the real ones, seeded, so the bench
 * (bench/page-entry.ts) and the output digest (scripts/mention-digest.ts) use the same 100,000.
 */
import type { Alias, DictionaryEntry } from '../src/shared/dataset';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'pl', 'st', 'tr', 'qu', 'sk', 'zh', 'x'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'x', 'k', 'm'];

/**
 * Aliases with the shapes of the real ones (names, two-word names, versions, sizes, checkpoint ids,
 * domains, acronyms), so the prefilter and trie see the same kind of keys as in production.
 */
export function syntheticAliases(bundled: readonly DictionaryEntry[], n: number, seed: number): Alias[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const word = (): string => {
    let w = '';
    const syllables = 2 + Math.floor(rnd() * 2);
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS);
    return w + pick(CODAS);
  };
  const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const seen = new Set<string>(bundled.map((d) => d.alias.text.toLowerCase()));
  const out: Alias[] = [];
  while (out.length < n) {
    const shape = rnd();
    let text: string;
    let caseSensitive = false;
    if (shape < 0.25) {
      text = cap(word());
      caseSensitive = true;
    } else if (shape < 0.4) {
      text = `${cap(word())} ${cap(word())}`;
      caseSensitive = rnd() < 0.5;
    } else if (shape < 0.55) {
      text = `${cap(word())}${pick([' ', '', ' v'])}${1 + Math.floor(rnd() * 9)}${rnd() < 0.3 ? `.${Math.floor(rnd() * 9)}` : ''}`;
    } else if (shape < 0.65) {
      text = `${cap(word())} ${pick([7, 8, 13, 30, 34, 65, 70, 405])}B`;
    } else if (shape < 0.78) {
      text = `${word()}-${word()}${rnd() < 0.5 ? `-${1 + Math.floor(rnd() * 9)}` : ''}`;
    } else if (shape < 0.86) {
      text = `${word()}${pick(['.co', '.ai', '.io', '.org'])}`;
    } else if (shape < 0.93) {
      text = `${word()}_${word()}`;
    } else {
      // Four letters and up: random three-letter acronyms would hit real ones (CPU, API) on the pages.
      text = Array.from({ length: 4 + Math.floor(rnd() * 3) }, () => String.fromCharCode(65 + Math.floor(rnd() * 26))).join('');
      caseSensitive = true;
    }
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, caseSensitive, ambiguous: false });
  }
  return out;
}

