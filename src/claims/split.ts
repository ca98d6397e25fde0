/**
 * A block of text (a paragraph) as sentences: the checker reads one sentence at a time, with the
 * mentions inside it. Abbreviations ("Oct.", "Inc.", "resp.", "z. B.") and initials do not end a
 * sentence; a full stop after a day or month number does not either ("24. Februar"); one after a year does.
 *
 * Kept apart from the checker: the background splits each block a page sends here and checks the
 * sentences that name something (src/claims/service.ts, docs/claims.md).
 */
import type { NamedSpan } from '../shared/dataset';
import { CLAIM_SENTENCE_MAX_CHARS } from '../shared/limits';

const ABBREVIATION = /(?:^|[\s(])(?:[\p{L}]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Okt|Dez|Inc|Ltd|Corp|Co|resp|vs|etc|approx|ca|bzw|vgl|Nr|Dr|Mr|Mrs|Ms|Prof|St|No|al|e\.g|i\.e|z\.\s?B|u\.\s?a|d\.\s?h)\.$/iu;

export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…]+["”’»)]*(?=\s+[\p{Lu}\p{N}„“"'‘(«]|\s*$)/gu)) {
    const end = m.index + m[0].length;
    const head = text.slice(start, end);
    if (m[0].startsWith('.') && (ABBREVIATION.test(head.slice(0, head.length - m[0].length + 1)) || /(?<!\d)\d{1,2}\.$/.test(text.slice(start, m.index + 1)))) continue;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** A sentence that names something: where it starts in its block, its text, its mentions (offsets the sentence's). */
export interface ClaimSentence {
  start: number;
  text: string;
  mentions: NamedSpan[];
}

/**
 * The sentences of a block that hold a mention whole, each with those mentions. A "sentence" longer
 * than CLAIM_SENTENCE_MAX_CHARS is not one a reader reads as a statement (a log, a listing, minified
 * text): it is left out.
 */
export function claimSentences(text: string, mentions: NamedSpan[]): ClaimSentence[] {
  if (!mentions.length) return [];
  const out: ClaimSentence[] = [];
  for (const s of splitSentences(text)) {
    if (s.end - s.start > CLAIM_SENTENCE_MAX_CHARS) continue;
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (!inside.length) continue;
    out.push({ start: s.start, text: text.slice(s.start, s.end), mentions: inside.map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start })) });
  }
  return out;
}
