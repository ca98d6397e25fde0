/**
 * The claim data compiled for the checker: frames as regular expressions, values grouped by
 * attribute and entity, and which mentioned entities stand for a family of others ("Llama" for
 * every generation).
 */
import type { ClaimAttribute, ClaimData, ClaimValue, Misreport } from '../shared/claims';

export interface Knowledge {
  frames: Map<string, RegExp>;
  values: ClaimValue[];
  misreports: Misreport[];
  byId: Map<string, ClaimValue>;
  /** Entities a family mention stands for, per family entity. */
  families: Map<string, string[]>;
  /** Each entity's related entities (entities.json). */
  related: Map<string, Set<string>>;
  /** The names of an entity's released models, where the data names them ("Scout", "Maverick"). */
  models: Map<string, Set<string>>;
  /** Those names, of every entity. */
  modelNames: ReadonlySet<string>;
}

export function compileKnowledge(data: ClaimData, entities: { id: string; related: string[] }[]): Knowledge {
  const frames = new Map<string, RegExp>();
  for (const [name, patterns] of Object.entries(data.frames)) frames.set(name, dataPattern(patterns.map((p) => `(?:${p})`).join('|'), 'gi'));
  const related = new Map(entities.map((e) => [e.id, new Set(e.related)]));
  const holders = new Set(data.values.map((v) => v.entity));
  // A family names at least two entities with values, each of which names it back as related.
  const families = new Map<string, string[]>();
  for (const e of entities) {
    if (holders.has(e.id)) continue;
    const members = e.related.filter((r) => holders.has(r) && related.get(r)?.has(e.id));
    if (members.length >= 2) families.set(e.id, members);
  }
  const models = new Map<string, Set<string>>();
  for (const v of data.values) if (v.kind === 'quantity' && v.variants) models.set(v.entity, new Set(v.variants.map((x) => x.name)));
  return { frames, values: data.values, misreports: data.misreports, byId: new Map(data.values.map((v) => [v.id, v])), families, related, models, modelNames: new Set([...models.values()].flatMap((names) => [...names])) };
}

export function valuesFor(k: Knowledge, attribute: ClaimAttribute, entity?: string): ClaimValue[] {
  return k.values.filter((v) => v.attribute === attribute && (entity === undefined || v.entity === entity));
}

const compiled = new Map<string, RegExp>();
/**
 * A pattern from the data (claims.json: frames, wordings, misreports), compiled once. They are
 * words and character classes, matched case-insensitively with `\b`: with the `u` flag as well, V8
 * ran them 20–100× slower over the bench pages' sentences (docs/performance.md), and every frame
 * runs over every sentence that names something. So `u` is added only for a pattern that needs it
 * (`\p{…}`, `\u{…}`, a character outside the BMP).
 */
export function dataPattern(source: string, flags: 'gi' | 'i'): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(source, /\\[pPu]\{|[\u{10000}-\u{10FFFF}]/u.test(source) ? `${flags}u` : flags);
    compiled.set(key, re);
  }
  return re;
}
