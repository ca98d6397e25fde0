/**
 * Every message between the extension's parts, with its request and response types, and the run-time
 * check applied to each incoming request. Two maps, one per receiver:
 * - BackgroundApi: answered by the background (data owner) for content scripts, the popup and options.
 * - ContentApi: answered by the content script of a tab, for the popup and the background.
 *
 * A request travels as `{ type, payload }`; a reply as `{ ok: true, value }` or `{ ok: false, error }`,
 * so a failure reaches the caller as a clear message rather than an `undefined`.
 */
import * as v from 'valibot';
import type { CheckedPieces, PageClaims } from './claims';
import type { DictionaryEntry, Domain, Entity, Source, Topic } from './dataset';
import { issuePath } from './issue-path';
import { CLAIM_CHARS_PER_MESSAGE, CLAIM_PIECE_MAX_CHARS, MAX_IDS_PER_REQUEST, MAX_IMPORTED_NOTES, MAX_NOTE_CHARS, MAX_QUERY_CHARS, PAGE_SAMPLE_CHARS, SMALL_DOCUMENT_CHARS } from './limits';
import type { UserNote } from './notes';
import type { Area } from './settings';
import { strictSettingsSchema } from './settings-file';

export interface FactView {
  id: string;
  text: string;
  value?: string;
  date?: string;
  asOf?: string;
  sources: Source[];
}

/** An entity with its facts and sources resolved, ready to render. */
export interface EntityView extends Omit<Entity, 'related'> {
  aliases: string[];
  related: { id: string; name: string }[];
  facts: FactView[];
  /** The user's own note on this entity, when there is one. */
  note?: UserNote;
}

export interface SearchHit {
  id: string;
  name: string;
  kind: Entity['kind'];
  topic: Topic;
  summary: string;
  /** The fact that answers the query, when the hit is a fact: shown as the snippet, with its date and source. */
  fact?: FactView;
  /** The user's note, when the match was in it. */
  matchedNote?: string;
}

/** One dated fact on the timeline, with the entity it belongs to. */
export interface TimelineEvent {
  /** The fact's id. */
  id: string;
  date: string;
  text: string;
  entity: { id: string; name: string; topic: Topic };
  sources: Source[];
}

export type StorageState =
  | { kind: 'indexeddb' }
  /** IndexedDB could not be used; the bundled data is served from memory. `reason` is shown in the popup. */
  | { kind: 'memory'; reason: string };

export interface Status {
  /** The dataset's content hash. */
  datasetVersion: string;
  datasetDate: string;
  storage: StorageState;
}

export interface PageEntityCount {
  id: string;
  name: string;
  topic: Topic;
  count: number;
}

const entityId = /* @__PURE__ */ v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** A note's text as the user may save it: something besides spaces, and not too long. */
export const noteText = /* @__PURE__ */ v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'the note is empty'),
  v.maxLength(MAX_NOTE_CHARS, `a note holds at most ${MAX_NOTE_CHARS} characters`),
);

/** A date, or a date and time, in ISO 8601 (what `Date.prototype.toISOString` writes). */
const isoStamp = /* @__PURE__ */ v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'not an ISO 8601 date'));

/** A whole stored note, as an imported file carries it. */
export const userNote = /* @__PURE__ */ v.strictObject({ entity: entityId, text: noteText, updated: isoStamp });

const ids = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(MAX_IDS_PER_REQUEST));
const empty = v.strictObject({});
/** A place in a block of the page's text (UTF-16 code units). */
const offset = /* @__PURE__ */ v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const smallText = v.pipe(v.string(), v.maxLength(SMALL_DOCUMENT_CHARS));

/**
 * Requests the background answers. Built in a call marked pure so that a bundle which only sends
 * them (the content script, 50 KB budget) leaves their schemas out.
 */
