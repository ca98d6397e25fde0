/**
 * The entities this page's popovers have needed, asked of the background when first needed: when
 * the pointer comes to rest on a mark (the hover delay hides the round trip), or when a popover
 * opens from the keyboard or a tap. Fetching every marked entity after each scan instead kept
 * about 60 KB of facts in every tab that was never hovered (docs/performance.md, "Heap").
 */
import { ask } from '../shared/ask';
import type { EntityView } from '../shared/messages';

export class EntityCache {
  private readonly byId = new Map<string, EntityView>();
  /** Requests under way, by id, so that a hover and the open after it share one. */
  private readonly pending = new Map<string, Promise<void>>();

  get(id: string): EntityView | undefined {
    return this.byId.get(id);
  }

  /** Asks again for every cached entity (they carry the user's notes, which changed). */
  refresh(): Promise<void> {
    return this.fetch([...this.byId.keys()]);
  }

  /** Resolves once the given ids are cached, or their request failed (logged; the cache stays as it was). */
  load(ids: Iterable<string>): Promise<void> {
    const wanted = [...ids];
    const missing = wanted.filter((id) => !this.byId.has(id) && !this.pending.has(id));
    if (missing.length) {
      const request = this.fetch(missing).finally(() => {
        for (const id of missing) this.pending.delete(id);
      });
      for (const id of missing) this.pending.set(id, request);
    }
    return Promise.all(wanted.map((id) => this.pending.get(id))).then(() => undefined);
  }

  private async fetch(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const { entities } = await ask('entities/get', { ids });
      for (const e of entities) this.byId.set(e.id, e);
    } catch (error) {
      console.error('[llama-lens] could not load entity data', error);
    }
  }
}
