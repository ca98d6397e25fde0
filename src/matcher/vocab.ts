/**
 * Domain vocabularies: which words belong to which domain (src/shared/dataset.ts `DOMAINS`). The
 * senses in src/data/senses.json say which domains speak for an entity and which for its everyday
 * rival; the rules in rules.ts weigh them. Words are lower case, matched against whole tokens (a
 * token keeps inner hyphens and apostrophes, so "fine-tuning" is one token; a hyphenated token not
 * listed is looked up part by part).
 *
 * Each list is the core vocabulary of its domain, as a glossary or a thesaurus entry would give it,
 * not the phrases of any corpus: docs/matcher.md says how each was made.
 */
import type { Domain } from '../shared/dataset';

const WORDS: Record<Domain, string> = {
  // Machine learning and language models: the field's glossary (training, weights, inference, the
  // hardware and file formats models run on), and the names of the main model families, labs and
  // libraries, which in running text mean the field.
  ml:
    'llm llms gpt chatgpt openai anthropic claude mistral mixtral gemma qwen deepseek bert transformer transformers ' +
    'checkpoint checkpoints weights fine-tune fine-tuned fine-tuning finetune finetuned finetuning inference ' +
    'gpu gpus cuda vram tpu token tokens tokenizer tokenizers tokenization quantization quantized quantize ' +
    'gguf ggml safetensors pytorch tensorflow jax keras onnx vllm mlx lora qlora peft rlhf sft dpo huggingface ' +
    'embedding embeddings pretrained pre-trained pretraining pre-training prompt prompts prompting chatbot chatbots ' +
    'rag langchain llamaindex ollama multimodal instruct benchmark benchmarks leaderboard parameters dataset datasets ' +
    'neural ai nlp genai generative open-weight open-weights hyperparameters logits attention decoder encoder ' +
    'distillation distilled alignment jailbreak agi ' +
    // German: the same glossary as German tech writing has it.
    'ki sprachmodell sprachmodelle sprachmodells sprachmodellen trainingsdaten gewichte feinabstimmung feinabgestimmt ' +
    'rechenzentrum rechenzentren grafikkarte grafikkarten kontextfenster quantisiert quantisierung',
  // Software development in general: a weak sign (also the vocabulary of non-ML technical text).
  software:
    'model models api apis sdk developer developers platform deploy deploying deployment server serving repo ' +
    'repository github code coding library libraries framework training trained evaluation evaluate evals eval ' +
    'metrics open-source opensource download downloaded locally cloud tutorial workflow workflows ' +
    'app apps documentation docs ide configure config configuration plugin editor python notebook notebooks colab ' +
    'agent agents chat generation research researchers license licence implementation integration cli install ' +
    'variant variants release website bot bots ' +
    'modell modelle modellen modells entwickler entwicklerin entwicklern programmierer plattform plattformen ' +
    'quellcode quelloffen quelloffene quelloffenen herunterladen heruntergeladen lizenz lizenzen bibliothek anwendung anwendungen',
  // Companies and corporate life (ownership, money, people, regulation), Meta's own products and
  // people, and the other large technology companies it is named beside.
  company:
    'company companies corporation corp inc llc ltd firm ceo cto cfo founder co-founder executive executives ' +
    'headquarters hq acquired acquire acquisition merger employees employee shareholders stock shares nasdaq ' +
    'earnings revenue quarterly profit profits investors ipo valuation layoffs antitrust regulator regulators ' +
    'lawsuit lawsuits subsidiary competitors startup startups advertisers advertising billion zuckerberg ' +
    'instagram whatsapp messenger oculus metaverse vr ' +
    'facebook google microsoft apple amazon alphabet oracle yahoo twitter nvidia ibm intel netflix bytedance tiktok ' +
    'konzern konzerns konzerne unternehmen unternehmens firma firmen aktie aktien börse anleger investoren umsatz umsätze ' +
    'gewinn gewinne quartal quartals quartalszahlen milliarden mitarbeiter mitarbeitende beschäftigte chef chefin konzernchef ' +
    'gründer mitgründer vorstand vorstandschef übernahme kartellamt bundeskartellamt wettbewerbshüter datenschutz ' +
    'datenschützer strafe klage aufsichtsbehörde werbung werbekunden',
  // The animal: its relatives, its body, its keeping (husbandry, wool), and the Andes it comes from.
  animal:
    'animal animals pet pets alpaca alpacas camelid camelids guanaco guanacos vicuña vicuñas camel camels ' +
    'mammal mammals ungulate ungulates species wildlife domesticated livestock sheep goat goats mule mules donkey horse ' +
    'wool fiber fibre fleece shearing fur hooves spit spitting cria herd herds herding graze grazing pasture ' +
    'farm farms farmer farmers ranch zoo breed breeds breeding meat veterinary andes andean peru peruvian ' +
    'bolivia bolivian inca incas quechua llamas lama glama ' +
    'tier tiere tierpark lamas alpaka alpakas kamel kamele wolle fell herde weide bauernhof züchter zucht haustier säugetier',
  // Everyday senses of "meta": HTML markup and SEO, the Meta modifier key, meta-analysis in research
  // synthesis, philosophy's meta- fields, and "the meta" of competitive games.
  'meta-word':
    'tag tags element elements attribute attributes html xhtml head charset viewport keywords description robots seo ' +
    'noindex nofollow metadata key keys keyboard keydown keyup ctrl alt shift cmd modifier pressed ' +
    'analysis analyses meta-analysis meta-analyses systematic trials cohort ethics metaethics metaphysics philosophy ' +
    'metagame gaming esports patch deck decks tier players metaprogramming metaclass metaclasses ' +
    'metadaten metaebene metaanalyse taste tasten tastatur tastenkombination metaphysik',
  // HF's other lives: chemistry (hydrogen fluoride), radio (the high-frequency band), quantum
  // chemistry (Hartree–Fock), medicine (heart failure).
  science:
    'acid hydrofluoric fluoride fluorine hydrogen chemical chemistry element atomic molecule molecules compound ' +
    'compounds polar toxic etching radio frequency frequencies band bands mhz khz antenna shortwave amateur ' +
    'transmitter transceiver propagation vhf uhf hartree-fock orbital orbitals quantum dft cardiac heart ' +
    'patients ejection clinical',
  // Affect and greetings: the words the hugging emoji comes with when it means a hug.
  emotion:
    'thanks thank love loved hug hugs happy birthday miss friend friends sweet cute congrats congratulations aww ' +
    'glad sorry dear baby xoxo lol haha hehe omg feel feeling comfort sad',
  // Facebook the product: what people do on a social network.
  social:
    'page pages post posts posted account accounts group groups friend friends profile feed login user users live ' +
    'marketplace like likes status wall timeline fans follow followers share shared comment comments ' +
    'beitrag beiträge posten gepostet postet profil kommentar kommentare freunde pinnwand',
  // Spanish function words: "llama" is also a Spanish verb ("se llama") and noun ("la llama").
  spanish:
    'de del la las los el que por para con se su sus una es está esta según tras sobre hasta desde cómo qué quién ' +
    'muy pero más también nos llamado llamada y',
};

