import { defineConfig } from 'vitest/config';

/** End-to-end tests drive real browsers: one file at a time (2 cores), generous timeouts. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Real browsers on a loaded 2-core machine: one retry absorbs a rare driver hiccup; a test that
    // fails twice fails the run (the report still lists the retried ones).
    retry: 1,
  },
});
