/**
 * The language the claim checker reads: how English and German write months, weekdays, parts of a
 * month, durations, magnitudes and the small words that decide which noun a value belongs to.
 * Knowledge about the world lives in src/data/claims.json; this is knowledge about writing.
 */

export type Lang = 'en' | 'de';

/** Month names and their usual abbreviations, as written (capitalised: "march" is a verb). */
export const MONTHS: Record<string, number> = {
  January: 1, Jan: 1, Januar: 1, Jänner: 1,
  February: 2, Feb: 2, Februar: 2,
  March: 3, Mar: 3, März: 3, Maerz: 3,
  April: 4, Apr: 4,
  May: 5, Mai: 5,
  June: 6, Jun: 6, Juni: 6,
  July: 7, Jul: 7, Juli: 7,
  August: 8, Aug: 8,
  September: 9, Sept: 9, Sep: 9,
  October: 10, Oct: 10, Oktober: 10, Okt: 10,
  November: 11, Nov: 11,
  December: 12, Dec: 12, Dezember: 12, Dez: 12,
};

/** Weekdays (0 = Sunday, as Date.getUTCDay); German compounds like "Donnerstagabend" are read by their stem. */
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, sonntag: 0,
  monday: 1, montag: 1,
  tuesday: 2, dienstag: 2,
  wednesday: 3, mittwoch: 3,
  thursday: 4, donnerstag: 4,
  friday: 5, freitag: 5,
  saturday: 6, samstag: 6, sonnabend: 6,
};

/** Vague parts of a month ("early March", "Ende Februar") as day ranges. */
export const MONTH_PARTS: { pattern: string; days: [number, number] }[] = [
  { pattern: 'early|the (?:beginning|start) of|(?:beginning|start) of|anfang', days: [1, 10] },
  { pattern: 'mid-?|the middle of|middle of|mitte', days: [11, 20] },
  { pattern: 'late|the end of|end of|ende', days: [21, 31] },
];

/** Numbers written as words: "a week later", "one trillion tokens", "zwei Billionen". */
export const NUMERALS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100,
  ein: 1, eine: 1, einer: 1, einem: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, fünfzehn: 15, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50,
  sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100,
};

/** Counts written as words, for durations: the numerals, and the vague "couple" and "few" ("a few days later"). */
export const NUMBER_WORDS: Record<string, number> = { ...NUMERALS, couple: 2, few: 3 };

/** Durations in days. A month is read as 28–31 days. */
export const DURATION_DAYS: Record<string, [number, number]> = {
  day: [1, 1], days: [1, 1], tag: [1, 1], tage: [1, 1], tagen: [1, 1],
  week: [7, 7], weeks: [7, 7], woche: [7, 7], wochen: [7, 7],
  month: [28, 31], months: [28, 31], monat: [28, 31], monate: [28, 31], monaten: [28, 31],
  year: [365, 366], years: [365, 366], jahr: [365, 366], jahre: [365, 366], jahren: [365, 366],
};

/**
 * Magnitudes after a number. English "billion" is 10^9; German "Milliarde" is 10^9 and German
 * "Billion" is 10^12, so the same word means different things by language.
 */
export function magnitude(word: string, lang: Lang): number | undefined {
  const w = word.replace(/\.$/, '');
  switch (w) {
    case 'k':
    case 'K':
    case 'thousand':
    case 'Tsd':
    case 'Tausend':
      return 1e3;
    case 'M':
    case 'million':
    case 'millions':
    case 'Mio':
    case 'Million':
    case 'Millionen':
      return 1e6;
    case 'B':
    case 'b':
    case 'billion':
    case 'billions':
    case 'Mrd':
    case 'Milliarde':
    case 'Milliarden':
      return 1e9;
    case 'Billion':
    case 'Billionen':
      return lang === 'de' ? 1e12 : 1e9;
    case 'T':
    case 'trillion':
    case 'trillions':
      return 1e12;
    default:
      return undefined;
  }
}
export const MAGNITUDE_WORDS =
  'thousand|millions?|billions?|trillions?|Tausend|Tsd\\.|Mio\\.?|Millionen|Million|Mrd\\.?|Milliarden|Milliarde|Billionen|Billion';
