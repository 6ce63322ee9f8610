// "A backlog never freezes the app" (issue 10 part 3): a person imports a long journal with deep
// analysis on, and while the import's insight jobs drain through the real queue (Miniflare's, in the
// same workerd as everything else) people keep reading. Reads are sent at a steady pace, not in a
// closed loop, so that a slow answer cannot hide the ones that would have queued behind it; their
// latency is compared with the same reads' latency measured just before, with nothing in the queue.
import type { App } from "./app.ts";
import { send, type RequestSpec } from "./load.ts";
import type { WindowProfile } from "./profile.ts";
import { exportFile } from "./scenarios.ts";
import { api, createPerson, seedHistory, type Person } from "./seed.ts";
import { percentile } from "./stats.ts";

/** The import route's body limit (IMPORT_BODY_LIMIT in worker/app.ts is 10 MB), with room to spare. */
const MAX_IMPORT_BYTES = 9 * 1024 * 1024;

interface Sample {
  /** When the request was sent, ms since the scenario started. */
  at: number;
  ms: number;
  status: number;
}

interface Reader {
  key: string;
  label: string;
  baseUrl: string;
  spec: () => RequestSpec;
}

export interface LatencyFigures {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers that were not 200 (or no answer at all). */
  errors: number;
  /** Reads not even sent: that many were already waiting for an answer (the app was frozen). */
  heldBack: number;
}

export interface BacklogReadFigures {
  key: string;
  label: string;
  idle: LatencyFigures;
  /** From the first import request until every insight had settled. */
  busy: LatencyFigures;
  duringImport: LatencyFigures;
  afterImport: LatencyFigures;
  /** busy over idle. */
  ratioP50: number;
  ratioP90: number;
  problems: string[];
}

export interface BacklogFigures {
  entries: number;
  chunks: number;
  /** Entries per import request: the most the route accepts (its documented maxItems) within its body limit. */
  chunkSize: number;
  importSeconds: number;
  /** From the first import request until every insight was ready or failed. */
  drainSeconds: number;
  /** End to end: entries over drainSeconds. */
  jobsPerSecond: number;
  /** Insights settled per second once the import had answered (the consumer alone). */
  tailJobsPerSecond: number;
  settledWhenImported: number;
  ready: number;
  failed: number;
  drained: boolean;
  readIntervalMs: number;
  reads: BacklogReadFigures[];
  /** Settled insights over time (seconds since the first import request), a few points. */
  timeline: { seconds: number; settled: number }[];
  /** With --profile backlog: the Worker's isolate sampled at the start of the import and of the drain. */
  profiles: WindowProfile[];
}

/** Samples the Worker's isolate for a while (bench/lib/profile.ts, profileWindow). */
export type Profiler = (key: string, label: string, seconds: number) => Promise<WindowProfile>;

function latencyOf(samples: Sample[], heldBack = 0): LatencyFigures {
  const ok = samples.filter((s) => s.status === 200).map((s) => s.ms);
  return {
    heldBack,
    requests: samples.length,
    p50: percentile(ok, 0.5),
    p90: percentile(ok, 0.9),
    p99: percentile(ok, 0.99),
    max: ok.length ? Math.max(...ok) : Number.NaN,
    errors: samples.length - ok.length,
  };
}

/**
 * Sends `reader`'s request every `intervalMs` until stopped, whether or not the previous one has
 * answered (at most `maxInFlight` at once), and keeps each one's latency.
 */
