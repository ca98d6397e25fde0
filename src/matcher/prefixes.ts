/**
 * The first letters of every alias, case-folded: a document whose text contains none of them cannot
 * name anything, whatever the matcher's rules say. The content script's entry (src/content/entry.ts)
 * uses them to leave frames without such text alone without loading the matcher; the build computes
 * them from the bundled aliases (scripts/build.ts), so they never drift from the dictionary.
 */

/** Long enough to rule out most text ("met", "lla", "hug"), short enough to stay a handful of strings. */
const PREFIX_UNITS = 3;

/** An alias's words may be joined by a space, hyphen, underscore or dot in text: a prefix stops before one. */
const JOINER = /[\s\-_.]/u;

export function aliasPrefixes(aliases: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const alias of aliases) {
    const folded = alias.toLowerCase();
    const cut = folded.search(JOINER);
    const prefix = Array.from(folded.slice(0, cut < 0 ? folded.length : cut)).slice(0, PREFIX_UNITS).join('');
    if (prefix) all.add(prefix);
  }
  // A prefix that contains a shorter one adds nothing: "hf" already finds every "hf.".
  const sorted = [...all].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.includes(q)));
}

/** Whether `text` contains one of `prefixes` (as aliasPrefixes gives them) in any case. */
export function mayName(text: string, prefixes: readonly string[]): boolean {
  const folded = text.toLowerCase();
  return prefixes.some((p) => folded.includes(p));
}
