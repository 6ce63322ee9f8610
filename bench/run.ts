// Tideline's benchmark (`npm run bench`): the production bundle beside a bare baseline Worker in one
// Miniflare, each on its own direct socket, measured in interleaved rounds at 10 connections, ratios
// as medians of per-round ratios; a scaling table over history sizes; insight jobs, imports, the
// local model, bundle size and start-up. Prints the tables and writes bench/results.json.
// `npm run bench -- --quick` runs every scenario briefly and fails on any wrong answer (for CI).
// Options: --sizes 1000,10000,50000 --main-size 10000 --rounds 5 --seconds 3 --warmup 2
//          --scale-rounds 3 --span-days 360 --out bench/results.json --profile write,list
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildWorker, profileStartup, root, startApp, type App, type StartupProfile } from "./lib/app.ts";
import { closeAgents, figuresOf, interleavedRounds, medianRatio, type Scenario, type ScenarioFigures, type SliceResult } from "./lib/load.ts";
import { loadValidator } from "./lib/openapi.ts";
import { profileScenarios, type ScenarioProfile } from "./lib/profile.ts";
import { loadProduct } from "./lib/product.ts";
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
  },
});

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
  out: args.out ?? (quick ? undefined : path.join(root, "bench", "results.json")),
  profile: (args.profile ?? "").split(",").filter(Boolean),
};
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
  localModel: Awaited<ReturnType<typeof measureLocalModel>>;
  pbkdf2Node: Awaited<ReturnType<typeof measurePbkdf2>>;
  main: { size: number; entries: number; rows: (ScenarioFigures & { baseline: string | null; ratio: number | null })[] };
  scaling: ScalingRow[];
  imports: ImportFigures;
  drain: DrainFigures;
  profiles: ScenarioProfile[];
  workerLogs: { warnings: number; errors: number; first: string[] };
  problems: string[];
  seconds: number;
}

