/**
 * Context vocabularies: the only rule *data* of the matcher. Each word belongs to one or more
 * classes; the rules in rules.ts weigh the classes found around an ambiguous form. Words are
 * lower case, matched against whole tokens (a token keeps inner hyphens and apostrophes, so
 * "fine-tuning" is one token; a hyphenated token not listed is looked up part by part).
 *
 * The lists describe *domains* (what machine-learning text, text about the animal, about HTML
 * markup... is made of), not phrases of any corpus, so they carry over to unseen pages.
 */

/** Vocabulary of machine learning and language models: a strong sign of the model/company sense. */
export const ML = 1;
/** Software and developer vocabulary: a weak sign (also common in non-ML technical text). */
export const TECH = 2;
/** Companies, corporate life and Meta's products: the company sense of "Meta"/"Facebook". */
export const COMPANY = 4;
/** The animal llama: its relatives, wool, herds, the Andes. */
export const ANIMAL = 8;
/** Everyday senses of the word "meta": HTML meta tags, the Meta key, meta-analysis, "the meta" in games. */
export const WORD_META = 16;
/** HF as hydrofluoric acid, hydrogen fluoride, high frequency radio, heart failure. */
export const SCIENCE = 32;
/** Words that come with the 🤗 emoji when it means a hug. */
export const EMOTION = 64;
/** Facebook the product (a page, a post, friends) rather than the company. */
export const SOCIAL = 128;
/** Spanish function words: "llama" is also a Spanish verb ("se llama") and noun (flame). */
export const SPANISH = 256;

const lists: [number, string][] = [
  [
    ML,
    'llm llms gpt chatgpt openai anthropic claude mistral mixtral gemma qwen deepseek bert transformer transformers ' +
      'checkpoint checkpoints weights fine-tune fine-tuned fine-tuning finetune finetuned finetuning inference ' +
      'gpu gpus cuda vram tpu token tokens tokenizer tokenizers tokenization quantization quantized quantize ' +
      'gguf ggml safetensors pytorch tensorflow jax keras onnx vllm mlx lora qlora peft rlhf sft dpo huggingface ' +
      'embedding embeddings pretrained pre-trained pretraining pre-training prompt prompts prompting chatbot chatbots ' +
      'rag langchain llamaindex ollama multimodal instruct benchmark benchmarks leaderboard parameters dataset datasets ' +
      'neural ai nlp genai generative open-weight open-weights hyperparameters logits attention decoder encoder ' +
      'multilingual distillation distilled alignment jailbreak',
  ],
  [
    TECH,
    'model models api apis sdk developer developers platform deploy deploying deployment server serving repo ' +
      'repository github code coding library libraries framework training trained evaluation evaluate evals eval ' +
      'metrics open-source opensource download downloaded locally cloud tutorial recipes recipe workflows workflow ' +
      'app apps documentation documentations docs ide configure config configuration plugin editor python notebook notebooks colab agent agents vision chat generation research ' +
      'researchers license licence tasks implementation website integration cli install variants release bot bots',
  ],
  [
    COMPANY,
    'company companies corporation corp inc llc ltd ceo cto founder co-founder headquarters hq acquired acquire ' +
      'acquisition employees employee shareholders stock shares nasdaq antitrust subsidiary zuckerberg instagram ' +
      'whatsapp messenger oculus google microsoft apple amazon alphabet oracle yahoo twitter nvidia ibm intel ' +
      'netflix bytedance tiktok startup startups tech silicon menlo advertisers advertising regulators lawsuit ' +
      'facebook metaverse ray-ban quest billion revenue investors team',
  ],
  [
    ANIMAL,
    'animal animals alpaca alpacas camelid camelids guanaco guanacos vicuña vicuñas wool fiber fibre fleece herd ' +
      'herds herding graze grazing grazers pasture farm farms farmer farmers ranch zoo andes andean peru peruvian ' +
      'bolivia bolivian inca incas incan quechua domesticated livestock sheep goat goats camel camels spit spitting ' +
      'meat hooves fur mammal mammals species breed breeds breeding caravan caravans fossil fossils pleistocene ' +
      'digestion pajama pajamas llamas lama glama cria shearing mule mules ungulate ungulates dalai',
  ],
  [
    WORD_META,
    'tag tags element elements attribute attributes html xhtml charset viewport keywords description robots refresh ' +
      'seo noindex nofollow metadata key keys keyboard keydown keyup ctrl alt shift cmd emacs modifier pressed ' +
      'analysis analyses meta-analysis meta-analyses ethics metaphysics philosophy metagame gaming metaprogramming ' +
      'metaclass metaclasses wiki',
  ],
  [
    SCIENCE,
    'acid hydrofluoric fluoride fluorine hydrogen chemical chemistry atomic molecule molecules polar radio frequency ' +
      'frequencies mhz khz antenna shortwave amateur transmitter transceiver propagation ionosphere vhf uhf aircraft ' +
      'aviation cardiac patients ejection hafnium ergonomics',
  ],
  [
    EMOTION,
    'thanks thank love loved hug hugs happy birthday miss friend friends sweet cute congrats congratulations aww ' +
      'glad sorry dear baby xoxo lol haha hehe omg feel feeling comfort sad',
  ],
  [
    SOCIAL,
    'page pages post posts posted account accounts group groups friend friends profile feed login user users live ' +
      'marketplace like likes status wall timeline fans share shared comment comments',
  ],
  [
    SPANISH,
    'de del la las los el que por para con se su sus una es está esta según tras sobre hasta desde cómo qué quién ' +
      'muy pero más también nos llamado llamada y',
  ],
];

