import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests drive real browsers, generous timeouts. Three files at a time: on this 2-core
 * machine one file at a time left the cores half idle (browser start-up, page loads, polling) and
 * took 632 s of a 728 s `npm test`; two at a time, 510–531 s; three, 422 s of 520 s, with the axe
 * checks sharing one browser per scheme (2 December 2026). Each file has its own browsers,
 * profiles and server.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Real browsers on a loaded 2-core machine: one retry absorbs a rare driver hiccup; a test that
    // fails twice fails the run (the report still lists the retried ones).
    retry: 1,
  },
});
