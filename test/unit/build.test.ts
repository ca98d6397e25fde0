/**
 * The build as a command: a bad dataset stops it with a message naming the bad entry, and a good
 * one produces a manifest per browser with the background each one accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = path.join(root, 'src/data');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function build(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/build.ts', ...args], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lens-build-test-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** A copy of src/data with one JSON file changed by `edit`. */
async function dataWith<T>(file: string, edit: (json: T) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'data-'));
  await cp(dataDir, dir, { recursive: true });
  const json = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;
  edit(json);
  await writeFile(path.join(dir, file), JSON.stringify(json));
  return dir;
}

// Each test runs the build as a child process: seconds on a quiet machine, far more on a loaded one.
describe('scripts/build.ts', { timeout: 120_000 }, () => {
  it('fails on a fact without sources, naming the fact, and writes nothing', async () => {
    let factId = '';
    const data = await dataWith<{ id: string; sources: string[] }[]>('facts.json', (facts) => {
      const fact = facts[5]!;
      factId = fact.id;
      fact.sources = [];
    });
    const out = path.join(tmp, 'out-no-sources');
    const run = await build(['--data', data, '--out', out]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`(id "${factId}"): sources must not be empty`);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('fails on a time-bound fact without an asOf date, naming the fact', async () => {
    const data = await dataWith<{ id: string; kind: string; asOf?: string }[]>('facts.json', (facts) => {
      const fact = facts.find((f) => f.id === 'meta-ceo')!;
      expect(fact.kind).toBe('state');
      delete fact.asOf;
    });
    const out = path.join(tmp, 'out-no-as-of');
    const run = await build(['--data', data, '--out', out]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('(id "meta-ceo"): a time-bound (state) fact needs an asOf date');
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('fails on an http:// source URL, naming the source', async () => {
    let sourceId = '';
    const data = await dataWith<{ id: string; url: string }[]>('sources.json', (sources) => {
      const source = sources[2]!;
      sourceId = source.id;
      source.url = source.url.replace(/^https:/, 'http:');
    });
    const run = await build(['--data', data, '--out', path.join(tmp, 'out-http')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(new RegExp(`id "${sourceId}"\\).*https`));
  });

  it('fails on a claim value without sources, naming the value', async () => {
    let valueId = '';
    const data = await dataWith<{ values: { id: string; sources: string[] }[] }>('claims.json', (claims) => {
      const value = claims.values[3]!;
      valueId = value.id;
      value.sources = [];
    });
    const run = await build(['--data', data, '--out', path.join(tmp, 'out-claim-no-sources')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`(id "${valueId}"): sources must not be empty`);
  }, 30_000);

  it('fails on a claim value citing a source that is not in sources.json', async () => {
    const data = await dataWith<{ values: { id: string; sources: string[] }[] }>('claims.json', (claims) => {
      claims.values[0]!.sources = ['http-example-org'];
    });
    const run = await build(['--data', data, '--out', path.join(tmp, 'out-claim-unknown-source')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('source "http-example-org" does not match any source');
  }, 30_000);

  it('builds both extensions with the background each browser accepts', async () => {
    const out = path.join(tmp, 'out-good');
    const run = await build(['--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const manifest = async (b: string) => JSON.parse(await readFile(path.join(out, b, 'manifest.json'), 'utf8')) as Record<string, unknown>;

    const chrome = await manifest('chrome');
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toBe(pkg.version);
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');

    const firefox = await manifest('firefox');
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.version).toBe(pkg.version);
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    const gecko = (firefox.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe('llama-leak-lens@example.org');
    // data_collection_permissions is read from Firefox 140 on; older versions would reject the add-on.
    expect(Number.parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toMatchObject({ required: expect.any(Array) });
    // Firefox for Android reads data_collection_permissions from 142 on; 140 brought the Highlight API.
    const android = (firefox.browser_specific_settings as { gecko_android?: Record<string, unknown> }).gecko_android;
    expect(Number.parseFloat(String(android?.strict_min_version))).toBeGreaterThanOrEqual(142);

    for (const b of ['chrome', 'firefox']) {
      const files = await readdir(path.join(out, b));
      expect(files).toEqual(expect.arrayContaining(['background.js', 'content.js', 'lens.js', 'popup.js', 'popup.html', 'manifest.json']));
      expect(files).not.toContain('.staging');
    }
  }, 120_000);
});
