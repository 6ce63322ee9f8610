// Trains the safety screen's network (worker/safety/model.ts) on the training phrasings
// (tests/safety/phrasings.train-*.tsv and dev.tsv), picks its thresholds on a held-out fifth of them
// so that, together with the patterns, few ordinary texts are called a crisis, and writes the weights
// to worker/safety/data/safety-model.ts. The test phrasings are never trained or tuned on.
//
//   npm run model:train-safety [-- --bits 16 --hidden 8 --epochs 10 --lr 0.05 --l2 1e-4 --dry-run]
//   … --dry-run --curve      recall against the held-out and everyday false positives, threshold by threshold
//   … --dry-run --misses     the held-out phrasings read wrongly at a threshold of 0.5
//   … --dry-run --top        the everyday and held-out ordinary texts the model scores highest
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SafetyModelFile } from "../worker/safety/model.ts";
import { sentenceWords } from "../worker/safety/normalise.ts";
import { modelScores } from "../worker/safety/windows.ts";
import { decode, everydayForThresholds, everydayNegatives, netOptionsFromArgs, numberArg, pickThreshold, scoreTexts, trainingRounds, trainingSet, trainNet } from "./safety-net.ts";

const root = join(import.meta.dirname, "..");
const DRY_RUN = process.argv.includes("--dry-run");
/** At most this share of the held-out ordinary texts may be raised to crisis by the model. */
const MAX_EXTRA_CRISIS_FP = 0.02;
const MAX_EXTRA_DISTRESS_FP = 0.02;
/** …and at most this share of everyday writing (GoEmotions dev comments, dair-emotion sentences). */
const MAX_EVERYDAY_CRISIS = numberArg("everyday", 0.003);
const MAX_EVERYDAY_DISTRESS = 0.02;

// The dev phrasings were used to shape the patterns, not the model: the model learns from them too.
const rounds = trainingRounds();
const files = rounds.map((r) => r.file);
const rows = rounds.flatMap((r) => r.rows);
// A deterministic fifth is held out to choose the thresholds.
const held = rows.filter((_, i) => i % 5 === 4);
const train = rows.filter((_, i) => i % 5 !== 4);
console.log(`training on ${train.length} phrasings from ${files.join(", ")}; ${held.length} held out for thresholds`);

// Everyday comments the patterns find ordinary teach what ordinary is.
const everydayTrain = everydayNegatives();
const options = netOptionsFromArgs();
const set = trainingSet(train, everydayTrain, (1 << options.hashBits) - 1);
console.log(`plus ${everydayTrain.length} everyday comments from GoEmotions train as ordinary; ${set.examples.length} examples`);
const file: SafetyModelFile = trainNet(set, options, console.log);
const model = decode(file);

// Thresholds on the held-out fifth, with the quantised weights the Worker will use.
const scored = scoreTexts(model, held.map((r) => r.text)).map((s, i) => ({ ...s, row: held[i]!, level: held[i]!.level }));
// Everyday writing the thresholds must leave alone: GoEmotions dev comments and the dair-emotion
// sentences (which may be used to tune decisions such as these, never to fit weights).
const everydayTexts = everydayForThresholds();
const everyday = scoreTexts(model, everydayTexts);
const pick = (output: "crisis" | "distress", maxFp: number, maxEveryday: number) => pickThreshold(output, scored, everyday, maxFp, maxEveryday);
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
file.description = `Safety screen model: hashed words, stems, word pairs, negated words and word families of the normal form (2^${options.hashBits} buckets), ${options.hidden} ReLU units, int8 embedding; trained on ${train.length} phrasings (${files.join(", ")}).`;
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
  const heldConcern = scored.filter((s) => s.row.level === "concern");
  for (const t of [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995]) {
    const extra = heldOrdinary.filter((s) => s.patterns === "none" && s.distress >= t).length / heldOrdinary.length;
    const daily = everyday.filter((s) => s.patterns === "none" && s.distress >= t).length / everyday.length;
    const found = heldConcern.filter((s) => s.patterns !== "none" || s.distress >= t).length / heldConcern.length;
    console.log(`  distress t=${t}: concern flagged ${(found * 100).toFixed(1)}%, extra ordinary flagged ${(extra * 100).toFixed(2)}%, everyday ${(daily * 100).toFixed(2)}%`);
  }
}
if (process.argv.includes("--misses")) {
  for (const s of heldCrisis) if (s.patterns !== "crisis" && s.crisis < 0.5) console.log(`  missed ${s.crisis.toFixed(2)} ${s.row.text.slice(0, 200)}`);
  for (const s of heldOrdinary) if (s.patterns === "crisis" || s.crisis >= 0.5) console.log(`  ordinary called crisis (${s.patterns}) ${s.crisis.toFixed(2)} ${s.row.text.slice(0, 200)}`);
}
if (process.argv.includes("--top")) {
  const texts = everydayTexts;
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
