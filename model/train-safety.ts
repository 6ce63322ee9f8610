// Trains the safety screen's linear model (worker/safety/model.ts) on the training phrasings
// (tests/safety/phrasings.train-*.tsv and dev.tsv), picks its thresholds on a held-out fifth of them
// so that, together with the patterns, few ordinary texts are called a crisis, and writes the weights
// to worker/safety/data/safety-model.ts. The test phrasings are never trained or tuned on.
//
//   npm run model:train-safety [-- --bits 13 --hidden 16 --epochs 10 --lr 0.05 --l2 1e-4 --dry-run]
//   … --dry-run --curve      recall against the held-out and everyday false positives, threshold by threshold
//   … --dry-run --misses     the held-out phrasings read wrongly at a threshold of 0.5
//   … --dry-run --top        the everyday and held-out ordinary texts the model scores highest
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePhrasings, type LabelledPhrasing } from "../worker/safety/evaluation.ts";
import { datasetDir } from "./dataset.ts";
import { decodeSafetyModel, type SafetyModel, type SafetyModelFile } from "../worker/safety/model.ts";
import { sentenceWords } from "../worker/safety/normalise.ts";
import { screenText } from "../worker/safety/screen.ts";
import { modelScores, modelSentences, spanBuckets, spansOf } from "../worker/safety/windows.ts";

