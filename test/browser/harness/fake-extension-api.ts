/**
 * The module tests run content-script modules in a plain page, without the extension. Modules that
 * message the background (src/shared/ask.ts) get this stand-in for the WebExtension API, installed
 * before any module reads it (suite.ts imports it first): each case sets what the "background"
 * answers with `answerWith`, and an unset background refuses, as a missing one would.
 */
type Background = (message: { type: string; payload: unknown }) => Promise<unknown>;

let background: Background = () => Promise.reject(new Error('no background in this case'));

/** Answers the page's messages with `handler` (its value is wrapped as the dispatcher wraps it). */
export function answerWith(handler: (type: string, payload: unknown) => Promise<unknown>): void {
  background = async ({ type, payload }) => {
    try {
      return { ok: true, value: await handler(type, payload) };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  };
}

(globalThis as { browser?: unknown }).browser = {
  runtime: {
    id: 'module-tests',
    sendMessage: (message: { type: string; payload: unknown }) => background(message),
    onMessage: { addListener: () => undefined },
  },
  i18n: { getMessage: () => '' },
  storage: { onChanged: { addListener: () => undefined } },
};
