/**
 * Validation of the bundled dataset (src/data/*.json) and of anything read back from storage.
 *
 * `validateDataset` is pure: it takes the parsed JSON values and the folder's content hash, and
 * returns either the typed dataset or every problem found, each message naming the bad entry, e.g.
 *   facts[17] (id "llama-1-sizes"): sources must not be empty
 *
 * Checks:
 * - shapes (valibot): required fields, types, known topics, kinds and source qualities;
 * - no empty or whitespace-only strings; ids are lowercase kebab-case;
 * - ISO dates (YYYY-MM-DD or YYYY-MM) that are real calendar dates, not later than the
 *   checked date;
 * - an event fact has a `date`; a time-bound (state) fact has an `asOf`;
 * - https URLs only (parsed with URL; http:, javascript:, data: … are rejected);
 * - unique ids among entities, facts and sources;
 * - every `related`, `fact.entity`, `fact.sources` entry and alias key resolves;
 * - an ambiguous alias names a sense that senses.json defines (the matcher weighs that sense's
 *   evidence); an unambiguous one names none; senses use only the vocabularies' domains;
 * - every fact has at least one source, every entity at least one fact, every source is used.
 */
import * as v from 'valibot';
import {
  DOMAINS,
  ENTITY_KINDS,
  FACT_KINDS,
  TOPICS,
  type Alias,
  type Dataset,
  type Entity,
  type Fact,
  type Sense,
  type Source,
} from '../src/shared/dataset';
import { issuePath } from '../src/shared/issue-path';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** True for YYYY-MM-DD or YYYY-MM strings that name a real calendar day or month. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1000 || month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  if (day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True when `s` parses as an absolute https URL with a host. */
export function isHttpsUrl(s: string): boolean {
  if (s !== s.trim()) return false;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
}

function describeUrlProblem(s: string): string {
  try {
    const url = new URL(s.trim());
    if (url.protocol !== 'https:') return `must be an https URL (got scheme "${url.protocol}")`;
    if (url.username !== '' || url.password !== '') return 'must not contain credentials';
    return 'must be an https URL with a host';
  } catch {
    return `must be a valid absolute https URL (got ${JSON.stringify(s)})`;
  }
}

const nonBlank = v.pipe(
  v.string('must be a string'),
  v.check((s) => s.trim().length > 0, 'must not be empty or whitespace-only'),
);

const idSchema = v.pipe(
  nonBlank,
  v.check((s) => ID_RE.test(s), (issue) => `must be lowercase kebab-case (got ${JSON.stringify(issue.input)})`),
);

const isoDateSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (s) => isIsoDate(s),
    (issue) => `must be a real calendar date as YYYY-MM-DD or YYYY-MM (got ${JSON.stringify(issue.input)})`,
  ),
);

const httpsUrlSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (s) => isHttpsUrl(s),
    (issue) => describeUrlProblem(String(issue.input)),
  ),
);

const entitySchema = v.object({
  id: idSchema,
  topic: v.picklist(TOPICS, (issue) => `must be one of ${TOPICS.join(', ')} (got ${JSON.stringify(issue.input)})`),
  name: nonBlank,
  kind: v.picklist(
    ENTITY_KINDS,
    (issue) => `must be one of ${ENTITY_KINDS.join(', ')} (got ${JSON.stringify(issue.input)})`,
  ),
  summary: nonBlank,
  related: v.array(idSchema, 'must be an array of entity ids'),
});

const sourceSchema = v.object({
  id: idSchema,
  url: httpsUrlSchema,
  title: nonBlank,
  publisher: nonBlank,
  date: isoDateSchema,
  quality: v.picklist(
    ['primary', 'secondary'] as const,
    (issue) => `must be "primary" or "secondary" (got ${JSON.stringify(issue.input)})`,
  ),
});

const factSchema = v.object({
  id: idSchema,
  entity: idSchema,
  kind: v.picklist(FACT_KINDS, (issue) => `must be one of ${FACT_KINDS.join(', ')} (got ${JSON.stringify(issue.input)})`),
  text: nonBlank,
  value: v.optional(nonBlank),
  date: v.optional(isoDateSchema),
  asOf: v.optional(isoDateSchema),
  sources: v.pipe(v.array(idSchema, 'must be an array of source ids'), v.minLength(1, 'must not be empty')),
});

const aliasFormFields = {
  text: nonBlank,
  caseSensitive: v.boolean('must be true or false'),
  idStem: v.optional(v.boolean('must be true or false')),
};

/** An unambiguous alias has no sense; an ambiguous one must name one (checked against senses.json below). */
const aliasSchema = v.variant(
  'ambiguous',
  [
    v.strictObject({ ...aliasFormFields, ambiguous: v.literal(false) }),
    v.strictObject({
      ...aliasFormFields,
      ambiguous: v.literal(true),
      sense: nonBlank,
      joins: v.optional(v.array(nonBlank, 'must be an array of words')),
    }),
  ],
  'ambiguous must be true or false',
);

