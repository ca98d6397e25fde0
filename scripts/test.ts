/**
 * `npm test`: every check, in order, stopping at the first failure: typecheck, lint, unit tests,
 * module tests in real Chromium and Firefox ESR, build, end-to-end tests in both browsers, and
 * web-ext lint of the Firefox build. Ends with one line "test: N passed, N failed" counting the
 * vitest tests of the three suites.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string[];
  /** vitest JSON report to count tests from. */
  report?: string;
}

mkdirSync('.tmp', { recursive: true });
const STEPS: Step[] = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  { name: 'unit tests', cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/unit.json'], report: '.tmp/unit.json' },
  { name: 'module tests (Chromium, Firefox ESR)', cmd: ['npx', 'vitest', 'run', '-c', 'vitest.browser.config.ts', '--reporter=default', '--reporter=json', '--outputFile=.tmp/browser.json'], report: '.tmp/browser.json' },
  { name: 'build', cmd: ['npx', 'tsx', 'scripts/build.ts'] },
  { name: 'end-to-end tests (Chromium, Firefox ESR)', cmd: ['npx', 'vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile=.tmp/e2e.json'], report: '.tmp/e2e.json' },
  { name: 'web-ext lint (Firefox build)', cmd: ['npx', 'web-ext', 'lint', '--source-dir', 'extension/firefox', '--warnings-as-errors'] },
];

let passed = 0;
let failed = 0;
for (const step of STEPS) {
  console.log(`\n=== ${step.name}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit' });
  // Each step's time, so the whole run's budget (10 minutes on 2 cores) can be kept.
  console.log(`=== ${step.name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (step.report) {
    try {
      const report = JSON.parse(readFileSync(step.report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      // A skipped test is not a pass: a skip in any suite fails the run.
      if (report.numPendingTests + report.numTodoTests > 0) {
        console.error(`${step.name}: ${report.numPendingTests + report.numTodoTests} test(s) skipped; skips are not allowed`);
        failed += report.numPendingTests + report.numTodoTests;
      }
    } catch {
      // No report: the runner itself failed; its exit code says so below.
    }
  }
  if (r.status !== 0 || failed > 0) {
    console.error(`\n${step.name} failed`);
    console.log(`test: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\ntest: ${passed} passed, ${failed} failed`);
