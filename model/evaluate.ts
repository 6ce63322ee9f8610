// Scores the committed local emotion model on GoEmotions test.tsv (once; nothing is tuned here)
// and prints macro-F1 on the Ekman groups, the 28 labels and the sentiment groups, plus the
// median time per analysis.
//
//   npx node model/evaluate.ts                 # the whole test split
//   npx node model/evaluate.ts --sample 500    # a deterministic, evenly spaced sample of 500 rows
//   npx node model/evaluate.ts --split dev     # the same figures on dev (for comparison only)
//   npx node model/evaluate.ts --verbose       # per-class precision / recall / F1
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import weights from "./weights/emotion-model.ts";
import { analyzeEmotion, rawEmotionScores } from "../worker/emotion/local-model.ts";
import {
  LEVEL_LABELS,
  checkLabelOrder,
  datasetDir,
  formatReport,
  loadSplit,
  macroF1,
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

// decisions: raw score >= the class's dev-tuned threshold (= calibrated score >= 0.5)
const thr = weights.thresholds;
const pred: Record<Level, number[][]> = { fine: [], ekman: [], sentiment: [] };
for (const ex of rows) {
  const s = rawEmotionScores(ex.text);
  pred.fine.push(thr.fine.flatMap((t, c) => (s.fine[c]! >= t ? [c] : [])));
  pred.ekman.push(thr.ekman.flatMap((t, c) => (s.ekman[c]! >= t ? [c] : [])));
  pred.sentiment.push(thr.sentiment.flatMap((t, c) => (s.sentiment[c]! >= t ? [c] : [])));
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
console.log(`${pad("median time, 3-sentence entry (µs)")}${entryTimes[entryTimes.length >> 1]!.toFixed(1)}`);
