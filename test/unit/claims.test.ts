/**
 * The claim checker on sentences written for these tests (not the corpus's), with the real matcher
 * and the bundled claim data: what it confirms, what it contradicts, and, as important, where it
 * must say nothing. Each "says nothing" case names the rule that keeps it silent.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkText, claimSentences, compileKnowledge } from '../../src/claims';
import { CLAIM_CHARS_PER_MESSAGE, CLAIM_PIECE_MAX_CHARS, CLAIM_SENTENCE_MAX_CHARS } from '../../src/shared/limits';
import { claimPieces, forEachClaim, inMessages, mentionsOf } from '../../src/claims/pieces';
import { createClaimChecker } from '../../src/claims/service';
import { buildDictionary, compileMatcher, pageContext } from '../../src/matcher';
import { claimSetup, type ClaimData } from '../../src/shared/claims';
import type { Alias, Entity, Source } from '../../src/shared/dataset';
import { validateClaims } from '../../scripts/claims-validate';
import { loadDataFolder } from '../../scripts/data-folder';
import { fileURLToPath } from 'node:url';

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8')) as T;
const entities = read<Entity[]>('entities.json');
const claimData = read<ClaimData>('claims.json');
const matcher = compileMatcher(buildDictionary(entities, read<Record<string, Alias[]>>('aliases.json')));
const knowledge = compileKnowledge(claimData, entities);

/** Claims in a block read as the extension reads one, as "verdict attribute entity «span»" lines, easy to read in a failure. */
function check(text: string, pageDate?: string): string[] {
  const mentions = matcher.find(text, pageContext(text));
  return checkText(knowledge, text, mentions, pageDate ? { pageDate } : {}).map(
    (c) => `${c.verdict} ${c.attribute} ${c.entity} «${text.slice(c.start, c.end)}»${c.misreport ? ` (${c.misreport})` : ''}`,
  );
}

