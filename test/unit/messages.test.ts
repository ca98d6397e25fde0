/**
 * The background's message boundary: anything that is not a well-formed request from our own
 * extension is refused with a sentence saying why, and nothing that reaches it throws.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backgroundRequests, contentRequests, parseRequest, type Reply } from '../../src/shared/messages';
import { createHandlers, type Services } from '../../src/background/handlers';
import { dispatcher } from '../../src/shared/dispatch';
import { openData } from '../../src/background/data';
import { openDatabase } from '../../src/background/db';
import { CLAIM_CHARS_PER_MESSAGE, CLAIM_PIECE_MAX_CHARS, MAX_IDS_PER_REQUEST, MAX_QUERY_CHARS, PAGE_SAMPLE_CHARS, SMALL_DOCUMENT_CHARS } from '../../src/shared/limits';
import { pageContext } from '../../src/matcher';
import type { CheckedPieces } from '../../src/shared/claims';
import { forEachClaim } from '../../src/claims/pieces';
import { BUNDLED } from '../../src/background/bundle';
const OUR_ID = 'llama-leak-lens@example.org';

let counter = 0;
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

function services(overrides: Partial<Services> = {}): Services {
  const name = `lens-messages-${++counter}`;
  return {
    data: openData(BUNDLED, () => openDatabase(name)),
    openEntry: async () => undefined,
    injectLens: async () => undefined,
    notesChanged: async () => undefined,
    ...overrides,
  };
}

/** Sends a message as our own extension would, and checks the reply is a Reply whatever happens. */
async function send(message: unknown, s = services(), sender: { id?: string } = { id: OUR_ID }): Promise<Reply<unknown>> {
  const reply = await dispatcher(backgroundRequests, createHandlers(s), OUR_ID)(message, sender);
  expect(Object.keys(reply).sort()).toEqual(reply.ok ? ['ok', 'value'] : ['error', 'ok']);
  return reply;
}

function errorOf(reply: Reply<unknown>): string {
  expect(reply.ok).toBe(false);
  return reply.ok ? '' : reply.error;
}

describe('parseRequest', () => {
  it.each([
    ['null', null],
    ['a string', 'status/get'],
    ['a number', 42],
    ['an array', [{ type: 'status/get' }]],
    ['undefined', undefined],
  ])('refuses %s as not an object', (_label, message) => {
    expect(parseRequest(backgroundRequests, message)).toEqual({ ok: false, error: 'message is not an object' });
  });

  it.each([
    [{ payload: {} }, 'unknown message type "undefined"'],
    [{ type: 'nope', payload: {} }, 'unknown message type "nope"'],
    [{ type: 7 }, 'unknown message type "7"'],
    // Inherited names must not reach a handler lookup.
    [{ type: 'toString' }, 'unknown message type "toString"'],
    [{ type: '__proto__' }, 'unknown message type "__proto__"'],
    [{ type: 'page/mentions', payload: {} }, 'unknown message type "page/mentions"'],
  ])('refuses an unknown type: %j', (message, error) => {
    expect(parseRequest(backgroundRequests, message)).toEqual({ ok: false, error });
  });

  it('cuts a huge unknown type short in its error', () => {
    const result = parseRequest(backgroundRequests, { type: 'x'.repeat(10_000) });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.length).toBeLessThan(120);
  });

  it.each([
    ['ids not an array', { type: 'entities/get', payload: { ids: 'llama-1' } }, /^bad entities\/get request at ids: /],
    ['an id not a string', { type: 'entities/get', payload: { ids: ['llama-1', 3] } }, /^bad entities\/get request at ids\.1: /],
    ['an empty id', { type: 'entities/get', payload: { ids: [''] } }, /^bad entities\/get request at ids\.0: /],
    ['an over-long id', { type: 'entities/get', payload: { ids: ['x'.repeat(101)] } }, /^bad entities\/get request at ids\.0: /],
    [
      'too many ids',
      { type: 'entities/get', payload: { ids: Array.from({ length: MAX_IDS_PER_REQUEST + 1 }, (_, i) => `e${i}`) } },
      /^bad entities\/get request at ids: .*200/,
    ],
    ['no ids', { type: 'entities/get', payload: {} }, /^bad entities\/get request at ids: /],
    ['an extra key', { type: 'entities/get', payload: { ids: [], all: true } }, /^bad entities\/get request at all: /],
    ['a query not a string', { type: 'search', payload: { query: ['llama'] } }, /^bad search request at query: /],
    ['an over-long query', { type: 'search', payload: { query: 'a'.repeat(MAX_QUERY_CHARS + 1) } }, /^bad search request at query: .*200/],
    ['a payload on an empty request', { type: 'status/get', payload: { verbose: true } }, /^bad status\/get request at verbose: /],
    ['a payload that is not an object', { type: 'status/get', payload: 'please' }, /^bad status\/get request: /],
    ['an entry id not a string', { type: 'entry/open', payload: { id: 1 } }, /^bad entry\/open request at id: /],
  ])('refuses a bad payload: %s', (_label, message, error) => {
    const result = parseRequest(backgroundRequests, message);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(error);
  });

  it('accepts well-formed requests, at their limits too, with a missing payload meaning {}', () => {
    expect(parseRequest(backgroundRequests, { type: 'status/get' })).toEqual({ ok: true, type: 'status/get', payload: {} });
    const ids = Array.from({ length: MAX_IDS_PER_REQUEST }, (_, i) => `e${i}`);
    expect(parseRequest(backgroundRequests, { type: 'entities/get', payload: { ids } })).toEqual({ ok: true, type: 'entities/get', payload: { ids } });
    const query = 'q'.repeat(MAX_QUERY_CHARS);
    expect(parseRequest(backgroundRequests, { type: 'search', payload: { query } })).toEqual({ ok: true, type: 'search', payload: { query } });
    expect(parseRequest(contentRequests, { type: 'page/step', payload: { direction: -1 } })).toMatchObject({ ok: true, payload: { direction: -1 } });
    expect(parseRequest(contentRequests, { type: 'page/step', payload: { direction: 2 } })).toMatchObject({ ok: false });
  });
});

