/** The search box and its results: a combobox driving a listbox, fully usable from the keyboard. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { FactView, SearchHit } from '../shared/messages';
import { formatDate, kindLabel } from '../ui/format';
import { t } from '../ui/i18n';

/**
 * ARIA 1.2 combobox on a search input. Preact's types only allow role=combobox together with a
 * `list` attribute (a datalist), which this widget does not use.
 */
const COMBOBOX = { role: 'combobox' } as Record<string, string>;

interface Answer {
  /** The query these hits answer: until the newest query's answer arrives, the last one stays shown. */
  query: string;
  hits: SearchHit[];
}

/** A hit's own id: an entity, or one fact of it. */
/** An entity can be a hit three ways (its names, one of its facts, the user's note), each its own row. */
const hitKey = (hit: SearchHit) => (hit.fact ? `${hit.id}--${hit.fact.id}` : hit.matchedNote !== undefined ? `${hit.id}--note` : hit.id);

/** A fact hit shows the fact itself, with when it happened (or was last known true) and its first source. */
function FactSnippet({ fact }: { fact: FactView }) {
  const source = fact.sources[0];
  const when = fact.date ? formatDate(fact.date) : fact.asOf ? t('asOf', formatDate(fact.asOf)) : null;
  return (
    <>
      <span class="hit-text hit-fact" lang="en">{fact.text}</span>
      <span class="hit-meta">{[when, source && `${source.publisher}, ${formatDate(source.date)}`].filter(Boolean).join(' · ')}</span>
    </>
  );
}

/** The result rows; memoised by the caller, so a keystroke's render does not redo them before their answer. */
function Hits({ hits, active, onOpen }: { hits: SearchHit[]; active: number; onOpen(id: string, factId?: string): void }) {
  return (
    <>
      {hits.map((hit, i) => (
        <li
          key={hitKey(hit)}
          id={`hit-${hitKey(hit)}`}
          role="option"
          aria-selected={i === active}
          class={`hit topic-${hit.topic}${i === active ? ' active' : ''}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onOpen(hit.id, hit.fact?.id)}
        >
          <span class="hit-name" lang="en">{hit.name}</span> <span class="hit-kind">{kindLabel(hit.kind)}</span>
          {hit.matchedNote ? (
            <span class="hit-text hit-note">
              <span class="hit-note-label">{t('searchYourNote')}</span> {hit.matchedNote}
            </span>
          ) : hit.fact ? (
            <FactSnippet fact={hit.fact} />
          ) : (
            <span class="hit-text" lang="en">
              {hit.summary}
            </span>
          )}
        </li>
      ))}
    </>
  );
}

/** The same hits, in the same order, with the same content: the rows on screen need no new render. */
function sameHits(a: readonly SearchHit[], b: readonly SearchHit[]): boolean {
  return a.length === b.length && a.every((hit, i) => JSON.stringify(hit) === JSON.stringify(b[i]));
}

/**
 * The box holds its own text: a keystroke renders this component only. `onQuery` tells the popup the
 * text (it gives it back as `initialQuery` when the search view is shown again).
 */
export function Search({ initialQuery, onQuery, onOpen }: { initialQuery: string; onQuery(q: string): void; onOpen(id: string, factId?: string): void }) {
  const [query, setQueryState] = useState(initialQuery);
  const [answer, setAnswer] = useState<Answer>({ query: '', hits: [] });
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  /** The query whose search is under way or answered. */
  const sent = useRef<string | null>(null);

  useEffect(() => {
    input.current?.focus();
    // An empty search builds the background's index (once per background lifetime) while the reader
    // starts typing, not on the first keystroke.
    ask('search', { query: '' }).catch(() => undefined);
  }, []);

  // Asked before the keystroke's render, not after it: the background searches while the popup renders.
  const search = (q: string) => {
    sent.current = q;
    const ticket = ++latest.current;
    if (!q.trim()) {
      setAnswer({ query: q, hits: [] });
      setError(null);
      return;
    }
    ask('search', { query: q })
      .then(({ hits }) => {
        // Answers can arrive out of order; only the newest query's answer is shown.
        if (ticket !== latest.current) return;
        // An answer like the one shown keeps its hits array, so the memoised rows are not diffed again.
        setAnswer((shown) => ({ query: q, hits: sameHits(shown.hits, hits) ? shown.hits : hits }));
        setActive(0);
        setError(null);
      })
      .catch((e: unknown) => ticket === latest.current && setError(t('searchFailed', e instanceof Error ? e.message : String(e))));
  };
  const setQuery = (q: string) => {
    search(q);
    setQueryState(q);
    onQuery(q);
  };
  // The query the view was shown again with is searched as soon as the first render commits (a plain
  // effect would wait until after the next paint).
  useLayoutEffect(() => {
    if (sent.current !== query) search(query);
  }, []);

  const { hits } = answer;
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const items = useMemo(() => <Hits hits={hits} active={active} onOpen={(id, fact) => openRef.current(id, fact)} />, [hits, active]);
  const activeId = hits[active] ? `hit-${hitKey(hits[active])}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      onOpen(hits[active].id, hits[active].fact?.id);
    } else if (e.key === 'Escape' && query) {
      // Only a non-empty box is cleared: Escape in an empty one closes the popup, as usual.
      e.preventDefault();
      setQuery('');
    }
  };

  const listId = 'search-results';
  const suggestions = t('searchSuggestions').split('|');
  const answered = answer.query === query;
  return (
    <section class="search" aria-label={t('searchLabel')}>
      <input
        ref={input}
        type="search"
        class="search-input"
        {...COMBOBOX}
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        autocomplete="off"
        spellcheck={false}
      />
      {error && <p class="error" role="alert">{error}</p>}
      <p class="hint live" role="status">
        {query.trim() && answered && !hits.length && !error ? t('noResults') : ''}
      </p>
      {!query.trim() && (
        <div class="hint suggestions">
          <span id="try-label">{t('tryLabel')}</span>
          {suggestions.map((s) => (
            <button key={s} type="button" class="chip" aria-describedby="try-label" onClick={() => setQuery(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
      <ul id={listId} role="listbox" class="hits" aria-label={t('resultsLabel')} data-query={answer.query} hidden={!hits.length}>
        {items}
      </ul>
    </section>
  );
}
