/**
 * Claim check: the shape of the sourced values a page's statements are checked against
 * (src/data/claims.json), and of the claims the checker (src/claims/) reports.
 *
 * The data holds knowledge, the checker holds language: each value says what the sources say about
 * one attribute of one entity, and which "frame" (a list of cue patterns, also data) places a
 * value written on a page in that attribute. Known misreports say what circulated, what is true,
 * and where the error came from.
 */
import type { Entity, IsoDate, Source } from './dataset';

/** The attributes claims are checked for. Anything else on a page is not a claim here. */
export const CLAIM_ATTRIBUTES = [
  'release-date',
  'sizes',
  'training-tokens',
  'context-length',
  'licence',
  'leak',
  'takedown',
  'rename',
  'hf-ceo',
  'hf-llama-support',
  'name',
  'statement',
  'gpt3',
] as const;
export type ClaimAttribute = (typeof CLAIM_ATTRIBUTES)[number];

/** What a number on a page counts. */
export const QUANTITY_UNITS = ['parameters', 'tokens', 'context-tokens', 'monthly-users', 'repositories'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

interface ValueBase {
  /** Stable kebab-case id, unique among claim values. */
  id: string;
  /** The entity the value is about (entities.json). */
  entity: string;
  attribute: ClaimAttribute;
  /** What the sources say, in our words; shown in the popover. */
  text: string;
  /** At least one source id (sources.json); every source is https. */
  sources: string[];
  /** For values that can change (who holds a role): the day they were last known true. */
  asOf?: IsoDate;
  /**
   * Patterns of the event's own details (its platform, its kind of notice), one of which the
   * sentence must hold before the value is checked at all (a date, a number or a wording): other events of the same kind exist
   * (Hugging Face removed copies of LLaMA from its own Hub), and a sentence about one of those is
   * neither supported nor contradicted by this one.
   */
  identifiedBy?: string[];
  /**
   * Patterns that name this event alone (its target, its agent: "llama-dl", "OpSec"): a sentence
   * that holds one is about it, whichever of our names it mentions ("Hugging Face sent GitHub a DMCA
   * notice against llama-dl"). Without one, the sentence must mention the entity or one related to it.
   */
  namedBy?: string[];
}

/** A day (or, with `until`, a span of days the sources leave open) on which something happened. */
export interface DateClaimValue extends ValueBase {
  kind: 'date';
  date: IsoDate;
  until?: IsoDate;
  /** The frame (claims.json `frames`) that ties a date on a page to this value. */
  frame: string;
  /** How long after another dated value this happened, in days, for "a week later" and the like. */
  after?: { value: string; days: [number, number] };
  /**
   * For a change made on this day that reached people later (a library's support merged, then
   * shipped in a release the sources do not date): patterns of the change itself (the merge). A
   * later date is judged only in a sentence that says one; elsewhere it may be the release's.
   */
  laterUnlessSaid?: string[];
}

/** Numbers: the released sizes of a generation, its training tokens, a context length, a count. */
export interface QuantityClaimValue extends ValueBase {
  kind: 'quantity';
  unit: QuantityUnit;
  frame: string;
  /** Every value that is true (for sizes: every released size). */
  values: number[];
  /** Sizes that were trained or announced but not released; naming one as released is wrong. */
  unreleased?: number[];
  /** For sizes: how many models were released (a page saying "three models" is checked against it). */
  models?: number;
  /**
   * For values that differ by model (LLaMA's 7B and 13B models on 1T tokens, 33B and 65B on 1.4T):
   * each model's size in parameters and its value, so a sentence about one model is judged by its own.
   */
  bySize?: { size: number; value: number }[];
  /** The same for models known by name (Llama 4 Scout's 10M-token context, Maverick's 1M). */
  byName?: { name: string; value: number }[];
  /** Mixture-of-experts models: active and total parameters and expert count per released model. */
  variants?: { name: string; active: number; total: number; experts: number }[];
}

/** Who holds a role (a company's CEO). */
export interface HolderClaimValue extends ValueBase {
  kind: 'holder';
  frame: string;
  holder: string;
  /** The family name a page must use for the holder; given names are often shortened ("Clem"). */
  surname: string;
}

/** Licence terms: whether commercial use is allowed. */
export interface TermsClaimValue extends ValueBase {
  kind: 'terms';
  commercial: boolean;
}

/** A statement carried by wording rather than a number or a date (where the leak happened, how). */
export interface PhraseClaimValue extends ValueBase {
  kind: 'phrase';
  frame: string;
  /** Patterns (case-insensitive regular expressions) that state the value. */
  says: string[];
  /** Patterns that name a rival value of the same kind (another library than the one that is true). */
  rivals?: string[];
  /**
   * Where the value stands relative to the frame word in its clause: `before` for the actor of a
   * verb ("Meta sent a takedown"), `after` for its object ("merged into Transformers"). Unset: anywhere.
   */
  slot?: 'before' | 'after';
  /** Id of a date value this wording restates (the rename's new name is its event); a sentence dating that event claims it once. */
  restates?: string;
}

export type ClaimValue = DateClaimValue | QuantityClaimValue | HolderClaimValue | TermsClaimValue | PhraseClaimValue;

/** A statement that circulated and is wrong, with its correction and where it came from. */
export interface Misreport {
  id: string;
  entity: string;
  attribute: ClaimAttribute;
  /** The wrong statement, in our words. */
  statement: string;
  /** What the sources say instead. */
  correction: string;
  /** One line on where the error came from. */
  origin: string;
  sources: string[];
  /** How it shows on a page: a wrong day, a wrong number, or wording (a case-insensitive pattern). */
  match: { date: IsoDate } | { quantity: number } | { pattern: string };
}

export interface ClaimData {
  /** Named lists of cue patterns (case-insensitive regular expressions, English and German). */
  frames: Record<string, string[]>;
  values: ClaimValue[];
  misreports: Misreport[];
}

export type Verdict = 'supported' | 'contradicted';

/** One checked claim in a sentence. Offsets are UTF-16 code units, end exclusive. */
export interface Claim {
  start: number;
  end: number;
  attribute: ClaimAttribute;
  entity: string;
  verdict: Verdict;
  /** Ids of the claim values the verdict rests on. */
  facts: string[];
  /** Id of the known misreport this claim repeats, if any. */
  misreport?: string;
}

/** What a content script needs to check claims: the data, the sources it cites, and how entities relate. */
export interface ClaimSetup {
  data: ClaimData;
  sources: Source[];
  entities: { id: string; related: string[] }[];
}

/** The setup the background sends (`claims/get`): only the sources the claim data cites travel. */
export function claimSetup(data: ClaimData, sources: Source[], entities: Pick<Entity, 'id' | 'related'>[]): ClaimSetup {
  const cited = new Set([...data.values, ...data.misreports].flatMap((x) => x.sources));
  return { data, sources: sources.filter((s) => cited.has(s.id)), entities: entities.map(({ id, related }) => ({ id, related })) };
}

/** A source as a claim's popover shows it. */
export interface ClaimSourceView {
  id: string;
  url: string;
  title: string;
  publisher: string;
  date: string;
  /** Published after the page: "since this page was written". */
  later: boolean;
}

/**
 * What the sources say about a claim: its verdict and the values and misreport it rests on, with
 * their sources. Claims that rest on the same values with the same verdict share one finding, so a
 * page with hundreds of claims receives each finding once.
 */
export interface ClaimFinding {
  verdict: Verdict;
  attribute: ClaimAttribute;
  entity: string;
  /** The entities whose popover lists it under "On this page": its own, and those it is related to. */
  about: string[];
  /** The page's publication day, when it says one. */
  pageDate?: string;
  truths: { id: string; text: string; asOf?: string; later: boolean; sources: ClaimSourceView[] }[];
  misreport?: { statement: string; correction: string; origin: string; sources: ClaimSourceView[] };
}

/** What the popover shows for a claim: the words on the page that carry it, and its finding. */
export interface ClaimView extends ClaimFinding {
  said: string;
}

/**
 * Claims on this page that a list shows in part: how many there are, and the first in document
 * order (a popover quotes an entity's supported claims, the popup lists each verdict's).
 */
export interface FirstOf<T> {
  total: number;
  /** At most the list's limit (POPOVER_MAX_SUPPORTED, POPUP_MAX_CLAIMS). */
  first: T[];
}

/**
 * Part of a block of the page sent to be checked (`claims/check`): the block's text from `from`
 * (the whole block unless it is long) and the mentions inside it (src/claims/pieces.ts). The piece
 * owns the sentences whose first mention starts in `own` (block offsets, end exclusive): pieces of
 * one long block overlap, and each sentence is checked once.
 */
export interface ClaimPiece {
  text: string;
  from: number;
  /** The entities its mentions name. */
  entities: string[];
  /** Three numbers a mention: its start and end in the block, and its entity's index in `entities`. */
  mentions: number[];
  own: [number, number];
}

/** The background's answer to `claims/check`. */
export interface CheckedPieces {
  findings: ClaimFinding[];
  /**
   * Four numbers a claim: its piece (index in the request), its start and end in the piece's
   * block, and its finding (index in `findings`). Numbers, not an object a claim: a page dense with
   * claims gets thousands, and reading the reply is the page's work.
   */
  claims: number[];
}

/** A checked claim as the popup lists it; `index` is its place in the page's document order. */
export interface PageClaim {
  index: number;
  verdict: Verdict;
  attribute: ClaimAttribute;
  entity: string;
  said: string;
}

/** The popup's "On this page" list of claims, by verdict. */
export type PageClaims = Record<Verdict, FirstOf<PageClaim>>;

export const NO_PAGE_CLAIMS: PageClaims = { contradicted: { total: 0, first: [] }, supported: { total: 0, first: [] } };
