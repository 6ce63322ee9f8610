// Tideline's benchmark (`npm run bench`): the production bundle beside a bare baseline Worker in one
// Miniflare, each on its own direct socket, measured in interleaved rounds at 10 connections, ratios
// as medians of per-round ratios; a scaling table over history sizes; insight jobs, imports, the
// local model, bundle size and start-up; reads while a 5,000-entry import's insight jobs drain (the
// backlog); 60 s of mixed traffic from 20 people with every invariant checked afterwards (the load).
// Prints the tables and writes bench/results.json.
// `npm run bench -- --quick` runs every scenario briefly and fails on any wrong answer (for CI).
// Options: --sizes 1000,10000,50000 --main-size 10000 --rounds 5 --seconds 3 --warmup 2
//          --scale-rounds 3 --span-days 360 --out bench/results.json --profile write,list
//          --only routes,model,imports,drain,load,backlog (sections to run; all by default)
//          --backlog-entries 5000 --load-seconds 60 --load-people 20 --load-connections 50
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildWorker, profileStartup, root, startApp, type App, type StartupProfile } from "./lib/app.ts";
import { closeAgents, figuresOf, interleavedRounds, medianRatio, type Scenario, type ScenarioFigures, type SliceResult } from "./lib/load.ts";
import { loadValidator } from "./lib/openapi.ts";
import { profileScenarios, profileWindow, type ScenarioProfile } from "./lib/profile.ts";
import { loadProduct } from "./lib/product.ts";
import { measureBacklog, type BacklogFigures, type LatencyFigures } from "./lib/backlog.ts";
import { measureMixedLoad, type MixedLoadFigures } from "./lib/mixed-load.ts";
import { describeTraffic } from "./lib/mixed-traffic.ts";
import { baselineScenarios, insightJobScenario, measureDrain, measureImport, routeScenarios, type Context, type DrainFigures, type ImportFigures } from "./lib/scenarios.ts";
import { createPerson, entryText, historyCounts, rng, sampleEntryIds, seedHistory, tokenOf } from "./lib/seed.ts";
import { classifyGrowth, median, percentile, type GrowthFit } from "./lib/stats.ts";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    "main-size": { type: "string" },
    rounds: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    "scale-rounds": { type: "string" },
    "span-days": { type: "string", default: "360" },
    out: { type: "string" },
    profile: { type: "string" },
    only: { type: "string" },
    "backlog-entries": { type: "string" },
    "load-seconds": { type: "string" },
    "load-people": { type: "string" },
    "load-connections": { type: "string" },
  },
});

const SECTIONS = ["routes", "model", "imports", "drain", "load", "backlog"] as const;
type Section = (typeof SECTIONS)[number];

const quick = args.quick;
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const sizes = (args.sizes ?? (quick ? "150,300,600" : "1000,10000,50000")).split(",").map(Number).sort((a, b) => a - b);
const config = {
  quick,
  sizes,
  mainSize: num(args["main-size"], quick ? sizes[1]! : sizes.includes(10_000) ? 10_000 : sizes[Math.floor(sizes.length / 2)]!),
  rounds: num(args.rounds, quick ? 1 : 5),
  scaleRounds: num(args["scale-rounds"], quick ? 1 : 3),
  seconds: num(args.seconds, quick ? 0.4 : 3),
  warmupSeconds: num(args.warmup, quick ? 0.2 : 2),
  jobsPerSlice: quick ? 2 : 12,
  spanDays: num(args["span-days"], 360),
  connections: 10,
  checkEvery: quick ? 1 : 10,
  imports: quick ? { size: 20, count: 1 } : { size: 500, count: 3 },
  drainJobs: quick ? 10 : 300,
  modelAnalyses: quick ? 100 : 3000,
  // A partial run (--only) does not replace the full run's results unless asked to.
  out: args.out ?? (quick || args.only ? undefined : path.join(root, "bench", "results.json")),
  profile: (args.profile ?? "").split(",").filter(Boolean),
  sections: (args.only ?? SECTIONS.join(",")).split(",").filter(Boolean) as Section[],
  backlog: {
    entries: num(args["backlog-entries"], quick ? 300 : 5000),
    idleSeconds: quick ? 2 : 10,
    readIntervalMs: 200,
    historyEntries: quick ? 40 : 500,
    timeoutSeconds: quick ? 180 : 1800,
  },
  load: {
    seconds: num(args["load-seconds"], quick ? 4 : 60),
    people: num(args["load-people"], 20),
    connections: num(args["load-connections"], 50),
  },
};
for (const s of config.sections) if (!SECTIONS.includes(s)) throw new Error(`--only ${s}: no such section (${SECTIONS.join(", ")})`);
const runs = (section: Section) => config.sections.includes(section);
if (!config.sizes.includes(config.mainSize)) throw new Error(`--main-size ${config.mainSize} must be one of --sizes ${config.sizes.join(",")}`);

