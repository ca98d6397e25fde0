/**
 * Scans DOM subtrees for mentions: blocks of text go through the pure matcher, and each mention
 * becomes a live Range in the mark registry. Time-sliced; capped at MAX_MARKS_PER_PAGE.
 */
import type { Matcher, Mention, PageContext } from '../matcher';
import { BLOCK_WINDOW_OVERLAP_CHARS, MAX_BLOCK_CHARS, MAX_MARKS_PER_PAGE } from '../shared/limits';
import type { MarkRegistry } from './marks';
import { runSliced, type SliceStats } from './slices';
import { BlockReader, type Block, type WalkOptions } from './text-blocks';

/** Index of the node holding the character at `offset` (the last node starting at or before it). */
function nodeAt(block: Block, offset: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = block.starts[mid]!;
    if (s < offset || (s === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where [start, end) of a block's text lies: the text nodes it spans, and the offsets in the first and the last. */
export interface TextSpan {
  nodes: Text[];
  startOffset: number;
  endOffset: number;
}

export function spanOver(block: Block, start: number, end: number): TextSpan {
  const a = nodeAt(block, start, false);
  const b = nodeAt(block, end, true);
  return { nodes: block.nodes.slice(a, b + 1), startOffset: start - block.starts[a]!, endOffset: end - block.starts[b]! };
}

/**
 * A live Range over a span. Offsets past a node's end are clamped: a span kept a while (a claim's)
 * may outlive its text's last edit until the rescan that drops it, and the Range must not throw.
 */
export function rangeOf({ nodes, startOffset, endOffset }: TextSpan): Range {
  const first = nodes[0]!;
  const last = nodes[nodes.length - 1]!;
  const range = new Range();
  range.setStart(first, Math.min(startOffset, first.length));
  range.setEnd(last, Math.min(endOffset, last.length));
  return range;
}

/** A live Range over [start, end) of a block's text, and the text nodes it spans. */
export function rangeOver(block: Block, start: number, end: number): { range: Range; nodes: Text[] } {
  const span = spanOver(block, start, end);
  return { range: rangeOf(span), nodes: span.nodes };
}

/**
 * A repository path ("meta-llama/Llama-2-7b-hf") holds two mentions of one entity (the matcher
 * gives the organisation the checkpoint's): the reader sees one name, so it gets one mark.
 */
function joinPaths(text: string, found: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start === last.end + 1 && text[last.end] === '/' && m.entity === last.entity) out[out.length - 1] = { ...last, end: m.end };
    else out.push(m);
  }
  return out;
}

/** Marks the mentions of one block; returns how many were added. */
export function markBlock(
  block: Block,
  matcher: Matcher,
  page: PageContext,
  marks: MarkRegistry,
  onMentions?: (block: Block, mentions: Mention[]) => void,
): number {
  let added = 0;
  const found: Mention[] = [];
  let full = false;
  // Long blocks are matched in overlapping windows (limits.ts says why and how far).
  for (let from = 0; from < block.text.length && !full; from += MAX_BLOCK_CHARS) {
    const windowStart = Math.max(0, from - BLOCK_WINDOW_OVERLAP_CHARS);
    const slice = block.text.slice(windowStart, from + MAX_BLOCK_CHARS + BLOCK_WINDOW_OVERLAP_CHARS);
    for (const m of joinPaths(slice, matcher.find(slice, page, () => block.kind))) {
      const start = m.start + windowStart;
      const end = m.end + windowStart;
      if (start < from || start >= from + MAX_BLOCK_CHARS) continue;
      if (marks.size >= MAX_MARKS_PER_PAGE) {
        full = true;
        break;
      }
      found.push({ ...m, start, end });
      marks.add({ entity: m.entity, topic: m.topic, ...rangeOver(block, start, end), section: block.sectionOf(nodeAt(block, start, false)) });
      added++;
    }
  }
  // The claim check reads the block's sentences with the mentions just found.
  if (found.length) onMentions?.(block, found);
  return added;
}

/**
 * Scans subtrees, one after another, in one series of time slices. It never rejects: a block that
 * throws (a strange node, a shadow root detached mid-scan) is logged and skipped, and a walk that
 * throws ends this scan only, so the page's later scans still run. Its marks are drawn together
 * when it ends (MarkRegistry.draw).
 */
export function scanSubtrees(
  roots: readonly Node[],
  matcher: Matcher,
  page: PageContext,
  marks: MarkRegistry,
  options: WalkOptions & { cancelled?: () => boolean; onMentions?: (block: Block, mentions: Mention[]) => void } = {},
): Promise<SliceStats & { added: number; failed: number }> {
  // The roots' blocks one after another; a root's reader is made when the one before is done.
  let at = 0;
  let reader: BlockReader | null = null;
  const nextBlock = (): Block | null => {
    for (;;) {
      if (!reader) {
        if (at >= roots.length) return null;
        reader = new BlockReader(roots[at++]!, options);
      }
      const block = reader.next();
      if (block) return block;
      reader = null;
    }
  };
  let added = 0;
  let failed = 0;
  return runSliced(() => {
    let block: Block | null;
    try {
      block = nextBlock();
    } catch (error) {
      failed++;
      console.error('[llama-lens] scan stopped early', error);
      return false;
    }
    if (!block) return false;
    try {
      added += markBlock(block, matcher, page, marks, options.onMentions);
    } catch (error) {
      failed++;
      console.error('[llama-lens] could not mark a block', error);
    }
    return marks.size < MAX_MARKS_PER_PAGE;
  }, options.cancelled)
    .then((stats) => ({ ...stats, added, failed }))
    .finally(() => marks.draw());
}
