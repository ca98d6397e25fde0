/**
 * A block of text (a paragraph) as sentences: the checker reads one sentence at a time, with the
 * mentions inside it. Abbreviations ("Oct.", "Inc.", "resp.", "z. B.") and initials do not end a
 * sentence; a full stop after a number does not either ("24. Februar").
 */
import type { Mention } from '../shared/dataset';
import type { Claim } from '../shared/claims';
import { checkSentence, type CheckOptions } from './check';
import type { Knowledge } from './knowledge';

const ABBREVIATION = /(?:^|[\s(])(?:[\p{L}]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Okt|Dez|Inc|Ltd|Corp|Co|resp|vs|etc|approx|ca|bzw|vgl|Nr|Dr|Mr|Mrs|Ms|Prof|St|No|e\.g|i\.e|z\.\s?B|u\.\s?a|d\.\s?h)\.$/iu;

export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…]+["”’»)]*(?=\s+[\p{Lu}\p{N}„“"'‘(«]|\s*$)/gu)) {
    const end = m.index + m[0].length;
    const head = text.slice(start, end);
    if (m[0].startsWith('.') && (ABBREVIATION.test(head.slice(0, head.length - m[0].length + 1)) || /\d\.$/.test(text.slice(start, m.index + 1)))) continue;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** Claims in a block of text; offsets are the block's. */
export function checkText(k: Knowledge, text: string, mentions: Mention[], opts: CheckOptions = {}): Claim[] {
  if (!mentions.length) return [];
  const out: Claim[] = [];
  for (const s of splitSentences(text)) {
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    if (!inside.length) continue;
    const sentence = text.slice(s.start, s.end);
    const shifted = inside.map((m) => ({ ...m, start: m.start - s.start, end: m.end - s.start }));
    for (const c of checkSentence(k, sentence, shifted, opts)) out.push({ ...c, start: c.start + s.start, end: c.end + s.start });
  }
  return out;
}