const started = Date.now();
const log = (msg: string) => console.error(`[bench +${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`);
const problems: string[] = [];

// ---------- the local model, in Node (the same V8 as workerd) ----------

async function measureLocalModel(n: number) {
  const product = await loadProduct();
  const random = rng(99);
  const texts = Array.from({ length: 500 }, () => entryText(random).content);
  const fns = { model: (t: string) => product.analyzeEmotion(t), fullReading: (t: string) => product.readLocally({ title: null, content: t }) };
  for (const fn of Object.values(fns)) for (let i = 0; i < 200; i++) fn(texts[i % texts.length]!);
  // Batches of 100 of each in turn, so that both are timed at the same machine speed.
  const perBatch = { model: [] as number[], fullReading: [] as number[] };
  for (let done = 0; done < n; done += 100) {
    for (const key of ["model", "fullReading"] as const) {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) fns[key](texts[(done + i) % texts.length]!);
      perBatch[key].push(((performance.now() - t0) * 1000) / 100);
    }
  }
  const figures = (us: number[]) => ({ medianUs: median(us), p90Us: percentile(us, 0.9) });
  return { analyses: n, medianChars: median(texts.map((t) => t.length)), model: figures(perBatch.model), fullReading: figures(perBatch.fullReading) };
}

// ---------- PBKDF2 alone, in Node's WebCrypto, for the sign-in's cost ----------

async function measurePbkdf2(times: number) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("a benchmark passphrase"), "PBKDF2", false, ["deriveBits"]);
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(16), iterations: 100_000 }, key, 256);
    ms.push(performance.now() - t0);
  }
  return { iterations: 100_000, medianMs: median(ms) };
}

// ---------- one history size ----------

interface SizeRun {
  size: number;
  entriesBefore: number;
  entriesAfter: number;
  seedSeconds: number;
  slices: Map<string, SliceResult[]>;
  figures: Record<string, ScenarioFigures>;
}

const SCALING = [
  { key: "write", baseline: "insert" },
  { key: "list", baseline: "select" },
  { key: "search", baseline: "select" },
  { key: "mood", baseline: "select" },
  { key: "summary", baseline: "select" },
  { key: "calendar", baseline: "select" },
  { key: "activities", baseline: "select" },
  { key: "memories", baseline: "select" },
  { key: "job", baseline: "job-baseline" },
] as const;

const MAIN_ROUTES = [
  { key: "list", baseline: "select" },
  { key: "search", baseline: "select" },
  { key: "get", baseline: "select" },
  { key: "write", baseline: "insert" },
  { key: "suggestions", baseline: "select" },
  { key: "path", baseline: "select" },
  { key: "mood", baseline: "select" },
  { key: "summary", baseline: "select" },
  { key: "calendar", baseline: "select" },
  { key: "activities", baseline: "select" },
  { key: "memories", baseline: "select" },
  { key: "signin", baseline: "select" },
] as const;

