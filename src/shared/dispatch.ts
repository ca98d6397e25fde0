/**
 * The one receiver of requests, for the background and the content script alike (the senders are in
 * ./ask): it refuses anything not sent by our own extension, checks the message against a request
 * map of ./messages, runs the handler for its type and wraps the outcome in a Reply, so that a
 * failure reaches the caller as a sentence and nothing that arrives can throw.
 */
import type * as v from 'valibot';
import { parseRequest, type Reply } from './messages';

/** One handler per request type of map `M`, answering with the response type `R` names for it. */
export type Handlers<M extends Record<string, v.GenericSchema>, R extends { [K in keyof M]: unknown }, S> = {
  [K in keyof M]: (payload: v.InferOutput<M[K]>, sender: S) => R[K] | Promise<R[K]>;
};

export function dispatcher<M extends Record<string, v.GenericSchema>, R extends { [K in keyof M]: unknown }, S extends { id?: string }>(
  map: M,
  handlers: Handlers<M, R, S>,
  extensionId: string,
): (message: unknown, sender: S) => Promise<Reply<unknown>> {
  return async (message, sender) => {
    if (sender.id !== extensionId) {
      console.error('[llama-lens] refused a message from another sender', sender.id);
      return { ok: false, error: 'unknown sender' };
    }
    const parsed = parseRequest(map, message);
    if (!parsed.ok) {
      console.error('[llama-lens] refused a malformed message:', parsed.error);
      return parsed;
    }
    try {
      const handler = handlers[parsed.type] as (payload: unknown, sender: S) => unknown;
      return { ok: true, value: await handler(parsed.payload, sender) };
    } catch (error) {
      console.error(`[llama-lens] ${parsed.type} failed`, error);
      return { ok: false, error: `${parsed.type} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
