/**
 * The entities marked on this page, asked of the background in batches (one request after each
 * scan), so that opening a popover needs no round trip.
 */
import { ask } from '../shared/ask';
import type { EntityView } from '../shared/messages';

export class EntityCache {
  private readonly byId = new Map<string, EntityView>();

  get(id: string): EntityView | undefined {
    return this.byId.get(id);
  }

  /** Asks again for every cached entity (they carry the user's notes, which changed). */
  refresh(): Promise<void> {
    return this.fetch([...this.byId.keys()]);
  }

  /** Asks for the ids not cached yet; a failure is logged and leaves the cache as it was. */
  load(ids: Iterable<string>): Promise<void> {
    return this.fetch([...ids].filter((id) => !this.byId.has(id)));
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
