import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetStats, isHttpsUrl, isIsoDate, validateDataset } from '../../scripts/dataset-validate';
import { datasetVersion, loadDataFolder } from '../../scripts/data-folder';

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8')) as unknown;
}

interface RawDataset {
  checked: { date: string };
  entities: Record<string, unknown>[];
  facts: Record<string, unknown>[];
  sources: Record<string, unknown>[];
  aliases: Record<string, unknown>;
  senses: Record<string, unknown>;
}

/** A fresh deep copy of the real data, with a small inline alias map (aliases.json is written elsewhere). */
function realData(): RawDataset {
  return structuredClone({
    checked: readJson('checked.json'),
    entities: readJson('entities.json'),
    facts: readJson('facts.json'),
    sources: readJson('sources.json'),
    aliases: {
      'llama-1': [{ text: 'LLaMA', caseSensitive: true, ambiguous: false }],
      'hugging-face': [{ text: 'Hugging Face', caseSensitive: false, ambiguous: false }],
    },
    senses: readJson('senses.json'),
  }) as RawDataset;
}

const TEST_VERSION = 'test-version';

function errorsOf(raw: RawDataset): string[] {
  const result = validateDataset(raw, TEST_VERSION);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function at<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

describe('the bundled dataset', () => {
  it('validates', () => {
    const result = validateDataset(realData(), TEST_VERSION);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.ok).toBe(true);
  });

  it('also validates with an empty alias map', () => {
    const raw = realData();
    raw.aliases = {};
    expect(validateDataset(raw, TEST_VERSION).ok).toBe(true);
  });

  it('keeps extra optional alias fields', () => {
    const raw = realData();
    raw.aliases = { 'llama-2': [{ text: 'Llama 2', caseSensitive: false, ambiguous: false, idStem: true }] };
    const result = validateDataset(raw, TEST_VERSION);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.dataset.aliases['llama-2']?.[0]).toMatchObject({ text: 'Llama 2', idStem: true });
  });

  it('meets the size and source-quality targets', () => {
    const result = validateDataset(realData(), TEST_VERSION);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const stats = datasetStats(result.dataset);
    expect(stats.facts).toBeGreaterThanOrEqual(120);
    expect(stats.entities).toBeGreaterThanOrEqual(24);
    expect(stats.primarySources / stats.sources).toBeGreaterThan(0.5);
  });

  it('uses exactly the required entity ids', () => {
    const ids = new Set(realData().entities.map((e) => e.id));
    for (const id of [
      'llama-family', 'llama-1', 'llama-2', 'llama-3', 'llama-3-1', 'llama-3-2', 'llama-3-3', 'llama-4',
      'llama-leak', 'llama-cpp', 'stanford-alpaca', 'vicuna', 'fourchan', 'gpt-3', 'openai',
      'meta-platforms', 'meta-ai', 'meta-dmca-takedown', 'motherboard-vice',
      'hugging-face', 'clement-delangue', 'transformers', 'hugging-face-hub', 'bigscience-bloom', 'hugging-face-llama',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('never shows the unconfirmed staff-update claim', () => {
    const text = realData().facts.map((f) => String(f.text)).join('\n');
    expect(text).not.toMatch(/staff update/i);
  });
});

describe('validateDataset rejects bad entries and names them', () => {
  it('a fact without sources', () => {
    const raw = realData();
    const fact = at(raw.facts, 3);
    fact.sources = [];
    const errors = errorsOf(raw);
    expect(errors).toContain(`facts[3] (id "${String(fact.id)}"): sources must not be empty`);
  });

  it('a fact citing an unknown source', () => {
    const raw = realData();
    const fact = at(raw.facts, 0);
    fact.sources = ['no-such-source'];
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`facts[0] (id "${String(fact.id)}")`) && e.includes('"no-such-source"'))).toBe(true);
  });

  it('an http source', () => {
    const raw = realData();
    const source = at(raw.sources, 2);
    source.url = 'http://example.com/page';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`sources[2] (id "${String(source.id)}"): url`) && e.includes('https'))).toBe(true);
  });

  it('a javascript: source', () => {
    const raw = realData();
    const source = at(raw.sources, 0);
    source.url = 'javascript:alert(1)';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`sources[0] (id "${String(source.id)}"): url`))).toBe(true);
  });

  it('a bad date', () => {
    const raw = realData();
    const fact = at(raw.facts, 1);
    fact.date = '2023-02-30';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`facts[1] (id "${String(fact.id)}"): date`) && e.includes('2023-02-30'))).toBe(true);
  });

  it('a badly formatted source date', () => {
    const raw = realData();
    const source = at(raw.sources, 1);
    source.date = '24/02/2023';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`sources[1] (id "${String(source.id)}"): date`))).toBe(true);
  });

  it('an unknown related id', () => {
    const raw = realData();
    const entity = at(raw.entities, 0);
    entity.related = ['llama-1', 'no-such-entity'];
    const errors = errorsOf(raw);
    expect(errors).toContain(`entities[0] (id "${String(entity.id)}"): related id "no-such-entity" does not match any entity`);
  });

  it('a fact about an unknown entity', () => {
    const raw = realData();
    const fact = at(raw.facts, 5);
    fact.entity = 'no-such-entity';
    const errors = errorsOf(raw);
    expect(errors).toContain(`facts[5] (id "${String(fact.id)}"): entity "no-such-entity" does not match any entity`);
  });

  it('a duplicate entity id', () => {
    const raw = realData();
    const copy = { ...at(raw.entities, 1) };
    raw.entities.push(copy);
    const errors = errorsOf(raw);
    const index = raw.entities.length - 1;
    expect(errors).toContain(`entities[${index}] (id "${String(copy.id)}"): duplicate id (already used by entities[1])`);
  });

  it('a duplicate fact id', () => {
    const raw = realData();
    at(raw.facts, 4).id = at(raw.facts, 2).id;
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith('facts[4]') && e.includes('duplicate id'))).toBe(true);
  });

  it('a duplicate source id', () => {
    const raw = realData();
    at(raw.sources, 3).id = at(raw.sources, 0).id;
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith('sources[3]') && e.includes('duplicate id'))).toBe(true);
  });

  it('an empty field', () => {
    const raw = realData();
    const entity = at(raw.entities, 2);
    entity.name = '';
    const errors = errorsOf(raw);
    expect(errors).toContain(`entities[2] (id "${String(entity.id)}"): name must not be empty or whitespace-only`);
  });

  it('a whitespace-only field', () => {
    const raw = realData();
    const fact = at(raw.facts, 7);
    fact.text = '   ';
    const errors = errorsOf(raw);
    expect(errors).toContain(`facts[7] (id "${String(fact.id)}"): text must not be empty or whitespace-only`);
  });

  it('an unknown topic', () => {
    const raw = realData();
    const entity = at(raw.entities, 4);
    entity.topic = 'google';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`entities[4] (id "${String(entity.id)}"): topic`) && e.includes('"google"'))).toBe(true);
  });

  it('an unknown kind', () => {
    const raw = realData();
    const entity = at(raw.entities, 4);
    entity.kind = 'animal';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`entities[4] (id "${String(entity.id)}"): kind`))).toBe(true);
  });

  it('a weak source quality', () => {
    const raw = realData();
    const source = at(raw.sources, 5);
    source.quality = 'weak';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`sources[5] (id "${String(source.id)}"): quality`))).toBe(true);
  });

  it('an unused source', () => {
    const raw = realData();
    raw.sources.push({
      id: 'orphan-source',
      url: 'https://example.org/orphan',
      title: 'Orphan',
      publisher: 'Example',
      date: '2023-01-01',
      quality: 'secondary',
    });
    const errors = errorsOf(raw);
    expect(errors).toContain(`sources[${raw.sources.length - 1}] (id "orphan-source"): is not cited by any fact`);
  });

  it('an entity without facts', () => {
    const raw = realData();
    raw.entities.push({ id: 'lonely', topic: 'meta', name: 'Lonely', kind: 'project', summary: 'No facts.', related: [] });
    const errors = errorsOf(raw);
    expect(errors).toContain(`entities[${raw.entities.length - 1}] (id "lonely"): has no facts (every entity needs at least one)`);
  });

  it('an alias key that is not an entity, and a malformed alias', () => {
    const raw = realData();
    raw.aliases = {
      'no-such-entity': [{ text: 'X', caseSensitive: false, ambiguous: false }],
      'llama-1': [{ text: ' ', caseSensitive: 'yes', ambiguous: false }],
    };
    const errors = errorsOf(raw);
    expect(errors).toContain('aliases["no-such-entity"]: key does not match any entity');
    expect(errors.some((e) => e.startsWith('aliases["llama-1"][0]: text'))).toBe(true);
    expect(errors.some((e) => e.startsWith('aliases["llama-1"][0]: caseSensitive'))).toBe(true);
  });

  it('an ambiguous alias whose sense senses.json does not define, or that names none', () => {
    const raw = realData();
    raw.aliases = {
      'llama-family': [
        { text: 'llama', caseSensitive: false, ambiguous: true, sense: 'animl' },
        { text: 'Llama', caseSensitive: true, ambiguous: true },
      ],
      'llama-1': [{ text: 'LLaMA', caseSensitive: true, ambiguous: false, sense: 'animal' }],
    };
    const errors = errorsOf(raw);
    expect(errors).toContainEqual(expect.stringMatching(/^aliases\["llama-family"\]\[0\] \("llama"\): sense "animl" is not defined in senses\.json \(defined: animal, /));
    expect(errors.some((e) => e.startsWith('aliases["llama-family"][1]: sense'))).toBe(true);
    expect(errors.some((e) => e.startsWith('aliases["llama-1"][0]:'))).toBe(true);
  });

  it('a sense with an unknown domain or a missing field', () => {
    const raw = realData();
    raw.senses = { ...raw.senses, odd: { about: 'x', for: ['ml'], against: ['astrology'], notAfter: [], notBefore: [] } };
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith('senses["odd"]: against.0 must be one of ml,') || e.startsWith('senses["odd"]: against.0 must be one of ml, '))).toBe(true);
    expect(errors.some((e) => e.startsWith('senses["odd"]: supportedAfter'))).toBe(true);
  });

  it('a bad checked date', () => {
    const raw = realData();
    raw.checked = { date: '2026-13-01' };
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith('checked: date'))).toBe(true);
  });

  it('a missing content hash', () => {
    const result = validateDataset(realData(), ' ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContain('version: the content hash is missing');
  });

  it('a fact without a kind, or of an unknown kind', () => {
    const raw = realData();
    delete at(raw.facts, 0).kind;
    at(raw.facts, 1).kind = 'opinion';
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith(`facts[0] (id ${JSON.stringify(at(raw.facts, 0).id)}): kind`))).toBe(true);
    expect(errors.some((e) => e.startsWith(`facts[1] (id ${JSON.stringify(at(raw.facts, 1).id)}): kind must be one of event, state, trait`))).toBe(true);
  });

  it('a time-bound (state) fact without an asOf date', () => {
    const raw = realData();
    const index = raw.facts.findIndex((f) => f.id === 'meta-ceo');
    expect(at(raw.facts, index).kind).toBe('state');
    delete at(raw.facts, index).asOf;
    expect(errorsOf(raw)).toContain(`facts[${index}] (id "meta-ceo"): a time-bound (state) fact needs an asOf date (when it was last known true)`);
  });

  it('an event fact without a date', () => {
    const raw = realData();
    const index = raw.facts.findIndex((f) => f.id === 'llama-2-release');
    delete at(raw.facts, index).date;
    expect(errorsOf(raw)).toContain(`facts[${index}] (id "llama-2-release"): an event fact needs a date (when it happened)`);
  });

  it('non-array collections', () => {
    const errors = errorsOf({ ...realData(), facts: {} as unknown as Record<string, unknown>[] });
    expect(errors).toContain('facts: must be an array');
  });
});

