/**
 * One sentence as the checker reads it: its language, clauses, numbers, dates, and the mentions
 * (from the matcher) a value can belong to. Binding a value to an entity is done here, by how
 * sentences are built: a value belongs to the subject of its clause (the nearest mention before it),
 * to the noun a relative clause hangs on, to the name before a parenthesis, or to a possessive
 * ("Llama 2's 2 trillion tokens"); never to the point of comparison ("compared to Llama 1").
 */
import type { NamedSpan } from '../shared/dataset';
import type { ClaimAttribute, QuantityClaimValue } from '../shared/claims';
import { CLAIM_SUBJECT_REACH_WORDS, CLAIM_TOLERANCE } from '../shared/limits';
import { findDates, findDurations, type WrittenDate, type WrittenDuration } from './dates';
import { valuesFor, type Knowledge } from './knowledge';
import { CITATION_AFTER, DEFINITE, NOT_A_SUBJECT, AGAINST_AFTER, AGAINST_BEFORE, ASIDE_OF_COMPARISON, AUXILIARY, BASELINE_BEFORE, CITATION_YEAR, DERIVATIVE_AFTER, FIRST_PERSON, MEMBER_OF, OTHER_EVENT_CLAUSE, TEMPORAL_SUBORDINATOR, NAMES_AGAINST, CHANGE_TO, CHANGE_VERB, CLAUSE_BREAK, INSIDE_RELATIVE, OWN_SUBJECT, RELATIVE, RESPECTIVELY, SUBJECT_TO_VERB, VALUE_FOR, detectLang, type Lang } from './lexicon';
import { findQuantities, groupQuantities, type QuantityGroup } from './quantities';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  lang: Lang;
  mentions: NamedSpan[];
  clauses: Span[];
  groups: QuantityGroup[];
  dates: WrittenDate[];
  durations: WrittenDuration[];
  /** Frame hits found so far (one sentence is asked about the same frame many times). */
  frameHits: Map<string, readonly Span[]>;
}

