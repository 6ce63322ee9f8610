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
  /** Weight of one character n-gram occurrence (a word occurrence weighs 1). */
  charWeight: number;
  /** Add negation-scoped variants of the tokens that follow a negator. */
  negation: boolean;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  hashBits: 18,
  wordNgrams: 2,
  charMin: 2,
  charMax: 4,
  charWeight: 0.5,
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
  if (t.includes("http") || t.includes("www.")) t = t.replace(/https?:\/\/\S+|www\.\S+/gi, " xxurl ");
  if (t.includes("[")) t = t.replace(/\[(name|religion|[a-z]*)\]/gi, (_m, g: string) => ` xx${g.toLowerCase() || "name"} `);
  if (t.includes("&amp;")) t = t.replace(/&amp;/g, "&");
  if (t.includes("/s")) t = t.replace(/\/s\b/g, " xxsarcasm ");
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

// Same as fnv(seed, s.slice(from, to)) without allocating the substring.
function fnvRange(seed: number, s: string, from: number, to: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
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

// A word's character n-gram hashes, remembered: the same words come back in every sentence pass and
// every entry. Bounded (cleared when full); keyed by the settings that shape the n-grams.
const gramCache = new Map<string, Uint32Array>();
const GRAM_CACHE_MAX = 20000;
function charGrams(tok: string, cfg: FeatureConfig): Uint32Array {
  const key = `${cfg.charMin}${cfg.charMax}${tok}`;
  const hit = gramCache.get(key);
  if (hit) return hit;
  const w = `<${tok}>`;
  const out: number[] = [];
  for (let n = cfg.charMin; n <= cfg.charMax; n++) {
    if (n >= w.length) break;
    for (let i = 0; i + n <= w.length; i++) out.push(fnvRange(SEED_CHAR, w, i, i + n));
  }
  if (gramCache.size >= GRAM_CACHE_MAX) gramCache.clear();
  const grams = Uint32Array.from(out);
  gramCache.set(key, grams);
  return grams;
}

// Counts are gathered in one flat array per hash size (reused across calls, cleared after each) instead
// of a Map: the same sums in a quarter of the time.
const accumulators = new Map<number, Float32Array>();
const touched: number[] = [];

/** Turns a text into a sparse, L2-normalised hashed feature vector. */
export function extractFeatures(text: string, cfg: FeatureConfig): SparseFeatures {
  const mask = (1 << cfg.hashBits) - 1 || 0xffffffff;
  let counts = accumulators.get(cfg.hashBits) ?? new Float32Array(0);
  if (counts.length === 0 && cfg.hashBits <= 20) accumulators.set(cfg.hashBits, (counts = new Float32Array(mask + 1)));
  const sparse = new Map<number, number>();
  const add =
    counts.length === mask + 1
      ? (h: number, w: number): void => {
          const b = (h & mask) >>> 0;
          if (counts[b] === 0) touched.push(b);
          counts[b]! += w;
        }
      : (h: number, w: number): void => {
          const b = (h & mask) >>> 0;
          sparse.set(b, (sparse.get(b) ?? 0) + w);
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
    if (isWord && cfg.charMax > 0 && tok.length > 1) for (const h of charGrams(tok, cfg)) add(h, cfg.charWeight);
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

  let idx: Uint32Array;
  let countOf: (b: number) => number;
  if (counts.length === mask + 1) {
    idx = Uint32Array.from(touched).sort();
    touched.length = 0;
    countOf = (b) => {
      const c = counts[b]!;
      counts[b] = 0;
      return c;
    };
  } else {
    idx = Uint32Array.from(sparse.keys()).sort();
    countOf = (b) => sparse.get(b)!;
  }
  const val = new Float32Array(idx.length);
  let norm = 0;
  for (let i = 0; i < idx.length; i++) {
    // sublinear term frequency
    const c = countOf(idx[i]!);
    const v = c > 1 ? 1 + Math.log(c) : c;
    val[i] = v;
    norm += v * v;
  }
  norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < val.length; i++) val[i]! *= norm;
  return { idx, val };
}

// ---------------------------------------------------------------------------------------------
// Compact model format and raw scoring (shared by the training script and the Worker).
//
// The network: hashed sparse features -> embedding bag (int8 rows, one scale per row) -> ReLU
// hidden layer -> one sigmoid per output. Several such nets may share the vocabulary; their
// probabilities are averaged. Outputs: 28 fine labels, then 7 Ekman groups, then 4 sentiments.
// ---------------------------------------------------------------------------------------------

export const N_FINE = 28;
export const N_EKMAN = 7;
export const N_SENTIMENT = 4;
export const N_OUTPUTS = N_FINE + N_EKMAN + N_SENTIMENT;

/** The committed weights module's shape (plain data; `data` is base64 of the binary blob). */
export interface PackedModel {
  format: 1;
  /** Free-form description (training settings and dev figures). */
  description: string;
  features: FeatureConfig;
  vocabSize: number;
  hidden: number;
  nets: number;
  /** Bits per embedding value (signed, symmetric: values in [-(2^(bits-1)-1), 2^(bits-1)-1]). */
  bits: number;
  /** Weight of the directly trained Ekman heads vs the max of their fine labels' heads. */
  ekmanMix: number;
  /** Weight of the directly trained sentiment heads vs the max of their fine labels' heads. */
  sentimentMix: number;
  /** Decision thresholds (tuned on dev) on the combined scores. */
  thresholds: { fine: number[]; ekman: number[]; sentiment: number[] };
  data: string;
}

export interface Net {
  /** Dequantised embeddings: vocabSize x hidden, row-major. */
  emb: Float32Array;
  /** Dequantisation scale per embedding row. */
  rowScale: Float32Array;
  b1: Float32Array;
  /** hidden x N_OUTPUTS, row-major. */
  out: Float32Array;
  bo: Float32Array;
}

export interface DecodedModel {
  packed: PackedModel;
  /** hash bucket -> embedding row */
  vocab: Map<number, number>;
  /** hash bucket -> embedding row + 1 (0 = not in the vocabulary); 2^hashBits entries. */
  rowOfBucket: Int32Array;
  nets: Net[];
}

/** Row scale codes: scale = 2^((code - SCALE_BIAS) / 16). */
export const SCALE_BIAS = 192;
export function scaleFromCode(code: number): number {
  return Math.pow(2, (code - SCALE_BIAS) / 16);
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Blob layout: vocabulary buckets as LEB128 varints of ascending deltas; then per net:
 * vocabSize scale codes (uint8), vocabSize*hidden embedding values stored as `bits`-bit
 * offset-binary integers packed LSB-first (padded to a whole byte), then float32 (little
 * endian) b1[hidden], out[hidden*N_OUTPUTS], bo[N_OUTPUTS].
 */
export function decodeModel(packed: PackedModel): DecodedModel {
  if (packed.format !== 1) throw new Error(`unsupported emotion model format ${String(packed.format)}`);
  const bytes = base64ToBytes(packed.data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const V = packed.vocabSize;
  const H = packed.hidden;
  let pos = 0;
  const vocab = new Map<number, number>();
  let prev = 0;
  for (let r = 0; r < V; r++) {
    let x = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[pos++]!;
      x += (byte & 0x7f) * Math.pow(2, shift);
      if (byte < 0x80) break;
      shift += 7;
    }
    prev += x;
    vocab.set(prev, r);
  }
  const floats = (n: number): Float32Array => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++, pos += 4) a[i] = view.getFloat32(pos, true);
    return a;
  };
  const nets: Net[] = [];
  for (let k = 0; k < packed.nets; k++) {
    const rowScale = new Float32Array(V);
    for (let r = 0; r < V; r++) rowScale[r] = scaleFromCode(bytes[pos++]!);
    const emb = new Float32Array(V * H);
    const bits = packed.bits;
    const offset = (1 << (bits - 1)) - 1;
    const mask = (1 << bits) - 1;
    let acc = 0;
    let have = 0;
    for (let i = 0; i < emb.length; i++) {
      while (have < bits) {
        acc |= bytes[pos++]! << have;
        have += 8;
      }
      emb[i] = ((acc & mask) - offset) * rowScale[(i / H) | 0]!;
      acc >>>= bits;
      have -= bits;
    }
    const b1 = floats(H);
    const out = floats(H * N_OUTPUTS);
    const bo = floats(N_OUTPUTS);
    nets.push({ emb, rowScale, b1, out, bo });
  }
  if (pos !== bytes.length) throw new Error("emotion model blob has an unexpected length");
  const rowOfBucket = new Int32Array(2 ** packed.features.hashBits);
  for (const [b, r] of vocab) rowOfBucket[b] = r + 1;
  return { packed, vocab, rowOfBucket, nets };
}