describe('claim checker: confirms and contradicts', () => {
  it.each([
    ['LLaMA was announced on 24 February 2023.', ['supported release-date llama-1 «24 February 2023»']],
    ['Meta unveiled LLaMA on February 27, 2023.', ['contradicted release-date llama-1 «February 27, 2023» (llama-1-paper-date)']],
    ['Meta hat Llama 2 am 19. Juli 2023 veröffentlicht.', ['contradicted release-date llama-2 «19. Juli 2023» (llama-2-july-19)']],
    ['LLaMA wurde Ende Februar 2023 vorgestellt.', ['supported release-date llama-1 «Ende Februar 2023»']],
    ['Llama 4 launched in March 2025.', ['contradicted release-date llama-4 «March 2025»']],
    ['Llama 3.3 70B (November 2024) is a single model.', ['contradicted release-date llama-3-3 «November 2024»']],
    ['Llama 2 comes in 7B, 13B, 34B and 70B sizes.', ['contradicted sizes llama-2 «7B, 13B, 34B and 70B» (llama-2-34b)']],
    ['Llama 2 comes in 7B, 13B, 34B and 70B sizes (the 34B version was not released).', ['supported sizes llama-2 «7B, 13B, 34B and 70B»']],
    ['LLaMA ranges from 7 billion to 65 billion parameters.', ['supported sizes llama-1 «7 billion to 65 billion parameters»']],
    ['LLaMA ranges from 7B to 70B parameters.', ['contradicted sizes llama-1 «7B to 70B parameters»']],
    ['LLaMA 65B was trained on 1,400 billion tokens.', ['supported training-tokens llama-1 «1,400 billion tokens»']],
    ['Das Modell LLaMA wurde mit 1,4 Billionen Token trainiert.', ['supported training-tokens llama-1 «1,4 Billionen Token»']],
    ['Llama 2 was pretrained on 1.4T tokens.', ['contradicted training-tokens llama-2 «1.4T tokens»']],
    ['Llama 3 has a 4K context window.', ['contradicted context-length llama-3 «4K»']],
    ['Llama 3.1 supports a 128K context.', ['supported context-length llama-3-1 «128K»']],
    ['Llama 4 Maverick has 17B active parameters out of 400B total.', ['supported sizes llama-4 «17B active parameters out of 400B total»']],
    ['Llama 4 Scout has 17B active parameters out of 209B total.', ['contradicted sizes llama-4 «17B active parameters out of 209B total»']],
    ['LLaMA leaked on 4chan on March 10, 2023.', ['supported leak llama-leak «4chan»', 'contradicted leak llama-leak «March 10, 2023»']],
    ['LLaMA leaked on 4chan two months after it was announced.', ['supported leak llama-leak «4chan»', 'contradicted leak llama-leak «two months after»']],
    ['Less than a week after it was announced, LLaMA leaked as a torrent.', ['supported leak llama-leak «Less than a week after»', 'supported leak llama-leak «torrent»']],
    ['The CEO of Hugging Face, Thomas Wolf, spoke first.', ['contradicted hf-ceo hugging-face «CEO of Hugging Face, Thomas Wolf»']],
    ['Hugging Face CEO Clem Delangue spoke first.', ['supported hf-ceo hugging-face «Hugging Face CEO Clem Delangue»']],
    ['Die geleakten LLaMA-Gewichte wurden nach einem Staff-Update von Hugging Face auf GitHub entfernt.', ['contradicted takedown meta-dmca-takedown «Staff-Update» (takedown-staff-update)']],
    ['Laut einem Mitarbeiter-Update von Hugging Face wurden die LLaMA-Gewichte im März 2023 von GitHub entfernt.', ['contradicted takedown meta-dmca-takedown «Mitarbeiter-Update» (takedown-staff-update)']],
    ['Hugging Face, whose CEO is Thomas Wolf, hosts the weights.', ['contradicted hf-ceo hugging-face «Hugging Face, whose CEO is Thomas Wolf»']],
    ["Hugging Face's CEO is Clément Delangue.", ["supported hf-ceo hugging-face «Hugging Face's CEO is Clément Delangue»"]],
    ['Der Hugging-Face-CEO Julien Chaumond äußerte sich.', ['contradicted hf-ceo hugging-face «Hugging-Face-CEO Julien Chaumond»']],
    ['LLaMA stands for Large Language Meta Architecture.', ['contradicted name llama-1 «stands for Large Language Meta Architecture»']],
    ['The LLaMA PR was merged into HuggingFace Diffusers.', ['contradicted hf-llama-support hugging-face-llama «Diffusers»']],
    ['Facebook announced on Friday, October 29, 2021 that it would be known as Meta.', ['contradicted rename meta-platforms «Friday, October 29, 2021»']],
    ['Llama 2 allows commercial use, but companies with over 500 million monthly active users need a licence.', [
      'supported licence llama-2 «commercial use»',
      'contradicted licence llama-2 «over 500 million monthly active users»',
    ]],
    ['Llama 2 is open for commercial use, unlike LLaMA, which was released for research purposes only.', [
      'supported licence llama-2 «commercial use»',
      'supported licence llama-1 «for research purposes»',
    ]],
    ['Hugging Face\u2019s CEO, Clément Delangue, posted a staff update to GitHub about a user\u2019s LLaMa repository.', [
      'supported hf-ceo hugging-face «Hugging Face’s CEO, Clément Delangue»',
      'contradicted takedown meta-dmca-takedown «staff update» (takedown-staff-update)',
    ]],
    // An auxiliary before the frame is the frame's own, in English and in German's verb bracket.
    ['On 3 March 2023, LLaMA was leaked on 4chan.', ['supported leak llama-leak «3 March 2023»', 'supported leak llama-leak «4chan»']],
    ['Ende Februar hatte Meta sein Modell LLaMA angekündigt.', ['supported release-date llama-1 «Ende Februar»']],
    // A full stop after a month or a day ends the sentence; only an abbreviated month takes one ("Feb.").
    ['The LLaMA weights leaked on March 10.', ['contradicted leak llama-leak «March 10»']],
    ['Meta announced LLaMA in Feb. 2023.', ['supported release-date llama-1 «Feb. 2023»']],
    // A copula makes the noun a participle modifies one with the subject.
    ['Llama 3.1 is Meta\u2019s family of open models, released on July 23, 2024.', ['supported release-date llama-3-1 «July 23, 2024»']],
    // A value followed by "for" and a name is that name's, whatever the subject.
    ['Llama 3 has an 8K context window, compared with 4K for Llama 2.', ['supported context-length llama-3 «8K»', 'supported context-length llama-2 «4K»']],
    // A list of sizes is several models, judged by any of their values; "up from 2048 in LLaMA" is LLaMA's.
    ['LLaMA 7B and 65B were trained on 1T and 1.4T tokens, respectively.', ['supported training-tokens llama-1 «1T and 1.4T tokens»']],
    ['Llama 2 supports 4096 tokens of context, up from 2048 in LLaMA.', ['supported context-length llama-2 «4096 tokens»', 'supported context-length llama-1 «2048»']],
    // Values that differ by model: a sentence about one model by its size is judged by that model's value.
    ['LLaMA 65B was trained on 1 trillion tokens.', ['contradicted training-tokens llama-1 «1 trillion tokens»']],
    ['LLaMA 7B was trained on 1T tokens.', ['supported training-tokens llama-1 «1T tokens»']],
    // A year after a sentence-initial preposition is a date like any other.
    ['In 2020, Facebook changed its name to Meta.', ['contradicted rename meta-platforms «In 2020»']],
    // The event's own verb beside the misreported wording names the event, whatever else the sentence names.
    ['A staff update from Hugging Face took down the leaked model files.', [
      'contradicted takedown meta-dmca-takedown «staff update» (takedown-staff-update)',
    ]],
    // The end of a change whose model the sentence does not name is left alone.
    ['Compared to Llama 1, the context grew from 2048 to 8192 tokens.', ['supported context-length llama-1 «from 2048»']],
    ['Llama 2 doubled the context compared to Llama 1, from 2048 to 4096 tokens.', [
      'supported context-length llama-1 «from 2048»',
      'supported context-length llama-2 «to 4096 tokens»',
    ]],
    // A change's new amount is the changer's; the name between the verb and "to" held the old one.
    ["Llama 2 doubled LLaMA's context window to 4,096 tokens.", ['supported context-length llama-2 «4,096 tokens»']],
    // Two quantities written with different magnitudes are two things, not one list.
    ['Llama 2 comes in 70B, 2T tokens of training data.', ['supported training-tokens llama-2 «2T tokens»']],
    ['Llama 3.1 \u2014 8B / 70B / 405B, 128K context', ['supported context-length llama-3-1 «128K»']],
    // At the same distance, the frame in the date's own phrase takes it, not one across a comma.
    ['After LLaMA leaked in March, Meta released Llama 2 in July.', [
      'supported leak llama-leak «March»',
      'supported release-date llama-2 «July»',
    ]],
    // The month May is no modal.
    ['Since May Meta has shipped Llama 3 with an 8K context window.', ['supported context-length llama-3 «8K»']],
    ['With Llama 3.1, Meta expanded the context window of Llama 3 to 128K tokens.', ['supported context-length llama-3-1 «128K tokens»']],
    ['Llama 2 verdoppelte das Kontextfenster von LLaMA auf 4096 Token.', ['supported context-length llama-2 «4096 Token»']],
    ["Llama 2 extended LLaMA's context window from 2,048 to 4,096 tokens.", [
      'supported context-length llama-1 «from 2,048»',
      'supported context-length llama-2 «to 4,096 tokens»',
    ]],
    // A negation reaches only a few words: "didn't bother denying" is not the statement's verb.
    ['Meta didn\u2019t bother denying the LLaMA leak as it said this in a statement to Motherboard.', ['supported statement llama-leak «Motherboard»']],
    // With no other name to be the changer, the changed model has the new amount.
    ["Meta extended Llama 3.1's context window to 128K tokens.", ['supported context-length llama-3-1 «128K tokens»']],
    // One model named by its size as a version of the family is judged by that model's value.
    ['The 7B version of LLaMA was trained on 1.4 trillion tokens.', ['contradicted training-tokens llama-1 «1.4 trillion tokens»']],
    ['Die 7B-Variante von LLaMA wurde mit 1,4 Billionen Token trainiert.', ['contradicted training-tokens llama-1 «1,4 Billionen Token»']],
    // An actor as the release verb's subject: what was released stands after the verb, not before it.
    ['After Llama 3, Meta released Llama 4 Scout in April 2025.', ['supported release-date llama-4 «April 2025»']],
    ['After LLaMA, Meta quietly released Llama 2 and its chat models in July 2023.', ['supported release-date llama-2 «July 2023»']],
    ['Nach Llama 3 veröffentlichte Meta Llama 4 Scout im April 2025.', ['supported release-date llama-4 «April 2025»']],
    // A value opening a parenthesis after a name is that name's, even after "vs.".
    ['Llama 2 (4K context) vs. LLaMA (2K context).', ['supported context-length llama-2 «4K»', 'supported context-length llama-1 «2K»']],
    // A capital that only starts the sentence is no other subject's name.
    ['Companies with more than 700 million monthly users need a special license to use Llama 2.', ['supported licence llama-2 «more than 700 million monthly users»']],
    // A relative clause opened by "whose" is about the name before it.
    ['Unlike Llama 2, whose license required companies above 700 million monthly users to ask Meta for permission, Llama 3 dropped the MAU clause entirely.', [
      'supported licence llama-2 «700 million monthly users»',
    ]],
    // A model named by name is judged by its own value (byName); one named after a comma opens a clause of its own.
    ['Llama 4 Maverick offers a 10-million-token context window.', ['contradicted context-length llama-4 «10-million-token»']],
    ['Llama 4 Scout was trained on roughly 40 trillion tokens, Maverick on 22 trillion.', ['supported training-tokens llama-4 «roughly 40 trillion tokens»']],
    // A quote mark is no word: the negation is within reach.
    ['Contrary to some reports, the first LLaMA was not handed out as a "beta test"; it shipped under a non-commercial research licence.', [
      'supported licence llama-1 «non-commercial»',
    ]],
    // A sentence that names the event itself (llama-dl, OpSec) is about it, whichever of our names it mentions.
    ['On 20 March 2023, Hugging Face sent GitHub a DMCA notice against shawwn/llama-dl.', ['contradicted takedown meta-dmca-takedown «Hugging Face»']],
    // The actor of a passive verb stands after "by".
    ['Thanks to a takedown notice filed by Hugging Face on 20 March 2023, GitHub disabled llama-dl and all of its forks.', [
      'contradicted takedown meta-dmca-takedown «Hugging Face»',
    ]],
    // Only the nearest release verb takes a date: a farther one does not take the date of one that found no name of ours.
    ['MENLO PARK, Calif. (AP) — Meta, the company that announced on Thursday, Oct. 28, 2021, that Facebook, Inc. would become Meta Platforms, Inc., unveiled a research model called LLaMA on Feb. 24, 2023, and said access would be granted to researchers on request.', ['supported release-date llama-1 «Feb. 24, 2023»']],
    // A release verb is no release noun: the names before it are not its owner.
    ['The U.S. company Meta released Llama 2 in July 2023.', ['supported release-date llama-2 «July 2023»']],
    // Numbers written as words before a magnitude.
    ['Llama 4 Scout offers a context window of one million tokens, the same as Maverick.', ['contradicted context-length llama-4 «one million tokens»']],
    ['Llama 2 wurde mit zwei Billionen Token trainiert.', ['supported training-tokens llama-2 «zwei Billionen Token»']],
    // A citation's year is no count; a multiple's base is what is compared with.
    ['Llama 3 (AI@Meta, 2024) extended the context window to 32K tokens.', ['contradicted context-length llama-3 «32K tokens»']],
    ['We build on Llama 2 (Touvron et al., 2023b), whose models saw a 4,096-token context, twice the 2,048 tokens of its predecessor.', [
      'supported context-length llama-2 «4,096-token»',
    ]],
    // A name after "after" with a date and another name to follow: the date is the other's.
    ['Meta hat nach Llama 3 im April 2025 Llama 4 veröffentlicht.', ['supported release-date llama-4 «April 2025»']],
    // A later date than a merge is judged when the sentence speaks of the merge.
    ['The LLaMA pull request was merged into Transformers in April 2023.', [
      'supported hf-llama-support hugging-face-llama «Transformers»',
      'contradicted hf-llama-support hugging-face-llama «April 2023»',
    ]],
  ])('%s', (text, expected) => {
    expect(check(text)).toEqual(expected);
  });
});

