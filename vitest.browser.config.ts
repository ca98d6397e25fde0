import { defineConfig } from 'vitest/config';
import path from 'node:path';

/**
 * Module tests in real browsers (test/browser/): content-script modules bundled into a plain page,
 * without the extension. One file at a time (2 cores; each file launches both browsers once).
 */
export default defineConfig({
  resolve: { alias: { '@data': path.resolve('src/data') } },
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
