// GoEmotions TSV loading, label mapping and multi-label metrics for the model scripts (Node only).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  EKMAN_EMOTIONS,
  FINE_EMOTIONS,
  FINE_TO_EKMAN_INDEX,
  FINE_TO_SENTIMENT_INDEX,
  SENTIMENTS,
} from "../worker/emotion/taxonomy.ts";

export interface Example {
  id: string;
  text: string;
  /** Fine label ids (0..27), ascending, unique. */
  fine: number[];
  /** Ekman group ids (0..6): union of the mapped fine labels. */
  ekman: number[];
  /** Sentiment group ids (0..3): union of the mapped fine labels. */
  sentiment: number[];
}

export type Split = "train" | "dev" | "test";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Directory of the dataset: $GOEMOTIONS_DIR, else ../shared/datasets/goemotions beside the repo. */
export function datasetDir(): string {
  return process.env.GOEMOTIONS_DIR ?? resolve(HERE, "..", "..", "shared", "datasets", "goemotions");
}

/** Checks that emotions.txt matches the label order compiled into the taxonomy. */
export function checkLabelOrder(dir = datasetDir()): void {
  const names = readFileSync(join(dir, "emotions.txt"), "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  if (names.length !== FINE_EMOTIONS.length || names.some((n, i) => n !== FINE_EMOTIONS[i])) {
    throw new Error(`emotions.txt does not match FINE_EMOTIONS: ${names.join(",")}`);
  }
}

function uniqSorted(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

export function loadSplit(split: Split, dir = datasetDir()): Example[] {
  const raw = readFileSync(join(dir, `${split}.tsv`), "utf8");
  const out: Example[] = [];
  for (const line of raw.split("\n")) {
    if (line.trim() === "") continue;
    const cols = line.replace(/\r$/, "").split("\t");
    if (cols.length < 2) throw new Error(`${split}.tsv: bad line: ${line.slice(0, 80)}`);
    const fine = uniqSorted(cols[1]!.split(",").map((s) => Number.parseInt(s, 10)));
    if (fine.some((f) => !(f >= 0 && f < FINE_EMOTIONS.length))) throw new Error(`${split}.tsv: bad labels: ${cols[1]}`);
    out.push({
      id: cols[2] ?? String(out.length),
      text: cols[0]!,
      fine,
      ekman: uniqSorted(fine.map((f) => FINE_TO_EKMAN_INDEX[f]!)),
      sentiment: uniqSorted(fine.map((f) => FINE_TO_SENTIMENT_INDEX[f]!)),
    });
  }
  return out;
}

export type Level = "fine" | "ekman" | "sentiment";

export const LEVEL_LABELS: Record<Level, readonly string[]> = {
  fine: FINE_EMOTIONS,
  ekman: EKMAN_EMOTIONS,
  sentiment: SENTIMENTS,
};

export interface F1Report {
  macroF1: number;
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

/**
 * Multi-label macro-F1 as in the GoEmotions paper: for each class a binary decision
 * (predicted vs present), per-class F1, unweighted mean over classes.
 */
export function macroF1(gold: number[][], pred: number[][], labels: readonly string[]): F1Report {
  const k = labels.length;
  const tp = new Float64Array(k);
  const fp = new Float64Array(k);
  const fn = new Float64Array(k);
  for (let i = 0; i < gold.length; i++) {
    const g = new Set(gold[i]);
    const p = new Set(pred[i]);
    for (let c = 0; c < k; c++) {
      const inG = g.has(c);
      const inP = p.has(c);
      if (inG && inP) tp[c]!++;
      else if (inP) fp[c]!++;
      else if (inG) fn[c]!++;
    }
  }
  const perClass = labels.map((label, c) => {
    const precision = tp[c]! + fp[c]! > 0 ? tp[c]! / (tp[c]! + fp[c]!) : 0;
    const recall = tp[c]! + fn[c]! > 0 ? tp[c]! / (tp[c]! + fn[c]!) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: tp[c]! + fn[c]! };
  });
  return { macroF1: perClass.reduce((s, r) => s + r.f1, 0) / k, perClass };
}

export function formatReport(title: string, r: F1Report): string {
  const lines = [`${title}: macro-F1 = ${r.macroF1.toFixed(4)}`];
  for (const c of r.perClass) {
    lines.push(
      `  ${c.label.padEnd(15)} P=${c.precision.toFixed(3)} R=${c.recall.toFixed(3)} F1=${c.f1.toFixed(3)} n=${c.support}`,
    );
  }
  return lines.join("\n");
}

/** One sentence with one Ekman group (single-label sets: dair-emotion, the team's journal sentences). */
export interface LabelledSentence {
  text: string;
  emotion: (typeof EKMAN_EMOTIONS)[number];
}

/** Directory of dair-emotion: $DAIR_EMOTION_DIR, else ../shared/datasets/dair-emotion beside the repo. */
export function dairDir(): string {
  return process.env.DAIR_EMOTION_DIR ?? resolve(HERE, "..", "..", "shared", "datasets", "dair-emotion");
}

/**
 * dair-emotion's validation split (`text;label`), with love counted as joy (5 Ekman classes). For
 * measuring and tuning decisions only: its licence forbids training on it (see its README).
 */
export function loadDairValidation(dir = dairDir()): LabelledSentence[] {
  const lines = readFileSync(join(dir, "validation.txt"), "utf8").split(/\r?\n/).slice(1);
  return lines
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const cut = line.lastIndexOf(";");
      const label = line.slice(cut + 1).trim();
      const emotion = label === "love" ? "joy" : EKMAN_EMOTIONS.find((e) => e === label);
      if (cut < 0 || emotion === undefined) throw new Error(`dair-emotion: bad line: ${line.slice(0, 80)}`);
      return { text: line.slice(0, cut), emotion };
    });
}

/** A `text\temotion` file with a header line (the team's journal sentences, for training or measuring). */
export function loadLabelledTsv(path: string): LabelledSentence[] {
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const [text, label] = line.split("\t");
      const emotion = EKMAN_EMOTIONS.find((e) => e === label?.trim());
      if (!text || emotion === undefined) throw new Error(`${path}: bad line: ${line.slice(0, 80)}`);
      return { text, emotion };
    });
}

/** The team's journal sentences for measuring (tests/emotion/journal-feelings.<split>.tsv). */
export const loadJournalFeelings = (split: "dev" | "test"): LabelledSentence[] =>
  loadLabelledTsv(resolve(HERE, "..", "tests", "emotion", `journal-feelings.${split}.tsv`));

/** Macro-F1 of one predicted label per sentence over `labels` (a prediction outside them is a miss). */
export function singleLabelF1(gold: readonly string[], pred: readonly string[], labels: readonly string[]): F1Report {
  const index = (l: string): number[] => (labels.includes(l) ? [labels.indexOf(l)] : []);
  return macroF1(gold.map(index), pred.map(index), labels);
}
