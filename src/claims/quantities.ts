/**
 * Numbers as people write them: "65B", "65 billion", "65-billion-parameter", "1.4T", "1,400 billion",
 * "1,4 Billionen", "~40 trillion tokens", "128K", "2,048", and lists and ranges of them ("7B, 13B,
 * and 70B", "6 and 13B", "7 to 70B", "from 7B to 65B").
 */
import { HEDGES, MAGNITUDE_LETTERS, MAGNITUDE_WORDS, NUMERALS, magnitude, type Lang } from './lexicon';

export type QuantityWord = 'parameters' | 'tokens' | 'repositories' | 'users';

export interface Quantity {
  start: number;
  end: number;
  value: number;
  /** The magnitude written (B, billion, K…) or borrowed: "6" in "6 and 13B" takes its list's. */
  scale?: number;
  hedge?: 'approx' | 'atLeast' | 'atMost';
  /** The noun written right after the number, if any. */
  word?: QuantityWord;
  /** "active" or "total", for mixture-of-experts sizes. */
  part?: 'active' | 'total';
}

export interface QuantityGroup {
  start: number;
  end: number;
  items: Quantity[];
  /** "7 to 70B", "from 7B to 65B", "between 7B and 70B". */
  range: boolean;
}

const hedgeWords = [...HEDGES.approx, ...HEDGES.atLeast, ...HEDGES.atMost].sort((a, b) => b.length - a.length);
const hedgeAlt = [
  ...hedgeWords.filter((h) => !/\p{L}/u.test(h)),
  `\\b(?:${hedgeWords.filter((h) => /\p{L}/u.test(h)).map((h) => h.replace(/\./g, '\\.')).join('|')})`,
].join('|');

const NUMBER_WORD = Object.keys(NUMERALS).sort((a, b) => b.length - a.length).join('|');
const NUMBER = String.raw`\d{1,3}(?:[,.\u202f\u00a0]\d{3})+(?![\d])|\d+(?:[.,]\d+)?|(?:${NUMBER_WORD})(?=(?:\s+|-)(?:${MAGNITUDE_WORDS})(?![\p{L}]))`;
const QUANTITY = new RegExp(
  String.raw`(?:(?<hedge>${hedgeAlt})\s*)?(?<![\p{L}\d.,$€£/:#-])(?<![\p{L}]-)(?<num>${NUMBER})` +
    String.raw`(?:(?<letter>${MAGNITUDE_LETTERS})(?![\p{L}\d])|(?:\s+|-)(?<word>${MAGNITUDE_WORDS})(?![\p{L}]))?` +
    String.raw`(?![\p{L}\d%:°])(?<tail>(?:[\s-]+(?:active|total|aktive\w*))?[\s-]+(?<unit>param(?:eter)?s?|Parametern?|tokens?|Token|repositor(?:y|ies)|Repositor\w+|(?:monthly\s+)?(?:active\s+)?users|(?:monatlich\w*\s+)?(?:aktive\w*\s+)?Nutzer\w*)(?![\p{L}]))?`,
  'gu',
);
/** A word after a bare number that makes it a count of that thing ("16 experts"), unlike a list's link ("6 and 13B"). */
const COUNTED_NOUN = /^[\s-]+(?!(?:and|or|und|oder|to|bis)\b)\p{L}/iu;
const JOIN = /^\s*(?:,\s*(?:and|or|und|oder|&)?|and|or|und|oder|&|\/)\s*$/i;
const TO = /^\s*(?:to|-|–|bis)\s*$/i;
const BETWEEN = /\b(?:between|zwischen)\s+$/i;

function parseNumber(raw: string, lang: Lang): number {
  const word = NUMERALS[raw.toLowerCase()];
  if (word !== undefined) return word;
  if (/^\d{1,3}(?:[,.\u202f\u00a0]\d{3})+$/.test(raw)) return Number(raw.replace(/[,.\u202f\u00a0]/g, ''));
  // A decimal comma is German; in English "1,4" does not occur as a number.
  return Number(lang === 'de' ? raw.replace(',', '.') : raw.replace(',', '.'));
}

function unitOf(raw: string | undefined): QuantityWord | undefined {
  if (!raw) return undefined;
  if (/^param|^Parameter/i.test(raw)) return 'parameters';
  if (/^token/i.test(raw)) return 'tokens';
  if (/^repositor/i.test(raw)) return 'repositories';
  return 'users';
}