const words = v.array(nonBlank, 'must be an array of words');
const domainList = v.array(
  v.picklist(DOMAINS, (issue) => `must be one of ${DOMAINS.join(', ')} (got ${JSON.stringify(issue.input)})`),
  'must be an array of domains',
);
const evidence = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'));

const senseSchema = v.strictObject({
  about: nonBlank,
  for: v.pipe(domainList, v.minLength(1, 'must name at least one domain')),
  against: domainList,
  notAfter: words,
  notBefore: words,
  supportedAfter: words,
  lowerCasePrefix: v.boolean('must be true or false'),
  notAmongEmoji: v.boolean('must be true or false'),
  need: v.strictObject({ name: evidence, other: evidence }),
});

const checkedSchema = v.object({ date: isoDateSchema });

type Issues = v.BaseIssue<unknown>[];

function formatIssues(label: string, issues: Issues): string[] {
  return issues.map((issue) => {
    const path = issuePath(issue);
    return path === '' ? `${label}: ${issue.message}` : `${label}: ${path} ${issue.message}`;
  });
}

function entryLabel(collection: string, index: number, raw: unknown): string {
  if (raw !== null && typeof raw === 'object' && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string') return `${collection}[${index}] (id ${JSON.stringify(id)})`;
  }
  return `${collection}[${index}]`;
}

interface Parsed<T> {
  items: { index: number; value: T }[];
}

function parseArray<T>(
  collection: string,
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
  errors: string[],
): Parsed<T> {
  const items: { index: number; value: T }[] = [];
  if (!Array.isArray(raw)) {
    errors.push(`${collection}: must be an array`);
    return { items };
  }
  raw.forEach((entry: unknown, index) => {
    const result = v.safeParse(schema, entry);
    if (result.success) items.push({ index, value: result.output });
    else errors.push(...formatIssues(entryLabel(collection, index, entry), result.issues));
  });
  return { items };
}

function checkUniqueIds<T extends { id: string }>(
  collection: string,
  items: { index: number; value: T }[],
  errors: string[],
): Map<string, number> {
  const seen = new Map<string, number>();
  for (const { index, value } of items) {
    const first = seen.get(value.id);
    if (first !== undefined) {
      errors.push(`${collection}[${index}] (id ${JSON.stringify(value.id)}): duplicate id (already used by ${collection}[${first}])`);
    } else {
      seen.set(value.id, index);
    }
  }
  return seen;
}

/**
 * `version` is the content hash of the data folder (see data-folder.ts); it is not data an author
 * writes, so it is only checked for being there.
 */