/** Each domain's bit in a word's class mask. */
export const BIT = Object.fromEntries(Object.keys(WORDS).map((d, i) => [d, 1 << i])) as Record<Domain, number>;

/** word → class bits */
export const VOCAB = new Map<string, number>();
for (const [domain, words] of Object.entries(WORDS) as [Domain, string][]) {
  for (const w of words.split(' ')) VOCAB.set(w, (VOCAB.get(w) ?? 0) | BIT[domain]);
}

/**
 * Domains of function words, which say what language a text is in rather than what it is about:
 * one of them is common in English text too ("la", "de" in names), so they count from two.
 */
export const FUNCTION_WORD_DOMAINS = new Set<Domain>(['spanish']);

/** Sizes and versions of checkpoints ("7B", "405b", "1.5B", "8x7B"): model talk. */
const SIZE = String.raw`(?:\d+x)?\d+(?:\.\d+)?[bmk]`;
export const SIZE_TOKEN = new RegExp(`^${SIZE}$`, 'i');

/**
 * Letters outside ASCII that a case-insensitive Unicode RegExp or `toLowerCase` takes for an ASCII
 * letter of the vocabulary, and a RegExp without the `u` flag does not (the Kelvin sign is a "k",
 * the long s an "s"). test/unit/vocab.test.ts checks this list against every BMP character.
 */
