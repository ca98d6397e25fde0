/**
 * `npm run eval`: scores the pure modules on the labelled corpora in `../shared/` with the corpora's
 * own scorers (never a copy), prints every figure and every error, and fails when a bar is missed.
 * It needs the workspace's `shared/` folder beside the project; a clone on its own does not have it,
 * so this is not part of `npm test`. When something is missing it says what and exits 2.
 *
 *   npx tsx scripts/eval.ts [--corpus FILE] [--claims FILE]
 *
 * --corpus / --claims score another gold file written like that folder's dev.jsonl (a held-out set)
 * against the same bars.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const out = path.join(root, '.tmp/eval');
const { values: goldOverride } = parseArgs({ options: { corpus: { type: 'string' }, claims: { type: 'string' } } });

interface Bar {
  /** What is measured, as printed. */
  label: string;
  /** Reads the figure from the scorer's --json output. */
  read: (score: Record<string, unknown>) => number;
  /** The figure must be at least this (or, with `atMost`, at most). */
  min?: number;
  atMost?: number;
}

interface Evaluation {
  name: string;
  /** The corpus folder in ../shared and its files. */
  folder: string;
  gold: string;
  scorer: string;
  /** The project's CLI that turns {id, text} lines into predictions. */
  cli: string;
  /** Extra arguments for the scorer's printed report (each scorer has its own options). */
  reportArgs: string[];
  bars: Bar[];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
/** Reads a dotted path ("contradicted.precision") from the scorer's JSON. */
const at = (s: Record<string, unknown>, path: string): number =>
  num(path.split('.').reduce<unknown>((o, key) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), s));

const EVALUATIONS: Evaluation[] = [
  {
    name: 'mentions (matcher)',
    folder: 'corpus',
    gold: 'dev.jsonl',
    scorer: 'score.mjs',
    cli: 'scripts/mentions.ts',
    reportArgs: ['--errors', '1000'],
    bars: [
      { label: 'precision', read: (s) => num(s.precision), min: 0.98 },
      { label: 'recall', read: (s) => num(s.recall), min: 0.97 },
    ],
  },
  {
    name: 'claims (claim checker)',
    folder: 'claims',
    gold: 'dev.jsonl',
    scorer: 'score.mjs',
    cli: 'scripts/claims.ts',
    reportArgs: [],
    bars: [
      { label: 'contradicted precision', read: (s) => at(s, 'contradicted.precision'), min: 0.95 },
      { label: 'contradicted recall', read: (s) => at(s, 'contradicted.recall'), min: 0.75 },
      { label: 'supported precision', read: (s) => at(s, 'supported.precision'), min: 0.95 },
      { label: 'supported recall', read: (s) => at(s, 'supported.recall'), min: 0.6 },
      {
        label: 'contradicted flags on sentences without claims',
        read: (s) => at(s, 'false_flags_on_distractors.contradicted_predictions'),
        atMost: 0,
      },
    ],
  },
];

const goldOf = (e: Evaluation): string =>
  path.resolve(goldOverride[e.folder as keyof typeof goldOverride] ?? path.join(shared, e.folder, e.gold));

function missing(): string[] {
  return EVALUATIONS.flatMap((e) => [goldOf(e), path.join(shared, e.folder, e.scorer)]).filter((p) => !existsSync(p));
}

const gaps = missing();
if (gaps.length) {
  console.error(
    `npm run eval needs the workspace's shared/ folder beside this project (../shared), with the labelled corpora and their scorers.\n` +
      `Missing:\n${gaps.map((g) => `  ${g}`).join('\n')}\n` +
      `A clone on its own does not have them; npm test and npm start do not need them.`,
  );
  process.exit(2);
}

mkdirSync(out, { recursive: true });
let failed = 0;
let passed = 0;
for (const e of EVALUATIONS) {
  const gold = goldOf(e);
  const scorer = path.join(shared, e.folder, e.scorer);
  const predFile = path.join(out, `${e.folder}.pred.jsonl`);
  console.log(`\n=== ${e.name}: ${path.relative(root, gold)}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, e.cli)], {
    input: readFileSync(gold),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(`${e.cli} failed (exit ${run.status}):\n${run.stderr.toString()}`);
    failed++;
    continue;
  }
  writeFileSync(predFile, run.stdout);
  const text = spawnSync(process.execPath, [scorer, gold, predFile, ...e.reportArgs], { encoding: 'utf8' });
  process.stdout.write(text.stdout);
  process.stderr.write(text.stderr);
  const json = spawnSync(process.execPath, [scorer, gold, predFile, '--json'], { encoding: 'utf8' });
  let score: Record<string, unknown>;
  try {
    score = JSON.parse(json.stdout) as Record<string, unknown>;
  } catch {
    console.error(`${e.scorer} gave no JSON: ${json.stderr}`);
    failed++;
    continue;
  }
  for (const bar of e.bars) {
    const v = bar.read(score);
    const ok = bar.atMost !== undefined ? v <= bar.atMost : v >= (bar.min ?? 0);
    const target = bar.atMost !== undefined ? `≤ ${bar.atMost}` : `≥ ${bar.min}`;
    console.log(`${ok ? 'met   ' : 'MISSED'} ${e.name} ${bar.label}: ${Number.isInteger(v) ? v : v.toFixed(3)} (target ${target})`);
    if (ok) passed++;
    else failed++;
  }
}
// Worded unlike a test runner's closing line: the test count is npm test's.
console.log(`\neval: ${passed} bar(s) met, ${failed} missed or not measured`);
process.exit(failed ? 1 : 0);
