/**
 * A digest of what the scan reads and what the matcher finds, to check that a speed change leaves
 * the output byte for byte the same. Prints one SHA-256 per part and a total; with --out DIR, also
 * writes each part's full text there (to diff when a digest changes).
 *
 *   npx tsx scripts/mention-digest.ts [--out DIR]
 *
 * Parts:
 * - walk: every block `walkBlocks` reads on the bench's five pages (rendered from ../shared/pages
 *   as the bench renders them, one copy, parsed by happy-dom): text, node offsets, kind;
 * - pages: `matcher.find` on every block of those pages, with the page's own context and the block's
 *   kind, then again with no page context, as a label, and with each domain alone at level 1 and 2;
 * - corpus: the same on every text of both dev corpora in ../shared (mention and claim corpora),
 *   with the document's context as scripts/mentions.ts measures it;
 * - synthetic: the bench's 100,000-alias dictionary on the pages' blocks (page context and kind).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import { marked } from 'marked';
import { buildDictionary, compileMatcher, pageContext, type Matcher, type PageContext } from '../src/matcher';
import { DOMAINS, type Alias, type Entity, type Topic } from '../src/shared/dataset';
import { PAGE_CONTEXT_CHARS } from '../src/shared/limits';
import { syntheticAliases } from '../bench/synthetic-aliases';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
if (!existsSync(shared)) {
  console.error(`needs the workspace's shared/ folder beside the project: ${shared}`);
  process.exit(2);
}

const entities = JSON.parse(readFileSync(path.join(root, 'src/data/entities.json'), 'utf8')) as Pick<Entity, 'id' | 'topic'>[];
const aliases = JSON.parse(readFileSync(path.join(root, 'src/data/aliases.json'), 'utf8')) as Record<string, Alias[]>;
const bundled = buildDictionary(entities, aliases);
const matcher = compileMatcher(bundled);

const ZERO = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<string, number>;
/** Contexts every text is also matched under: none, and each domain alone at level 1 and 2. */
const CONTEXTS: [string, PageContext][] = [
  ['none', ZERO as PageContext],
  ...DOMAINS.flatMap((d) => [1, 2].map((l): [string, PageContext] => [`${d}=${l}`, { ...ZERO, [d]: l } as PageContext])),
];

const parts = new Map<string, string[]>();
const out = (part: string, line: string): void => {
  let list = parts.get(part);
  if (!list) parts.set(part, (list = []));
  list.push(line);
};
const found = (m: Matcher, text: string, page: PageContext, kind: 'prose' | 'label' | (() => 'prose' | 'label')): string =>
  JSON.stringify(m.find(text, page, kind));

// ---- the bench pages ---------------------------------------------------------------------------

const { walkBlocks, pageSample } = await import('../src/content/text-blocks');
const pagesDir = path.join(shared, 'pages');
const pageBlocks: { name: string; page: PageContext; blocks: { text: string; kind: 'prose' | 'label' }[] }[] = [];
for (const f of readdirSync(pagesDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
  const md = readFileSync(path.join(pagesDir, f), 'utf8');
  const title = /^#\s+(.+)$/m.exec(md)?.[1] ?? f.replace(/\.md$/, '');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>\n<section id="copy-0">\n${marked.parse(md, { async: false, gfm: true })}</section>\n</body></html>`;
  const window = new Window();
  const g = globalThis as Record<string, unknown>;
  // walkBlocks reads Node and NodeFilter constants from the global scope, as in a browser.
  g.Node = window.Node;
  g.NodeFilter = window.NodeFilter;
  const document = window.document;
  document.write(html);
  document.title = title;
  const page = pageContext(pageSample(document as unknown as Document));
  const blocks: { text: string; kind: 'prose' | 'label' }[] = [];
  for (const b of walkBlocks(document.documentElement as unknown as Node)) {
    out('walk', JSON.stringify([f, b.text, b.starts, b.nodes.length, b.kind]));
    blocks.push({ text: b.text, kind: b.kind });
  }
  out('walk', JSON.stringify([f, 'page', page]));
  pageBlocks.push({ name: f, page, blocks });
  await window.happyDOM.close();
}

for (const { name, page, blocks } of pageBlocks) {
  for (const b of blocks) {
    out('pages', `${name}\t${found(matcher, b.text, page, () => b.kind)}\t${found(matcher, b.text, page, 'label')}`);
    for (const [label, ctx] of CONTEXTS) out('pages', `${label}\t${found(matcher, b.text, ctx, 'prose')}`);
  }
}

// ---- the dev corpora ---------------------------------------------------------------------------

for (const file of ['corpus/dev.jsonl', 'claims/dev.jsonl']) {
  const lines = readFileSync(path.join(shared, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string | number; text: string; source?: string });
  const docs = new Map<string, string>();
  for (const l of lines) {
    if (!l.source) continue;
    const sofar = docs.get(l.source) ?? '';
    if (sofar.length < PAGE_CONTEXT_CHARS) docs.set(l.source, `${sofar}${l.text}\n`);
  }
  for (const l of lines) {
    const page = pageContext(l.source ? docs.get(l.source)!.slice(0, PAGE_CONTEXT_CHARS) : l.text);
    out('corpus', `${file}:${l.id}\t${found(matcher, l.text, page, 'prose')}\t${found(matcher, l.text, page, 'label')}`);
    for (const [label, ctx] of CONTEXTS) out('corpus', `${label}\t${found(matcher, l.text, ctx, 'prose')}`);
  }
}

// ---- the 100,000-alias dictionary --------------------------------------------------------------

{
  const ids = Object.keys(aliases);
  const merged: Record<string, Alias[]> = {};
  for (const [id, list] of Object.entries(aliases)) merged[id] = [...list];
  syntheticAliases(bundled, 100_000, 0x11a3a).forEach((a, i) => merged[ids[i % ids.length]!]!.push(a));
  const synthetic = compileMatcher(buildDictionary(entities as { id: string; topic: Topic }[], merged));
  for (const { name, page, blocks } of pageBlocks) {
    for (const b of blocks) out('synthetic', `${name}\t${found(synthetic, b.text, page, () => b.kind)}`);
  }
}

// ---- digests -----------------------------------------------------------------------------------

const total = createHash('sha256');
if (args.out) mkdirSync(args.out, { recursive: true });
for (const [part, lines] of parts) {
  const text = `${lines.join('\n')}\n`;
  total.update(text);
  const mentions = lines.reduce((n, l) => n + (l.match(/"entity"/g)?.length ?? 0), 0);
  console.log(`${part.padEnd(10)} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}  ${lines.length} lines, ${mentions} mentions`);
  if (args.out) writeFileSync(path.join(args.out, `${part}.txt`), text);
}
console.log(`${'total'.padEnd(10)} ${total.digest('hex').slice(0, 16)}`);
