/**
 * The in-page half of `npm run bench` (scripts/bench.ts bundles it into an IIFE and injects it).
 * It imports the content script's own modules rather than copies, so what is timed is the code
 * that ships; nothing here is a hook in src/. Every function returns plain JSON for Playwright.
 */
import { buildDictionary, compileMatcher, pageContext, type DictionaryEntry, type Matcher } from '../src/matcher';
import { Lens } from '../src/content/lens';
import { MarkRegistry } from '../src/content/marks';
import { markBlock, rangeOver, spanOver } from '../src/content/scan';
import { pageSample, walkBlocks, type Block } from '../src/content/text-blocks';
import { claimPieces, forEachClaim, inMessages } from '../src/claims/pieces';
import { ClaimMark, ClaimRegistry } from '../src/content/claim-marks';
import { holdsStatements } from '../src/content/claim-layer';
import { createClaimChecker } from '../src/claims/service';
import { background, waitHooks } from './polyfill-stub';
import { MAX_BLOCK_CHARS, MAX_MARKS_PER_PAGE } from '../src/shared/limits';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { TOPICS, type Alias, type Mention, type Source, type Topic } from '../src/shared/dataset';
import { claimSetup, type ClaimData, type ClaimPiece } from '../src/shared/claims';
import { syntheticAliases } from './synthetic-aliases';
import entities from '../src/data/entities.json';
import aliases from '../src/data/aliases.json';
import claimData from '../src/data/claims.json';
import sources from '../src/data/sources.json';

// ---- long tasks ------------------------------------------------------------------------------

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the slice timer is still reported.
}

/** Long-task entries arrive after the task ends; a macrotask plus a frame lets them land. */
async function longTasksBetween(from: number, to: number): Promise<{ count: number; maxMs: number }> {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const inside = longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return { count: inside.length, maxMs: Math.max(0, ...inside.map((t) => t.duration)) };
}

// ---- slice accounting ------------------------------------------------------------------------

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * The scan yields to the page between slices (a zero-delay timer, or scheduler.yield() where it
 * used that). Wrapping both while a scan runs gives each slice's length and the gaps in which the
 * page ran, without touching the scan code: busy time = wall time - gaps.
 */
function trackSlices(start: number): { finish(end: number): { gapsMs: number; slices: number; longestSliceMs: number } } {
  const w = window as unknown as { setTimeout: typeof setTimeout; scheduler?: Scheduler };
  const originalTimeout = w.setTimeout;
  const sched = w.scheduler;
  const originalYield = sched?.yield;
  let sliceStart = start;
  let gaps = 0;
  const slices: number[] = [];
  const yielded = (): number => {
    const t = performance.now();
    slices.push(t - sliceStart);
    return t;
  };
  const resumed = (since: number): void => {
    sliceStart = performance.now();
    gaps += sliceStart - since;
  };
  w.setTimeout = ((fn: (...a: unknown[]) => void, delay?: number, ...rest: unknown[]) => {
    if (delay) return originalTimeout(fn, delay, ...rest);
    const t = yielded();
    return originalTimeout(() => {
      resumed(t);
      fn(...rest);
    }, 0);
  }) as typeof setTimeout;
  // Waiting for the claim check's reply (the worker standing in for the background) is idle time too.
  waitHooks.begin = yielded;
  waitHooks.end = resumed;
  if (sched && originalYield) {
    sched.yield = function (this: Scheduler): Promise<void> {
      const t = yielded();
      return originalYield.call(this).then(() => resumed(t));
    };
  }
  return {
    finish(end) {
      w.setTimeout = originalTimeout;
      delete waitHooks.begin;
      delete waitHooks.end;
      if (sched && originalYield) sched.yield = originalYield;
      slices.push(end - sliceStart);
      return { gapsMs: gaps, slices: slices.length, longestSliceMs: Math.max(...slices) };
    },
  };
}

// ---- dictionaries ----------------------------------------------------------------------------

