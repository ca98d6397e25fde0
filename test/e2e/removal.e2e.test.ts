/**
 * PRIVACY.md says removing the extension deletes everything it keeps on the device. This checks it
 * in both browsers: settings in storage.sync and storage.local and a note in IndexedDB are written,
 * the extension removes itself (management.uninstallSelf, as the browser's Remove button does),
 * and after installing it again in the same profile all of it is gone (the dataset is seeded anew).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BROWSERS, chromiumDeveloperProfile, launch, waitForBackground, type Session, type TestPage } from './harness/browsers';

interface Stored {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  notes: unknown[];
}

function writeEverything(page: TestPage): Promise<void> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<'sync' | 'local', { set(v: object): Promise<void> }> } }).chrome;
    await api.storage.sync.set({ removalProbe: 'sync' });
    await api.storage.local.set({ removalProbe: 'local' });
    await new Promise<void>((resolve, reject) => {
      // No version: the background owns the schema; this page only uses what is there.
      const open = indexedDB.open('llama-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('notes', 'readwrite');
        tx.objectStore('notes').put({ entity: 'llama-1', text: 'a note', updated: '2026-01-01T00:00:00Z' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onabort = () => reject(tx.error);
      };
    });
  });
}

function readEverything(page: TestPage): Promise<Stored> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<'sync' | 'local', { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
    const notes = await new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open('llama-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('notes').objectStore('notes').getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      };
    });
    return { sync: await api.storage.sync.get(null), local: await api.storage.local.get(null), notes };
  });
}

const isReady = (reply: unknown) => (reply as { ok?: boolean } | null)?.ok === true;

describe.each(BROWSERS)('%s', (name) => {
  let session: Session | undefined;
  let profile: string;
  afterAll(async () => {
    await session?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('removing the extension deletes its settings, notes and stored data', async () => {
    // Chromium keeps an unpacked extension's id across installs only with developer mode on.
    profile = name === 'chromium' ? await chromiumDeveloperProfile() : await mkdtemp(path.join(os.tmpdir(), 'lens-firefox-'));
    session = await launch(name, { profileDir: profile, markDensity: null });
    let page = await waitForBackground(session, isReady);
    await writeEverything(page);
    const before = await readEverything(page);
    expect(before.sync.removalProbe).toBe('sync');
    expect(before.local.removalProbe).toBe('local');
    expect(before.notes).toHaveLength(1);

    // The call closes the page under it, so its answer may never come.
    await Promise.race([page.evaluate(() => void (globalThis as unknown as { chrome: { management: { uninstallSelf(): Promise<void> } } }).chrome.management.uninstallSelf()).catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
    await session.close();

    session = await launch(name, { profileDir: profile, markDensity: null });
    page = await waitForBackground(session, isReady);
    const after = await readEverything(page);
    expect(after.sync).toEqual({});
    expect(after.local).toEqual({});
    expect(after.notes).toEqual([]);
  });
});
