/**
 * The user's own notes, one per entity: the record kept in IndexedDB's `notes` store, and the
 * signal that tells every page a note changed (content scripts cache entities with their notes).
 */
import { browser } from './webext';

export interface UserNote {
  /** The entity's id. A note outlives its entity if a dataset update removes it: it is the user's. */
  entity: string;
  /** Plain text, never rendered as HTML. */
  text: string;
  /** ISO 8601: a date, or a date and time (when the note was last saved). */
  updated: string;
}

/** The storage.local key whose change means "some note changed": the value is only a counter. */
const NOTES_CHANGED_KEY = 'notesChanged';

/** Said by the background after every note write; every context listening hears it. */
export async function signalNotesChanged(): Promise<void> {
  await browser.storage.local.set({ [NOTES_CHANGED_KEY]: Date.now() });
}

export function onNotesChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && NOTES_CHANGED_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
