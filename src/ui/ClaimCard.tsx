/**
 * A checked claim: whether the sources confirm or contradict it (said in words, not by colour
 * alone), what the page says, what the sources say with links and dates, and, for a known
 * misreport, where it came from. Text from the page and the dataset is rendered as text only.
 */
import type { ClaimSourceView, ClaimView } from '../shared/claims';
import { formatDate, safeHref } from './format';
import { t } from './i18n';

function Sources({ sources }: { sources: ClaimSourceView[] }) {
  return (
    <p class="fact-sources">
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
            {s.later && <span class="later"> ({t('claimSinceWritten')})</span>}
          </span>
        );
      })}
    </p>
  );
}

export function ClaimCard({ claim, headingId }: { claim: ClaimView; headingId: string }) {
  const contradicted = claim.verdict === 'contradicted';
  return (
    <article class={`card claim ${contradicted ? 'claim-contradicted' : 'claim-supported'}`}>
      <header class="card-head">
        <h2 id={headingId} class="card-name claim-verdict">
          <span aria-hidden="true" class="claim-icon">
            {contradicted ? '✗' : '✓'}
          </span>{' '}
          {contradicted ? t('claimContradicted') : t('claimSupported')}
        </h2>
      </header>
      <p class="claim-said">
        <span class="claim-label">{t('claimPageSays')}</span> <q>{claim.said}</q>
        {claim.pageDate && <span class="claim-page-date"> ({t('claimPageDated', formatDate(claim.pageDate))})</span>}
      </p>
      <p class="claim-label">{t('claimSourcesSay')}</p>
      <ul class="facts">
        {claim.truths.map((v) => (
          <li key={v.id} class="fact">
            <p class="fact-text">
              {v.asOf && <span class="fact-date">{t('asOf', formatDate(v.asOf))} · </span>}
              {v.text}
              {v.later && <span class="later"> ({t('claimSinceWritten')})</span>}
            </p>
            <Sources sources={v.sources} />
          </li>
        ))}
      </ul>
      {claim.misreport && (
        <div class="claim-origin">
          <p class="claim-label">{t('claimOrigin')}</p>
          <p class="fact-text">{claim.misreport.origin}</p>
          <Sources sources={claim.misreport.sources} />
        </div>
      )}
    </article>
  );
}
