// Training of the safety screen's network (worker/safety/model.ts), shared by the training script
// (model/train-safety.ts) and the cross-validation script (model/cv-safety.ts). Node only.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePhrasings, type LabelledPhrasing } from "../worker/safety/evaluation.ts";
import { decodeSafetyModel, type SafetyModel, type SafetyModelFile } from "../worker/safety/model.ts";
import { sentenceWords } from "../worker/safety/normalise.ts";
import { screenText } from "../worker/safety/screen.ts";
import { modelScores, modelSentences, spanBuckets, spansOf } from "../worker/safety/windows.ts";
import { datasetDir } from "./dataset.ts";

export interface NetOptions {
  hashBits: number;
  hidden: number;
  /**
   * Spread of the starting embedding. Small, so that a bucket no training feature reached stays near
   * zero: a word never seen adds next to nothing, and the shipped file compresses.
   */
  initScale: number;
  /** Share of an example's features dropped at each step, so that no single word ("train") decides. */
  dropout: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** How far positives are weighted up towards balance (1 = fully balanced, 0 = as they come). */
  balance: number;
  seed: number;
  /** Average the weights over the second half's epochs. */
  average: boolean;
}

/**
 * Chosen by round-wise cross-validation (model/cv-safety.ts), crisis recall on rounds never trained
 * on: 2^13 buckets and 8 hidden units 69%; 2^16 and 8, 75%; 2^16 and 16, 75% to 77% (twice the
 * work per word, so not taken). Word trigrams, skip pairs and letter 4-grams added nothing measurable.
 */
export const DEFAULT_NET: Omit<NetOptions, "seed"> = { hashBits: 16, hidden: 8, initScale: 0.02, dropout: 0.3, epochs: 20, learningRate: 0.05, l2: 1e-4, balance: 0.5, average: true };

/** A number given on the command line as `--name value`, or the fallback. */
export const numberArg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The network's options from the command line (--bits, --hidden, --init, …, --no-average), else DEFAULT_NET. */
export const netOptionsFromArgs = (): NetOptions => ({
  hashBits: numberArg("bits", DEFAULT_NET.hashBits),
  hidden: numberArg("hidden", DEFAULT_NET.hidden),
  initScale: numberArg("init", DEFAULT_NET.initScale),
  dropout: numberArg("dropout", DEFAULT_NET.dropout),
  epochs: numberArg("epochs", DEFAULT_NET.epochs),
  learningRate: numberArg("lr", DEFAULT_NET.learningRate),
  l2: numberArg("l2", DEFAULT_NET.l2),
  balance: numberArg("balance", DEFAULT_NET.balance),
  seed: numberArg("seed", 20261129),
  average: process.argv.includes("--no-average") ? false : DEFAULT_NET.average,
});

/** Everyday Reddit comments (GoEmotions train, CC BY 4.0) the patterns find ordinary, evenly spaced: training's ordinary text. */
export function everydayNegatives(count = 6000): string[] {
  const all = goEmotionsOrdinary("train");
  return all.filter((_, i) => i % Math.max(1, Math.floor(all.length / count)) === 0);
}

/** Everyday writing the thresholds must leave alone: a third of GoEmotions dev and the dair-emotion sentences (never trained on). */
export const everydayForThresholds = () => [...goEmotionsOrdinary("dev").filter((_, i) => i % 3 === 0), ...dairSentences()];

/** Short entries are one training example; longer ones teach only through their ordinary sentences. */
const WHOLE_ENTRY_CHARS = 400;

const root = join(import.meta.dirname, "..");
const phrasingDir = join(root, "tests", "safety");

/** The training rounds (tests/safety/phrasings.train-*.tsv and dev.tsv), each with its phrasings. */
export function trainingRounds(): { file: string; rows: LabelledPhrasing[] }[] {
  const files = readdirSync(phrasingDir)
    .filter((f) => /^phrasings\.(train-[a-z0-9]+|dev)\.tsv$/.test(f))
    .sort();
  if (files.length === 0) throw new Error("no tests/safety/phrasings.train-*.tsv files to train on");
  return files.map((file) => ({ file, rows: parsePhrasings(readFileSync(join(phrasingDir, file), "utf8")) }));
}