const root = join(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const HASH_BITS = arg("bits", 13);
const HIDDEN = arg("hidden", 8);
/** Share of an example's features dropped at each step, so that no single word ("train") decides. */
const DROPOUT = arg("dropout", 0.3);
const EPOCHS = arg("epochs", 20);
const LEARNING_RATE = arg("lr", 0.05);
const L2 = arg("l2", 1e-4);
const DRY_RUN = process.argv.includes("--dry-run");
/** Short entries are one training example; longer ones teach only through their ordinary sentences. */
const WHOLE_ENTRY_CHARS = 400;
/** At most this share of the held-out ordinary texts may be raised to crisis by the model. */
const MAX_EXTRA_CRISIS_FP = 0.02;
const MAX_EXTRA_DISTRESS_FP = 0.02;
/** …and at most this share of everyday writing (GoEmotions dev comments, dair-emotion sentences). */
const MAX_EVERYDAY_CRISIS = arg("everyday", 0.003);
const MAX_EVERYDAY_DISTRESS = 0.02;
/** Everyday Reddit comments (GoEmotions train, CC BY 4.0) the patterns find ordinary teach what ordinary is. */
const EVERYDAY_NEGATIVES = 6000;

let seed = 20261129;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const dir = join(root, "tests", "safety");
// The dev phrasings were used to shape the patterns, not the model: the model learns from them too.
const files = readdirSync(dir)
  .filter((f) => /^phrasings\.(train-[a-z0-9]+|dev)\.tsv$/.test(f))
  .sort();
if (files.length === 0) throw new Error("no tests/safety/phrasings.train-*.tsv files to train on");
const rows = files.flatMap((f) => parsePhrasings(readFileSync(join(dir, f), "utf8")));
// A deterministic fifth is held out to choose the thresholds.
const held = rows.filter((_, i) => i % 5 === 4);
const train = rows.filter((_, i) => i % 5 !== 4);
console.log(`training on ${train.length} phrasings from ${files.join(", ")}; ${held.length} held out for thresholds`);

const mask = (1 << HASH_BITS) - 1;
interface Example {
  buckets: number[];
  crisis: number;
  distress: number;
}
const examples: Example[] = [];
/** Long crisis or concern entries: which span holds the crisis is not labelled, so it is found (below). */
const buried: { spans: number[][]; crisis: number }[] = [];
for (const row of train) {
  const sentences = modelSentences(sentenceWords(row.text));
  const all = sentences.map((_, i) => i);
  if (row.text.length <= WHOLE_ENTRY_CHARS) {
    examples.push({ buckets: spanBuckets(sentences, all, mask), crisis: row.level === "crisis" ? 1 : 0, distress: row.level === "none" ? 0 : 1 });
  } else if (row.level === "none") {
    for (const span of spansOf(sentences.length)) examples.push({ buckets: spanBuckets(sentences, span, mask), crisis: 0, distress: 0 });
  } else {
    buried.push({ spans: spansOf(sentences.length).map((span) => spanBuckets(sentences, span, mask)), crisis: row.level === "crisis" ? 1 : 0 });
  }
}
// Everyday writing as negatives: comments the patterns flag are left out, since a few are real distress.
const goemotions = (split: string) =>
  readFileSync(join(datasetDir(), `${split}.tsv`), "utf8")
    .split("\n")
    .map((line) => line.split("\t")[0] ?? "")
    .filter((text) => text.length > 0 && screenText(text, { model: null }).level === "none");
const everydayTrain = goemotions("train").filter((_, i, all) => i % Math.max(1, Math.floor(all.length / EVERYDAY_NEGATIVES)) === 0);
for (const text of everydayTrain) {
  const sentences = modelSentences(sentenceWords(text));
  examples.push({ buckets: spanBuckets(sentences, sentences.map((_, i) => i), mask), crisis: 0, distress: 0 });
}
console.log(`plus ${everydayTrain.length} everyday comments from GoEmotions train as ordinary`);
const positives = { crisis: examples.filter((e) => e.crisis).length, distress: examples.filter((e) => e.distress).length };
console.log(`${examples.length} examples (${positives.crisis} crisis, ${positives.distress} crisis or concern)`);

const size = 1 << HASH_BITS;
const H = HIDDEN;
const W1 = new Float32Array(size * H).map(() => (random() - 0.5) * 0.2);
const b1 = new Float32Array(H).fill(0.1);
const W2 = { crisis: new Float32Array(H).map(() => (random() - 0.5) * 0.5), distress: new Float32Array(H).map(() => (random() - 0.5) * 0.5) };
const b2 = { crisis: 0, distress: 0 };
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** How far positives are weighted up towards balance (1 = fully balanced, 0 = as they come). */
const BALANCE = arg("balance", 0.5);
const classWeight = (output: "crisis" | "distress", y: number) =>
  (y ? examples.length / (2 * positives[output]) : examples.length / (2 * (examples.length - positives[output]))) ** BALANCE;
const z = new Float32Array(H);
const a = new Float32Array(H);
const da = new Float32Array(H);
/** The network's distress logit for a span, with the weights as they are now. */
function currentScore(buckets: number[]): number {
  const norm = 1 / Math.sqrt(Math.max(1, buckets.length));
  z.fill(0);
  for (const b of buckets) for (let u = 0; u < H; u++) z[u]! += W1[b * H + u]!;
  let logit = b2.distress;
  for (let u = 0; u < H; u++) logit += Math.max(0, b1[u]! + z[u]! * norm) * W2.distress[u]!;
  return logit;
}

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  // Halfway, each long crisis or concern entry teaches through the span the network now finds most
  // distressed (multiple-instance learning): the buried sentence, not the ordinary day around it.
  if (epoch === Math.floor(EPOCHS / 2)) {
    for (const entry of buried) {
      const best = entry.spans.reduce((a, b) => (currentScore(b) > currentScore(a) ? b : a));
      examples.push({ buckets: best, crisis: entry.crisis, distress: 1 });
    }
    console.log(`from epoch ${epoch}: ${buried.length} long entries teach through their most distressed span`);
  }
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const lr = LEARNING_RATE / (1 + epoch * 0.1);
  for (const index of order) {
    const full = examples[index]!;
    const kept = DROPOUT > 0 ? full.buckets.filter(() => random() >= DROPOUT) : full.buckets;
    const ex = { ...full, buckets: kept.length > 0 ? kept : full.buckets };
    const norm = 1 / Math.sqrt(Math.max(1, ex.buckets.length));
    z.fill(0);
    for (const b of ex.buckets) for (let u = 0; u < H; u++) z[u]! += W1[b * H + u]!;
    for (let u = 0; u < H; u++) a[u] = Math.max(0, b1[u]! + z[u]! * norm);
    da.fill(0);
    for (const output of ["crisis", "distress"] as const) {
      let logit = b2[output];
      for (let u = 0; u < H; u++) logit += a[u]! * W2[output][u]!;
      const g = (sigmoid(logit) - ex[output]) * classWeight(output, ex[output]);
      for (let u = 0; u < H; u++) {
        da[u]! += g * W2[output][u]!;
        W2[output][u]! -= lr * (g * a[u]! + L2 * W2[output][u]!);
      }
      b2[output] -= lr * g;
    }
    for (let u = 0; u < H; u++) {
      const dz = a[u]! > 0 ? da[u]! : 0;
      if (dz === 0) continue;
      b1[u]! -= lr * dz;
      const step = lr * dz * norm;
      for (const b of ex.buckets) W1[b * H + u]! -= step;
    }
    if (L2 > 0) for (const b of ex.buckets) for (let u = 0; u < H; u++) W1[b * H + u]! *= 1 - lr * L2;
  }
}

