/** The data shipped inside the extension, validated and hashed by the build (scripts/build.ts). */
import version from 'virtual:dataset-version';
import checked from '@data/checked.json';
import entities from '@data/entities.json';
import facts from '@data/facts.json';
import sources from '@data/sources.json';
import aliases from '@data/aliases.json';
import claims from '@data/claims.json';
import type { BundledData } from './store';

/** The dataset with the claim check's data (validated with it: scripts/claims-validate.ts). */
export const BUNDLED = {
  version,
  date: checked.date,
  entities,
  facts,
  sources,
  aliases,
  claims,
} as unknown as BundledData;
