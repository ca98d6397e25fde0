import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import aliases from '../../src/data/aliases.json';
import entities from '../../src/data/entities.json';
import { buildDictionary, compileMatcher, pageContext, type DictionaryEntry, type Mention } from '../../src/matcher';
import { Trie, type TrieHit } from '../../src/matcher/automaton';
import type { Alias, Topic } from '../../src/shared/dataset';

const dict = buildDictionary(entities as { id: string; topic: Topic }[], aliases as Record<string, Alias[]>);
const matcher = compileMatcher(dict);

/** The marked strings with their entities, as "text→entity", in order. */
function marks(text: string, page = pageContext(text)): string[] {
  return matcher.find(text, page).map((m) => `${text.slice(m.start, m.end)}→${m.entity}`);
}

/**
 * The page a block sits on. Every rule test runs on both: a "leaves X alone" test must hold even on a
 * page about models (where the page lends every candidate evidence), and a "marks X" test even on a
 * page about nothing (where only the sentence speaks), so each fails when its rule is removed.
 */
const PAGES = {
  'an ML page': pageContext(
    'Fine-tuning large language models: load the checkpoint and tokenizer, quantize the weights to GGUF, ' +
      'run inference on a GPU with CUDA, compare benchmarks on the leaderboard, and serve the model behind an API. ' +
      'Prompts, embeddings, LoRA adapters, RLHF and datasets are covered too.',
  ),
  'a neutral page': pageContext('Opening hours, directions and the weekly newsletter of the village hall.'),
};

describe('dictionary', () => {
  it('joins aliases to entity topics and drops aliases of unknown entities', () => {
    const d = buildDictionary([{ id: 'x', topic: 'meta' }], {
      x: [{ text: 'Xco', caseSensitive: true, ambiguous: false }],
      ghost: [{ text: 'Ghost', caseSensitive: true, ambiguous: false }],
    });
    expect(d).toEqual([{ entity: 'x', topic: 'meta', alias: { text: 'Xco', caseSensitive: true, ambiguous: false } }]);
    expect(JSON.parse(JSON.stringify(dict))).toEqual(dict);
  });

  it('refuses an alias whose sense is not defined, naming it', () => {
    const d = buildDictionary([{ id: 'm', topic: 'llama' }], { m: [{ text: 'llama', caseSensitive: false, ambiguous: true, sense: 'animl' }] });
    expect(() => compileMatcher(d)).toThrow('alias "llama" of entity "m" names the sense "animl", which src/data/senses.json does not define');
  });

  it('gives only the three topics aliases, never related projects or other companies', () => {
    const ids = new Set(dict.map((e) => e.entity));
    for (const id of ['llama-cpp', 'stanford-alpaca', 'vicuna', 'openai', 'gpt-3', 'fourchan']) expect(ids.has(id)).toBe(false);
  });
});