function quantise(w: Float32Array): { data: string; scale: number } {
  const max = w.reduce((m, x) => Math.max(m, Math.abs(x)), 1e-9);
  const scale = 127 / max;
  const bytes = new Uint8Array(w.length);
  for (let i = 0; i < w.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(w[i]! * scale))) & 0xff;
  return { data: Buffer.from(bytes).toString("base64"), scale };
}
const q = quantise(W1);
const round = (x: number) => Math.round(x * 1e5) / 1e5;
const file: SafetyModelFile = {
  description: "",
  hashBits: HASH_BITS,
  hidden: H,
  embedding: q.data,
  scale: q.scale,
  hiddenBias: [...b1].map(round),
  output: { crisis: [...W2.crisis].map(round), distress: [...W2.distress].map(round) },
  outputBias: { crisis: round(b2.crisis), distress: round(b2.distress) },
  thresholds: { crisis: 1, distress: 1 },
};
const model: SafetyModel = decodeSafetyModel(file);

// Thresholds on the held-out fifth, with the quantised weights the Worker will use.
const scored = held.map((row: LabelledPhrasing) => ({ row, patterns: screenText(row.text, { model: null }).level, ...modelScores(model, sentenceWords(row.text)) }));
// Everyday writing the thresholds must leave alone: GoEmotions dev comments and the dair-emotion
// sentences (which may be used to tune decisions such as these, never to fit weights).
const dair = readFileSync(join(datasetDir(), "..", "dair-emotion", "validation.txt"), "utf8")
  .split("\n")
  .slice(1)
  .map((line) => line.slice(0, line.lastIndexOf(";")))
  .filter(Boolean);
const everyday = [...goemotions("dev").filter((_, i) => i % 3 === 0), ...dair].map((text) => ({ patterns: screenText(text, { model: null }).level, ...modelScores(model, sentenceWords(text)) }));
function pick(output: "crisis" | "distress", maxFp: number, maxEveryday: number): number {
  const candidates = [...new Set(scored.map((s) => Math.round(s[output] * 1000) / 1000))].sort((a, b) => a - b);
  const ordinary = scored.filter((s) => s.row.level === "none");
  for (const t of candidates) {
    const extraFp = ordinary.filter((s) => s.patterns === "none" && s[output] >= t).length / ordinary.length;
    const everydayRate = everyday.filter((s) => s.patterns === "none" && s[output] >= t).length / everyday.length;
    if (extraFp <= maxFp && everydayRate <= maxEveryday) return Math.max(t, 0.5);
  }
  return 1;
}
model.thresholds = { crisis: pick("crisis", MAX_EXTRA_CRISIS_FP, MAX_EVERYDAY_CRISIS), distress: pick("distress", MAX_EXTRA_DISTRESS_FP, MAX_EVERYDAY_DISTRESS) };
const everydayAt = (output: "crisis" | "distress") => everyday.filter((s) => s[output] >= model.thresholds[output] || (output === "crisis" ? s.patterns === "crisis" : s.patterns !== "none")).length;
console.log(`everyday writing (${everyday.length} GoEmotions dev comments and dair-emotion sentences): ${everydayAt("crisis")} called crisis, ${everydayAt("distress")} crisis or concern`);
// How recall trades against ordinary texts called a crisis, on the held-out fifth (for the record).
for (const t of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
  const ordinary = scored.filter((s) => s.row.level === "none");
  const crisis = scored.filter((s) => s.row.level === "crisis");
  const fp = ordinary.filter((s) => s.patterns === "crisis" || s.crisis >= t).length / ordinary.length;
  const rec = crisis.filter((s) => s.patterns === "crisis" || s.crisis >= t).length / crisis.length;
  console.log(`  crisis threshold ${t}: recall ${(rec * 100).toFixed(1)}%, ordinary called crisis ${(fp * 100).toFixed(1)}%`);
}
const recall = (level: "crisis" | "distress") => {
  const wanted = scored.filter((s) => (level === "crisis" ? s.row.level === "crisis" : s.row.level !== "none"));
  const byPatterns = wanted.filter((s) => (level === "crisis" ? s.patterns === "crisis" : s.patterns !== "none")).length;
  const withModel = wanted.filter((s) => (level === "crisis" ? s.patterns === "crisis" : s.patterns !== "none") || s[level] >= model.thresholds[level]).length;
  return `${byPatterns}/${wanted.length} by patterns, ${withModel}/${wanted.length} with the model`;
};
console.log(`thresholds: crisis ${model.thresholds.crisis}, distress ${model.thresholds.distress}`);
console.log(`held-out crisis recall: ${recall("crisis")}; crisis-or-concern flagged: ${recall("distress")}`);

