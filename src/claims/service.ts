/**
 * The claim check as the background runs it for pages: the blocks (or pieces of long blocks) that
 * name something in, claims out. The background splits them into sentences and checks those; the
 * page keeps no claim data, so the checker's code, data and compiled patterns stay out of every tab
 * (docs/claims.md). Claims that rest on the same values with the same verdict share one finding.
 */
import type { CheckedPieces, ClaimPiece, ClaimSetup } from '../shared/claims';
import { checkSentence } from './check';
import { compileKnowledge } from './knowledge';
import { mentionsOf } from './pieces';
import { claimSentences } from './split';
import { claimFinding, claimLookup } from './view';

export interface ClaimChecker {
  /** The claims of these pieces, by piece, in their blocks' offsets. */
  check(pieces: readonly ClaimPiece[], pageDate?: string): CheckedPieces;
}

export function createClaimChecker(setup: ClaimSetup): ClaimChecker {
  const knowledge = compileKnowledge(setup.data, setup.entities);
  const lookup = claimLookup(setup.data, setup.sources);
  // A claim about an entity also belongs to the popovers of the entities that name it as related
  // (a claim about LLaMA 65B is listed under "Llama" too).
  const related = new Map<string, string[]>();
  for (const e of setup.entities) for (const r of e.related) related.set(r, [...(related.get(r) ?? []), e.id]);
  return {
    check(pieces, pageDate) {
      const opts = pageDate ? { pageDate } : {};
      const out: CheckedPieces = { findings: [], claims: [] };
      const findingIndex = new Map<string, number>();
      pieces.forEach((p, piece) => {
        const { text, from, own: [ownFrom, ownTo] } = p;
        const mentions = mentionsOf(p);
        for (const m of mentions) {
          if (!(m.start >= 0 && m.start < m.end && m.end <= text.length && m.entity !== undefined)) {
            throw new Error(`a mention (${m.start + from}–${m.end + from}) lies outside its piece (${from}–${from + text.length}) or names no entity`);
          }
        }
        for (const s of claimSentences(text, mentions)) {
          const first = from + s.start + s.mentions[0]!.start;
          if (first < ownFrom || first >= ownTo) continue;
          for (const c of checkSentence(knowledge, s.text, s.mentions, opts)) {
            const key = [c.verdict, c.attribute, c.entity, c.misreport ?? '', ...c.facts].join('\n');
            let finding = findingIndex.get(key);
            if (finding === undefined) {
              const about = [c.entity, ...(related.get(c.entity) ?? []).filter((id) => id !== c.entity)];
              findingIndex.set(key, (finding = out.findings.push(claimFinding(c, about, lookup, pageDate)) - 1));
            }
            out.claims.push(piece, from + s.start + c.start, from + s.start + c.end, finding);
          }
        }
      });
      return out;
    },
  };
}