describe('the background\'s dispatcher', () => {
  it('answers valid requests from our own extension with {ok: true, value}', async () => {
    const s = services();
    const status = await send({ type: 'status/get', payload: {} }, s);
    expect(status).toEqual({
      ok: true,
      value: { datasetVersion: BUNDLED.version, datasetDate: BUNDLED.date, storage: { kind: 'indexeddb' } },
    });

    const got = await send({ type: 'entities/get', payload: { ids: ['hugging-face', 'nope', 'llama-1'] } }, s);
    expect(got.ok).toBe(true);
    const views = got.ok ? (got.value as { entities: { id: string; facts: unknown[] }[] }).entities : [];
    expect(views.map((e) => e.id)).toEqual(['hugging-face', 'llama-1']);
    expect(views[1]!.facts.length).toBe(BUNDLED.facts.filter((f) => f.entity === 'llama-1').length);

    const found = await send({ type: 'search', payload: { query: 'hugging' } }, s);
    expect(found.ok && (found.value as { hits: { id: string }[] }).hits[0]?.id).toBe('hugging-face');

    const dictionary = await send({ type: 'dictionary/get', payload: {} }, s);
    expect(dictionary.ok && (dictionary.value as { version: string }).version).toBe(BUNDLED.version);
  });

  it('says whether a small document names anything, as the content script would match it', async () => {
    const s = services();
    const ask = async (title: string, texts: string[]) => {
      const r = await send({ type: 'text/mentions', payload: { title, blocks: texts.map((text) => ({ text, kind: 'prose' })) } }, s);
      return r.ok ? (r.value as { active: boolean; found: boolean }) : r.error;
    };
    expect(await ask('Sponsored', ['Advertisement', 'Why this ad?'])).toEqual({ active: true, found: false });
    expect(await ask('', ['Meta released Llama 2 in July 2023.'])).toEqual({ active: true, found: true });
    // The animal: a candidate the rules reject is not a mention.
    expect(await ask('Llama - Wikipedia', ['The llama is a domesticated South American camelid.'])).toEqual({ active: true, found: false });
    expect(await ask('', ['x'.repeat(SMALL_DOCUMENT_CHARS), 'Meta'])).toMatch(/^bad text\/mentions request at blocks/);
  });

  it('measures what a page is about from its sample, as the content script would, and refuses a sample over the limit', async () => {
    const s = services();
    const measure = async (sample: string) => {
      const r = await send({ type: 'page/context', payload: { sample } }, s);
      return r.ok ? r.value : r.error;
    };
    const sample = 'Llama - Wikipedia\nThe llama is a domesticated South American camelid, kept by herders in the Andes for wool and meat.';
    expect(await measure(sample)).toEqual(pageContext(sample));
    expect(await measure('x'.repeat(PAGE_SAMPLE_CHARS + 1))).toMatch(/^bad page\/context request at sample/);
  });

  it('checks the blocks a page sends, sentence by sentence, and answers with where each claim is and what its popover shows', async () => {
    const s = services();
    const text = 'Meta is a company. Meta unveiled LLaMA on February 27, 2023. Meta also unveiled LLaMA on February 24, 2023.';
    const at = (word: string, from = 0) => text.indexOf(word, from);
    const first = at('LLaMA');
    // Three numbers a mention: start, end, and the index of its entity.
    const mentions = [0, 4, 0, at('Meta', 1), at('Meta', 1) + 4, 0, first, first + 5, 1, at('LLaMA', first + 1), at('LLaMA', first + 1) + 5, 1];
    const r = await send({ type: 'claims/check', payload: { pageDate: '2023-03-01', pieces: [{ text, from: 0, entities: ['meta', 'llama-1'], mentions, own: [0, text.length] }] } }, s);
    expect(r.ok).toBe(true);
    const { findings, claims } = (r as { value: CheckedPieces }).value;
    const said: [number, string, string][] = [];
    forEachClaim(claims, (piece, start, end, finding) => said.push([piece, text.slice(start, end), findings[finding]!.verdict]));
    expect(said).toEqual([
      [0, 'February 27, 2023', 'contradicted'],
      [0, 'February 24, 2023', 'supported'],
    ]);
    const f = findings[claims[3]!]!;
    expect([f.attribute, f.entity, f.pageDate]).toEqual(['release-date', 'llama-1', '2023-03-01']);
    expect(f.truths[0]!.sources[0]!.url).toMatch(/^https:/);
    // The family's popover lists a claim about one of its generations.
    expect(f.about).toEqual(expect.arrayContaining(['llama-1', 'llama-family']));
  });

  it('checks each sentence of a long block once, in the piece that owns its first mention', async () => {
    const s = services();
    const sentence = 'Meta unveiled LLaMA on February 27, 2023. ';
    const filler = 'Nothing else happened that day. '.repeat(40);
    const text = `${sentence}${filler}${sentence}`;
    const second = text.lastIndexOf(sentence);
    const mentionsAt = (base: number) => [base, base + 4, 0, base + 14, base + 19, 1];
    // Two overlapping pieces, each holding both sentences, as a cut long block gives them.
    const entities = ['meta', 'llama-1'];
    const pieces = [
      { text, from: 0, entities, mentions: [...mentionsAt(0), ...mentionsAt(second)], own: [0, second] },
      { text: text.slice(10), from: 10, entities, mentions: mentionsAt(second), own: [second, text.length] },
    ];
    const r = await send({ type: 'claims/check', payload: { pieces } }, s);
    const { claims } = (r as { value: CheckedPieces }).value;
    const day = sentence.indexOf('February');
    const at: [number, number][] = [];
    forEachClaim(claims, (piece, start) => at.push([piece, start]));
    expect(at).toEqual([
      [0, day],
      [1, second + day],
    ]);
  });

  it('refuses claim checks that are not text of a page, saying why', async () => {
    const s = services();
    const piece = (text: string, mentions: number[] = [0, 4, 0], entities = ['meta']) => ({ text, from: 0, entities, mentions, own: [0, text.length] });
    const ask = (payload: unknown) => send({ type: 'claims/check', payload }, s);
    expect(errorOf(await ask({ pieces: [piece('x'.repeat(CLAIM_PIECE_MAX_CHARS + 1))] }))).toMatch(/^bad claims\/check request at pieces/);
    const full = 'Meta.'.padEnd(CLAIM_PIECE_MAX_CHARS);
    expect(errorOf(await ask({ pieces: Array.from({ length: CLAIM_CHARS_PER_MESSAGE / CLAIM_PIECE_MAX_CHARS + 1 }, () => piece(full)) }))).toMatch(
      /^bad claims\/check request at pieces: more than 50000 characters in one message/,
    );
    expect(errorOf(await ask({ pageDate: 'March 2023', pieces: [] }))).toMatch(/^bad claims\/check request at pageDate/);
    expect(errorOf(await ask({ pieces: [piece('Meta.', [0.5, 4, 0])] }))).toMatch(/^bad claims\/check request at pieces/);
    expect(errorOf(await ask({ pieces: [piece('Meta.', [])] }))).toMatch(/^bad claims\/check request at pieces/);
    expect(errorOf(await ask({ pieces: [piece('Meta.', [0, 4, 0, 4])] }))).toMatch(/mentions must be start, end and entity index, three numbers each/);
    expect(errorOf(await ask({ pieces: [piece('Meta.', [0, 4, 1])] }))).toMatch(/mentions must be start, end and entity index, three numbers each/);
    expect(errorOf(await ask({ pieces: [{ ...piece('Meta.'), own: [0] }] }))).toMatch(/^bad claims\/check request at pieces/);
    // Well-formed, but the mention lies past the end of its piece: refused by the checker, clearly.
    expect(errorOf(await ask({ pieces: [piece('Met')] }))).toMatch(/^claims\/check failed: a mention \(0–4\) lies outside its piece \(0–3\)/);
  });

  it('injects the lens into the frame that asked, and into no frame for a sender outside a tab', async () => {
    const injectLens = vi.fn(async () => undefined);
    const s = services({ injectLens });
    expect(await send({ type: 'lens/load' }, s, { id: OUR_ID, tab: { id: 7 }, frameId: 3 } as { id: string })).toEqual({ ok: true, value: null });
    expect(injectLens).toHaveBeenCalledWith(7, 3);
    expect(errorOf(await send({ type: 'lens/load' }, s, { id: OUR_ID }))).toMatch(/^lens\/load failed: the sender is not a page in a tab/);
    expect(injectLens).toHaveBeenCalledTimes(1);
  });

  it('passes the checked payload to the handler', async () => {
    const openEntry = vi.fn(async () => undefined);
    expect(await send({ type: 'entry/open', payload: { id: 'llama-1' } }, services({ openEntry }))).toEqual({ ok: true, value: null });
    expect(openEntry).toHaveBeenCalledWith('llama-1');
  });

  it.each([
    ['another extension', { id: 'someone-else@example.org' }],
    ['a sender without an id', {}],
  ])('refuses a message from %s before looking at it', async (_label, sender) => {
    const openEntry = vi.fn(async () => undefined);
    const reply = await send({ type: 'entry/open', payload: { id: 'llama-1' } }, services({ openEntry }), sender);
    expect(errorOf(reply)).toBe('unknown sender');
    expect(openEntry).not.toHaveBeenCalled();
  });

  it.each([
    ['a non-object', 'status/get', 'message is not an object'],
    ['an unknown type', { type: 'drop/all' }, 'unknown message type "drop/all"'],
    ['a bad payload', { type: 'entities/get', payload: { ids: 'llama-1' } }, /^bad entities\/get request at ids/],
    ['an extra key', { type: 'search', payload: { query: 'x', limit: 1e9 } }, /^bad search request at limit/],
  ])('refuses %s without throwing', async (_label, message, error) => {
    const openEntry = vi.fn(async () => undefined);
    const reply = await send(message, services({ openEntry }));
    expect(errorOf(reply)).toMatch(error);
    expect(openEntry).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into {ok: false} naming the message type', async () => {
    const reply = await send(
      { type: 'entry/open', payload: { id: 'llama-1' } },
      services({ openEntry: () => Promise.reject(new Error('tabs.create refused')) }),
    );
    expect(reply).toEqual({ ok: false, error: 'entry/open failed: tabs.create refused' });
  });

  it('turns a data failure into {ok: false} naming the message type', async () => {
    const reply = await send({ type: 'status/get' }, services({ data: Promise.reject(new Error('no data')) }));
    expect(reply).toEqual({ ok: false, error: 'status/get failed: no data' });
  });

  it('builds the dictionary once for every frame that asks, and retries one that failed to build', async () => {
    let calls = 0;
    const real = await openData(BUNDLED, () => Promise.reject(new DOMException('private mode', 'InvalidStateError')));
    const counted = {
      ...real,
      store: { ...real.store, dictionaryParts: () => (++calls === 1 ? Promise.reject(new Error('busy')) : real.store.dictionaryParts()) },
    };
    const answer = dispatcher(backgroundRequests, createHandlers(services({ data: Promise.resolve(counted) })), OUR_ID);
    const ask = () => answer({ type: 'dictionary/get', payload: {} }, { id: OUR_ID });
    expect(await ask()).toEqual({ ok: false, error: 'dictionary/get failed: busy' });
    const frames = await Promise.all([ask(), ask(), ask()]);
    expect(calls).toBe(2);
    expect(frames[0]!.ok && (frames[0]!.value as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    expect(frames[1]).toEqual(frames[0]);
    expect(frames[2]).toEqual(frames[0]);
  });

  it('retries a search whose index failed to build instead of caching the failure', async () => {
    let calls = 0;
    const real = await openData(BUNDLED, () => Promise.reject(new DOMException('private mode', 'InvalidStateError')));
    const flaky = {
      ...real,
      store: {
        ...real.store,
        allEntities: () => (++calls === 1 ? Promise.reject(new Error('busy')) : real.store.allEntities()),
      },
    };
    const s = services({ data: Promise.resolve(flaky) });
    const answer = dispatcher(backgroundRequests, createHandlers(s), OUR_ID);
    const first = await answer({ type: 'search', payload: { query: 'meta' } }, { id: OUR_ID });
    expect(first).toEqual({ ok: false, error: 'search failed: busy' });
    const second = await answer({ type: 'search', payload: { query: 'meta' } }, { id: OUR_ID });
    expect(second.ok).toBe(true);
    expect(calls).toBe(2);
  });
});
