// A small linear reader of first-person journal sentences (model/train-feelings.ts trains it on the
// team's journal sentences and GoEmotions; weights in data/feelings-model.ts). It names the feeling
// of a sentence that says "I feel …" without a word from the feelings vocabulary ("i feel like nobody
// would notice if i stopped showing up"), where the Reddit-trained model is weakest.
// Hashed words, word pairs and negated words (the emotion model's tokenizer) → one int8 weight per
// bucket and class → softmax. Pure TypeScript; the Worker decodes it once, lazily (local-model.ts).
import { extractFeatures, type FeatureConfig } from "./features.ts";

export const FEELINGS_MODEL_CLASSES = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"] as const;
export type FeelingsModelClass = (typeof FEELINGS_MODEL_CLASSES)[number];

export interface FeelingsModelFile {
  format: 1;
  description: string;
  features: FeatureConfig;
  /** Per class: dequantisation scale of its int8 weights, and its bias. */
  scales: number[];
  bias: number[];
  /** base64 of 2^hashBits × classes int8 weights, bucket-major. */
  data: string;
}

export interface DecodedFeelingsModel {
  file: FeelingsModelFile;
  w: Int8Array;
}

export function decodeFeelingsModel(file: FeelingsModelFile): DecodedFeelingsModel {
  const bin = atob(file.data);
  const w = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) w[i] = (bin.charCodeAt(i) << 24) >> 24;
  if (w.length !== 2 ** file.features.hashBits * FEELINGS_MODEL_CLASSES.length) throw new Error("feelings model has an unexpected size");
  return { file, w };
}

/** Class probabilities (in FEELINGS_MODEL_CLASSES order) for a text. */
export function feelingsModelScores(text: string, model: DecodedFeelingsModel): Float64Array {
  const K = FEELINGS_MODEL_CLASSES.length;
  const f = extractFeatures(text, model.file.features);
  const z = Float64Array.from(model.file.bias);
  for (let i = 0; i < f.idx.length; i++) {
    const o = f.idx[i]! * K;
    const v = f.val[i]!;
    for (let k = 0; k < K; k++) z[k]! += model.w[o + k]! * model.file.scales[k]! * v;
  }
  let max = -Infinity;
  for (const x of z) max = Math.max(max, x);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < K; k++) z[k]! /= sum;
  return z;
}
