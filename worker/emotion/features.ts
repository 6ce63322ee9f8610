// Tokenizer and hashed feature extraction for the local emotion model, plus the compact
// weights format and the raw scoring function. Shared by the training script (Node) and the
// Worker (workerd), so it must stay pure: no node: imports and no Worker APIs.

/** Feature-extraction settings; stored in the weights file so training and inference agree. */
export interface FeatureConfig {
  /** Hash space is 2^hashBits buckets. */
  hashBits: number;
  /** Word n-grams up to this order (1 = unigrams only, 2 = + bigrams, 3 = + trigrams). */
  wordNgrams: number;
  /** Character n-grams inside words (with boundary markers); 0 disables them. */
  charMin: number;
  charMax: number;
  /** Add negation-scoped variants of the tokens that follow a negator. */
  negation: boolean;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 22,
  wordNgrams: 2,
  charMin: 3,
  charMax: 5,
  negation: true,
};

/** Inputs longer than this are cut (the Worker must answer quickly whatever it is given). */
export const MAX_INPUT_CHARS = 8000;

const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "nothing",
  "nobody",
  "none",
  "neither",
  "nor",
  "nowhere",
  "cannot",
  "without",
  "hardly",
  "barely",
  "dont",
  "didnt",
  "doesnt",
  "isnt",
  "wasnt",
  "arent",
  "werent",
  "cant",
  "couldnt",
  "wouldnt",
  "shouldnt",
  "wont",
  "havent",
  "hasnt",
  "hadnt",
  "aint",
]);

// Tokens: emoticons, words (letters/digits, inner apostrophes), emoji, runs of ! / ?, ellipsis,
// single other punctuation marks that end a negation scope.
const TOKEN_RE =
  /(?:[:;=]-?[()dpo3/\\|*]|<3|\b[xX]D\b)|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}|[!?]+|\.{2,}|[.,;:]/gu;
const EMOJI_RE = /^\p{Extended_Pictographic}$/u;
const WORDLIKE_RE = /^[\p{L}\p{N}]/u;
const SCOPE_END = new Set([".", ",", ";", ":", "!", "?", "..."]);

/** Normalises the text and splits it into tokens (lower-cased; placeholders such as [NAME] kept). */
export function tokenize(text: string): string[] {
  let t = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  t = t
    .replace(/https?:\/\/\S+|www\.\S+/gi, " xxurl ")
    .replace(/\[(name|religion|[a-z]*)\]/gi, (_m, g: string) => ` xx${g.toLowerCase() || "name"} `)
    .replace(/&amp;/g, "&")
    .replace(/\/s\b/g, " xxsarcasm ");
  const out: string[] = [];
  const allCaps = /\b[A-Z]{3,}\b/.test(t);
  for (const m of t.matchAll(TOKEN_RE)) {
    let tok = m[0];
    if (WORDLIKE_RE.test(tok)) {
      tok = tok.toLowerCase().replace(/’/g, "'");
      // squeeze elongations: "soooo" -> "soo", "hahahaha" stays (handled by char n-grams)
      tok = tok.replace(/(.)\1{2,}/g, "$1$1");
    } else if (tok[0] === "!" || tok[0] === "?") {
      // keep the kind of run but cap its length: "!!!!" -> "!!", "?!?" -> "?!"
      const hasE = tok.includes("!");
      const hasQ = tok.includes("?");
      tok = hasE && hasQ ? "?!" : hasE ? (tok.length > 1 ? "!!" : "!") : tok.length > 1 ? "??" : "?";
    } else if (tok.startsWith("..")) {
      tok = "...";
    } else if (!EMOJI_RE.test(tok) && tok.length > 1) {
      tok = tok.toLowerCase(); // emoticon
    }
    out.push(tok);
  }
  if (allCaps) out.push("xxcaps");
  return out;
}

// 32-bit FNV-1a over UTF-16 code units, seeded by a feature-kind prefix.
function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const SEED_WORD = 0x811c9dc5;
const SEED_NEG = 0x01000193;
const SEED_BI = 0x5bd1e995;
const SEED_TRI = 0x27d4eb2d;
const SEED_CHAR = 0x165667b1;
const SEED_META = 0x9e3779b1;

export interface SparseFeatures {
  /** Hash buckets, unique, ascending. */
  idx: Uint32Array;
  /** Values (L2-normalised). */
  val: Float32Array;
}

/** Turns a text into a sparse, L2-normalised hashed feature vector. */
export function extractFeatures(text: string, cfg: FeatureConfig): SparseFeatures {
  const mask = (1 << cfg.hashBits) - 1 || 0xffffffff;
  const counts = new Map<number, number>();
  const add = (h: number, w: number): void => {
    const b = (h & mask) >>> 0;
    counts.set(b, (counts.get(b) ?? 0) + w);
  };
  const toks = tokenize(text);
  const words: string[] = [];
  let negLeft = 0;
  for (const tok of toks) {
    const isWord = WORDLIKE_RE.test(tok);
    add(fnv(SEED_WORD, tok), 1);
    if (cfg.negation) {
      if (SCOPE_END.has(tok)) negLeft = 0;
      else if (negLeft > 0 && isWord) {
        add(fnv(SEED_NEG, tok), 1);
        negLeft--;
      }
      if (isWord && (NEGATORS.has(tok) || tok.endsWith("n't"))) negLeft = 3;
    }
    if (isWord && cfg.charMax > 0 && tok.length > 1) {
      const w = `<${tok}>`;
      for (let n = cfg.charMin; n <= cfg.charMax; n++) {
        if (n >= w.length) break;
        for (let i = 0; i + n <= w.length; i++) add(fnv(SEED_CHAR, w.slice(i, i + n)), 0.5);
      }
    }
    words.push(tok);
  }
  if (cfg.wordNgrams >= 2) {
    const seq = ["<s>", ...words, "</s>"];
    for (let i = 0; i + 1 < seq.length; i++) add(fnv(SEED_BI, `${seq[i]} ${seq[i + 1]}`), 1);
    if (cfg.wordNgrams >= 3) {
      for (let i = 0; i + 2 < seq.length; i++) add(fnv(SEED_TRI, `${seq[i]} ${seq[i + 1]} ${seq[i + 2]}`), 1);
    }
  }
  // length cue
  const n = words.length;
  add(fnv(SEED_META, n <= 3 ? "len:short" : n <= 12 ? "len:mid" : "len:long"), 1);

  const idx = Uint32Array.from(counts.keys()).sort();
  const val = new Float32Array(idx.length);
  let norm = 0;
  for (let i = 0; i < idx.length; i++) {
    // sublinear term frequency
    const c = counts.get(idx[i]!)!;
    const v = c > 1 ? 1 + Math.log(c) : c;
    val[i] = v;
    norm += v * v;
  }
  norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < val.length; i++) val[i]! *= norm;
  return { idx, val };
}
