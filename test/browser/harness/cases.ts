/**
 * The shape of a module test that runs inside a page: `run` observes what the module does in a
 * real browser and returns plain data; the runner compares it with `expected` (vitest's diff), so
 * a case states its whole outcome in one place. A case that throws fails with the page's error.
 */
export interface BrowserCase<T = unknown> {
  /** The page's body for this case (each case gets a freshly loaded page). */
  html: string;
  run(): T | Promise<T>;
  expected: T;
}

/** Keeps each case's `expected` typed against what its `run` returns. */
export function browserCase<T>(c: BrowserCase<T>): BrowserCase<T> {
  return c;
}

export type BrowserCases = Record<string, BrowserCase>;