/** Raw per-output probabilities (averaged over the nets) for a feature vector. */
export function predictFeatures(model: DecodedModel, f: SparseFeatures): Float32Array {
  const H = model.packed.hidden;
  const table = model.rowOfBucket;
  const probs = new Float32Array(N_OUTPUTS);
  const h = new Float32Array(H);
  const z = new Float32Array(N_OUTPUTS);
  for (let n = 0; n < model.nets.length; n++) {
    const net = model.nets[n]!;
    const emb = net.emb;
    h.set(net.b1);
    for (let i = 0; i < f.idx.length; i++) {
      const r = table[f.idx[i]!]!;
      if (r === 0) continue;
      const s = f.val[i]!;
      const o = (r - 1) * H;
      for (let j = 0; j < H; j++) h[j]! += emb[o + j]! * s;
    }
    z.set(net.bo);
    for (let j = 0; j < H; j++) {
      const hj = h[j]!;
      if (hj <= 0) continue;
      const o = j * N_OUTPUTS;
      for (let k = 0; k < N_OUTPUTS; k++) z[k]! += net.out[o + k]! * hj;
    }
    for (let k = 0; k < N_OUTPUTS; k++) probs[k]! += 1 / (1 + Math.exp(-z[k]!));
  }
  const n = model.nets.length || 1;
  for (let k = 0; k < N_OUTPUTS; k++) probs[k]! /= n;
  return probs;
}