describe.each(Object.entries(PAGES))('on %s', (_, page) => {
  const on = (text: string) => marks(text, page);

  describe('model names and versions', () => {
    it('resolves each generation, whatever the separator', () => {
      expect(on('Llama 3.1 beats Llama-3 and LLaMA 2, and Llama2 beats LLaMA-1.')).toEqual([
        'Llama 3.1→llama-3-1',
        'Llama-3→llama-3',
        'LLaMA 2→llama-2',
        'Llama2→llama-2',
        'LLaMA-1→llama-1',
      ]);
    });

    it('marks whole checkpoint ids and gives the organisation prefix the checkpoint’s generation', () => {
      expect(on('Load meta-llama/Llama-2-13b-chat-hf with from_pretrained().')).toEqual(['meta-llama→llama-2', 'Llama-2-13b-chat-hf→llama-2']);
      expect(on('Both Llama-3.1-70B-Instruct and Meta-Llama-3-8B were quantized.')).toEqual([
        'Llama-3.1-70B-Instruct→llama-3-1',
        'Meta-Llama-3-8B→llama-3',
      ]);
      expect(on('The leaked llama-65b weights were 120 GB.')).toEqual(['llama-65b→llama-1']);
    });

    it('does not read a longer number as a version', () => {
      expect(on('Llama 20 tokens per second on the model server.')).toEqual(['Llama→llama-family']);
    });

    it('skips file, module and host names', () => {
      expect(on('Compile llama.cpp and read LLaMA.swift on ai.meta.com.')).toEqual([]);
    });
  });

  describe('the animal and other llamas', () => {
    it('leaves the animal alone', () => {
      expect(on('Our ranch raises a llama for its soft wool.')).toEqual([]);
      expect(on('Llama fleece is spun into yarn by farmers in Peru.')).toEqual([]);
      expect(on('The LLAMA is a domesticated camelid.')).toEqual([]);
      expect(on('Every llama wool sweater is hand-knitted.')).toEqual([]);
    });

    it('takes capitalised Llama as the model in model talk', () => {
      expect(on('You can fine-tune Llama on one GPU with LoRA.')).toEqual(['Llama→llama-family']);
      expect(on('Llama models are served behind an API.')).toEqual(['Llama→llama-family']);
    });

    it('takes the name before a model size as the model', () => {
      expect(on('We compared Llama 70B with the old one.')).toEqual(['Llama→llama-family']);
      expect(on('we ran llama 70b on two cards.')).toEqual(['llama→llama-family']);
    });

    it('takes the name before a noun of its field as the model', () => {
      expect(on('someone leaked the llama weights last week.')).toEqual(['llama→llama-family']);
    });

    it('lets the page settle a plain sentence about the model', () => {
      expect(on('Our team switched to Llama last spring.')).toEqual(page.ml ? ['Llama→llama-family'] : []);
    });

    it('takes names built with the model name as the model', () => {
      expect(on('Code Llama was announced with little fanfare.')).toEqual(['Llama→llama-family']);
      expect(on('Llama Guard was announced with little fanfare.')).toEqual(['Llama→llama-family']);
    });

    it('leaves Spanish alone', () => {
      expect(on('Mi perro se llama Rocky.')).toEqual([]);
      expect(on('La ciudad convoca y llama a los vecinos para que voten.')).toEqual([]);
    });

    it('skips projects and identifiers named after the model', () => {
      expect(on('Install Ollama, LlamaIndex, TinyLlama, OpenLLaMA and llamafile to run a model.')).toEqual([]);
      expect(on('Then run llama-server and llama-cli on the GPU.')).toEqual([]);
      expect(on('Set LLAMA_ARG_CTX_SIZE, open r/llama and pip install go-llama.')).toEqual([]);
      expect(on('The `llama` library exposes the inference API.')).toEqual([]);
    });

    it('keeps modifier compounds', () => {
      expect(on('A Llama-based assistant runs on the GPU.')).toEqual(['Llama→llama-family']);
    });

    it('leaves other names alone', () => {
      expect(on('At bedtime we read Llama Llama Red Pajama again.')).toEqual([]);
      expect(on('The Dalai Llama spoke at the temple.')).toEqual([]);
    });
  });

  describe('Meta', () => {
    it('marks the company with company or model talk around it', () => {
      expect(on('Meta trained the model on public data and released the weights.')).toEqual(['Meta→meta-platforms']);
      expect(on('Zuckerberg said Meta will keep its headquarters in California.')).toEqual(['Meta→meta-platforms']);
      // Business news names the company by what it sells and whom it answers to.
      expect(on('Reality Labs, Meta\u2019s VR division, lost billions last year.')).toEqual(['Meta→meta-platforms']);
      expect(on('Meta faces lawsuits from several states and a quarterly drop in revenue.')).toEqual(['Meta→meta-platforms']);
    });

    it('marks the company beside an unambiguous mention', () => {
      expect(on('Llama 3 is here, and Meta says it is faster.')).toEqual(['Llama 3→llama-3', 'Meta→meta-platforms']);
    });

    it('marks the company after a preposition that takes an organisation', () => {
      expect(on('She spent four years at Meta before her sabbatical.')).toEqual(['Meta→meta-platforms']);
    });

    it('marks a company name before a model name, both ways vouching', () => {
      expect(on('Meta’s Llama was the talk of the town.')).toEqual(['Meta→meta-platforms', 'Llama→llama-family']);
      expect(on('meta llama is what everyone wanted.')).toEqual(['meta→meta-platforms', 'llama→llama-family']);
    });

    it('marks the company and its model named together in a sentence', () => {
      expect(on('Critics accuse Meta of calling Llama open source.')).toEqual(['Meta→meta-platforms', 'Llama→llama-family']);
      expect(on('A llama grazed while the meta of the game shifted.')).toEqual([]);
    });

    it('marks the company in lower case in company talk', () => {
      expect(on('Last year meta bought a startup and its shares rose.')).toEqual(['meta→meta-platforms']);
    });

    it('marks the company’s own products as its names', () => {
      expect(on('I tried the Meta Quest headset yesterday.')).toEqual(['Meta→meta-platforms']);
    });

    it('leaves the word meta alone', () => {
      expect(on('Every page needs a good meta description for search engines.')).toEqual([]);
      expect(on('Meta tags go in the head element of the HTML document.')).toEqual([]);
      expect(on('A Meta-analysis pooled twelve trials.')).toEqual([]);
      expect(on('Shift+Meta+click opens the link.')).toEqual([]);
      expect(on('We use a meta model to combine the other models.')).toEqual([]);
      expect(on('In this patch the meta favours fast decks.')).toEqual([]);
      expect(on('Meta learning lets a model teach itself to fine-tune.')).toEqual([]);
    });

    it('leaves people and other names alone', () => {
      expect(on('The letters of Ilir Meta were published.')).toEqual([]);
      expect(on('The award went to Meta L. Brandt.')).toEqual([]);
      expect(on('MetaQuotes, MetaMask and Metal sponsor the fair.')).toEqual([]);
    });

    it('tells Facebook the company from Facebook the product', () => {
      expect(on('Facebook acquired Instagram for a billion dollars.')).toEqual(['Facebook→meta-platforms']);
      expect(on('Follow us on Facebook for updates.')).toEqual([]);
      expect(on('Like our Facebook page for updates.')).toEqual([]);
      expect(on('The lab shared its new model weights on Facebook.')).toEqual([]);
      expect(on('Facebook AI Research released the model.')).toEqual(['Facebook AI Research→meta-ai']);
    });

    it('marks FAIR only as the lab', () => {
      expect(on('FAIR researchers trained the LLM on public tokens.')).toEqual(['FAIR→meta-ai']);
      expect(on('Publish the data following the FAIR principles and FAIR data.')).toEqual([]);
    });
  });

  describe('German', () => {
    it('reads a name joined to a German noun by a hyphen, the noun as its head', () => {
      expect(on('Die Meta-Aktie stieg nach den Quartalszahlen deutlich.')).toEqual(['Meta→meta-platforms']);
      expect(on('Die Llama-Modelle laufen auch auf einem Laptop.')).toEqual(['Llama→llama-family']);
    });

    it('leaves the everyday compounds alone, and English hyphenated names as before', () => {
      expect(on('Die Meta-Tags einer Seite beschreiben ihren Inhalt für Suchmaschinen.')).toEqual([]);
      expect(on('Die Meta-Analyse fasst zwölf Studien zusammen.')).toEqual([]);
      expect(on('Die Meta-Daten einer Datei nennen ihren Autor.')).toEqual([]);
      expect(on('The project was first discussed at Meta-Wikipedia.')).toEqual([]);
    });

    it('reads the German genitive of the company', () => {
      expect(on('Metas Sprachmodell Llama 3 ist frei verfügbar.')).toEqual(['Metas→meta-platforms', 'Llama 3→llama-3']);
    });

    it('reads German company talk', () => {
      expect(on('Der Konzern Meta meldete einen höheren Umsatz.')).toEqual(['Meta→meta-platforms']);
      // German capitalises its nouns: "Tech-Riese" before the name makes no longer name.
      expect(on('Der Tech-Riese Meta meldete einen höheren Umsatz.')).toEqual(['Meta→meta-platforms']);
      expect(on('Laut Bundeskartellamt darf Meta Daten aus seinen Diensten nicht zusammenführen.')).toEqual(['Meta→meta-platforms']);
    });

    it('tells Facebook the product after a German preposition', () => {
      expect(on('Auf Facebook teilen viele Nutzer Fotos ihrer Kinder.')).toEqual([]);
    });
  });

  describe('Hugging Face', () => {
    it('marks the company, its domain and its Hub', () => {
      expect(on('Push the checkpoint to the Hugging Face Hub at huggingface.co/models.')).toEqual([
        'Hugging Face Hub→hugging-face-hub',
        'huggingface.co→hugging-face',
      ]);
    });

    it('marks HF in model talk only', () => {
      expect(on('Download the tokenizer from HF before inference.')).toEqual(['HF→hugging-face']);
      expect(on('Glass is etched with hydrofluoric acid (HF).')).toEqual([]);
      expect(on('HF radio propagation depends on the sky.')).toEqual([]);
      expect(on('Export HF_TOKEN and pass --hf-repo to the server.')).toEqual([]);
    });

    it('tells the logo from the hug', () => {
      expect(on('Install 🤗 Datasets to load the training data.')).toEqual(['🤗→hugging-face']);
      expect(on('Welcome to the 🤗 Course!')).toEqual(['🤗→hugging-face']);
      expect(on('Thank you so much, love you! 🤗')).toEqual([]);
      expect(on('See you at the weekend 🤗❤️')).toEqual([]);
    });

    it('leaves the ordinary phrase alone', () => {
      expect(on('The child made a hugging face at her grandmother.')).toEqual([]);
      expect(on('Send the hugging face emoji to say thanks.')).toEqual([]);
    });

    it('leaves the emoji\u2019s own name alone', () => {
      // Unicode names 🤗 "Hugging Face"; a capitalised name before "emoji" is that name, not the company.
      expect(on('The Hugging Face emoji is one of the most used smileys on social media.')).toEqual([]);
      expect(on('Hugging Face\u2019s emoji logo 🤗 appears on every model card.')).toEqual(['Hugging Face→hugging-face', '🤗→hugging-face']);
    });

    it('lets a name that is no mention vouch for nothing beside it', () => {
      // On a page about nothing in particular only the name beside it could speak for the 🤗.
      expect(marks('The Hugging Face emoji 🤗 is a smiley with open hands.', PAGES['a neutral page'])).toEqual([]);
    });
  });

  describe('labels in site chrome', () => {
    it('never marks an ambiguous name that stands alone as a link or button label', () => {
      expect(matcher.find('Facebook', page, 'label')).toEqual([]);
      expect(matcher.find('Meta', page, 'label')).toEqual([]);
      const text = 'Share: Meta Llama 3';
      expect(matcher.find(text, page, 'label').map((m) => text.slice(m.start, m.end))).toEqual(['Meta', 'Llama 3']);
    });
  });
});

