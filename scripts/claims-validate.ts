/**
 * Validation of the claim-check data (src/data/claims.json) against the validated dataset: every
 * value and misreport names a known entity and at least one known source (sources are https, see
 * dataset-validate.ts), frames it uses exist, every pattern compiles, dates are real and not after
 * the dataset date, and ids are unique. Messages name the bad entry, like the dataset's.
 */
import * as v from 'valibot';
import { CLAIM_ATTRIBUTES, QUANTITY_UNITS, type ClaimData } from '../src/shared/claims';
import type { Dataset } from '../src/shared/dataset';
import { isIsoDate } from './dataset-validate';

export type ClaimsResult = { ok: true; claims: ClaimData } | { ok: false; errors: string[] };

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const nonBlank = v.pipe(
  v.string('must be a string'),
  v.check((s) => s.trim().length > 0, 'must not be empty or whitespace-only'),
);
const id = v.pipe(nonBlank, v.check((s) => ID_RE.test(s), 'must be lowercase kebab-case'));
const date = v.pipe(
  v.string('must be a string'),
  v.check((s) => isIsoDate(s), (issue) => `must be a real date as YYYY-MM-DD or YYYY-MM (got ${JSON.stringify(issue.input)})`),
);
const day = v.pipe(
  date,
  v.check((s) => s.length === 10, (issue) => `must be a day, YYYY-MM-DD (got ${JSON.stringify(issue.input)})`),
);
const pattern = v.pipe(
  nonBlank,
  v.check(
    (s) => {
      try {
        new RegExp(s, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    (issue) => `must be a valid regular expression (got ${JSON.stringify(issue.input)})`,
  ),
);
const positive = v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'));
const common = {
  id,
  entity: id,
  attribute: v.picklist(CLAIM_ATTRIBUTES, (issue) => `must be one of ${CLAIM_ATTRIBUTES.join(', ')} (got ${JSON.stringify(issue.input)})`),
  text: nonBlank,
  sources: v.pipe(v.array(id, 'must be an array of source ids'), v.minLength(1, 'must not be empty')),
  asOf: v.optional(date),
  identifiedBy: v.optional(v.pipe(v.array(pattern), v.minLength(1, 'must not be empty'))),
  namedBy: v.optional(v.pipe(v.array(pattern), v.minLength(1, 'must not be empty'))),
};
const valueSchema = v.variant(
  'kind',
  [
    v.object({
      ...common,
      kind: v.literal('date'),
      date: day,
      until: v.optional(day),
      frame: nonBlank,
      after: v.optional(v.object({ value: id, days: v.tuple([positive, positive]) })),
      laterUnlessSaid: v.optional(v.pipe(v.array(pattern), v.minLength(1, 'must not be empty'))),
    }),
    v.object({
      ...common,
      kind: v.literal('quantity'),
      unit: v.picklist(QUANTITY_UNITS, (issue) => `must be one of ${QUANTITY_UNITS.join(', ')} (got ${JSON.stringify(issue.input)})`),
      frame: nonBlank,
      values: v.pipe(v.array(positive), v.minLength(1, 'must not be empty')),
      unreleased: v.optional(v.array(positive)),
      bySize: v.optional(v.pipe(v.array(v.object({ size: positive, value: positive })), v.minLength(1, 'must not be empty'))),
      byName: v.optional(v.pipe(v.array(v.object({ name: nonBlank, value: positive })), v.minLength(1, 'must not be empty'))),
      models: v.optional(v.pipe(positive, v.integer('must be an integer'))),
      variants: v.optional(
        v.array(v.object({ name: nonBlank, active: positive, total: positive, experts: v.pipe(positive, v.integer('must be an integer')) })),
      ),
    }),
    v.object({ ...common, kind: v.literal('holder'), frame: nonBlank, holder: nonBlank, surname: nonBlank }),
    v.object({ ...common, kind: v.literal('terms'), commercial: v.boolean('must be true or false') }),
    v.object({
      ...common,
      kind: v.literal('phrase'),
      frame: nonBlank,
      says: v.pipe(v.array(pattern), v.minLength(1, 'must not be empty')),
      rivals: v.optional(v.array(pattern)),
      slot: v.optional(v.picklist(['before', 'after'] as const, 'must be "before" or "after"')),
      restates: v.optional(id),
    }),
  ],
  (issue) => `kind must be date, quantity, holder, terms or phrase (got ${JSON.stringify(issue.input)})`,
);
const misreportSchema = v.object({
  id,
  entity: id,
  attribute: common.attribute,
  statement: nonBlank,
  correction: nonBlank,
  origin: nonBlank,
  sources: common.sources,
  match: v.union(
    [v.object({ date: day }), v.object({ quantity: positive }), v.object({ pattern })],
    'must be {date}, {quantity} or {pattern}',
  ),
});
const dataSchema = v.object({
  frames: v.record(nonBlank, v.pipe(v.array(pattern), v.minLength(1, 'must not be empty'))),
  values: v.array(v.unknown()),
  misreports: v.array(v.unknown()),
});

function label(list: string, index: number, raw: unknown): string {
  const rawId = raw !== null && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof rawId === 'string' ? `claims.${list}[${index}] (id ${JSON.stringify(rawId)})` : `claims.${list}[${index}]`;
}

function issues(prefix: string, list: v.BaseIssue<unknown>[]): string[] {
  return list.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    return path ? `${prefix}: ${path} ${issue.message}` : `${prefix}: ${issue.message}`;
  });
}

export function validateClaims(raw: unknown, dataset: Dataset): ClaimsResult {
  const top = v.safeParse(dataSchema, raw);
  if (!top.success) return { ok: false, errors: issues('claims', top.issues) };
  const errors: string[] = [];
  const entities = new Set(dataset.entities.map((e) => e.id));
  const sources = new Set(dataset.sources.map((s) => s.id));
  const frames = top.output.frames;
  const seen = new Map<string, string>();
  // Ids of date values, read before validation so that one bad value does not make its references look broken too.
  const dateValues = new Set(
    top.output.values.flatMap((x) =>
      x !== null && typeof x === 'object' && (x as { kind?: unknown }).kind === 'date' && typeof (x as { id?: unknown }).id === 'string' ? [(x as { id: string }).id] : [],
    ),
  );
  const after: { where: string; value: string }[] = [];

  const refs = (where: string, entry: { id: string; entity: string; sources: string[] }, dates: (string | undefined)[]) => {
    const first = seen.get(entry.id);
    if (first) errors.push(`${where}: duplicate id (already used by ${first})`);
    else seen.set(entry.id, where);
    if (!entities.has(entry.entity)) errors.push(`${where}: entity ${JSON.stringify(entry.entity)} does not match any entity`);
    for (const s of entry.sources) if (!sources.has(s)) errors.push(`${where}: source ${JSON.stringify(s)} does not match any source`);
    for (const d of dates) if (d !== undefined && d > dataset.date) errors.push(`${where}: date ${d} is after the dataset date ${dataset.date}`);
  };

  const values: ClaimData['values'] = [];
  top.output.values.forEach((entry, index) => {
    const where = label('values', index, entry);
    const parsed = v.safeParse(valueSchema, entry);
    if (!parsed.success) {
      errors.push(...issues(where, parsed.issues));
      return;
    }
    const value = parsed.output;
    refs(where, value, [value.asOf, value.kind === 'date' ? value.date : undefined, value.kind === 'date' ? value.until : undefined]);
    if ('frame' in value && !(value.frame in frames)) errors.push(`${where}: frame ${JSON.stringify(value.frame)} is not defined in claims.frames`);
    if (value.kind === 'date') {
      if (value.until !== undefined && value.until < value.date) errors.push(`${where}: until ${value.until} is before date ${value.date}`);
      if (value.after) after.push({ where, value: value.after.value });
    }
    if (value.kind === 'phrase' && value.restates) after.push({ where, value: value.restates });
    if (value.kind === 'quantity') {
      for (const b of value.byName ?? []) {
        if (!value.values.includes(b.value)) errors.push(`${where}: byName gives ${b.value} for ${b.name}, which is not among its values`);
      }
      for (const b of value.bySize ?? []) {
        if (!value.values.includes(b.value)) errors.push(`${where}: bySize gives ${b.value} for size ${b.size}, which is not among its values`);
      }
    }
    values.push(value);
  });
  for (const a of after) {
    if (!dateValues.has(a.value)) errors.push(`${a.where}: ${JSON.stringify(a.value)} does not match any date value`);
  }

  const misreports: ClaimData['misreports'] = [];
  top.output.misreports.forEach((entry, index) => {
    const where = label('misreports', index, entry);
    const parsed = v.safeParse(misreportSchema, entry);
    if (!parsed.success) {
      errors.push(...issues(where, parsed.issues));
      return;
    }
    refs(where, parsed.output, ['date' in parsed.output.match ? parsed.output.match.date : undefined]);
    misreports.push(parsed.output);
  });

  return errors.length ? { ok: false, errors } : { ok: true, claims: { frames, values, misreports } };
}