describe('claim checker: says nothing', () => {
  // Each case names the rule that keeps the checker silent (or keeps it to what it can tell); remove the rule and the case fails.
  it.each([
    ['no mention of our entities, however wrong', 'It was released on February 14, 2023 in 7B and 175B sizes.', []],
    ['a definite list refers to models, it does not state the sizes', 'Someone ran the 7B and 13B LLaMA models on a phone.', []],
    ['sizes next to other models\u2019 names are theirs', 'LLaMA beat models such as Mistral 8B and Gemma 9B.', []],
    ['a vocabulary counted in tokens is not a context', 'Llama 3 widened its context handling with a 128,000-token vocabulary.', []],
    ['a period is not an event', 'Meta trained LLaMA between December 2022 and February 2023 before it was announced.', []],
    ['a relative clause is about its own noun', 'Llama 2 includes Code Llama, which was trained on 500 billion tokens of code.', []],
    ['a duration without its starting point', 'One day later, LLaMA leaked on 4chan.', ['supported leak llama-leak «4chan»']],
    ['a family name inside another product\u2019s name', 'Code Llama was trained on 500 billion tokens.', []],
    ['a negated licence phrase', 'LLaMA was not released for commercial use.', []],
    ['a single size that may be a later generation\u2019s', 'Llama 3 shipped 8B and 70B models, with a 405-billion-parameter model following.', ['supported sizes llama-3 «8B and 70B»']],
    ['a near-miss size is rounding, not an error', 'LLaMA-13B beats the 170-billion-parameter GPT-3.', ['supported gpt3 gpt-3 «LLaMA-13B beats»']],
    ['"known as Meta" followed by a product name', 'Oculus Quest will now be known as Meta Quest.', []],
    ['a release verb\u2019s object is the first name after it', 'Stanford released Alpaca on March 13, 2023, about three weeks after LLaMA was announced.', []],
    ['the model a likeness is drawn to is not the subject', 'Llama 3.3 offers similar performance to Llama 3.1 405B and was released in December.', ['supported release-date llama-3-3 «December»']],
    ['a wording is not confirmed when its clause gives a rival value (which, as the passive\u2019s agent, is contradicted)', 'Meta\u2019s DMCA takedown was sent by Hugging Face staff.', [
      'contradicted takedown meta-dmca-takedown «Hugging Face»',
    ]],
    ['the model a comparison is drawn with ("than that used for …") is not the subject', 'It was trained on over 15T tokens of data, a dataset seven times larger than that used for Llama 2.', []],
    ['a misreported wording without its event', 'Hugging Face posted a staff update about its new pricing.', []],
    // A date belongs to the verb nearest it.
    ['a date a reporting verb takes is the report\u2019s', 'LLaMA leaked online last week, Meta confirmed on March 8, 2023.', []],
    ['after the frame, an auxiliary opens a verb phrase of its own', 'LLaMA, which leaked on 4chan, was mirrored by others on March 10.', ['supported leak llama-leak «4chan»']],
    ['a date opening a clause after a comma is the next verb\u2019s', 'LLaMA leaked, and on March 20 Meta wrote to GitHub.', []],
    ['a frame inside a temporal clause about another event does not take the date outside it', 'In March 2023, a week after Meta announced LLaMA, the weights leaked.', []],
    ['the start of a state is not an event', 'Meta, the parent company of Facebook since 2021, released LLaMA in 2023.', ['supported release-date llama-1 «in 2023»']],
    ['a name inside a relative clause set off by commas is not the subject of the verb after it', 'Alpaca, which Stanford built on LLaMA 7B, was released on March 13, 2023.', []],
    ['a clause that calls what it reports wrong does not assert it', 'The site wrongly claimed that a staff update from Hugging Face\u2019s CEO took down LLaMA on GitHub.', []],
    ['a verb that forbids turns a licence phrase around', 'The LLaMA license forbids commercial use and applies to all four sizes.', []],
    ['a clause that supposes what did not happen does not assert it', 'If Meta had released LLaMA in January 2023, the leak might have come sooner.', []],
    ['a clause that expects something does not assert it', 'Meta is expected to release Llama 3 in July 2024, according to The Information.', []],
    ['a clause that only allows something does not assert it', 'Meta could release Llama 3 in July 2024.', []],
    ['a clause that wants something does not assert it', 'Meta wanted to release LLaMA in January 2023.', []],
    ['the model a thing is built on is not its subject', 'Code Llama, built on Llama 2, came in 7B, 13B and 34B sizes.', []],
    ['a clause with a subject of its own does not continue the sentence\u2019s', 'Meta\u2019s Llama 3.2 Vision is available in 11B and 90B sizes, while Mistral offers 7B and 22B models.', ['supported sizes llama-3-2 «11B and 90B»']],
    ['a participle after a phrase of its own modifies that phrase\u2019s noun', 'Hugging Face\u2019s Transformers library added LLaMA in version 4.28, released in April 2023.', []],
    ['another event of the same kind is not this one (identifiedBy)', 'Hugging Face took down copies of LLaMA uploaded by users.', []],
    ['a date inside a relative clause set off by commas is that clause\u2019s', 'GitHub, which Microsoft bought in 2018, took down the llama-dl repository after Meta complained.', []],
    ['values that differ by model: a model size the data does not tie to a value', 'LLaMA 30B was trained on 1.4T tokens.', []],
    ['a verb negated before its value does not state the value', 'Contrary to some reports, Llama 2 was not trained on 1.4 trillion tokens.', []],
    ['a misreport\u2019s wording negated does not repeat it', 'LLaMA was never a beta test; Meta offered it to researchers under a non-commercial license.', []],
    ['a name set aside by "not" is not the subject, and its negation ends at the comma', 'Llama 2, not LLaMA, was trained on 2 trillion tokens.', ['supported training-tokens llama-2 «2 trillion tokens»']],
    ['a bare relative after a point of comparison may be a cleft\u2019s', 'It was Llama 2 rather than LLaMA that was trained on 2 trillion tokens.', []],
    ['values paired with names in order are not read as the nearest name\u2019s', 'Llama 3 and Llama 3.1 were released in April and July 2024, respectively.', []],
    ['a rival library named without the true one makes the date another event\u2019s', 'Hugging Face\u2019s Diffusers library added LLaMA support on March 16, 2023.', []],
    ['an expansion that goes on past a small word is not cut there', 'LLaMA is short for Large Language Model by Meta AI.', []],
    ['a change of size is two models\u2019 sizes, not a range of one\u2019s', "Llama 2 upped the parameter count of LLaMA's largest model from 65B to 70B.", []],
    ['a model the data does not list among its entity\u2019s released ones has none of their values', 'Meta released Llama 4 Behemoth in April 2025.', []],
    ['a later date than a merge may be the release that shipped it (laterUnlessSaid)', 'LLaMA support landed in Hugging Face Transformers in April 2023.', ['supported hf-llama-support hugging-face-llama «Transformers»']],
    ['a release as a noun after another name is that name\u2019s', 'LLaMA support shipped in a Transformers release in April 2023.', ['supported hf-llama-support hugging-face-llama «Transformers»']],
    ['an actor whose verb is negated did not do it', 'Clem Delangue did not take down LLaMA; Meta\u2019s DMCA notice to GitHub did.', ['supported takedown meta-dmca-takedown «Meta»']],
    ['\u2026nor one named by a size its entity did not release', 'Llama 3 405B was released in April 2024.', []],
    ['values set against each other beside names set against each other are paired in order', 'Llama 2 vs. LLaMA: 2T vs. 1.4T tokens, 4K vs. 2K context.', []],
    ['a question asserts nothing', 'Was Llama 2 trained on 1.4 trillion tokens?', []],
    ['\u2026in German too', 'Hat Meta LLaMA im Januar 2023 veröffentlicht?', []],
    ['a near miss did not happen', 'Meta nearly released Llama 2 in June 2023.', []],
    ['a release verb in the infinitive is an aim', 'Meta tried to release Llama 3 in March 2024.', []],
    ['\u2026in German too', 'Meta plant, Llama 3 im Juli 2024 zu veröffentlichen.', []],
    ['a clause that passes on a rumour does not assert it', 'Laut Gerüchten wird Meta Llama 3 im Juli veröffentlichen.', []],
    ['a clause without a name continues the sentence\u2019s subject, not a name after its verb', 'Code Llama is a fine-tune of Llama 2 with code-specific datasets; 7B, 13B, and 34B versions were released on August 24, 2023.', []],
    ['a licence phrase whose verb after it is negated', 'Meta let researchers apply for LLaMA access; commercial use was not allowed.', []],
    ['a value\u2019s clause with a subject of its own named like a product is that one\u2019s', 'Falcon 180B was trained on 3.5 trillion tokens, far more than the 2 trillion Meta used for Llama 2.', []],
    ['\u2026or like a model the data names', 'Scout was pretrained on roughly 40 trillion tokens and Maverick on about 22 trillion, both well beyond the 15 trillion-plus used for Llama 3.3.', []],
    ['\u2026or with a capital inside it', 'DeepSeek-V3 reports 671B total and 37B active parameters, figures that often come up next to Meta\u2019s Llama in mixture-of-experts discussions.', []],
    ['another of the entity\u2019s models named by itself near the value', 'Llama 4 Scout offers a 10-million-token context window, ten times the 1 million tokens of its sibling Maverick.', [
      'supported context-length llama-4 «10-million-token»',
    ]],
    ['a value of an unnamed other model ("of its predecessor") is not the subject\u2019s', 'Meta Platforms on Tuesday, July 18, 2023, released Llama 2 in versions with 7 billion, 13 billion and 70 billion parameters, and said businesses could use it commercially, a shift from the research-only terms of its predecessor (Reuters).', [
      'supported release-date llama-2 «Tuesday, July 18, 2023»',
      'supported sizes llama-2 «7 billion, 13 billion and 70 billion parameters»',
    ]],
    ['\u2026a number too', 'Llama 2 has a 4,096-token context, twice as long as the 2,048 tokens of its predecessor.', ['supported context-length llama-2 «4,096-token»']],
    ['what the writer trains is the writer\u2019s', 'Following Hoffmann et al. (2022), we train a 1.3B-parameter model on 26B tokens and compare its loss curve against publicly released Llama checkpoints.', []],
    ['an unnamed member of a family has none of the family\u2019s values', 'Behemoth, the largest member of the Llama 4 herd with 288 billion active parameters and roughly two trillion in total, was only previewed in April 2025 and not released alongside Scout and Maverick.', []],
    ['a participle set off by a comma after another noun is that noun\u2019s', 'Hugging Face\u2019s Open LLM Leaderboard, launched in 2023, soon listed thousands of Llama fine-tunes, many of them clustered between 60 and 75 on its average score.', []],
    ['a bound far from every true value says little (CLAIM_BOUND_SLACK)', 'Llama 3 was trained on more than 5 trillion tokens.', []],
    ['a comma and a word that opens another clause keep a date and a frame apart (CLAUSE_JOIN)', 'Facebook hatte am 28. Oktober 2021 seine Umbenennung in Meta angekündigt, weshalb die Takedown-Mitteilung vom März 2023 im Namen von Meta Platforms, Inc. verschickt wurde.', ["supported rename meta-platforms «28. Oktober 2021»"]],
    ['a bare number that counts the noun after it is no item of a list', 'Llama 4 arrived on a Saturday, 5 April 2025, with Scout (17B active parameters out of roughly 109B, 16 experts) and Maverick (17B active out of roughly 400B, 128 experts), while the 2-trillion-parameter Behemoth was only previewed.', ["supported sizes llama-4 «17B active parameters»"]],
    ['an actor is not looked for across a clause of another event', 'Der Support für LLaMA in Hugging Face Transformers wurde am 16. März 2023 gemergt, also vier Tage bevor die DMCA-Mitteilung an GitHub datiert wurde.', ["supported hf-llama-support hugging-face-llama «Transformers»"]],
    ['a name inside an aside of comparison is what is compared with', 'Llama 2 was released under the Llama 2 Community License, which, unlike the non-commercial research licence of the original LLaMA, allows commercial use.', ["supported licence llama-2 «Community License»"]],
    ['a clause that asks \u201cwhether\u201d does not assert', 'Whether Meta will release a successor to Llama 4 in 2026 is something nobody outside the company can say for sure, and any answer claiming a precise date should be taken with a grain of salt.', []],
    ['a date in a clause whose subject is \u201cwe\u201d is the writer\u2019s', 'We surveyed 48 stakeholders in 2024 about Meta\u2019s Llama releases, and 29 of them said they wanted clearer guidance from regulators before deploying such models.', []],
    ['a date that modifies a release\u2019s noun is not another event\u2019s', 'When the weights leaked about a week after the 24 February announcement, they spread via BitTorrent rather than through a direct download from Meta.', ["supported leak llama-leak «BitTorrent»"]],
    ['\u201cthis release\u201d is the page\u2019s own', 'Changelog 2.1: since Hugging Face withdrew the free GPU grant for the community Spaces chansung/LLaMA-7B and LLaMA-13B on 7 March 2023, this release drops the demo links.', []],
    ['the old amount of a change is the earlier model\u2019s', 'Between the original LLaMA of February 2023 and Llama 4 of April 2025, the maximum context window grew from 2,048 tokens to 10 million in Llama 4 Scout.', []],
    ['a point of comparison before a date is not the date\u2019s name', 'Meta released a successor to Llama 3 in July 2024.', []],
    ['a clause that denies does not assert', 'It is not true that Meta released three Llama 4 models in April 2025, since Behemoth was only previewed.', []],
    ['\u2026nor one that asks whether it happened', 'Whether Meta released Llama 3 in March 2024 is disputed on some forums.', []],
    ['a clause whose subject is another product keeps its values, wherever that name stands before the value', 'Together AI\u2019s RedPajama dataset, published in April 2023 with 1.2 trillion tokens, set out to reproduce the LLaMA training data, and the OpenLLaMA project followed in May 2023 with 7B weights under Apache 2.0.', []],
    ['a clause of another product\u2019s (after \u201cw\u00e4hrend\u201d) does not continue the sentence\u2019s subject', 'Llama 2 erschien am 18. Juli 2023 in den Größen 7B, 13B und 70B, wurde mit 2 Billionen Token trainiert und durfte kommerziell genutzt werden, sofern ein Unternehmen nicht mehr als 700 Millionen monatlich aktive Nutzer hatte, während das Falcon-40B des TII im Mai 2023 mit einer Billion Token trainiert worden war.', ["supported release-date llama-2 «18. Juli 2023»", "supported training-tokens llama-2 «2 Billionen Token»", "supported licence llama-2 «kommerziell genutzt»"]],
    ['\u201cthe same as\u201d opens an aside of comparison', 'Llama 2 was trained on 1.4 trillion tokens, the same as LLaMA\u2019s largest model, and released on 18 July 2023 with a 4K context, about seven weeks before Falcon 180B appeared on 6 September with 3.5 trillion tokens.', ["contradicted training-tokens llama-2 «1.4 trillion tokens»", "supported context-length llama-2 «4K»"]],
    ['a value in a subordinate clause about another event is not the name\u2019s before it (OTHER_EVENT_CLAUSE)', 'Llama 3 arrived on April 18, 2024 with 8B and 70B models trained on more than 15 trillion tokens and an 8K context window, about two months after Google released its open Gemma models in 2B and 7B sizes on February 21.', ["supported sizes llama-3 «8B and 70B»", "supported training-tokens llama-3 «more than 15 trillion tokens»", "supported context-length llama-3 «8K»"]],
    ['a date in a temporal phrase of another event (\u201cafter its founding in \u2026\u201d) is that event\u2019s', 'When Facebook announced on Friday, 29 October 2021, that it would rename itself Meta Platforms, some 17 years after its founding in February 2004, few expected that its LLaMA model would leak on 4chan within about a week of its 24 February 2023 announcement.', ["contradicted rename meta-platforms «Friday, 29 October 2021»", "supported leak llama-leak «4chan»"]],
    ['GPT-3\u2019s size is a value beside its name, not one after it in another clause', 'The original LLaMA, announced on 24 February 2023, offered a 4,096-token context window, twice the 2,048 tokens of OpenAI\u2019s GPT-3 from 2020, and its 65B model was trained on 1.4 trillion tokens.', ["supported release-date llama-1 «24 February 2023»", "contradicted context-length llama-1 «4,096-token»"]],
    ['\u2026in German too', 'Nach Angaben von Meta übertraf das 13-Milliarden-Modell von LLaMA das 175-Milliarden-Modell GPT-3 auf den meisten Benchmarks, und das größte LLaMA-Modell hatte 70 Milliarden Parameter, genauso viele wie DeepMinds Chinchilla aus dem Jahr 2022.', ["supported gpt3 gpt-3 «175-Milliarden»"]],
    ['a release said in another event\u2019s clause does not make a date after a name a release date', 'Hugging Face, dessen CEO Clément Delangue ist, nahm LLaMA am 16. März 2023 in die Transformers-Bibliothek auf, also nur drei Tage nachdem Stanford mit Alpaca ein auf 52.000 Anweisungen feinabgestimmtes 7B-Modell vorgestellt hatte.', ['supported hf-ceo hugging-face «Hugging Face, dessen CEO Clément Delangue»']],
    ['acronyms are no product names (LLMs)', 'On April 18th, 2024, Meta released Llama 3 Large Language Models (LLMs), pretrained and instruction tuned generative text models in the 8B and 70B parameter sizes.', ["supported release-date llama-3 «April 18th, 2024»", "supported sizes llama-3 «8B and 70B parameter»"]],
    ['German nouns before a size are no product names', 'Wie Meta mitteilte, steht Llama 3.1 seit dem 23. Juli 2024 in den Größen 8B, 70B und 405B zur Verfügung, wobei alle Varianten ein Kontextfenster von 128.000 Token bieten.', ["supported context-length llama-3-1 «128.000 Token»"]],
    ['a model of the name\u2019s own entity is no other product', 'Llama 4 arrived on a Saturday, 5 April 2025, with Scout (17B active parameters out of roughly 109B, 16 experts) and Maverick (17B active out of roughly 400B, 128 experts), while the 2-trillion-parameter Behemoth was only previewed.', ["supported sizes llama-4 «17B active parameters»"]],
    ['a hyphen before a capital does not make a product name (Vision-Modelle)', 'Llama 3.2 umfasst Textmodelle mit 1 und 3 Milliarden Parametern sowie multimodale Vision-Modelle mit 11 und 70 Milliarden Parametern.', ["supported sizes llama-3-2 «1 und 3 Milliarden Parametern»", "contradicted sizes llama-3-2 «11 und 70 Milliarden Parametern»"]],
    ['the total of a mixture-of-experts model is in its phrase, not another\u2019s after a clause join', 'On Sunday, April 6, 2025, Meta released Llama 4 Scout and Maverick, both with 17 billion active parameters, and previewed Behemoth, a model with about 2 trillion total parameters, while Google\u2019s Gemini 2.5 Pro, launched on March 25, still led the LMArena leaderboard.', ["contradicted release-date llama-4 «Sunday, April 6, 2025»", "supported sizes llama-4 «17 billion active parameters»"]],
    ['a date in a participial phrase set off by commas is that phrase\u2019s', 'Georgi Gerganov\u2019s llama.cpp, first pushed to GitHub on March 10, 2023, let people run Meta\u2019s leaked model on a MacBook with an M1 chip, and by mid-2024 the project had gathered tens of thousands of stars, more than many of Meta\u2019s own repositories.', []],
    ['a name after \u201cnach\u201d or \u201cafter\u201d marks a time, not the value\u2019s owner', 'Googles Gemma erschien am 21. Februar 2024 mit 2 und 7 Milliarden Parametern, knapp ein Jahr nach LLaMA, das Meta am 24. Februar 2023 unter einer nicht-kommerziellen Forschungslizenz veröffentlicht hatte und dessen größtes Modell 65 Milliarden Parameter umfasste.', []],
    ['\u201cneither \u2026 nor\u201d negates', 'Contrary to what some blogs claimed in early 2023, LLaMA was neither a \u2019beta test\u2019 nor released without a licence; it came under a non-commercial bespoke licence.', ["supported release-date llama-1 «early 2023»", "supported licence llama-1 «non-commercial»"]],
    ['a copula negated after a value says the value is not it (NEGATED_AFTER)', 'Worth remembering: the arXiv date of the LLaMA paper, 27 February 2023, is not the release date, since Meta\u2019s blog post went up on the 24th.', []],
    ['a document\u2019s date (\u201cnotice dated 20 March\u201d) is not a frame\u2019s after it', 'Between the leak in early March 2023 and the DMCA notice dated 20 March, Hugging Face had already added LLaMA to Transformers, on 16 March.', ["supported leak llama-leak «early March 2023»", "supported hf-llama-support hugging-face-llama «Transformers»"]],
    ['an event someone reacted to takes the reaction\u2019s date (REACTION_TO)', 'Hugging Face reacted to the leak on 7 March 2023 by withdrawing the free GPU grant it had given to the community Spaces chansung/LLaMA-7B and LLaMA-13B, saying LLaMA was not allowed to be deployed in any form.', []],
    ['a number after the word \u201cTokenizer\u201d is its vocabulary, no context', 'Der Tokenizer von Llama 3 umfasst 128.256 Einträge – nicht zu verwechseln mit dem Kontextfenster, das erst später wuchs.', []],
    ['\u2026nor a tokenizer\u2019s', 'Llama 3 swapped LLaMA\u2019s 32,000-token vocabulary for a 128K-token tokenizer, yet its context window stayed at a modest 8,192 tokens.', ["supported context-length llama-3 «8,192 tokens»"]],
    ['a derivative of a name (\u201ca LLaMA fine-tune\u201d) is another model (DERIVATIVE_AFTER)', 'Stanford\u2019s Alpaca, a LLaMA fine-tune that reportedly cost under $600 to produce, was unveiled on 13 March 2023.', []],
    ['in a list of events each item carries its own date', 'It all went quickly: Meta announced LLaMA on 24 February, the paper reached arXiv on 27 February, the weights leaked on 4chan on 3 March.', ["supported release-date llama-1 «24 February»", "supported leak llama-leak «4chan»", "supported leak llama-leak «3 March»"]],
    ['\u2026in German too', 'Die Chronik: das Paper auf arXiv am 27. Februar, der Leak der LLaMA-Gewichte auf 4chan am 3. März.', ["supported leak llama-leak «4chan»", "supported leak llama-leak «3. März»"]],
    ['models named by a list of sizes are judged by each size\u2019s value', "LLaMA 7B and 13B were trained on 1.4T tokens.", ["contradicted training-tokens llama-1 «1.4T tokens»"]],
    ['\u2026paired in order with as many values', "LLaMA 7B and 65B were trained on 1.4T and 1T tokens, respectively.", ["contradicted training-tokens llama-1 «1.4T and 1T tokens»"]],
    ['a share denied is a negation (\u201cnothing to do with\u201d)', "Hugging Face had nothing to do with the takedown of llama-dl on GitHub.", []],
    ['\u2026in German too (\u201ckeine Rolle\u201d)', "Hugging Face spielte keine Rolle beim DMCA-Takedown von llama-dl auf GitHub.", []],
    ['a participle after a determiner names no event (\u201cthe leaked LLaMA weights\u201d)', "On 9 March 2023, GitHub removed the leaked LLaMA weights from a fork network.", []],
    ['a release verb that takes a clause of its own releases nothing', "In a post on 20 March 2023, Hugging Face announced it was removing the LLaMA weights.", []],
    ['another name releasing another name keeps the date', "While Meta was dealing with the LLaMA leak, Google released Bard on March 21, 2023.", []],
    ['the sizes of a model said to be unreleased are not judged as released ones', "Behemoth, the biggest Llama 4 model at 288B active parameters, has only been previewed and was not released.", []],
    ['a name after \u201cknown as Meta\u201d is not the company (meta-llama)', "The weights now live in the repository known as meta-llama/llama.", []],
    ['an English name with a version number is another product (Gemma 2)', "Google's Gemma 2 shipped in 2B, 9B and 27B sizes, and reviewers compared it with Meta's Llama models.", []],
    ['\u2026and with a mixture\u2019s size (Mixtral 8x7B)', "Mixtral 8x7B was trained with a 32K context and is hosted on Hugging Face next to Meta's Llama models.", []],
    ['a takedown\u2019s sender does not stand across a clause a date opens', "Die Chronik: Anfang März gelangten die LLaMA-Gewichte auf 4chan, am 16. März folgte der Support in Hugging Face Transformers, am 20. März datierte die DMCA-Mitteilung an GitHub.", ["supported hf-llama-support hugging-face-llama «16. März»", "supported hf-llama-support hugging-face-llama «Transformers»"]],
    ['the library\u2019s support is named by the library or its merge (GPU support is not)', "Hugging Face switched off GPU support for the LLaMA demo Spaces on 9 March 2023.", []],
    ['a participial phrase after another name holds that name\u2019s values', "Google's Gemma, released in February 2024 in 2B and 7B sizes, was read as an answer to Meta's Llama.", []],
    ['a definite value with another product\u2019s name in its phrase is that product\u2019s', "Llama 3 was trained on 15T tokens, far beyond the 3 trillion tokens Google used for its Gemma 2B model.", ["supported training-tokens llama-3 «15T tokens»"]],
    ['a date after a noun and \u201cof\u201d is that noun\u2019s', "The wording Meta chose in its blog post of 2 March 2023 also appears in the DMCA notice that OpSec Online LLC filed with GitHub.", ["supported takedown meta-dmca-takedown «Meta»"]],
    ['a release after another name\u2019s possessive is that name\u2019s', "Critics compared the LLaMA leak with OpenAI's staged release in 2019 of its GPT-2 model.", []],
    ['in a relative clause a date right after the release verb is the verb\u2019s', "The acronym LLaMA names a family of models that Meta announced on 2 March 2023 and whose weights later became the subject of a DMCA notice.", ["supported takedown meta-dmca-takedown «Meta»"]],
    ['a value inside an aside of comparison is the compared thing\u2019s', "Meta released Llama 2 with a community licence, in contrast to the non-commercial licence used for the original LLaMA.", ["supported licence llama-2 «community licence»", "supported licence llama-1 «non-commercial»"]],
    ['\u2026and says nothing when the aside names none of ours', "LLaMA was trained on 1.4 trillion tokens, compared with 300 billion tokens for GPT-3.", ["supported training-tokens llama-1 «1.4 trillion tokens»"]],
    ['sizes right before a name are that name\u2019s models', "The context was 8K for Llama 3 and 128K for Llama 3.3, except for the quantized 1B and 3B Llama 3.2 models.", ["supported context-length llama-3 «8K»", "supported sizes llama-3-2 «1B and 3B»"]],
    ['a name with a citation after it is a cited work\u2019s (OPT)', "OPT (Zhang et al., 2022), trained on about 180 billion tokens, is often seen as a precursor to Meta's LLaMA.", []],
    ['a release participle after another product\u2019s name is that product\u2019s', "Llama 3.1 was often compared with Qwen2.5-72B, released by Alibaba in September 2024.", []],
    ['a value inside a parenthesis after another product\u2019s name is that product\u2019s', "DeepSeek-V3 (December 2024; 671B total, 37B active, 14.8T tokens, 64K context) and Llama 3.1 405B (23 July 2024; about 15T tokens, 128K context) are often compared.", ["supported release-date llama-3-1 «23 July 2024»", "supported context-length llama-3-1 «128K»"]],
    ['a release verb inside a relative clause closed before the name is the clause\u2019s noun\u2019s', "Im Vergleich zu DeepSeek-R1, das am 20. Januar 2025 unter MIT-Lizenz erschien, schneiden die Llama-Modelle schwächer ab.", []],
    ['\u2026nor their sizes', 'Llama 4 Behemoth, a 288B active parameter model with 16 experts, is still training.', []],
  ])('%s', (_rule, text, expected) => {
    expect(check(text), text).toEqual(expected);
  });

  it('does not use a role holder known only up to an earlier day against a later page', () => {
    const text = 'The CEO of Hugging Face, Thomas Wolf, spoke first.';
    expect(check(text, '2024-01-01')).toHaveLength(1);
    expect(check(text, '2026-01-01')).toEqual([]);
  });

  it('reads a weekday alone as a day of the week before the page\u2019s date', () => {
    // LLaMA was announced on Friday 24 February 2023; "on Friday" in a story of 10 March is 3 March.
    const text = 'Meta released LLaMA on Friday.';
    expect(check(text, '2023-02-27')).toEqual(['supported release-date llama-1 «Friday»']);
    expect(check(text, '2023-03-10')).toEqual([]);
    expect(check(text)).toEqual(['supported release-date llama-1 «Friday»']);
  });
});

