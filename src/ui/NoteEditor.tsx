/**
 * The user's own note on an entity, under its summary: shown as plain text, written, edited and
 * deleted (with undo) in place. Used by the popover and the entry page; both talk to the
 * background, which keeps notes in IndexedDB and tells every page when one changed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import { MAX_NOTE_CHARS } from '../shared/limits';
import type { UserNote } from '../shared/notes';
import { formatDate, formatNumber } from './format';
import { t } from './i18n';

interface Props {
  entity: { id: string; name: string };
  note: UserNote | undefined;
  /** Prefix for element ids, unique in the document or shadow root the card lives in. */
  idPrefix: string;
  /** Told when editing starts and ends: the popover stays open while a draft is being written. */
  onEditing?(editing: boolean): void;
}

type Focus = 'editor' | 'edit' | 'add' | 'undo' | null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Keys typed into the note must not reach the page: events from the closed shadow root are
 * retargeted to its host, which a page's shortcut handler does not recognise as a text field.
 */
const keepFromPage = (e: Event) => e.stopPropagation();

export function NoteEditor({ entity, note, idPrefix, onEditing }: Props) {
  const [current, setCurrent] = useState<UserNote | null>(note ?? null);
  const [draft, setDraft] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<UserNote | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;

  // A note saved elsewhere (another tab, an import) shows up here, unless a draft is open.
  useEffect(() => {
    if (!editing) setCurrent(note ?? null);
  }, [note?.text, note?.updated, entity.id]);
  useEffect(() => {
    setDraft(null);
    setDeleted(null);
    setError(null);
  }, [entity.id]);
  useEffect(() => {
    onEditing?.(editing);
  }, [editing, onEditing]);
  useEffect(() => () => onEditing?.(false), [onEditing]);
  // Focus follows the action, so keyboard and screen reader users stay where the change happened.
  // (Disabled controls cannot take focus: it waits until the background has answered.)
  useEffect(() => {
    if (!focus || busy) return;
    ({ editor, edit: editButton, add: addButton, undo: undoButton })[focus].current?.focus({ preventScroll: true });
    setFocus(null);
  }, [focus, busy]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(t('noteFailed', errorText(e)));
    } finally {
      setBusy(false);
    }
  };

  const startEditing = () => {
    setDeleted(null);
    setDraft(current?.text ?? '');
    setFocus('editor');
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
    setFocus(current ? 'edit' : 'add');
  };
  const save = (e: Event) => {
    e.preventDefault();
    const text = (draft ?? '').trim();
    if (!text) {
      setError(t('noteEmpty'));
      return;
    }
    void run(async () => {
      const { note: saved } = await ask('note/set', { entity: entity.id, text });
      setCurrent(saved);
      setDraft(null);
      setFocus('edit');
    });
  };
  const remove = () =>
    void run(async () => {
      const { deleted: gone } = await ask('note/delete', { entity: entity.id });
      setCurrent(null);
      setDeleted(gone);
      setFocus('undo');
    });
  const undo = () =>
    void run(async () => {
      if (!deleted) return;
      await ask('notes/put', { notes: [deleted] });
      setCurrent(deleted);
      setDeleted(null);
      setFocus('edit');
    });

  const onFormKey = (e: KeyboardEvent) => {
    keepFromPage(e);
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      save(e);
    }
  };

  const titleId = `${idPrefix}-note-title`;
  const hintId = `${idPrefix}-note-hint`;
  return (
    <section class="note" aria-labelledby={current || editing ? titleId : undefined} aria-label={current || editing ? undefined : t('noteLabel')}>
      {editing ? (
        <form class="note-form" onSubmit={save} onKeyDown={onFormKey} onKeyUp={keepFromPage} onKeyPress={keepFromPage}>
          <label id={titleId} class="note-title" for={`${idPrefix}-note-text`}>
            {t('noteEditLabel', entity.name)}
          </label>
          <textarea
            ref={editor}
            id={`${idPrefix}-note-text`}
            class="note-input"
            rows={3}
            maxLength={MAX_NOTE_CHARS}
            value={draft}
            aria-describedby={hintId}
            disabled={busy}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          />
          <p id={hintId} class="note-hint">
            {t('noteHint', formatNumber(draft.length), formatNumber(MAX_NOTE_CHARS))}
          </p>
          <div class="note-actions">
            <button type="submit" class="note-button primary" disabled={busy}>
              {t('noteSave')}
            </button>
            <button type="button" class="note-button" onClick={cancel}>
              {t('noteCancel')}
            </button>
          </div>
        </form>
      ) : current ? (
        <>
          <h3 id={titleId} class="note-title">
            {t('yourNote')}
          </h3>
          <p class="note-text">{current.text}</p>
          <div class="note-actions">
            <span class="note-hint">{t('noteSavedOn', formatDate(current.updated.slice(0, 10)))}</span>
            <button ref={editButton} type="button" class="note-button" disabled={busy} onClick={startEditing} aria-label={t('noteEditAria', entity.name)}>
              {t('noteEdit')}
            </button>
            <button type="button" class="note-button" disabled={busy} onClick={remove} aria-label={t('noteDeleteAria', entity.name)}>
              {t('noteDelete')}
            </button>
          </div>
        </>
      ) : (
        <button ref={addButton} type="button" class="note-button" disabled={busy} onClick={startEditing}>
          {t('noteAdd')}
        </button>
      )}
      {error && (
        <p class="note-error" role="alert">
          {error}
        </p>
      )}
      <p class="note-status" role="status">
        {deleted && (
          <>
            {t('noteDeleted')}{' '}
            <button ref={undoButton} type="button" class="note-button" disabled={busy} onClick={undo}>
              {t('noteUndo')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
