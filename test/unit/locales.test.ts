/**
 * Every locale in src/_locales has exactly the message keys the extension uses: none missing (the
 * UI would fall back to English, or show the key), none left over (a dead string someone keeps
 * translating). The keys in use are found in the source: string literals passed to `t()` from
 * src/ui/i18n.ts, and `__MSG_key__` in the manifest and the HTML pages. A `t()` call whose key is
 * not a literal fails here too, because such a key cannot be found.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');
const localesDir = path.join(src, '_locales');

/** The locales the extension promises (issue 17); each must be complete. */
const REQUIRED_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'zh_CN'];

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Message>;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

interface Use {
  key: string;
  at: string;
}

/** `t('key', …)` calls in one source file, where `t` is imported from ui/i18n; computed keys are reported. */
function keysInSource(file: string): { uses: Use[]; computed: string[]; direct: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const rel = path.relative(root, file);
  const where = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const importsT = sf.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      /(^|\/)i18n$/.test(s.moduleSpecifier.text) &&
      !!s.importClause?.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === 't'),
  );
  const uses: Use[] = [];
  const computed: string[] = [];
  const direct: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      if (importsT && ts.isIdentifier(n.expression) && n.expression.text === 't') {
        const arg = n.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) uses.push({ key: arg.text, at: where(n) });
        else computed.push(where(n));
      }
      // getMessage outside the accessor would hide its keys from this test.
      if (ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'getMessage' && !file.endsWith(path.join('ui', 'i18n.ts'))) {
        direct.push(where(n));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { uses, computed, direct };
}

function keysInText(file: string): Use[] {
  const rel = path.relative(root, file);
  // @@-keys (@@ui_locale, @@bidi_dir…) are the browser's own and need no entry.
  return [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)].filter((m) => !m[1]!.startsWith('@@')).map((m) => ({ key: m[1]!, at: rel }));
}

const scanned = filesUnder(src, /\.tsx?$/).map(keysInSource);
const uses = [...scanned.flatMap((s) => s.uses), ...[path.join(root, 'manifest.json'), ...filesUnder(src, /\.(html|css)$/)].flatMap(keysInText)];
const used = new Map<string, string[]>();
for (const u of uses) used.set(u.key, [...(used.get(u.key) ?? []), u.at]);

const locales = readdirSync(localesDir).sort();
const messagesOf = (locale: string) => JSON.parse(readFileSync(path.join(localesDir, locale, 'messages.json'), 'utf8')) as Messages;
const en = messagesOf('en');

/** `$NAME$` placeholders a message refers to, upper-cased (Chrome matches them case-insensitively). */
function placeholdersIn(m: Message): string[] {
  return [...new Set([...m.message.matchAll(/\$(\w+)\$/g)].map((x) => x[1]!.toUpperCase()))].sort();
}

describe('locales', () => {
  it('finds the keys the code uses (the scan itself works)', () => {
    // If the scan broke (a renamed accessor, a moved folder), every locale would look complete.
    expect(used.has('extName')).toBe(true);
    expect(used.has('loading')).toBe(true);
    expect(used.size).toBeGreaterThan(50);
  });

  it('every t() call names its key as a string literal, and nothing calls getMessage around t()', () => {
    const computed = scanned.flatMap((s) => s.computed);
    const direct = scanned.flatMap((s) => s.direct);
    expect(computed, `t() with a computed key (write t('key') at each place, e.g. a map of () => t('key')):\n  ${computed.join('\n  ')}`).toEqual([]);
    expect(direct, `getMessage called outside src/ui/i18n.ts (use t('key')):\n  ${direct.join('\n  ')}`).toEqual([]);
  });

  it(`has the locales ${REQUIRED_LOCALES.join(', ')}`, () => {
    expect(locales).toEqual(expect.arrayContaining(REQUIRED_LOCALES));
  });

  it.each(locales)('%s has every key the code uses and no other', (locale) => {
    const messages = messagesOf(locale);
    const missing = [...used.keys()].filter((k) => !(k in messages)).sort();
    const unused = Object.keys(messages).filter((k) => !used.has(k)).sort();
    const lines: string[] = [];
    if (missing.length) {
      lines.push(`${locale} lacks ${missing.length} key(s) the code uses:`);
      for (const k of missing) lines.push(`  ${k}: ${JSON.stringify(en[k]?.message ?? '(not in en either)')}  (used at ${used.get(k)!.join(', ')})`);
    }
    if (unused.length) {
      lines.push(`${locale} has ${unused.length} key(s) nothing uses (remove them, or use them):`);
      for (const k of unused) lines.push(`  ${k}: ${JSON.stringify(messages[k]!.message)}`);
    }
    // Failed with the whole list as the message, so a merge shows at once what each locale lacks.
    if (lines.length) expect.fail(`src/_locales/${locale}/messages.json:\n${lines.join('\n')}`);
  });

  it.each(locales)('%s: the manifest name and description fit the stores (Chrome Web Store: 75 and 132 characters)', (locale) => {
    const messages = messagesOf(locale);
    expect([...(messages.extName?.message ?? '')].length).toBeLessThanOrEqual(75);
    expect([...(messages.extDescription?.message ?? '')].length).toBeLessThanOrEqual(132);
  });

  it.each(locales)('%s: every message is non-empty and has the same placeholders as English', (locale) => {
    const messages = messagesOf(locale);
    const problems: string[] = [];
    for (const [key, m] of Object.entries(messages)) {
      if (!m.message.trim()) problems.push(`${key}: empty message`);
      const refs = placeholdersIn(m);
      const defined = Object.keys(m.placeholders ?? {}).map((p) => p.toUpperCase()).sort();
      for (const r of refs) if (!defined.includes(r)) problems.push(`${key}: $${r}$ is used but not defined under "placeholders"`);
      const english = en[key];
      if (english && locale !== 'en' && refs.join() !== placeholdersIn(english).join()) {
        problems.push(`${key}: placeholders ${refs.join(', ') || '(none)'} differ from English's ${placeholdersIn(english).join(', ') || '(none)'}`);
      }
    }
    if (problems.length) expect.fail(`src/_locales/${locale}/messages.json:\n${problems.join('\n')}`);
  });
});