export const ASCII_LOOKALIKES: Readonly<Record<string, string>> = { k: '\u212a', s: '\u017f' };

const escapeChar = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One RegExp alternative matching exactly `words`, factored by common prefix (the engine then
 * tries a letter once, not once per word).
 */
function prefixTree(words: string[]): string {
  const byFirst = new Map<string, string[]>();
  let ends = false;
  for (const w of words) {
    if (!w) ends = true;
    else (byFirst.get(w[0]!) ?? byFirst.set(w[0]!, []).get(w[0]!)!).push(w.slice(1));
  }
  const alternatives = [...byFirst].map(([c, rest]) => escapeChar(c) + prefixTree(rest));
  if (!alternatives.length) return '';
  return alternatives.length === 1 && !ends ? alternatives[0]! : `(?:${alternatives.join('|')})${ends ? '?' : ''}`;
}

/** A size where a word may end, for the first pass (the Kelvin sign is a "k" to `toLowerCase`). */
const QUICK_SIZE_AT = new RegExp(String.raw`(?:\d+x)?\d+(?:\.\d+)?[bmk\u212a](?![A-Za-z0-9])`, 'iy');

const LOOKALIKE_KEYS = new Map(Object.entries(ASCII_LOOKALIKES).map(([ascii, other]) => [other.charCodeAt(0), ascii.toUpperCase().charCodeAt(0)]));

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/**
 * A code unit as a case-insensitive RegExp without the `u` flag compares it (its upper case, unless
 * that leaves ASCII or takes more than one unit), with the lookalikes (the long s, the Kelvin sign)
 * taken for the ASCII letters a Unicode RegExp takes them for.
 */
function caseKey(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  const lookalike = LOOKALIKE_KEYS.get(c);
  if (lookalike !== undefined) return lookalike;
  const up = String.fromCharCode(c).toUpperCase();
  return up.length === 1 && up.charCodeAt(0) >= 128 ? up.charCodeAt(0) : c;
}

/**
 * Words as a letter tree in flat arrays: node 0 is the root; node i's children are
 * `keys`/`nodes` from `first[i]` to `first[i + 1]`, keyed by `caseKey`; `ends[i]` when a word ends there.
 */
class LetterTree {
  private readonly first: Int32Array;
  private readonly keys: Uint16Array;
  private readonly nodes: Int32Array;
  private readonly ends: Uint8Array;
  /** The root's children by ASCII key (-1: none): most word starts end at this one lookup. */
  private readonly roots = new Int32Array(128).fill(-1);

  constructor(words: string[]) {
    // Built as nested maps, then laid out breadth first.
    type Draft = { end: boolean; next: Map<number, Draft> };
    const root: Draft = { end: false, next: new Map() };
    for (const w of words) {
      let d = root;
      for (let i = 0; i < w.length; i++) {
        const k = caseKey(w.charCodeAt(i));
        let n = d.next.get(k);
        if (!n) d.next.set(k, (n = { end: false, next: new Map() }));
        d = n;
      }
      d.end = true;
    }
    const order: Draft[] = [root];
    for (let i = 0; i < order.length; i++) order.push(...order[i]!.next.values());
    const index = new Map(order.map((d, i) => [d, i]));
    this.first = new Int32Array(order.length + 1);
    this.keys = new Uint16Array(order.length - 1);
    this.nodes = new Int32Array(order.length - 1);
    this.ends = new Uint8Array(order.length);
    let at = 0;
    order.forEach((d, i) => {
      this.first[i] = at;
      this.ends[i] = d.end ? 1 : 0;
      for (const [k, n] of d.next) {
        this.keys[at] = k;
        this.nodes[at++] = index.get(n)!;
      }
    });
    this.first[order.length] = at;
    for (let j = this.first[0]!; j < this.first[1]!; j++) if (this.keys[j]! < 128) this.roots[this.keys[j]!] = this.nodes[j]!;
  }

