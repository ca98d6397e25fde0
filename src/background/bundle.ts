/** The dataset shipped inside the extension, validated by the build (scripts/build.ts). */
import type { Dataset } from '../shared/dataset';
import version from '@data/version.json';
import entities from '@data/entities.json';
import facts from '@data/facts.json';
import sources from '@data/sources.json';
import aliases from '@data/aliases.json';

export const BUNDLED: Dataset = {
  ...version,
  entities,
  facts,
  sources,
  aliases,
} as Dataset;
