/**
 * How text becomes search terms, the same way for the dataset and for what a reader types, so that
 * a question and the fact that answers it meet on the same terms:
 * - case, accents and typographic punctuation do not matter ("Clement" finds "Clément");
 * - numbers with units are one term however they are written: "1.4 trillion", "1.4T" and "1.4T"
 *   give `1.4t`; "128,000" and "131,072" also give `128k`; "405 billion" and "405B" give `405b`;
 * - words are reduced to a stem ("released", "releases" and "release" meet), British spellings
 *   to American ones, common irregular verbs to their base form;
 * - words that mean the same thing in a question and in a fact share one term ("put out",
 *   "launched" and "released"; "stands for" and "short for");
 * - function words and question words are dropped, but what a question asks for (a date, a
 *   quantity, a person, a place) is kept as its intent.
 * These are rules of English, not of the dataset: nothing here names an entity or a fact.
 */

/** What a question asks for, read from its question words. */
export interface Intent {
  date: boolean;
  quantity: boolean;
  person: boolean;
  place: boolean;
}

export interface AnalysedQuery {
  /** One group per word the reader typed: the terms that word stands for, and the word as typed. */
  words: { terms: string[]; raw: string; numeric: boolean; last: boolean }[];
  /** The query as a phrase, stop words and question words removed: compared with entity names. */
  phrase: string;
  intent: Intent;
}

/** Lower case, no accents, plain quotes and hyphens. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII: the Unicode passes are for the rest.
  if (!/[^ -~\t\n\r]/.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

const STOP_WORDS = new Set(
  (
    'a an the of in on at to for from by with about as into onto over under and or but nor is are was were be been being am ' +
    'do does did done doing has have had having what which who whom whose when where why how this that these those it its ' +
    "there their they them he him his she her i me my we us our you your can could would should will shall may might must " +
    'much many any some all each every tell show give know please not no yes than then so such also just only very if ' +
    'get got s t d ll re ve m one ever still'
  ).split(' '),
);

/** Irregular verb forms a question and a fact may use for the same act. */
const IRREGULAR: Record<string, string> = {
  made: 'make', wrote: 'write', written: 'write', built: 'build', led: 'lead', left: 'leave', took: 'take', taken: 'take',
  began: 'begin', begun: 'begin', bought: 'buy', came: 'come', gave: 'give', given: 'give', said: 'say', went: 'go',
  gone: 'go', knew: 'know', known: 'know', held: 'hold', sent: 'send', spent: 'spend', grew: 'grow', grown: 'grow',
  ran: 'run', paid: 'pay', sold: 'sell', won: 'win', brought: 'bring', thought: 'think', got: 'get', chose: 'choose',
  chosen: 'choose', forbade: 'forbid', stood: 'stand', drew: 'draw', drawn: 'draw', fell: 'fall', shown: 'show', hid: 'hide', hidden: 'hide',
};

/** Two-word expressions that mean one thing; replaced before the words are split. */
const PHRASES: [RegExp, string][] = [
  [/\b(?:put|puts|putting|came|come|comes|coming|bring|brings|brought|roll|rolls|rolled)\s+out\b/g, ' release '],
  [/\bset(?:s|ting)?\s+up\b/g, ' found '],
  [/\b(?:stands?|stood|short)\s+for\b/g, ' acronym '],
  [/\b(?:take|takes|took|taken|taking)\s+down\b/g, ' takedown '],
  [/\bchief\s+executive(?:\s+officer)?\b/g, ' ceo '],
  [/\bstep(?:s|ped|ping)?\s+down\b/g, ' leave '],
  [/\bcontext\s+(?:window|length|size)\b/g, ' context '],
  // "based in Paris", "New York-based", "where is it based" say where; "based on" does not.
  [/\bbased\b(?!\s+(?:on|upon)\b)/g, ' headquarter '],
];

/**
 * Words that name the same thing, by group; the first word's stem stands for the group. Each group
 * is general English (or general tech usage), so it helps any question, not one.
 */
