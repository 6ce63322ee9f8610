// What the benchmark measures. HTTP scenarios go to a Worker's direct socket and check every status
// and (every n-th, or every one in --quick) body against the Worker's own OpenAPI document; the
// insight job is handed straight to the Worker's queue handler; imports and the queue's drain rate
// are timed end to end.
import { dispatchQueue, type App } from "./app.ts";
import type { RequestSpec, Response, Scenario, SliceResult } from "./load.ts";
import type { ResponseValidator } from "./openapi.ts";
import { api, entryText, rng, SEARCH_TERMS, type Person } from "./seed.ts";

export interface Context {
  app: App;
  person: Person;
  validator: ResponseValidator;
  /** Ids of the person's entries, for "get one entry". */
  entryIds: string[];
}

const json = (body: string): Record<string, unknown> => JSON.parse(body) as Record<string, unknown>;
const auth = (person: Person) => ({ authorization: `Bearer ${person.token}` });

function documented(ctx: Context, method: string, template: string, status: number, extra?: (body: Record<string, unknown>, spec: RequestSpec) => string | null) {
  return (res: Response, spec: RequestSpec) => ctx.validator.check(method, template, status, res.body) ?? (extra ? extra(json(res.body), spec) : null);
}

/** The bare baseline Worker: a Response, a D1 select by primary key, a D1 insert. */
export function baselineScenarios(ctx: Context): Record<"ok" | "select" | "insert", Scenario> {
  const { app, person } = ctx;
  return {
    ok: {
      key: "ok",
      label: "bare Response(\"ok\")",
      baseUrl: app.baselineUrl,
      request: () => ({ path: "/ok" }),
      expectStatus: 200,
      check: (res) => (res.body === "ok" ? null : `answered ${res.body.slice(0, 40)}`),
    },
    select: {
      key: "select",
      label: "bare D1 select by primary key",
      baseUrl: app.baselineUrl,
      request: () => ({ path: `/select?id=${person.id}` }),
      expectStatus: 200,
      check: (res) => (json(res.body).id === person.id ? null : "the select did not find the person"),
    },
    insert: {
      key: "insert",
      label: "bare D1 insert",
      baseUrl: app.baselineUrl,
      request: (i) => ({ method: "POST", path: "/insert", body: JSON.stringify({ n: i, text: "a row of about the size of a short entry" }) }),
      expectStatus: 201,
      check: (res) => (typeof json(res.body).id === "string" ? null : "no id"),
    },
  };
}

export type RouteKey = "list" | "search" | "get" | "write" | "suggestions" | "path" | "mood" | "summary" | "calendar" | "activities" | "memories" | "signin";

/** What the memory-search scenario asks: the way people recall, not the words they wrote. */
const MEMORY_QUERIES = ["the time I felt calm by the water", "talking with my sister", "worried I could not sleep", "cooking and dancing at home", "a good workout"] as const;

