/**
 * Runs the extension's matcher over JSON Lines: reads {"id", "text"} from stdin and writes
 * {"id", "mentions": [{start, end, entity, topic}]} per line, with the same dictionary, matcher and
 * page context code as the content script (the line's own text stands in for the page).
 * Bad lines are reported on stderr with their line number; the exit code is then 1.
 *
 *   npx tsx scripts/mentions.ts < corpus.jsonl > mentions.jsonl
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildDictionary, compileMatcher, pageContext } from '../src/matcher';
import type { Alias, Entity } from '../src/shared/dataset';

const dataDir = new URL('../src/data/', import.meta.url);
const entities = JSON.parse(readFileSync(new URL('entities.json', dataDir), 'utf8')) as Pick<Entity, 'id' | 'topic'>[];
const aliases = JSON.parse(readFileSync(new URL('aliases.json', dataDir), 'utf8')) as Record<string, Alias[]>;
const matcher = compileMatcher(buildDictionary(entities, aliases));

let lineNo = 0;
let bad = 0;
const out: string[] = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNo++;
  if (!line.trim()) continue;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    rec = undefined;
  }
  const r = rec as { id?: unknown; text?: unknown } | undefined;
  if (!r || typeof r !== 'object' || typeof r.text !== 'string' || (typeof r.id !== 'string' && typeof r.id !== 'number')) {
    bad++;
    process.stderr.write(`line ${lineNo}: expected a JSON object with "id" (string or number) and "text" (string)\n`);
    continue;
  }
  const mentions = matcher.find(r.text, pageContext(r.text));
  out.push(JSON.stringify({ id: r.id, mentions }));
  if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
if (bad) {
  process.stderr.write(`${bad} bad line(s)\n`);
  process.exitCode = 1;
}
