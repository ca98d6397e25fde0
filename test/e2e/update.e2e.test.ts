/**
 * Updates in real Chromium and Firefox: the installed extension is replaced on disk by a newer build
 * and reloaded, twice. Nobody bumps a version number: the build hashes the data folder, so the
 * background must notice any change, re-seed IndexedDB with the new data and keep the user's notes.
 * 1. the next build changes an entity's summary and its code has one more schema migration (the test
 *    builds it from a copy of the source with a migration added), so the background must also run
 *    the upgrade; the user's notes still show;
 * 2. the build after that changes only an alias (aliases.json), the case a hand-bumped version missed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { datasetVersion } from '../../scripts/data-folder';
import {
  BROWSERS,
  EXTENSION_DIRS,
  chromiumDeveloperProfile,
  launch,
  reloadExtension,
  waitForBackground,
  type Session,
  type TestPage,
} from './harness/browsers';

const BUILD_DIRS = { chromium: 'chrome', firefox: 'firefox' } as const;
const ENTITY = 'llama-1';
const NEW_SUMMARY = 'Changed by the update test: this text exists only in the next dataset version.';
const NEW_ALIAS = { text: 'Update Test Alias', caseSensitive: false, ambiguous: false };
const PROBE_STORE = 'update-test-probe';

interface Build {
  dir: string;
  version: string;
}

/**
 * The next version's code: a copy of this source with one more migration, a store the update must
 * create. Both updates are built from it, so the second changes the data alone.
 */
async function nextSource(): Promise<string> {
  const source = path.join(tmp, 'source');
  for (const part of ['src', 'scripts', 'icons', 'manifest.json', 'package.json']) await cp(path.resolve(part), path.join(source, part), { recursive: true });
  await symlink(path.resolve('node_modules'), path.join(source, 'node_modules'), 'dir');
  const dbFile = path.join(source, 'src/background/db.ts');
  const db = await readFile(dbFile, 'utf8');
  const end = '\n];\n/* eslint-enable';
  if (!db.includes(end)) throw new Error('update test: the end of MIGRATIONS in db.ts was not found; update the test');
  await writeFile(dbFile, db.replace(end, `\n  (db) => { db.createObjectStore('${PROBE_STORE}'); },${end}`));
  return source;
}

/** A copy of the data folder as it stood, with one JSON file edited, built from the next source into its own folder. */
async function buildWith<T>(from: string, name: string, file: string, edit: (json: T) => void): Promise<Build & { data: string }> {
  const data = path.join(tmp, `data-${name}`);
  await cp(from, data, { recursive: true });
  const json = JSON.parse(await readFile(path.join(data, file), 'utf8')) as T;
  edit(json);
  await writeFile(path.join(data, file), JSON.stringify(json));
  const dir = path.join(tmp, name);
  await promisify(execFile)('npx', ['tsx', path.join(source, 'scripts/build.ts'), '--data', data, '--out', dir]);
  return { dir, data, version: datasetVersion(data) };
}

let tmp: string;
let source: string;
let current: string;
let summaryBuild: Build;
let aliasBuild: Build;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lens-update-'));
  current = datasetVersion(path.resolve('src/data'));
  source = await nextSource();
  const summary = await buildWith<{ id: string; summary: string }[]>(path.resolve('src/data'), 'next-summary', 'entities.json', (entities) => {
    entities.find((e) => e.id === ENTITY)!.summary = NEW_SUMMARY;
  });
  summaryBuild = summary;
  // Built on top of the summary change: the only difference from the build before is one alias.
  aliasBuild = await buildWith<Record<string, unknown[]>>(summary.data, 'next-alias', 'aliases.json', (aliases) => {
    aliases[ENTITY] = [...(aliases[ENTITY] ?? []), NEW_ALIAS];
  });
}, 180_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

interface Status {
  ok: boolean;
  value?: { datasetVersion: string; storage: { kind: string } };
}

const statusOf = (reply: unknown) => reply as Status;

function ask<T>(page: TestPage, message: unknown): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

async function summaryOf(page: TestPage): Promise<string | undefined> {
  const reply = await ask<{ ok: boolean; value?: { entities: { id: string; summary: string }[] } }>(page, {
    type: 'entities/get',
    payload: { ids: [ENTITY] },
  });
  return reply.value?.entities[0]?.summary;
}

/** Reads the extension's own IndexedDB, as the background does: extension pages share its origin. */
function database(page: TestPage): Promise<{ version: number; stores: string[]; note: unknown }> {
  return page.evaluate(
    (entity) =>
      new Promise((resolve, reject) => {
        // No version: the background owns the schema; this page only uses what is there.
        const open = indexedDB.open('llama-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('notes', 'readonly');
          const request = tx.objectStore('notes').get(entity);
          tx.oncomplete = () => {
            db.close();
            resolve({ version: db.version, stores: [...db.objectStoreNames], note: request.result });
          };
          tx.onabort = () => reject(tx.error);
        };
      }),
    ENTITY,
  );
}

