/**
 * The timeline: every dated fact of the dataset, oldest first, under year and month headings,
 * filterable by topic. A list of dated items (headings to jump by year, <time> for each date),
 * so it reads the same to a screen reader as it looks; each item links to its entry and sources.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import { TOPICS, type Topic } from '../shared/dataset';
import type { TimelineEvent } from '../shared/messages';
import { SourceLinks } from '../ui/EntityCard';
import { formatDate, formatMonth, formatNumber, topicLabel } from '../ui/format';
import { t } from '../ui/i18n';

interface Month {
  key: string;
  events: TimelineEvent[];
}
interface Year {
  year: string;
  months: Month[];
}

/** Events (already in date order) grouped by year, then month. */
function group(events: readonly TimelineEvent[]): Year[] {
  const years: Year[] = [];
  for (const e of events) {
    const year = e.date.slice(0, 4);
    const month = e.date.slice(0, 7);
    if (years.at(-1)?.year !== year) years.push({ year, months: [] });
    const months = years.at(-1)!.months;
    if (months.at(-1)?.key !== month) months.push({ key: month, events: [] });
    months.at(-1)!.events.push(e);
  }
  return years;
}

export function Timeline({ onOpenInTab }: { onOpenInTab?: () => void }) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [topics, setTopics] = useState<Record<Topic, boolean>>({ llama: true, meta: true, 'hugging-face': true });

  useEffect(() => {
    ask('timeline/get', {}).then(
      (r) => setEvents(r.events),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  const shown = useMemo(() => (events ?? []).filter((e) => topics[e.entity.topic]), [events, topics]);
  const years = useMemo(() => group(shown), [shown]);

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h2 id="timeline-title" class="section-title">
          {t('timelineTitle')}
        </h2>
        {onOpenInTab && (
          <button type="button" class="link-button" onClick={onOpenInTab}>
            {t('openInTab')}
          </button>
        )}
      </div>
      <fieldset class="timeline-filter">
        <legend>{t('timelineFilter')}</legend>
        {TOPICS.map((topic) => (
          <label key={topic} class={`choice topic-${topic}`}>
            <input
              type="checkbox"
              checked={topics[topic]}
              onChange={(e) => setTopics({ ...topics, [topic]: (e.target as HTMLInputElement).checked })}
            />
            <span>{topicLabel(topic)}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="hint" role="status">
        {events === null ? (error ? '' : t('loading')) : t('timelineCount', formatNumber(shown.length), formatNumber(events.length))}
      </p>
      {years.map(({ year, months }) => (
        <section key={year} class="tl-year" aria-labelledby={`tl-${year}`}>
          <h3 id={`tl-${year}`} class="tl-year-title">
            {year}
          </h3>
          {months.map(({ key, events: monthEvents }) => (
            <section key={key} class="tl-month" aria-labelledby={`tl-${key}`}>
              <h4 id={`tl-${key}`} class="tl-month-title">
                {formatMonth(key)}
              </h4>
              <ol class="tl-events">
                {monthEvents.map((e) => (
                  <li key={e.id} class={`tl-event topic-${e.entity.topic}`}>
                    <time class="tl-date" dateTime={e.date}>
                      {formatDate(e.date)}
                    </time>
                    <p class="tl-text" lang="en">
                      {e.text}
                    </p>
                    <p class="tl-meta">
                      {/* The entry opens at this fact, as from a fact search result. */}
                      <a class="tl-entity" lang="en" href={`#entry/${encodeURIComponent(e.entity.id)}/${encodeURIComponent(e.id)}`}>
                        {e.entity.name}
                      </a>
                      <span class="tl-sources">
                        {' · '}
                        <SourceLinks sources={e.sources} />
                      </span>
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </section>
  );
}