/** word → class bits */
export const VOCAB = new Map<string, number>();
for (const [cls, words] of lists) for (const w of words.split(' ')) VOCAB.set(w, (VOCAB.get(w) ?? 0) | cls);

/** Sizes and versions of checkpoints ("7B", "405b", "1.5B", "8x7B", "v2"): model talk. */
export const SIZE_TOKEN = /^(?:\d+x)?\d+(?:\.\d+)?[bmk]$/i;

/**
 * Nouns that "meta" modifies in its everyday senses ("meta tags", "Meta key", "meta description").
 * Seen right after the word, they settle it: the company is not a modifier of these.
 */
export const META_HEADS = new Set(
  ('tag tags element elements key keys description descriptions data information keyword keywords refresh ' +
    'charset title property attribute attributes file files object objects class classes programming program language ' +
    'languages learning analysis analyses level levels game games gaming search ethics physics theory narrative ' +
    'reference package packages method methods character characters box').split(' '),
);

/** Second parts of a hyphenated compound that keep the first part's meaning ("Llama-based", "Meta-owned"). */
export const MODIFIER_SUFFIXES = new Set(
  'based like style compatible powered enabled related specific friendly sized class grade family owned backed'.split(' '),
);

/** Spanish clitics before the verb "llama" ("se llama", "me llama", "lo llama"). */
export const SPANISH_CLITICS = new Set('se me te le lo la nos os les'.split(' '));

/** Name particles that follow a first name ("Meta von Salis"). */
export const NAME_PARTICLES = new Set('von van der de du di da la le bin ibn al el'.split(' '));

/** Determiners and possessives that turn "hugging face" into an ordinary noun phrase ("a hugging face"). */
export const PHRASE_DETERMINERS = new Set('a an his her my your their our its this that every'.split(' '));

/** Prepositions before "Facebook" that mean the product ("posted on Facebook"). */
export const SOCIAL_PREPOSITIONS = new Set('on via onto through'.split(' '));

/**
 * Capitalised words that form one name with our entities ("Meta Llama", "Llama Guard", "Meta Quest",
 * "🤗 Transformers"). Any other capitalised neighbour suggests a different name ("Llama TV", "Ilir Meta").
 */
export const BRAND_PARTS = new Set(
  ('llama code guard stack chat instruct vision text scout maverick behemoth meta quest connect superintelligence ' +
    'reality horizon fair inc facebook research hub transformers datasets tokenizers course accelerate diffusers ' +
    'spaces evaluate optimum gradio hugging face').split(' '),
);

/** Nouns after "FAIR" that make it the adjective or the data principles ("FAIR data", "FAIR use"). */
export const FAIR_WORD_HEADS = new Set('data principles principle use value trade share play game housing dealing enough'.split(' '));

/** Prepositions and verbs that take an organisation: people work "at" it, things come "from" or "by" it. */
export const ORG_PREPOSITIONS = new Set('at by from joined left'.split(' '));