export const backgroundRequests = /* @__PURE__ */ (() => ({
  /**
   * Inject the lens (lens.js) into the sender's frame: the content script's entry asks once it has
   * seen text there that may name something (src/content/entry.ts).
   */
  'lens/load': empty,
  /** The matcher's dictionary: every alias with its rules. */
  'dictionary/get': empty,
  /**
   * Check the claims of these blocks, or pieces of long blocks (docs/claims.md): text of the page that
   * names something, with its mentions as the page's matcher found them (src/claims/pieces.ts).
   * `pageDate` (the page's day of publication) makes time-bound facts count as of that day.
   */
  'claims/check': v.strictObject({
    pageDate: v.optional(v.pipe(v.string(), v.isoDate('not a day (YYYY-MM-DD)'))),
    pieces: v.pipe(
      v.array(
        v.pipe(
          v.strictObject({
            text: v.pipe(v.string(), v.maxLength(CLAIM_PIECE_MAX_CHARS)),
            from: offset,
            entities: v.pipe(v.array(entityId), v.minLength(1), v.maxLength(CLAIM_PIECE_MAX_CHARS)),
            mentions: v.pipe(v.array(offset), v.minLength(3), v.maxLength(3 * CLAIM_PIECE_MAX_CHARS)),
            own: v.tuple([offset, offset]),
          }),
          v.check((p) => p.mentions.length % 3 === 0 && p.mentions.every((n, i) => i % 3 < 2 || n < p.entities.length), 'mentions must be start, end and entity index, three numbers each'),
        ),
      ),
      v.check((pieces) => pieces.reduce((n, p) => n + p.text.length, 0) <= CLAIM_CHARS_PER_MESSAGE, `more than ${CLAIM_CHARS_PER_MESSAGE} characters in one message`),
    ),
  }),
  /**
   * Does this small document name anything, and is the extension on for the sender's site? Its
   * title and block texts (at most SMALL_DOCUMENT_CHARS in all), matched as the content script
   * would, so a frame with little text need not read the settings or fetch the dictionary.
   */
  'text/mentions': v.strictObject({
    title: smallText,
    blocks: v.pipe(
      v.array(v.strictObject({ text: smallText, kind: v.picklist(['prose', 'label']) })),
      v.check((b) => b.reduce((n, x) => n + x.text.length, 0) <= SMALL_DOCUMENT_CHARS, `more than ${SMALL_DOCUMENT_CHARS} characters of text`),
    ),
  }),
  /**
   * What a page is about (matcher/rules.ts, `measurePage`), from its sample: the title and the
   * start of its text. Measured here, by code compiled once, rather than in each page's fresh world,
   * where the first measure costs several times the later ones (docs/performance.md).
   */
  'page/context': v.strictObject({ sample: v.pipe(v.string(), v.maxLength(PAGE_SAMPLE_CHARS)) }),
  /** Entities by id, batched: those a popover or the popup's list is about to show. Unknown ids are left out. */
  'entities/get': v.strictObject({ ids }),
  /** Ranked search over names, aliases and fact text. */
  search: v.strictObject({ query: v.pipe(v.string(), v.maxLength(MAX_QUERY_CHARS)) }),
  /** Dataset version and where the data is being served from. */
  'status/get': empty,
  /**
   * Switch the extension on or off for the sender's own site (the popover's "turn off" action). The
   * site comes from the sender's URL, not the payload, and the write happens in the background:
   * Firefox's content scripts cannot run the compression streams the site list is stored with.
   */
  'site/set': v.strictObject({ on: v.boolean() }),
  /**
   * Save these settings (the popup's switches, the options page, an imported file). The background
   * is the only writer of the settings: every part asks it, so saves never interleave.
   */
  'settings/save': v.strictObject({ settings: strictSettingsSchema() }),
  /** Open the full entry in the extension's own page (content scripts cannot open extension pages themselves). */
  'entry/open': v.strictObject({ id: entityId }),
  /** Write (create or replace) the user's note on an entity. */
  'note/set': v.strictObject({ entity: entityId, text: noteText }),
  /** Delete the user's note on an entity; the answer carries the deleted note, so it can be undone. */
  'note/delete': v.strictObject({ entity: entityId }),
  /** Every note, for the export file. */
  'notes/export': empty,
  /**
   * Store whole notes as given: a deleted note put back (undo), or the notes of an imported file
   * (checked by the options page, and again here). Each replaces the note on its entity; notes on
   * other entities stay, so an import never deletes what the file does not mention.
   */
  'notes/put': v.strictObject({ notes: v.pipe(v.array(userNote), v.maxLength(MAX_IMPORTED_NOTES)) }),
  /** Every dated fact of the dataset, oldest first: the timeline. */
  'timeline/get': empty,
}) as const)();