export function validateDataset(
  raw: {
    checked: unknown;
    entities: unknown;
    facts: unknown;
    sources: unknown;
    aliases: unknown;
    senses: unknown;
  },
  datasetVersion: string,
): ValidationResult {
  const errors: string[] = [];
  if (!datasetVersion.trim()) errors.push('version: the content hash is missing');

  // --- shapes
  let checked: { date: string } | undefined;
  const checkedResult = v.safeParse(checkedSchema, raw.checked);
  if (checkedResult.success) checked = checkedResult.output;
  else errors.push(...formatIssues('checked', checkedResult.issues));

  const entities = parseArray<Entity>('entities', raw.entities, entitySchema, errors).items;
  const facts = parseArray<Fact>('facts', raw.facts, factSchema, errors).items;
  const sources = parseArray<Source>('sources', raw.sources, sourceSchema, errors).items;

  const aliases: Record<string, Alias[]> = {};
  if (raw.aliases === null || typeof raw.aliases !== 'object' || Array.isArray(raw.aliases)) {
    errors.push('aliases: must be an object mapping entity ids to alias lists');
  } else {
    for (const [key, list] of Object.entries(raw.aliases as Record<string, unknown>)) {
      if (!Array.isArray(list)) {
        errors.push(`aliases[${JSON.stringify(key)}]: must be an array of aliases`);
        continue;
      }
      const parsed: Alias[] = [];
      list.forEach((entry: unknown, index) => {
        const result = v.safeParse(aliasSchema, entry);
        if (result.success) parsed.push(result.output);
        else errors.push(...formatIssues(`aliases[${JSON.stringify(key)}][${index}]`, result.issues));
      });
      aliases[key] = parsed;
    }
  }

  const senses: Record<string, Sense> = {};
  if (raw.senses === null || typeof raw.senses !== 'object' || Array.isArray(raw.senses)) {
    errors.push('senses: must be an object mapping sense names to senses');
  } else {
    for (const [name, entry] of Object.entries(raw.senses as Record<string, unknown>)) {
      const result = v.safeParse(senseSchema, entry);
      if (result.success) senses[name] = result.output;
      else errors.push(...formatIssues(`senses[${JSON.stringify(name)}]`, result.issues));
    }
  }
  const senseNames = Object.keys(senses);
  for (const [key, list] of Object.entries(aliases)) {
    list.forEach((a, index) => {
      if (a.ambiguous && !Object.hasOwn(senses, a.sense)) {
        errors.push(
          `aliases[${JSON.stringify(key)}][${index}] (${JSON.stringify(a.text)}): sense ${JSON.stringify(a.sense)} is not defined in senses.json (defined: ${senseNames.join(', ')})`,
        );
      }
    });
  }

  // --- unique ids (fact ids are unique across the dataset, entity and source ids within their file)
  const entityIds = checkUniqueIds('entities', entities, errors);
  checkUniqueIds('facts', facts, errors);
  const sourceIds = checkUniqueIds('sources', sources, errors);

  // --- references
  for (const { index, value: e } of entities) {
    const label = `entities[${index}] (id ${JSON.stringify(e.id)})`;
    const seenRelated = new Set<string>();
    for (const rel of e.related) {
      if (rel === e.id) errors.push(`${label}: related must not contain the entity itself`);
      else if (!entityIds.has(rel)) errors.push(`${label}: related id ${JSON.stringify(rel)} does not match any entity`);
      if (seenRelated.has(rel)) errors.push(`${label}: related id ${JSON.stringify(rel)} is listed twice`);
      seenRelated.add(rel);
    }
  }

  const usedSources = new Set<string>();
  const entitiesWithFacts = new Set<string>();
  for (const { index, value: f } of facts) {
    const label = `facts[${index}] (id ${JSON.stringify(f.id)})`;
    if (!entityIds.has(f.entity)) errors.push(`${label}: entity ${JSON.stringify(f.entity)} does not match any entity`);
    else entitiesWithFacts.add(f.entity);
    // Which kinds need which date: docs/dataset.md, "Time-bound facts".
    if (f.kind === 'event' && f.date === undefined) errors.push(`${label}: an event fact needs a date (when it happened)`);
    if (f.kind === 'state' && f.asOf === undefined) {
      errors.push(`${label}: a time-bound (state) fact needs an asOf date (when it was last known true)`);
    }
    const seen = new Set<string>();
    for (const s of f.sources) {
      if (!sourceIds.has(s)) errors.push(`${label}: source ${JSON.stringify(s)} does not match any source`);
      if (seen.has(s)) errors.push(`${label}: source ${JSON.stringify(s)} is listed twice`);
      seen.add(s);
      usedSources.add(s);
    }
    if (checked) {
      if (f.date !== undefined && f.date > checked.date) {
        errors.push(`${label}: date ${f.date} is after the checked date ${checked.date}`);
      }
      if (f.asOf !== undefined && f.asOf > checked.date) {
        errors.push(`${label}: asOf ${f.asOf} is after the checked date ${checked.date}`);
      }
    }
  }

  for (const { index, value: e } of entities) {
    if (!entitiesWithFacts.has(e.id)) {
      errors.push(`entities[${index}] (id ${JSON.stringify(e.id)}): has no facts (every entity needs at least one)`);
    }
  }

  for (const { index, value: s } of sources) {
    const label = `sources[${index}] (id ${JSON.stringify(s.id)})`;
    if (!usedSources.has(s.id)) errors.push(`${label}: is not cited by any fact`);
    if (checked && s.date > checked.date) errors.push(`${label}: date ${s.date} is after the checked date ${checked.date}`);
  }

  for (const key of Object.keys(aliases)) {
    if (!entityIds.has(key)) errors.push(`aliases[${JSON.stringify(key)}]: key does not match any entity`);
  }

  if (errors.length > 0 || !checked) {
    return { ok: false, errors: errors.length > 0 ? errors : ['checked: missing'] };
  }

  return {
    ok: true,
    dataset: {
      version: datasetVersion,
      date: checked.date,
      entities: entities.map((x) => x.value),
      facts: facts.map((x) => x.value),
      sources: sources.map((x) => x.value),
      aliases,
    },
  };
}

export function datasetStats(d: Dataset): {
  version: string;
  checked: string;
  entities: number;
  facts: number;
  sources: number;
  primarySources: number;
  entitiesByKind: Record<string, number>;
  factsByKind: Record<string, number>;
} {
  const count = (xs: string[]) => Object.fromEntries([...new Set(xs)].sort().map((k) => [k, xs.filter((x) => x === k).length]));
  return {
    version: d.version,
    checked: d.date,
    entities: d.entities.length,
    facts: d.facts.length,
    sources: d.sources.length,
    primarySources: d.sources.filter((s) => s.quality === 'primary').length,
    entitiesByKind: count(d.entities.map((e) => e.kind)),
    factsByKind: count(d.facts.map((f) => f.kind)),
  };
}