describe('claim data validation', () => {
  const dataset = (() => {
    const r = loadDataFolder(fileURLToPath(new URL('../../src/data', import.meta.url)));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.dataset;
  })();
  const broken = (edit: (d: ClaimData) => void): string[] => {
    const copy = structuredClone(claimData);
    edit(copy);
    const r = validateClaims(copy, dataset);
    return r.ok ? [] : r.errors;
  };

  it('accepts the bundled data', () => {
    const r = validateClaims(claimData, dataset);
    if (!r.ok) throw new Error(r.errors.join('\n'));
  });

  it('names a value without sources, an unknown source, entity or frame, and a broken pattern', () => {
    expect(broken((d) => (d.values[0]!.sources = []))).toEqual([expect.stringMatching(/values\[0\] \(id "llama-1-release-date"\): sources must not be empty/)]);
    expect(broken((d) => (d.values[0]!.sources = ['nowhere']))).toEqual([expect.stringContaining('source "nowhere" does not match any source')]);
    expect(broken((d) => (d.values[0]!.entity = 'llama-9'))).toEqual([expect.stringContaining('entity "llama-9" does not match any entity')]);
    expect(broken((d) => ((d.values[0] as { frame: string }).frame = 'nope'))).toEqual([expect.stringContaining('frame "nope" is not defined')]);
    expect(broken((d) => (d.frames.release = ['(unclosed']))).toEqual([expect.stringContaining('must be a valid regular expression')]);
    expect(broken((d) => (d.misreports[0]!.sources = []))).toEqual([expect.stringMatching(/misreports\[0\].*sources must not be empty/)]);
    const tokens = (d: ClaimData) => d.values.find((x) => x.id === 'llama-1-training-tokens') as { bySize: { value: number }[] };
    expect(broken((d) => (tokens(d).bySize[0]!.value = 5))).toEqual([expect.stringContaining('bySize gives 5 for size 7000000000, which is not among its values')]);
    const context = (d: ClaimData) => d.values.find((x) => x.id === 'llama-4-context-length') as { byName: { value: number }[] };
    expect(broken((d) => (context(d).byName[0]!.value = 5))).toEqual([expect.stringContaining('byName gives 5 for Scout, which is not among its values')]);
  });
});

