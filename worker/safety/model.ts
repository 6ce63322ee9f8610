// The safety screen's second reader: a small network (one hidden layer) over hashed words, word
// pairs, negated words and word families of the normal form, trained by model/train-safety.ts on
// labelled phrasings. The patterns catch what they know precisely; the model catches phrasings no
// pattern foresaw ("I keep picturing my funeral"). Shared by the training script (Node) and the
// Worker, so it stays pure.
import { z } from "zod";
import { CLAUSE_BREAKS, CONCEPTS, NEGATORS } from "./vocabulary.ts";

/** The weights file's shape, checked when the Worker loads it. */
export const SafetyModelSchema = z.object({
  description: z.string(),
  hashBits: z.number().int().min(8).max(20),
  hidden: z.number().int().min(1).max(64),
  /** The embedding of each bucket (hidden values each), int8 in base64, divided by `scale`. */
  embedding: z.string(),
  scale: z.number().positive(),
  hiddenBias: z.array(z.number()),
  /** Output weights over the hidden units: crisis, and distress (concern or crisis). */
  output: z.object({ crisis: z.array(z.number()), distress: z.array(z.number()) }),
  outputBias: z.object({ crisis: z.number(), distress: z.number() }),
  /** Probabilities at or above which the model's reading counts, chosen on held-out phrasings. */
  thresholds: z.object({ crisis: z.number().min(0).max(1), distress: z.number().min(0).max(1) }),
});
export type SafetyModelFile = z.infer<typeof SafetyModelSchema>;

export interface SafetyModel {
  mask: number;
  hidden: number;
  /**
   * bucket * hidden + unit, kept as the int8 values of the file: a quarter of the memory of floats,
   * so the rows a long entry touches stay in the processor's cache. Multiply sums by `unscale`.
   */
  embedding: Int8Array;
  unscale: number;
  hiddenBias: Float32Array;
  output: { crisis: Float32Array; distress: Float32Array };
  outputBias: { crisis: number; distress: number };
  thresholds: { crisis: number; distress: number };
}

const CONCEPT_NAMES = Object.keys(CONCEPTS);
/** Bits of a word's entry in WORD_BITS above its concept families. */
const IS_NEGATOR = 1 << 30;
const IS_CLAUSE_BREAK = 1 << 29;
if (CONCEPT_NAMES.length > 29) throw new Error("safety model: at most 29 concept families fit beside the word flags");
/**
 * Word → its concept families (one bit each) and whether it is a negator or a clause break: one
 * lookup per word, since on a long entry the lookups are most of the model's work.
 */
const WORD_BITS = new Map<string, number>();
CONCEPT_NAMES.forEach((name, i) => {
  for (const word of CONCEPTS[name]!) WORD_BITS.set(word, (WORD_BITS.get(word) ?? 0) | (1 << i));
});
for (const word of NEGATORS) WORD_BITS.set(word, (WORD_BITS.get(word) ?? 0) | IS_NEGATOR);
for (const word of CLAUSE_BREAKS) WORD_BITS.set(word, (WORD_BITS.get(word) ?? 0) | IS_CLAUSE_BREAK);
const CONCEPT_MASK = (1 << CONCEPT_NAMES.length) - 1;
const CONCEPT_SEED = 0x1b873593;

const mix = (a: number, b: number) => (Math.imul(a ^ (b >>> 7), 0x9e3779b1) ^ b) >>> 0;
const NEGATED = 0x5bd1e995;
const STEM = 0x27d4eb2d;
const NEGATION_SCOPE = 3;
/** Long words also count by their first letters, so "overdosed", "overdosing" and "overdose" share weight. */
const STEM_LENGTH = 5;

/**
 * Feature buckets of one span of words: each word (and the stem of a long one), each pair of
 * neighbours, and the words within a few words after a negator marked as negated ("not" +
 * "suicidal" is not "suicidal").
 */
export function featureBuckets(words: readonly string[], mask: number): number[] {
  const n = writeFeatureBuckets(words, mask);
  return Array.from(scratch.subarray(0, n));
}

/** Where writeFeatureBuckets puts a span's buckets (grown as needed, reused across calls). */
let scratch = new Int32Array(1024);

