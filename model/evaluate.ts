// Scores the committed local emotion model on GoEmotions test.tsv (once; nothing is tuned here)
// and prints macro-F1 on the Ekman groups, the 28 labels and the sentiment groups, plus the
// median time per analysis.
//
//   npx node model/evaluate.ts                 # the whole test split
//   npx node model/evaluate.ts --sample 500    # a deterministic, evenly spaced sample of 500 rows
//   npx node model/evaluate.ts --split dev     # the same figures on dev (for comparison only)
//   npx node model/evaluate.ts --verbose       # per-class precision / recall / F1
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import weights from "./weights/emotion-model.ts";
import { analyzeEmotion } from "../worker/emotion/local-model.ts";
import { EKMAN_EMOTIONS, FINE_EMOTIONS, SENTIMENTS } from "../worker/emotion/taxonomy.ts";
import {
  LEVEL_LABELS,
  checkLabelOrder,
  dairDir,
  datasetDir,
  formatReport,
  loadDairValidation,
  loadJournalFeelings,
  loadSplit,
  macroF1,
  singleLabelF1,
  type F1Report,
  type LabelledSentence,
  type Level,
  type Split,
} from "./dataset.ts";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const split = (argValue("split") ?? "test") as Split;
if (split !== "test" && split !== "dev") throw new Error("--split must be test or dev");
const sampleArg = argValue("sample");
const sample = sampleArg === undefined ? undefined : Number.parseInt(sampleArg, 10);
if (sample !== undefined && !(sample > 0)) throw new Error("--sample needs a positive integer");
const verbose = process.argv.includes("--verbose");

checkLabelOrder();
const all = loadSplit(split);
// deterministic, evenly spaced sample (covers the whole file, not just its head)
const rows =
  sample === undefined || sample >= all.length
    ? all
    : Array.from({ length: sample }, (_, i) => all[Math.floor((i * all.length) / sample)]!);

if (split === "test") {
  const sha = createHash("sha256")
    .update(readFileSync(join(datasetDir(), "test.tsv")))
    .digest("hex");
  console.log(`test.tsv sha256 ${sha}`);
}
console.log(`model: ${weights.description.split(". ")[0]}`);
console.log(`evaluating on ${split}.tsv: ${rows.length} of ${all.length} rows${sample ? " (sample)" : ""}\n`);

// decisions: the product's calibrated score >= 0.5 (the model's dev-tuned threshold, with the
// feelings vocabulary's reading of first-person statements folded in)
const pred: Record<Level, number[][]> = { fine: [], ekman: [], sentiment: [] };
const decided = <K extends string>(labels: readonly K[], scores: Record<K, number>): number[] =>
  labels.flatMap((label, c) => (scores[label] >= 0.5 ? [c] : []));
for (const ex of rows) {
  const a = analyzeEmotion(ex.text);
  pred.fine.push(decided(FINE_EMOTIONS, a.fine_scores));
  pred.ekman.push(decided(EKMAN_EMOTIONS, a.ekman_scores));
  pred.sentiment.push(decided(SENTIMENTS, a.sentiment_scores));
}
const reports = {
  ekman: macroF1(
    rows.map((e) => e.ekman),
    pred.ekman,
    LEVEL_LABELS.ekman,
  ),
  fine: macroF1(
    rows.map((e) => e.fine),
    pred.fine,
    LEVEL_LABELS.fine,
  ),
  sentiment: macroF1(
    rows.map((e) => e.sentiment),
    pred.sentiment,
    LEVEL_LABELS.sentiment,
  ),
};

// timing: full analyzeEmotion (features + network + result object), after a warm-up
for (let i = 0; i < Math.min(200, rows.length); i++) analyzeEmotion(rows[i]!.text);
const times: number[] = [];
for (const ex of rows) {
  const t0 = performance.now();
  analyzeEmotion(ex.text);
  times.push((performance.now() - t0) * 1000);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const p95 = times[Math.floor(times.length * 0.95)]!;
// a typical journal entry: a few sentences
const entry =
  "Today was long. I finally talked to my sister about the move and she was more supportive than I expected. " +
  "Still nervous about the new job, but honestly I feel lighter tonight. Grateful for the walk by the river.";
for (let i = 0; i < 200; i++) analyzeEmotion(entry);
const entryTimes: number[] = [];
for (let i = 0; i < 500; i++) {
  const t0 = performance.now();
  analyzeEmotion(entry);
  entryTimes.push((performance.now() - t0) * 1000);
}
entryTimes.sort((a, b) => a - b);

if (verbose) {
  console.log(formatReport("Ekman groups (6 + neutral)", reports.ekman));
  console.log(formatReport("28 labels (27 + neutral)", reports.fine));
  console.log(formatReport("sentiment groups (3 + neutral)", reports.sentiment));
  console.log("");
}
const pad = (s: string): string => s.padEnd(40);
console.log(`${pad("macro-F1 Ekman (7 classes)")}${reports.ekman.macroF1.toFixed(4)}`);
console.log(`${pad("macro-F1 28 labels")}${reports.fine.macroF1.toFixed(4)}`);
console.log(`${pad("macro-F1 sentiment (4 classes)")}${reports.sentiment.macroF1.toFixed(4)}`);
console.log(`${pad("median time per analysis (µs)")}${median.toFixed(1)}  (p95 ${p95.toFixed(1)})`);
console.log(`${pad("median time, 4-sentence entry (µs)")}${entryTimes[entryTimes.length >> 1]!.toFixed(1)}`);

// First-person journal language: one primary emotion per sentence, as the product names it.
const FIVE = ["anger", "fear", "joy", "sadness", "surprise"] as const;
const SEVEN = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"] as const;
function primaryReport(set: LabelledSentence[], labels: readonly string[]): F1Report {
  return singleLabelF1(
    set.map((s) => s.emotion),
    set.map((s) => analyzeEmotion(s.text).primary_emotion),
    labels,
  );
}
const target = (value: number, goal: number) => `${value.toFixed(4)}  (target >= ${goal.toFixed(2)}: ${value >= goal ? "meets target" : "BELOW TARGET"})`;
console.log("");
if (existsSync(join(dairDir(), "validation.txt"))) {
  const dair = primaryReport(loadDairValidation(), FIVE);
  if (verbose) console.log(formatReport("dair-emotion validation, primary emotion (5 classes)", dair));
  console.log(`${pad("macro-F1 dair-emotion val (5 classes)")}${target(dair.macroF1, 0.7)}`);
} else console.log("dair-emotion not found beside the checkout (set DAIR_EMOTION_DIR); skipped");
if (split === "test" && sample === undefined) console.log(`${pad("macro-F1 GoEmotions test Ekman")}${target(reports.ekman.macroF1, 0.59)}`);
for (const part of ["dev", "test"] as const) {
  if (!existsSync(join(import.meta.dirname, "..", "tests", "emotion", `journal-feelings.${part}.tsv`))) continue;
  const journal = primaryReport(loadJournalFeelings(part), SEVEN);
  if (verbose) console.log(formatReport(`journal sentences (${part}), primary emotion (7 classes)`, journal));
  console.log(`${pad(`macro-F1 journal sentences ${part} (7)`)}${journal.macroF1.toFixed(4)}`);
}
