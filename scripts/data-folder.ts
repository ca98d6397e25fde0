/** Reads a dataset folder (src/data layout), hashes it and validates it; shared by the build, dataset:stats and the tests. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ClaimData } from '../src/shared/claims';
import type { Dataset } from '../src/shared/dataset';
import { validateClaims } from './claims-validate';
import { validateDataset } from './dataset-validate';

const FILES = ['checked', 'entities', 'facts', 'sources', 'aliases', 'senses', 'claims'] as const;
/** Hex digits of the hash kept as the version: 64 bits, so two datasets never collide in practice. */
const VERSION_HEX_DIGITS = 16;

/**
 * The dataset's version: a hash over the name and bytes of every file in the folder, in name order,
 * including files the extension does not read yet. Any change to any file, by anyone, gives a new
 * version, and the background re-seeds IndexedDB when the version differs from the stored one.
 */
export function datasetVersion(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(path.join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, VERSION_HEX_DIGITS);
}

export type DataFolderResult = { ok: true; dataset: Dataset; claims: ClaimData } | { ok: false; errors: string[] };

export function loadDataFolder(dir: string): DataFolderResult {
  const raw: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const name of FILES) {
    const file = path.join(dir, `${name}.json`);
    try {
      raw[name] = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      errors.push(`${name}.json: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  const data = validateDataset(raw as Parameters<typeof validateDataset>[0], datasetVersion(dir));
  if (!data.ok) return data;
  const claims = validateClaims(raw.claims, data.dataset);
  if (!claims.ok) return claims;
  return { ok: true, dataset: data.dataset, claims: claims.claims };
}