async function runSize(app: App, ctx: Context, size: number, isMain: boolean): Promise<SizeRun> {
  const before = await historyCounts(app, ctx.person);
  let seedSeconds = 0;
  if (before.entries < size) {
    log(`seeding ${size - before.entries} entries (history ${before.entries} -> ${size})`);
    const seeded = await seedHistory(app, ctx.person, size - before.entries, { spanDays: config.spanDays, endAt: Date.now() - 3_600_000, seed: size, progress: (note) => log(`  ${note}`) });
    seedSeconds = seeded.seconds;
    log(`  seeded in ${seedSeconds.toFixed(1)} s (${Math.round((size - before.entries) / seedSeconds)} entries/s)`);
  }
  const counts = await historyCounts(app, ctx.person);
  if (counts.entries !== counts.states) problems.push(`after seeding to ${size}: ${counts.entries} entries in D1 but ${counts.states} states in the graph`);

  await tokenOf(app, ctx.person);
  ctx.entryIds = await sampleEntryIds(app, ctx.person, 200);
  const rounds = isMain ? config.rounds : config.scaleRounds;
  const jobs = (rounds + 1) * config.jobsPerSlice;
  const pool = await sampleEntryIds(app, ctx.person, jobs, "NOT EXISTS (SELECT 1 FROM insights i WHERE i.entry_id = entries.id)");
  if (pool.length < jobs) throw new Error(`only ${pool.length} unanalysed entries for ${jobs} insight jobs: use larger --sizes`);

  const base = baselineScenarios(ctx);
  const routes = routeScenarios(ctx, config.connections);
  const one = routeScenarios(ctx, 1);
  const group: Scenario[] = [
    base.select,
    base.insert,
    routes.write,
    routes.list,
    routes.search,
    routes.mood,
    routes.summary,
    routes.calendar,
    routes.activities,
    routes.memories,
    insightJobScenario(ctx, pool, { jobsPerSlice: config.jobsPerSlice }),
    insightJobScenario(ctx, [], { gone: true, jobsPerSlice: config.jobsPerSlice }),
  ];
  if (isMain) {
    group.push(base.ok, routes.get, routes.suggestions, routes.path, routes.signin);
    for (const key of ["write", "list", "signin"] as const) group.push({ ...one[key], key: `${key}@1`, label: `${one[key].label}, one at a time` });
  }
  log(`history ${counts.entries}: ${group.length} scenarios × ${rounds} round(s) of ${config.seconds} s at ${config.connections} connections`);
  const slices = await interleavedRounds(group, {
    rounds,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
    checkEvery: config.checkEvery,
    onRound: (r) => log(`  round ${r}/${rounds} done`),
  });
  const figures = Object.fromEntries(group.map((s) => [s.key, figuresOf(s, slices.get(s.key)!)]));
  for (const f of Object.values(figures)) {
    if (f.errors > 0) problems.push(`${f.label} at ${counts.entries} entries: ${f.errors} wrong answer(s): ${f.problems.join(" | ")}`);
  }
  const after = await historyCounts(app, ctx.person);
  return { size, entriesBefore: counts.entries, entriesAfter: after.entries, seedSeconds, slices, figures };
}

// ---------- report ----------

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a");
const ms = (n: number) => (n >= 100 ? `${fmt(n)} ms` : n >= 10 ? `${fmt(n, 1)} ms` : `${fmt(n, 2)} ms`);

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

interface ScalingRow {
  key: string;
  label: string;
  baseline: string;
  points: { size: number; entries: number; p50: number; rps: number; relativeCost: number; costMs: number }[];
  fit: GrowthFit;
}