const bundled: DictionaryEntry[] = buildDictionary(entities as { id: string; topic: Topic }[], aliases as Record<string, Alias[]>);
const dictionaries = new Map<string, DictionaryEntry[]>([['bundled', bundled]]);
const matchers = new Map<string, Matcher>([['bundled', compileMatcher(bundled)]]);
/** The background's claim checker, for the stage profile (the scan itself asks the worker, see polyfill-stub.ts). */
const claimChecker = createClaimChecker(claimSetup(claimData as unknown as ClaimData, sources as Source[], entities));

// ---- scans -----------------------------------------------------------------------------------

let registry: MarkRegistry | null = null;
const ALL_TOPICS = new Set<Topic>(TOPICS);

function highlightCount(): number {
  let n = 0;
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('llama-lens-')) n += h.size;
  });
  return n;
}

let lens: Lens | null = null;

function clearMarks(): void {
  registry?.dispose();
  registry = null;
  lens?.dispose();
  lens = null;
}

function windows(text: string): { from: number; slice: string; windowStart: number }[] {
  const out = [];
  for (let from = 0; from < text.length; from += MAX_BLOCK_CHARS) {
    const windowStart = Math.max(0, from - 200);
    out.push({ from, windowStart, slice: text.slice(windowStart, from + MAX_BLOCK_CHARS + 200) });
  }
  return out;
}

/**
 * The second floor: the simplest highlighter a user could write with the same output. One
 * case-insensitive whole-word RegExp of every alias (longest first, so "Llama 2" wins over "Llama"),
 * compiled before the clock starts; a TreeWalker over text nodes; a Range per match up to the same
 * mark cap; one Highlight registered. No rules: it marks the animal and the HTML element too.
 */
const highlighterRegex = new Map<string, RegExp>();
function aliasRegex(dictionary: string): RegExp {
  let re = highlighterRegex.get(dictionary);
  if (!re) {
    const texts = [...new Set(dictionaries.get(dictionary)!.map((d) => d.alias.text.toLowerCase()))].sort((a, b) => b.length - a.length);
    const alternatives = texts.map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|');
    re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu');
    highlighterRegex.set(dictionary, re);
  }
  return re;
}
const HIGHLIGHTER_NAME = 'bench-regex-highlighter';

export interface OursResult {
  wallMs: number;
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  longTasks: number;
  longestTaskMs: number;
  marks: number;
  /** Constructing the Lens: compiling the matcher (and, with the claim check, reading the page date). */
  setupMs: number;
  /** With the claim check: the background's time checking the blocks (off the page's thread). */
  backgroundMs: number;
  /** With the claim check: blocks (or pieces of long blocks) sent to the background. */
  pieces: number;
}

