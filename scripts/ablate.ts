/**
 * Rule ablation: runs the matcher's unit tests once per rule with that rule removed, and prints how
 * many tests fail without it. Every rule must break at least one test (a rule no test misses is
 * either dead or untested); the script exits 1 when one does not.
 *
 *   npx tsx scripts/ablate.ts [rule ...]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, SURE_RULES } from '../src/matcher/rules';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const names = process.argv.slice(2).length ? process.argv.slice(2) : [...SURE_RULES, ...RULES].map((r) => r.name);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');

console.log('| rule removed | tests failing | for example |');
console.log('|---|---|---|');
let untested = 0;
for (const name of names) {
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', 'test/unit/matcher.test.ts', '-c', 'test/ablate/vitest.config.ts', '--testNamePattern', '^(?!.*100,000)', '--reporter', 'json'],
    { cwd: root, env: { ...process.env, ABLATE_RULE: name }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let failed: string[] = [];
  try {
    const report = JSON.parse(run.stdout) as { testResults: { assertionResults: { status: string; fullName: string }[] }[] };
    failed = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName));
  } catch {
    console.error(`${name}: vitest gave no report\n${run.stderr}`);
    process.exit(2);
  }
  if (!failed.length) untested++;
  console.log(`| ${name} | ${failed.length} | ${failed[0] ?? '**none**'} |`);
}
process.exit(untested ? 1 : 0);
