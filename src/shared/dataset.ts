/**
 * The bundled dataset's shape. The build checks the data against it (scripts/dataset-validate.ts)
 * and stops on a bad entry; the background seeds IndexedDB from that checked bundle and, being the
 * only writer of those stores, reads them back without checking again.
 *
 * The dataset is JSON files under src/data/ so that the parts change independently:
 * - checked.json: { date } — the day the data was last checked. The dataset's version is not
 *   written by anyone: the build hashes every file in src/data/, so any change re-seeds IndexedDB.
 * - entities.json: Entity[] (no facts, no aliases inside)
 * - facts.json: Fact[] (each names its entity and its sources by id)
 * - sources.json: Source[]
 * - aliases.json: Record<EntityId, Alias[]> — the matcher's dictionary; only entities whose
 *   mentions should be marked on pages have aliases.
 * - senses.json: Record<string, Sense> — the everyday senses ambiguous aliases compete with; the
 *   matcher bundles it (it is knowledge about words, not about entities).
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
  /** Content hash of every file in the data folder, computed by the build (scripts/data-folder.ts). */
  version: string;
  /** The day this version of the data was checked (checked.json). */
  date: IsoDate;
}

/**
 * What kind of statement a fact is, which decides the date it must carry:
 * - event: something that happened; needs `date`.
 * - state: true now but may stop being true (a role, a headquarters, a count that grows, where a
 *   project lives, what living documentation says); needs `asOf`. These are the time-bound facts.
 * - trait: fixed once stated (what a released model, licence version or paper says).
 */
export const FACT_KINDS = ['event', 'state', 'trait'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

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
  kind: FactKind;
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

interface AliasForm {
  /** The surface form, as it appears in text. */
  text: string;
  /** True when only this exact casing counts (e.g. "LLaMA", "HF"). */
  caseSensitive: boolean;
  /**
   * True for a versioned or sized model name that begins checkpoint ids. The matcher then marks the
   * whole id ("Llama-2" in "Llama-2-7b-chat-hf") so the mark covers what a reader sees as one name.
   */
  idStem?: boolean;
}

/**
 * A form of an entity's name. An unambiguous one ("LLaMA", "Hugging Face") is the entity wherever it
 * stands as a word; an ambiguous one ("llama", "Meta", "HF", "🤗") is also an everyday word, so it
 * names the sense it competes with (src/data/senses.json), which says what speaks for each reading.
 */
export type Alias = AliasForm &
  (
    | { ambiguous: false }
    | {
        ambiguous: true;
        /** A key of src/data/senses.json: the everyday sense this form competes with. */
        sense: string;
        /**
         * Capitalised words that make one name with this form ("Llama Guard", "Code Llama", "Meta
         * Quest", "🤗 Datasets"): next to it they speak for the entity, where another capitalised
         * word would suggest a different name ("Llama TV", "Ilir Meta"). Written as in text.
         */
        joins?: string[];
      }
  );

/** Word classes the matcher's vocabularies describe (src/matcher/vocab.ts); senses weigh them. */
export const DOMAINS = ['ml', 'software', 'company', 'animal', 'meta-word', 'science', 'emotion', 'social', 'spanish'] as const;
export type Domain = (typeof DOMAINS)[number];

/**
 * What an ambiguous form's everyday sense is and how to tell it from the entity: one entry of
 * src/data/senses.json. The matcher's rules are generic; this is the knowledge they weigh.
 */
export interface Sense {
  /** The everyday meaning, for the reader of the data file. */
  about: string;
  /** Domains whose words around the form (sentence, next word, page) speak for the entity. */
  for: Domain[];
  /** Domains whose words speak for the everyday sense. */
  against: Domain[];
  /** Words right before the form that make it the everyday sense ("se llama", "on Facebook", "a hugging face"). */
  notAfter: string[];
  /** Words right after the form that make it the everyday sense ("meta tags", "FAIR data"). */
  notBefore: string[];
  /** Words right before the form that speak for the entity (people work "at" a company). */
  supportedAfter: string[];
  /**
   * The everyday word is also a prefix written apart: in lower case right before a word of the
   * text's own field it is the prefix ("meta model", "meta prompt"), not the name.
   */
  lowerCasePrefix: boolean;
  /** A pictograph right beside the form makes it the everyday sense (an emoji among emoji). */
  notAmongEmoji: boolean;
  /** Evidence needed: `name` for a capitalised or mixed-case form, `other` for lower case and all caps. */
  need: { name: number; other: number };
}

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
export interface Mention extends NamedSpan {
  topic: Topic;
}

/** Where a mention is and what it names: all the claim checker reads of one (src/claims/). */
export interface NamedSpan {
  start: number;
  end: number;
  entity: string;
}