/** GoEmotions comments of one split that the patterns find ordinary (a few flagged ones are real distress). */
export const goEmotionsOrdinary = (split: string) =>
  readFileSync(join(datasetDir(), `${split}.tsv`), "utf8")
    .split("\n")
    .map((line) => line.split("\t")[0] ?? "")
    .filter((text) => text.length > 0 && screenText(text, { model: null }).level === "none");

/** The dair-emotion validation sentences: for choosing thresholds only, never for fitting weights. */
export const dairSentences = () =>
  readFileSync(join(datasetDir(), "..", "dair-emotion", "validation.txt"), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.slice(0, line.lastIndexOf(";")))
    .filter(Boolean);

export interface Example {
  buckets: number[];
  crisis: number;
  distress: number;
}
export interface TrainingSet {
  examples: Example[];
  /** Long crisis or concern entries: which span holds the crisis is not labelled, so it is found in training. */
  buried: { spans: number[][]; crisis: number }[];
}

export function trainingSet(rows: readonly LabelledPhrasing[], everyday: readonly string[], mask: number): TrainingSet {
  const examples: Example[] = [];
  const buried: TrainingSet["buried"] = [];
  for (const row of rows) {
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
  for (const text of everyday) {
    const sentences = modelSentences(sentenceWords(text));
    examples.push({ buckets: spanBuckets(sentences, sentences.map((_, i) => i), mask), crisis: 0, distress: 0 });
  }
  return { examples, buried };
}

/** Trains the network and returns its weights as the Worker's file would hold them (int8 embedding). */
export function trainNet(set: TrainingSet, options: NetOptions, log: (line: string) => void = () => {}): SafetyModelFile {
  let seed = options.seed;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const examples = [...set.examples];
  const positives = { crisis: examples.filter((e) => e.crisis).length, distress: examples.filter((e) => e.distress).length };
  const size = 1 << options.hashBits;
  const H = options.hidden;
  const W1 = new Float32Array(size * H).map(() => (random() - 0.5) * options.initScale);
  const b1 = new Float32Array(H).fill(0.1);
  const W2 = { crisis: new Float32Array(H).map(() => (random() - 0.5) * 0.5), distress: new Float32Array(H).map(() => (random() - 0.5) * 0.5) };
  const b2 = { crisis: 0, distress: 0 };
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const classWeight = (output: "crisis" | "distress", y: number) =>
    (y ? examples.length / (2 * positives[output]) : examples.length / (2 * (examples.length - positives[output]))) ** options.balance;
  // The weights averaged over the epochs of the second half (stochastic weight averaging): one
  // run's last epochs disagree on the far tail of the scores, where the thresholds sit, and their
  // average is steadier than any one of them.
  const average = { W1: new Float32Array(W1.length), b1: new Float32Array(H), crisis: new Float32Array(H), distress: new Float32Array(H), b2: { crisis: 0, distress: 0 }, n: 0 };
  const z = new Float32Array(H);
  const a = new Float32Array(H);
  const da = new Float32Array(H);
  /** The network's distress logit for a span, with the weights as they are now. */
  const currentScore = (buckets: number[]) => {
    const norm = 1 / Math.sqrt(Math.max(1, buckets.length));
    z.fill(0);
    for (const b of buckets) for (let u = 0; u < H; u++) z[u]! += W1[b * H + u]!;
    let logit = b2.distress;
    for (let u = 0; u < H; u++) logit += Math.max(0, b1[u]! + z[u]! * norm) * W2.distress[u]!;
    return logit;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Halfway, each long crisis or concern entry teaches through the span the network now finds most
    // distressed (multiple-instance learning): the buried sentence, not the ordinary day around it.
    if (epoch === Math.floor(options.epochs / 2)) {
      for (const entry of set.buried) {
        const best = entry.spans.reduce((x, y) => (currentScore(y) > currentScore(x) ? y : x));
        examples.push({ buckets: best, crisis: entry.crisis, distress: 1 });
      }
      log(`from epoch ${epoch}: ${set.buried.length} long entries teach through their most distressed span`);
    }
    const order = examples.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = options.learningRate / (1 + epoch * 0.1);
    for (const index of order) {
      const full = examples[index]!;
      const kept = options.dropout > 0 ? full.buckets.filter(() => random() >= options.dropout) : full.buckets;
      const buckets = kept.length > 0 ? kept : full.buckets;
      const norm = 1 / Math.sqrt(Math.max(1, buckets.length));
      z.fill(0);
      for (const b of buckets) for (let u = 0; u < H; u++) z[u]! += W1[b * H + u]!;
      for (let u = 0; u < H; u++) a[u] = Math.max(0, b1[u]! + z[u]! * norm);
      da.fill(0);
      for (const output of ["crisis", "distress"] as const) {
        let logit = b2[output];
        for (let u = 0; u < H; u++) logit += a[u]! * W2[output][u]!;
        const g = (sigmoid(logit) - full[output]) * classWeight(output, full[output]);
        for (let u = 0; u < H; u++) {
          da[u]! += g * W2[output][u]!;
          W2[output][u]! -= lr * (g * a[u]! + options.l2 * W2[output][u]!);
        }
        b2[output] -= lr * g;
      }
      for (let u = 0; u < H; u++) {
        const dz = a[u]! > 0 ? da[u]! : 0;
        if (dz === 0) continue;
        b1[u]! -= lr * dz;
        const step = lr * dz * norm;
        for (const b of buckets) W1[b * H + u]! -= step;
      }
      if (options.l2 > 0) for (const b of buckets) for (let u = 0; u < H; u++) W1[b * H + u]! *= 1 - lr * options.l2;
    }
    if (options.average && epoch >= Math.floor(options.epochs / 2)) {
      for (let i = 0; i < W1.length; i++) average.W1[i]! += W1[i]!;
      for (let u = 0; u < H; u++) {
        average.b1[u]! += b1[u]!;
        average.crisis[u]! += W2.crisis[u]!;
        average.distress[u]! += W2.distress[u]!;
      }
      average.b2.crisis += b2.crisis;
      average.b2.distress += b2.distress;
      average.n++;
    }
  }
  if (average.n > 0) {
    const k = 1 / average.n;
    for (let i = 0; i < W1.length; i++) W1[i] = average.W1[i]! * k;
    for (let u = 0; u < H; u++) {
      b1[u] = average.b1[u]! * k;
      W2.crisis[u] = average.crisis[u]! * k;
      W2.distress[u] = average.distress[u]! * k;
    }
    b2.crisis = average.b2.crisis * k;
    b2.distress = average.b2.distress * k;
  }
  const max = W1.reduce((m, x) => Math.max(m, Math.abs(x)), 1e-9);
  const scale = 127 / max;
  const bytes = new Uint8Array(W1.length);
  for (let i = 0; i < W1.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(W1[i]! * scale))) & 0xff;
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return {
    description: "",
    hashBits: options.hashBits,
    hidden: H,
    embedding: Buffer.from(bytes).toString("base64"),
    scale,
    hiddenBias: [...b1].map(round),
    output: { crisis: [...W2.crisis].map(round), distress: [...W2.distress].map(round) },
    outputBias: { crisis: round(b2.crisis), distress: round(b2.distress) },
    thresholds: { crisis: 1, distress: 1 },
  };
}