  /**
   * The end of the longest word at `start` not followed by an ASCII letter or digit, or -1: what a
   * RegExp of the words as a prefix tree, case-insensitive, with that lookahead, matches there.
   */
  longestAt(text: string, start: number): number {
    const c = text.charCodeAt(start);
    let node = c < 128 ? this.roots[caseKey(c)]! : this.child(0, caseKey(c));
    let best = -1;
    for (let i = start + 1; node >= 0; i++) {
      const next = i < text.length ? text.charCodeAt(i) : -1;
      if (this.ends[node] && !(next >= 0 && isAsciiAlnum(next))) best = i;
      if (next < 0) break;
      node = this.child(node, caseKey(next));
    }
    return best;
  }

  private child(node: number, key: number): number {
    for (let j = this.first[node]!, to = this.first[node + 1]!; j < to; j++) if (this.keys[j] === key) return this.nodes[j]!;
    return -1;
  }

}

/**
 * A search for the words of some domains (`bits`, a class mask; sizes count for machine learning),
 * case-insensitive, where a token or a token's part begins and ends: `exact` is that RegExp.
 * `find` finds exactly what `exact` run from the same position finds, in two passes: a first pass
 * reads the words with ASCII word edges and the lookalike letters (a letter tree for the words, a
 * small RegExp for sizes), and where a match has a neighbour outside ASCII, `exact` decides. As
 * RegExps the words would be hundreds of KB of machine code in every tab: Unicode case folding
 * turns each letter of a 3,000-character prefix tree into a class (docs/performance.md).
 */
export class WordSearch {
  /** Where the match `find` returned ends. */
  end = -1;
  readonly exact: RegExp;
  private readonly words: LetterTree;
  private readonly sizes: boolean;

  constructor(bits: number) {
    const words = [...VOCAB].filter(([, cls]) => cls & bits).map(([w]) => w);
    this.sizes = (bits & BIT.ml) !== 0;
    const exact = [...(words.length ? [prefixTree(words)] : []), ...(this.sizes ? [SIZE] : [])];
    this.exact = new RegExp(exact.length ? `(?<![\\p{L}\\p{N}])(?:${exact.join('|')})(?![\\p{L}\\p{N}])` : '(?!)', 'iuy');
    this.words = new LetterTree(words);
  }

  /** Where the first match at or after `from` starts (its end in `end`), or -1. */
  find(text: string, from: number): number {
    const { exact } = this;
    for (let at = from; at < text.length; at++) {
      if (at > 0 && isAsciiAlnum(text.charCodeAt(at - 1))) continue;
      const c = text.charCodeAt(at);
      let end = -1;
      if (c >= 48 && c <= 57) {
        if (this.sizes) {
          QUICK_SIZE_AT.lastIndex = at;
          if (QUICK_SIZE_AT.test(text)) end = QUICK_SIZE_AT.lastIndex;
        }
      } else end = this.words.longestAt(text, at);
      if (end < 0) continue;
      // Between ASCII characters (or the text's ends) `exact` would match just this: the two read
      // the same letters, and ASCII letters and digits are the only ASCII \p{L}\p{N}. So `exact`
      // runs only beside other characters, and is compiled only if it ever does.
      if ((at === 0 || text.charCodeAt(at - 1) < 128) && (end === text.length || text.charCodeAt(end) < 128)) {
        this.end = end;
        return at;
      }
      exact.lastIndex = at;
      const m = exact.exec(text);
      if (m) {
        this.end = at + m[0].length;
        return at;
      }
      // A match of `exact` may start inside this one ("meta-analysis" holds "analysis").
    }
    return -1;
  }
}

/**
 * Where a word that carries evidence may be: a vocabulary word or a size, case-insensitive, where a
 * token or a token's part begins and ends. Every token `classify` gives a class holds a match
 * (its whole, its part before "'s", or one of its parts is such a word), so the rules look only at
 * the tokens around these matches instead of reading every word of a sentence. A match may also be
 * a token that turns out to have no class ("fine-tuning-free" is read whole, then by its parts).
 */
export const EVIDENCE_WORD = new WordSearch(-1);

/**
 * English suffixes of a hyphenated compound that keep the first part's meaning as a modifier
 * ("Llama-based", "Meta-owned", "HF-compatible"); any other second part makes a new word
 * ("llama-server", "meta-analysis"). Past participles ("-trained", "-funded") are recognised by form.
 */
export const MODIFIER_SUFFIXES = new Set(
  'based like style compatible powered enabled related specific friendly sized class grade family owned backed'.split(' '),
);