const SYNONYM_GROUPS = [
  ['release', 'launch', 'announce', 'publish', 'unveil', 'introduce', 'debut'],
  ['make', 'create', 'build', 'develop', 'write', 'author'],
  ['found', 'founder', 'establish', 'start'],
  ['leave', 'quit', 'depart', 'exit', 'resign'],
  ['company', 'firm', 'startup', 'business'],
  ['join', 'acquire', 'buy', 'purchase'],
  ['cost', 'price', 'spend', 'pay'],
  ['parameter', 'param', 'size'],
  ['ceo', 'boss'],
  ['headquarter', 'hq'],
  ['data', 'dataset', 'corpus'],
  ['takedown', 'remove', 'delete', 'dmca'],
  ['train', 'pretrain', 'tune', 'finetune'],
  ['name', 'call'],
  ['allow', 'permit'],
  ['forbid', 'prohibit', 'ban', 'bar'],
  ['eu', 'europe', 'european'],
  ['senator', 'lawmaker', 'congress'],
  ['acronym', 'abbreviation', 'abbreviate'],
  ['repository', 'repo'],
];

/** British spellings and suffixes, to the American ones (applied to both sides, so the choice does not matter). */
function americanSpelling(word: string): string {
  if (word.startsWith('licenc')) return `licens${word.slice(6)}`;
  if (word.length >= 7) return word.replace(/isation$/, 'ization').replace(/is(e|ed|es|ing)$/, 'iz$1');
  return word;
}

/** A light English stemmer: plural and verb endings, undoubled consonants, -ment, a final e. */
export function stem(input: string): string {
  let w = IRREGULAR[input] ?? americanSpelling(input);
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= 3 && /[aeiouy]/.test(base)) {
      w = /([^aeiouylsz])\1$/.test(base) ? base.slice(0, -1) : base;
      break;
    }
  }
  if (w.endsWith('ment') && w.length >= 8) w = w.slice(0, -4);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0]!);
  for (const word of group) CANONICAL.set(stem(word), head);
}

const UNIT_LETTER: Record<string, string> = { thousand: 'k', million: 'm', billion: 'b', trillion: 't', k: 'k', m: 'm', b: 'b', t: 't' };
/** A number followed by a magnitude, written as a word or a letter ("405B", "1.4 trillion", "128K-token"). */
const NUMBER_WITH_UNIT = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(thousand|million|billion|trillion|[kmbt])(?![\p{L}\d])/gu;
const SCALES: [string, number][] = [['t', 1e12], ['b', 1e9], ['m', 1e6], ['k', 1e3]];
/** How close a number must be to a round magnitude to be written with it ("4,096" is about "4K"). */
const ROUNDING_TOLERANCE = 0.05;

/**
 * The magnitude forms of a plain number written with thousands separators or five digits or more
 * (not a year): "2,048" is also `2k`, "131,072" is also `128k` (binary K) and `131k`.
 */
function magnitudeForms(digits: string, written: string): string[] {
  if (!written.includes(',') && digits.replace(/\..*/, '').length < 5) return [];
  const n = Number(digits);
  const out: string[] = [];
  for (const [letter, scale] of SCALES) {
    const x = n / scale;
    if (x < 1) continue;
    const rounded = Math.round(x);
    if (Math.abs(x - rounded) / x <= ROUNDING_TOLERANCE) out.push(`${rounded}${letter}`);
    const binary = n / 1024 ** (SCALES.length - SCALES.findIndex(([l]) => l === letter));
    if (Number.isInteger(binary)) out.push(`${binary}${letter}`);
    break;
  }
  return out;
}

interface Word {
  /** The word as written (folded): the word still being typed is also looked up by prefix as written. */
  raw: string;
  terms: string[];
  numeric: boolean;
}

