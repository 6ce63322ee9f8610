// The system under test: the production bundle (built by `wrangler deploy --dry-run`, exactly what
// would be uploaded) and the bare baseline Worker, in one Miniflare, each on its own direct socket,
// sharing one D1 database. The configuration comes from wrangler.toml, with three changes for the
// benchmark: no Workers AI binding (no local simulator; AI_PROVIDER=local), no static assets (only
// /api is measured), and the sign-in rate limit raised so that sign-in can be measured at all.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from "wrangler";
import { analyseProfile, type CpuProfile } from "./cpu-profile.ts";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const quietEnv: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  CI: process.env.CI ?? "1",
  // The project's Node 22 (node_modules/.bin) first, for the wrangler children too.
  PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
};

export interface Build {
  dir: string;
  /** The Worker's module, as uploaded. */
  script: string;
  /** The upload itself (multipart, as `wrangler deploy --outfile` writes it), for `wrangler check startup`. */
  upload: string;
  /** The benchmark's seeding Worker (bench/workers/seeder.ts), bundled the same way. */
  seeder: string;
  /** As wrangler reports it ("Total Upload: … KiB / gzip: … KiB"). */
  uploadKiB: number;
  gzipKiB: number;
  scriptBytes: number;
  buildSeconds: number;
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

function wrangler(args: string[], what: string): string {
  const out = spawnSync("npx", ["wrangler", ...args], { cwd: root, env: quietEnv, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const text = stripAnsi(`${out.stdout}\n${out.stderr}`);
  if (out.status !== 0) throw new Error(`${what} failed (exit ${out.status}):\n${text}`);
  return text;
}

/** wrangler.toml as Miniflare options (quietly: its notes about .dev.vars and AI are not for us). */
function wranglerConfig() {
  const saved = process.env.WRANGLER_LOG;
  process.env.WRANGLER_LOG = "error";
  try {
    return unstable_getMiniflareWorkerOptions(path.join(root, "wrangler.toml")).workerOptions;
  } finally {
    if (saved === undefined) delete process.env.WRANGLER_LOG;
    else process.env.WRANGLER_LOG = saved;
  }
}

/** The parts of a multipart upload (the boundary is its first line). */
async function uploadParts(file: string): Promise<Map<string, string>> {
  const bytes = readFileSync(file);
  const boundary = bytes.subarray(0, bytes.indexOf("\r\n")).toString("utf8").replace(/^--/, "");
  const form = await new Response(bytes, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` } }).formData();
  const parts = new Map<string, string>();
  for (const [name, value] of form.entries()) parts.set(name, typeof value === "string" ? value : await value.text());
  return parts;
}

/**
 * Bundles the Worker as `wrangler deploy` would upload it (offline, --dry-run), into a fresh
 * temporary directory, and the seeding Worker beside it.
 */
export async function buildWorker(): Promise<Build> {
  const dir = mkdtempSync(path.join(tmpdir(), "tideline-bench-build-"));
  const t0 = performance.now();
  const upload = path.join(dir, "worker.bundle");
  const text = wrangler(["deploy", "--dry-run", "--outfile", upload], "wrangler deploy --dry-run");
  const size = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(text);
  if (!size) throw new Error(`wrangler did not print the bundle size:\n${text}`);
  const parts = await uploadParts(upload);
  const meta = JSON.parse(parts.get("metadata") ?? "{}") as { main_module?: string };
  const main = parts.get(meta.main_module ?? "index.js");
  if (!main) throw new Error(`the upload has no ${meta.main_module ?? "index.js"} (parts: ${[...parts.keys()].join(", ")})`);
  const script = path.join(dir, "index.js");
  writeFileSync(script, main);
  const buildSeconds = (performance.now() - t0) / 1000;

  const workerOptions = wranglerConfig();
  const seederDir = path.join(dir, "seeder");
  wrangler(
    ["deploy", "--dry-run", "--outdir", seederDir, "--config", path.join("bench", "workers", "seeder.wrangler.toml"), "--compatibility-date", String(workerOptions.compatibilityDate)],
    "bundling bench/workers/seeder.ts",
  );
  return {
    dir,
    script,
    upload,
    seeder: path.join(seederDir, "seeder.js"),
    uploadKiB: Number(size[1]),
    gzipKiB: Number(size[2]),
    scriptBytes: statSync(script).size,
    buildSeconds,
  };
}

export interface StartupProfile {
  /** CPU time spent evaluating the Worker's top-level code, as `wrangler check startup` reports it. */
  activeMs: number;
  gcMs: number;
  windowMs: number;
  /** Self time by source file (from esbuild's "// path" markers in the bundle), largest first. */
  bySource: { source: string; ms: number }[];
}

/** `wrangler check startup` on the built upload: a CPU profile of the Worker's start-up, run locally. */
export function profileStartup(build: Build): StartupProfile {
  const profilePath = path.join(build.dir, "startup.cpuprofile");
  const text = wrangler(["check", "startup", "--worker", build.upload, "--outfile", profilePath], "wrangler check startup");
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? Number.NaN);
  return {
    activeMs: num(/Active:\s*([\d.]+)\s*ms/),
    gcMs: num(/including\s*([\d.]+)\s*ms garbage/),
    windowMs: num(/Profile window:\s*([\d.]+)\s*ms/),
    bySource: analyseProfile(JSON.parse(readFileSync(profilePath, "utf8")) as CpuProfile, build.script).bySource.slice(0, 8),
  };
}

/** Miniflare's D1 binding as seen from Node. */
export type D1 = Awaited<ReturnType<Miniflare["getD1Database"]>>;

export interface App {
  mf: Miniflare;
  /** The DevTools inspector's base URL, when started for --profile. */
  inspectorUrl: string | null;
  productUrl: string;
  baselineUrl: string;
  seederUrl: string;
  /** The D1 database both Workers use, reached from Node through Miniflare. */
  db: D1;
  jwtSecret: string;
  /** Time from `new Miniflare()` until both Workers answered their first request. */
  startupMs: { ready: number; firstRequest: number };
  /** Lines the Workers logged at warn or error level (kept for the report). */
  logs: { level: string; message: string }[];
  stop(): Promise<void>;
}

/** `graphFor(env, id)` from Node: the person's EmotionalGraph through Miniflare's proxy. */
export interface GraphStub {
  recordStates(states: unknown[]): Promise<number>;
  stateCount(): Promise<number>;
}

export async function graphOf(app: App, userId: string): Promise<GraphStub> {
  const ns = await app.mf.getDurableObjectNamespace("EMOTIONAL_GRAPH", "tideline");
  return ns.get(ns.idFromName(userId)) as unknown as GraphStub;
}

type QueueDispatch = (queue: string, messages: { id: string; timestamp: Date; body: unknown; attempts: number }[]) => Promise<{
  outcome: string;
  explicitAcks: string[];
  retryMessages: { msgId: string }[];
}>;

/** Hands a batch straight to the Worker's queue handler, as the queue would (no batching wait). */
export async function dispatchQueue(app: App, queue: string, bodies: unknown[]) {
  const worker = (await app.mf.getWorker("tideline")) as unknown as { queue: QueueDispatch };
  const messages = bodies.map((body) => ({ id: crypto.randomUUID().replaceAll("-", ""), timestamp: new Date(), body, attempts: 1 }));
  const result = await worker.queue(queue, messages);
  return { messages, result };
}

export async function applyMigrations(db: D1): Promise<void> {
  const dir = path.join(root, "migrations");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    const queries = unstable_splitSqlQuery(readFileSync(path.join(dir, file), "utf8"));
    await db.batch(queries.map((q) => db.prepare(q)));
  }
  // The baseline Worker's own table for the bare insert.
  await db.exec("CREATE TABLE IF NOT EXISTS bench_rows (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL)");
}

const SIGN_IN_LIMIT = 1_000_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startApp(build: Build, opts: { inspector?: boolean } = {}): Promise<App> {
  const workerOptions = wranglerConfig();
  // Dropped: Workers AI (it cannot run locally), static assets (only /api is measured), and the
  // options that describe an unbundled Worker (the bundle replaces them).
  const { ai: _ai, assets: _assets, modulesRules: _rules, rootPath: _root, ...product } = workerOptions as Record<string, unknown> & {
    bindings?: Record<string, unknown>;
    ratelimits?: Record<string, { namespace_id: string; simple: { limit: number; period?: 10 | 60 } }>;
    compatibilityDate?: string;
    d1Databases?: unknown;
  };
  const jwtSecret = randomBytes(32).toString("hex");
  const ratelimits = Object.fromEntries(
    Object.entries(product.ratelimits ?? {}).map(([name, rl]) => [name, { namespace_id: rl.namespace_id, simple: { ...rl.simple, limit: SIGN_IN_LIMIT } }]),
  );
  const logs: App["logs"] = [];
  const t0 = performance.now();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      telemetry: { enabled: false },
      port: 0,
      // Only for --profile: an attached inspector is not free.
      ...(opts.inspector ? { inspectorPort: await freePort() } : {}),
      handleStructuredLogs: (log: { level: string; message: string }) => {
        if (log.level === "warn" || log.level === "error") logs.push({ level: log.level, message: log.message.slice(0, 2000) });
      },
      workers: [
        {
          ...product,
          name: "tideline",
          modules: true,
          scriptPath: build.script,
          modulesRoot: build.dir,
          // .dev.vars may hold a developer's secret: the benchmark brings its own.
          bindings: { ...product.bindings, JWT_SECRET: jwtSecret, AI_PROVIDER: "local" },
          ratelimits,
          unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        },
        {
          name: "seeder",
          modules: true,
          scriptPath: build.seeder,
          modulesRoot: path.dirname(build.seeder),
          compatibilityDate: product.compatibilityDate,
          d1Databases: product.d1Databases,
          durableObjects: { EMOTIONAL_GRAPH: { className: "EmotionalGraph", scriptName: "tideline", useSQLite: true } },
          unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        },
        {
          name: "baseline",
          modules: true,
          scriptPath: path.join(root, "bench", "baseline-worker.js"),
          modulesRoot: path.join(root, "bench"),
          compatibilityDate: product.compatibilityDate,
          d1Databases: product.d1Databases,
          unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        },
      ],
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  const stop = async () => {
    await mf.dispose();
    rmSync(build.dir, { recursive: true, force: true });
  };
  try {
    await mf.ready;
    const ready = performance.now() - t0;
    const productUrl = (await mf.unsafeGetDirectURL("tideline")).href.replace(/\/$/, "");
    const baselineUrl = (await mf.unsafeGetDirectURL("baseline")).href.replace(/\/$/, "");
    const seederUrl = (await mf.unsafeGetDirectURL("seeder")).href.replace(/\/$/, "");
    // A route that needs no database: the first request pays for whatever start-up was left.
    const first = await fetch(`${productUrl}/api/entries`);
    if (first.status !== 401) throw new Error(`the Worker's first answer was ${first.status}, not 401`);
    const firstRequest = performance.now() - t0;
    const db = await mf.getD1Database("DB", "tideline");
    await applyMigrations(db);
    const inspectorUrl = opts.inspector ? (await mf.getInspectorURL()).href.replace(/^ws/, "http").replace(/\/$/, "") : null;
    return { mf, inspectorUrl, productUrl, baselineUrl, seederUrl, db, jwtSecret, startupMs: { ready, firstRequest }, logs, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}
