/**
 * The page's publication day, read from what pages carry, most explicit first: JSON-LD
 * `datePublished`, `<meta property="article:published_time">`, a `<time datetime>` (the one marked
 * as the publication date if any), and a date in the URL (/2023/03/08/ or 2023-03-08). Claims are
 * judged as of that day, and facts dated after it are labelled "since this page was written".
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const PUBLISHED_META = 'article:published_time';

function day(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DAY.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** `datePublished` anywhere in a JSON-LD value (objects, arrays, @graph). */
function fromJsonLd(value: unknown, depth = 0): string | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const d = fromJsonLd(v, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  const o = value as Record<string, unknown>;
  const own = day(o.datePublished);
  if (own) return own;
  for (const v of Object.values(o)) {
    const d = fromJsonLd(v, depth + 1);
    if (d) return d;
  }
  return undefined;
}

/**
 * Each kind of markup is found by its tag (`getElementsByTagName`: one native pass over the
 * document each) and filtered here: the same search as attribute selectors, which cost several
 * times more on a large page (docs/performance.md).
 */
export function pageDate(doc: Document, url: string): string | undefined {
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      const d = fromJsonLd(JSON.parse(script.textContent ?? ''));
      if (d) return d;
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  const meta = [...doc.getElementsByTagName('meta')].find((m) => m.getAttribute('property') === PUBLISHED_META || m.getAttribute('name') === PUBLISHED_META);
  const published = day(meta?.getAttribute('content'));
  if (published) return published;
  const times = [...doc.getElementsByTagName('time')].filter((t) => t.hasAttribute('datetime'));
  // The one marked as the publication date, else the first in the article (a site's header may
  // carry today's date before it), else the first.
  const time =
    times.find((t) => t.getAttribute('itemprop') === 'datePublished' || t.hasAttribute('pubdate')) ?? times.find((t) => t.closest('article, main')) ?? times[0];
  const t = day(time?.getAttribute('datetime'));
  if (t) return t;
  try {
    const path = new URL(url).pathname;
    const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|\.html?$|$)/.exec(path);
    if (m) return day(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
  } catch {
    // Not a URL: no date from it.
  }
  return undefined;
}
