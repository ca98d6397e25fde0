/**
 * The AMO source archive rebuilds the Firefox zip: `npm run package` into a temporary folder,
 * unpack its source archive elsewhere, build there as BUILDING.md says, and compare every file of
 * the Firefox zip byte for byte. Dependencies come from this checkout's node_modules (linked), which
 * `npm ci` would install from the same package-lock.json (checked), so no network is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';

const root = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };

function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('npx', ['tsx', ...args], { cwd, timeout: 120_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${args.join(' ')}: ${stderr || error.message}`)) : resolve()));
  });
}

async function tree(dir: string, base = dir): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const name of await readdir(dir)) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) Object.assign(out, await tree(full, base));
    else out[path.relative(base, full).split(path.sep).join('/')] = new Uint8Array(await readFile(full));
  }
  return out;
}

let tmp: string;
let zips: Record<'chrome' | 'firefox' | 'source', Record<string, Uint8Array>>;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lens-package-test-'));
  await run(['scripts/package.ts', '--out', path.join(tmp, 'out')], root);
  const read = async (name: string) => unzipSync(new Uint8Array(await readFile(path.join(tmp, 'out', `llama-leak-lens-${version}-${name}.zip`))));
  zips = { chrome: await read('chrome'), firefox: await read('firefox'), source: await read('source') };
}, 180_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('npm run package', () => {
  it('writes both extensions and a source archive with BUILDING.md and the lock file, without tests, docs or build output', () => {
    expect(Object.keys(zips.firefox)).toContain('manifest.json');
    expect(Object.keys(zips.chrome)).toContain('manifest.json');
    const names = Object.keys(zips.source);
    for (const needed of ['BUILDING.md', 'package.json', 'package-lock.json', 'manifest.json', 'scripts/build.ts', 'src/_locales/en/messages.json', 'icons/icon.svg']) {
      expect(names).toContain(needed);
    }
    expect(names.filter((n) => /^(node_modules|extension|test|bench|docs|\.git)\//.test(n))).toEqual([]);
  });

  it('rebuilds the Firefox zip byte for byte from the source archive alone', async () => {
    const src = path.join(tmp, 'from-source');
    for (const [name, data] of Object.entries(zips.source)) {
      await mkdir(path.dirname(path.join(src, name)), { recursive: true });
      await writeFile(path.join(src, name), data);
    }
    // What `npm ci` would install there: the same lock file, so this checkout's node_modules.
    expect(Buffer.from(zips.source['package-lock.json']!).equals(await readFile(path.join(root, 'package-lock.json')))).toBe(true);
    await symlink(path.join(root, 'node_modules'), path.join(src, 'node_modules'), 'dir');
    await run(['scripts/build.ts'], src);

    const rebuilt = await tree(path.join(src, 'extension/firefox'));
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(zips.firefox).sort());
    const differing = Object.keys(zips.firefox).filter((name) => !Buffer.from(rebuilt[name]!).equals(Buffer.from(zips.firefox[name]!)));
    expect(differing, 'files that differ between the Firefox zip and the rebuild').toEqual([]);
  }, 180_000);
});