describe('the sentences a page sends to be checked', () => {
  it('are the sentences holding a mention whole, with offsets of their own', () => {
    const text = 'The weather was fine. Meta unveiled LLaMA on February 27, 2023. Nothing else.';
    const mentions = matcher.find(text, pageContext(text));
    const sentences = claimSentences(text, mentions);
    expect(sentences.map((s) => s.text)).toEqual(['Meta unveiled LLaMA on February 27, 2023.']);
    const [s] = sentences;
    expect(s!.mentions.map((m) => s!.text.slice(m.start, m.end))).toEqual(['Meta', 'LLaMA']);
    expect(text.slice(s!.start, s!.start + s!.text.length)).toBe(s!.text);
  });

  it('run on past an abbreviation, "et al." too', () => {
    const text = 'Touvron et al. (2023) trained LLaMA on 1.4T tokens. Meta Inc. released it.';
    expect(claimSentences(text, matcher.find(text, pageContext(text))).map((s) => s.text)).toEqual([
      'Touvron et al. (2023) trained LLaMA on 1.4T tokens.',
      'Meta Inc. released it.',
    ]);
  });

  it('leave out a stretch too long to be a sentence, so its claims are not checked', () => {
    const sentence = 'Meta unveiled LLaMA on February 27, 2023';
    const long = `${sentence} ${'and so on '.repeat(Math.ceil(CLAIM_SENTENCE_MAX_CHARS / 10))}`;
    expect(checkText(knowledge, `${sentence}.`, matcher.find(sentence, pageContext(sentence)))).toHaveLength(1);
    expect(claimSentences(long, matcher.find(long, pageContext(long)))).toEqual([]);
  });
});

