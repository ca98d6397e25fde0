/**
 * The parts of a scanned block the content script sends to be checked, and how the background reads
 * them back. A block is sent whole with the mentions the scan found: the page splits nothing into
 * sentences (the background does, src/claims/service.ts). Only a block longer than
 * CLAIM_PIECE_MAX_CHARS (a long listing, a page in one element) is cut, into pieces that each hold
 * every sentence a claim could be in around the mentions they own.
 *
 * Mentions travel as numbers, three to a mention, not as objects: copying a message is the page's
 * work, and an object per mention made up most of it (docs/performance.md).
 */
import type { ClaimPiece } from '../shared/claims';
import type { Mention, NamedSpan } from '../shared/dataset';
import { CLAIM_CHARS_PER_MESSAGE, CLAIM_PIECE_MAX_CHARS, CLAIM_SENTENCE_MAX_CHARS } from '../shared/limits';

/**
 * A sentence the checker reads is at most CLAIM_SENTENCE_MAX_CHARS long, so the one around a
 * mention lies within that reach on either side of it: a piece reaches that far beyond the
 * mentions it owns, and a sentence cut at a piece's edge is longer than that and left out anyway.
 */
const REACH = CLAIM_SENTENCE_MAX_CHARS;

/** `mentions` in order of their start (the scan finds them so). */
export function claimPieces(text: string, mentions: readonly Mention[]): ClaimPiece[] {
  if (!mentions.length) return [];
  if (text.length <= CLAIM_PIECE_MAX_CHARS) return [piece(text, 0, text.length, mentions, 0, mentions.length, [0, text.length])];
  // Runs of mentions whose reach fits one piece; each run owns the sentences its mentions start.
  const runs: { first: number; last: number }[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const run = runs.at(-1);
    if (run && mentions[i]!.end + REACH - Math.max(0, mentions[run.first]!.start - REACH) <= CLAIM_PIECE_MAX_CHARS) run.last = i;
    else runs.push({ first: i, last: i });
  }
  return runs.map(({ first, last }, k) => {
    const from = Math.max(0, mentions[first]!.start - REACH);
    const to = Math.min(text.length, from + CLAIM_PIECE_MAX_CHARS, mentions[last]!.end + REACH);
    const next = runs[k + 1];
    // Every mention inside, owned or not: a sentence of this piece's is read with all its names.
    let lo = first;
    let hi = last + 1;
    while (lo > 0 && mentions[lo - 1]!.start >= from) lo--;
    while (hi < mentions.length && mentions[hi]!.end <= to) hi++;
    return piece(text, from, to, mentions, lo, hi, [mentions[first]!.start, next ? mentions[next.first]!.start : text.length]);
  });
}

function piece(text: string, from: number, to: number, mentions: readonly Mention[], lo: number, hi: number, own: [number, number]): ClaimPiece {
  const entities: string[] = [];
  const spans: number[] = [];
  for (let i = lo; i < hi; i++) {
    const m = mentions[i]!;
    let e = entities.indexOf(m.entity);
    if (e < 0) e = entities.push(m.entity) - 1;
    spans.push(m.start, m.end, e);
  }
  return { text: to - from === text.length ? text : text.slice(from, to), from, entities, mentions: spans, own };
}

/** A piece's mentions as the checker reads them, with offsets into the piece's text. */
export function mentionsOf({ from, entities, mentions }: ClaimPiece): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (let i = 0; i + 2 < mentions.length; i += 3) out.push({ start: mentions[i]! - from, end: mentions[i + 1]! - from, entity: entities[mentions[i + 2]!]! });
  return out;
}

/** Reads a `claims/check` reply's claims, four numbers each (CheckedPieces). */
export function forEachClaim(claims: readonly number[], f: (piece: number, start: number, end: number, finding: number) => void): void {
  for (let i = 0; i + 3 < claims.length; i += 4) f(claims[i]!, claims[i + 1]!, claims[i + 2]!, claims[i + 3]!);
}

/** Pieces (or things that carry one) in the order given, grouped into messages of at most CLAIM_CHARS_PER_MESSAGE characters. */
export function inMessages<T>(items: readonly T[], pieceOf: (item: T) => ClaimPiece): T[][] {
  const out: T[][] = [];
  let chars = Infinity;
  for (const item of items) {
    const n = pieceOf(item).text.length;
    if (chars + n > CLAIM_CHARS_PER_MESSAGE) {
      out.push([]);
      chars = 0;
    }
    out.at(-1)!.push(item);
    chars += n;
  }
  return out;
}