function scalingRows(runs: SizeRun[]): ScalingRow[] {
  return SCALING.map(({ key, baseline }) => {
    // Drift-corrected cost: the route's cost over its baseline's in the same round, times the
    // baseline's median cost over the whole run, so that every size is read at the same machine speed.
    const baseCost = median(runs.flatMap((r) => r.slices.get(baseline)!.map((s) => 1000 / s.rps)));
    const points = runs.map((r) => {
      const relativeCost = 1 / medianRatio(r.slices.get(key)!, r.slices.get(baseline)!);
      const f = r.figures[key]!;
      return { size: r.size, entries: Math.round((r.entriesBefore + r.entriesAfter) / 2), p50: f.p50, rps: f.rps, relativeCost, costMs: relativeCost * baseCost };
    });
    const fit = classifyGrowth(
      points.map((p) => p.entries),
      points.map((p) => p.costMs),
      " ms",
    );
    return { key, label: runs[0]!.figures[key]!.label, baseline, points, fit };
  });
}

interface Results {
  quick: boolean;
  date: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string; loadAverage: number[] };
  config: typeof config;
  bundle: { uploadKiB: number; gzipKiB: number; scriptBytes: number };
  startup: { profile: StartupProfile | null; miniflareReadyMs: number; firstRequestMs: number };
  // Absent when --only left their section out.
  localModel?: Awaited<ReturnType<typeof measureLocalModel>>;
  pbkdf2Node?: Awaited<ReturnType<typeof measurePbkdf2>>;
  main?: { size: number; entries: number; rows: (ScenarioFigures & { baseline: string | null; ratio: number | null })[] };
  scaling?: ScalingRow[];
  imports?: ImportFigures;
  drain?: DrainFigures;
  load?: MixedLoadFigures;
  backlog?: BacklogFigures;
  profiles: ScenarioProfile[];
  workerLogs: { warnings: number; errors: number; first: string[] };
  problems: string[];
  seconds: number;
}

function printReport(r: Results): string {
  const out: string[] = [];
  if (r.main && r.scaling) printRoutes(out, r, r.main, r.scaling);
  printBackground(out, r);
  if (r.load) printLoad(out, r.load);
  if (r.backlog) printBacklog(out, r.backlog);
  out.push(`\nMachine: ${r.machine.cpus} × ${r.machine.model}, ${fmt(r.machine.memoryGiB)} GiB, Node ${r.machine.node}, load average at the end ${r.machine.loadAverage.map((l) => fmt(l, 2)).join(" ")}.`);
  return out.join("\n");
}

function printRoutes(out: string[], r: Results, main: NonNullable<Results["main"]>, scaling: ScalingRow[]) {
  out.push(`\n## Routes, one person with ${fmt(main.entries)} entries, ${r.config.connections} connections, median of ${r.config.rounds} interleaved rounds\n`);
  out.push(
    table(
      ["route", "req/s", "p50", "p99", "ratio to its baseline"],
      main.rows.map((f) => [f.label, fmt(f.rps), ms(f.p50), ms(f.p99), f.ratio !== null ? `${fmt(f.ratio, 2)} (${f.baseline})` : f.key.endsWith("@1") ? "–" : "1 (baseline)"]),
    ),
  );
  const signin = main.rows.find((f) => f.key === "signin@1");
  const write1 = main.rows.find((f) => f.key === "write@1");
  if (signin && r.pbkdf2Node) {
    out.push(
      `\nSign-in: PBKDF2-SHA256 at ${fmt(r.pbkdf2Node.iterations)} iterations costs ${ms(r.pbkdf2Node.medianMs)} of CPU per sign-in (Node's WebCrypto on this machine); one sign-in at a time answers in ${ms(signin.p50)} (p50), so each core can sign in at most ~${fmt(1000 / r.pbkdf2Node.medianMs)} people per second.`,
    );
  }
  if (write1) out.push(`Journal write one at a time: p50 ${ms(write1.p50)}, p90 ${ms(write1.p90)}, p99 ${ms(write1.p99)}.`);

  out.push(`\n## Scaling with history (entries spread over the last ${r.config.spanDays} days)\n`);
  out.push(
    "Time per request = 1,000 ÷ req/s at 10 connections (one job at a time for the insight job), each round divided by its baseline's and multiplied by the baseline's median over the run, so that every size is read at the same machine speed. Growth: flat when the largest history costs at most 20% more than the smallest, else the better fit of a + b·ln(n) and a + b·n.\n",
  );
  const sizesHeader = scaling[0]!.points.map((p) => `${fmt(p.entries)} entries`);
  out.push(
    table(
      ["scenario", ...sizesHeader, `×${fmt(scaling[0]!.points.at(-1)!.entries / scaling[0]!.points[0]!.entries)} history`, "growth", "fit"],
      scaling.map((s) => [s.label, ...s.points.map((p) => ms(p.costMs)), `×${fmt(s.fit.ratio, 2)}`, s.fit.growth, s.fit.slope]),
    ),
  );
}

