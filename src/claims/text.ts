/**
 * Claims in a block of text: its sentences that name something (split.ts), each checked.
 */
import type { NamedSpan } from '../shared/dataset';
import type { Claim } from '../shared/claims';
import { checkSentence, type CheckOptions } from './check';
import type { Knowledge } from './knowledge';
import { claimSentences } from './split';

/** Claims in a block of text; offsets are the block's. */
export function checkText(k: Knowledge, text: string, mentions: NamedSpan[], opts: CheckOptions = {}): Claim[] {
  const out: Claim[] = [];
  for (const s of claimSentences(text, mentions)) {
    for (const c of checkSentence(k, s.text, s.mentions, opts)) out.push({ ...c, start: c.start + s.start, end: c.end + s.start });
  }
  return out;
}
