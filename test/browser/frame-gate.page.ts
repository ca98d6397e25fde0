/** Cases for src/content/frame-gate.ts in a real page (run by modules.browser.test.ts). */
import { documentMayName } from '../../src/content/frame-gate';
import { aliasPrefixes } from '../../src/matcher/prefixes';
import aliases from '@data/aliases.json';
import { SMALL_DOCUMENT_CHARS } from '../../src/shared/limits';
import { browserCase } from './harness/cases';

const prefixes = aliasPrefixes(Object.values(aliases).flatMap((list) => list.map((a) => a.text)));
const verdict = (): boolean => documentMayName(document, prefixes, SMALL_DOCUMENT_CHARS);

export const cases = {
  'leaves an ad frame alone, and its scripts and styles unread': browserCase({
    html:
      '<div class="ad">Advertisement · <a href="#">Why this ad?</a></div>' +
      '<script>window.metaPixel = "facebook llama";</script><style>.llama-facebook { color: red }</style>' +
      '<noscript>Meta</noscript><template><p>Hugging Face</p></template>',
    run: verdict,
    expected: false,
  }),

  'wants the lens where the text holds an alias, in any case and split across elements': browserCase({
    html: '<p>Weights on <b>HUGG</b>ing face</p>',
    run: verdict,
    expected: true,
  }),

  'wants it when the text grows to hold an alias': browserCase({
    html: '<p id="p">▶ Play 3:42</p>',
    run() {
      const before = verdict();
      document.getElementById('p')!.append(' · Llama 2 explained');
      return [before, verdict()];
    },
    expected: [false, true],
  }),

  'leaves a document with a large text to the lens, whatever it says': browserCase({
    html: `<p>${'An article about alpacas and vicuñas. '.repeat(60)}</p>`,
    run: verdict,
    expected: true,
  }),

  'leaves a document with an open shadow root to the lens, since its text is not read here': browserCase({
    html: '<div id="host"></div>',
    run() {
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Embed</p>';
      return verdict();
    },
    expected: true,
  }),
};
