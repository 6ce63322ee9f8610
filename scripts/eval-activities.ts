// Prints how well the activity extractor reads the labelled sentences (tests/activities/sentences.tsv):
// precision and recall of activities and people on the dev split (rows the tables were shaped on) and
// on the test split (every third row, index % 3 == 2: measured, never tuned on), and the time per entry.
//
//   npm run eval:activities              # both splits and the timing
//   npm run eval:activities -- --misses  # also list the dev rows read wrongly (never the test rows)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractActivities } from "../worker/text/activities.ts";
import { evaluate, parseSentences, splitOf, TARGETS, type Score } from "../worker/text/activity-evaluation.ts";

const root = join(import.meta.dirname, "..");
const rows = parseSentences(readFileSync(join(root, "tests", "activities", "sentences.tsv"), "utf8"));
const dev = rows.filter((r) => splitOf(r.index) === "dev");
const test = rows.filter((r) => splitOf(r.index) === "test");

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (name: string, s: Score) =>
  `  ${name.padEnd(11)} precision ${pct(s.precision).padStart(6)} (${s.truePositives}/${s.predicted})   recall ${pct(s.recall).padStart(6)} (${s.truePositives}/${s.expected})`;

const devReport = evaluate(dev);
const testReport = evaluate(test);
console.log(`activity extractor on tests/activities/sentences.tsv: ${rows.length} labelled sentences\n`);
for (const [name, report] of [
  ["dev", devReport],
  ["test", testReport],
] as const) {
  console.log(`${name} (${report.rows} sentences${name === "test" ? ", index % 3 == 2, never tuned on" : ""})`);
  console.log(line("activities", report.activities));
  console.log(line("people", report.people));
}
const check = (ok: boolean) => (ok ? "meets target" : "BELOW TARGET");
const a = testReport.activities;
console.log(`\ntest activities: precision ${pct(a.precision)} (target >= ${pct(TARGETS.precision)}: ${check(a.precision >= TARGETS.precision)}), recall ${pct(a.recall)} (target >= ${pct(TARGETS.recall)}: ${check(a.recall >= TARGETS.recall)})`);

// Time per entry: typical entries of four sentences drawn from the labelled set, many short rounds
// (this machine's speed drifts; a median over rounds is what one slow moment cannot move).
const texts = rows.map((r) => r.text);
const entries = Array.from({ length: 100 }, (_, i) => [0, 1, 2, 3].map((k) => texts[(i * 7 + k * 13) % texts.length]).join(" "));
for (let i = 0; i < 2000; i++) extractActivities(entries[i % entries.length]!);
const times: number[] = [];
for (let round = 0; round < 300; round++) {
  const start = performance.now();
  for (const entry of entries) extractActivities(entry);
  times.push(((performance.now() - start) / entries.length) * 1000);
  if (round % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 20));
}
times.sort((x, y) => x - y);
const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(1);
const chars = Math.round(entries.reduce((n, e) => n + e.length, 0) / entries.length);
console.log(`time per entry (4 sentences, ~${chars} characters): median ${at(0.5)} µs, p90 ${at(0.9)} µs over ${times.length} rounds (budget: well under 1,000 µs)`);

if (process.argv.includes("--misses")) {
  console.log(`\n${devReport.misses.length} dev misses (expected → found):`);
  for (const m of devReport.misses) console.log(`  [${m.index}] ${m.kind}: ${JSON.stringify(m.expected)} → ${JSON.stringify(m.found)}   ${m.text}`);
}