function printBackground(out: string[], r: Results) {
  out.push(`\n## Background work, imports, model, bundle\n`);
  const rows: string[][] = [];
  if (r.drain) rows.push(["insight jobs end to end (queue → consumer → local provider → insight ready)", `${fmt(r.drain.jobsPerSecond, 1)} jobs/s (${r.drain.jobs} jobs drained in ${fmt(r.drain.drainSeconds, 1)} s; ${r.drain.failed} failed)`]);
  if (r.backlog) rows.push([`insight jobs of a ${fmt(r.backlog.entries)}-entry import (backlog, below)`, `${fmt(r.backlog.jobsPerSecond, 1)} jobs/s end to end, ${fmt(r.backlog.tailJobsPerSecond, 1)} jobs/s once the import had answered`]);
  if (r.imports) rows.push(["import (POST /api/entries/import, analysis off)", `${fmt(r.imports.entriesPerSecond)} entries/s (${r.imports.imports} × ${r.imports.entries} entries)`]);
  if (r.localModel) {
    rows.push(
      [`local model, one analysis (entries of ${fmt(r.localModel.medianChars)} characters, median)`, `${fmt(r.localModel.model.medianUs)} µs (p90 of batches ${fmt(r.localModel.model.p90Us)} µs)`],
      ["full local reading (safety screen + model + feelings)", `${fmt(r.localModel.fullReading.medianUs)} µs (p90 of batches ${fmt(r.localModel.fullReading.p90Us)} µs)`],
    );
  }
  rows.push(
    ["bundle (wrangler deploy --dry-run)", `${fmt(r.bundle.uploadKiB)} KiB, ${fmt(r.bundle.gzipKiB)} KiB gzip`],
    ["start-up CPU (wrangler check startup)", r.startup.profile ? `${ms(r.startup.profile.activeMs)} (incl. ${ms(r.startup.profile.gcMs)} GC)` : "n/a"],
    ["Miniflare ready / first answer", `${ms(r.startup.miniflareReadyMs)} / ${ms(r.startup.firstRequestMs)}`],
  );
  out.push(table(["figure", "value"], rows));
  if (r.startup.profile) out.push(`\nStart-up self time by source: ${r.startup.profile.bySource.map((s) => `${s.source} ${fmt(s.ms, 1)} ms`).join(", ")}`);
  for (const p of r.profiles) {
    const longest = "longestBusyMs" in p ? (p as { longestBusyMs: number[] }).longestBusyMs : null;
    out.push(
      longest
        ? `\nCPU profile of ${p.label} (${p.path}; ${ms(p.busyMs)} of JavaScript in ${ms(p.wallMs)}; longest unbroken stretches ${longest.map(ms).join(", ")})`
        : `\nCPU profile of ${p.label} (${p.path}; ${ms(p.busyMsPerRequest)} of JavaScript per request, waits left out)`,
    );
    out.push(`  by source:   ${p.bySource.map((s) => `${s.source} ${fmt(s.share * 100, 0)}%`).join(", ")}`);
    out.push(`  by function: ${p.byFunction.slice(0, 6).map((s) => `${s.name} ${fmt(s.share * 100, 0)}%`).join(", ")}`);
  }
}