/** The note as the popover and the entry page get it. */
async function noteShown(page: TestPage): Promise<string | undefined> {
  const reply = await ask<{ value?: { entities: { note?: { text: string } }[] } }>(page, { type: 'entities/get', payload: { ids: [ENTITY] } });
  return reply.value?.entities[0]?.note?.text;
}

/** The aliases IndexedDB holds for the entity, read straight from the store the background seeds. */
function storedAliases(page: TestPage): Promise<{ text: string }[] | undefined> {
  return page.evaluate(
    (entity) =>
      new Promise<{ text: string }[] | undefined>((resolve, reject) => {
        const open = indexedDB.open('llama-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('aliases', 'readonly').objectStore('aliases').get(entity);
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { aliases: { text: string }[] } | undefined)?.aliases);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    ENTITY,
  );
}

async function update(page: TestPage, session: Session, installed: string, build: Build, browser: keyof typeof BUILD_DIRS): Promise<TestPage> {
  await cp(path.join(build.dir, BUILD_DIRS[browser]), installed, { recursive: true, force: true });
  await reloadExtension(page);
  return waitForBackground(session, (r) => statusOf(r).value?.datasetVersion === build.version);
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let installed: string;
  let profile: string | undefined;
  beforeAll(async () => {
    // The browser loads the add-on from this copy, which the test then overwrites like an update.
    installed = path.join(tmp, `installed-${name}`);
    await cp(EXTENSION_DIRS[name], installed, { recursive: true });
    profile = name === 'chromium' ? await chromiumDeveloperProfile() : undefined;
    session = await launch(name, { extensionDir: installed, ...(profile && { profileDir: profile }) });
  });
  afterAll(async () => {
    await session?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const text = `kept across the updates in ${name}`;
  let written: unknown;

  it('migrates the schema, re-seeds a changed dataset on update and keeps the user notes', async () => {
    expect(summaryBuild.version).not.toBe(current);
    let page = await waitForBackground(session, (r) => statusOf(r).ok === true);
    const before = statusOf(await ask(page, { type: 'status/get', payload: {} }));
    expect(before.value).toMatchObject({ datasetVersion: current, storage: { kind: 'indexeddb' } });
    const oldSummary = await summaryOf(page);
    expect(oldSummary).toBeTruthy();
    expect(oldSummary).not.toBe(NEW_SUMMARY);
    // Written as the popover and the entry page write it.
    const reply = await ask<{ ok: boolean; value: { note: unknown } }>(page, { type: 'note/set', payload: { entity: ENTITY, text } });
    expect(reply.ok).toBe(true);
    written = reply.value.note;
    const stored = await database(page);
    expect(stored.stores).not.toContain(PROBE_STORE);
    expect(stored.note).toEqual(written);

    page = await update(page, session, installed, summaryBuild, name);
    const after = statusOf(await ask(page, { type: 'status/get', payload: {} }));
    expect(after).toMatchObject({ ok: true, value: { datasetVersion: summaryBuild.version, storage: { kind: 'indexeddb' } } });
    expect(await summaryOf(page)).toBe(NEW_SUMMARY);
    const migrated = await database(page);
    expect(migrated.version).toBe(stored.version + 1);
    expect(migrated.stores).toContain(PROBE_STORE);
    expect(migrated.note).toEqual(written);
    expect(await noteShown(page)).toBe(text);
    // Still IndexedDB after the reads: a read that failed would have switched to memory.
    expect(statusOf(await ask(page, { type: 'status/get', payload: {} })).value?.storage).toEqual({ kind: 'indexeddb' });
    await page.close();
  });

  it('re-seeds an update whose only change is an alias, and keeps the user notes', async () => {
    expect(aliasBuild.version).not.toBe(summaryBuild.version);
    let page = await waitForBackground(session, (r) => statusOf(r).value?.datasetVersion === summaryBuild.version);
    expect((await storedAliases(page))?.map((a) => a.text)).not.toContain(NEW_ALIAS.text);

    page = await update(page, session, installed, aliasBuild, name);
    expect((await storedAliases(page))?.map((a) => a.text)).toContain(NEW_ALIAS.text);
    expect(await summaryOf(page)).toBe(NEW_SUMMARY);
    expect((await database(page)).note).toEqual(written);
    expect(await noteShown(page)).toBe(text);
    expect(statusOf(await ask(page, { type: 'status/get', payload: {} })).value).toMatchObject({
      datasetVersion: aliasBuild.version,
      storage: { kind: 'indexeddb' },
    });
    await page.close();
  });
});
