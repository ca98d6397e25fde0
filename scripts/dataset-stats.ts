/** Prints one JSON line with the dataset's counts: `npm run --silent dataset:stats`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetStats } from './dataset-validate';
import { loadDataFolder } from './data-folder';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = loadDataFolder(path.join(root, 'src/data'));
if (!result.ok) {
  console.error(`dataset:stats: the dataset is invalid:\n  - ${result.errors.join('\n  - ')}`);
  process.exit(1);
}
console.log(JSON.stringify(datasetStats(result.dataset)));
