/* global CSS, PerformanceObserver, performance */
// Loaded at the end of <body>, after watch.js: still before DOMContentLoaded, so before any
// content script at document_idle. Records what a test needs to judge the page's health while the
// extension works: a timer that must keep ticking (with the number of marks at each tick, so a test
// can tell ticks during the scan from ticks after it), long tasks where the browser reports them,
// and the mutation baseline.
(() => {
  const highlights = CSS.highlights;
  const now = performance.now.bind(performance);
  const probe = { ticks: [], longTasks: [], longTasksSupported: false };
  window.__probe = probe;
  // -1 until the extension has registered its (empty) highlights: from then on it is scanning.
  const marks = () => {
    let n = -1;
    highlights.forEach((h, name) => {
      if (name.startsWith('llama-lens-')) n = Math.max(n, 0) + h.size;
    });
    return n;
  };
  window.setInterval(() => probe.ticks.push([now(), marks()]), 10);
  try {
    probe.longTasksSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
    if (probe.longTasksSupported) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    }
  } catch {
    probe.longTasksSupported = false;
  }
  // The page's own parsing is not the extension's doing: the baseline is taken when parsing ends.
  document.addEventListener('DOMContentLoaded', () => {
    window.__flush();
    window.__beforeExtension = window.__mutations.length;
  });
  // The page's own behaviour that a test exercises with a real click.
  window.__clicks = 0;
  document.addEventListener('click', (e) => {
    if (e.target && e.target.id === 'page-button') window.__clicks++;
  });
})();