export const MAGNITUDE_LETTERS = '[kKMBbT]';


/** Words before a number that make it approximate or a bound. */
export const HEDGES = {
  approx: ['~', '≈', 'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'etwa', 'rund', 'circa', 'ca.', 'knapp', 'gut'],
  atLeast: ['over', 'more than', 'at least', 'upwards of', 'über', 'mehr als', 'mindestens'],
  atMost: ['up to', 'under', 'less than', 'fewer than', 'bis zu', 'weniger als', 'unter'],
};

/** Words just before a mention that make it the point of comparison or the base a thing is built on, not the subject. */
export const BASELINE_BEFORE =
  /(?:\bcompared (?:to|with)|\b(?:similar|comparable|equivalent|superior|inferior|close|identical)(?:\s+\p{L}+)?\s+to|\bthan(?:\s+(?:that|those|the ones?)(?:\s+\p{L}+)?\s+(?:of|for|in|by|with))?|\bunlike|\blike|\bfrom|\bover|\bversus|\bvs\.?|\bsuccessor (?:to|of)|\b(?:built|based) (?:on|upon)|\bderived from|\bbasierend auf|\bbasiert auf|\bauf Basis von|\bup from|\bincrease from|\btimes(?: the \w+(?: \w+)? (?:of|for|used for))?|\bnot|\bnicht|\binstead of|\bstatt|\banstelle von|\bgegenüber|\bim Vergleich (?:zu|mit)|\bals|\bwie|\bVorgänger|\bNachfolger (?:von|des))\s+(?:the\s+|der\s+|die\s+|dem\s+|den\s+|das\s+)?(?:original\s+|previous\s+|first\s+|earlier\s+|ursprünglichen\s+)?$/iu;

/**
 * Verbs that change an amount. In "Llama 2 doubled LLaMA's context window to 4,096 tokens" the
 * value after "to" ("auf") is the new amount, the changer's; the name between the verb and the
 * value held the old one ("from 2,048"). Finite forms and participles, English and German.
 */
export const CHANGE_VERB =
  /\b(?:doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|quadrupl(?:e[sd]?|ing)|halv(?:e[sd]?|ing)|increas(?:e[sd]?|ing)|rais(?:e[sd]?|ing)|extend(?:s|ed|ing)?|expand(?:s|ed|ing)?|enlarg(?:e[sd]?|ing)|boost(?:s|ed|ing)?|ups|upp(?:ed|ing)|bump(?:s|ed|ing)?|lift(?:s|ed|ing)?|grow(?:s|n|ing)?|grew|stretch(?:es|ed|ing)?|widen(?:s|ed|ing)?|lengthen(?:s|ed|ing)?|reduc(?:e[sd]?|ing)|cut(?:s|ting)?|shr(?:ank|unk|inks?|inking)|lower(?:s|ed|ing)|trim(?:s|med|ming)?|(?:ge)?(?:verdoppel|verdreifach|vervierfach|halbier|erhöh|erweiter|vergrößer|steiger|verlänger|reduzier|verringer|senk|kürz)(?:t|te|ten|en)?|wuchs|gewachsen|stieg|gestiegen)\b/giu;

/** Text from a name to the new amount of a change: "'s context window from 2,048 to ", "von LLaMA auf ". */
export const CHANGE_TO = /^(?:[^,;.]|(?<=\d)[,.](?=\d))*\b(?:to|auf)\s+(?:(?:about|around|roughly|nearly|almost|over|more than|etwa|rund|fast|über|mehr als)\s+)?$/iu;

/** Text ending inside a relative clause a comma opened and no comma has closed yet (", which Stanford built on …"). */
export const INSIDE_RELATIVE = /,\s*(?:which|who|whose|that|die|der|das|dessen|deren|welche\w*)\b[^,]*$/iu;

/** Text ending inside an aside of comparison a comma opened and no comma has closed yet (", unlike the … of the original "). */
export const ASIDE_OF_COMPARISON = /,\s*(?:\p{L}+,\s*)?(?:unlike|like|(?:the )?same as|similar to|compared (?:to|with)|as opposed to|in contrast to|im Gegensatz zu|anders als|genauso wie|wie bei|verglichen mit)\b[^,]*$/iu;

/** A comma, then a clause about another event ("…, about two months after Google released …", "…, während …"). */
export const OTHER_EVENT_CLAUSE = /,\s*(?:\p{L}+\s+){0,4}?(?:after|before|once|until|whereas|while|nachdem|bevor|während)\b/iu;

/** A relative pronoun opening a clause about the noun before it ("LLaMA 1, which was released…"). */
export const RELATIVE = /^(?:\s+[\p{Ll}\d][\p{L}\d-]*){0,2}\s*,?\s*\b(?:which|who|whose|that|die|der|das|dessen|deren|welche[rsmn]?)\b/u;

/** Words before a number that make it a reference to a known thing rather than a statement. */
export const DEFINITE = /\b(?:the|this|that|these|those|its|their|der|die|das|dem|den|des|dieses|diesem)\s+$/i;
/** Words before a number that introduce it as new information ("a 65B model", "is a …"). */
export const INDEFINITE = /\b(?:a|an|ein|eine|einem|einen|einer)\s+$/i;

/**
 * Negation close before a phrase turns it around, and so does a verb that forbids or restricts
 * ("forbids commercial use"); the checker then says nothing.
 */
export const NEGATION =
  /\b(?:not|no|never|without|nor|nicht|kein\w*|ohne|nie|forb[ia]d\w*|prohibit\w*|bans?|banned|bars?|barred|disallow\w*|exclud\w*|restrict\w*|verbiet\w*|verbot\w*|untersag\w*|beschränk\w*)\b/i;

/**
 * A date belongs to the verb nearest it. Verbs that report or discuss ("Meta said on March 8",
 * "was discussed on March 10") take a date of their own: one of them between a value's frame and a
 * date means the date is the report's, not the event's.
 */
export const REPORTING_VERB =
  /\b(?:said|says|confirmed|confirms|told|reported|reports|wrote|writes|stated|states|added|explained|noted|commented|acknowledged|admitted|claimed|denied|discussed|tweeted|argued|warned|sagte|sagt|erklärte|erklärt|bestätigte|bestätigt|berichtete|berichtet|schrieb|schreibt|teilte)\b/i;

/**
 * What may stand between a verb's subject and the verb: auxiliaries and adverbs ("Meta has now
 * officially released …", "Meta hat dann … veröffentlicht").
 */
export const SUBJECT_TO_VERB = /^\s+(?:(?:has|had|have|then|now|also|finally|first|later|soon|\p{L}+ly|hat|hatte|dann|nun|auch|schließlich|später|bald)\s+)*$/iu;

/** Right before the agent of a passive verb or the party a thing is done for: "filed by", "on behalf of", "im Auftrag von". */
export const AGENT_BEFORE = /\b(?:by|on behalf of|von|durch|im Auftrag von|im Namen von)\s+(?:the\s+|der\s+|dem\s+)?$/i;

/** Said of a model: it was not released, or only shown ("was only previewed and not released", "nur angekündigt", "still training"). */
export const NOT_RELEASED =
  /\b(?:(?:not|never|nicht|nie)\s+(?:yet\s+|been\s+|publicly\s+|officially\s+|öffentlich\s+|offiziell\s+)*(?:released|shipped|published|veröffentlicht|freigegeben)|unreleased|unveröffentlicht\w*|only\s+(?:been\s+)?(?:previewed|announced|teased)|nur\s+(?:angekündigt|vorgestellt|angeteasert|gezeigt)|still\s+(?:in\s+)?training|noch\s+im\s+Training)\b/i;

/** What opens a clause of its own after a value: a semicolon, a contrast, a clause join ("…, while …", "…; the 34B …"). */
export const OTHER_CLAUSE = /[;]|\b(?:while|whereas|but|though|although|während|wohingegen|aber|doch|obwohl)\b|[,;]\s*(?:and|so|or|und|denn|wobei|sodass)\b/i;

/** A citation right after a name: "(Zhang et al., 2022)", "(Gemma Team, 2024)", "(Touvron et al., 2023b)", "[12]". */
export const CITATION_AFTER = /^\s*(?:\((?:[\p{Lu}][\p{L}'’-]+\s+(?:et\s+al\.?|Team)|[\p{Lu}][\p{L}'’-]+(?:\s+(?:and|&|und)\s+[\p{Lu}][\p{L}'’-]+)?),?\s+\d{4}[a-z]?\)|\[\d+(?:\s*[,–-]\s*\d+)*\])/u;

/** A determiner or quantifier right before a word: a participle after it is an adjective ("the leaked weights", "alle geleakten Kopien"). */
export const ATTRIBUTIVE_BEFORE = /\b(?:the|a|an|all|any|some|its|their|these|those|die|der|das|den|dem|des|alle\w*|diese\w*|eine?\w*|seine?\w*|ihre?\w*)\s+$/i;

/** Auxiliaries: after a value's frame, one opens a verb phrase of its own ("LLaMA, which leaked, was discussed …"). */
export const AUXILIARY = /\b(?:was|were|is|are|has|have|had|will|would|wurde|wurden|ist|sind|hat|haben|hatte|wird)\b/i;

/**
 * Words that open a temporal clause or phrase about another event ("In March 2023, a week after
 * Meta announced LLaMA, the weights leaked"): a frame inside one does not take a date outside it.
 */
export const TEMPORAL_SUBORDINATOR = /\b(?:after|before|following|once|nach|nachdem|bevor)\b/i;

/**
 * A date that opens a clause after a comma or semicolon ("…, and on March 20 Meta sent …") belongs
 * to the verb that follows it, not to one before the comma.
 */
export const DATE_OPENS_CLAUSE = /[,;]\s*(?:(?:and|but|then|so|und|aber|dann)\s+)?(?:(?:on|in|by|am|im)\s+)?$/i;

/** A comma and a word that opens another clause ("…, and so in the DMCA paper of March 2023", "…, weshalb …"): what stands on either side belongs to its own clause. */
export const CLAUSE_JOIN = /[,;]\s*(?:and|but|so|or|while|whereas|und|aber|doch|denn|weshalb|weswegen|wobei|sodass|so dass)\b/i;

/** Between a value and the name it is given for: "4K for Llama 2", "2K for the original LLaMA", "up from 2048 in LLaMA". */
export const VALUE_FOR = /^\s*(?:tokens?\s+)?(?:for|in|für|bei)\s+(?:the\s+|der\s+|die\s+|das\s+|dem\s+)?(?:original\s+|first\s+|ursprünglichen\s+)?$/i;

/**
 * A clause that opens with a name of its own (a capitalised word that is not a pronoun or an
 * article) has its own subject ("…, while Mistral offers 7B and 22B models").
 */
/** Capitalised words that do not name a subject of their own: pronouns, articles, determiners. */
export const NOT_A_SUBJECT = /^(?:The|This|That|These|Those|Its|Their|It|They|He|She|We|I|You|Both|All|Each|Der|Die|Das|Dies\w*|Es|Sie|Er|Ihre?|Seine?|Beide|Alle)$/;

export const OWN_SUBJECT = /^\s*(?!(?:The|This|That|These|Those|Its|Their|It|They|He|She|We|Both|All|Each|Der|Die|Das|Dies\w*|Es|Sie|Er|Ihre?|Seine?|Beide|Alle)\b)\p{Lu}/u;

/**
 * A negated verb: "Llama 2 was not trained on 1.4 trillion tokens" says nothing wrong about Llama 2.
 * "Not only" affirms. A share denied is a negation too ("had no part in", "played no role in",
 * "had nothing to do with", "spielte keine Rolle bei").
 */
export const NEGATED =
  /\b(?:not|never|neither|nor|nicht|nie|niemals|weder)\b(?!\s+(?:only|just|nur|erst)\b)|n['’]t\b|\b(?:no|keine?)\s+(?:part|role|hand|involvement|Rolle|Anteil|Beteiligung)\b|\bnothing\s+to\s+do\s+with\b|\bnichts\s+(?:damit\s+)?zu\s+tun\b/iu;

/** After a value, a copula negated: "27 February 2023, is not the release date" says the value is not it. */
export const NEGATED_AFTER = /^["”’»)]*,?\s+(?:is|was|are|were|ist|war|sind|waren)\s+(?:not|never|nicht|nie|kein\w*)\b|^["”’»)]*,?\s+(?:isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b/iu;

/** A value set against another ("2T vs. 1.4T tokens"): around the value's own span, after it or before it. */
export const AGAINST_AFTER = /^[^\d,;]{0,20}?\s(?:vs\.?|versus|gegenüber)\s+[~≈]?\d/iu;
export const AGAINST_BEFORE = /\d[\p{L}\d.,-]*\s+(?:vs\.?|versus|gegenüber)\s+$/iu;
/** Between two names set against each other: "Llama 2 vs. LLaMA". */
export const NAMES_AGAINST = /^\s*(?:vs\.?|versus|gegenüber)\s*$/iu;

/** Values paired with names in order ("Llama 3 and Llama 3.1 were released in April and July 2024, respectively"). */
export const RESPECTIVELY = /\b(?:respectively|beziehungsweise|bzw\.)/iu;

/**
 * Before a value, in its phrase: a modal of possibility ("Meta could release Llama 3 in July",
 * "may release"), a wish or intent ("wanted to release LLaMA in January"), or a near miss ("almost
 * released", "beinahe"): what may, was meant to or nearly happened is not what happened. The modals in lower case only, so the month ("in May 2024", "May
 * Meta …") is not one. ("Would" is mostly a reported future: "announced that it would be known as Meta".)
 */
export const NOT_DONE = /\b(?:might|could|may)\s+(?:not\s+|well\s+|also\s+|soon\s+)?(?!have\b)[a-z]|\b(?:almost|nearly)\s+[a-z]+ed\b|\b(?:beinahe|um ein Haar)\b|\b(?:[Ii]ntends?|[Ii]ntended|[Ww]ants?|[Ww]anted|[Pp]lanning|[Pp]reparing)\s+to\b|\b(?:plante|planten|wollte|wollten|beabsichtigt\w*)\b/;

/**
 * Words by which a clause does not assert what it says, so it is not checked: it calls it wrong
 * ("wrongly claimed"), supposes what did not happen ("If Meta had released …", "might have come"; a condition
 * of a licence, "If … more than 700 million monthly active users, you must …", is asserted), or expects it
 * ("is expected to release Llama 3 in July"), passes on a rumour ("laut Gerüchten"), asks ("whether")
 * or denies it ("It is not true that …"). A plain future ("will be known as Meta") still states
 * a plan the sources date, and is checked.
 */
export const NOT_ASSERTED = new RegExp(
  [
    String.raw`\b(?:wrongly|falsely|incorrectly|erroneously|mistakenly|fälschlich\w*|irrtümlich\w*|zu Unrecht)\b`,
    String.raw`^\W*(?:if|wenn|falls)\b[^,;]*\b(?:had|hätte\w*|wäre\w*)\b`,
    String.raw`^\W*had\b`,
    String.raw`^\W*(?:whether|ob)\b`,
    String.raw`\b(?:not true|untrue|false|a myth|nicht wahr|falsch|ein Mythos),?\s+(?:that|dass)\b`,
    String.raw`\b(?:might|would|could|may)\s+have\b`,
    String.raw`\b(?:hätte|hätten|wäre|wären|könnte|könnten|dürfte|dürften)\b`,
    String.raw`\b(?:is|are|was|were)\s+(?:expected|set|due|likely|rumou?red|said)\s+to\b`,
    String.raw`\b(?:plans?|planned|aims?|hopes?)\s+to\b`,
    String.raw`\b(?:soll|sollen|sollte|sollten)\b`,
    String.raw`^\W*(?:according to (?:\w+\s+)?rumou?rs|rumou?r has it|laut (?:\w+\s+)?Gerüchten|gerüchteweise)\b`,
  ].join('|'),
  'i',
);

/**
 * The year of a citation, "(Touvron et al., 2023)", "(AI@Meta, 2024)", "Touvron et al. (2023b)":
 * a year, not a count, though it is written like a context length ("2048").
 */
export const CITATION_YEAR = /(?<=\bet al\.?,?\s*\(?|\([^()]*[\p{L}.],\s*)(?:19|20)\d\d[a-z]?(?=\s*[);])/gu;

/**
 * Before a value, a multiple of it ("twice the 2,048 tokens of its predecessor", "ten times the 1
 * million tokens of …"): the value is what is compared with, not the subject's.
 */
export const MULTIPLE_OF = /\b(?:twice|double|triple|half|\p{L}+\s+times|\d+(?:\.\d+)?\s*[x×])\s+(?:the\s+|that\s+of\s+(?:the\s+)?)?$/iu;

/**
 * After a value, the unnamed model it belongs to ("the research-only terms of its predecessor",
 * "die 2048 Token des Vorgängers"): not the subject's.
 */
export const OF_ANOTHER = /^[^,;.]{0,30}?\b(?:of\s+(?:its|their|the)\s+(?:predecessors?|successors?|previous|original|first|earlier|older|newer|later|sibling|rivals?|competitors?)|(?:des|der)\s+(?:Vorgängers?|Nachfolgers?|Vorgängermodells))\b/iu;

/** Before a name, one of its members left unnamed ("the largest member of the Llama 4 herd", "Mitglied der Llama-4-Familie"). */
export const MEMBER_OF = /\bmembers?\s+of\s+(?:the\s+)?$|\bMitglied\w*\s+(?:der|des)\s+$/iu;

/** After a date, the release's noun it modifies ("the 24 February announcement", "Llama 2's July 2023 debut"). */
export const EVENT_NOUN_AFTER = /^[\s-]+(?:announcement|release|launch|unveiling|debut|Ankündigung|Vorstellung|Veröffentlichung)\b/iu;

/** Before an event's word, a reaction to it: "reacted to the leak", "in response to the takedown", "reagierte … auf den Leak". */
export const REACTION_TO = /\b(?:react(?:ed|s|ing)?|respond(?:ed|s|ing)?|response|reagier\w*|antwortet\w*)\b[^,;]*\b(?:to|auf)\s+(?:the\s+|den\s+|die\s+|das\s+)?$/iu;

/** After a name, a derivative of it: "a LLaMA fine-tune", "LLaMA-Ableger" are other models. */
export const DERIVATIVE_AFTER = /^[\s-]+(?:fine-?tunes?|fine-?tuned|finetunes?|derivatives?|clones?|ports?|Ableger|Derivat\w*|Feinabstimmung\w*)\b/iu;

/** The writer as subject: what "we" train or measure is the writer's own model. */
export const FIRST_PERSON = /\b(?:[Ww]e|I|[Ww]ir|[Ii]ch)\b/u;

/** A sentence that asks: it asserts nothing ("Was Llama 2 trained on 1.4 trillion tokens?"). */
export const QUESTION = /\?["”’»)\]]*\s*$/u;

/**
 * Before a release verb, its infinitive ("tried to release", "is going to release", "plant, Llama 3
 * … zu veröffentlichen"): an aim, not an event.
 */
export const INFINITIVE_BEFORE = /\b(?:to|zu)\s+$/i;

/** A clause ends at these; a value and its subject are looked for inside one clause. */
export const CLAUSE_BREAK = /;|\s(?:but|while|whereas|although|aber|sondern|während|jedoch|obwohl)\s/gi;

/** Words that make a sentence German rather than English. */
const GERMAN = /\b(?:der|die|das|und|ist|hat|hatte|wurde|wurden|nicht|von|mit|auf|für|ein|eine|sein|seine|als|auch|zu|im|dem|den|des|nur|sich|wird|werden)\b/g;
const ENGLISH = /\b(?:the|and|is|was|were|has|had|of|with|on|for|a|an|its|to|in|that|which|by|from)\b/g;

export function detectLang(text: string): Lang {
  const de = text.match(GERMAN)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return de > en ? 'de' : 'en';
}