file.thresholds = model.thresholds;
file.description = `Safety screen model: hashed words, stems, word pairs, negated words and word families of the normal form (2^${HASH_BITS} buckets), ${H} ReLU units, int8 embedding; trained on ${train.length} phrasings (${files.join(", ")}).`;
// A few everyday sentences to watch: none of them should come near the threshold.
for (const text of [
  "The house felt empty after the party.",
  "Work was long today. The train was late again and I stood the whole way.",
  "My phone died on the way home.",
  "I cut myself shaving this morning, ouch.",
  "My fingers were numb from the cold on the walk home.",
  "Took my pills with breakfast as usual.",
  "I want to die",
  "I took all my pills tonight.",
]) {
  const p = modelScores(model, sentenceWords(text));
  console.log(`  ${p.crisis.toFixed(3)} crisis, ${p.distress.toFixed(3)} distress: ${text}`);
}
// Diagnostics (on the held-out fifth and everyday writing; never on the test phrasings).
const heldOrdinary = scored.filter((s) => s.row.level === "none");
const heldCrisis = scored.filter((s) => s.row.level === "crisis");
if (process.argv.includes("--curve")) {
  for (const t of [0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99]) {
    const extra = heldOrdinary.filter((s) => s.patterns === "none" && s.crisis >= t).length / heldOrdinary.length;
    const daily = everyday.filter((s) => s.patterns === "none" && s.crisis >= t).length / everyday.length;
    const found = heldCrisis.filter((s) => s.patterns === "crisis" || s.crisis >= t).length / heldCrisis.length;
    console.log(`  t=${t}: crisis recall ${(found * 100).toFixed(1)}%, extra ordinary called crisis ${(extra * 100).toFixed(2)}%, everyday ${(daily * 100).toFixed(2)}%`);
  }
}
if (process.argv.includes("--misses")) {
  for (const s of heldCrisis) if (s.patterns !== "crisis" && s.crisis < 0.5) console.log(`  missed ${s.crisis.toFixed(2)} ${s.row.text.slice(0, 200)}`);
  for (const s of heldOrdinary) if (s.patterns === "crisis" || s.crisis >= 0.5) console.log(`  ordinary called crisis (${s.patterns}) ${s.crisis.toFixed(2)} ${s.row.text.slice(0, 200)}`);
}
if (process.argv.includes("--top")) {
  const texts = [...goemotions("dev").filter((_, i) => i % 3 === 0), ...dair];
  const ranked = everyday.map((s, i) => ({ s, text: texts[i]! })).filter((x) => x.s.patterns === "none");
  for (const x of ranked.sort((a, b) => b.s.crisis - a.s.crisis).slice(0, 25)) console.log(`  everyday ${x.s.crisis.toFixed(3)} ${x.text.slice(0, 160)}`);
  for (const x of heldOrdinary.filter((s) => s.patterns === "none").sort((a, b) => b.crisis - a.crisis).slice(0, 25)) console.log(`  ordinary ${x.crisis.toFixed(3)} ${x.row.text.slice(0, 160)}`);
}
if (DRY_RUN) process.exit(0);
const out = join(root, "worker", "safety", "data", "safety-model.ts");
writeFileSync(
  out,
  `// Written by model/train-safety.ts (npm run model:train-safety); do not edit by hand.\nimport type { SafetyModelFile } from "../model.ts";\n\nconst model: SafetyModelFile = ${JSON.stringify(file, null, 1)};\nexport default model;\n`,
);
console.log(`wrote ${out} (${Math.round(readFileSync(out).length / 1024)} KB)`);
