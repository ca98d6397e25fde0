/** Cases for src/content/hit-test.ts in a real page (run by hit-test.browser.test.ts). */
import { markAt } from '../../src/content/hit-test';
import { browserCase } from './harness/cases';
import { markOver, markWord, pointInChar, registry, textWith } from './harness/page-helpers';

const PROSE = '<p style="font: 20px/1.5 monospace; width: 600px">Meta released the weights.</p>';

export const cases = {
  'finds the mark under a point on its first, middle and last character': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      const t = textWith('Meta');
      return [0, 2, 3].map((i) => {
        const p = pointInChar(t, i);
        return markAt(document, marks, p.x, p.y)?.entity ?? null;
      });
    },
    expected: ['meta', 'meta', 'meta'],
  }),

  'finds nothing on the text just after a mark, nor in blank space beside the line': browserCase({
    html: PROSE,
    run() {
      const marks = registry();
      marks.add(markWord('Meta', 'meta', 'meta'));
      const t = textWith('Meta');
      const after = pointInChar(t, 4, 0.2);
      // The caret APIs snap to the nearest text from blank space: well right of the line's end.
      const end = pointInChar(t, t.data.length - 1, 1);
      return {
        after: markAt(document, marks, after.x, after.y)?.entity ?? null,
        blank: markAt(document, marks, end.x + 200, end.y)?.entity ?? null,
        below: markAt(document, marks, pointInChar(t, 1).x, end.y + 200)?.entity ?? null,
      };
    },
    expected: { after: null, blank: null, below: null },
  }),

  'finds one mark from either part of a name split across inline elements': browserCase({
    html: '<p style="font: 20px/1.5 monospace">The <b>Hugging</b> <i>Face</i> Hub</p>',
    run() {
      const marks = registry();
      const hugging = textWith('Hugging');
      const face = textWith('Face');
      const space = hugging.parentNode!.nextSibling as Text;
      const mark = markOver([hugging, 0], [face, 4], 'hugging-face', 'hugging-face', [hugging, space, face]);
      marks.add(mark);
      return [pointInChar(hugging, 1), pointInChar(face, 2)].map((p) => markAt(document, marks, p.x, p.y) === mark);
    },
    expected: [true, true],
  }),

  'finds no mark of a hidden topic': browserCase({
    html: PROSE,
    run() {
      const marks = registry(new Set(['llama']));
      marks.add(markWord('Meta', 'meta', 'meta'));
      const p = pointInChar(textWith('Meta'), 1);
      return markAt(document, marks, p.x, p.y)?.entity ?? null;
    },
    expected: null,
  }),

  'finds a mark inside an open shadow root': browserCase({
    html: '<div id="host"></div>',
    run() {
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p style="font: 20px/1.5 monospace">Hugging Face hosts models.</p>';
      const marks = registry();
      marks.add(markWord('Hugging Face', 'hugging-face', 'hugging-face', shadow));
      const p = pointInChar(textWith('Hugging', shadow), 3);
      return markAt(document, marks, p.x, p.y)?.entity ?? null;
    },
    expected: 'hugging-face',
  }),
};