/** Every number in `text` outside the masked spans (mention names such as "Llama 3.1" or "LLaMA-13B"). */
export function findQuantities(text: string, lang: Lang, masked: { start: number; end: number }[]): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups!;
    const numStart = m.index + m[0].indexOf(g.num!, g.hedge ? g.hedge.length : 0);
    if (masked.some((r) => numStart < r.end && numStart >= r.start)) continue;
    const scale = g.letter ? magnitude(g.letter, lang) : g.word ? magnitude(g.word, lang) : undefined;
    const value = parseNumber(g.num!, lang) * (scale ?? 1);
    if (!Number.isFinite(value)) continue;
    const hedgeWord = g.hedge?.toLowerCase();
    const hedge = hedgeWord
      ? HEDGES.approx.includes(hedgeWord)
        ? 'approx'
        : HEDGES.atLeast.includes(hedgeWord)
          ? 'atLeast'
          : 'atMost'
      : undefined;
    const tail = g.tail ?? '';
    const q: Quantity = {
      start: g.hedge ? m.index : numStart,
      end: m.index + m[0].length,
      value,
    };
    if (scale !== undefined) q.scale = scale;
    if (hedge) q.hedge = hedge;
    const word = unitOf(g.unit);
    if (word) q.word = word;
    if (/active|aktiv/i.test(tail)) q.part = 'active';
    else if (/total/i.test(tail)) q.part = 'total';
    else {
      const total = /^\s*total\b/i.exec(text.slice(q.end));
      if (total) {
        q.part = 'total';
        q.end += total[0].length;
      }
    }
    out.push(q);
  }
  return out;
}

/**
 * Joins adjacent quantities into lists and ranges. Unscaled items take the magnitude of the list's
 * last scaled item ("6 and 13B" is 6B and 13B), and a list's noun applies to every item. Two items
 * written with different magnitudes are two things, not one list ("70B, 2T tokens": a size and a
 * token count; "405B, 128K context").
 */
export function groupQuantities(text: string, qs: Quantity[]): QuantityGroup[] {
  const groups: QuantityGroup[] = [];
  let current: QuantityGroup | undefined;
  for (const q of qs) {
    const last = current?.items.at(-1);
    const gap = current ? text.slice(current.end, q.start) : '';
    const scaled = current?.items.findLast((i) => i.scale !== undefined)?.scale;
    const sameKind = scaled === undefined || q.scale === undefined || q.scale === scaled;
    // A bare number that counts the noun after it is no item of a list of amounts: "~109B, 16 experts".
    const countsNoun = q.scale === undefined && !q.word && COUNTED_NOUN.test(text.slice(q.end));
    if (current && last && !last.word && sameKind && !countsNoun && (JOIN.test(gap) || TO.test(gap))) {
      current.items.push(q);
      current.end = q.end;
    } else {
      current = { start: q.start, end: q.end, items: [q], range: false };
      groups.push(current);
    }
  }
  for (const g of groups) {
    if (g.items.length === 2) {
      const gap = text.slice(g.items[0]!.end, g.items[1]!.start);
      const before = text.slice(0, g.start);
      g.range = TO.test(gap) || (/^\s*(?:and|und)\s*$/i.test(gap) && BETWEEN.test(before));
    }
    const scale = [...g.items].reverse().find((i) => i.scale !== undefined)?.scale;
    const word = g.items.at(-1)?.word;
    for (const i of g.items) {
      if (i.scale === undefined && scale !== undefined) {
        i.value *= scale;
        i.scale = scale;
      }
      if (word && !i.word) i.word = word;
    }
  }
  return groups;
}

/** True when `claimed` (as written, with its hedge) agrees with a true value. */
export function quantityAgrees(claimed: Quantity, truth: number, tolerance: number): boolean {
  const close = Math.abs(claimed.value - truth) <= truth * tolerance;
  switch (claimed.hedge) {
    case 'approx':
      return Math.abs(claimed.value - truth) <= truth * Math.max(tolerance, 0.1);
    case 'atLeast':
      return close || truth >= claimed.value;
    case 'atMost':
      return close || truth <= claimed.value;
    default:
      return close;
  }
}
