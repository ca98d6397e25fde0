// @vitest-environment happy-dom
/** The page's publication day from each kind of markup pages carry, in order of trust. */
import { describe, expect, it } from 'vitest';
import { pageDate } from '../../src/content/page-date';

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.documentElement.innerHTML = html;
  return d;
}

describe('pageDate', () => {
  it('reads JSON-LD datePublished, also inside @graph, before anything else', () => {
    const html = `<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-03-08T12:00:00-05:00"}]}</script>
      <meta property="article:published_time" content="2020-01-01"></head><body><time datetime="2019-01-01">x</time></body>`;
    expect(pageDate(doc(html), 'https://example.org/2018/01/01/x')).toBe('2023-03-08');
  });
  it('reads article:published_time', () => {
    expect(pageDate(doc('<head><meta property="article:published_time" content="2023-07-19T08:00:00Z"></head>'), 'https://example.org/')).toBe('2023-07-19');
  });
  it('reads <time datetime>, preferring the one marked as the publication date', () => {
    const html = '<body><time datetime="2024-01-02">updated</time><article><time itemprop="datePublished" datetime="2023-03-03">3 March</time></article></body>';
    expect(pageDate(doc(html), 'https://example.org/')).toBe('2023-03-03');
    expect(pageDate(doc('<body><p><time datetime="2024-04-18">April</time></p></body>'), 'https://example.org/')).toBe('2024-04-18');
  });
  it("prefers the article's <time> to one before it in the site's header", () => {
    const html = '<body><header><time datetime="2026-12-01">Today</time></header><main><p><time datetime="2023-03-08">8 March 2023</time></p></main></body>';
    expect(pageDate(doc(html), 'https://example.org/')).toBe('2023-03-08');
  });
  it('reads the markup wherever it is and however the type is written', () => {
    const html = '<body><p>x</p><script type=" Application/LD+JSON ">{"datePublished":"2023-02-24"}</script><meta name="article:published_time" content="2020-01-01"></body>';
    expect(pageDate(doc(html), 'https://example.org/')).toBe('2023-02-24');
    expect(pageDate(doc('<body><meta name="article:published_time" content="2023-02-24"></body>'), 'https://example.org/')).toBe('2023-02-24');
  });
  it('reads a date in the URL', () => {
    expect(pageDate(doc(''), 'https://www.theverge.com/2023/3/8/23629362/x')).toBe('2023-03-08');
    expect(pageDate(doc(''), 'https://example.org/2023/03/08/meta-llama-leak')).toBe('2023-03-08');
    expect(pageDate(doc(''), 'https://example.org/news/2023-03-08-meta.html')).toBe('2023-03-08');
  });
  it('ignores broken JSON-LD and impossible dates', () => {
    const html = '<head><script type="application/ld+json">{not json</script><meta property="article:published_time" content="2023-02-30"></head>';
    expect(pageDate(doc(html), 'https://example.org/')).toBeUndefined();
  });
});