export interface BackgroundResponses {
  'lens/load': null;
  'dictionary/get': { version: string; entries: DictionaryEntry[] };
  'claims/check': CheckedPieces;
  /** `active`: whether the extension is on for the sender's site (if not, nothing was matched). */
  'text/mentions': { active: boolean; found: boolean };
  /** Per domain: 0 (no sign), 1 (some) or 2 (the page is about it). */
  'page/context': Record<Domain, number>;
  'entities/get': { entities: EntityView[] };
  search: { hits: SearchHit[] };
  'status/get': Status;
  'site/set': null;
  /** `sitesArea` is 'local' when the site list outgrew storage.sync (the options page says so). */
  'settings/save': { sitesArea: Area };
  'entry/open': null;
  'note/set': { note: UserNote };
  'note/delete': { deleted: UserNote | null };
  'notes/export': { notes: UserNote[] };
  'notes/put': { stored: number };
  'timeline/get': { events: TimelineEvent[] };
}

/** Requests a tab's content script answers (from the popup, or the background relaying a keyboard command). */
export const contentRequests = {
  /** The entities marked on this page, with counts. */
  'page/mentions': empty,
  /** Scroll to the next mark of an entity and open its popover. */
  'page/reveal': v.strictObject({ id: entityId }),
  /** Scroll to a checked claim (by its index in the page's list) and open its popover, focused. */
  'page/reveal-claim': v.strictObject({ index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)) }),
  /** Move to the next (1) or previous (-1) mark and open its popover, focused. */
  'page/step': v.strictObject({ direction: v.picklist([1, -1]) }),
} as const;

export interface ContentResponses {
  /** `site` is the tab's site key for the popup's switch; `active` whether the extension runs there. */
  'page/mentions': { site: string; active: boolean; entities: PageEntityCount[]; claims: PageClaims; pageDate: string | null };
  'page/reveal-claim': { found: boolean };
  'page/reveal': { found: boolean };
  'page/step': { found: boolean };
}

export type BackgroundType = keyof typeof backgroundRequests;
export type ContentType = keyof typeof contentRequests;
export type Request<K extends BackgroundType | ContentType> = K extends BackgroundType
  ? v.InferOutput<(typeof backgroundRequests)[K]>
  : K extends ContentType
    ? v.InferOutput<(typeof contentRequests)[K]>
    : never;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Checks an incoming message against a request map. Returns the typed request, or a sentence
 * saying what is wrong (for the reply and the log).
 */
export function parseRequest<M extends Record<string, v.GenericSchema>>(
  map: M,
  message: unknown,
): { ok: true; type: keyof M & string; payload: v.InferOutput<M[keyof M]> } | { ok: false; error: string } {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, error: 'message is not an object' };
  }
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(map, type)) {
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 80)}` };
  }
  const schema = map[type as keyof M]!;
  const result = v.safeParse(schema, payload ?? {});
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    return { ok: false, error: `bad ${type} request${path ? ` at ${path}` : ''}: ${issue.message}` };
  }
  return { ok: true, type: type as keyof M & string, payload: result.output as v.InferOutput<M[keyof M]> };
}