export interface Scored {
  /** What the patterns alone found. */
  patterns: "none" | "concern" | "crisis";
  crisis: number;
  distress: number;
}
export const scoreTexts = (model: SafetyModel, texts: readonly string[]): Scored[] =>
  texts.map((text) => ({ patterns: screenText(text, { model: null }).level, ...modelScores(model, sentenceWords(text)) }));

/**
 * The lowest threshold (at least 0.5) at which the model raises at most `maxFp` of the held-out
 * ordinary phrasings and `maxEveryday` of everyday writing past what the patterns found.
 */
export function pickThreshold(output: "crisis" | "distress", held: readonly (Scored & { level: string })[], everyday: readonly Scored[], maxFp: number, maxEveryday: number): number {
  const candidates = [...new Set(held.map((s) => Math.round(s[output] * 1000) / 1000))].sort((a, b) => a - b);
  const ordinary = held.filter((s) => s.level === "none" && s.patterns === "none");
  const ordinaryCount = held.filter((s) => s.level === "none").length;
  const daily = everyday.filter((s) => s.patterns === "none");
  for (const t of candidates) {
    const extraFp = ordinary.filter((s) => s[output] >= t).length / ordinaryCount;
    const everydayRate = daily.filter((s) => s[output] >= t).length / everyday.length;
    if (extraFp <= maxFp && everydayRate <= maxEveryday) return Math.max(t, 0.5);
  }
  return 1;
}

export const decode = (file: SafetyModelFile): SafetyModel => decodeSafetyModel(file);