describe('the sentence around a candidate', () => {
  const neutral = PAGES['a neutral page'];
  // A lower-case "llama" needs two words of the field in its sentence; text without sentence ends
  // gives it SENTENCE_WINDOW_CHARS (300) on each side, and a word the window's edge cuts counts whole.
  const filler = (words: number) => ' aa'.repeat(words);

  it('counts a field word the window cuts at its start, not one wholly outside it', () => {
    // "inference" ends 9 characters in: with 98 fillers the window starts inside it, with 100 after it.
    expect(marks(`inference${filler(98)} llama runs on a gpu`, neutral)).toEqual(['llama→llama-family']);
    expect(marks(`inference${filler(100)} llama runs on a gpu`, neutral)).toEqual([]);
  });

  it('counts a field word the window cuts at its end, not one wholly outside it', () => {
    // The window ends 300 characters after "llama" (at 305): "inference" starts 2 before that, or 1 after.
    const tail = (spaces: number) => `llama on a gpu${' '.repeat(spaces)}inference`;
    expect(marks(tail(289), neutral)).toEqual(['llama→llama-family']);
    expect(marks(tail(292), neutral)).toEqual([]);
  });

  it('reads a field word inside a compound, and a size', () => {
    expect(marks('a llama on a gpu', neutral)).toEqual([]);
    expect(marks('an llm-powered llama on a gpu', neutral)).toEqual(['llama→llama-family']);
    expect(marks('a 1.5B llama on a gpu', neutral)).toEqual(['llama→llama-family']);
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
    // How long compiling takes is the bench's business (npm run bench), not a test's.
    const bigMatcher = compileMatcher(big);
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
  }, 60_000);
});

