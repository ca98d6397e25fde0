/**
 * An update in real Chromium and Firefox: the installed extension is replaced on disk by the next
 * version and reloaded. That version has the next dataset and one more schema migration (the test
 * builds it from a copy of the source with a migration added), so the background must run the
 * upgrade, re-seed IndexedDB with the new data and keep the user's notes, which still show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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
const PROBE_STORE = 'update-test-probe';

let tmp: string;
let nextBuild: string;
let current: number;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'lens-update-'));
  const data = path.join(tmp, 'data');
  await cp(path.resolve('src/data'), data, { recursive: true });
  const version = JSON.parse(await readFile(path.join(data, 'version.json'), 'utf8')) as { version: number; date: string };
  current = version.version;
  await writeFile(path.join(data, 'version.json'), JSON.stringify({ ...version, version: current + 1 }));
  const entities = JSON.parse(await readFile(path.join(data, 'entities.json'), 'utf8')) as { id: string; summary: string }[];
  entities.find((e) => e.id === ENTITY)!.summary = NEW_SUMMARY;
  await writeFile(path.join(data, 'entities.json'), JSON.stringify(entities));
  // The next version's code: this source with one more migration, a store the update must create.
  const source = path.join(tmp, 'source');
  for (const part of ['src', 'scripts', 'icons', 'manifest.json', 'package.json']) await cp(path.resolve(part), path.join(source, part), { recursive: true });
  await symlink(path.resolve('node_modules'), path.join(source, 'node_modules'), 'dir');
  const dbFile = path.join(source, 'src/background/db.ts');
  const db = await readFile(dbFile, 'utf8');
  const end = '\n];\n/* eslint-enable';
  if (!db.includes(end)) throw new Error('update test: the end of MIGRATIONS in db.ts was not found; update the test');
  await writeFile(dbFile, db.replace(end, `\n  (db) => { db.createObjectStore('${PROBE_STORE}'); },${end}`));
  nextBuild = path.join(tmp, 'next');
  await promisify(execFile)('npx', ['tsx', path.join(source, 'scripts/build.ts'), '--data', data, '--out', nextBuild]);
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

interface Status {
  ok: boolean;
  value?: { datasetVersion: number; storage: { kind: string } };
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

async function noteShown(page: TestPage): Promise<string | undefined> {
  const reply = await ask<{ value?: { entities: { note?: { text: string } }[] } }>(page, { type: 'entities/get', payload: { ids: [ENTITY] } });
  return reply.value?.entities[0]?.note?.text;
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

  it('migrates the schema, re-seeds the next dataset version on update and keeps the user notes', async () => {
    const text = `kept across the update in ${name}`;

    let page = await waitForBackground(session, (r) => statusOf(r).ok === true);
    const status = statusOf(await ask(page, { type: 'status/get', payload: {} }));
    expect(status.value).toMatchObject({ datasetVersion: current, storage: { kind: 'indexeddb' } });
    const oldSummary = await summaryOf(page);
    expect(oldSummary).toBeTruthy();
    expect(oldSummary).not.toBe(NEW_SUMMARY);
    // Written as the popover and the entry page write it.
    const written = await ask<{ ok: boolean; value: { note: unknown } }>(page, { type: 'note/set', payload: { entity: ENTITY, text } });
    expect(written.ok).toBe(true);
    const before = await database(page);
    expect(before.stores).not.toContain(PROBE_STORE);
    expect(before.note).toEqual(written.value.note);

    await cp(path.join(nextBuild, BUILD_DIRS[name]), installed, { recursive: true, force: true });
    await reloadExtension(page);

    page = await waitForBackground(session, (r) => statusOf(r).value?.datasetVersion === current + 1);
    const updated = statusOf(await ask(page, { type: 'status/get', payload: {} }));
    expect(updated).toMatchObject({ ok: true, value: { datasetVersion: current + 1, storage: { kind: 'indexeddb' } } });
    expect(await summaryOf(page)).toBe(NEW_SUMMARY);
    const after = await database(page);
    expect(after.version).toBe(before.version + 1);
    expect(after.stores).toContain(PROBE_STORE);
    expect(after.note).toEqual(before.note);
    expect(await noteShown(page)).toBe(text);
    // Still IndexedDB after the reads: a read that failed would have switched to memory.
    expect(statusOf(await ask(page, { type: 'status/get', payload: {} })).value?.storage).toEqual({ kind: 'indexeddb' });
    await page.close();
  });
});