describe('the pieces a page sends to be checked', () => {
  const probes = JSON.parse(readFileSync(new URL('../fixtures/claim-probes.json', import.meta.url), 'utf8')) as { text: string }[];
  const checker = createClaimChecker(claimSetup(claimData, read<Source[]>('sources.json'), entities));
  /** "verdict attribute «span»" at block offsets, as the background answers for pieces, or as checkText finds them in the whole block. */
  const viaPieces = (text: string) => {
    const mentions = matcher.find(text, pageContext(text));
    const { findings, claims } = checker.check(claimPieces(text, mentions));
    const out: string[] = [];
    forEachClaim(claims, (_, start, end, finding) => out.push(`${start} ${findings[finding]!.verdict} ${findings[finding]!.attribute} «${text.slice(start, end)}»`));
    return out;
  };
  const whole = (text: string) =>
    checkText(knowledge, text, matcher.find(text, pageContext(text))).map((c) => `${c.start} ${c.verdict} ${c.attribute} «${text.slice(c.start, c.end)}»`);

  it('are a paragraph as it is, with the mentions the scan found', () => {
    const text = probes[0]!.text;
    const mentions = matcher.find(text, pageContext(text));
    const [piece, ...more] = claimPieces(text, mentions);
    expect(more).toEqual([]);
    expect(piece!.text).toBe(text);
    expect(piece!.own).toEqual([0, text.length]);
    expect(mentionsOf(piece!)).toEqual(mentions.map(({ start, end, entity }) => ({ start, end, entity })));
    expect(claimPieces(text, [])).toEqual([]);
  });

  it('go in messages of at most CLAIM_CHARS_PER_MESSAGE characters, in order', () => {
    const sized = (n: number) => ({ text: 'x'.repeat(n), from: 0, entities: ['meta'], mentions: [0, 1, 0], own: [0, n] as [number, number] });
    const pieces = [CLAIM_PIECE_MAX_CHARS, 1, CLAIM_CHARS_PER_MESSAGE - CLAIM_PIECE_MAX_CHARS - 1, 1, CLAIM_PIECE_MAX_CHARS].map(sized);
    const messages = inMessages(pieces, (p) => p);
    expect(messages.map((m) => m.map((p) => p.text.length))).toEqual([
      [CLAIM_PIECE_MAX_CHARS, 1, CLAIM_CHARS_PER_MESSAGE - CLAIM_PIECE_MAX_CHARS - 1],
      [1, CLAIM_PIECE_MAX_CHARS],
    ]);
    expect(inMessages([], (p) => p)).toEqual([]);
  });

  it('cut a long block so that every claim in it is found once, as in the whole block', () => {
    // Every fourth probe sentence, the first 440 of them, in one block (the whole set, or a share of
    // it, would make this test grow with it), begun at several of them so that pieces are cut at
    // different places (within a sentence too), and once with long stretches between them (a listing
    // with prose in it): pieces that overlap, and pieces that stand apart.
    const texts = probes
      .filter((_, i) => i % 4 === 0)
      .slice(0, 440)
      .map((p) => p.text);
    const dense = [0, 7, 19, 31, 47, 61, 83, 101].map((k) => [...texts.slice(k), ...texts.slice(0, k)].join(' '));
    const sparse = texts.join(` ${'Nothing to see here at all. '.repeat(100)}`);
    for (const text of [...dense, sparse]) {
      const mentions = matcher.find(text, pageContext(text));
      const pieces = claimPieces(text, mentions);
      expect(pieces.length).toBeGreaterThan(1);
      for (const p of pieces) {
        expect(p.text.length).toBeLessThanOrEqual(CLAIM_PIECE_MAX_CHARS);
        // A sentence is read with all its names, those another piece owns too.
        const inside = mentions.filter((m) => m.start >= p.from && m.end <= p.from + p.text.length);
        expect(mentionsOf(p)).toEqual(inside.map(({ start, end, entity }) => ({ start: start - p.from, end: end - p.from, entity })));
      }
      const expected = whole(text);
      expect(expected.length).toBeGreaterThan(100);
      expect(viaPieces(text)).toEqual(expected);
    }
  });
});

describe('claim checker on sentences written to probe it', () => {
  // test/fixtures/claim-probes.json: sentences the project wrote (not from any corpus) in the ways
  // coverage writes about these models, each with the claims a reader would accept as right. Probing
  // with them found false contradictions the dev set never showed (a date a reporting verb owns, a
  // name inside a relative clause, another event of the same kind). Checked for precision: every
  // claim the checker gives must be one of those listed, so a new right claim is added after review.
  const probes = JSON.parse(readFileSync(new URL('../fixtures/claim-probes.json', import.meta.url), 'utf8')) as { text: string; allowed: string[] }[];
  it.each(probes.map((p) => [p.text, p.allowed] as const))('%s', (text, allowed) => {
    for (const c of check(text)) expect(allowed, `${text}\n  gave: ${c}`).toContain(c);
  });
});
