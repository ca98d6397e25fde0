/** `npm run package`: builds, then writes store-ready zips of both extensions to extension/. */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';

const built = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

async function files(dir: string, base = dir): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) Object.assign(out, await files(full, base));
    else out[path.relative(base, full).split(path.sep).join('/')] = new Uint8Array(await readFile(full));
  }
  return out;
}

const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
for (const browser of ['chrome', 'firefox']) {
  const zip = zipSync(await files(path.join('extension', browser)), { level: 9, mtime: '2023-03-03' });
  const file = path.join('extension', `llama-leak-lens-${version}-${browser}.zip`);
  await writeFile(file, zip);
  console.log(`${file}: ${(zip.length / 1024).toFixed(1)} KB`);
}
