/**
 * The claim checker: a sentence and its mentions in, checked claims out. Pure (no DOM): the content
 * script, the unit tests and `npm run claims` run this same code.
 *
 * A claim is a value written on the page (a date, a number, a name, a wording) that a frame from
 * the data ties to an attribute in scope, and that the sentence's grammar ties to an entity the
 * sentence mentions. When either tie is unsure, there is no claim: a false "contradicted" is worse
 * than silence.
 */
import type { NamedSpan } from '../shared/dataset';
import {
  CLAIM_BOUND_SLACK,
  CLAIM_FRAME_REACH_WORDS,
  CLAIM_NEGATION_REACH_WORDS,
  CLAIM_SIZE_GRAY_ZONE,
  CLAIM_SUBJECT_REACH_WORDS,
  CLAIM_TOLERANCE,
  CLAIM_UNIT_REACH_WORDS,
} from '../shared/limits';
import type {
  Claim,
  ClaimAttribute,
  ClaimValue,
  DateClaimValue,
  HolderClaimValue,
  PhraseClaimValue,
  QuantityClaimValue,
  QuantityUnit,
  TermsClaimValue,
  Verdict,
} from '../shared/claims';
import { allAfter, dateAgrees, isoDay, type WrittenDate } from './dates';
import { dataPattern, valuesFor, type Knowledge } from './knowledge';
import { AGENT_BEFORE, ATTRIBUTIVE_BEFORE, NOT_RELEASED, OTHER_CLAUSE, AUXILIARY, CLAUSE_JOIN, DATE_OPENS_CLAUSE, DEFINITE, INDEFINITE, EVENT_NOUN_AFTER, FIRST_PERSON, INFINITIVE_BEFORE, MULTIPLE_OF, NEGATED, NEGATED_AFTER, OF_ANOTHER, NEGATION, NOT_ASSERTED, NOT_DONE, QUESTION, REACTION_TO, REPORTING_VERB, TEMPORAL_SUBORDINATOR, VALUE_FOR } from './lexicon';
import { quantityAgrees, type Quantity, type QuantityGroup } from './quantities';
import { actorIsSubject, afterTemporalWord, foreignNameIn, otherNameIsSubject, bind, clauseOf, entitiesOf, frameHits, gated, heldBefore, insideRelativeClause, isBaseline, lastChangeVerb, nameAfter, readSentence, wordsBetween, type Binding, type Sentence, type Span } from './sentence';

export interface CheckOptions {
  /** The page's publication day (YYYY-MM-DD); values known only up to an earlier day are not used against a later page. */
  pageDate?: string;
}

const TOLERANCE: Record<QuantityUnit, number> = CLAIM_TOLERANCE;

interface Judged {
  verdict: Verdict;
  entity: string;
  facts: string[];
  wrong?: { date?: string; quantity?: number };
}

type Judge = (entity: string) => Judged | undefined;

/** One verdict for a binding: a family mention is supported when one member agrees, contradicted only when all disagree. */
function judgeBinding(b: Binding, judge: Judge): Judged | undefined {
  const results = b.entities.map(judge);
  if (b.entities.length === 1) return results[0];
  const supported = results.find((r) => r?.verdict === 'supported');
  if (supported) return supported;
  if (results.length && results.every((r) => r?.verdict === 'contradicted')) {
    return { verdict: 'contradicted', entity: b.mention.entity, facts: results.flatMap((r) => r!.facts) };
  }
  return undefined;
}

function claim(span: Span, attribute: ClaimAttribute, j: Judged, k: Knowledge): Claim {
  const c: Claim = { start: span.start, end: span.end, attribute, entity: j.entity, verdict: j.verdict, facts: j.facts };
  if (j.verdict === 'contradicted' && j.wrong) {
    const m = k.misreports.find(
      (r) =>
        r.entity === j.entity &&
        r.attribute === attribute &&
        (('date' in r.match && r.match.date === j.wrong!.date) || ('quantity' in r.match && r.match.quantity === j.wrong!.quantity)),
    );
    if (m) c.misreport = m.id;
  }
  return c;
}

const byKind = <K extends ClaimValue['kind']>(vs: ClaimValue[], kind: K) => vs.filter((v): v is Extract<ClaimValue, { kind: K }> => v.kind === kind);

/** A size right after a model's name is part of the name ("Llama 3.3 70B"), not a value of its own. */
function namesModel(s: Sentence, g: QuantityGroup): boolean {
  return g.items.length === 1 && s.mentions.some((m) => m.end <= g.start && /^[\s-]*$/.test(s.text.slice(m.end, g.start)));
}

/** A size's model as a noun, after the size: "7B version", "65-billion-parameter model", "7B-Variante". */
const SIZED_NOUN = String.raw`^[\s-]*(?:parameters?[\s-]*)?(?:version|variante?|modell?|edition|checkpoint)`;
const MODEL_NOUN = new RegExp(String.raw`${SIZED_NOUN}\b`, 'iu');
/** …and the family it is one of: "the 7B version of LLaMA", "die 7B-Variante von LLaMA". */
const MODEL_OF = new RegExp(String.raw`${SIZED_NOUN}(?:s|en|e)?\s+(?:of|von|des)\s+(?:the\s+|der\s+|dem\s+)?$`, 'iu');

/**
 * The sizes of the models a mention names by size, in parameters: one ("LLaMA-65B", "LLaMA 65B",
 * "the 65-billion-parameter LLaMA", "the 7B version of LLaMA", "LLaMA's 7B model") or a list ("LLaMA
 * 7B and 13B", "the 7B and 13B LLaMA models", "LLaMA 1 7B und 13B").
 */