describe('the dataset version', () => {
  it('is the content hash of every file in the data folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lens-data-'));
    try {
      cpSync(new URL('../../src/data', import.meta.url), dir, { recursive: true });
      const loaded = loadDataFolder(dir);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
      const first = datasetVersion(dir);
      expect(loaded.dataset.version).toBe(first);
      expect(first).toMatch(/^[0-9a-f]{16}$/);
      expect(datasetVersion(dir)).toBe(first);

      // An alias-only change: nobody bumps anything, and the version still changes.
      const aliasFile = path.join(dir, 'aliases.json');
      const aliases = JSON.parse(readFileSync(aliasFile, 'utf8')) as Record<string, unknown[]>;
      aliases['llama-1'] = [...(aliases['llama-1'] ?? []), { text: 'Test Alias', caseSensitive: false, ambiguous: false }];
      writeFileSync(aliasFile, JSON.stringify(aliases));
      const second = datasetVersion(dir);
      expect(second).not.toBe(first);

      // A file the extension does not read yet (another team's data) counts too.
      writeFileSync(path.join(dir, 'claims.json'), '[]');
      expect(datasetVersion(dir)).not.toBe(second);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it('isIsoDate accepts real days and months only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-03')).toBe(true);
    expect(isIsoDate('2023-13')).toBe(false);
    expect(isIsoDate('2023')).toBe(false);
    expect(isIsoDate('2023-3-1')).toBe(false);
  });

  it('isHttpsUrl accepts https only', () => {
    expect(isHttpsUrl('https://github.com/github/dmca')).toBe(true);
    expect(isHttpsUrl('http://github.com')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('data:text/html,hi')).toBe(false);
    expect(isHttpsUrl('//github.com')).toBe(false);
    expect(isHttpsUrl('https://user:pw@example.com')).toBe(false);
  });
});
