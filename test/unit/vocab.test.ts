import { describe, expect, it } from 'vitest';
import { forEachLongWord } from '../../src/matcher/rules';
import { ASCII_LOOKALIKES, BIT, EVIDENCE_WORD, VOCAB, WordSearch } from '../../src/matcher/vocab';

/** Every match of a global RegExp, as [start, end] pairs. */
function allMatches(re: RegExp, text: string): [number, number][] {
  const global = new RegExp(re.source, 'giu');
  return [...text.matchAll(global)].map((m) => [m.index, m.index + m[0].length]);
}

/** Every match `find` gives, resuming at each match's end (as a global RegExp does). */
function found(search: WordSearch, text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = search.find(text, 0); at >= 0; at = search.find(text, search.end)) out.push([at, search.end]);
  return out;
}

describe('plain RegExps as a first pass', () => {
  it('rely on Unicode folding only the long s and the Kelvin sign into ASCII (the word-start search lists them)', () => {
    const asciiLetter = /^[a-z]$/iu;
    const found: string[] = [];
    for (let c = 128; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (asciiLetter.test(String.fromCharCode(c))) found.push(c.toString(16));
    }
    expect(found).toEqual(['17f', '212a']);
  });
});

describe('vocabulary word search', () => {
  it('lists every non-ASCII character that a Unicode case-insensitive RegExp or toLowerCase reads as a vocabulary letter', () => {
    // The quick search has no `u` flag: a character it does not fold to the letter must be listed.
    const letters = [...new Set([...VOCAB.keys()].join('') + 'xbmk0123456789')].map((w) => {
      const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return { w, unicode: new RegExp(`^${escaped}$`, 'iu'), plain: new RegExp(`^${escaped}$`, 'i') };
    });
    const missing: string[] = [];
    for (let c = 128; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      for (const { w, unicode, plain } of letters) {
        const readAs = unicode.test(ch) || lower === w;
        const quick = plain.test(ch) || ASCII_LOOKALIKES[w] === ch;
        if (readAs && !quick) missing.push(`U+${c.toString(16)} as ${w}`);
      }
      // A lower case of several characters keeps a mark (İ → i̇): never a vocabulary word or a part of one.
      if (lower.length > 1) expect(/\p{M}/u.test(lower), `U+${c.toString(16)}`).toBe(true);
    }
    expect(missing).toEqual([]);
  });

  it('finds exactly what the exact RegExp finds, part words, lookalikes and sizes included', () => {
    const texts = [
      'We fine-tuned the model on 8 GPUs; a meta-analysis of FINE-TUNING-free runs followed.',
      'The \u212aeyboard and the Ctrl key; 7\u212a and 8x7B and 1.5B and 70b-chat; cla\u017fs.',
      'Llamas graze on the Andes; the herd’s wool and the alpaca’s fleece. Vicuña, VICUÑA, según la granja.',
      'GPT-4, LLMs, API’s, HTML head tags, HF radio at 7 MHz, hydrogen-fluoride etching, xoxo thanks!',
      'remodel maintain said again: no words here but parts of words; ai ai-based AI. modèle modele.',
      '',
    ];
    const searches = [EVIDENCE_WORD, new WordSearch(BIT.ml | BIT.software), new WordSearch(BIT.animal), new WordSearch(BIT['meta-word'])];
    for (const search of searches) {
      for (const text of texts) expect(found(search, text), text).toEqual(allMatches(search.exact, text));
    }
    expect(found(EVIDENCE_WORD, texts[0]!).length).toBeGreaterThan(3);
  });

  it('finds exactly what the exact RegExp finds beside any kind of neighbour, ASCII or not', () => {
    // Vocabulary words (and their parts and longer forms) in every case, between neighbours of each
    // kind: ASCII letters, digits and marks, letters outside ASCII, the lookalikes, surrogates.
    const words = [...VOCAB.keys(), '7b', '8x7b', '1.5b', '12bn', '70b', '405B', '3\u212a'];
    const around = ['', ' ', '-', '_', 'a', 'Z', '7', '.', 'é', 'ñ', 'Ü', '\u017f', '\u212a', 'ß', '\u0301', '🤗', '中'];
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length]!;
    const cased = (w: string) => (seed % 3 === 0 ? w.toUpperCase() : seed % 3 === 1 ? w : w[0]!.toUpperCase() + w.slice(1));
    let hits = 0;
    const searches = [EVIDENCE_WORD, new WordSearch(BIT.animal), new WordSearch(BIT.ml | BIT.software)];
    for (let i = 0; i < 3000; i++) {
      const w = pick(words);
      const text = `${pick(around)}${cased(pick([w, w.slice(0, -1), `${w}s`]))}${pick(around)} ${pick(around)}${cased(pick(words))}${pick(around)}`;
      for (const search of searches) {
        const expected = allMatches(search.exact, text);
        hits += expected.length;
        expect(found(search, text), text).toEqual(expected);
      }
    }
    expect(hits).toBeGreaterThan(500);
  });
});

describe('long words (is a sentence a headline?)', () => {
  /** What forEachLongWord stands for: TOKEN with \p classes, then the first letter's class. */
  function reference(text: string): [number, string, boolean][] {
    return [...text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)]
      .filter((m) => m[0].length >= 4 && /^\p{L}/u.test(m[0]))
      .map((m) => [m.index, m[0], /^\p{Lu}/u.test(m[0])]);
  }
  function read(text: string): [number, string, boolean][] {
    const out: [number, string, boolean][] = [];
    forEachLongWord(text, (at, token, capitalised) => out.push([at, token, capitalised]));
    return out;
  }

  it('reads text whose letters are ASCII with a plain RegExp into the same tokens as the Unicode one, and other text with the Unicode one', () => {
    // Units that decide a token's edges and class: letters of each case, digits, the joiners
    // (' . - and ’), spaces and punctuation (any unit of the General Punctuation block, the
    // no-break space, guillemets), and letters, marks and symbols outside ASCII.
    const punctuation = () => String.fromCharCode(0x2000 + (seed % 0x70));
    const plain = ['a', 'b', 'Z', 'Q', '7', '0', "'", '’', '.', '-', ' ', '_', '@', '\n', 'word', 'Name', '2024', '\u00a0', '«', '»', punctuation];
    const other = ['é', 'Ü', '\u0301', 'ß', '🤗', '中', 'ª', '²', 'µ', '\u2070', '\u0660'];
    let seed = 11;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length]!;
    const unit = (xs: readonly (string | (() => string))[]) => {
      const u = pick(xs);
      return typeof u === 'string' ? u : u();
    };
    let words = 0;
    for (let i = 0; i < 6000; i++) {
      const units = i % 4 === 0 ? [...plain, ...other] : plain;
      const text = Array.from({ length: 4 + (i % 29) }, () => unit(units)).join('');
      const expected = reference(text);
      words += expected.length;
      expect(read(text), JSON.stringify(text)).toEqual(expected);
    }
    expect(words).toBeGreaterThan(3000);
  });
});
