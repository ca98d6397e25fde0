/**
 * An entity's facts, each with its date and sources: the popover shows it compact, the popup's
 * entry view in full. Text from the dataset is rendered as text, never as HTML. The dataset is in
 * English whatever the UI's language, so its text carries lang="en" (a screen reader then reads it
 * in an English voice); dates and labels around it follow the UI's language.
 */
import type { ComponentChildren } from 'preact';
import type { Source } from '../shared/dataset';
import type { EntityView, FactView } from '../shared/messages';
import { formatDate, kindLabel, safeHref } from './format';
import { t, uiLocale } from './i18n';

interface Props {
  entity: EntityView;
  /** Show at most this many facts (the rest is behind "more"). */
  maxFacts?: number;
  headingId: string;
  summaryId: string;
  /** What goes under the summary: the user's note. */
  note?: ComponentChildren;
  /** The fact the reader came for (a search result): marked, and focusable so it can take focus. */
  currentFact?: string | undefined;
  onRelated(id: string): void;
}

/** A fact's sources as links (publisher and date), the title on hover; https only. */
export function SourceLinks({ sources }: { sources: readonly Source[] }) {
  return (
    <>
      {sources.map((s, i) => {
        const href = safeHref(s.url);
        return (
          <span key={s.id}>
            {i > 0 && '; '}
            {href ? (
              // The link's title is the source's own (English) title; only the date is in the UI's language.
              <a href={href} target="_blank" rel="noopener noreferrer" title={s.title} lang="en">
                {s.publisher}, <span class="source-date" lang={uiLocale()}>{formatDate(s.date)}</span>
              </a>
            ) : (
              <>
                <span lang="en">{s.publisher}</span>, <span class="source-date">{formatDate(s.date)}</span>
              </>
            )}
          </span>
        );
      })}
    </>
  );
}

function FactItem({ fact, current }: { fact: FactView; current: boolean }) {
  const when = fact.date ?? fact.asOf;
  return (
    <li class={current ? 'fact fact-current' : 'fact'} {...(current && { tabIndex: -1, 'aria-current': 'true' as const })}>
      <p class="fact-text">
        {when && (
          <span class="fact-date">
            {fact.asOf && !fact.date ? t('asOf', formatDate(fact.asOf)) : formatDate(when)}
            {' · '}
          </span>
        )}
        <span lang="en">{fact.text}</span>
      </p>
      <p class="fact-sources">
        <SourceLinks sources={fact.sources} />
      </p>
    </li>
  );
}

export function EntityCard({ entity, maxFacts, headingId, summaryId, note, currentFact, onRelated }: Props) {
  const facts = maxFacts === undefined ? entity.facts : entity.facts.slice(0, maxFacts);
  return (
    <article class={`card topic-${entity.topic}`}>
      <header class="card-head">
        <h2 id={headingId} class="card-name" lang="en">
          {entity.name}
        </h2>
        <span class="card-kind">{kindLabel(entity.kind)}</span>
      </header>
      <p id={summaryId} class="card-summary" lang="en">
        {entity.summary}
      </p>
      {note}
      {facts.length > 0 && (
        <ul class="facts" aria-label={t('factsLabel')}>
          {facts.map((f) => (
            <FactItem key={f.id} fact={f} current={f.id === currentFact} />
          ))}
        </ul>
      )}
      {entity.related.length > 0 && (
        <nav class="related" aria-label={t('relatedLabel')}>
          <span class="related-label">{t('relatedLead')}</span>{' '}
          {entity.related.map((r) => (
            <button key={r.id} type="button" class="chip" lang="en" onClick={() => onRelated(r.id)}>
              {r.name}
            </button>
          ))}
        </nav>
      )}
    </article>
  );
}
