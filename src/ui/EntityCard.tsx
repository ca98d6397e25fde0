/**
 * An entity's facts, each with its date and sources: the popover shows it compact, the popup's
 * entry view in full. Text from the dataset is rendered as text, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import type { Source } from '../shared/dataset';
import type { EntityView, FactView } from '../shared/messages';
import { formatDate, kindLabel, safeHref } from './format';
import { t } from './i18n';

interface Props {
  entity: EntityView;
  /** Show at most this many facts (the rest is behind "more"). */
  maxFacts?: number;
  headingId: string;
  summaryId: string;
  /** What goes under the summary: the user's note. */
  note?: ComponentChildren;
  onRelated(id: string): void;
}

/** A fact's sources as links (publisher and date), the title on hover; https only. */
export function SourceLinks({ sources }: { sources: readonly Source[] }) {
  return (
    <>
      {sources.map((s, i) => {
        const href = safeHref(s.url);
        const label = `${s.publisher}, ${formatDate(s.date)}`;
        return (
          <span key={s.id}>
            {i > 0 && '; '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" title={s.title}>
                {label}
              </a>
            ) : (
              label
            )}
          </span>
        );
      })}
    </>
  );
}

function FactItem({ fact }: { fact: FactView }) {
  const when = fact.date ?? fact.asOf;
  return (
    <li class="fact">
      <p class="fact-text">
        {when && (
          <span class="fact-date">
            {fact.asOf && !fact.date ? t('asOf', formatDate(fact.asOf)) : formatDate(when)}
            {' · '}
          </span>
        )}
        {fact.text}
      </p>
      <p class="fact-sources">
        <SourceLinks sources={fact.sources} />
      </p>
    </li>
  );
}

export function EntityCard({ entity, maxFacts, headingId, summaryId, note, onRelated }: Props) {
  const facts = maxFacts === undefined ? entity.facts : entity.facts.slice(0, maxFacts);
  return (
    <article class={`card topic-${entity.topic}`}>
      <header class="card-head">
        <h2 id={headingId} class="card-name">
          {entity.name}
        </h2>
        <span class="card-kind">{kindLabel(entity.kind)}</span>
      </header>
      <p id={summaryId} class="card-summary">
        {entity.summary}
      </p>
      {note}
      {facts.length > 0 && (
        <ul class="facts" aria-label={t('factsLabel')}>
          {facts.map((f) => (
            <FactItem key={f.id} fact={f} />
          ))}
        </ul>
      )}
      {entity.related.length > 0 && (
        <nav class="related" aria-label={t('relatedLabel')}>
          <span class="related-label">{t('relatedLabel')}:</span>{' '}
          {entity.related.map((r) => (
            <button key={r.id} type="button" class="chip" onClick={() => onRelated(r.id)}>
              {r.name}
            </button>
          ))}
        </nav>
      )}
    </article>
  );
}
