/**
 * The extension at work on one page (one frame): scans and marks, keeps marks in step with a
 * changing page, and opens the popover on hover intent or from the keyboard. Created when the
 * extension is active for the site, disposed when it is switched off.
 */
import { compileMatcher, pageContext, type DictionaryEntry, type Matcher, type PageContext } from '../matcher';
import { TOPICS, type Topic } from '../shared/dataset';
import { ask } from '../shared/ask';
import { PAGE_CONTEXT_CHARS, POPOVER_CLOSE_GRACE_MS, RESCAN_DEBOUNCE_MS } from '../shared/limits';
import type { EntityView, PageEntityCount } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { markAt } from './hit-test';
import highlightRules from './marks.css';
import { MarkRegistry, type Mark } from './marks';
import { PopoverHost } from './popover/host';
import { scanSubtrees } from './scan';
import { blockOf, isInSkippedRegion, sampleText } from './text-blocks';
import { sheetOf } from '../ui/sheet';

function shownTopics(s: Settings): Set<Topic> {
  return new Set(TOPICS.filter((t) => s.topics[t]));
}

export class Lens {
  private readonly marks: MarkRegistry;
  private readonly matcher: Matcher;
  private page: PageContext | null = null;
  private readonly popover = new PopoverHost();
  private readonly entities = new Map<string, EntityView>();
  private readonly observers: MutationObserver[] = [];
  private readonly observedRoots = new WeakSet<Node>();
  private readonly dirty = new Set<Node>();
  private rescanTimer = 0;
  private scanning: Promise<void> = Promise.resolve();
  private disposed = false;
  private settings: Settings;

  // Hover state.
  private pointer = { x: 0, y: 0, target: null as EventTarget | null };
  private frame = 0;
  private hovered: Mark | null = null;
  private intentTimer = 0;
  private closeTimer = 0;
  private openMark: Mark | null = null;
  private focusBefore: Element | null = null;

  constructor(dictionary: DictionaryEntry[], settings: Settings) {
    this.settings = settings;
    this.matcher = compileMatcher(dictionary);
    this.marks = new MarkRegistry(settings.markStyle, shownTopics(settings));
  }

  /** Scans the whole document, then follows its changes. Resolves when the first scan is done. */
  start(): Promise<void> {
    this.page = pageContext(`${document.title}\n${sampleText(document.body ?? document.documentElement, PAGE_CONTEXT_CHARS)}`);
    this.observe(document);
    addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
    addEventListener('pointerdown', this.onPointerDown, { capture: true, passive: true });
    addEventListener('keydown', this.onKeyDown, { capture: true });
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    addEventListener('resize', this.onScroll, { passive: true });
    return this.scan(document.documentElement);
  }

  applySettings(s: Settings): void {
    this.settings = s;
    this.marks.restyle(s.markStyle, shownTopics(s));
    if (this.openMark && !s.topics[this.openMark.topic]) this.close(false);
  }

