/**
 * Keeps one frame's marks in step with its page: scans the document, follows its mutations and the
 * open shadow roots found in it, and runs the scans one after another. One AbortController owns its
 * observers and timer, so `dispose` stops all of it.
 */
import { pageContext, type Matcher, type PageContext } from '../matcher';
import { ask } from '../shared/ask';
import { RESCAN_DEBOUNCE_MS } from '../shared/limits';
import { TOPICS, type Topic } from '../shared/dataset';
import type { Settings } from '../shared/settings';
import highlightRules from './marks.css';
import type { Mention } from '../shared/dataset';
import { MarkRegistry, type Mark } from './marks';
import { scanSubtrees } from './scan';
import { blockOf, isInSkippedRegion, pageSample, type Block } from './text-blocks';
import { sheetOf } from '../ui/sheet';

function shownTopics(s: Settings): Set<Topic> {
  return new Set(TOPICS.filter((t) => s.topics[t]));
}

export interface MarkSyncHooks {
  /** The extension's own node on the page (the popover host): never scanned, its insertion is no page change. */
  ownNode(): Element | null;
  /** After a scan: the marks now on the page may name entities not fetched yet. */
  scanned(): Promise<void>;
  /** After marks were dropped because their text left the page. */
  removed(gone: (m: Pick<Mark, 'nodes'>) => boolean): void;
  /** A block was scanned and these mentions found in it (the claim check reads its sentences). */
  blockScanned?(block: Block, mentions: Mention[]): void;
  /** These subtrees are about to be rescanned: what was found in them before goes. */
  rescanning?(roots: readonly Node[]): void;
}

export class MarkSync {
  readonly marks: MarkRegistry;
  private readonly abort = new AbortController();
  private page: PageContext | null = null;
  private readonly observedRoots = new WeakSet<Node>();
  private readonly dirty = new Set<Node>();
  private rescanTimer = 0;
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly matcher: Matcher,
    settings: Settings,
    private readonly hooks: MarkSyncHooks,
  ) {
    this.marks = new MarkRegistry(settings.markStyle, shownTopics(settings), settings.markDensity);
    this.abort.signal.addEventListener('abort', () => {
      clearTimeout(this.rescanTimer);
      this.marks.dispose();
    });
  }

  /**
   * Scans the whole document, then follows its changes. Resolves when the first scan is done. What
   * the page is about is measured by the background (`page/context`), whose code is compiled once;
   * if it cannot answer, here.
   */
  start(): Promise<void> {
    const sample = pageSample(document);
    this.scanning = ask('page/context', { sample }).then(
      (page) => {
        this.page = page;
      },
      (error: unknown) => {
        console.warn('[llama-lens] the page was measured here: the background did not answer', error);
        this.page = pageContext(sample);
      },
    );
    this.observe(document);
    return this.scan(document.documentElement);
  }

  applySettings(s: Settings): void {
    this.marks.restyle(s.markStyle, shownTopics(s), s.markDensity);
  }

  dispose(): void {
    this.abort.abort();
  }

  /** Resolves once the scans queued so far have finished (tests and the popup's list wait on it). */
  settled(): Promise<void> {
    return this.scanning;
  }

  private get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  private scan(...roots: Node[]): Promise<void> {
    this.scanning = this.scanning.then(async () => {
      if (this.disposed || !this.page) return;
      await scanSubtrees(roots, this.matcher, this.page, this.marks, {
        ignore: this.hooks.ownNode(),
        onShadowRoot: (shadow) => {
          if (this.observedRoots.has(shadow)) return;
          this.observe(shadow);
          this.adoptHighlightStyles(shadow);
          void this.scan(shadow);
        },
        cancelled: () => this.disposed,
        ...(this.hooks.blockScanned ? { onMentions: this.hooks.blockScanned } : {}),
      });
      await this.hooks.scanned();
    });
    return this.scanning;
  }

  /**
   * Highlight styles come from the manifest stylesheet, which does not reach into shadow trees; an
   * open shadow root gets the same rules as an adopted sheet (no node is added to it).
   */
  private adoptHighlightStyles(shadow: ShadowRoot): void {
    try {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheetOf(highlightRules)];
    } catch {
      // A page may freeze or replace adoptedStyleSheets; the marks still work, just unstyled there.
    }
  }

  private observe(root: Document | ShadowRoot): void {
    this.observedRoots.add(root);
    const o = new MutationObserver((records) => this.onMutations(records));
    o.observe(root, { childList: true, subtree: true, characterData: true });
    this.abort.signal.addEventListener('abort', () => o.disconnect());
  }

  private onMutations(records: MutationRecord[]): void {
    const own = this.hooks.ownNode();
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        this.markDirty(r.target);
        continue;
      }
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (n === own) continue;
        if (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.ELEMENT_NODE) this.markDirty(n);
      }
    }
    if (removed) {
      const gone = (m: Pick<Mark, 'nodes'>) => m.nodes.some((n) => !n.isConnected);
      this.marks.removeWhere(gone);
      this.hooks.removed(gone);
    }
    if (this.dirty.size && !this.rescanTimer) {
      this.rescanTimer = window.setTimeout(() => this.rescanDirty(), RESCAN_DEBOUNCE_MS);
    }
  }

  /** New or changed text is rescanned with its whole block, so a phrase completed by an insertion is found. */
  private markDirty(node: Node): void {
    if (isInSkippedRegion(node, this.hooks.ownNode())) return;
    const el = node as Element;
    const isBlockElement = node.nodeType === Node.ELEMENT_NODE && blockOf(el.firstChild ?? el) === el;
    const root = isBlockElement ? node : (blockOf(node) ?? node);
    this.dirty.add(root);
  }

  private rescanDirty(): void {
    this.rescanTimer = 0;
    const roots = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    // Drop roots inside other roots: the outer scan covers them. (Ancestor walks, not pairwise
    // contains(): a batch can hold thousands of roots.)
    const set = new Set(roots);
    const outer = roots.filter((n) => {
      for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
      return true;
    });
    if (!outer.length) return;
    this.marks.removeInside(outer);
    this.hooks.rescanning?.(outer);
    void this.scan(...outer);
  }
}
