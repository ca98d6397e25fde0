/**
 * Runs the extension's matcher over JSON Lines: reads {"id", "text", "source"?} from stdin and
 * writes {"id", "mentions": [{start, end, entity, topic}]} per line, with the same dictionary,
 * matcher and page context code as the content script. Lines with the same `source` are sentences
 * of one document, so, as on a page, the page context is measured over that document's text (its
 * first PAGE_CONTEXT_CHARS, in line order); a line without a source is its own page.
 * Bad lines are reported on stderr with their line number; the exit code is then 1.
 *
 *   npx tsx scripts/mentions.ts < corpus.jsonl > mentions.jsonl
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildDictionary, compileMatcher, pageContext, type PageContext } from '../src/matcher';
import type { Alias, Entity } from '../src/shared/dataset';
import { PAGE_CONTEXT_CHARS } from '../src/shared/limits';

const dataDir = new URL('../src/data/', import.meta.url);
const entities = JSON.parse(readFileSync(new URL('entities.json', dataDir), 'utf8')) as Pick<Entity, 'id' | 'topic'>[];
const aliases = JSON.parse(readFileSync(new URL('aliases.json', dataDir), 'utf8')) as Record<string, Alias[]>;
const matcher = compileMatcher(buildDictionary(entities, aliases));

interface Line {
  id: string | number;
  text: string;
  source?: string;
}

let lineNo = 0;
let bad = 0;
const lines: Line[] = [];
for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  lineNo++;
  if (!raw.trim()) continue;
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch {
    rec = undefined;
  }
  const r = rec as { id?: unknown; text?: unknown; source?: unknown } | undefined;
  if (!r || typeof r !== 'object' || typeof r.text !== 'string' || (typeof r.id !== 'string' && typeof r.id !== 'number')) {
    bad++;
    process.stderr.write(`line ${lineNo}: expected a JSON object with "id" (string or number) and "text" (string)\n`);
    continue;
  }
  lines.push({ id: r.id, text: r.text, ...(typeof r.source === 'string' && r.source ? { source: r.source } : {}) });
}

// A document's text, as the content script samples a page: from the top, up to PAGE_CONTEXT_CHARS.
const documents = new Map<string, string>();
for (const l of lines) {
  if (l.source === undefined) continue;
  const sofar = documents.get(l.source) ?? '';
  if (sofar.length < PAGE_CONTEXT_CHARS) documents.set(l.source, `${sofar}${l.text}\n`);
}
const pages = new Map<string, PageContext>();
const pageOf = (l: Line): PageContext => {
  if (l.source === undefined) return pageContext(l.text);
  let p = pages.get(l.source);
  if (!p) pages.set(l.source, (p = pageContext(documents.get(l.source)!.slice(0, PAGE_CONTEXT_CHARS))));
  return p;
};

const out: string[] = [];
for (const l of lines) {
  out.push(JSON.stringify({ id: l.id, mentions: matcher.find(l.text, pageOf(l)) }));
  if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
if (bad) {
  process.stderr.write(`${bad} bad line(s)\n`);
  process.exitCode = 1;
}