/** Tideline's routes, for one person. */
export function routeScenarios(ctx: Context, connections = 10): Record<RouteKey, Scenario> {
  const { app, person } = ctx;
  const base = { baseUrl: app.productUrl, connections };
  const texts = rng(7);
  return {
    list: {
      ...base,
      key: "list",
      label: "GET /api/entries (page of 20)",
      request: () => ({ path: "/api/entries?limit=20", headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/entries", 200, (b) => ((b.entries as unknown[]).length === 20 ? null : `a page of ${(b.entries as unknown[]).length}, not 20`)),
    },
    search: {
      ...base,
      key: "search",
      label: "GET /api/entries/search?q=…",
      request: (i) => ({ path: `/api/entries/search?q=${SEARCH_TERMS[i % SEARCH_TERMS.length]}`, headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/entries/search", 200, (b, spec) => ((b.results as unknown[]).length > 0 ? null : `no result for ${spec.path}`)),
    },
    get: {
      ...base,
      key: "get",
      label: "GET /api/entries/{id}",
      request: (i) => ({ path: `/api/entries/${ctx.entryIds[i % ctx.entryIds.length]}`, headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/entries/{id}", 200, (b, spec) => (spec.path.endsWith(`/${String(b.id)}`) ? null : "another entry came back")),
    },
    write: {
      ...base,
      key: "write",
      label: "POST /api/journal/entries",
      request: () => ({ method: "POST", path: "/api/journal/entries", headers: auth(person), body: JSON.stringify(entryText(texts)) }),
      expectStatus: 201,
      check: documented(ctx, "post", "/api/journal/entries", 201, (b) => ((b.response as { text?: string }).text ? null : "no reply text")),
    },
    suggestions: {
      ...base,
      key: "suggestions",
      label: "GET /api/graph/suggestions?emotion=sadness",
      request: () => ({ path: "/api/graph/suggestions?emotion=sadness", headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/graph/suggestions", 200, (b) => ((b.suggestions as unknown[]).length > 0 ? null : "no suggestion")),
    },
    path: {
      ...base,
      key: "path",
      label: "GET /api/graph/path?from=sadness&to=joy",
      request: () => ({ path: "/api/graph/path?from=sadness&to=joy", headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/graph/path", 200, (b) => (b.path ? null : "no path from sadness to joy")),
    },
    mood: {
      ...base,
      key: "mood",
      label: "GET /api/insights/mood?bucket=month",
      request: () => ({ path: "/api/insights/mood?bucket=month", headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/insights/mood", 200, (b) => ((b.totals as { entries: number }).entries > 0 ? null : "no entry counted")),
    },
    // The analytics over the whole history (issue 11): SQL aggregates over the entries_analytics index.
    summary: {
      ...base,
      key: "summary",
      label: "GET /api/analytics/summary",
      request: () => ({ path: "/api/analytics/summary", headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/analytics/summary", 200, (b) => ((b.entries as number) > 0 && (b.words as number) > 0 ? null : "no entry or word counted")),
    },
    calendar: {
      ...base,
      key: "calendar",
      label: "GET /api/analytics/calendar?year= (the year of a month ago)",
      request: () => ({ path: `/api/analytics/calendar?year=${new Date(Date.now() - 30 * 86_400_000).getUTCFullYear()}`, headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/analytics/calendar", 200, (b) => ((b.days_written as number) > 0 ? null : "no day written that year")),
    },
    activities: {
      ...base,
      key: "activities",
      label: "GET /api/analytics/activities",
      request: () => ({ path: "/api/analytics/activities", headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/analytics/activities", 200, (b) => ((b.baseline as { days: number }).days > 0 ? null : "no day counted")),
    },
    // Search by meaning (issue 11): the query's embedding against the person's stored ones, blended with FTS5.
    memories: {
      ...base,
      key: "memories",
      label: "GET /api/memories/search?q=… (by meaning)",
      request: (i) => ({ path: `/api/memories/search?q=${encodeURIComponent(MEMORY_QUERIES[i % MEMORY_QUERIES.length]!)}`, headers: auth(person) }),
      expectStatus: 200,
      check: documented(ctx, "get", "/api/memories/search", 200, (b, spec) => ((b.results as unknown[]).length > 0 ? null : `no memory for ${spec.path}`)),
    },
    signin: {
      ...base,
      key: "signin",
      label: "POST /api/auth/login (PBKDF2, 100,000 iterations)",
      request: () => ({ method: "POST", path: "/api/auth/login", body: JSON.stringify({ email: person.email, password: person.password }) }),
      expectStatus: 200,
      check: documented(ctx, "post", "/api/auth/login", 200, (b) => ((b.user as { id: string }).id === person.id ? null : "signed in as someone else")),
    },
  };
}

const emptySlice = (): SliceResult => ({ requests: 0, seconds: 0, rps: 0, latenciesMs: [], badStatus: {}, badBodies: [], badBodyCount: 0, transportErrors: 0 });

/**
 * One insight job at a time, handed to the Worker's queue handler as the queue would hand it (the
 * batching wait left out): load the entry, the local provider, the insight, the graph refinement,
 * the points award and the live broadcast. Each job analyses another of the person's entries that
 * has no insight yet. `gone` sends jobs for entries that do not exist: the dispatch and one D1
 * select, the job's bare baseline.
 */
export function insightJobScenario(ctx: Context, pool: string[], opts: { gone?: boolean; jobsPerSlice: number }): Scenario {
  const { app, person } = ctx;
  return {
    key: opts.gone ? "job-baseline" : "job",
    label: opts.gone ? "bare queue dispatch + one D1 select" : "one insight job (local provider)",
    connections: 1,
    // At most `jobsPerSlice` jobs (each uses up an unanalysed entry), and no more once the slice's
    // time is up; at least one.
    custom: async ({ seconds }) => {
      const slice = emptySlice();
      const start = performance.now();
      while (slice.requests < opts.jobsPerSlice && (slice.requests === 0 || performance.now() - start < seconds * 1000)) {
        const entryId = opts.gone ? crypto.randomUUID() : pool.pop();
        if (!entryId) throw new Error("the insight-job scenario ran out of unanalysed entries: seed more");
        const t0 = performance.now();
        const { messages, result } = await dispatchQueue(app, "insight-jobs", [{ type: "analyze-entry", entryId, userId: person.id, revision: 1 }]);
        slice.latenciesMs.push(performance.now() - t0);
        slice.requests++;
        const problem =
          result.outcome !== "ok" || !result.explicitAcks.includes(messages[0]!.id) || result.retryMessages.length > 0
            ? `the job was not acknowledged: ${JSON.stringify(result)}`
            : !opts.gone
              ? await insightProblem(app, person, entryId)
              : null;
        if (problem) {
          slice.badBodyCount++;
          if (slice.badBodies.length < 3) slice.badBodies.push(problem);
        }
      }
      slice.seconds = (performance.now() - start) / 1000;
      slice.rps = slice.requests / slice.seconds;
      return slice;
    },
  };
}

async function insightProblem(app: App, person: Person, entryId: string): Promise<string | null> {
  const row = await app.db.prepare("SELECT status FROM insights WHERE entry_id = ? AND user_id = ?").bind(entryId, person.id).first<{ status: string }>();
  return row?.status === "ready" ? null : `the insight of ${entryId} is ${row?.status ?? "missing"}, not ready`;
}

/** An export file of `n` entries written over the last year, for the import route. */
export function exportFile(n: number, seed: number) {
  const random = rng(seed);
  const now = Date.now();
  return {
    format: "tideline-export",
    version: 1,
    entries: Array.from({ length: n }, () => ({ ...entryText(random), created_at: new Date(now - Math.round(random() * 365 * 86_400_000)).toISOString() })),
  };
}

export interface ImportFigures {
  entries: number;
  imports: number;
  /** Median over imports of entries per second (the import's own answer time). */
  entriesPerSecond: number;
  secondsPerImport: number[];
}

/** POST /api/entries/import, `imports` times, `size` entries each, for a person with analysis off. */
export async function measureImport(ctx: Context, person: Person, size: number, imports: number): Promise<ImportFigures> {
  const seconds: number[] = [];
  for (let i = 0; i < imports; i++) {
    const file = exportFile(size, 1000 + i);
    const t0 = performance.now();
    const result = await api<{ created: number }>(ctx.app, { method: "POST", path: "/api/entries/import", token: person.token, body: JSON.stringify(file) }, 200);
    seconds.push((performance.now() - t0) / 1000);
    if (result.created !== size) throw new Error(`import created ${result.created} of ${size} entries`);
  }
  const rates = seconds.map((s) => size / s).sort((a, b) => a - b);
  return { entries: size, imports, entriesPerSecond: rates[rates.length >> 1]!, secondsPerImport: seconds };
}

export interface DrainFigures {
  jobs: number;
  importSeconds: number;
  /** From the import's answer (every job queued) until the last insight was ready. */
  drainSeconds: number;
  jobsPerSecond: number;
  failed: number;
}

/**
 * Insight jobs end to end: a person with analysis on imports `n` entries (the import queues one job
 * each), then the real queue delivers them in batches to the consumer, which runs the local provider.
 * Timed until every insight is ready.
 */
export async function measureDrain(ctx: Context, person: Person, n: number, timeoutSeconds: number): Promise<DrainFigures> {
  const { app } = ctx;
  const t0 = performance.now();
  await api(app, { method: "POST", path: "/api/entries/import", token: person.token, body: JSON.stringify(exportFile(n, 77)) }, 200);
  const imported = performance.now();
  const counts = async () =>
    (await app.db
      .prepare("SELECT count(*) FILTER (WHERE status = 'ready') AS ready, count(*) FILTER (WHERE status = 'failed') AS failed FROM insights WHERE user_id = ?")
      .bind(person.id)
      .first<{ ready: number; failed: number }>())!;
  let c = await counts();
  while (c.ready + c.failed < n) {
    if ((performance.now() - imported) / 1000 > timeoutSeconds) throw new Error(`only ${c.ready} of ${n} insights were ready after ${timeoutSeconds} s`);
    await new Promise((r) => setTimeout(r, 100));
    c = await counts();
  }
  const drainSeconds = (performance.now() - imported) / 1000;
  return { jobs: n, importSeconds: (imported - t0) / 1000, drainSeconds, jobsPerSecond: n / drainSeconds, failed: c.failed };
}