/** The terms one written word stands for; empty for a stop word. */
function termsOf(raw: string): Word | null {
  const word = raw.replace(/^[.']+|[.']+$/g, '').replace(/'s$/, '');
  if (!word) return null;
  const unit = /^(\d+(?:\.\d+)?)([kmbt])$/.exec(word);
  // "405B" is also found as "405"; a one-digit number alone is a version ("Llama 2"), not 2B or 2T.
  if (unit) return { raw: word, terms: unit[1]!.length > 1 ? [word, unit[1]!] : [word], numeric: true };
  if (/^\d[\d,]*(?:\.\d+)?$/.test(word)) {
    const digits = word.replace(/,/g, '');
    return { raw: word, terms: [...new Set([digits, ...magnitudeForms(digits, word)])], numeric: true };
  }
  if (STOP_WORDS.has(word)) return null;
  const terms = new Set<string>();
  const add = (w: string) => {
    const s = stem(w);
    terms.add(CANONICAL.get(s) ?? s);
  };
  add(word);
  // "llama.cpp", "meta-llama" and "llama3" also count as their parts.
  for (const part of word.split(/[.'-]+/)) if (part !== word && part && !STOP_WORDS.has(part)) add(part);
  const glued = /^(\p{L}+)(\d[\d.]*)$/u.exec(word);
  if (glued) {
    add(glued[1]!);
    terms.add(glued[2]!);
  }
  return { raw: word, terms: [...terms], numeric: false };
}

/** Word analysis is the costly part and words repeat (Zipf), so each distinct word is analysed once. */
const analysed = new Map<string, Word | null>();
/** Enough for any real vocabulary; past it the cache starts over rather than grow without bound. */
const MAX_CACHED_WORDS = 200_000;

function cachedTermsOf(word: string): Word | null {
  let parsed = analysed.get(word);
  if (parsed === undefined) {
    if (analysed.size >= MAX_CACHED_WORDS) analysed.clear();
    parsed = termsOf(word.replace(/^[-,]+|[-,]+$/g, ''));
    analysed.set(word, parsed);
  }
  return parsed;
}

function words(text: string): Word[] {
  let t = fold(text);
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  if (/\d/.test(t)) t = t.replace(NUMBER_WITH_UNIT, (_, n: string, u: string) => ` ${n.replace(/,/g, '')}${UNIT_LETTER[u]} `);
  const out: Word[] = [];
  for (const w of t.split(/[^\p{L}\p{N}.,'-]+|(?<!\d),|,(?!\d{3})/u)) {
    if (!w) continue;
    const parsed = cachedTermsOf(w);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** The terms a piece of dataset text is indexed under. */
export function indexTerms(text: string): string[] {
  return words(text).flatMap((w) => w.terms);
}

const INTENTS: Record<keyof Intent, RegExp> = {
  date: /\b(?:when|dates?|years?|what day|which day|what month|which month|how long ago)\b/,
  quantity: /\b(?:how (?:many|much|long|big|large|old|fast|expensive|far)|what size|number|amount|count)\b/,
  person: /\bwho(?:m|se)?\b/,
  place: /\bwhere\b/,
};
/**
 * Words that only say what the question asks for ("how long", "release date", "number of") are
 * not words to find in the answer.
 */
const ASKING_WORDS = /\bhow (?:long|big|large|old|fast|expensive|far)\b|\b(?:dates?|years?|number|amount|count)\b/g;

export function analyseQuery(query: string): AnalysedQuery {
  const folded = fold(query);
  const intent = {
    date: INTENTS.date.test(folded),
    quantity: INTENTS.quantity.test(folded),
    person: INTENTS.person.test(folded),
    place: INTENTS.place.test(folded),
  };
  // A one-letter word refines nothing (and as a prefix it would match much of the vocabulary);
  // a digit is a version ("Llama 2") and stays.
  const found = words(folded.replace(ASKING_WORDS, ' ')).filter((w) => w.numeric || w.raw.length > 1);
  const typing = !/\s$/.test(query);
  return {
    words: found.map((w, i) => ({ terms: w.terms, raw: w.raw, numeric: w.numeric, last: typing && i === found.length - 1 })),
    phrase: found.map((w) => w.raw).join(' '),
    intent,
  };
}

/** A name or alias as compared with a query phrase: folded, punctuation as spaces. */
export function namePhrase(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}.]+/gu, ' ').trim();
}
