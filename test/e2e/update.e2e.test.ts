/**
 * An update in real Chromium and Firefox: the installed extension is replaced on disk by a build
 * with the next dataset version and reloaded. The background must re-seed IndexedDB with the new
 * data and keep the user's notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
  nextBuild = path.join(tmp, 'next');
  await promisify(execFile)('npx', ['tsx', 'scripts/build.ts', '--data', data, '--out', nextBuild]);
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

/** Uses the extension's own IndexedDB, as the background does: extension pages share its origin. */
function note(page: TestPage, write?: { entity: string; text: string; updated: string }): Promise<unknown> {
  return page.evaluate(
    (arg) =>
      new Promise((resolve, reject) => {
        // No version: the background owns the schema; this page only uses what is there.
        const open = indexedDB.open('llama-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('notes', arg.write ? 'readwrite' : 'readonly');
          const request = arg.write ? tx.objectStore('notes').put(arg.write) : tx.objectStore('notes').get(arg.entity);
          tx.oncomplete = () => {
            db.close();
            resolve(arg.write ? 'written' : request.result);
          };
          tx.onabort = () => reject(tx.error);
        };
      }),
    { write, entity: write?.entity ?? ENTITY },
  );
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

  it('re-seeds the next dataset version on update and keeps the user notes', async () => {
    const userNote = { entity: ENTITY, text: `kept across the update in ${name}`, updated: '2026-02-03' };

    let page = await waitForBackground(session, (r) => statusOf(r).ok === true);
    const before = statusOf(await ask(page, { type: 'status/get', payload: {} }));
    expect(before.value).toMatchObject({ datasetVersion: current, storage: { kind: 'indexeddb' } });
    const oldSummary = await summaryOf(page);
    expect(oldSummary).toBeTruthy();
    expect(oldSummary).not.toBe(NEW_SUMMARY);
    expect(await note(page, userNote)).toBe('written');

    await cp(path.join(nextBuild, BUILD_DIRS[name]), installed, { recursive: true, force: true });
    await reloadExtension(page);

    page = await waitForBackground(session, (r) => statusOf(r).value?.datasetVersion === current + 1);
    const after = statusOf(await ask(page, { type: 'status/get', payload: {} }));
    expect(after).toMatchObject({ ok: true, value: { datasetVersion: current + 1, storage: { kind: 'indexeddb' } } });
    expect(await summaryOf(page)).toBe(NEW_SUMMARY);
    expect(await note(page)).toEqual(userNote);
    // Still IndexedDB after the reads: a read that failed would have switched to memory.
    expect(statusOf(await ask(page, { type: 'status/get', payload: {} })).value?.storage).toEqual({ kind: 'indexeddb' });
    await page.close();
  });
});
