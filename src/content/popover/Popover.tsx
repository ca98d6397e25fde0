/** The popover's content: an entity card plus the actions that belong to a page. */
import type { ClaimView, FirstOf } from '../../shared/claims';
import type { EntityView } from '../../shared/messages';
import { ClaimCard } from '../../ui/ClaimCard';
import { POPOVER_MAX_FACTS } from '../../shared/limits';
import { EntityCard } from '../../ui/EntityCard';
import { MoreCount } from '../../ui/MoreCount';
import { NoteEditor } from '../../ui/NoteEditor';
import { formatNumber } from '../../ui/format';
import { t, uiLocale } from '../../ui/i18n';

export interface PopoverProps {
  entity: EntityView | undefined;
  /** A checked claim: the popover shows it instead of the entity. */
  claim?: ClaimView;
  /** Statements on this page about the entity that the sources confirm. */
  supported?: FirstOf<ClaimView>;
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

/** A plain list, not a <details>: its user-agent shadow tree would be one more thing inside the popover. */
function OnThisPage(supported: FirstOf<ClaimView>) {
  return (
    <section class="on-page" aria-labelledby="ll-on-page">
      <p id="ll-on-page" class="on-page-title">
        {t('claimsOnPage', formatNumber(supported.total))}
      </p>
      <ul class="on-page-list">
        {supported.first.map((c, i) => (
          <li key={i}>
            <q>{c.said}</q>
          </li>
        ))}
      </ul>
      <MoreCount of={supported} class="on-page-more" />
    </section>
  );
}

export function Popover({ entity, claim, supported, onRelated, onMore, onDisableSite, onEditing }: PopoverProps & HostProps) {
  if (claim) {
    return (
      <div class="panel" role="dialog" tabIndex={-1} aria-labelledby="ll-claim">
        <ClaimCard claim={claim} headingId="ll-claim" />
        <div class="actions">
          <button type="button" class="action quiet" onClick={onDisableSite}>
            {t('disableSite')}
          </button>
        </div>
      </div>
    );
  }
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
          {supported && supported.total > 0 && <OnThisPage {...supported} />}
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