/** Writes the feature buckets of `words` (see featureBuckets) into `scratch` and returns how many. */
function writeFeatureBuckets(words: readonly string[], mask: number): number {
  // At most four buckets a word, plus the concept families and their pairs.
  const most = words.length * 4 + CONCEPT_NAMES.length * CONCEPT_NAMES.length;
  if (scratch.length < most) scratch = new Int32Array(most * 2);
  const out = scratch;
  let n = 0;
  let previous = 0;
  let negatedFor = 0;
  let concepts = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // FNV-1a of the word, keeping the hash of its first letters on the way (the stem's hash).
    let h = 0x811c9dc5;
    let stem = 0;
    for (let c = 0; c < w.length; c++) {
      h = Math.imul(h ^ w.charCodeAt(c), 0x01000193);
      if (c === STEM_LENGTH - 1) stem = h >>> 0;
    }
    h >>>= 0;
    out[n++] = h & mask;
    if (w.length > STEM_LENGTH + 1) out[n++] = mix(stem, STEM) & mask;
    if (i > 0) out[n++] = mix(previous, h) & mask;
    if (negatedFor > 0) {
      out[n++] = mix(h, NEGATED) & mask;
      negatedFor--;
    }
    const bits = WORD_BITS.get(w) ?? 0;
    if (bits & IS_NEGATOR) negatedFor = NEGATION_SCOPE;
    else if (bits & IS_CLAUSE_BREAK) negatedFor = 0;
    previous = h;
    concepts |= bits & CONCEPT_MASK;
  }
  // Each concept family present, and each pair of families that meet in the span.
  for (let a = 0; a < CONCEPT_NAMES.length; a++) {
    if ((concepts & (1 << a)) === 0) continue;
    out[n++] = mix(CONCEPT_SEED, a + 1) & mask;
    for (let b = a + 1; b < CONCEPT_NAMES.length; b++) if (concepts & (1 << b)) out[n++] = mix(CONCEPT_SEED, (a + 1) * 64 + b + 1) & mask;
  }
  return n;
}

/**
 * Adds the (int8) embeddings of the buckets of `words` into `into` from `offset` on (hidden values
 * each) and returns how many buckets there were.
 */
export function addWordEmbeddings(model: SafetyModel, words: readonly string[], into: Float32Array, offset: number): number {
  const n = writeFeatureBuckets(words, model.mask);
  const h = model.hidden;
  const embedding = model.embedding;
  const buckets = scratch;
  for (let k = 0; k < n; k++) {
    const at = buckets[k]! * h;
    for (let u = 0; u < h; u++) into[offset + u]! += embedding[at + u]!;
  }
  return n;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Where spanLogits leaves its answer: crisis, then distress. */
export const SPAN_LOGITS = new Float64Array(2);

/**
 * The logits for a span whose embeddings sum to `sum` (from `offset`) over `count` buckets, into
 * SPAN_LOGITS: the sum is divided by the square root of the count so that a long span of ordinary
 * words cannot pile up. Logits, not probabilities, so that a long entry's many spans are compared
 * without an exponential each.
 */
export function spanLogits(model: SafetyModel, sum: Float32Array, offset: number, count: number): void {
  const norm = model.unscale / Math.sqrt(Math.max(1, count));
  let crisis = model.outputBias.crisis;
  let distress = model.outputBias.distress;
  for (let u = 0; u < model.hidden; u++) {
    const a = Math.max(0, model.hiddenBias[u]! + sum[offset + u]! * norm);
    crisis += a * model.output.crisis[u]!;
    distress += a * model.output.distress[u]!;
  }
  SPAN_LOGITS[0] = crisis;
  SPAN_LOGITS[1] = distress;
}

export const probability = sigmoid;

export function decodeSafetyModel(file: SafetyModelFile): SafetyModel {
  const parsed = SafetyModelSchema.parse(file);
  const text = atob(parsed.embedding);
  const embedding = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) embedding[i] = text.charCodeAt(i);
  const size = 1 << parsed.hashBits;
  if (embedding.length !== size * parsed.hidden) throw new Error("safety model: the embedding does not fill the hash space");
  if (parsed.hiddenBias.length !== parsed.hidden || parsed.output.crisis.length !== parsed.hidden || parsed.output.distress.length !== parsed.hidden) {
    throw new Error("safety model: layer sizes disagree");
  }
  return {
    mask: size - 1,
    hidden: parsed.hidden,
    embedding,
    unscale: 1 / parsed.scale,
    hiddenBias: Float32Array.from(parsed.hiddenBias),
    output: { crisis: Float32Array.from(parsed.output.crisis), distress: Float32Array.from(parsed.output.distress) },
    outputBias: parsed.outputBias,
    thresholds: parsed.thresholds,
  };
}
