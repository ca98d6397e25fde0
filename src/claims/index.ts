/**
 * The claim checker (pure, no DOM): compile the claim data once, then check sentences (or blocks of
 * text, split into sentences) with the matcher's mentions. How it works and what it does not do:
 * docs/claims.md.
 */
export { compileKnowledge, type Knowledge } from './knowledge';
export { checkSentence, type CheckOptions } from './check';
export { checkText } from './text';
export { claimSentences, splitSentences, type ClaimSentence } from './split';