describe('where aliases may start', () => {
  /**
   * Every position where the trie's exact word-start RegExp (`exact`) matches and the trie holds an
   * alias starting there: what `nextStart`, with its plain first pass, must reach.
   */
  function expectedStarts(trie: Trie, exact: RegExp, text: string): number[] {
    const hits: TrieHit[] = [];
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      exact.lastIndex = i;
      if (!exact.test(text)) continue;
      trie.walk(text, i, hits);
      if (hits.length) out.push(i);
    }
    return out;
  }
  function reached(trie: Trie, text: string): number[] {
    const hits: TrieHit[] = [];
    const out: number[] = [];
    for (let i = trie.nextStart(text, 0); i >= 0; i = trie.nextStart(text, i + 1)) {
      trie.walk(text, i, hits);
      if (hits.length) out.push(i);
    }
    return out;
  }

  it('reaches every alias the exact RegExp allows, beside ASCII and other units, with few aliases and with aliases of every letter', () => {
    const small = new Trie();
    dict.forEach((d, i) => small.add(d.alias.text, i, d.alias.caseSensitive));
    // Every letter starts an alias here, as in a large dictionary.
    const large = new Trie();
    dict.forEach((d, i) => large.add(d.alias.text, i, d.alias.caseSensitive));
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let k = 0; k < letters.length; k++) large.add(`${letters[k]}${letters[(k * 7) % 26]}x`, dict.length + k, false);
    // And aliases that start outside ASCII, so the plain pass must stop at every such unit.
    large.add('élan', dict.length + 26, false);
    large.add('Ñu', dict.length + 27, false);
    // The exact word-start RegExp of each, built once (`seal` compiles it).
    const tries = [small, large].map((t): [Trie, RegExp] => [t, t.seal()]);
    const words = ['llama', 'Meta', 'HF', 'hugging face', '🤗', 'ax', 'Bhx', 'sox', 'ſox', '\u212aox', 'kox', 'meta-llama', 'LLaMA-2', 'élan', 'ÉLAN', 'ñu'];
    const around = ['', ' ', '-', '_', 'a', 'Z', '7', '.', 'é', 'ñ', 'Ä', '\u0301', 'ß', '🤗', '中', '\u00a0'];
    let seed = 5;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length]!;
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const text = `${pick(around)}${pick(words)}${pick(around)}${pick(around)}${pick(words)}${pick(around)} ${pick(words)}`;
      for (const [trie, exact] of tries) {
        const expected = expectedStarts(trie, exact, text);
        found += expected.length;
        expect(reached(trie, text), JSON.stringify(text)).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(4000);
  });
});

describe('sentences written to probe the matcher', () => {
  // test/fixtures/mention-probes.json: sentences the project wrote (not from any corpus) where the
  // three names meet their look-alikes: business news, web and keyboard docs, meta-analysis, games,
  // the animal, Spanish, emoji, radio and chemistry, model ids. Each is its own page. `must`: marks a
  // reader expects; `may`: marks a reader would accept (Code Llama, an Ollama tag); anything else is
  // a false mark. Probing found "the Hugging Face emoji" taken for the company.
  const probes = JSON.parse(readFileSync(new URL('../fixtures/mention-probes.json', import.meta.url), 'utf8')) as { text: string; must: string[]; may: string[] }[];
  it.each(probes.map((p) => [p.text, p] as const))('%s', (text, { must, may }) => {
    const found = matcher.find(text, pageContext(text)).map((m) => `${text.slice(m.start, m.end)} → ${m.topic}`);
    for (const f of found) expect([...must, ...may], `${text}\n  marked: ${f}`).toContain(f);
    for (const m of must) expect(found, `${text}\n  missed: ${m}`).toContain(m);
  });
});