const api = {
  aliasTexts(): string[] {
    const seen = new Set<string>();
    return bundled.map((d) => d.alias.text).filter((t) => !seen.has(t.toLowerCase()) && !!seen.add(t.toLowerCase()));
  },

  /** Builds the bundled dictionary plus `n` synthetic aliases spread over existing entities. */
  compileSynthetic(n: number): { aliases: number; generateMs: number; compileMs: number } {
    const t0 = performance.now();
    const extra = syntheticAliases(bundled, n, 0x11a3a);
    const ids = Object.keys(aliases);
    const merged: Record<string, Alias[]> = {};
    for (const [id, list] of Object.entries(aliases as Record<string, Alias[]>)) merged[id] = [...list];
    extra.forEach((a, i) => merged[ids[i % ids.length]!]!.push(a));
    const dict = buildDictionary(entities as { id: string; topic: Topic }[], merged);
    const t1 = performance.now();
    dictionaries.set('synthetic', dict);
    matchers.set('synthetic', compileMatcher(dict));
    return { aliases: dict.length, generateMs: t1 - t0, compileMs: performance.now() - t1 };
  },

  /** The floor: one bare TreeWalker pass reading every text node's data. */
  floor(): { ms: number; nodes: number; chars: number } {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, nodes, chars };
  },

  /** The second floor (see aliasRegex): walk, match, a Range per match, one Highlight. */
  highlighter(dictionary: 'bundled' | 'synthetic'): { ms: number; marks: number; readChars: number } {
    clearMarks();
    const re = aliasRegex(dictionary);
    const t0 = performance.now();
    const highlight = new Highlight();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let marks = 0;
    // How much text it read before the cap stopped it (counted outside the clock would cost a
    // second walk; one addition per node is noise beside the RegExp).
    let readChars = 0;
    outer: for (let n = w.nextNode(); n; n = w.nextNode()) {
      const data = (n as Text).data;
      readChars += data.length;
      re.lastIndex = 0;
      for (let m = re.exec(data); m; m = re.exec(data)) {
        const r = new Range();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        highlight.add(r);
        if (++marks >= MAX_MARKS_PER_PAGE) break outer;
      }
    }
    CSS.highlights.set(HIGHLIGHTER_NAME, highlight);
    const ms = performance.now() - t0;
    CSS.highlights.delete(HIGHLIGHTER_NAME);
    return { ms, marks, readChars };
  },

  /**
   * The content script's first scan, by the Lens itself: page context, then the sliced scan that
   * builds ranges and registers highlights (and its entity request, answered by the stub). The
   * dictionary is compiled in the constructor, outside the timing (compileSynthetic reports it).
   * With `checkClaims` (the setting on, as by default), the Lens keeps the blocks that name
   * something while it scans and, when the scan is done, sends them to the "background" (a Worker,
   * polyfill-stub.ts) and marks the claims that come back; the page's busy time includes all of
   * that except the wait for the reply, and the worker's time is reported as `backgroundMs`.
   */
  async ours(dictionary: 'bundled' | 'synthetic', checkClaims = false): Promise<OursResult> {
    clearMarks();
    const ts = performance.now();
    lens = new Lens(dictionaries.get(dictionary)!, { ...DEFAULT_SETTINGS, claimCheck: checkClaims });
    const bg = { ...background };
    const t0 = performance.now();
    const tracker = trackSlices(t0);
    await lens.start();
    const t1 = performance.now();
    const slices = tracker.finish(t1);
    const lt = await longTasksBetween(t0, t1);
    return {
      setupMs: t0 - ts,
      backgroundMs: background.checkMs - bg.checkMs,
      pieces: background.pieces - bg.pieces,
      wallMs: t1 - t0,
      busyMs: t1 - t0 - slices.gapsMs,
      slices: slices.slices,
      longestSliceMs: slices.longestSliceMs,
      longTasks: lt.count,
      longestTaskMs: lt.maxMs,
      marks: highlightCount(),
    };
  },

  /**
   * The claims the last scan found, by verdict. Asked once, after the timed runs: listing them makes
   * a Range per claim listed (what the popup's list does when opened), which the timed runs must not pay.
   */
  claimCounts(): { contradicted: number; supported: number } {
    const checked = lens?.pageClaims().claims;
    return { contradicted: checked?.contradicted.total ?? 0, supported: checked?.supported.total ?? 0 };
  },

  /**
   * Where ours spends its time: the same stages run cumulatively and unsliced (walk; + matching;
   * + Range creation; + registry and highlights), each stopping at the mark cap like the scan.
   */
  profile(dictionary: 'bundled' | 'synthetic'): Record<string, number> {
    clearMarks();
    const matcher = matchers.get(dictionary)!;
    const root = document.documentElement;
    // The page's part of the page context: reading its sample (the background measures it).
    let t = performance.now();
    const sample = pageSample(document);
    const contextMs = performance.now() - t;
    const page = pageContext(sample);

    t = performance.now();
    let blocks = 0;
    let chars = 0;
    for (const b of walkBlocks(root)) {
      blocks++;
      chars += b.text.length;
    }
    const walkMs = performance.now() - t;

    // What one native regular expression over every text node costs (all aliases, no rules, no
    // ranges): a lower bound for any matcher that looks at each character, between floor and ours.
    const union = new RegExp(
      [...new Set(bundled.map((d) => d.alias.text.toLowerCase()))].map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'),
      'giu',
    );
    t = performance.now();
    let candidates = 0;
    const tw = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = tw.nextNode(); n; n = tw.nextNode()) {
      union.lastIndex = 0;
      while (union.exec((n as Text).data)) candidates++;
    }
    const regexMs = performance.now() - t;

    const run = (withRanges: boolean): number => {
      const start = performance.now();
      let found = 0;
      outer: for (const b of walkBlocks(root)) {
        for (const w of windows(b.text)) {
          for (const m of matcher.find(w.slice, page)) {
            const s = m.start + w.windowStart;
            if (s < w.from || s >= w.from + MAX_BLOCK_CHARS) continue;
            if (found >= MAX_MARKS_PER_PAGE) break outer;
            found++;
            if (withRanges) rangeOver(b, s, m.end + w.windowStart);
          }
        }
      }
      return performance.now() - start;
    };
    const matchMs = run(false);
    const rangesMs = run(true);

    t = performance.now();
    registry = new MarkRegistry('underline', ALL_TOPICS);
    for (const b of walkBlocks(root)) {
      markBlock(b, matcher, page, registry);
      if (registry.size >= MAX_MARKS_PER_PAGE) break;
    }
    registry.draw();
    const fullMs = performance.now() - t;
    const marks = registry.size;
    registry.dispose();

    // The same again with the claim check's part in the page (keeping the prose blocks
    // that name something); `checkMs` is what checking them costs where the background does it.
    const pieces: ClaimPiece[] = [];
    const blockOf: Block[] = [];
    let checkedBlocks = 0;
    const onBlock = (b: Block, mentions: Mention[]): void => {
      if (!holdsStatements(b)) return;
      for (const p of claimPieces(b.text, mentions)) {
        pieces.push(p);
        blockOf.push(b);
      }
      checkedBlocks++;
    };
    t = performance.now();
    registry = new MarkRegistry('underline', ALL_TOPICS);
    for (const b of walkBlocks(root)) {
      markBlock(b, matcher, page, registry, onBlock);
      if (registry.size >= MAX_MARKS_PER_PAGE) break;
    }
    registry.draw();
    const claimsMs = performance.now() - t;
    t = performance.now();
    const reply = claimChecker.check(pieces);
    const checkMs = performance.now() - t;
    const claimCount = reply.claims.length / 4;
    // The rest of the page's part, as the ClaimLayer does it, unsliced: the messages copied out
    // (structuredClone copies out and back in: an upper bound of the page's half), the reply copied
    // in (the same bound), and a claim mark per claim (a Range and a highlight only where marked).
    t = performance.now();
    for (const part of inMessages(pieces, (p) => p)) structuredClone({ pieces: part });
    const { findings, claims } = structuredClone(reply);
    const claimMarks = new ClaimRegistry(false);
    forEachClaim(claims, (piece, start, end, finding) => claimMarks.add(new ClaimMark(findings[finding]!, spanOver(blockOf[piece]!, start, end))));
    claimMarks.draw();
    const claimPageMs = performance.now() - t;
    claimMarks.dispose();

    // The two parts of the Lens's rescan that scale with the marks already on the page, not with
    // the new text: one removeWhere per dirty root (100 appended paragraphs = 100 roots), and the
    // document-order sort behind entityCounts() after each scan that added marks.
    const detached = document.createElement('p');
    t = performance.now();
    for (let i = 0; i < 100; i++) registry.removeWhere((m) => m.nodes.some((n) => detached.contains(n)));
    const removeWhere100Ms = performance.now() - t;
    registry.restyle('underline', ALL_TOPICS);
    t = performance.now();
    registry.entityCounts();
    const orderSortMs = performance.now() - t;
    clearMarks();
    return { contextMs, walkMs, matchMs, rangesMs, fullMs, claimsMs, claimPageMs, checkMs, checkedBlocks, claimCount, regexMs, removeWhere100Ms, orderSortMs, candidates, blocks, chars, marks };
  },

  clear(): void {
    clearMarks();
  },

  /**
   * mark.js over a fresh copy of the body (restored from a pristine clone taken on first call).
   * mark.js cannot be interrupted, but it asks `filter` before wrapping each match: throwing there
   * past the deadline stops it, and the result is then a lower bound.
   */
  async peer(keywords: string[], deadlineMs: number): Promise<{ ms: number; marks: number; aborted: boolean }> {
    clearMarks();
    const w = window as unknown as { __pristine?: Node; Mark: new (ctx: Element) => { mark(k: string[], o: object): void } };
    w.__pristine ??= document.body.cloneNode(true);
    const fresh = w.__pristine.cloneNode(true) as HTMLElement;
    document.body.replaceWith(fresh);
    // Settle style and layout of the fresh copy so its cost is not billed to mark.js.
    void fresh.offsetHeight;
    const stop = new Error('deadline');
    const t0 = performance.now();
    let marks: number;
    let aborted = false;
    try {
      marks = await new Promise<number>((resolve) => {
        new w.Mark(fresh).mark(keywords, {
          separateWordSearch: false,
          accuracy: 'exactly',
          caseSensitive: false,
          filter: () => {
            if (performance.now() - t0 > deadlineMs) throw stop;
            return true;
          },
          done: (n: number) => resolve(n),
        });
      });
    } catch (e) {
      if (e !== stop) throw e;
      aborted = true;
      marks = fresh.querySelectorAll('mark').length;
    }
    return { ms: performance.now() - t0, marks, aborted };
  },

  // ---- the Lens (MutationObserver-driven incremental path) ------------------------------------

  /**
   * Appends `n` paragraphs copied from the page (one insertion each, like a feed) and waits until the
   * Lens has rescanned them: from the first insertion to the end of the rescan it queued, which
   * includes its RESCAN_DEBOUNCE_MS batching.
   */
  async lensAppend(n: number): Promise<{ ms: number; added: number; chars: number; longestTaskMs: number; longTasks: number; longTaskStarts: number[] }> {
    if (!lens) throw new Error('run ours first');
    const current = lens;
    const tick = (): Promise<void> =>
      new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          ch.port1.close();
          resolve();
        };
        ch.port2.postMessage(null);
      });
    const source = [...document.querySelectorAll('body p')].filter((p) => (p.textContent ?? '').trim().length > 0);
    if (!source.length) source.push(document.body);
    const copies = Array.from({ length: n }, (_, i) => source[i % source.length]!.cloneNode(true) as Element);
    const chars = copies.reduce((s, c) => s + (c.textContent ?? '').length, 0);
    const before = highlightCount();
    // Preparing the copies (reading every paragraph of a 5 MB page) is the bench's own work: it ends
    // in a task of its own, before the window in which long tasks are counted.
    await tick();
    const queued = current.settled();
    const t0 = performance.now();
    for (const c of copies) document.body.appendChild(c);
    while (current.settled() === queued) {
      if (performance.now() - t0 > 20_000) throw new Error('the Lens never rescanned the appended paragraphs');
      await tick();
    }
    await current.settled();
    const t1 = performance.now();
    const lt = await longTasksBetween(t0, t1);
    // When the long tasks started, relative to the insertion: the rescan timer fires at RESCAN_DEBOUNCE_MS.
    const starts = longTasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1).map((t) => Math.round(t.start - t0));
    return { ms: t1 - t0, added: highlightCount() - before, chars, longestTaskMs: lt.maxMs, longTasks: lt.count, longTaskStarts: starts };
  },
};

export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
