/** The popover's content: an entity card plus the actions that belong to a page. */
import type { EntityView } from '../../shared/messages';
import { POPOVER_MAX_FACTS } from '../../shared/limits';
import { EntityCard } from '../../ui/EntityCard';
import { NoteEditor } from '../../ui/NoteEditor';
import { formatNumber } from '../../ui/format';
import { t, uiLocale } from '../../ui/i18n';

export interface PopoverProps {
  entity: EntityView | undefined;
  /** Opened from the keyboard: the host moves focus into the popover so its content is read and reachable. */
  focus: boolean;
  onRelated(id: string): void;
  onMore(id: string): void;
  onDisableSite(): void;
}

/** The host's own part: it keeps the popover open while the user writes a note. */
export interface HostProps {
  onEditing(editing: boolean): void;
}

export function Popover({ entity, onRelated, onMore, onDisableSite, onEditing }: PopoverProps & HostProps) {
  return (
    <div
      class="panel"
      // The page's own language is unrelated to the popover's: its chrome speaks the UI's language.
      lang={uiLocale()}
      role="dialog"
      tabIndex={-1}
      aria-labelledby={entity ? 'll-name' : undefined}
      aria-describedby={entity ? 'll-summary' : undefined}
      aria-label={entity ? undefined : t('loading')}
    >
      {entity ? (
        <>
          <EntityCard
            entity={entity}
            maxFacts={POPOVER_MAX_FACTS}
            headingId="ll-name"
            summaryId="ll-summary"
            note={<NoteEditor entity={entity} note={entity.note} idPrefix="ll" onEditing={onEditing} />}
            onRelated={onRelated}
          />
          <div class="actions">
            <button type="button" class="action" onClick={() => onMore(entity.id)}>
              {entity.facts.length > POPOVER_MAX_FACTS
                ? t('allFacts', formatNumber(entity.facts.length))
                : t('openEntry')}
            </button>
            <button type="button" class="action quiet" onClick={onDisableSite}>
              {t('disableSite')}
            </button>
          </div>
        </>
      ) : (
        <p class="loading">{t('loading')}</p>
      )}
    </div>
  );
}
