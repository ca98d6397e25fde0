/**
 * What the popover shows for a claim, assembled from the claim data: what the sources say (with
 * links and dates), and where a known misreport came from. Facts dated after the
 * page are flagged, so a reader sees which sources the page's author could not have known.
 */
import type { Claim, ClaimData, ClaimFinding, ClaimSourceView, ClaimValue, Misreport } from '../shared/claims';
import type { Source } from '../shared/dataset';

export interface ClaimLookup {
  values: Map<string, ClaimValue>;
  misreports: Map<string, Misreport>;
  sources: Map<string, Source>;
}

export function claimLookup(data: ClaimData, sources: Source[]): ClaimLookup {
  return {
    values: new Map(data.values.map((v) => [v.id, v])),
    misreports: new Map(data.misreports.map((m) => [m.id, m])),
    sources: new Map(sources.map((s) => [s.id, s])),
  };
}

export function claimFinding(c: Claim, about: string[], lookup: ClaimLookup, pageDate?: string): ClaimFinding {
  const after = (date: string | undefined) => Boolean(pageDate && date && date.slice(0, pageDate.length) > pageDate);
  const sourcesOf = (ids: string[]): ClaimSourceView[] =>
    ids.flatMap((id) => {
      const s = lookup.sources.get(id);
      return s ? [{ id: s.id, url: s.url, title: s.title, publisher: s.publisher, date: s.date, later: after(s.date) }] : [];
    });
  const truths = c.facts.flatMap((id) => {
    const v = lookup.values.get(id);
    if (!v) return [];
    const sources = sourcesOf(v.sources);
    const when = v.kind === 'date' ? v.date : v.asOf;
    return [{ id: v.id, text: v.text, ...(v.asOf ? { asOf: v.asOf } : {}), later: after(when) || (sources.length > 0 && sources.every((s) => s.later)), sources }];
  });
  const finding: ClaimFinding = { verdict: c.verdict, attribute: c.attribute, entity: c.entity, about, truths };
  if (pageDate) finding.pageDate = pageDate;
  const m = c.misreport ? lookup.misreports.get(c.misreport) : undefined;
  if (m) finding.misreport = { statement: m.statement, correction: m.correction, origin: m.origin, sources: sourcesOf(m.sources) };
  return finding;
}
