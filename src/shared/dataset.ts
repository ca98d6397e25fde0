/**
 * The bundled dataset's shape, and the one validator used by the build, the unit tests and the
 * background (which re-checks what it reads back from IndexedDB before trusting it).
 *
 * The dataset is four JSON files under src/data/ so that the parts change independently:
 * - version.json: { version, date } — bump `version` whenever any data file changes; the
 *   background re-seeds IndexedDB when it differs from the stored one.
 * - entities.json: Entity[] (no facts, no aliases inside)
 * - facts.json: Fact[] (each names its entity and its sources by id)
 * - sources.json: Source[]
 * - aliases.json: Record<EntityId, Alias[]> — the matcher's dictionary; only entities whose
 *   mentions should be marked on pages have aliases.
 */

export const TOPICS = ['llama', 'meta', 'hugging-face'] as const;
export type Topic = (typeof TOPICS)[number];

export const ENTITY_KINDS = [
  'model',
  'model-family',
  'company',
  'organisation',
  'person',
  'project',
  'event',
  'publication',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** ISO 8601 calendar date, YYYY-MM-DD (or YYYY-MM when only the month is known). */
export type IsoDate = string;

export interface DatasetVersion {
  /** Positive integer; bump it on every data change. */
  version: number;
  /** The day this version of the data was checked. */
  date: IsoDate;
}

export interface Entity {
  /** Stable, lowercase, kebab-case; never reused for another thing. */
  id: string;
  topic: Topic;
  name: string;
  kind: EntityKind;
  /** One sentence, our own words. */
  summary: string;
  /** Ids of other entities; every one must exist. */
  related: string[];
}

export interface Source {
  /** Stable, kebab-case. */
  id: string;
  /** https only. */
  url: string;
  title: string;
  publisher: string;
  /** Publication date of the source. */
  date: IsoDate;
  /** primary: the maker's own page, paper, model card, licence, GitHub's dmca repo; secondary: Wikipedia, established news. Weak sources are not allowed. */
  quality: 'primary' | 'secondary';
}

export interface Fact {
  /** Stable, kebab-case, unique across the dataset. */
  id: string;
  entity: string;
  /** A short statement in our own words. */
  text: string;
  /** Optional structured value, e.g. "1.4T tokens". */
  value?: string;
  /** When the fact happened (an event date), if it is about a date. */
  date?: IsoDate;
  /** For facts that change with time (roles, counts): the day they were last known true. */
  asOf?: IsoDate;
  /** At least one source id. */
  sources: string[];
}

export interface Alias {
  /** The surface form, as it appears in text. */
  text: string;
  /** True when only this exact casing counts (e.g. "LLaMA", "HF"). */
  caseSensitive: boolean;
  /** True when the form alone is ambiguous (the animal llama, "meta" the word) and needs supporting context. */
  ambiguous: boolean;
  /**
   * For an ambiguous form: the everyday sense it competes with. The matcher weighs different context
   * words against each (wool and herds against the animal, <meta> and the Meta key against the word...),
   * and a form's own text is not a safe key for that once the dictionary grows.
   */
  sense?: AliasSense;
  /**
   * True for a versioned or sized model name that begins checkpoint ids. The matcher then marks the
   * whole id ("Llama-2" in "Llama-2-7b-chat-hf") so the mark covers what a reader sees as one name.
   */
  idStem?: boolean;
}

export const ALIAS_SENSES = ['animal', 'word-meta', 'social-network', 'abbreviation', 'emoji', 'phrase', 'word'] as const;
export type AliasSense = (typeof ALIAS_SENSES)[number];

export interface Dataset extends DatasetVersion {
  entities: Entity[];
  facts: Fact[];
  sources: Source[];
  aliases: Record<string, Alias[]>;
}

/** One alias of one entity, as the matcher compiles it (the background sends these to the content script). */
export interface DictionaryEntry {
  entity: string;
  topic: Topic;
  alias: Alias;
}

/** A mention found in text. Offsets are UTF-16 code units (JS string indices), end exclusive. */
export interface Mention {
  start: number;
  end: number;
  entity: string;
  topic: Topic;
}
