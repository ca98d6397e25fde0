import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import aliases from '../../src/data/aliases.json';
import entities from '../../src/data/entities.json';
import { buildDictionary, compileMatcher, pageContext, type DictionaryEntry, type Mention } from '../../src/matcher';
import type { Alias, Topic } from '../../src/shared/dataset';

const dict = buildDictionary(entities as { id: string; topic: Topic }[], aliases as Record<string, Alias[]>);
const matcher = compileMatcher(dict);

/** The marked strings with their entities, as "text→entity", in order. */
function marks(text: string, page = pageContext(text)): string[] {
  return matcher.find(text, page).map((m) => `${text.slice(m.start, m.end)}→${m.entity}`);
}

describe('dictionary', () => {
  it('joins aliases to entity topics and drops aliases of unknown entities', () => {
    const d = buildDictionary([{ id: 'x', topic: 'meta' }], {
      x: [{ text: 'Xco', caseSensitive: true, ambiguous: false }],
      ghost: [{ text: 'Ghost', caseSensitive: true, ambiguous: false }],
    });
    expect(d).toEqual([{ entity: 'x', topic: 'meta', alias: { text: 'Xco', caseSensitive: true, ambiguous: false } }]);
    expect(JSON.parse(JSON.stringify(dict))).toEqual(dict);
  });

  it('gives ambiguous aliases a sense and versioned model names an id stem when the data lacks them', () => {
    const d = buildDictionary([{ id: 'm', topic: 'llama' }], {
      m: [
        { text: 'llama', caseSensitive: false, ambiguous: true },
        { text: 'Llama 9', caseSensitive: false, ambiguous: false },
      ],
    });
    expect(d.map((e) => [e.alias.sense, e.alias.idStem])).toEqual([
      ['animal', undefined],
      [undefined, true],
    ]);
  });

  it('gives only the three topics aliases, never related projects or other companies', () => {
    const ids = new Set(dict.map((e) => e.entity));
    for (const id of ['llama-cpp', 'stanford-alpaca', 'vicuna', 'openai', 'gpt-3', 'fourchan']) expect(ids.has(id)).toBe(false);
  });
});

describe('model names and versions', () => {
  it('resolves each generation, whatever the separator', () => {
    expect(marks('Llama 3.1 beats Llama-3 and LLaMA 2, and Llama2 beats LLaMA-1.')).toEqual([
      'Llama 3.1→llama-3-1',
      'Llama-3→llama-3',
      'LLaMA 2→llama-2',
      'Llama2→llama-2',
      'LLaMA-1→llama-1',
    ]);
    expect(marks('We compare Llama 3.2, Llama 3.3 and Llama 4 on the same GPU.')).toEqual([
      'Llama 3.2→llama-3-2',
      'Llama 3.3→llama-3-3',
      'Llama 4→llama-4',
    ]);
  });

  it('marks whole checkpoint ids and gives the organisation prefix the checkpoint’s generation', () => {
    expect(marks('Load meta-llama/Llama-2-13b-chat-hf with from_pretrained().')).toEqual([
      'meta-llama→llama-2',
      'Llama-2-13b-chat-hf→llama-2',
    ]);
    expect(marks('Both Llama-3.1-70B-Instruct and Meta-Llama-3-8B were quantized.')).toEqual([
      'Llama-3.1-70B-Instruct→llama-3-1',
      'Meta-Llama-3-8B→llama-3',
    ]);
    expect(marks('The leaked llama-65b weights were 120 GB.')).toEqual(['llama-65b→llama-1']);
  });

  it('does not read a longer number as a version', () => {
    // "Llama 20" is not Llama 2; the name alone still counts in model talk.
    expect(marks('The Llama 20 tokens benchmark uses a model.')).toEqual(['Llama→llama-family']);
  });

  it('keeps the mixed-case spelling as the model on its own', () => {
    expect(marks('LLaMA changed open research.')).toEqual(['LLaMA→llama-1']);
  });
});

describe('the animal and other llamas', () => {
  it('leaves the animal alone', () => {
    expect(marks('Our ranch raises a llama for its soft wool.')).toEqual([]);
    expect(marks('A herd of llamas crossed the Andean pass.')).toEqual([]);
    expect(marks('Llama fleece is spun into yarn by farmers in Peru.')).toEqual([]);
    expect(marks('The LLAMA is a domesticated camelid.')).toEqual([]);
  });

  it('takes capitalised Llama as the model in model talk', () => {
    expect(marks('You can fine-tune Llama on one GPU with LoRA.')).toEqual(['Llama→llama-family']);
    expect(marks('Llama models are served behind an API.')).toEqual(['Llama→llama-family']);
  });

  it('leaves Spanish alone', () => {
    expect(marks('Mi perro se llama Rocky.')).toEqual([]);
    expect(marks('La ciudad llama a los vecinos para que voten.')).toEqual([]);
  });

  it('skips projects named after the model', () => {
    expect(marks('Install Ollama, LlamaIndex, TinyLlama, OpenLLaMA and llamafile to run a model.')).toEqual([]);
    expect(marks('Compile llama.cpp, then run llama-server and llama-cli on the GPU.')).toEqual([]);
    expect(marks('Set LLAMA_ARG_CTX_SIZE before starting the model server.')).toEqual([]);
    expect(marks('The `llama` library exposes the inference API.')).toEqual([]);
  });

  it('leaves other names alone', () => {
    expect(marks('At bedtime we read Llama Llama Red Pajama again.')).toEqual([]);
    expect(marks('The Dalai Llama spoke at the temple.')).toEqual([]);
  });
});

