/** The full entry: every fact and source of one entity. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { EntityView } from '../shared/messages';
import { EntityCard } from '../ui/EntityCard';
import { NoteEditor } from '../ui/NoteEditor';
import { t } from '../ui/i18n';

export function Entry({ id, fact, onOpen, onBack }: { id: string; fact?: string; onOpen(id: string): void; onBack?: () => void }) {
  const [entity, setEntity] = useState<EntityView | null | undefined>(undefined);
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setEntity(undefined);
    ask('entities/get', { ids: [id] })
      .then(({ entities }) => setEntity(entities[0] ?? null))
      .catch(() => setEntity(null));
  }, [id]);
  useEffect(() => {
    if (!entity) return;
    // Opened from a fact result: that fact is where the reader's eyes and focus go.
    const target = fact ? heading.current?.querySelector<HTMLElement>('.fact-current') : null;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
    } else {
      heading.current?.focus();
    }
  }, [entity, fact]);
  const onKeyDown = (e: KeyboardEvent) => {
    // Escape steps back to the results, as it would close a dialog, rather than closing the popup.
    if (e.key === 'Escape' && onBack) {
      e.preventDefault();
      onBack();
    }
  };
  return (
    <section class="entry" onKeyDown={onKeyDown}>
      {onBack && (
        <button type="button" class="back" onClick={onBack}>
          {t('back')}
        </button>
      )}
      <div ref={heading} tabIndex={-1} class="entry-body">
        {entity === undefined && <p class="hint">{t('loading')}</p>}
        {entity === null && <p class="error" role="alert">{t('entryMissing')}</p>}
        {entity && (
          <EntityCard
            entity={entity}
            headingId="entry-name"
            summaryId="entry-summary"
            note={<NoteEditor entity={entity} note={entity.note} idPrefix="entry" />}
            currentFact={fact}
            onRelated={onOpen}
          />
        )}
      </div>
    </section>
  );
}