function pacedReader(reader: Reader, intervalMs: number, t0: number, maxInFlight = 64) {
  const samples: Sample[] = [];
  const problems: string[] = [];
  let inFlight = 0;
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  const fire = () => {
    if (inFlight >= maxInFlight) {
      skipped++;
      return;
    }
    inFlight++;
    const at = performance.now();
    const p = send(reader.baseUrl, reader.spec(), maxInFlight)
      .then(
        (res) => {
          samples.push({ at: at - t0, ms: performance.now() - at, status: res.status });
          if (res.status !== 200 && problems.length < 3) problems.push(`${reader.label} answered ${res.status}: ${res.body.slice(0, 200)}`);
        },
        (err: unknown) => {
          samples.push({ at: at - t0, ms: performance.now() - at, status: 0 });
          if (problems.length < 3) problems.push(`${reader.label}: no answer (${err instanceof Error ? err.message : String(err)})`);
        },
      )
      .finally(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  };
  fire();
  const timer = setInterval(fire, intervalMs);
  return {
    samples,
    problems,
    /** Reads not sent because `maxInFlight` were already waiting: the app was not answering at all. */
    skipped: () => skipped,
    /** Stops sending and waits for the answers still out. */
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}

/** The most entries one import request takes, from the route's own OpenAPI document. */
async function importChunkLimit(app: App): Promise<number> {
  const res = await send(app.productUrl, { path: "/api/openapi.json" });
  const doc = JSON.parse(res.body) as { components?: { schemas?: Record<string, { properties?: { entries?: { maxItems?: number } } }> } };
  const max = doc.components?.schemas?.ExportFile?.properties?.entries?.maxItems;
  if (!max) throw new Error("the OpenAPI document gives no maxItems for ExportFile.entries: update bench/lib/backlog.ts");
  return max;
}

/** Splits an export into files the route accepts: at most `maxEntries` entries and MAX_IMPORT_BYTES each. */
function importChunks(file: ReturnType<typeof exportFile>, maxEntries: number): string[] {
  const out: string[] = [];
  let size = maxEntries;
  for (let i = 0; i < file.entries.length; ) {
    const body = JSON.stringify({ ...file, entries: file.entries.slice(i, i + size) });
    if (Buffer.byteLength(body) > MAX_IMPORT_BYTES && size > 1) {
      size = Math.floor(size / 2);
      continue;
    }
    out.push(body);
    i += size;
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Idle reads for `idleSeconds`; then `entries` imported with analysis on while the same reads go on,
 * until every insight of the import is ready or failed (or `timeoutSeconds` have passed).
 */
export async function measureBacklog(
  app: App,
  opts: { entries: number; idleSeconds: number; readIntervalMs: number; timeoutSeconds: number; historyEntries: number; log: (msg: string) => void; profiler?: Profiler; profileSeconds?: number },
): Promise<BacklogFigures> {
  // The importer already has a history (written without jobs), so that its page of 20 costs the same
  // before and during the import; the bystander is someone else using the app meanwhile.
  const importer = await createPerson(app, "backlog", { aiAnalysis: false });
  const bystander = await createPerson(app, "bystander", { aiAnalysis: false });
  for (const [i, p] of [importer, bystander].entries()) {
    await seedHistory(app, p, opts.historyEntries, { spanDays: 360, endAt: Date.now() - 3_600_000, seed: 500 + i });
  }
  await api(app, { method: "PUT", path: "/api/settings", token: importer.token, body: JSON.stringify({ ai_analysis: true }) }, 200);

  const auth = (p: Person) => ({ authorization: `Bearer ${p.token}` });
  const readers: Reader[] = [
    { key: "own-list", label: "GET /api/entries (the importer's page of 20)", baseUrl: app.productUrl, spec: () => ({ path: "/api/entries?limit=20", headers: auth(importer) }) },
    { key: "other-list", label: "GET /api/entries (someone else's page of 20)", baseUrl: app.productUrl, spec: () => ({ path: "/api/entries?limit=20", headers: auth(bystander) }) },
    { key: "select", label: "bare D1 select by primary key (baseline Worker)", baseUrl: app.baselineUrl, spec: () => ({ path: `/select?id=${bystander.id}` }) },
  ];
  // Warm-up: the routes compiled and the sockets open before anything is timed.
  for (const r of readers) for (let i = 0; i < 5; i++) await send(r.baseUrl, r.spec(), 16);

  const t0 = performance.now();
  const idle = readers.map((r) => pacedReader(r, opts.readIntervalMs, t0));
  await sleep(opts.idleSeconds * 1000);
  await Promise.all(idle.map((x) => x.stop()));

  const file = exportFile(opts.entries, 4242);
  const chunkSize = Math.min(await importChunkLimit(app), opts.entries);
  const chunks = importChunks(file, chunkSize);
  const busy = readers.map((r) => pacedReader(r, opts.readIntervalMs, t0));
  const importStart = performance.now();
  const profileSeconds = opts.profileSeconds ?? 5;
  const importProfile = opts.profiler?.("backlog-import", "the Worker's isolate while the import runs", profileSeconds);
  const counts = async () =>
    (await app.db
      .prepare("SELECT count(*) FILTER (WHERE status = 'ready') AS ready, count(*) FILTER (WHERE status = 'failed') AS failed FROM insights WHERE user_id = ?")
      .bind(importer.id)
      .first<{ ready: number; failed: number }>())!;
  let created = 0;
  for (const body of chunks) {
    const result = await api<{ created: number }>(app, { method: "POST", path: "/api/entries/import", token: importer.token, body }, 200);
    created += result.created;
  }
  if (created !== opts.entries) throw new Error(`the import created ${created} of ${opts.entries} entries`);
  const imported = performance.now();
  let c = await counts();
  const settledWhenImported = c.ready + c.failed;
  const profiles: WindowProfile[] = [];
  let drainProfile: Promise<WindowProfile> | undefined;
  if (importProfile) {
    profiles.push(await importProfile);
    drainProfile = opts.profiler!("backlog-drain", "the Worker's isolate while the queue drains", profileSeconds);
  }
  opts.log(`  imported ${opts.entries} entries in ${chunks.length} request(s) in ${((imported - importStart) / 1000).toFixed(1)} s; ${settledWhenImported} insights already settled`);
  const timeline = [{ seconds: (imported - importStart) / 1000, settled: settledWhenImported }];
  let lastNote = performance.now();
  while (c.ready + c.failed < opts.entries && (performance.now() - importStart) / 1000 < opts.timeoutSeconds) {
    await sleep(500);
    c = await counts();
    if (performance.now() - lastNote > 15_000) {
      lastNote = performance.now();
      timeline.push({ seconds: (performance.now() - importStart) / 1000, settled: c.ready + c.failed });
      opts.log(`  ${c.ready + c.failed} of ${opts.entries} insights settled after ${((performance.now() - importStart) / 1000).toFixed(0)} s`);
    }
  }
  const drained = performance.now();
  if (drainProfile) profiles.push(await drainProfile);
  await Promise.all(busy.map((x) => x.stop()));
  timeline.push({ seconds: (drained - importStart) / 1000, settled: c.ready + c.failed });

  const importAt = importStart - t0;
  const importedAt = imported - t0;
  const reads = readers.map((r, i): BacklogReadFigures => {
    const idleFigures = latencyOf(idle[i]!.samples, idle[i]!.skipped());
    const samples = busy[i]!.samples;
    const busyFigures = latencyOf(samples, busy[i]!.skipped());
    return {
      key: r.key,
      label: r.label,
      idle: idleFigures,
      busy: busyFigures,
      duringImport: latencyOf(samples.filter((s) => s.at >= importAt && s.at < importedAt)),
      afterImport: latencyOf(samples.filter((s) => s.at >= importedAt)),
      ratioP50: busyFigures.p50 / idleFigures.p50,
      ratioP90: busyFigures.p90 / idleFigures.p90,
      problems: [...idle[i]!.problems, ...busy[i]!.problems],
    };
  });
  const settled = c.ready + c.failed;
  const drainSeconds = (drained - importStart) / 1000;
  const tailSeconds = (drained - imported) / 1000;
  return {
    entries: opts.entries,
    chunks: chunks.length,
    chunkSize,
    importSeconds: (imported - importStart) / 1000,
    drainSeconds,
    jobsPerSecond: settled / drainSeconds,
    tailJobsPerSecond: tailSeconds > 0 ? (settled - settledWhenImported) / tailSeconds : Number.NaN,
    settledWhenImported,
    ready: c.ready,
    failed: c.failed,
    drained: settled >= opts.entries,
    readIntervalMs: opts.readIntervalMs,
    reads,
    timeline,
    profiles,
  };
}
