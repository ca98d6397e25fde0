/**
 * Runs the extension's claim checker over JSON Lines: reads {"id", "text"} from stdin and writes
 * {"id", "claims": [{start, end, attribute, entity, verdict, facts, misreport?}]} per line. Mentions
 * come from the real matcher with the line's own text as the page context, as in the content script,
 * and a line is read as a block of the page is: sentence by sentence (checkText).
 * Bad lines are reported on stderr with their line number; the exit code is then 1.
 *
 *   npm run --silent claims < sentences.jsonl > claims.jsonl
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkText, compileKnowledge } from '../src/claims';
import { buildDictionary, compileMatcher, pageContext } from '../src/matcher';
import type { ClaimData } from '../src/shared/claims';
import type { Alias, Entity } from '../src/shared/dataset';

const dataDir = new URL('../src/data/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dataDir), 'utf8')) as T;
const entities = read<Pick<Entity, 'id' | 'topic' | 'related'>[]>('entities.json');
const matcher = compileMatcher(buildDictionary(entities, read<Record<string, Alias[]>>('aliases.json')));
const knowledge = compileKnowledge(read<ClaimData>('claims.json'), entities);

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
  out.push(JSON.stringify({ id: r.id, claims: checkText(knowledge, r.text, mentions) }));
  if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
if (bad) {
  process.stderr.write(`${bad} bad line(s)\n`);
  process.exitCode = 1;
}
