/**
 * Runs content-script modules' cases in real Chromium and Firefox ESR, without the extension: the
 * cases files (test/browser/<module>.page.ts) are bundled with esbuild, as the extension's build
 * bundles the modules, into one plain page served from 127.0.0.1. Each browser is launched once
 * for the whole file; each case gets a freshly loaded page, so CSS.highlights and the console
 * start empty. A test's name starts with the browser and the module, so a failure says which
 * module broke where.
 */
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchWithoutExtension, type PageBrowser, type TestPage } from '../../e2e/harness/browsers';
import { serve, type StaticServer } from '../../e2e/harness/server';
import type { BrowserCases } from './cases';

export interface ModuleCases {
  /** The module under test, e.g. "src/content/hit-test.ts": the name failures are reported under. */
  module: string;
  /** The file exporting `cases`, bundled into the page. */
  file: string;
  cases: BrowserCases;
}

/** The page's entry point for running one case: its body is set first, then `run` is awaited. */
const RUNNER = '__lensRunCase';

async function bundle(suites: readonly ModuleCases[], dir: string): Promise<void> {
  const imports = suites.map((s, i) => `import { cases as c${i} } from ${JSON.stringify(path.resolve(s.file))};`).join('\n');
  const table = suites.map((s, i) => `${JSON.stringify(s.module)}: c${i}`).join(', ');
  await build({
    stdin: {
      // The fake extension API first: modules read it when they are evaluated.
      contents: `import './harness/fake-extension-api';
${imports}
const all = { ${table} };
globalThis.${RUNNER} = async (module, name) => {
  const c = all[module]?.[name];
  if (!c) throw new Error('no case ' + JSON.stringify(name) + ' for ' + module);
  document.body.innerHTML = c.html;
  return await c.run();
};`,
      resolveDir: path.resolve('test/browser'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox142'],
    loader: { '.css': 'text' },
    alias: { '@data': path.resolve('src/data') },
    outfile: path.join(dir, 'cases.js'),
    logLevel: 'warning',
  });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>module test</title><script src="cases.js"></script></head><body></body></html>',
  );
}

/** Declares one test per case, module and browser. */
export function moduleSuites(suites: readonly ModuleCases[]): void {
  let dir = '';
  let server: StaticServer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lens-modules-'));
    await bundle(suites, dir);
    server = await serve([dir]);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.each(BROWSERS)('%s', (name) => {
    let browser: PageBrowser;
    let page: TestPage;
    beforeAll(async () => {
      browser = await launchWithoutExtension(name);
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const { module, cases } of suites) {
      describe(module, () => {
        it.each(Object.keys(cases))('%s', async (caseName) => {
          await page.goto(server.url('index.html'));
          const seen = await page.evaluate(
            ([runner, m, n]) => (globalThis as unknown as Record<string, (m: string, n: string) => Promise<unknown>>)[runner]!(m, n),
            [RUNNER, module, caseName] as const,
          );
          expect(seen).toEqual(cases[caseName]!.expected);
        });
      });
    }
  });
}
