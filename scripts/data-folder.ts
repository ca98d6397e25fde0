/** Reads a dataset folder (src/data layout) and validates it; shared by the build and dataset:stats. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateDataset, type ValidationResult } from './dataset-validate';

const FILES = ['version', 'entities', 'facts', 'sources', 'aliases', 'senses'] as const;

export async function loadDataFolder(dir: string): Promise<ValidationResult> {
  const raw: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const name of FILES) {
    const file = path.join(dir, `${name}.json`);
    try {
      raw[name] = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      errors.push(`${name}.json: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  return validateDataset(raw as Parameters<typeof validateDataset>[0]);
}
