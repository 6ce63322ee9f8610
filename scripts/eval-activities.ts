// Prints how well the activity extractor reads labelled journal sentences: precision and recall of
// activities and people on
//   dev    tests/activities/sentences.tsv, rows index % 3 != 2 (developed on);
//   dev-2  tests/activities/sentences.dev-2.tsv, all 450 rows (another author, developed on);
//   dev-3  tests/activities/sentences.dev-3.tsv, all rows (a third author, written for precision on unseen writing);
//   test   tests/activities/sentences.tsv, rows index % 3 == 2 (measured, never tuned on),
// and the time per entry. Labels are compared by their one name (worker/text/activity-names.ts).
//
//   npm run eval:activities                 # all three sets and the timing
//   npm run eval:activities -- --misses     # also list the dev, dev-2 and dev-3 rows read wrongly (never the test rows)
//   npm run eval:activities -- --no-test    # leave the test split out (for development runs)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractActivities } from "../worker/text/activities.ts";
import { evaluate, parseSentences, splitOf, TARGETS, type Report, type Score } from "../worker/text/activity-evaluation.ts";

const root = join(import.meta.dirname, "..");
const rows = parseSentences(readFileSync(join(root, "tests", "activities", "sentences.tsv"), "utf8"));
const dev2 = parseSentences(readFileSync(join(root, "tests", "activities", "sentences.dev-2.tsv"), "utf8"));
const dev3 = parseSentences(readFileSync(join(root, "tests", "activities", "sentences.dev-3.tsv"), "utf8"));
const dev = rows.filter((r) => splitOf(r.index) === "dev");
const withTest = !process.argv.includes("--no-test");

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (name: string, s: Score) =>
  `  ${name.padEnd(11)} precision ${pct(s.precision).padStart(6)} (${s.truePositives}/${s.predicted})   recall ${pct(s.recall).padStart(6)} (${s.truePositives}/${s.expected})`;

const reports: [string, string, Report][] = [
  ["dev", "sentences.tsv, index % 3 != 2", evaluate(dev)],
  ["dev-2", "sentences.dev-2.tsv, another author", evaluate(dev2)],
  ["dev-3", "sentences.dev-3.tsv, a third author", evaluate(dev3)],
];
// The test split is scored here and only its totals leave this block: its rows and misses are never printed.
if (withTest) reports.push(["test", "sentences.tsv, index % 3 == 2, never tuned on", evaluate(rows.filter((r) => splitOf(r.index) === "test"))]);

console.log(`activity extractor: ${rows.length} sentences in sentences.tsv, ${dev2.length} in sentences.dev-2.tsv, ${dev3.length} in sentences.dev-3.tsv\n`);
for (const [name, about, report] of reports) {
  console.log(`${name} (${report.rows} sentences: ${about})`);
  console.log(line("activities", report.activities));
  console.log(line("people", report.people));
}
const check = (ok: boolean) => (ok ? "meets target" : "BELOW TARGET");
for (const [name, , report] of reports) {
  if (name === "dev") continue;
  const a = report.activities;
  console.log(
    `${name} activities: precision ${pct(a.precision)} (target >= ${pct(TARGETS.precision)}: ${check(a.precision >= TARGETS.precision)}), recall ${pct(a.recall)} (target >= ${pct(TARGETS.recall)}: ${check(a.recall >= TARGETS.recall)})`,
  );
}

// Time per entry: typical entries of four sentences drawn from both labelled sets, many short rounds
// (this machine's speed drifts; a median over rounds is what one slow moment cannot move).
const texts = [...rows, ...dev2].map((r) => r.text);
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
console.log(`\ntime per entry (4 sentences, ~${chars} characters): median ${at(0.5)} µs, p90 ${at(0.9)} µs over ${times.length} rounds (budget: median under 500 µs)`);

if (process.argv.includes("--misses")) {
  for (const [name, , report] of reports) {
    if (name === "test") continue;
    console.log(`\n${report.misses.length} ${name} misses (expected → found):`);
    for (const m of report.misses) console.log(`  [${m.index}] ${m.kind}: ${JSON.stringify(m.expected)} → ${JSON.stringify(m.found)}   ${m.text}`);
  }
}