/**
 * Combined scores per level from the raw outputs: fine = fine heads; Ekman / sentiment =
 * mix * direct head + (1 - mix) * max over the group's fine heads.
 */
export function levelScores(
  raw: Float32Array,
  fineToEkman: readonly number[],
  fineToSentiment: readonly number[],
  ekmanMix: number,
  sentimentMix: number,
): { fine: Float32Array; ekman: Float32Array; sentiment: Float32Array } {
  const fine = raw.slice(0, N_FINE);
  const ekMax = new Float32Array(N_EKMAN);
  const seMax = new Float32Array(N_SENTIMENT);
  for (let f = 0; f < N_FINE; f++) {
    const e = fineToEkman[f]!;
    const s = fineToSentiment[f]!;
    if (fine[f]! > ekMax[e]!) ekMax[e] = fine[f]!;
    if (fine[f]! > seMax[s]!) seMax[s] = fine[f]!;
  }
  const ekman = new Float32Array(N_EKMAN);
  for (let e = 0; e < N_EKMAN; e++) ekman[e] = ekmanMix * raw[N_FINE + e]! + (1 - ekmanMix) * ekMax[e]!;
  const sentiment = new Float32Array(N_SENTIMENT);
  for (let s = 0; s < N_SENTIMENT; s++) {
    sentiment[s] = sentimentMix * raw[N_FINE + N_EKMAN + s]! + (1 - sentimentMix) * seMax[s]!;
  }
  return { fine, ekman, sentiment };
}
