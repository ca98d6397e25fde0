/** The dataset shipped inside the extension, validated and hashed by the build (scripts/build.ts). */
import type { Dataset } from '../shared/dataset';
import version from 'virtual:dataset-version';
import checked from '@data/checked.json';
import entities from '@data/entities.json';
import facts from '@data/facts.json';
import sources from '@data/sources.json';
import aliases from '@data/aliases.json';
import claims from '@data/claims.json';
import type { ClaimData } from '../shared/claims';

export const BUNDLED: Dataset = {
  version,
  date: checked.date,
  entities,
  facts,
  sources,
  aliases,
} as Dataset;

/** The claim check's data, validated by the build with the dataset (scripts/claims-validate.ts). */
export const BUNDLED_CLAIMS = claims as unknown as ClaimData;