describe('Meta', () => {
  it('marks the company with company or model talk around it', () => {
    expect(marks('Meta trained the model on public data and released the weights.')).toEqual(['Meta→meta-platforms']);
    expect(marks('Zuckerberg said Meta will keep its headquarters in Menlo Park.')).toEqual(['Meta→meta-platforms']);
    expect(marks('Meta Platforms and Meta AI published the paper.')).toEqual([
      'Meta Platforms→meta-platforms',
      'Meta AI→meta-ai',
    ]);
  });

  it('handles possessives with straight and curly apostrophes', () => {
    expect(marks('Meta’s Llama 3 and Meta\'s LLaMA are open-weight models.')).toEqual([
      'Meta→meta-platforms',
      'Llama 3→llama-3',
      'Meta→meta-platforms',
      'LLaMA→llama-1',
    ]);
  });

  it('leaves the word meta alone', () => {
    expect(marks('Every page needs a good meta description for search engines.')).toEqual([]);
    expect(marks('Meta tags go in the head element of the HTML document.')).toEqual([]);
    expect(marks('A Meta-analysis pooled twelve trials.')).toEqual([]);
    expect(marks('Shift+Meta+click opens the link; the Meta key is the Command key on a Mac.')).toEqual([]);
    expect(marks('In this patch the meta favours fast decks.')).toEqual([]);
  });

  it('leaves people, places and other companies alone', () => {
    expect(marks('The poet wrote to Meta von Salis in 1884.')).toEqual([]);
    expect(marks('The river flows through the department of Meta in Colombia.')).toEqual([]);
    expect(marks('MetaQuotes, MetaMask and Metal are not Meta products.')).toEqual([]);
  });

  it('tells Facebook the company from Facebook the product', () => {
    expect(marks('Facebook acquired Instagram for a billion dollars.')).toEqual(['Facebook→meta-platforms']);
    expect(marks('Follow us on Facebook for updates.')).toEqual([]);
    expect(marks('Facebook AI Research released the model.')).toEqual(['Facebook AI Research→meta-ai']);
  });

  it('marks FAIR only as the lab', () => {
    expect(marks('FAIR researchers trained the LLM on public tokens.')).toEqual(['FAIR→meta-ai']);
    expect(marks('Publish the data following the FAIR principles.')).toEqual([]);
  });
});

describe('Hugging Face', () => {
  it('marks the company, its domain and its Hub', () => {
    expect(marks('Push the checkpoint to the Hugging Face Hub at huggingface.co/models.')).toEqual([
      'Hugging Face Hub→hugging-face-hub',
      'huggingface.co→hugging-face',
    ]);
    expect(marks('HuggingFace hosts the weights.')).toEqual(['HuggingFace→hugging-face']);
  });

  it('marks HF in model talk only', () => {
    expect(marks('Download the tokenizer from HF before inference.')).toEqual(['HF→hugging-face']);
    expect(marks('Glass is etched with hydrofluoric acid (HF).')).toEqual([]);
    expect(marks('HF radio propagation depends on the ionosphere.')).toEqual([]);
    expect(marks('Export HF_TOKEN and pass --hf-repo to the server.')).toEqual([]);
  });

  it('tells the logo from the hug', () => {
    expect(marks('Install 🤗 Datasets to load the training data.')).toEqual(['🤗→hugging-face']);
    expect(marks('Welcome to the 🤗 Course on language models!')).toEqual(['🤗→hugging-face']);
    expect(marks('Thank you so much, love you! 🤗')).toEqual([]);
    expect(marks('Miss you all 🤗❤️')).toEqual([]);
  });

  it('leaves the ordinary phrase alone', () => {
    expect(marks('The child made a hugging face at her grandmother.')).toEqual([]);
    expect(marks('Two hugging faces smiled from the photo.')).toEqual([]);
  });
});

describe('offsets', () => {
  it('counts UTF-16 code units, including astral characters before a mention', () => {
    const text = '🦙🦙 Meta’s 🤗 Transformers runs LLaMA-2 on 🖥️ GPUs.';
    const found = matcher.find(text, pageContext(text));
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Meta', '🤗 Transformers', 'LLaMA-2']);
    expect(found[0]).toMatchObject({ start: 5, end: 9, topic: 'meta' });
  });

  it('returns sorted, non-overlapping mentions', () => {
    const text = 'Meta Llama 3 on Hugging Face, Meta AI and huggingface.co host Llama-3.1-8B.';
    const found = matcher.find(text);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('respects Unicode word boundaries', () => {
    expect(marks('Dosyayı LLaMAçı değil, éHF or ÄMeta should not match.')).toEqual([]);
  });
});

describe('cost', () => {
  it('compiles a 100,000-alias dictionary and finds the same mentions in a page', () => {
    const page = readFileSync(new URL('../fixtures/model-readme.md', import.meta.url), 'utf8');
    const big: DictionaryEntry[] = [...dict];
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 100_000; i++) {
      let s = 'q';
      for (let k = 0; k < 6 + (i % 7); k++) s += String.fromCharCode(97 + Math.floor(rnd() * 26));
      big.push({ entity: 'synthetic', topic: 'meta', alias: { text: `${s} ${i}`, caseSensitive: false, ambiguous: false } });
    }
    const t0 = performance.now();
    const bigMatcher = compileMatcher(big);
    expect(performance.now() - t0).toBeLessThan(10_000);
    const ctx = pageContext(page.slice(0, 20_000));
    const strip = (ms: Mention[]) => ms.map(({ start, end, entity }) => [start, end, entity]);
    let found = 0;
    for (const block of page.split(/\n\s*\n/)) {
      const expected = strip(matcher.find(block, ctx));
      found += expected.length;
      expect(strip(bigMatcher.find(block, ctx))).toEqual(expected);
    }
    // The fixture is a model README: the comparison means something only if it has mentions.
    expect(found).toBeGreaterThan(20);
  });
});
