/** The search box and its results: a combobox driving a listbox, fully usable from the keyboard. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { SearchHit } from '../shared/messages';
import { kindLabel } from '../ui/format';
import { t } from '../ui/i18n';

/**
 * ARIA 1.2 combobox on a search input. Preact's types only allow role=combobox together with a
 * `list` attribute (a datalist), which this widget does not use.
 */
const COMBOBOX = { role: 'combobox' } as Record<string, string>;

const SUGGESTIONS = ['leak', 'Llama 2', 'Hugging Face', '4chan', 'licence'];

export function Search({ onOpen }: { onOpen(id: string): void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) {
      setHits([]);
      return;
    }
    ask('search', { query })
      .then(({ hits }) => {
        // Answers can arrive out of order; only the newest query's answer is shown.
        if (ticket !== latest.current) return;
        setHits(hits);
        setActive(0);
        setError(null);
      })
      .catch((e: unknown) => ticket === latest.current && setError(e instanceof Error ? e.message : String(e)));
  }, [query]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      onOpen(hits[active].id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const listId = 'search-results';
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
        aria-activedescendant={hits[active] ? `hit-${hits[active].id}` : undefined}
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        autocomplete="off"
        spellcheck={false}
      />
      {error && <p class="error" role="alert">{error}</p>}
      {query.trim() && !hits.length && !error && <p class="hint" role="status">{t('noResults')}</p>}
      {!query.trim() && (
        <p class="hint">
          {t('tryLabel')}{' '}
          {SUGGESTIONS.map((s) => (
            <button key={s} type="button" class="chip" onClick={() => setQuery(s)}>
              {s}
            </button>
          ))}
        </p>
      )}
      <ul id={listId} role="listbox" class="hits" aria-label={t('resultsLabel')} hidden={!hits.length}>
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`hit-${hit.id}`}
            role="option"
            aria-selected={i === active}
            class={`hit topic-${hit.topic}${i === active ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onOpen(hit.id)}
          >
            <span class="hit-name">{hit.name}</span> <span class="hit-kind">{kindLabel(hit.kind)}</span>
            <span class="hit-text">{hit.matchedFact ?? hit.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
