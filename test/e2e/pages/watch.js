// Installed before the extension runs (a parser-blocking script in <head>): records every DOM
// mutation the page undergoes, so a test can prove the extension changed nothing.
window.__mutations = [];
const record = (records) => {
  for (const r of records) {
    window.__mutations.push({
      type: r.type,
      target: r.target.nodeName,
      added: [...r.addedNodes].map((n) => n.nodeName),
      removed: [...r.removedNodes].map((n) => n.nodeName),
      attribute: r.attributeName,
    });
  }
};
const observer = new MutationObserver(record);
observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
// Records not yet delivered are taken synchronously, so a reading is never behind the page.
window.__flush = () => record(observer.takeRecords());
