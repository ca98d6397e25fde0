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
}

export function compileKnowledge(data: ClaimData, entities: { id: string; related: string[] }[]): Knowledge {
  const frames = new Map<string, RegExp>();
  for (const [name, patterns] of Object.entries(data.frames)) frames.set(name, new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'giu'));
  const related = new Map(entities.map((e) => [e.id, new Set(e.related)]));
  const holders = new Set(data.values.map((v) => v.entity));
  // A family names at least two entities with values, each of which names it back as related.
  const families = new Map<string, string[]>();
  for (const e of entities) {
    if (holders.has(e.id)) continue;
    const members = e.related.filter((r) => holders.has(r) && related.get(r)?.has(e.id));
    if (members.length >= 2) families.set(e.id, members);
  }
  return { frames, values: data.values, misreports: data.misreports, byId: new Map(data.values.map((v) => [v.id, v])), families, related };
}

export function valuesFor(k: Knowledge, attribute: ClaimAttribute, entity?: string): ClaimValue[] {
  return k.values.filter((v) => v.attribute === attribute && (entity === undefined || v.entity === entity));
}

/** Every match of a frame in `text`. */
export function frameHits(k: Knowledge, frame: string, text: string): { start: number; end: number }[] {
  const re = k.frames.get(frame);
  if (!re) return [];
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
