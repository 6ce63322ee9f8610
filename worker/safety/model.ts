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
  /** bucket * hidden + unit */
  embedding: Float32Array;
  hiddenBias: Float32Array;
  output: { crisis: Float32Array; distress: Float32Array };
  outputBias: { crisis: number; distress: number };
  thresholds: { crisis: number; distress: number };
}

const CONCEPT_NAMES = Object.keys(CONCEPTS);
/** Word → bit mask of the concept families it belongs to. */
const CONCEPT_OF = new Map<string, number>();
CONCEPT_NAMES.forEach((name, i) => {
  for (const word of CONCEPTS[name]!) CONCEPT_OF.set(word, (CONCEPT_OF.get(word) ?? 0) | (1 << i));
});
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
  const out: number[] = [];
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
    out.push(h & mask);
    if (w.length > STEM_LENGTH + 1) out.push(mix(stem, STEM) & mask);
    if (i > 0) out.push(mix(previous, h) & mask);
    if (negatedFor > 0) {
      out.push(mix(h, NEGATED) & mask);
      negatedFor--;
    }
    if (NEGATORS.has(w)) negatedFor = NEGATION_SCOPE;
    else if (CLAUSE_BREAKS.has(w)) negatedFor = 0;
    previous = h;
    concepts |= CONCEPT_OF.get(w) ?? 0;
  }
  // Each concept family present, and each pair of families that meet in the span.
  for (let a = 0; a < CONCEPT_NAMES.length; a++) {
    if ((concepts & (1 << a)) === 0) continue;
    out.push(mix(CONCEPT_SEED, a + 1) & mask);
    for (let b = a + 1; b < CONCEPT_NAMES.length; b++) if (concepts & (1 << b)) out.push(mix(CONCEPT_SEED, (a + 1) * 64 + b + 1) & mask);
  }
  return out;
}

/** Adds the embeddings of `buckets` into `into` (length: hidden). */
/** Adds the embeddings of `buckets` into `into`, from `offset` on (hidden values). */
export function addEmbeddings(model: SafetyModel, buckets: readonly number[], into: Float32Array, offset = 0): void {
  const h = model.hidden;
  for (const b of buckets) {
    const at = b * h;
    for (let u = 0; u < h; u++) into[offset + u]! += model.embedding[at + u]!;
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The probabilities for a span whose embeddings sum to `sum` over `count` buckets: the sum is
 * divided by the square root of the count so that a long span of ordinary words cannot pile up.
 */
export function spanProbabilities(model: SafetyModel, sum: Float32Array, count: number, hiddenOut?: Float32Array): { crisis: number; distress: number } {
  const norm = 1 / Math.sqrt(Math.max(1, count));
  let crisis = model.outputBias.crisis;
  let distress = model.outputBias.distress;
  for (let u = 0; u < model.hidden; u++) {
    const a = Math.max(0, model.hiddenBias[u]! + sum[u]! * norm);
    if (hiddenOut) hiddenOut[u] = a;
    crisis += a * model.output.crisis[u]!;
    distress += a * model.output.distress[u]!;
  }
  return { crisis: sigmoid(crisis), distress: sigmoid(distress) };
}

export function decodeSafetyModel(file: SafetyModelFile): SafetyModel {
  const parsed = SafetyModelSchema.parse(file);
  const bytes = Uint8Array.from(atob(parsed.embedding), (c) => c.charCodeAt(0));
  const embedding = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) embedding[i] = ((bytes[i]! << 24) >> 24) / parsed.scale;
  const size = 1 << parsed.hashBits;
  if (embedding.length !== size * parsed.hidden) throw new Error("safety model: the embedding does not fill the hash space");
  if (parsed.hiddenBias.length !== parsed.hidden || parsed.output.crisis.length !== parsed.hidden || parsed.output.distress.length !== parsed.hidden) {
    throw new Error("safety model: layer sizes disagree");
  }
  return {
    mask: size - 1,
    hidden: parsed.hidden,
    embedding,
    hiddenBias: Float32Array.from(parsed.hiddenBias),
    output: { crisis: Float32Array.from(parsed.output.crisis), distress: Float32Array.from(parsed.output.distress) },
    outputBias: parsed.outputBias,
    thresholds: parsed.thresholds,
  };
}
