/**
 * `npm run package [-- --out DIR]`: builds, then writes to DIR (default extension/):
 *   llama-leak-lens-VERSION-chrome.zip    the Chrome Web Store upload
 *   llama-leak-lens-VERSION-firefox.zip   the addons.mozilla.org upload
 *   llama-leak-lens-VERSION-source.zip    the source AMO asks for with a minified add-on: the files
 *                                         the build reads, and BUILDING.md saying how to rebuild
 * Every archive is deterministic (sorted entries, one fixed timestamp), so the same sources give
 * the same bytes; test/unit/package.test.ts rebuilds from the source archive and compares.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { out: { type: 'string', default: path.join(root, 'extension') } } });
const out = path.resolve(args.out!);

/**
 * What the build reads, relative to the repository: `npm ci && npm run build` in a folder holding
 * these gives extension/firefox. Tests, benchmarks, docs and the other scripts are left out; the
 * rebuild test fails if something the build needs is missing here.
 */
const SOURCE_PATHS = [
  'BUILDING.md',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'manifest.json',
  'icons',
  'src',
  'scripts/build.ts',
  'scripts/claims-validate.ts',
  'scripts/data-folder.ts',
  'scripts/dataset-validate.ts',
];

/** Zip entries keep no time of their own: every entry gets this one. */
const ZIP_MTIME = '2023-03-03';

async function files(dir: string, base: string): Promise<Record<string, Uint8Array>> {
  const found: Record<string, Uint8Array> = {};
  const info = await stat(dir);
  if (!info.isDirectory()) {
    found[path.relative(base, dir).split(path.sep).join('/')] = new Uint8Array(await readFile(dir));
    return found;
  }
  for (const name of (await readdir(dir)).sort()) Object.assign(found, await files(path.join(dir, name), base));
  return found;
}

function zip(entries: Record<string, Uint8Array>): Uint8Array {
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return zipSync(sorted, { level: 9, mtime: ZIP_MTIME });
}

const built = spawnSync('npx', ['tsx', path.join(root, 'scripts/build.ts'), '--out', out], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);

const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
const archives: Record<string, Record<string, Uint8Array>> = {
  chrome: await files(path.join(out, 'chrome'), path.join(out, 'chrome')),
  firefox: await files(path.join(out, 'firefox'), path.join(out, 'firefox')),
  source: {},
};
for (const p of SOURCE_PATHS) Object.assign(archives.source!, await files(path.join(root, p), root));

for (const [name, entries] of Object.entries(archives)) {
  const data = zip(entries);
  const file = path.join(out, `llama-leak-lens-${version}-${name}.zip`);
  await writeFile(file, data);
  console.log(`${path.relative(process.cwd(), file)}: ${Object.keys(entries).length} files, ${(data.length / 1024).toFixed(1)} KB`);
}