function printLoad(out: string[], l: MixedLoadFigures) {
  out.push(`\n## Load with correctness: ${l.people} people, ${l.connections} connections, ${fmt(l.seconds, 1)} s of mixed traffic\n`);
  out.push(describeTraffic(l));
  out.push(
    `\nAfterwards (insight jobs settled ${fmt(l.drainSeconds, 1)} s after the traffic${l.unsettled > 0 ? `, ${l.unsettled} still unsettled` : ""}): ${
      l.invariantProblems.length === 0
        ? "every acknowledged write exists exactly once as last acknowledged, every acknowledged delete is gone, every person's graph (totals, transitions with their medians, history with tried actions) matches a recomputation from D1"
        : `${l.invariantProblems.length} invariant(s) broken`
    }${l.checkAttempts > 1 ? ` (checked ${l.checkAttempts} times, a second apart)` : ""}.`,
  );
}

function printBacklog(out: string[], b: BacklogFigures) {
  out.push(`\n## A backlog never freezes the app: ${fmt(b.entries)} entries imported with analysis on\n`);
  out.push(
    `Imported in ${b.chunks} request(s) of up to ${fmt(b.chunkSize)} entries in ${fmt(b.importSeconds, 1)} s; every insight ${b.drained ? "settled" : "did NOT settle"} ${fmt(b.drainSeconds, 1)} s after the first request (${fmt(b.ready)} ready, ${fmt(b.failed)} failed): ${fmt(b.jobsPerSecond, 1)} jobs/s end to end, ${fmt(b.tailJobsPerSecond, 1)} jobs/s after the import answered (${fmt(b.settledWhenImported)} had settled by then).`,
  );
  out.push(
    `Reads sent every ${b.readIntervalMs} ms each, whatever the previous one's answer (held back: not sent because 64 were already waiting); idle = the same reads just before the import; busy = from the first import request until every insight had settled. Target: within 2× of idle.\n`,
  );
  const lat = (f: LatencyFigures) => `${ms(f.p50)} / ${ms(f.p90)} / ${ms(f.max)}`;
  out.push(
    table(
      ["read", "idle p50 / p90 / max", "busy p50 / p90 / max", "during import p50 / p90", "after import p50 / p90", "ratio p50", "ratio p90", "not 200", "held back"],
      b.reads.map((x) => [
        x.label,
        lat(x.idle),
        lat(x.busy),
        `${ms(x.duringImport.p50)} / ${ms(x.duringImport.p90)}`,
        `${ms(x.afterImport.p50)} / ${ms(x.afterImport.p90)}`,
        `${fmt(x.ratioP50, 2)}×`,
        `${fmt(x.ratioP90, 2)}×`,
        String(x.idle.errors + x.busy.errors),
        String(x.idle.heldBack + x.busy.heldBack),
      ]),
    ),
  );
  out.push(`\nSettled insights over time: ${b.timeline.map((p) => `${fmt(p.settled)} at ${fmt(p.seconds, 0)} s`).join(", ")}.`);
}

// ---------- main ----------

