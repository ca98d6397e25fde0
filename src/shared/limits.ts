/**
 * Tunable limits, in one place. Each says why it has the value it has; change them here only.
 */

/**
 * The longest stretch of work the content script does before yielding to the page. A task over
 * 50 ms is a "long task" that delays input; staying well under leaves the page room for its own work.
 */
export const SCAN_SLICE_MS = 8;

/**
 * Marks per page. Beyond this, highlights cost more memory and hit-testing time than they give the
 * reader (nobody reads 5,000 marks); later mentions stay unmarked. 20,000 mentions on a page must
 * not make the tab sluggish, so the cap sits well below that.
 */
export const MAX_MARKS_PER_PAGE = 5_000;

/**
 * The longest stretch of a text block handed to the matcher at once, so that a single matcher call
 * stays within a time slice. Larger blocks (a huge <pre>, minified text) are matched in windows of
 * this size, each widened by BLOCK_WINDOW_OVERLAP_CHARS on both sides (see scan.ts).
 */
export const MAX_BLOCK_CHARS = 50_000;

/**
 * How far each window of a long block reaches into its neighbours, so that a mention across a
 * window edge is seen whole: far longer than any alias. Each window keeps only the mentions that
 * start in its own stretch, so none is marked twice.
 */
export const BLOCK_WINDOW_OVERLAP_CHARS = 200;

/**
 * How much of the page's text feeds the page context (is this page about machine learning, about
 * animals, about HTML?). The top of a page says what it is about; reading more costs time on huge
 * pages without changing the verdict.
 */
export const PAGE_CONTEXT_CHARS = 20_000;

/**
 * The most of a page's sample (its title, then its first PAGE_CONTEXT_CHARS of text) the page
 * context reads: room for a long title without letting one push the text out, and a bound on the
 * `page/context` message the content script sends.
 */
export const PAGE_SAMPLE_CHARS = 30_000;

/**
 * The longest text inside site chrome (navigation, menus, the site's header and footer) read as a
 * label rather than prose: labels are a few words ("Share on Facebook", "Follow us on Instagram"),
 * while a footer's paragraph about the publisher is prose and is weighed as such.
 */
export const LABEL_MAX_CHARS = 40;

/**
 * A document with less readable text than this (ads, trackers, embeds, widgets: most of the frames
 * on a page) does not fetch the dictionary and compile a matcher to find out it names nothing: it
 * sends its text to the background, which keeps a compiled matcher, and starts only on a "yes".
 * Small enough that the message costs microseconds; large enough to cover ad and embed frames.
 */
export const SMALL_DOCUMENT_CHARS = 2_000;

/**
 * Mutations are batched for this long before a rescan, so a page that inserts nodes one by one is
 * rescanned once; short enough that new content is marked well inside the 250 ms users notice.
 */
export const RESCAN_DEBOUNCE_MS = 50;

/** Default hover delay: long enough that passing over a mark does not open it, short enough to feel immediate. */
export const DEFAULT_HOVER_DELAY_MS = 300;

/** Bounds for the user's hover delay setting: under 100 ms popovers fire while reading; over 2 s feels broken. */
export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2_000;

/**
 * How long the popover waits after the pointer leaves the mark or the popover before closing, so
 * that a diagonal move from the mark into the popover (crossing a gap) does not close it.
 */
export const POPOVER_CLOSE_GRACE_MS = 250;

/** Facts shown in the popover before "more": three fit a laptop screen without scrolling; the full list is in the entry page. */
export const POPOVER_MAX_FACTS = 3;

/**
 * Statements quoted under the popover's "On this page" before "and N more": a page dense with
 * claims matches the sources about one entity a thousand times, and each quote is a Range made and
 * a line to scroll past. Five fit beside the facts.
 */
export const POPOVER_MAX_SUPPORTED = 5;

/**
 * Claims of each verdict the popup's "On this page" lists before "and N more". A page dense with
 * claims has thousands: each listed one is a Range made and a quote copied when the popup opens,
 * and a list longer than the popup is scrolled past, not read. The keyboard steps to every marked
 * claim on the page.
 */
export const POPUP_MAX_CLAIMS = 10;

/** Entities asked for in one message; a page rarely names more than a dozen, and this bounds a hostile request. */
export const MAX_IDS_PER_REQUEST = 200;

/** Longest search query accepted; longer strings are not queries but pasted text. */
export const MAX_QUERY_CHARS = 200;

/** Search results shown in the popup: about a screenful (more is noise), and each row costs the keystroke its render and message bytes. */
export const MAX_SEARCH_RESULTS = 10;

/**
 * Evidence weights of the matcher's rules (src/matcher/rules.ts). An ambiguous form is marked when
 * evidence for the entity minus evidence for its everyday sense reaches the sense's `need` (2 for a
 * capitalised name, 3 for lower case or capitals: src/data/senses.json). The weights are set so that
 * one clear sign reaches 2 and a single weak one does not.
 */