export function readSentence(text: string, mentions: NamedSpan[]): Sentence {
  const lang = detectLang(text);
  const clauses: Span[] = [];
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    clauses.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  clauses.push({ start: from, end: text.length });
  const dates = findDates(text);
  const citations = [...text.matchAll(CITATION_YEAR)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const masked = [...mentions, ...dates.filter((d) => d.year !== undefined || d.days !== undefined), ...citations];
  return {
    text,
    lang,
    mentions,
    clauses,
    groups: groupQuantities(text, findQuantities(text, lang, masked)),
    dates,
    durations: findDurations(text),
    frameHits: new Map(),
  };
}

/** Every match of a frame in the sentence. */
export function frameHits(k: Knowledge, s: Sentence, frame: string): readonly Span[] {
  let hits = s.frameHits.get(frame);
  if (!hits) {
    const re = k.frames.get(frame);
    if (re) re.lastIndex = 0;
    hits = re ? [...s.text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
    s.frameHits.set(frame, hits);
  }
  return hits;
}

export function clauseOf(s: Sentence, at: number): Span {
  return s.clauses.find((c) => at >= c.start && at <= c.end) ?? { start: 0, end: s.text.length };
}

export function wordsBetween(text: string, a: number, b: number): number {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return text.slice(lo, hi).split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

/** True when the mention is the point of comparison ("compared to Llama 1", "up from Llama 2's"). */
export function isBaseline(s: Sentence, m: NamedSpan): boolean {
  const clause = clauseOf(s, m.start);
  return BASELINE_BEFORE.test(s.text.slice(clause.start, m.start));
}

/** Where the last verb of change in `text` starts ("Llama 2 doubled …"), or -1. */
export function lastChangeVerb(text: string): number {
  let at = -1;
  for (const v of text.matchAll(CHANGE_VERB)) at = v.index;
  return at;
}

/**
 * Whether `m` held the old amount of a change whose new amount is the value at `span`: it stands
 * after a verb of change and before the "to" that leads to the value, and another name in the
 * clause, outside that stretch, can be the changer ("Llama 2 doubled LLaMA's context window to
 * 4,096 tokens": the 4,096 is not LLaMA's). With no other name, the changed thing is the one that
 * has the new amount ("Meta extended Llama 3.1's context window to 128K tokens").
 */
export function heldBefore(k: Knowledge, s: Sentence, m: NamedSpan, span: Span, attribute: ClaimAttribute): boolean {
  if (!CHANGE_TO.test(s.text.slice(m.end, span.start))) return false;
  const clause = clauseOf(s, m.start);
  const at = lastChangeVerb(s.text.slice(clause.start, m.start));
  if (at < 0) return false;
  const verb = clause.start + at;
  return s.mentions.some(
    (o) => o.entity !== m.entity && o.start >= clause.start && o.end <= clause.end && (o.end <= verb || o.start >= span.end) && entitiesOf(k, o, attribute, s).length > 0,
  );
}

/** The number group a possessive mention owns ("Llama-2's 2 trillion tokens"), if any. */
function owned(s: Sentence, m: NamedSpan): Span | undefined {
  if (!/^['’]s\b/.test(s.text.slice(m.end, m.end + 3))) return undefined;
  return s.groups.find((g) => g.start >= m.end && g.start - m.end <= 8);
}
const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
function ownsOther(s: Sentence, m: NamedSpan, value: Span): boolean {
  const o = owned(s, m);
  return o !== undefined && !within(value, o) && !within(o, value);
}

/**
 * A family name inside a product's name ("Code Llama", "Llama Guard") is not the family: the
 * capitalised word beside it makes another name.
 */
function inOtherName(s: Sentence, m: NamedSpan): boolean {
  const before = /([\p{Lu}][\p{L}’']*)\s+$/u.exec(s.text.slice(0, m.start))?.[1];
  const after = /^\s+[\p{Lu}][\p{L}]+/u.test(s.text.slice(m.end));
  return (before !== undefined && !NAME_LEAD.test(before)) || after;
}
/** Capitalised words that may stand before a family name without making another name. */
const NAME_LEAD = /^(?:The|A|An|This|That|These|Our|Their|Its|In|On|With|For|By|From|Of|Der|Die|Das|Ein|Eine|Mit|Von|Im|Am|Meta|Meta['’]s|Metas|Facebook['’]s)$/u;

/** The entities a mention stands for when checking `attribute`: itself, or a family's members. */
export function entitiesOf(k: Knowledge, m: NamedSpan, attribute: ClaimAttribute, s?: Sentence): string[] {
  if (valuesFor(k, attribute, m.entity).length) return [m.entity];
  const members = k.families.get(m.entity);
  if (!members || (s && inOtherName(s, m))) return [];
  return members.filter((e) => valuesFor(k, attribute, e).length);
}

/**
 * In English, a capitalised name that is not one of ours, nor a date's, just before the verb at
 * `verb` ("OpenAI released GPT-4"): the verb's subject is another name (German capitalises every
 * noun, so it is not asked there).
 */
export function otherNameIsSubject(s: Sentence, verb: Span): boolean {
  if (s.lang !== 'en') return false;
  const clause = clauseOf(s, verb.start);
  const word = /(?<![\p{L}\d])([\p{Lu}][\p{L}\d.&-]*)\s+(?:(?:has|had|have|then|now|also|finally|first|later|soon|\p{L}+ly)\s+)*$/u.exec(s.text.slice(clause.start, verb.start));
  if (!word || NOT_A_SUBJECT.test(word[1]!)) return false;
  const at = clause.start + word.index;
  return !s.mentions.some((m) => m.start <= at && m.end > at) && !s.dates.some((d) => d.start <= at && d.end > at);
}

/**
 * Whether an actor (a name that holds no value of `attribute`: Meta, for a release) is the subject
 * of the verb at `verb`: just before it ("Meta has released …") or, in an inverted clause, just
 * after it ("Nach Llama 3 veröffentlichte Meta …"). Then what the verb acts on stands after it, and
 * a name before it ("After Llama 3, Meta released …") is not the thing released.
 */
export function actorIsSubject(k: Knowledge, s: Sentence, verb: Span, attribute: ClaimAttribute): boolean {
  const clause = clauseOf(s, verb.start);
  return s.mentions.some(
    (m) =>
      m.start >= clause.start &&
      m.end <= clause.end &&
      !/^['’]s?\b/.test(s.text.slice(m.end, m.end + 3)) &&
      entitiesOf(k, m, attribute, s).length === 0 &&
      ((m.end <= verb.start && SUBJECT_TO_VERB.test(s.text.slice(m.end, verb.start))) || (m.start >= verb.end && /^\s+$/.test(s.text.slice(verb.end, m.start)))),
  );
}

/** The capitalised word right after a mention, where a model's own name stands ("Llama 4 Maverick"). */
export function nameAfter(s: Sentence, m: NamedSpan): string | undefined {
  return /^[\s-]+([\p{Lu}][\p{L}]+)/u.exec(s.text.slice(m.end))?.[1];
}

/** Whether the word right before a mention opens a phrase of time ("after Llama 3", "nach LLaMA"). */
export function afterTemporalWord(s: Sentence, m: NamedSpan): boolean {
  return TEMPORAL_SUBORDINATOR.test(/(\S+)\s+$/.exec(s.text.slice(0, m.start))?.[1] ?? '');
}

/**
 * Whether the mention names one model that the data does not list among its entity's models, by
 * name ("Llama 4 Behemoth", previewed and never released, where Scout and Maverick are listed) or
 * by size ("Llama 3 405B": the 405B model came with Llama 3.1): the entity's values are not that
 * model's.
 */
function namesUnlistedModel(k: Knowledge, s: Sentence, m: NamedSpan): boolean {
  const after = s.text.slice(m.end);
  const listed = k.models.get(m.entity);
  const name = listed && nameAfter(s, m);
  if (name && !listed.has(name)) return true;
  const size = /^[\s-]*(\d+(?:\.\d+)?)\s*B\b/i.exec(after) ?? /[\s-](\d+(?:\.\d+)?)\s*B$/i.exec(s.text.slice(m.start, m.end));
  const sizes = size && k.values.find((v): v is QuantityClaimValue => v.kind === 'quantity' && v.attribute === 'sizes' && v.entity === m.entity);
  if (!size || !sizes) return false;
  const n = Number(size[1]) * 1e9;
  return ![...sizes.values, ...(sizes.unreleased ?? [])].some((x) => Math.abs(x - n) <= x * CLAIM_TOLERANCE.parameters);
}

export interface Binding {
  mention: NamedSpan;
  entities: string[];
}

/**
 * Where to look for the name a value at `span` is about. `following`: after it too, when none is
 * before it. `near`: within that many words. `onlyAfter`: only after it. `ofVerb`: the span is a
 * verb (a release), whose object is sought, not a value.
 */
export interface BindOptions {
  following: boolean;
  near?: number;
  onlyAfter?: boolean;
  ofVerb?: boolean;
}

/**
 * The mention a value at `span` is about, for `attribute`. Looks inside the value's clause: a
 * relative clause's noun, else the nearest mention before it that is not a point of comparison,
 * else (with `following`) the nearest such mention after it.
 */
export function bind(k: Knowledge, s: Sentence, attribute: ClaimAttribute, span: Span, opts: BindOptions): Binding | undefined {
  const clause = clauseOf(s, span.start);
  // "The largest member of the Llama 4 herd with 288 billion active parameters": an unnamed member's value.
  const memberOf = (m: NamedSpan) => MEMBER_OF.test(s.text.slice(Math.max(0, m.start - 30), m.start));
  // "Stanford's Alpaca, a LLaMA fine-tune …, was unveiled on 13 March 2023": the fine-tune's, not LLaMA's.
  const derivative = (m: NamedSpan) => DERIVATIVE_AFTER.test(s.text.slice(m.end, m.end + 20));
  const of = (m: NamedSpan): Binding | undefined => (namesUnlistedModel(k, s, m) || memberOf(m) || derivative(m) ? undefined : { mention: m, entities: entitiesOf(k, m, attribute, s) });
  const candidate = (m: NamedSpan) => !(m.start < span.end && m.end > span.start) && entitiesOf(k, m, attribute, s).length > 0;
  const inClause = (m: NamedSpan) => candidate(m) && m.start >= clause.start && m.end <= clause.end;
  // Values paired with names in order ("… in April and July 2024, respectively"): not read.
  if (RESPECTIVELY.test(s.text.slice(clause.start, clause.end)) && new Set(s.mentions.filter(inClause).map((m) => m.entity)).size > 1) return undefined;
  // Values set against each other beside names set against each other ("Llama 2 vs. LLaMA: 2T vs.
  // 1.4T tokens") are paired in order, as with "respectively": not read.
  const against = AGAINST_AFTER.test(s.text.slice(span.end)) || AGAINST_BEFORE.test(s.text.slice(0, span.start));
  if (against && s.mentions.some((a) => s.mentions.some((b) => b.start > a.end && b.entity !== a.entity && NAMES_AGAINST.test(s.text.slice(a.end, b.start))))) return undefined;
  const possessor = s.mentions.find((m) => candidate(m) && owned(s, m) && within(span, owned(s, m)!));
  if (possessor) return of(possessor);
  // A value right before a name names that name's models ("the quantized 1B and 3B Llama 3.2 models").
  const sized = opts.ofVerb ? undefined : s.mentions.find((m) => m.start >= span.end && /^[\s-]+$/.test(s.text.slice(span.end, m.start)));
  if (sized) return candidate(sized) ? of(sized) : undefined;
  // A value followed by "for" and a name is that name's ("4K for Llama 2"): whatever the subject is.
  const named = s.mentions.find((m) => m.start >= span.end && VALUE_FOR.test(s.text.slice(span.end, m.start)));
  if (named) return candidate(named) ? of(named) : undefined;
  if (!opts.ofVerb && ownedByOtherNoun(k, s, span, clause)) return undefined;
  // A value inside an aside of comparison (", in contrast to the bespoke non-commercial licence used
  // for the original LLaMA", ", compared with 300 billion tokens for GPT-3") is the compared thing's:
  // only a name inside the aside can own it.
  const aside = ASIDE_OF_COMPARISON.exec(s.text.slice(clause.start, span.start));
  if (!opts.ofVerb && aside) {
    const from = clause.start + aside.index;
    const inside = s.mentions.find((m) => m.start >= from && candidate(m) && !(m.start < span.end && m.end > span.start) && wordsBetween(s.text, span.end, m.start) <= CLAIM_SUBJECT_REACH_WORDS);
    return inside && !isBaseline(s, inside) ? of(inside) : undefined;
  }
  const before = opts.onlyAfter ? [] : s.mentions.filter((m) => inClause(m) && m.end <= span.start).reverse();
  // Inside a relative clause set off by commas that closes before the value ("Alpaca, which Stanford
  // built on LLaMA 7B, was released …"): the name belongs to that clause, not to the verb after it.
  const insideRelative = (m: NamedSpan) => insideRelativeClause(s, m.start, clause.start);
  for (const m of before) {
    if (opts.near !== undefined && wordsBetween(s.text, m.end, span.start) > opts.near) break;
    const between = s.text.slice(m.end, span.start);
    if (between.includes(',') && insideRelative(m)) continue;
    if (heldBefore(k, s, m, span, attribute)) continue;
    // A bare "that" after a point of comparison may open a cleft's clause, about the name before it
    // ("It was Llama 2 rather than LLaMA that was trained on 2T"): not read.
    if (RELATIVE.test(between) && !/[.;]/.test(between)) return isBaseline(s, m) && !between.includes(',') ? undefined : of(m);
    // Inside an aside of comparison that closes before the value (", unlike … the original LLaMA, allows …").
    if (between.includes(',') && insideAside(s, m.start, clause.start)) continue;
    // A relative clause on another noun ("… a model called Code Llama, which is trained on …") is about that noun.
    if (/,\s*(?:which|who|die|der|das|welche\w*)\b/i.test(between)) return undefined;
    if (isBaseline(s, m) || ownsOther(s, m, span)) continue;
    // Another product named between the name and the value is nearer to it: "… about two months
    // after Google released its open Gemma models in 2B and 7B sizes".
    if (!opts.ofVerb && foreignNameIn(k, s, m.end, span.start, m.entity)) return undefined;
    // A value inside a subordinate clause of another event that opens after the name ("…, about two
    // months after Google released its open Gemma models in 2B and 7B sizes").
    if (!opts.ofVerb && OTHER_EVENT_CLAUSE.test(between)) return undefined;
    return of(m);
  }
  // A value's name may follow it ("With 65 billion parameters, LLaMA …"), unless the clause has a
  // subject of its own that is not one of ours ("GPT-4 launched with 8K and 32K context options, …
  // Hugging Face added LLaMA …"). A verb's object follows it whatever its subject.
  if (opts.following && (opts.ofVerb || !otherSubject(k, s, clause, span))) {
    const after = s.mentions.filter((m) => inClause(m) && m.start >= span.end);
    for (const m of after) {
      if (opts.near !== undefined && wordsBetween(s.text, span.end, m.start) > opts.near) break;
      if (isBaseline(s, m) || ownsOther(s, m, span)) continue;
      // A name after "after"/"nach" marks a time ("…mit 2 und 7 Milliarden Parametern, knapp ein Jahr
      // nach LLaMA"): not the value's.
      if (!opts.ofVerb && afterTemporalWord(s, m)) continue;
      return of(m);
    }
  }
  // A clause without a name of its own continues the sentence's one subject ("…, while the smaller
  // models were trained on 1T tokens"), unless it opens with a subject of its own ("while Mistral offers …").
  if (opts.onlyAfter || opts.near !== undefined || s.mentions.some(inClause) || OWN_SUBJECT.test(s.text.slice(clause.start, span.start)) || otherSubject(k, s, clause, span)) return undefined;
  const subjects = s.mentions.filter((m) => candidate(m) && !isBaseline(s, m) && !ownsOther(s, m, span) && m.end <= span.start);
  const entities = new Set(subjects.map((m) => m.entity));
  return entities.size === 1 && beforeVerb(s, subjects[0]!) ? of(subjects[0]!) : undefined;
}

/**
 * Whether a value belongs to a name that is not one of ours, by the way the sentence is built: a
 * participial phrase set off by a comma after that name ("Google's Gemma, released on 21 February
 * 2024 in 2B and 7B sizes …, was read as Google's answer to Llama"; English only: German nouns end
 * in "-en" too), or a definite value that another product's name follows before any of ours ("the 18
 * trillion tokens Alibaba reported for its Qwen2.5 series").
 */
function ownedByOtherNoun(k: Knowledge, s: Sentence, span: Span, clause: Span): boolean {
  const lead = s.text.slice(0, span.start);
  const participle = s.lang === 'en' ? /(?<![\p{L}\d])[\p{Lu}][\p{L}\d.-]*\s*,\s*(?:\p{L}+\s+)?\p{L}+(?:ed|en)\b[^,;()]*$/u.exec(lead) : null;
  if (participle && !s.mentions.some((m) => m.start <= participle.index && m.end > participle.index)) return true;
  // Inside a parenthesis opened after another product's name ("DeepSeek-V3 (December 2024; 671B
  // total, 14.8T tokens, 128K context) and Llama 3.1 405B (…)").
  const open = lead.lastIndexOf('(');
  if (open >= 0 && !lead.slice(open).includes(')')) {
    const head = /([\p{Lu}][\p{L}\d.-]*)\s*$/u.exec(lead.slice(0, open));
    // Not one of our own models the data names ("with Scout (17B active …)").
    const ours = head && k.modelNames.has(head[1]!);
    if (head && !ours && foreignNameIn(k, s, head.index, head.index + head[1]!.length)) return true;
  }
  if (!DEFINITE.test(lead)) return false;
  // The value's own phrase: up to a mark that ends it, or one of our names.
  const ours = s.mentions.find((m) => m.start >= span.end);
  const rest = s.text.slice(span.end, Math.min(ours?.start ?? clause.end, clause.end));
  const end = rest.search(/[,;:—–()]/);
  return foreignNameIn(k, s, span.end, span.end + (end < 0 ? rest.length : end));
}

/**
 * Whether a name can be its clause's subject by place: no auxiliary or copula stands before it in
 * its clause ("The biggest model in the Llama 1 family is …"). A name after the verb is its object
 * or complement ("Code Llama is a fine-tune of Llama 2; 7B, 13B and 34B versions were released …":
 * the versions are not Llama 2's).
 */
function beforeVerb(s: Sentence, m: NamedSpan): boolean {
  return !AUXILIARY.test(s.text.slice(clauseOf(s, m.start).start, m.start));
}

/**
 * Whether a name of something that is not one of ours stands in the text from `from` to `to`: a word
 * written as a product's name is (a digit in it, or a capital inside a word: "GPT-4", "Qwen2.5",
 * "DeepSeek-V3", "RedPajama"; in English, a size after it: "Falcon 180B", "Gemma 7B"), or a model
 * the data names ("Scout"), unless it is one of `own`'s. Not names: a capital that only starts a
 * sentence, a German noun ("Companies", "Größen 7B", "Vision-Modelle"), an acronym ("LLMs", "GPU").
 */
export function foreignNameIn(k: Knowledge, s: Sentence, from: number, to: number, own?: string): boolean {
  const text = s.text.slice(from, to);
  const ownModels = own === undefined ? undefined : k.models.get(own);
  for (const w of text.matchAll(/[\p{Lu}][\p{L}\d.-]*/gu)) {
    const at = from + w.index;
    // Part of one of our names, or the model name right after one ("Llama 4 Scout").
    if (s.mentions.some((m) => (m.start <= at && m.end > at) || (m.end <= at && /^[\s-]+$/.test(s.text.slice(m.end, at))))) continue;
    const word = w[0].replace(/[.-]+$/, '');
    if (ownModels?.has(word)) continue;
    const after = text.slice(w.index + w[0].length);
    // In English, a capitalised word with a size or a version number after it names a product
    // ("Falcon 180B", "Mixtral 8x7B", "Gemma 2"), unless the number is a date's ("March 2023").
    const sized = s.lang === 'en' && (/^\s+(?:\d+x)?\d+(?:\.\d+)?\s*[BMK]\b/i.test(after) || (/^\s+\d+(?:\.\d+)?(?!\d|[.,]\d|\s*(?:%|percent\b|per cent\b))/i.test(after) && !s.dates.some((d) => d.start <= at && d.end > at)));
    // A name with a citation after it is a cited work's: "OPT (Zhang et al., 2022)", "Gemma (Gemma Team, 2024)", "BLOOM [12]".
    const cited = CITATION_AFTER.test(s.text.slice(at + w[0].length));
    if (/\d|\p{Ll}\p{Lu}/u.test(word) || sized || cited || k.modelNames.has(word)) return true;
  }
  return false;
}

/**
 * Whether the value's clause has, before it, a subject that is not one of ours: the writer ("we",
 * "wir"), or something named as a product is ("Falcon 180B was trained on 3.5 trillion tokens, …",
 * "Together AI's RedPajama dataset, published … with 1.2 trillion tokens, set out to reproduce
 * the LLaMA training data").
 */
function otherSubject(k: Knowledge, s: Sentence, clause: Span, span: Span): boolean {
  return FIRST_PERSON.test(s.text.slice(clause.start, span.start)) || foreignNameIn(k, s, clause.start, span.start);
}

/**
 * Whether the text at `at` is inside an aside of comparison set off by commas (", unlike the
 * non-commercial research licence of the original LLaMA, allows …"): a name there is what is
 * compared with.
 */
export function insideAside(s: Sentence, at: number, from = 0): boolean {
  return ASIDE_OF_COMPARISON.test(s.text.slice(from, at));
}

/** Whether the text at `at` is inside a relative clause opened by a comma (", which …") and not closed before it. */
export function insideRelativeClause(s: Sentence, at: number, from = 0): boolean {
  return INSIDE_RELATIVE.test(s.text.slice(from, at));
}

/** True when the sentence mentions the entity, or an entity related to it either way. */
export function gated(k: Knowledge, s: Sentence, entity: string): boolean {
  const linked = (e: string) => e === entity || k.related.get(entity)?.has(e) || k.related.get(e)?.has(entity);
  return s.mentions.some((m) => linked(m.entity) || (!inOtherName(s, m) && (k.families.get(m.entity) ?? []).some(linked)));
}