async function main() {
  log(`${quick ? "quick check" : "full run"}: sizes ${config.sizes.join(", ")}, main table at ${config.mainSize}`);
  log("building the Worker (wrangler deploy --dry-run)");
  const build = await buildWorker();
  log(`  ${build.uploadKiB} KiB / gzip ${build.gzipKiB} KiB in ${build.buildSeconds.toFixed(1)} s`);
  let startupProfile: StartupProfile | null = null;
  try {
    startupProfile = profileStartup(build);
    log(`  start-up CPU ${startupProfile.activeMs} ms`);
  } catch (err) {
    problems.push(`wrangler check startup: ${err instanceof Error ? err.message.slice(0, 500) : String(err)}`);
  }
  const app = await startApp(build, { inspector: config.profile.length > 0 });
  log(`Miniflare ready in ${app.startupMs.ready.toFixed(0)} ms, first answer at ${app.startupMs.firstRequest.toFixed(0)} ms`);
  try {
    const localModel = runs("model") ? (log("local model"), await measureLocalModel(config.modelAnalyses)) : undefined;
    const pbkdf2Node = runs("model") || runs("routes") ? await measurePbkdf2(quick ? 2 : 20) : undefined;

    const validator = await loadValidator(app.productUrl);
    const person = await createPerson(app, "history", { aiAnalysis: false });
    const ctx: Context = { app, person, validator, entryIds: [] };
    let main: Results["main"];
    let scaling: Results["scaling"];
    let profiles: ScenarioProfile[] = [];
    if (runs("routes")) {
      const sizeRuns: SizeRun[] = [];
      for (const size of config.sizes) sizeRuns.push(await runSize(app, ctx, size, size === config.mainSize));

      const mainRun = sizeRuns.find((r) => r.size === config.mainSize)!;
      const baselineOf = new Map<string, string>(MAIN_ROUTES.map((r) => [r.key, r.baseline]));
      const order = ["ok", "select", "insert", ...MAIN_ROUTES.map((r) => r.key), "write@1", "list@1", "signin@1"];
      const mainRows = order.map((key) => {
        // One request at a time has no baseline measured the same way: no ratio.
        const baseline = key.endsWith("@1") ? null : (baselineOf.get(key) ?? null);
        return { ...mainRun.figures[key]!, baseline, ratio: baseline ? medianRatio(mainRun.slices.get(key)!, mainRun.slices.get(baseline)!) : null };
      });
      main = { size: mainRun.size, entries: mainRun.entriesBefore, rows: mainRows.map(({ perRoundRps, ...row }) => ({ ...row, perRoundRps })) };
      scaling = scalingRows(sizeRuns);

      const routeProfiles = config.profile.filter((k) => k !== "backlog");
      if (routeProfiles.length > 0) {
        await tokenOf(app, person);
        const all = { ...routeScenarios(ctx, config.connections), ...baselineScenarios(ctx) } as Record<string, Scenario>;
        const chosen = routeProfiles.map((k) => {
          const s = all[k];
          if (!s) throw new Error(`--profile ${k}: no such scenario (${Object.keys(all).join(", ")})`);
          return s;
        });
        log(`profiling ${routeProfiles.join(", ")} at ${(await historyCounts(app, person)).entries} entries`);
        profiles = await profileScenarios(app, build, chosen, quick ? 1 : 8, path.join(root, "bench", "profiles"));
      }
    }

    let imports: ImportFigures | undefined;
    if (runs("imports")) {
      log("import throughput (analysis off)");
      const importer = await createPerson(app, "import", { aiAnalysis: false });
      imports = await measureImport(ctx, importer, config.imports.size, config.imports.count);
      log(`  ${imports.entriesPerSecond.toFixed(0)} entries/s`);
    }

    let drain: DrainFigures | undefined;
    if (runs("drain")) {
      log(`insight jobs end to end: importing ${config.drainJobs} entries with analysis on`);
      const analysed = await createPerson(app, "drain", { aiAnalysis: true });
      drain = await measureDrain(ctx, analysed, config.drainJobs, quick ? 120 : 900);
      log(`  ${drain.jobsPerSecond.toFixed(1)} jobs/s`);
      if (drain.failed > 0) problems.push(`${drain.failed} insight job(s) failed during the drain`);
    }

    let load: MixedLoadFigures | undefined;
    if (runs("load")) {
      const l = config.load;
      log(`load with correctness: ${l.seconds} s of mixed traffic from ${l.people} people over ${l.connections} connections`);
      load = await measureMixedLoad(app, l);
      log(`  ${load.requests} requests (${load.rps.toFixed(0)} req/s); insight jobs settled ${load.drainSeconds.toFixed(1)} s after; ${load.invariantProblems.length} invariant problem(s)`);
      if (load.serverErrors > 0) problems.push(`load: ${load.serverErrors} answer(s) with a 5xx`);
      if (load.leaks > 0) problems.push(`load: ${load.leaks} answer(s) carried another person's words`);
      if (load.failures > 0) problems.push(`load: ${load.failures} wrong answer(s): ${load.problems.slice(0, 5).join(" | ")}`);
      if (load.unsettled > 0) problems.push(`load: ${load.unsettled} insight(s) had not settled ${load.drainSeconds.toFixed(0)} s after the traffic`);
      for (const p of load.invariantProblems.slice(0, 20)) problems.push(`load, afterwards: ${p}`);
      if (load.invariantProblems.length > 20) problems.push(`load, afterwards: … and ${load.invariantProblems.length - 20} more`);
    }

    let backlog: BacklogFigures | undefined;
    if (runs("backlog")) {
      const b = config.backlog;
      log(`backlog: reads while the insight jobs of a ${b.entries}-entry import drain`);
      const profiler = config.profile.includes("backlog")
        ? (key: string, label: string, seconds: number) => profileWindow(app, build, key, label, seconds, path.join(root, "bench", "profiles"))
        : undefined;
      backlog = await measureBacklog(app, { ...b, log, profiler, profileSeconds: quick ? 3 : 10 });
      profiles.push(...backlog.profiles);
      if (!backlog.drained) problems.push(`backlog: only ${backlog.ready + backlog.failed} of ${backlog.entries} insights settled within ${b.timeoutSeconds} s`);
      if (backlog.failed > 0) problems.push(`backlog: ${backlog.failed} insight job(s) failed`);
      for (const r of backlog.reads) for (const p of r.problems) problems.push(`backlog: ${p}`);
      const worst = Math.max(...backlog.reads.filter((r) => r.key !== "select").map((r) => r.ratioP50));
      log(`  drained at ${backlog.jobsPerSecond.toFixed(1)} jobs/s; reads at ${worst.toFixed(2)}× their idle p50 (target 2×)`);
    }

    const warnings = app.logs.filter((l) => l.level === "warn");
    const errors = app.logs.filter((l) => l.level === "error");
    if (errors.length > 0) problems.push(`the Worker logged ${errors.length} error(s), e.g. ${errors[0]!.message.slice(0, 300)}`);

    const results: Results = {
      quick,
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", memoryGiB: os.totalmem() / 2 ** 30, node: process.version, loadAverage: os.loadavg() },
      config,
      bundle: { uploadKiB: build.uploadKiB, gzipKiB: build.gzipKiB, scriptBytes: build.scriptBytes },
      startup: { profile: startupProfile, miniflareReadyMs: app.startupMs.ready, firstRequestMs: app.startupMs.firstRequest },
      localModel,
      pbkdf2Node,
      main,
      scaling,
      imports,
      drain,
      load,
      backlog,
      profiles,
      workerLogs: { warnings: warnings.length, errors: errors.length, first: app.logs.slice(0, 5).map((l) => `${l.level}: ${l.message.slice(0, 300)}`) },
      problems,
      seconds: (Date.now() - started) / 1000,
    };
    console.log(printReport(results));
    if (config.out) {
      writeFileSync(config.out, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v), 2)}\n`);
      log(`wrote ${path.relative(process.cwd(), config.out)}`);
    }
  } catch (err) {
    const errors = app.logs.filter((l) => l.level === "error").slice(-5);
    if (errors.length > 0) console.error(`The Worker's last errors:\n${errors.map((l) => `  ${l.message}`).join("\n")}`);
    throw err;
  } finally {
    closeAgents();
    await app.stop();
  }
  if (problems.length > 0) {
    console.error(`\n✖ ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exitCode = 1;
  } else {
    log(`✔ every scenario answered correctly (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
