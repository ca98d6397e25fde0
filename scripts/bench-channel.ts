/**
 * What copying text to the background costs the sender, in the built extension, against the
 * bench's stand-in. `npm run bench` measures the claim check with a Worker as the background
 * (bench/polyfill-stub.ts); the extension sends `claims/check` through runtime.sendMessage, whose
 * copy may cost more or less. This sends the same pieces both ways from an extension page and
 * prints the time spent on the sender's thread per million characters.
 *
 * Chromium only: in Firefox ESR the same page call did not return within the driver's timeout
 * (not investigated; docs/performance.md says so).
 *
 *   npx tsx scripts/build.ts && npx tsx scripts/bench-channel.ts
 */
import { inMessages } from '../src/claims/pieces';
import type { ClaimPiece } from '../src/shared/claims';
import { launch, type BrowserName } from '../test/e2e/harness/browsers';

/** Characters per round: enough to time, few enough that the background checks them within the driver's timeout. */
const CHARS = 400_000;
const ROUNDS = 5;

/** Prose-like pieces of about 500 characters, each naming two entities, in messages as the content script fills them. */
function requests(): { type: 'claims/check'; payload: { pieces: ClaimPiece[] } }[] {
  const words = 'the model was trained on one trillion tokens and released by Meta in February 2023 as LLaMA'.split(' ');
  let seed = 1;
  const pieces: ClaimPiece[] = [];
  for (let chars = 0; chars < CHARS; ) {
    let text = '';
    while (text.length < 500) text += `${words[(seed = (seed * 48271) % 2147483647) % words.length]} `;
    pieces.push({ text, from: 0, entities: ['llama-1', 'meta'], mentions: [4, 9, 0, 20, 25, 1], own: [0, text.length] });
    chars += text.length;
  }
  return inMessages(pieces, (p) => p).map((part) => ({ type: 'claims/check', payload: { pieces: part } }));
}

for (const name of ['chromium'] as BrowserName[]) {
  const session = await launch(name);
  try {
    const page = await session.openExtensionPage('popup.html');
    const messages = requests();
    const r = await page.evaluate(
      async ({ messages, rounds }) => {
        type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
        const sent = messages.reduce((n, m) => n + m.payload.pieces.reduce((k, p) => k + p.text.length, 0), 0);
        const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = () => postMessage(0)'], { type: 'text/javascript' })));
        const out = { runtime: [] as number[], worker: [] as number[], json: [] as number[], sent };
        for (let round = 0; round < rounds; round++) {
          let ms = 0;
          for (const m of messages) {
            const t = performance.now();
            const reply = api.runtime.sendMessage(m);
            ms += performance.now() - t;
            const answered = (await reply) as { ok?: boolean; error?: string } | undefined;
            if (!answered?.ok) throw new Error(`claims/check refused: ${answered?.error}`);
          }
          out.runtime.push(ms);
          ms = 0;
          for (const m of messages) {
            const t = performance.now();
            worker.postMessage(m.payload);
            ms += performance.now() - t;
            await new Promise((resolve) => {
              worker.onmessage = resolve;
            });
          }
          out.worker.push(ms);
          ms = 0;
          for (const m of messages) {
            const t = performance.now();
            JSON.stringify(m);
            ms += performance.now() - t;
          }
          out.json.push(ms);
        }
        return out;
      },
      { messages, rounds: ROUNDS },
    );
    const perMillion = (a: number[]) => (([...a].sort((x, y) => x - y)[a.length >> 1]! * 1e6) / r.sent).toFixed(1);
    console.log(
      `${name}: ${r.sent.toLocaleString('en')} characters in ${messages.length} messages, sender's time per million characters (median of ${ROUNDS}): ` +
        `runtime.sendMessage ${perMillion(r.runtime)} ms, Worker postMessage ${perMillion(r.worker)} ms, JSON.stringify ${perMillion(r.json)} ms`,
    );
  } finally {
    await session.close();
  }
}
