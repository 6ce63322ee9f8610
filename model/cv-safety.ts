// Cross-validation of the safety model by round: each fold holds out whole rounds of phrasings
// (each round was written separately), so the figures say how the model reads phrasings written by
// someone it never learnt from, which is what the held-out sets are. Never reads the test phrasings.
//
//   npm run model:cv-safety [-- --folds 5 --bits 16 --hidden 8 --epochs 20 --lr 0.05 --l2 1e-4 --dropout 0.3]
//   … --keep 0.5     train on half the other rounds (how recall grows with more phrasings)
//   … --train-only w,x,y   rounds always trained on, never held out (what adding them does)
//   … --no-average   the weights of the last epoch instead of the average of the second half's
import { decode, everydayForThresholds, everydayNegatives, netOptionsFromArgs, numberArg, pickThreshold, scoreTexts, trainingRounds, trainingSet, trainNet, type NetOptions } from "./safety-net.ts";

const options: NetOptions = netOptionsFromArgs();
const FOLDS = numberArg("folds", 5);
// --train-only u,v: rounds always trained on and never held out (to see what adding them does to the
// figures on the same held-out rounds).
const trainOnly = new Set((process.argv[process.argv.indexOf("--train-only") + 1] ?? "").split(",").filter((r) => process.argv.includes("--train-only") && r));
const roundName = (file: string) => file.replace(/^phrasings\.train-|\.tsv$/g, "");
const always = trainingRounds().filter((r) => trainOnly.has(roundName(r.file)));
const rounds = trainingRounds().filter((r) => r.file !== "phrasings.dev.tsv" && !trainOnly.has(roundName(r.file)));
const dev = trainingRounds().find((r) => r.file === "phrasings.dev.tsv")!;
const everydayTrain = everydayNegatives();
const everydayTexts = everydayForThresholds();

let concernFound = 0, concernCount = 0;
let found = 0, crises = 0, foundPatterns = 0, fpCount = 0, ordinaryCount = 0, distressFound = 0, distressCount = 0;
const at: Record<string, { found: number; fp: number }> = {};
const byKind = new Map<string, { found: number; all: number }>();
for (let fold = 0; fold < FOLDS; fold++) {
  const heldRounds = rounds.filter((_, i) => i % FOLDS === fold);
  const keep = numberArg("keep", 1);
  const trainRows = [dev, ...always, ...rounds.filter((_, i) => i % FOLDS !== fold).filter((_, i, all) => i < Math.round(all.length * keep))].flatMap((r) => r.rows);
  const heldRows = heldRounds.flatMap((r) => r.rows);
  const file = trainNet(trainingSet(trainRows, everydayTrain, (1 << options.hashBits) - 1), options);
  const model = decode(file);
  const held = scoreTexts(model, heldRows.map((r) => r.text)).map((s, i) => ({ ...s, level: heldRows[i]!.level }));
  const everyday = scoreTexts(model, everydayTexts);
  const t = pickThreshold("crisis", held, everyday, 0.02, 0.003);
  const td = pickThreshold("distress", held, everyday, 0.02, 0.02);
  const crisis = held.filter((s) => s.level === "crisis");
  const ordinary = held.filter((s) => s.level === "none");
  const distress = held.filter((s) => s.level !== "none");
  const f = crisis.filter((s) => s.patterns === "crisis" || s.crisis >= t).length;
  const fp = ordinary.filter((s) => s.patterns === "crisis" || s.crisis >= t).length;
  const df = distress.filter((s) => s.patterns !== "none" || s.crisis >= t || s.distress >= td).length;
  for (const fixed of [0.5, 0.8, 0.9, 0.95, 0.98]) {
    const slot = (at[fixed] ??= { found: 0, fp: 0 });
    slot.found += crisis.filter((s) => s.patterns === "crisis" || s.crisis >= fixed).length;
    slot.fp += ordinary.filter((s) => s.patterns === "crisis" || s.crisis >= fixed).length;
  }
  held.forEach((s, i) => {
    if (s.level !== "crisis") return;
    const kind = heldRows[i]!.kind;
    const slot = byKind.get(kind) ?? { found: 0, all: 0 };
    slot.all++;
    if (s.patterns === "crisis" || s.crisis >= t) slot.found++;
    byKind.set(kind, slot);
  });
  const concern = held.filter((s) => s.level === "concern");
  concernCount += concern.length;
  concernFound += concern.filter((s) => s.patterns !== "none" || s.crisis >= t || s.distress >= td).length;
  found += f; crises += crisis.length; fpCount += fp; ordinaryCount += ordinary.length; distressFound += df; distressCount += distress.length;
  foundPatterns += crisis.filter((s) => s.patterns === "crisis").length;
  console.log(`fold ${fold} (${heldRounds.map((r) => roundName(r.file)).join("")}): threshold ${t}, crisis ${f}/${crisis.length}, ordinary called crisis ${fp}/${ordinary.length}, flagged ${df}/${distress.length}`);
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`\nby round (${FOLDS} folds): crisis recall ${pct(found, crises)} (patterns alone ${pct(foundPatterns, crises)}), ordinary called crisis ${pct(fpCount, ordinaryCount)}, crisis or concern flagged ${pct(distressFound, distressCount)}, concern flagged ${pct(concernFound, concernCount)}`);
for (const [t, s] of Object.entries(at)) console.log(`  at ${t}: recall ${pct(s.found, crises)}, ordinary called crisis ${pct(s.fp, ordinaryCount)}`);
if (process.argv.includes("--kinds")) {
  for (const [kind, s] of [...byKind].filter(([, s]) => s.all >= 10).sort((a, b) => a[1].found / a[1].all - b[1].found / b[1].all)) console.log(`  ${kind.padEnd(28)} ${pct(s.found, s.all).padStart(6)} of ${s.all}`);
}
