// Prints how well the safety screen reads labelled phrasings (tests/safety/phrasings.*.tsv) and what
// it costs on a long entry. The dev set is for tuning the vocabulary; the test set only reports.
//
//   npm run eval:safety                 # the test set (the figures the issue's targets apply to)
//   npm run eval:safety -- --split dev  # the set the patterns are tuned on
//   npm run eval:safety -- --split held # rounds written after the shipped model (never trained on)
//   npm run eval:safety -- --misses     # list every phrasing read wrongly
//   npm run eval:safety -- --patterns-only   # the patterns without the model (to see what each adds)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate, parsePhrasings, TARGETS } from "../worker/safety/evaluation.ts";
import { screenText } from "../worker/safety/screen.ts";

const root = join(import.meta.dirname, "..");
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const split = arg("split") ?? "test";
if (!/^(dev|test|held|(train|held)-[a-z0-9]+)$/.test(split)) throw new Error("--split must be dev, test, held, train-<name> or held-<name>");
const dir = join(root, "tests", "safety");
// `held`: every round written after the shipped model was trained (phrasings.held-*.tsv), together.
const files = split === "held" ? readdirSync(dir).filter((f) => /^phrasings\.held-[a-z0-9]+\.tsv$/.test(f)).sort() : [`phrasings.${split}.tsv`];
const rows = files.flatMap((f) => parsePhrasings(readFileSync(join(dir, f), "utf8")));
const patternsOnly = process.argv.includes("--patterns-only");
const report = evaluate(rows, { patternsOnly });

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`safety screen${patternsOnly ? " (patterns only)" : ""} on ${files.join(", ")}: ${report.total} phrasings (${report.counts.crisis} crisis, ${report.counts.concern} concern, ${report.counts.none} ordinary)\n`);
console.log("expected \\ screened   none  concern  crisis");
for (const level of ["crisis", "concern", "none"] as const) {
  const r = report.confusion[level];
  console.log(`${level.padEnd(21)}${String(r.none).padStart(5)}${String(r.concern).padStart(9)}${String(r.crisis).padStart(8)}`);
}
console.log("");
const check = (ok: boolean) => (ok ? "meets target" : "BELOW TARGET");
console.log(`crisis recall                      ${pct(report.crisisRecall).padStart(6)}  (target >= ${pct(TARGETS.crisisRecall)}: ${check(report.crisisRecall >= TARGETS.crisisRecall)})`);
console.log(`ordinary text called crisis        ${pct(report.ordinaryCalledCrisis).padStart(6)}  (target <= ${pct(TARGETS.ordinaryCalledCrisis)}: ${check(report.ordinaryCalledCrisis <= TARGETS.ordinaryCalledCrisis)})`);
console.log(`crisis or concern flagged at all   ${pct(report.distressRecall).padStart(6)}`);
console.log(`concern flagged (concern+)         ${pct(report.concernRecall).padStart(6)}`);
console.log(`ordinary text flagged at all       ${pct(report.ordinaryFlagged).padStart(6)}`);

// Cost on a 3,000-character entry, two ways: ordinary sentences only (every part runs: the patterns
// on each sentence holding an anchor word, then the model over every sentence and pair) and the
// same with one crisis sentence at the end (the patterns find it, so the model is not asked).
const ordinary = rows.filter((r) => r.level === "none").map((r) => r.text);
let long = "";
for (let i = 0; long.length < 3_100; i++) long += `${ordinary[i % ordinary.length]} `;
const ordinaryEntry = long.slice(0, 3_000).replace(/\S*$/, "");
const crisisEntry = `${long.slice(0, 2_900).replace(/\S*$/, "")}. Some nights I think everyone would be better off without me.`;
// Many short rounds spread over a couple of seconds, the two entries taking turns: this machine's
// speed drifts, and a median over rounds is what a single slow moment cannot move.
const timings = new Map<string, number[]>([[ordinaryEntry, []], [crisisEntry, []]]);
for (const entry of timings.keys()) for (let i = 0; i < 300; i++) screenText(entry);
for (let round = 0; round < 400; round++) {
  for (const [entry, times] of timings) {
    const start = performance.now();
    for (let i = 0; i < 10; i++) screenText(entry);
    times.push((performance.now() - start) / 10);
  }
  if (round % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log("");
for (const [entry, times] of timings) {
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))]! * 1000).toFixed(0);
  const what = entry === ordinaryEntry ? "an ordinary" : "a crisis";
  console.log(`time to screen ${what} ${entry.length}-character entry: median ${at(0.5)} µs, p10 ${at(0.1)} µs, p90 ${at(0.9)} µs over ${times.length} rounds (budget 200 µs)`);
}

if (process.argv.includes("--misses")) {
  console.log(`\n${report.misses.length} phrasings read wrongly:`);
  for (const m of report.misses) console.log(`  [${m.expected} -> ${m.got}] (${m.kind}) ${m.patterns.length ? `{${m.patterns.join(",")}} ` : ""}${m.text.slice(0, 300)}`);
}
