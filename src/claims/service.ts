/**
 * The claim check as the background runs it for pages: sentences that name something in, claims
 * with everything their popover shows out. The page sends only sentences and keeps no claim data,
 * so the checker's code, data and compiled patterns stay out of every tab (docs/claims.md).
 */
import type { CheckedClaim, ClaimSetup } from '../shared/claims';
import type { Mention } from '../shared/dataset';
import { checkSentence } from './check';
import { compileKnowledge } from './knowledge';
import { claimLookup, claimView } from './view';

export interface SentenceToCheck {
  text: string;
  mentions: Mention[];
}

export interface ClaimChecker {
  /** The claims of each sentence, in the order asked; offsets are the sentence's. */
  check(sentences: readonly SentenceToCheck[], pageDate?: string): CheckedClaim[][];
}

export function createClaimChecker(setup: ClaimSetup): ClaimChecker {
  const knowledge = compileKnowledge(setup.data, setup.entities);
  const lookup = claimLookup(setup.data, setup.sources);
  // A claim about an entity also belongs to the popovers of the entities that name it as related
  // (a claim about LLaMA 65B is listed under "Llama" too).
  const about = new Map<string, string[]>();
  for (const e of setup.entities) for (const r of e.related) about.set(r, [...(about.get(r) ?? []), e.id]);
  return {
    check(sentences, pageDate) {
      const opts = pageDate ? { pageDate } : {};
      return sentences.map(({ text, mentions }) => {
        for (const m of mentions) {
          if (!(m.start >= 0 && m.start < m.end && m.end <= text.length)) throw new Error(`a mention (${m.start}–${m.end}) lies outside its sentence of ${text.length} characters`);
        }
        return checkSentence(knowledge, text, mentions, opts).map((c) => ({
          start: c.start,
          end: c.end,
          verdict: c.verdict,
          attribute: c.attribute,
          entity: c.entity,
          about: [c.entity, ...(about.get(c.entity) ?? []).filter((id) => id !== c.entity)],
          view: claimView(c, text.slice(c.start, c.end), lookup, pageDate),
        }));
      });
    },
  };
}