function printReport(r: Results): string {
  const out: string[] = [];
  const main = r.main;
  out.push(`\n## Routes, one person with ${fmt(main.entries)} entries, ${r.config.connections} connections, median of ${r.config.rounds} interleaved rounds\n`);
  out.push(
    table(
      ["route", "req/s", "p50", "p99", "ratio to its baseline"],
      main.rows.map((f) => [f.label, fmt(f.rps), ms(f.p50), ms(f.p99), f.ratio !== null ? `${fmt(f.ratio, 2)} (${f.baseline})` : f.key.endsWith("@1") ? "–" : "1 (baseline)"]),
    ),
  );
  const signin = main.rows.find((f) => f.key === "signin@1");
  const write1 = main.rows.find((f) => f.key === "write@1");
  if (signin) {
    out.push(
      `\nSign-in: PBKDF2-SHA256 at ${fmt(r.pbkdf2Node.iterations)} iterations costs ${ms(r.pbkdf2Node.medianMs)} of CPU per sign-in (Node's WebCrypto on this machine); one sign-in at a time answers in ${ms(signin.p50)} (p50), so each core can sign in at most ~${fmt(1000 / r.pbkdf2Node.medianMs)} people per second.`,
    );
  }
  if (write1) out.push(`Journal write one at a time: p50 ${ms(write1.p50)}, p90 ${ms(write1.p90)}, p99 ${ms(write1.p99)}.`);

  out.push(`\n## Scaling with history (entries spread over the last ${r.config.spanDays} days)\n`);
  out.push(
    "Time per request = 1,000 ÷ req/s at 10 connections (one job at a time for the insight job), each round divided by its baseline's and multiplied by the baseline's median over the run, so that every size is read at the same machine speed. Growth: flat when the largest history costs at most 20% more than the smallest, else the better fit of a + b·ln(n) and a + b·n.\n",
  );
  const sizesHeader = r.scaling[0]!.points.map((p) => `${fmt(p.entries)} entries`);
  out.push(
    table(
      ["scenario", ...sizesHeader, `×${fmt(r.scaling[0]!.points.at(-1)!.entries / r.scaling[0]!.points[0]!.entries)} history`, "growth", "fit"],
      r.scaling.map((s) => [s.label, ...s.points.map((p) => ms(p.costMs)), `×${fmt(s.fit.ratio, 2)}`, s.fit.growth, s.fit.slope]),
    ),
  );

  out.push(`\n## Background work, imports, model, bundle\n`);
  out.push(
    table(
      ["figure", "value"],
      [
        ["insight jobs end to end (queue → consumer → local provider → insight ready)", `${fmt(r.drain.jobsPerSecond, 1)} jobs/s (${r.drain.jobs} jobs drained in ${fmt(r.drain.drainSeconds, 1)} s; ${r.drain.failed} failed)`],
        ["import (POST /api/entries/import, analysis off)", `${fmt(r.imports.entriesPerSecond)} entries/s (${r.imports.imports} × ${r.imports.entries} entries)`],
        [`local model, one analysis (entries of ${fmt(r.localModel.medianChars)} characters, median)`, `${fmt(r.localModel.model.medianUs)} µs (p90 of batches ${fmt(r.localModel.model.p90Us)} µs)`],
        ["full local reading (safety screen + model + feelings)", `${fmt(r.localModel.fullReading.medianUs)} µs (p90 of batches ${fmt(r.localModel.fullReading.p90Us)} µs)`],
        ["bundle (wrangler deploy --dry-run)", `${fmt(r.bundle.uploadKiB)} KiB, ${fmt(r.bundle.gzipKiB)} KiB gzip`],
        ["start-up CPU (wrangler check startup)", r.startup.profile ? `${ms(r.startup.profile.activeMs)} (incl. ${ms(r.startup.profile.gcMs)} GC)` : "n/a"],
        ["Miniflare ready / first answer", `${ms(r.startup.miniflareReadyMs)} / ${ms(r.startup.firstRequestMs)}`],
      ],
    ),
  );
  if (r.startup.profile) out.push(`\nStart-up self time by source: ${r.startup.profile.bySource.map((s) => `${s.source} ${fmt(s.ms, 1)} ms`).join(", ")}`);
  for (const p of r.profiles) {
    out.push(`\nCPU profile of ${p.label} (${p.path}; ${ms(p.busyMsPerRequest)} of JavaScript per request, waits left out)`);
    out.push(`  by source:   ${p.bySource.map((s) => `${s.source} ${fmt(s.share * 100, 0)}%`).join(", ")}`);
    out.push(`  by function: ${p.byFunction.slice(0, 6).map((s) => `${s.name} ${fmt(s.share * 100, 0)}%`).join(", ")}`);
  }
  out.push(`\nMachine: ${r.machine.cpus} × ${r.machine.model}, ${fmt(r.machine.memoryGiB)} GiB, Node ${r.machine.node}, load average at the end ${r.machine.loadAverage.map((l) => fmt(l, 2)).join(" ")}.`);
  return out.join("\n");
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
    log("local model");
    const localModel = await measureLocalModel(config.modelAnalyses);
    const pbkdf2Node = await measurePbkdf2(quick ? 2 : 20);

    const validator = await loadValidator(app.productUrl);
    const person = await createPerson(app, "history", { aiAnalysis: false });
    const ctx: Context = { app, person, validator, entryIds: [] };
    const runs: SizeRun[] = [];
    for (const size of config.sizes) runs.push(await runSize(app, ctx, size, size === config.mainSize));

    const mainRun = runs.find((r) => r.size === config.mainSize)!;
    const baselineOf = new Map<string, string>(MAIN_ROUTES.map((r) => [r.key, r.baseline]));
    const order = ["ok", "select", "insert", ...MAIN_ROUTES.map((r) => r.key), "write@1", "list@1", "signin@1"];
    const mainRows = order.map((key) => {
      // One request at a time has no baseline measured the same way: no ratio.
      const baseline = key.endsWith("@1") ? null : (baselineOf.get(key) ?? null);
      return { ...mainRun.figures[key]!, baseline, ratio: baseline ? medianRatio(mainRun.slices.get(key)!, mainRun.slices.get(baseline)!) : null };
    });

    let profiles: ScenarioProfile[] = [];
    if (config.profile.length > 0) {
      await tokenOf(app, person);
      const all = { ...routeScenarios(ctx, config.connections), ...baselineScenarios(ctx) } as Record<string, Scenario>;
      const chosen = config.profile.map((k) => {
        const s = all[k];
        if (!s) throw new Error(`--profile ${k}: no such scenario (${Object.keys(all).join(", ")})`);
        return s;
      });
      log(`profiling ${config.profile.join(", ")} at ${(await historyCounts(app, person)).entries} entries`);
      profiles = await profileScenarios(app, build, chosen, quick ? 1 : 8, path.join(root, "bench", "profiles"));
    }

    log("import throughput (analysis off)");
    const importer = await createPerson(app, "import", { aiAnalysis: false });
    const imports = await measureImport(ctx, importer, config.imports.size, config.imports.count);
    log(`  ${imports.entriesPerSecond.toFixed(0)} entries/s`);

    log(`insight jobs end to end: importing ${config.drainJobs} entries with analysis on`);
    const analysed = await createPerson(app, "drain", { aiAnalysis: true });
    const drain = await measureDrain(ctx, analysed, config.drainJobs, quick ? 120 : 900);
    log(`  ${drain.jobsPerSecond.toFixed(1)} jobs/s`);
    if (drain.failed > 0) problems.push(`${drain.failed} insight job(s) failed during the drain`);

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
      main: { size: mainRun.size, entries: mainRun.entriesBefore, rows: mainRows.map(({ perRoundRps, ...row }) => ({ ...row, perRoundRps })) },
      scaling: scalingRows(runs),
      imports,
      drain,
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