export const EVIDENCE = {
  /** Each word of a domain that speaks for one reading, in the sentence: one such word is a clear sign. */
  domainWord: 2,
  /** Each software word: weak, since non-ML technical text is full of them. */
  weakDomainWord: 1,
  /** Words of one domain counted per sentence: a fourth says nothing the first three did not. */
  wordsCounted: 3,
  /** An unambiguous mention in the same sentence ("Llama 3" beside "Meta"): the text is about our entities. */
  sureMentionNearby: 3,
  /**
   * Another of our names, of another topic, written as a name in the same sentence ("Meta … Llama"):
   * less than an unambiguous mention, since each of the two may still be its everyday sense.
   */
  relatedNameNearby: 2,
  /** A company name right before a model name ("Meta Llama", "Meta's LLaMA"): each vouches for the other. */
  companyBeforeModel: 4,
  /** The word the form modifies is of its field ("Llama models", "Meta engineers", a size: "Llama 405B"). */
  headNoun: 3,
  /** A preposition that takes an organisation ("at Meta", "by Facebook"). */
  takenByPreposition: 2,
  /** A capitalised word that makes one name with the form ("Llama Guard", "🤗 Datasets"). */
  joinedName: 3,
  /** Another capitalised word beside a capitalised form suggests another name ("Llama TV", "Ilir Meta"). */
  otherCapitalised: 1,
  /** An initial after the form ("Meta L."): a person's first name. */
  initialAfter: 3,
} as const;

/**
 * How far around a candidate its sentence may reach, in characters, when no sentence end or blank
 * line comes first: a long sentence's far end is about something else, and text without punctuation
 * (tables, lists) would otherwise lend a candidate the vocabulary of its neighbours.
 */
export const SENTENCE_WINDOW_CHARS = 300;

/**
 * Longest note a user can keep on one entity. A note is a reminder next to the facts, not a
 * document: 2,000 characters is about a page of text and still fits the popover with a scroll.
 */
export const MAX_NOTE_CHARS = 2_000;

/**
 * Notes in one imported file. A note is keyed by entity, so a real file holds at most one per
 * entity in the dataset (25 today); this bounds a hostile or corrupt file, not a real one.
 */
export const MAX_IMPORTED_NOTES = 10_000;

/**
 * Largest file the options page will read as "your data". 5,000 sites export to about 120 KB;
 * a note per entity at the longest allowed is 50 KB today. Anything near this is not an export.
 */
export const MAX_IMPORT_BYTES = 4_000_000;

/** Past this many sites the options page's list gets a filter box: nobody scrolls through hundreds of hostnames. */
export const SITE_FILTER_FROM = 12;
/**
 * Touch-and-hold on a mark opens its popover (a mark inside a link: the tap itself follows the
 * link). Long enough not to fire during a tap (taps last ~100 ms), short enough to come before
 * the browsers' own long-press menu, which Chrome and Firefox for Android show at about 500 ms.
 */
export const TOUCH_HOLD_MS = 400;

/** A finger that moves this far (CSS px) since touching down is scrolling, not tapping or holding. */
export const TOUCH_SLOP_PX = 10;

/**
 * Claim check: how many words may stand between a value and the word that says what it is
 * ("released … on July 18"). Ten covers an English clause with its subject and an adverb; further
 * away, the value more often belongs to another verb, and a wrong attribute makes a wrong verdict.
 */
export const CLAIM_FRAME_REACH_WORDS = 10;

/** Claim check: how close a unit word must be ("context", "sizes") to the number it names, in words. */
export const CLAIM_UNIT_REACH_WORDS = { context: 6, sizes: 4, count: 3 } as const;

/**
 * Claim check: how far (in words) a negation may stand before the value whose verb it negates. Five
 * covers an auxiliary, the negation, a verb and a preposition ("was not trained on", "hat nie mehr
 * als"); further back it more often negates another verb.
 */
export const CLAIM_NEGATION_REACH_WORDS = 5;

/** Claim check: how far (in words) a release verb may stand from the model it releases. */
export const CLAIM_SUBJECT_REACH_WORDS = 12;

/**
 * Claim check: relative tolerance when a written number is compared with a sourced one. "128K" is
 * written for 131,072 tokens and "8K" for 8,192 (2.4 % apart); token counts are rounded to the
 * trillion ("1.4T"); sizes and licence thresholds are exact names; repository counts are counts.
 */
/**
 * A bound ("more than 5 trillion tokens", "up to 100K") is judged only when a true value lies
 * within this factor of it: people write a bound near the value they mean, and one far below a
 * true value is true but says little, so it is neither confirmed nor contradicted.
 */
export const CLAIM_BOUND_SLACK = 2;

export const CLAIM_TOLERANCE = {
  parameters: 0.02,
  tokens: 0.05,
  'context-tokens': 0.03,
  'monthly-users': 0.01,
  repositories: 0,
} as const;

/**
 * Claim check: a size within 5 % of a known one, but not equal to it, is rounding ("6.7B" for the
 * 7B model, "170B" for GPT-3's 175B) and gets no verdict; real size errors in coverage are other
 * sizes (34B, 65B for 70B: 7 % and more apart).
 */
export const CLAIM_SIZE_GRAY_ZONE = 0.05;

/**
 * Claim check: the longest stretch read as one sentence. Written sentences run to a few hundred
 * characters (the longest in the claim corpus: 481); a "sentence" of thousands is a log, a listing
 * or minified text with no full stop, and would only cost the checker time.
 */
export const CLAIM_SENTENCE_MAX_CHARS = 2_000;

/**
 * Claim check: text sent to the background in one message. A scan sends the blocks that name
 * something once it has finished, one message after another; copying a message is the page's
 * work, and 50,000 characters with their mentions copy in about a millisecond, where the 3,000
 * sentences of a 5 MB page sent at once made a 100 ms task. It also bounds what a hostile request costs.
 */
export const CLAIM_CHARS_PER_MESSAGE = 50_000;

/**
 * Claim check: a block longer than this is sent in pieces around its mentions (src/claims/pieces.ts).
 * At least a sentence's reach on both sides of a mention (2 × CLAIM_SENTENCE_MAX_CHARS and the
 * mention); paragraphs are shorter and go whole.
 */
export const CLAIM_PIECE_MAX_CHARS = 10_000;