function sizesNamed(s: Sentence, m: NamedSpan): number[] | undefined {
  const own = /(\d+(?:\.\d+)?)\s*([BM])\b/i.exec(s.text.slice(m.start, m.end));
  if (own) {
    const size = Number(own[1]) * (own[2]!.toUpperCase() === 'B' ? 1e9 : 1e6);
    const rest = s.groups.find((g) => g.start >= m.end && /^\s*(?:,|and|und|&|\/|or|oder)\s*$/i.test(s.text.slice(m.end, g.start)));
    return [size, ...(rest && rest.items[0]!.scale === 1e9 ? rest.items.map((i) => i.value) : [])];
  }
  const x = s.groups.find(
    (g) =>
      (g.items[0]!.scale === 1e9 || g.items[0]!.word === 'parameters') &&
      ((g.start >= m.end && /^[\s-]*$/.test(s.text.slice(m.end, g.start))) ||
        (g.end <= m.start && /^[\s-]*(?:parameters?)?[\s-]*$/i.test(s.text.slice(g.end, m.start))) ||
        (g.end <= m.start && MODEL_OF.test(s.text.slice(g.end, m.start))) ||
        (g.start >= m.end && /^['’]s\s+$/.test(s.text.slice(m.end, g.start)) && MODEL_NOUN.test(s.text.slice(g.end)))),
  );
  return x?.items.map((i) => i.value);
}

/** Hits of `frames` near `span`, nearest first: inside its clause, within reach, with no other date or number between. */
function framesNear(k: Knowledge, s: Sentence, frames: string[], span: Span, reach = CLAIM_FRAME_REACH_WORDS): { frame: string; hit: Span }[] {
  const clause = clauseOf(s, span.start);
  const found: { frame: string; hit: Span; d: number }[] = [];
  for (const frame of frames) {
    for (const hit of frameHits(k, s, frame)) {
      if (hit.start < clause.start || hit.end > clause.end) continue;
      if (hit.start < span.end && hit.end > span.start) continue;
      const [a, b] = hit.end <= span.start ? [hit.end, span.start] : [span.end, hit.start];
      const d = wordsBetween(s.text, a, b);
      if (d > reach) continue;
      const blocked =
        s.dates.some((x) => x.start >= a && x.end <= b && (x.month !== undefined || x.year !== undefined)) ||
        s.groups.some((g) => g.start >= a && g.end <= b && !namesModel(s, g));
      if (!blocked) found.push({ frame, hit, d });
    }
  }
  // At the same distance, a frame in the value's own phrase is nearer than one across a comma
  // ("After LLaMA leaked in March, Meta released Llama 2": March is the leak's).
  const across = (f: { hit: Span }) => (f.hit.end <= span.start ? s.text.slice(f.hit.end, span.start) : s.text.slice(span.end, f.hit.start)).includes(',');
  return found.sort((x, y) => x.d - y.d || Number(across(x)) - Number(across(y)));
}
const nearestFrame = (k: Knowledge, s: Sentence, frames: string[], span: Span, reach = CLAIM_FRAME_REACH_WORDS) => framesNear(k, s, frames, span, reach)[0];

// ---------------------------------------------------------------- dates

/**
 * Whether another verb owns the date rather than the frame: a reporting verb between them, or a
 * word opening a temporal clause about another event ("In March, a week after Meta announced …"); after
 * the frame, an auxiliary (a verb phrase of its own: "LLaMA, which leaked, was discussed on …"; one
 * before the frame is the frame's own, "was leaked", or German's verb bracket, "hatte … angekündigt");
 * or a date that opens a clause after a comma while the frame stands before it; or either inside a
 * relative clause set off by commas that the other is outside of.
 */
function dateOwnedElsewhere(s: Sentence, d: Span, hit: Span): boolean {
  const frameFirst = hit.end <= d.start;
  const between = frameFirst ? s.text.slice(hit.end, d.start) : s.text.slice(d.end, hit.start);
  if (REPORTING_VERB.test(between) || TEMPORAL_SUBORDINATOR.test(between) || CLAUSE_JOIN.test(between)) return true;
  const beforeDate = s.text.slice(0, d.start);
  // A date after a noun and "of" is that noun's ("in its announcement of 24 February 2023 and … the DMCA
  // notice"), unless the noun only places it in time ("the week of 20 March").
  if (!frameFirst && /\b(?!(?:week|month|day|morning|evening|night|weekend|end|beginning|start|middle|Woche|Monat|Tag|Wochenende|Ende|Anfang|Mitte)\s)\p{L}+\s+(?:of|vom)\s+(?:the\s+)?$/iu.test(beforeDate)) return true;
  // A document's date ("the DMCA notice dated 20 March") is that document's, not a frame's after it.
  if (!frameFirst && /\b(?:dated|datiert(?:\s+auf)?(?:\s+den)?)\s+$/i.test(beforeDate)) return true;
  // A date in a participial phrase set off by commas, the frame outside it ("llama.cpp, first pushed to
  // GitHub on March 10, 2023, let people run Meta's leaked model").
  if (!frameFirst && /^\s*,/.test(between) && /,\s*(?:\p{L}+\s+)?\p{L}+(?:ed|en)\b[^,]*$/u.test(beforeDate)) return true;
  // A date in a temporal phrase of another event, with the frame past its comma ("some 17 years after
  // its founding in February 2004, few expected that its LLaMA model would leak").
  if (!frameFirst && between.includes(',') && /\b(?:after|before|since|nach|vor|seit)\s+(?:its|their|his|her|the|der|die|dem|seiner|ihrer)\s+\p{L}+\s+(?:in|im|on|am)\s+$/iu.test(beforeDate)) return true;
  // A frame across a comma or colon from the date whose own stretch between them holds a date is dated
  // there: in a list of events each item carries its own ("the paper hit arXiv on 27 February, the
  // weights leaked on 4chan around 2–3 March"; "The March 2023 leak played out fast: weights announced
  // in late February, …").
  if (/[,;:]/.test(between)) {
    const from = Math.max(...[',', ';', ':'].map((c) => s.text.lastIndexOf(c, hit.start) + 1));
    const rest = s.text.slice(hit.end);
    const to = hit.end + (rest.search(/[,;:]/) + 1 || rest.length + 1) - 1;
    if (s.dates.some((x) => x !== d && x.start >= from && x.end <= to && (x.month !== undefined || x.year !== undefined))) return true;
  }
  // A relative clause set off by commas keeps what is inside it: "GitHub, which Microsoft bought in
  // 2018, took down …"; "LLaMA, which leaked on 4chan, was mirrored on March 10".
  if (between.includes(',') && insideRelativeClause(s, frameFirst ? hit.start : d.start)) return true;
  return frameFirst && (AUXILIARY.test(between) || DATE_OPENS_CLAUSE.test(between));
}

function judgeDate(v: DateClaimValue, d: WrittenDate, pageDate: string | undefined, s?: Sentence): Judged | undefined {
  const ok = dateAgrees(d, v.date, v.until ?? v.date, pageDate);
  if (ok === undefined) return undefined;
  if (!ok && v.laterUnlessSaid && s && allAfter(d, v.until ?? v.date) && !v.laterUnlessSaid.some((p) => dataPattern(p, 'i').test(s.text))) return undefined;
  const j: Judged = { verdict: ok ? 'supported' : 'contradicted', entity: v.entity, facts: [v.id] };
  const day = isoDay(d, Number(v.date.slice(0, 4)));
  if (!ok && day) j.wrong = { date: day };
  return j;
}

/** A date in parentheses right after a name ("Llama 3.3 70B (December 2024)"), or "LLaMA (by Meta) in February". */
function dateAfterName(s: Sentence, d: WrittenDate): NamedSpan | undefined {
  const before = s.text.slice(0, d.start);
  const open = before.lastIndexOf('(');
  if (open >= 0 && !before.slice(open).includes(')')) {
    const head = before.slice(0, open).replace(/(?:[\s-]*\d+(?:\.\d+)?\s*[BbMKk])?\s*$/, '');
    const inside = before.slice(open + 1);
    const m = s.mentions.find((x) => x.end === head.length);
    if (m && /^[^()]*$/.test(inside) && !/\p{L}{4,}/u.test(inside.replace(/\b(?:and|und|parameters?)\b/g, ''))) return m;
  }
  for (const m of s.mentions) {
    // "a successor to Llama 3 in July 2024": the date is the successor's.
    if (m.end > d.start || isBaseline(s, m)) continue;
    // "nach Llama 3 im April 2025 Llama 4 veröffentlicht": with another name after the date, the
    // date may be that one's, and the name after "after" only when it happened.
    if (afterTemporalWord(s, m) && s.mentions.some((o) => o.start >= d.end && o.entity !== m.entity)) continue;
    if (/^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:in|im|am|on)\s+)?$/.test(s.text.slice(m.end, d.start))) return m;
  }
  return undefined;
}

/** A release frame's word as a noun. */
const RELEASE_NOUN = /^(?:releases?|launch(?:es)?|debuts?|Veröffentlichung(?:en)?)$/i;

/** A release verb in the infinitive ("tried to release"): an aim, not an event. */
const aimed = (s: Sentence, hit: Span) => INFINITIVE_BEFORE.test(s.text.slice(0, hit.start));

/**
 * A release as a noun after another name ("a Transformers release", "the PyTorch 2.0 release") or
 * the page's own ("this release"): not one of a model named elsewhere in the sentence.
 */
function releaseOfOtherName(k: Knowledge, s: Sentence, hit: Span): boolean {
  // Only the noun: "The U.S. company Meta released Llama 2" has a verb.
  if (!RELEASE_NOUN.test(s.text.slice(hit.start, hit.end))) return false;
  // "this release", "our release": the page's own (a changelog's), not a model's.
  if (/\b(?:this|our|my|dieses|diese|unser\w*)\s+$/i.test(s.text.slice(0, hit.start))) return true;
  // Another name's, by its possessive ("GPT-2's staged release in 2019").
  const possessor = /([\p{Lu}\d][\p{L}\d.-]*)['’]s\s+(?:\p{Ll}+\s+)?$/u.exec(s.text.slice(0, hit.start));
  if (possessor && !s.mentions.some((m) => m.end === possessor.index + possessor[1]!.length)) return true;
  const owner = /\b(?:a|an|the|its|their|this|that|ein|eine|einer|einem|die|der|das|dem)\s+((?:[\p{Lu}\d][\p{L}\d.'’-]*\s+)+)$/iu.exec(s.text.slice(0, hit.start));
  if (!owner || !/^[\p{Lu}]/u.test(owner[1]!)) return false;
  const from = hit.start - owner[1]!.length;
  return !s.mentions.some((m) => m.start >= from && m.end <= hit.start && entitiesOf(k, m, 'release-date', s).length > 0);
}

function checkDates(k: Knowledge, s: Sentence, opts: CheckOptions, out: Claim[]): void {
  const dateValues = byKind(k.values, 'date');
  const frames = [...new Set(dateValues.map((v) => v.frame))];
  const releaseFrame = dateValues.find((v) => v.attribute === 'release-date')?.frame;
  const releaseSaid = releaseFrame !== undefined && frameHits(k, s, releaseFrame).some((h) => !aimed(s, h) && !releaseOfOtherName(k, s, h));
  for (const d of s.dates) {
    const before = s.text.slice(0, d.start);
    // What "we" did in a year is the writer's ("We surveyed 48 stakeholders in 2024 about Meta's
    // Llama releases").
    if (FIRST_PERSON.test(s.text.slice(clauseOf(s, d.start).start, d.start))) continue;
    // A period ("trained between January and July"), its ends, or the start of a state ("parent
    // company since 2021") are not events.
    if (/\b(?:between|zwischen|from|von|until|bis|to|through|since|seit)\s+$/i.test(before) || /^(?:since|seit)\b/i.test(s.text.slice(d.start, d.end))) continue;
    if (/\b(?:between|zwischen|from|von)\s+[^,;]{1,30}\s(?:and|und|to|bis|-|–)\s+$/i.test(before)) continue;
    const near = framesNear(k, s, frames, d).filter((f) => !dateOwnedElsewhere(s, d, f.hit));
    const named = dateAfterName(s, d);
    if (named && (!near[0] || near[0].frame === releaseFrame) && entitiesOf(k, named, 'release-date', s).length) {
      const insideParens = s.text.lastIndexOf('(', d.start) > named.end;
      // A release said in the date's clause, not in another event's clause ("nahm LLaMA am 16. März
      // 2023 in die Transformers-Bibliothek auf, also nur drei Tage nachdem Stanford … vorgestellt hatte").
      const releaseHere =
        releaseSaid &&
        frameHits(k, s, releaseFrame!).some((h) => {
          const between = h.end <= d.start ? s.text.slice(h.end, d.start) : s.text.slice(d.end, h.start);
          return clauseOf(s, h.start) === clauseOf(s, d.start) && !TEMPORAL_SUBORDINATOR.test(between) && !REPORTING_VERB.test(between);
        });
      if (insideParens || releaseHere) {
        const j = judgeBinding({ mention: named, entities: entitiesOf(k, named, 'release-date', s) }, (e) => {
          const v = valuesFor(k, 'release-date', e).find((x): x is DateClaimValue => x.kind === 'date');
          return v && judgeDate(v, d, opts.pageDate);
        });
        if (j) out.push(claim(d, 'release-date', j, k));
        continue;
      }
    }
    // The nearest frame that leads somewhere decides: "announced that … will be known as Meta" is a rename, not a release.
    // Of release verbs only the nearest: one farther off does not take the date of one that found no
    // name of ours ("Meta, the company that announced on Thursday, Oct. 28, 2021, that …, unveiled LLaMA").
    let releaseTried = false;
    for (const frame of near) {
      const candidates = dateValues.filter((v) => v.frame === frame.frame);
      let j: Judged | undefined;
      if (frame.frame === releaseFrame) {
        if (releaseTried) continue;
        releaseTried = true;
        if (releaseOfOtherName(k, s, frame.hit) || aimed(s, frame.hit)) break;
        // Another name releasing another name takes the date with it ("… the LLaMA leak, OpenAI released
        // GPT-4 on March 14"); not a verb that takes a clause ("Zuckerberg announced that …").
        const otherRelease =
          !RELEASE_NOUN.test(s.text.slice(frame.hit.start, frame.hit.end)) && /^\s+(?:(?:its|their|the|a|an)\s+)?[\p{Lu}]/u.test(s.text.slice(frame.hit.end)) && otherNameIsSubject(s, frame.hit);
        const b = bind(k, s, 'release-date', frame.hit, { following: true, near: CLAIM_SUBJECT_REACH_WORDS, onlyAfter: otherRelease || actorIsSubject(k, s, frame.hit, 'release-date'), ofVerb: true });
        // In a relative clause the verb's object is the noun before it, and a date right after the verb is
        // the verb's, even when that noun is not one of ours ("a family of models that Meta announced on
        // 24 February 2023 and whose weights became the subject of a DMCA notice").
        const relativeVerb = /\b(?:that|which)\s+[\p{Lu}][\p{L}\d.-]*\s+$/u.test(s.text.slice(0, frame.hit.start)) && /^\s+(?:on|in)\s+$/i.test(s.text.slice(frame.hit.end, d.start));
        if (!b && (otherRelease || relativeVerb)) break;
        if (!b) continue;
        // A participle after a comma modifies the noun just before the comma; when a phrase of its own
        // ends there ("added LLaMA in version 4.28, released in April 2023"), a name further back is not
        // what was released then, unless a copula makes them one ("Llama 3.1 is Meta's family of
        // models, released …"). The date is still this verb's: nothing else is judged by it.
        const lead = b.mention.end <= frame.hit.start ? s.text.slice(b.mention.end, frame.hit.start) : '';
        if (/\b(?:in|on|at|with|of|to|for|from|im|mit|von|für|zu)\b[^,]*,\s*$/i.test(lead) && !/\b(?:is|was|are|were|ist|war|sind|waren)\b/i.test(lead)) break;
        // …and after another product's name, whatever comes before ("… was often compared with Qwen2.5-72B,
        // released by Alibaba in September 2024").
        const named = /([\p{Lu}][\p{L}\d.-]*)\s*,\s*$/u.exec(lead);
        if (named && foreignNameIn(k, s, b.mention.end + named.index, b.mention.end + named.index + named[1]!.length, b.mention.entity)) break;
        // A participle set off by a comma after another noun is that noun's ("Hugging Face's Open LLM
        // Leaderboard, launched in 2023, soon listed thousands of Llama fine-tunes"), not a name's after it.
        // What stands between the verb and a name after it, where the name is its object.
        const toObject = b.mention.start >= frame.hit.end ? s.text.slice(frame.hit.end, b.mention.start) : undefined;
        if (toObject !== undefined && /\p{L}\s*,\s*$/u.test(s.text.slice(0, frame.hit.start))) break;
        // A verb phrase of its own between the verb and the name: the name is its object, and the release
        // verb takes a clause ("Hugging Face announced it was taking down the leaked LLaMA weights").
        if (toObject !== undefined && AUXILIARY.test(toObject)) break;
        // A release verb inside a relative clause closed before the name is the clause's noun's ("DeepSeek-R1,
        // das am 20. Januar 2025 unter MIT-Lizenz erschien, erreichen die Llama-Modelle …").
        if (toObject !== undefined && insideRelativeClause(s, frame.hit.start) && toObject.includes(',')) break;
        // A release's object is the first name after the verb: "Stanford released Alpaca … after LLaMA" is not LLaMA's release.
        if (toObject !== undefined && /[\p{Lu}][\p{Ll}]/u.test(toObject.replace(/\b(?:Meta|Meta['’]s|Facebook)\b/g, ''))) break;
        j = judgeBinding(b, (e) => {
          const v = candidates.find((x) => x.entity === e);
          return v && judgeDate(v, d, opts.pageDate);
        });
      } else {
        // Event dates (the leak, the takedown, the rename…): one value per frame; the sentence must name something related.
        // A date that modifies a release's noun is that release's ("a week after the 24 February announcement"),
        // and an event that is what someone reacted to takes the reaction's date ("Hugging Face reacted to
        // the leak on 7 March 2023", "reagierte am 7. März 2023 auf den Leak").
        if (EVENT_NOUN_AFTER.test(s.text.slice(d.end)) || REACTION_TO.test(s.text.slice(clauseOf(s, frame.hit.start).start, frame.hit.start))) break;
        // A participle after a determiner describes a noun ("removing all leaked LLaMA weights", "die
        // geleakten Gewichte"): it names no event, so it takes no date.
        if (ATTRIBUTIVE_BEFORE.test(s.text.slice(0, frame.hit.start)) && /(?:ed|en)$/i.test(s.text.slice(frame.hit.start, frame.hit.end)) && /^\s+\p{L}/u.test(s.text.slice(frame.hit.end))) continue;
        const v = candidates.find((x) => about(k, s, x) && identified(s, x) && !otherEvent(k, s, x, d));
        if (!v) continue;
        j = judgeDate(v, d, opts.pageDate, s);
      }
      if (!j) break;
      out.push(claim(d, candidates[0]!.attribute, j, k));
      break;
    }
  }
}

function checkDurations(k: Knowledge, s: Sentence, out: Claim[]): void {
  for (const du of s.durations) {
    const frame = nearestFrame(k, s, [...new Set(byKind(k.values, 'date').filter((v) => v.after).map((v) => v.frame))], du);
    if (!frame) continue;
    const v = byKind(k.values, 'date').find((x) => x.after && x.frame === frame.frame && about(k, s, x) && identified(s, x));
    if (!v?.after) continue;
    const [lo, hi] = v.after.days;
    const ok = du.days[0] <= hi && du.days[1] >= lo;
    out.push(claim(du, v.attribute, { verdict: ok ? 'supported' : 'contradicted', entity: v.entity, facts: [v.id, v.after.value] }, k));
  }
}

// ---------------------------------------------------------------- numbers

function unitOfGroup(k: Knowledge, s: Sentence, g: QuantityGroup): QuantityUnit | undefined {
  const last = g.items.at(-1)!;
  const after = s.text.slice(g.end, g.end + 40);
  const near = (frame: string, reach: number) => nearestFrame(k, s, [frame], g, reach) !== undefined;
  if (last.word === 'repositories') return 'repositories';
  if (last.word === 'users') return near('licence-mau', 0) || /monthly|monatlich/i.test(s.text.slice(g.start, g.end)) ? 'monthly-users' : undefined;
  // A vocabulary counts tokens too ("a 128K-token tokenizer", "Der Tokenizer von Llama 3 umfasst 128.256 …"), and so does a rate.
  const before = s.text.slice(Math.max(0, g.start - 40), g.start);
  if (/^\s*(?:vocabulary|Vokabular|\/\s?s|per second|pro Sekunde)/i.test(after) || /^[\s-]*tokens?[\s-]+(?:vocabulary|tokenizer|Vokabular|Tokenizer)/i.test(after) || /\b(?:vocabulary|tokenizer|Vokabular|Tokenizer)\b[^,;.]*$/i.test(before)) return undefined;
  if (last.word === 'tokens' || (!last.word && /^[\s-]*(?:token|context)/i.test(after))) {
    // Counts in the billions of tokens are training data, when the clause speaks of training at all;
    // a context is at most millions of tokens.
    const clause = clauseOf(s, g.start);
    if (g.items.every((i) => i.value >= 1e10)) {
      return frameHits(k, s, 'training').some((h) => h.start >= clause.start && h.end <= clause.end) ? 'tokens' : undefined;
    }
    return near('context', CLAIM_UNIT_REACH_WORDS.context) && !/^[\s-]*tokens? of\b/i.test(after) ? 'context-tokens' : undefined;
  }
  if (last.word === 'parameters') return 'parameters';
  if (g.items.every((i) => i.scale === 1e9 || (i.scale === 1e12 && i.part === 'total'))) return 'parameters';
  if (!last.word && near('context', CLAIM_UNIT_REACH_WORDS.context) && g.items.every((i) => i.value >= 512 && i.value <= 2e7)) return 'context-tokens';
  return undefined;
}

/** Sizes are rounded in writing, so a size close to a true one, but not equal to it, is neither confirmed nor denied. */
const GRAY_ZONE = CLAIM_SIZE_GRAY_ZONE;
const unsure = (v: QuantityClaimValue, items: Quantity[]) => {
  const known = [...v.values, ...(v.unreleased ?? [])];
  return v.unit === 'parameters' && items.some((i) => !known.some((t) => agrees(i.value, t)) && known.some((t) => Math.abs(i.value - t) <= t * GRAY_ZONE));
};

function judgeNumbers(v: QuantityClaimValue, items: Quantity[]): Judged | undefined {
  if (unsure(v, items)) return undefined;
  const tol = TOLERANCE[v.unit];
  // A threshold's "more than" is the rule itself ("more than 700 million monthly users must ask"), not a hedge.
  const read = (i: Quantity): Quantity => (v.unit === 'monthly-users' ? { ...i, hedge: undefined } : i);
  const wrong = items.find((i) => !v.values.some((t) => quantityAgrees(read(i), t, tol)));
  // A bound far from every true value ("more than 5 trillion tokens" for 15T) is true and says little: no verdict.
  if (!wrong && items.some((i) => read(i).hedge && read(i).hedge !== 'approx' && !v.values.some((t) => Math.max(t, i.value) <= Math.min(t, i.value) * CLAIM_BOUND_SLACK))) return undefined;
  const j: Judged = { verdict: wrong ? 'contradicted' : 'supported', entity: v.entity, facts: [v.id] };
  if (wrong) j.wrong = { quantity: wrong.value };
  return j;
}

const agrees = (value: number, truth: number) => Math.abs(value - truth) <= truth * TOLERANCE.parameters;

/** Whether the sentence is about the value's entity: it mentions it or a related one, or names the event itself (`namedBy`). */
function about(k: Knowledge, s: Sentence, v: ClaimValue): boolean {
  return gated(k, s, v.entity) || (v.namedBy ?? []).some((p) => dataPattern(p, 'i').test(s.text));
}

/**
 * Whether the sentence holds one of the event's own details (`identifiedBy`), when the data names
 * them: another event of the same kind ("Hugging Face took down copies of LLaMA" from its own Hub)
 * is not this one.
 */
function identified(s: Sentence, v: ClaimValue): boolean {
  return !v.identifiedBy || v.identifiedBy.some((p) => dataPattern(p, 'i').test(s.text));
}

/**
 * Whether the date's clause names a rival of the event's own actor or library and not the event's
 * own ("Hugging Face's Diffusers library added LLaMA support on March 16"; "Hugging Face filed a
 * DMCA takedown on March 7"): then the date is another event's, not this one's.
 */
function otherEvent(k: Knowledge, s: Sentence, v: DateClaimValue, at: Span): boolean {
  const clause = clauseOf(s, at.start);
  const said = s.text.slice(clause.start, clause.end);
  const named = (p: string) => dataPattern(p, 'i').test(said);
  return byKind(k.values, 'phrase').some((p) => p.entity === v.entity && p.attribute === v.attribute && (p.rivals ?? []).some(named) && !p.says.some(named));
}

/**
 * The value as it is for the models of these sizes (`bySize`): undefined when the data does not say
 * for one of them, or when their values differ ("LLaMA 7B and 65B were trained on 1T and 1.4T tokens,
 * respectively" pairs them; one value for both would be wrong for one of them).
 */
function forSizes(v: QuantityClaimValue, sizes: number[]): QuantityClaimValue | undefined {
  // Without values by size, a list of sizes is judged by the values of all (a single size by none).
  if (!v.bySize) return sizes.length > 1 ? v : undefined;
  const { bySize } = v;
  const own = sizes.map((size) => bySize.find((b) => agrees(size, b.size))?.value);
  const first = own[0];
  return first !== undefined && own.every((x) => x === first) ? { ...v, values: [first] } : undefined;
}

/** Each size's value judged against the item in its place: wrong if one is wrong, right if all are. */
function pairedBySize(v: QuantityClaimValue, sizes: number[], items: Quantity[]): Judged | undefined {
  const each = sizes.map((size, i) => {
    const own = forSizes(v, [size]);
    return own && judgeNumbers(own, [items[i]!]);
  });
  if (each.some((j) => j === undefined)) return undefined;
  return each.find((j) => j!.verdict === 'contradicted') ?? each[0];
}

function forName(v: QuantityClaimValue, name: string): QuantityClaimValue | undefined {
  const own = v.byName?.find((b) => b.name === name);
  return own && { ...v, values: [own.value] };
}

/** The model of its entity a mention names by name, right after it ("Llama 4 Maverick"). */
function modelNamed(k: Knowledge, s: Sentence, m: NamedSpan): string | undefined {
  const name = nameAfter(s, m);
  return name && k.models.get(m.entity)?.has(name) ? name : undefined;
}

/**
 * Whether another of the mention's entity's models than `name` is named between the mention and the
 * value, or after the value in its phrase (no comma between: after one it opens an elliptical clause
 * of its own, "…, Maverick on 22 trillion"), nearer to it than the mention and not right after a
 * mention of its own.
 */
function otherModelNear(k: Knowledge, s: Sentence, m: NamedSpan, name: string, value: Span): boolean {
  const others = [...(k.models.get(m.entity) ?? [])].filter((x) => x !== name);
  const gap = m.end <= value.start ? { start: m.end, end: value.start } : { start: value.end, end: m.start };
  const tail = { start: value.end, end: clauseOf(s, value.start).end };
  const owned = (at: number) => s.mentions.some((o) => o.end <= at && /^[\s-]+$/.test(s.text.slice(o.end, at)));
  return others.some((x) => {
    const re = new RegExp(String.raw`\b${x}\b`, 'gu');
    const inGap = re.test(s.text.slice(gap.start, gap.end));
    // Counted from the model's own name ("Llama 4 Scout"), which follows the mention.
    const reach = wordsBetween(s.text, gap.start, gap.end) - (m.end <= value.start ? 1 : 0);
    const loose = [...s.text.slice(tail.start, tail.end).matchAll(re)].some(
      (hit) => !owned(tail.start + hit.index) && !s.text.slice(value.end, tail.start + hit.index).includes(',') && wordsBetween(s.text, value.end, tail.start + hit.index) < reach,
    );
    return inGap || loose;
  });
}

/** Sizes a sentence says were not released: "(with the 34B version not being released)". */
function saidUnreleased(s: Sentence, g: QuantityGroup): Set<number> {
  const clause = clauseOf(s, g.start);
  const rest = s.text.slice(g.end, clause.end);
  const out = new Set<number>();
  for (const m of rest.matchAll(/\b(\d+(?:\.\d+)?)\s?B\b[^.;]{0,30}?\b(?:not|never|nicht|nie)\b[^.;]{0,25}?\b(?:releas\w*|veröffentlich\w*|available)/gi)) {
    out.add(Number(m[1]) * 1e9);
  }
  return out;
}

function judgeSizes(k: Knowledge, s: Sentence, v: QuantityClaimValue, g: QuantityGroup): Judged | undefined {
  if (unsure(v, g.items)) return undefined;
  const released = v.values;
  const unreleased = v.unreleased ?? [];
  const has = (list: number[], x: number) => list.some((t) => agrees(x, t));
  const j = (ok: boolean, wrong?: number): Judged => {
    const r: Judged = { verdict: ok ? 'supported' : 'contradicted', entity: v.entity, facts: [v.id] };
    if (!ok && wrong !== undefined) r.wrong = { quantity: wrong };
    return r;
  };
  const clause = clauseOf(s, g.start);
  // The sizes of a model said after them to be unreleased ("Behemoth, the largest Llama 4 model with
  // 288B active parameters …, was only previewed and not released") are none of the released ones:
  // nothing to judge. Not across a clause of another subject ("… Maverick mit rund 400 Milliarden
  // Parametern, während der Behemoth … nur angekündigt wurde"): the old per-size reading below.
  const unreleasedSaid = NOT_RELEASED.exec(s.text.slice(g.end));
  if (unreleasedSaid) {
    const upTo = g.end + unreleasedSaid.index;
    const between = s.text.slice(g.end, upTo);
    // Nor when another model with a value of its own comes between ("…, ein Modell mit über 400 Milliarden Parametern befand sich noch im Training").
    const otherModel = s.groups.some((x) => x.start >= g.end && x.end <= upTo && /\b(?:a|an|ein|eine|einem|einen|einer)\b/i.test(s.text.slice(g.end, x.start)));
    // Nor when it names one of the sizes ("… 34B and 70B sizes (the 34B version was not released)"): read per size below.
    if (!otherModel && !OTHER_CLAUSE.test(between) && !/\d\s?B\b/i.test(between)) return undefined;
  }
  // Mixture of experts: "17B active parameters out of ~109B total", "a 17B model with 16 experts".
  if (v.variants) {
    const active = g.items.find((i) => i.part === 'active');
    // The total of the same model: in its phrase ("17B active out of ~109B total"), not another's after a clause join.
    const total = s.groups.find(
      (x) => x.start >= g.end && x.start <= clause.end && x.items[0]?.part === 'total' && wordsBetween(s.text, g.end, x.start) <= 6 && !CLAUSE_JOIN.test(s.text.slice(g.end, x.start)),
    )?.items[0];
    const experts = Number(/^[^.;]{0,40}?\bwith\s+(?:just\s+|only\s+)?(\d+)\s+experts\b/i.exec(s.text.slice(g.end, clause.end))?.[1] ?? Number.NaN);
    const a = active ?? g.items[0]!;
    if (total) return j(v.variants.some((x) => agrees(a.value, x.active) && agrees(total.value, x.total)), total.value);
    if (!Number.isNaN(experts)) return j(v.variants.some((x) => agrees(a.value, x.active) && x.experts === experts));
  }
  const before = s.text.slice(clause.start, g.start);
  if (g.range && g.items.length === 2) {
    const [lo, hi] = [g.items[0]!.value, g.items[1]!.value];
    const ok = agrees(lo, Math.min(...released)) && agrees(hi, Math.max(...released));
    return j(ok, ok ? undefined : agrees(hi, Math.max(...released)) ? lo : hi);
  }
  if (g.items.length === 1) {
    const x = g.items[0]!.value;
    if (/\b(?:biggest|largest|größte\w*)\b/i.test(before)) return j(agrees(x, Math.max(...released)), x);
    // A single size not among this generation's may be a later one's ("a 405B model following"): say nothing.
    return has(released, x) ? j(true) : undefined;
  }
  const notReleased = saidUnreleased(s, g);
  for (const i of g.items) {
    const claimedReleased = ![...notReleased].some((n) => agrees(i.value, n));
    if (claimedReleased && !has(released, i.value)) return j(false, i.value);
    if (!claimedReleased && !has(unreleased, i.value)) return j(false, i.value);
  }
  return j(true);
}

/** Is a number group a size that names a model rather than states one ("Mistral 7B", "Llama 3.1 8B", "the 70B model")? */
function isReference(s: Sentence, g: QuantityGroup): boolean {
  const before = s.text.slice(0, g.start);
  // "the 8B and 70B parameter sizes" states the sizes; "the 7B and 65B models" refers to them.
  if (DEFINITE.test(before) && !(g.items.length > 1 && /^[\s-]*(?:parameters?\s+)?sizes\b/i.test(s.text.slice(g.end)))) return true;
  if (namesModel(s, g)) return true;
  // A capitalised word right before a size is another model's name ("Mistral 7B and Gemma 7B").
  return g.items.some((i) => {
    const w = /([\p{Lu}][\p{L}\d.-]*)[\s-]+$/u.exec(s.text.slice(0, i.start))?.[1];
    return w !== undefined && !s.mentions.some((m) => m.end === i.start - 1 || m.end === i.start) && i.start - w.length - 1 > 0 && !/^(?:In|With|And|Both|From|Of|Von|Mit|Und)$/.test(w);
  });
}

/** From GPT-3's name to a size it has: "GPT-3's 175 billion", "GPT-3, with 175B", "GPT-3 had 175B params", "GPT-3 mit 175 Milliarden". */
const GPT3_HAS = /^(?:['’]s|,?\s+(?:\p{L}+\s+)?(?:has|had|with|mit|hat|hatte))\s+$/iu;

function checkNumbers(k: Knowledge, s: Sentence, out: Claim[]): void {
  const quantityValues = byKind(k.values, 'quantity');
  const gpt3 = frameHits(k, s, 'gpt3');
  const used = new Set<QuantityGroup>();

  // GPT-3's size next to its name, before or after it: "GPT-3 (175B)", "the 175-billion-parameter GPT-3", "GPT-3's 175 billion parameters", "GPT-3 has 175B".
  const gptSize = quantityValues.find((v) => v.frame === 'gpt3');
  for (const hit of gpt3) {
    if (!gptSize || !gated(k, s, gptSize.entity)) break;
    const g = s.groups.find(
      (x) =>
        x.items.length === 1 &&
        ((x.start >= hit.end && /^\s*\(\s*(?:with\s+|mit\s+)?$/i.test(s.text.slice(hit.end, x.start))) ||
          (x.end <= hit.start && /^[\s-]*(?:parameters?\s*)?(?:model\s*|modell\s*)?$/i.test(s.text.slice(x.end, hit.start))) ||
          (x.start >= hit.end && GPT3_HAS.test(s.text.slice(hit.end, x.start)))) &&
        (x.items[0]!.scale === 1e9 || x.items[0]!.word === 'parameters'),
    );
    if (!g) continue;
    used.add(g);
    const j = judgeNumbers(gptSize, g.items);
    if (j) out.push(claim(g, 'gpt3', j, k));
  }

  for (const g of s.groups) {
    if (used.has(g) || MULTIPLE_OF.test(s.text.slice(0, g.start)) || OF_ANOTHER.test(s.text.slice(g.end))) continue;
    const unit = unitOfGroup(k, s, g);
    if (!unit) continue;
    const values = quantityValues.filter((v) => v.unit === unit && v.frame !== 'gpt3' && v.frame !== 'outperforms');
    if (!values.length) continue;
    const attribute = values[0]!.attribute;
    const event = values.find((v) => valuesFor(k, attribute).every((x) => x.entity === v.entity));
    if (event) {
      // Event numbers (the takedown's repository count): the frame must be in the sentence.
      if (!about(k, s, event) || !identified(s, event) || !frameHits(k, s, event.frame).length) continue;
      const j = judgeNumbers(event, g.items);
      if (j) out.push(claim(g, attribute, j, k));
      continue;
    }
    // A value opening a parenthesis right after a name is that name's ("LLaMA (2K context)"), even
    // where the name is a point of comparison ("Llama 2 (4K context) vs. LLaMA (2K context)").
    const named = parenthesisedAfter(s, g);
    const ownEntities = named ? entitiesOf(k, named, attribute, s) : [];
    const own: Binding | undefined = named && ownEntities.length ? { mention: named, entities: ownEntities } : undefined;
    const before = s.text.slice(clauseOf(s, g.start).start, g.start);
    // The amount a change starts from ("upped … from 65B", "grew from 2,048 tokens").
    const changeFrom = /\b(?:from|von)\s+$/i.test(before) && lastChangeVerb(before) >= 0;
    let b: Binding | undefined;
    if (unit === 'parameters') {
      if (isReference(s, g)) continue;
      // A single size is a statement when introduced ("a 65B model", "is a …") or listed after "sizes:".
      const stated = g.items.length > 1 || INDEFINITE.test(before.replace(/(?:~|about|around|roughly)\s*$/, '')) || /\b(?:sizes|models|variants|versions|Größen)\s*:[^:]*$/i.test(before) || g.items[0]!.part !== undefined;
      // A change of size ("upped … from 65B to 70B") is two models' sizes, not a range of one's: not read.
      if (g.range && changeFrom) continue;
      if (own) b = own;
      else if (!stated || (!nearestFrame(k, s, ['sizes'], g, CLAIM_UNIT_REACH_WORDS.sizes) && !g.items.some((i) => i.word === 'parameters'))) continue;
    }
    if (unit !== 'parameters' && g.range) {
      // A change "from 2048 to 4096": the start is the point of comparison's ("compared to Llama 1"),
      // the end the subject's ("Llama 2 doubled …"). A side the sentence does not name is left alone.
      if (!/\bfrom\s+$/i.test(s.text.slice(0, g.start))) continue;
      const [a, z] = [g.items[0]!, g.items[1]!];
      const base = s.mentions.filter((m) => m.end <= g.start && (isBaseline(s, m) || heldBefore(k, s, m, z, attribute)) && entitiesOf(k, m, attribute, s).length).at(-1);
      const sides: [Quantity, Binding | undefined][] = [
        [a, base && { mention: base, entities: entitiesOf(k, base, attribute, s) }],
        [z, bind(k, s, attribute, z, { following: false })],
      ];
      for (const [q, b] of sides) {
        if (!b || (q === z && b.mention === base)) continue;
        const j = judgeBinding(b, (e) => {
          const v = values.find((x) => x.entity === e);
          return v && judgeNumbers(v, [q]);
        });
        if (j) out.push(claim({ start: q === a ? g.start - 5 : q.start - 3, end: q.end }, attribute, j, k));
      }
      continue;
    }
    b ??= own ?? bind(k, s, attribute, g, { following: true });
    if (!b) continue;
    // The old amount of a change written apart from the new ("… the context window grew from 2,048
    // tokens to 10 million in Llama 4 Scout") is the earlier model's: read only with that model's
    // possessive or with "for"/"in" ("from LLaMA's 2,048 tokens", "from 2K in LLaMA").
    const oldAmount = !g.range && changeFrom;
    const itsOwn = /^['’]s\s+$/.test(s.text.slice(b.mention.end, g.start)) || VALUE_FOR.test(s.text.slice(g.end, b.mention.start));
    if (oldAmount && !itsOwn) continue;
    const sizes = unit === 'parameters' ? undefined : sizesNamed(s, b.mention);
    const name = unit === 'parameters' ? undefined : modelNamed(k, s, b.mention);
    // Another of the entity's models named between the name and the value ("Llama 4 Scout offers a
    // 10M context, Maverick one million"), or by itself after the value in its clause ("… ten times
    // the 1 million tokens of its sibling Maverick"): the value may be that one's.
    if (name !== undefined && otherModelNear(k, s, b.mention, name, g)) continue;
    const j = judgeBinding(b, (e) => {
      const found = values.find((x) => x.entity === e);
      // A sentence about one model by its size or name is judged by that model's value where values
      // differ by model ("7B and 13B on 1T tokens, 33B and 65B on 1.4T"; Scout's 10M-token context,
      // Maverick's 1M); by none when the data does not say which value is that model's.
      // As many sizes as values: paired in order ("LLaMA 7B and 65B were trained on 1T and 1.4T tokens").
      if (found?.bySize && sizes && sizes.length > 1 && sizes.length === g.items.length) return pairedBySize(found, sizes, g.items);
      const v = found && found.values.length > 1 && sizes !== undefined ? forSizes(found, sizes) : found && found.values.length > 1 && name !== undefined ? forName(found, name) : found;
      if (!v) return undefined;
      return unit === 'parameters' ? judgeSizes(k, s, v, g) : judgeNumbers(v, g.items);
    });
    if (!j) continue;
    const total = unit === 'parameters' ? s.groups.find((x) => x.start > g.end && x.items[0]?.part === 'total' && x.start - g.end < 20) : undefined;
    if (total) used.add(total);
    out.push(claim({ start: g.start, end: total?.end ?? g.end }, attribute, j, k));
  }

  checkModelCounts(k, s, out);
  checkYardstick(k, s, gpt3, out);
}

/** The name a parenthesis follows: "Llama 3 (8B and 70B, April 2024)". */
function parenthesisedAfter(s: Sentence, g: QuantityGroup): NamedSpan | undefined {
  const open = s.text.lastIndexOf('(', g.start);
  if (open < 0 || s.text.slice(open, g.start).includes(')') || !/^\(\s*$/.test(s.text.slice(open, g.start))) return undefined;
  return s.mentions.find((m) => /^\s*$/.test(s.text.slice(m.end, open)));
}

const COUNT = /\b(two|three|four|five|six|2|3|4|5|6|zwei|drei|vier|fünf|sechs)\s+(?:(?:different|distinct|initial|model|verschiedenen?|unterschiedlichen?)\s+)*(?:sizes|models|variants|versions|Größen|Modelle|Varianten)\b/gi;
const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6 };

/** "released three models" against the number released; said only when wrong, and only without a list of sizes to judge instead. */
function checkModelCounts(k: Knowledge, s: Sentence, out: Claim[]): void {
  for (const m of s.text.matchAll(COUNT)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const clause = clauseOf(s, span.start);
    if (s.groups.some((g) => g.start >= clause.start && g.end <= clause.end && g.items.some((i) => i.scale === 1e9))) continue;
    if (!nearestFrame(k, s, ['release'], span, CLAIM_UNIT_REACH_WORDS.count)) continue;
    const n = COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    const b = bind(k, s, 'sizes', span, { following: true });
    if (!b || b.entities.length !== 1) continue;
    const v = byKind(valuesFor(k, 'sizes', b.entities[0]), 'quantity')[0];
    if (!v?.models) continue;
    if (n === v.models || n === v.models + (v.unreleased?.length ?? 0)) continue;
    out.push(claim(span, 'sizes', { verdict: 'contradicted', entity: v.entity, facts: [v.id] }, k));
  }
}

/** "LLaMA-13B outperforms GPT-3": which LLaMA size Meta said beats GPT-3. Only agreement is said; other sizes were not compared in the source. */
function checkYardstick(k: Knowledge, s: Sentence, gpt3: readonly Span[], out: Claim[]): void {
  const v = byKind(k.values, 'quantity').find((x) => x.frame === 'outperforms');
  if (!v) return;
  for (const hit of frameHits(k, s, 'outperforms')) {
    const target = gpt3.find((g) => g.start >= hit.end && wordsBetween(s.text, hit.end, g.start) <= 2);
    if (!target) continue;
    const m = s.mentions.filter((x) => x.end <= hit.start && wordsBetween(s.text, x.end, hit.start) <= 3).at(-1);
    if (!m || !k.related.get(v.entity)?.has(m.entity)) continue;
    const inName = /(\d+)\s*B\b/i.exec(s.text.slice(m.start, m.end));
    const beforeName = /(\d+)\s*B\s+$/i.exec(s.text.slice(Math.max(0, m.start - 12), m.start));
    const size = Number((inName ?? beforeName)?.[1] ?? Number.NaN) * 1e9;
    if (!v.values.some((t) => agrees(size, t))) continue;
    const start = beforeName ? m.start - beforeName[0].length : m.start;
    const sentenceStart = s.text.slice(0, start).match(/(?:\bthe\s+|\bsmall\s+)*$/i)?.[0].length ?? 0;
    out.push(claim({ start: start - sentenceStart, end: hit.end }, 'gpt3', { verdict: 'supported', entity: v.entity, facts: [v.id] }, k));
  }
}

// ---------------------------------------------------------------- wording

function checkPhrases(k: Knowledge, s: Sentence, out: Claim[]): void {
  for (const v of byKind(k.values, 'phrase')) {
    if (!about(k, s, v)) continue;
    // A wording that restates a dated event ("will now be known as Meta") is claimed once, by the date.
    if (v.restates && out.some((c) => c.facts.includes(v.restates!))) continue;
    const hits = frameHits(k, s, v.frame);
    if (!hits.length || !identified(s, v)) continue;
    const found = (pattern: string) => [...s.text.matchAll(dataPattern(pattern, 'gi'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const slotOk = (span: Span) => {
      if (!v.slot) return true;
      return hits.some((h) => {
        const c = clauseOf(s, h.start);
        if (span.start < c.start || span.end > c.end) return false;
        if (v.slot === 'after') return span.start >= h.end && wordsBetween(s.text, h.end, span.start) <= 6;
        // The actor: before the verb, unless the verb is negated ("Clem Delangue did not take down
        // LLaMA"), or its agent after it in the passive ("a takedown notice filed by Hugging Face").
        // Not across a clause of another event ("… wurde am 16. März gemergt, also vier Tage bevor die
        // DMCA-Mitteilung …").
        // Nor across a clause that a date opens before the verb ("…, am 16. März folgte die Unterstützung
        // in Hugging Face Transformers, am 20. März datierte die DMCA-Mitteilung").
        if (span.end <= h.start) {
          const lead = s.text.slice(span.end, h.start);
          const dateOpens = s.dates.some((d) => d.start > span.end && d.end <= h.start && DATE_OPENS_CLAUSE.test(s.text.slice(span.end, d.start)));
          return !NEGATED.test(lead) && !TEMPORAL_SUBORDINATOR.test(lead) && !CLAUSE_JOIN.test(lead) && !dateOpens;
        }
        const between = s.text.slice(h.end, span.start);
        return span.start >= h.end && AGENT_BEFORE.test(between) && !NEGATED.test(between) && wordsBetween(s.text, h.end, span.start) <= 6;
      });
    };
    // Another value of the same kind in the clause may be the one the sentence gives ("Meta's takedown … was
    // filed by Hugging Face"): a wording is confirmed only when nothing in its clause disagrees.
    const rivalIn = (c: Span) => (v.rivals ?? []).some((p) => found(p).some((r) => r.start >= c.start && r.end <= c.end));
    for (const p of v.says) {
      const span = found(p).find((x) => slotOk(x) && !rivalIn(clauseOf(s, x.start)));
      if (span) {
        out.push(claim(span, v.attribute, { verdict: 'supported', entity: v.entity, facts: [v.id] }, k));
        break;
      }
    }
    for (const p of v.rivals ?? []) {
      const span = found(p).find(slotOk);
      if (span) out.push(claim(span, v.attribute, { verdict: 'contradicted', entity: v.entity, facts: [v.id] }, k));
    }
    if (v.attribute === 'name') checkExpansion(k, s, v, hits, out);
  }
}

/** "LLaMA, which stands for Large Language Model": the expansion given, checked against the true one. */
function checkExpansion(k: Knowledge, s: Sentence, v: PhraseClaimValue, hits: readonly Span[], out: Claim[]): void {
  for (const h of hits) {
    const subject = s.mentions.some((m) => m.entity === v.entity && m.end <= h.start && wordsBetween(s.text, m.end, h.start) <= 3);
    if (!subject) continue;
    const given = /^\s*[“"„(]?((?:[\p{Lu}][\p{L}]*\s*){2,7})/u.exec(s.text.slice(h.end));
    if (!given) continue;
    const text = given[1]!.trim();
    const start = h.end + given[0].indexOf(text);
    // The expansion goes on past a small word ("Large Language Model by Meta AI"): not read as cut there.
    if (/^\s+\p{Ll}+\s+\p{Lu}/u.test(s.text.slice(start + text.length))) continue;
    const span = { start: h.start, end: start + text.length };
    const ok = v.says.some((p) => dataPattern(`^(?:${p})$`, 'i').test(text));
    if (ok) continue;
    out.push(claim(span, v.attribute, { verdict: 'contradicted', entity: v.entity, facts: [v.id] }, k));
  }
}

const NAME = String.raw`((?:[\p{Lu}][\p{L}'’-]+)(?:\s+[\p{Lu}][\p{L}'’-]+){1,2})`;
const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function checkHolders(k: Knowledge, s: Sentence, opts: CheckOptions, out: Claim[]): void {
  for (const v of byKind(k.values, 'holder') as HolderClaimValue[]) {
    const role = k.frames.get(v.frame);
    if (!role) continue;
    const r = role.source;
    for (const m of s.mentions.filter((x) => x.entity === v.entity)) {
      const after = s.text.slice(m.end);
      const before = s.text.slice(0, m.start);
      const forms: { re: RegExp; on: string; at: number }[] = [
        // "Hugging Face CEO Clément Delangue", "Hugging Face's CEO is …", "Hugging Face, whose CEO is …", "Hugging-Face-CEO …".
        {
          re: new RegExp(String.raw`^(?:['’]s|,?\s+(?:whose|dessen|deren))?[\s-]+(?:co-?founder\s+and\s+)?(?:${r})(?:\s+and\s+co-?founder)?,?\s+(?:(?:is|was|ist|war)\s+)?${NAME}`, 'u'),
          on: after,
          at: m.end,
        },
      ];
      const roleBefore = new RegExp(String.raw`(?:${r})\s+(?:of|at|von|bei)\s+$`, 'iu').exec(before);
      if (roleBefore) forms.push({ re: new RegExp(String.raw`^,?\s+${NAME}`, 'u'), on: after, at: m.end });
      for (const f of forms) {
        const hit = f.re.exec(f.on);
        if (!hit) continue;
        const name = hit[1]!;
        const surname = name.split(/\s+/).at(-1)!;
        const ok = fold(surname) === fold(v.surname);
        if (!ok && opts.pageDate && v.asOf && opts.pageDate > v.asOf) continue;
        const start = roleBefore ? roleBefore.index : m.start;
        out.push(claim({ start, end: f.at + hit.index + hit[0].length }, v.attribute, { verdict: ok ? 'supported' : 'contradicted', entity: v.entity, facts: [v.id] }, k));
        break;
      }
    }
    // "Clément Delangue, CEO of Hugging Face" / "Clément Delangue, Hugging Face's CEO".
    for (const m of s.mentions.filter((x) => x.entity === v.entity)) {
      const before = s.text.slice(0, m.start);
      const after = s.text.slice(m.end);
      const hit =
        new RegExp(String.raw`${NAME},\s+(?:the\s+)?(?:co-?founder\s+and\s+)?(?:${r})\s+(?:of|at|von|bei)\s+$`, 'u').exec(before) ??
        (new RegExp(String.raw`^['’]s\s+(?:${r})\b`, 'u').test(after) ? new RegExp(String.raw`${NAME},\s+$`, 'u').exec(before) : null);
      if (!hit) continue;
      const surname = hit[1]!.split(/\s+/).at(-1)!;
      const ok = fold(surname) === fold(v.surname);
      if (!ok && opts.pageDate && v.asOf && opts.pageDate > v.asOf) continue;
      out.push(claim({ start: hit.index, end: m.end }, v.attribute, { verdict: ok ? 'supported' : 'contradicted', entity: v.entity, facts: [v.id] }, k));
    }
  }
}

function checkTerms(k: Knowledge, s: Sentence, out: Claim[]): void {
  const terms = byKind(k.values, 'terms') as TermsClaimValue[];
  if (!terms.length) return;
  const attribute = terms[0]!.attribute;
  const found: { span: Span; commercial: boolean }[] = [];
  for (const [frame, commercial] of [['non-commercial', false], ['commercial', true]] as const) {
    for (const h of frameHits(k, s, frame)) {
      if (found.some((f) => f.span.start < h.end && f.span.end > h.start)) continue;
      const lead = s.text.slice(Math.max(0, h.start - 30), h.start);
      // Negated or forbidden before ("forbids commercial use") or in the verb after it, up to the
      // next comma ("commercial use was not allowed", "kommerzielle Nutzung ist untersagt").
      const tail = s.text.slice(h.end).split(/[,;.:]/)[0]!.trim().split(/\s+/).slice(0, CLAIM_NEGATION_REACH_WORDS).join(' ');
      if (NEGATION.test(lead.split(/\s+/).slice(-4).join(' ')) || NEGATION.test(tail) || OF_ANOTHER.test(s.text.slice(h.end))) continue;
      found.push({ span: h, commercial });
    }
  }
  const merged: Claim[] = [];
  for (const f of found.sort((a, b) => a.span.start - b.span.start)) {
    const b = bind(k, s, attribute, f.span, { following: true });
    if (!b) continue;
    const j = judgeBinding(b, (e) => {
      const v = terms.find((x) => x.entity === e);
      return v && { verdict: v.commercial === f.commercial ? 'supported' : 'contradicted', entity: v.entity, facts: [v.id] };
    });
    if (!j) continue;
    const prev = merged.find((c) => c.entity === j.entity && c.verdict === j.verdict && clauseOf(s, c.start) === clauseOf(s, f.span.start));
    if (prev) prev.end = Math.max(prev.end, f.span.end);
    else merged.push(claim(f.span, attribute, j, k));
  }
  out.push(...merged);
}

function checkMisreportWording(k: Knowledge, s: Sentence, out: Claim[]): void {
  for (const r of k.misreports) {
    if (!('pattern' in r.match)) continue;
    const m = dataPattern(r.match.pattern, 'i').exec(s.text);
    if (!m) continue;
    // The event is named by a related mention, or by its own frame words beside the wording ("a staff update that took down the weights").
    const span = { start: m.index, end: m.index + m[0].length };
    const frames = [...new Set(valuesFor(k, r.attribute, r.entity).flatMap((v) => ('frame' in v ? [v.frame] : [])))];
    if (!gated(k, s, r.entity) && !framesNear(k, s, frames, span).length) continue;
    const facts = valuesFor(k, r.attribute, r.entity).map((v) => v.id);
    out.push({ ...span, attribute: r.attribute, entity: r.entity, verdict: 'contradicted', facts, misreport: r.id });
  }
}

/**
 * Whether the value's own phrase (after the last comma before it) does not state it: a verb negated
 * within a few words before it ("Contrary to reports, Llama 2 was not trained on 1.4T"; in "Llama 2,
 * not LLaMA, was trained on 2T" the negation is a name's, and the comma ends it), or a modal of
 * possibility or a wish before it ("Meta could release …", "wanted to release …"; in "…, which Meta
 * may grant" after a licence's threshold the modal is another verb's).
 */
function unstatedBefore(s: Sentence, clauseStart: number, at: number): boolean {
  const lead = s.text.slice(clauseStart, at);
  const comma = lead.search(/,(?!\d)[^,]*$/);
  const phrase = comma < 0 ? lead : lead.slice(comma + 1);
  // Words only: an opening quote mark before the value ('not handed out as a "beta test"') is none.
  const words = phrase.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
  return NOT_DONE.test(phrase) || NEGATED.test(words.slice(-CLAIM_NEGATION_REACH_WORDS).join(' '));
}

/** Claims in one sentence. `mentions` are the matcher's, with offsets into `text`. */
export function checkSentence(k: Knowledge, text: string, mentions: NamedSpan[], opts: CheckOptions = {}): Claim[] {
  if (!mentions.length || QUESTION.test(text)) return [];
  const s = readSentence(text, mentions);
  const out: Claim[] = [];
  checkDates(k, s, opts, out);
  checkDurations(k, s, out);
  checkNumbers(k, s, out);
  checkPhrases(k, s, out);
  checkHolders(k, s, opts, out);
  checkTerms(k, s, out);
  checkMisreportWording(k, s, out);
  // A clause that calls what it reports wrong, supposes, expects, intends or only allows it does not
  // assert it; nor does a verb negated before the value ("LLaMA was never a beta test").
  return settle(
    out.filter((c) => {
      const clause = clauseOf(s, c.start);
      return !NOT_ASSERTED.test(s.text.slice(clause.start, clause.end)) && !unstatedBefore(s, clause.start, c.start) && !NEGATED_AFTER.test(s.text.slice(c.end));
    }),
  );
}

/**
 * One claim per place: a known misreport speaks for its attribute in the sentence (other
 * contradictions of the same attribute and entity are its parts), and overlapping claims on one
 * attribute keep the first.
 */
function settle(claims: Claim[]): Claim[] {
  const misreported = claims.filter((c) => c.misreport);
  const kept: Claim[] = [];
  for (const c of claims.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (
      c.verdict === 'contradicted' &&
      !c.misreport &&
      misreported.some((m) => m !== c && m.attribute === c.attribute && m.entity === c.entity)
    ) {
      continue;
    }
    if (kept.some((x) => x.attribute === c.attribute && x.start < c.end && x.end > c.start)) continue;
    kept.push(c);
  }
  return kept;
}
