/** Helpers for cases running inside the page (bundled with them). */
import type { Topic } from '../../../src/shared/dataset';
import { MarkRegistry, type Mark } from '../../../src/content/marks';

export const ALL_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['llama', 'meta', 'hugging-face']);

export function registry(shown: ReadonlySet<Topic> = ALL_TOPICS): MarkRegistry {
  return new MarkRegistry('underline', shown);
}

/** The first text node under `selector` (in `root`) whose text contains `word`. */
export function textWith(word: string, root: ParentNode = document): Text {
  const start = root instanceof Document ? root.body : (root as Node);
  const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(word)) return n as Text;
  throw new Error(`no text node contains ${JSON.stringify(word)}`);
}

/** A mark over `from`…`to` (text node and offset each), as the scan would make it. */
export function markOver(from: [Text, number], to: [Text, number], entity: string, topic: Topic, nodes: Text[] = [from[0], to[0]]): Mark {
  const range = new Range();
  range.setStart(...from);
  range.setEnd(...to);
  return { entity, topic, range, nodes: [...new Set(nodes)] };
}

/** A mark over the first `word` in one text node. */
export function markWord(word: string, entity: string, topic: Topic, root?: ParentNode): Mark {
  const t = textWith(word, root);
  const at = t.data.indexOf(word);
  return markOver([t, at], [t, at + word.length], entity, topic);
}

/** The viewport point at fraction `fx` across and half-way down the `index`th character of a text node. */
export function pointInChar(t: Text, index: number, fx = 0.5): { x: number; y: number } {
  const r = new Range();
  r.setStart(t, index);
  r.setEnd(t, index + 1);
  const rect = r.getBoundingClientRect();
  return { x: rect.left + rect.width * fx, y: rect.top + rect.height / 2 };
}

/** Collects what is logged with console.error while `fn` runs. */
export async function errorsLoggedBy<T>(fn: () => Promise<T>): Promise<{ result: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    return { result: await fn(), logged };
  } finally {
    console.error = original;
  }
}
