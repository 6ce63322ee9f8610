// Trains the journal-sentence reader (worker/emotion/feelings-model.ts): softmax regression on hashed
// words, word pairs and negated words, over the team's journal sentences (model/data/
// journal-feelings.train-*.tsv) and single-label GoEmotions train comments (CC BY 4.0) for breadth.
// Writes worker/emotion/data/feelings-model.ts. Prints its own reading of dair-emotion validation and
// of the team's journal dev sentences, which may choose settings (decisions) but are never trained on.
//
//   npm run model:train-feelings [-- --bits 14 --epochs 8 --lr 0.2 --l2 1e-6 --goemotions 12000 --go-weight 0.4 --dry-run]
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EKMAN_EMOTIONS } from "../worker/emotion/taxonomy.ts";
import { extractFeatures, type FeatureConfig, type SparseFeatures } from "../worker/emotion/features.ts";
import { FEELINGS_MODEL_CLASSES, feelingsModelScores, decodeFeelingsModel, type FeelingsModelFile } from "../worker/emotion/feelings-model.ts";
import { loadDairValidation, loadJournalFeelings, loadLabelledTsv, loadSplit, singleLabelF1, type LabelledSentence } from "./dataset.ts";

const root = join(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const BITS = arg("bits", 14);
const EPOCHS = arg("epochs", 8);
const LR = arg("lr", 0.2);
const L2 = arg("l2", 1e-6);
const GOEMOTIONS = arg("goemotions", 0);
const GO_WEIGHT = arg("go-weight", 0.4);
const DRY_RUN = process.argv.includes("--dry-run");
const K = FEELINGS_MODEL_CLASSES.length;
const features: FeatureConfig = { hashBits: BITS, wordNgrams: 2, charMin: 0, charMax: 0, charWeight: 0, negation: true };

let seed = 20261129;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

// The team's sentences.
const dataDir = join(import.meta.dirname, "data");
const files = readdirSync(dataDir).filter((f) => /^journal-feelings\.train-[a-z0-9]+\.tsv$/.test(f)).sort();
const own: LabelledSentence[] = files.flatMap((f) => loadLabelledTsv(join(dataDir, f)));
// GoEmotions train comments with exactly one Ekman group, evenly spaced.
const single = loadSplit("train").filter((e) => e.ekman.length === 1);
const step = Math.max(1, Math.floor(single.length / Math.max(1, GOEMOTIONS)));
const go: LabelledSentence[] = GOEMOTIONS > 0 ? single.filter((_, i) => i % step === 0).map((e) => ({ text: e.text, emotion: EKMAN_EMOTIONS[e.ekman[0]!]! })) : [];
console.log(`training on ${own.length} team sentences (${files.join(", ")}) and ${go.length} GoEmotions comments (weight ${GO_WEIGHT})`);

interface Example {
  f: SparseFeatures;
  y: number;
  weight: number;
}
const copy = (f: SparseFeatures): SparseFeatures => ({ idx: f.idx.slice(), val: f.val.slice() });
const examples: Example[] = [
  ...own.map((s) => ({ f: copy(extractFeatures(s.text, features)), y: FEELINGS_MODEL_CLASSES.indexOf(s.emotion), weight: 1 })),
  ...go.map((s) => ({ f: copy(extractFeatures(s.text, features)), y: FEELINGS_MODEL_CLASSES.indexOf(s.emotion), weight: GO_WEIGHT })),
];
// Class weights: each class counts about equally.
const classMass = new Float64Array(K);
for (const e of examples) classMass[e.y]! += e.weight;
const total = classMass.reduce((a, b) => a + b, 0);
for (const e of examples) e.weight *= total / K / classMass[e.y]!;

const W = new Float64Array(2 ** BITS * K);
const G = new Float64Array(2 ** BITS * K); // Adagrad accumulators
const b = new Float64Array(K);
const z = new Float64Array(K);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = examples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [examples[i], examples[j]] = [examples[j]!, examples[i]!];
  }
  let loss = 0;
  for (const { f, y, weight } of examples) {
    z.set(b);
    for (let i = 0; i < f.idx.length; i++) for (let k = 0; k < K; k++) z[k]! += W[f.idx[i]! * K + k]! * f.val[i]!;
    const max = Math.max(...z);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k]! - max);
    for (let k = 0; k < K; k++) z[k]! /= sum;
    loss -= weight * Math.log(Math.max(1e-9, z[y]!));
    for (let k = 0; k < K; k++) {
      const g = weight * (z[k]! - (k === y ? 1 : 0));
      b[k]! -= LR * 0.1 * g;
      for (let i = 0; i < f.idx.length; i++) {
        const at = f.idx[i]! * K + k;
        const grad = g * f.val[i]! + L2 * W[at]!;
        G[at]! += grad * grad;
        W[at]! -= (LR * grad) / Math.sqrt(G[at]! + 1e-8);
      }
    }
  }
  console.log(`epoch ${epoch}: mean loss ${(loss / examples.length).toFixed(4)}`);
}

// int8 per class.
const scales = Array.from({ length: K }, (_, k) => {
  let m = 0;
  for (let r = k; r < W.length; r += K) m = Math.max(m, Math.abs(W[r]!));
  return m / 127 || 1;
});
const q = new Int8Array(W.length);
for (let r = 0; r < W.length; r++) q[r] = Math.round(W[r]! / scales[r % K]!);
let bin = "";
for (const byte of new Uint8Array(q.buffer)) bin += String.fromCharCode(byte);
const file: FeelingsModelFile = {
  format: 1,
  description: `journal-sentence reader: softmax regression on 2^${BITS} hashed words, pairs and negated words; ${own.length} team sentences + ${go.length} GoEmotions comments (weight ${GO_WEIGHT}); ${EPOCHS} epochs, Adagrad lr ${LR}, l2 ${L2}`,
  features,
  scales: scales.map((s) => Number(s.toPrecision(6))),
  bias: Array.from(b, (x) => Number(x.toPrecision(6))),
  data: btoa(bin),
};

// Its own reading, argmax over the classes each set uses (decisions only, never trained on).
const model = decodeFeelingsModel(file);
const FIVE = ["anger", "fear", "joy", "sadness", "surprise"] as const;
const read = (set: LabelledSentence[], labels: readonly string[]) => {
  const pred = set.map((s) => {
    const p = feelingsModelScores(s.text, model);
    let best = -1;
    for (let k = 0; k < K; k++) if (labels.includes(FEELINGS_MODEL_CLASSES[k]!) && (best < 0 || p[k]! > p[best]!)) best = k;
    return FEELINGS_MODEL_CLASSES[best]!;
  });
  return singleLabelF1(set.map((s) => s.emotion), pred, labels).macroF1.toFixed(4);
};
console.log(`alone, argmax: dair-emotion validation (5 classes) ${read(loadDairValidation(), FIVE)}; journal dev (7 classes) ${read(loadJournalFeelings("dev"), FEELINGS_MODEL_CLASSES)}`);

if (!DRY_RUN) {
  const out = join(root, "worker", "emotion", "data", "feelings-model.ts");
  writeFileSync(
    out,
    `// Generated by model/train-feelings.ts; do not edit. ${file.description}.\nimport type { FeelingsModelFile } from "../feelings-model.ts";\n\nconst model: FeelingsModelFile = ${JSON.stringify(file)};\nexport default model;\n`,
  );
  console.log(`wrote ${out} (${Math.round(file.data.length / 1024)} KB of base64)`);
}