  dispose(): void {
    this.disposed = true;
    for (const o of this.observers) o.disconnect();
    clearTimeout(this.rescanTimer);
    clearTimeout(this.intentTimer);
    clearTimeout(this.closeTimer);
    cancelAnimationFrame(this.frame);
    removeEventListener('pointermove', this.onPointerMove, { capture: true });
    removeEventListener('pointerdown', this.onPointerDown, { capture: true });
    removeEventListener('keydown', this.onKeyDown, { capture: true });
    removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.onScroll);
    this.popover.hide();
    this.marks.dispose();
  }

  /** Resolves once the scans queued so far have finished (tests and the popup's list wait on it). */
  settled(): Promise<void> {
    return this.scanning;
  }

  mentionCounts(): PageEntityCount[] {
    return [...this.marks.entityCounts()].map(([id, count]) => {
      const e = this.entities.get(id);
      return { id, count, name: e?.name ?? id, topic: e?.topic ?? 'llama' };
    });
  }

  /** Scrolls to the next mark of `entity` (or of any entity, by direction) and opens its popover. */
  reveal(which: { entity: string } | { direction: 1 | -1 }, focus: boolean): boolean {
    const all = this.marks.inOrder();
    const pool = 'entity' in which ? all.filter((m) => m.entity === which.entity) : all;
    if (!pool.length) return false;
    const dir = 'direction' in which ? which.direction : 1;
    const at = this.openMark ? pool.indexOf(this.openMark) : -1;
    const next = at === -1 ? (dir === 1 ? pool[0]! : pool[pool.length - 1]!) : pool[(at + dir + pool.length) % pool.length]!;
    // An instant jump: the popover is placed right after, and it suits reduced-motion users too.
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    if (focus && !this.popover.isOpen) this.focusBefore = document.activeElement;
    this.open(next, focus);
    return true;
  }

  // --- scanning -------------------------------------------------------------------------------

  private scan(...roots: Node[]): Promise<void> {
    this.scanning = this.scanning.then(async () => {
      if (this.disposed || !this.page) return;
      await scanSubtrees(roots, this.matcher, this.page, this.marks, {
        ignore: this.popover.element,
        onShadowRoot: (shadow) => {
          if (this.observedRoots.has(shadow)) return;
          this.observe(shadow);
          this.adoptHighlightStyles(shadow);
          void this.scan(shadow);
        },
        cancelled: () => this.disposed,
      });
      await this.fetchEntities();
    });
    return this.scanning;
  }

  /** One batched request for the entities found since the last one, so hovering needs no round trip. */
  private fetchEntities(): Promise<void> {
    return this.loadEntities([...this.marks.entityCounts().keys()].filter((id) => !this.entities.has(id)));
  }

  /** Asks for entities and caches them; a failure is logged and leaves the cache as it was. */
  private async loadEntities(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const { entities } = await ask('entities/get', { ids });
      for (const e of entities) this.entities.set(e.id, e);
    } catch (error) {
      console.error('[llama-lens] could not load entity data', error);
    }
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
    this.observers.push(o);
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.popover.element;
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        this.markDirty(r.target);
        continue;
      }
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (n === host) continue;
        if (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.ELEMENT_NODE) this.markDirty(n);
      }
    }
    if (removed) {
      const gone = (m: Mark) => m.nodes.some((n) => !n.isConnected);
      this.marks.removeWhere(gone);
      if (this.openMark && gone(this.openMark)) this.close(false);
    }
    if (this.dirty.size && !this.rescanTimer) {
      this.rescanTimer = window.setTimeout(() => this.rescanDirty(), RESCAN_DEBOUNCE_MS);
    }
  }

  /** New or changed text is rescanned with its whole block, so a phrase completed by an insertion is found. */
  private markDirty(node: Node): void {
    if (isInSkippedRegion(node, this.popover.element)) return;
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
    void this.scan(...outer);
  }

  // --- hover and keyboard ----------------------------------------------------------------------

  private readonly onPointerMove = (e: PointerEvent): void => {
    if (!e.isTrusted) return;
    this.pointer = { x: e.clientX, y: e.clientY, target: e.target };
    if (!this.frame) this.frame = requestAnimationFrame(this.checkPointer);
  };

  private readonly checkPointer = (): void => {
    this.frame = 0;
    if (this.popover.contains(this.pointer.target)) {
      clearTimeout(this.closeTimer);
      this.closeTimer = 0;
      return;
    }
    const mark = this.marks.size ? markAt(document, this.marks, this.pointer.x, this.pointer.y) : undefined;
    if (mark === this.hovered) return;
    this.hovered = mark ?? null;
    clearTimeout(this.intentTimer);
    if (mark) {
      if (mark === this.openMark) {
        clearTimeout(this.closeTimer);
        this.closeTimer = 0;
        return;
      }
      this.intentTimer = window.setTimeout(() => this.open(mark, false), this.settings.hoverDelayMs);
    } else if (this.popover.isOpen && !this.closeTimer) {
      this.closeTimer = window.setTimeout(() => this.close(false), POPOVER_CLOSE_GRACE_MS);
    }
  };

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (this.popover.isOpen && !this.popover.contains(e.target)) this.close(false);
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.popover.isOpen) {
      e.stopPropagation();
      this.close(true);
    }
  };

  private readonly onScroll = (): void => {
    if (this.popover.isOpen && !this.popover.reposition()) this.close(false);
  };

  private open(mark: Mark, focus: boolean): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.openMark = mark;
    const entity = this.entities.get(mark.entity);
    this.showEntity(entity, mark, focus);
    if (!entity) void this.loadAndShow(mark.entity, focus);
  }

  private showEntity(entity: EntityView | undefined, mark: Mark, focus: boolean): void {
    // A live range outlives its text (it collapses onto the parent), so the nodes say whether it is still there.
    this.popover.show(() => (mark.nodes.every((n) => n.isConnected) ? mark.range.getBoundingClientRect() : null), {
      entity,
      focus,
      onRelated: (id) => void this.loadAndShow(id, true),
      onMore: (id) => void ask('entry/open', { id }).catch((e: unknown) => console.error('[llama-lens]', e)),
      // The background switches the site off; every tab of it, this one included, hears the change.
      onDisableSite: () =>
        void ask('site/set', { on: false }).catch((error: unknown) => console.error('[llama-lens] could not switch this site off', error)),
    });
  }

  /** Shows entity `id` in the popover once its data is here, unless the popover moved on meanwhile. */
  private async loadAndShow(id: string, focus: boolean): Promise<void> {
    const forMark = this.openMark;
    if (!this.entities.has(id)) await this.loadEntities([id]);
    const entity = this.entities.get(id);
    if (entity && this.popover.isOpen && this.openMark === forMark) this.popover.update({ entity, focus });
  }

  private close(restoreFocus: boolean): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = 0;
    this.openMark = null;
    this.popover.hide();
    if (restoreFocus && this.focusBefore instanceof HTMLElement) this.focusBefore.focus({ preventScroll: true });
    this.focusBefore = null;
  }
}
