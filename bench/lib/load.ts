// A closed-loop HTTP load generator (each connection sends its next request when the previous answer
// has been read in full) over keep-alive sockets, and the interleaved rounds the benchmark is made of:
// every scenario of a group runs for a short slice in turn, round after round, so that each ratio is
// taken between figures measured seconds apart on a machine whose speed drifts.
import http from "node:http";
import { median, percentile } from "./stats.ts";

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Response {
  status: number;
  body: string;
}

export interface Scenario {
  /** Short key used in results.json, e.g. "list". */
  key: string;
  /** What the table shows, e.g. "GET /api/entries (page of 20)". */
  label: string;
  /** Base URL of the Worker's direct socket (HTTP scenarios). */
  baseUrl?: string;
  /** The i-th request (i counts from 0 over the whole run). */
  request?: (i: number) => RequestSpec;
  /** Status every answer must have. */
  expectStatus?: number;
  /** A scenario that is not an HTTP request (a queue job): runs one slice itself. */
  custom?: (opts: SliceOptions) => Promise<SliceResult>;
  /** Checks one answer's body; answers a problem in words, or null when it is right. */
  check?: (res: Response, spec: RequestSpec) => string | null;
  /** How many connections; the benchmark's standard is 10. */
  connections?: number;
}

export interface SliceResult {
  requests: number;
  seconds: number;
  rps: number;
  latenciesMs: number[];
  /** Answers with another status than expected, by status. */
  badStatus: Record<string, number>;
  /** Answers whose body failed the check (the first few problems). */
  badBodies: string[];
  badBodyCount: number;
  transportErrors: number;
}

const agents = new Map<string, http.Agent>();
function agentFor(baseUrl: string, connections: number): http.Agent {
  const key = `${baseUrl}#${connections}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
    agents.set(key, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** One request over a keep-alive socket of the scenario's pool. */
export function send(baseUrl: string, spec: RequestSpec, connections = 10, timeoutMs = 600_000): Promise<Response> {
  const url = new URL(spec.path, baseUrl);
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: spec.method ?? "GET",
        agent: agentFor(baseUrl, connections),
        headers: {
          ...(body ? { "content-type": "application/json", "content-length": String(body.length) } : {}),
          ...spec.headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

let requestCounter = 0;

export interface SliceOptions {
  seconds: number;
  /** Exactly this many requests instead of a time slice. */
  requests?: number;
  /** Check the body of every n-th answer (1: all of them). */
  checkEvery: number;
}

/**
 * Runs a scenario for `seconds` (or for exactly `requests` requests when given) with its
 * connections in a closed loop. Every answer's status is checked; bodies are checked on every
 * `checkEvery`-th answer (1: all of them).
 */
export async function runSlice(scenario: Scenario, opts: SliceOptions): Promise<SliceResult> {
  if (scenario.custom) return scenario.custom(opts);
  if (!scenario.baseUrl || !scenario.request || scenario.expectStatus === undefined) throw new Error(`scenario ${scenario.key} has neither a request nor a custom run`);
  const { baseUrl, request, expectStatus } = scenario as Required<Pick<Scenario, "baseUrl" | "request" | "expectStatus">>;
  const connections = scenario.connections ?? 10;
  const latencies: number[] = [];
  const badStatus: Record<string, number> = {};
  const badBodies: string[] = [];
  let badBodyCount = 0;
  let transportErrors = 0;
  let started = 0;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const more = () => (opts.requests !== undefined ? started < opts.requests : performance.now() < deadline);

  async function connection() {
    while (more()) {
      started++;
      const i = requestCounter++;
      const spec = request(i);
      const t0 = performance.now();
      let res: Response;
      try {
        res = await send(baseUrl, spec, connections);
      } catch (err) {
        transportErrors++;
        if (badBodies.length < 3) badBodies.push(`transport: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      latencies.push(performance.now() - t0);
      if (res.status !== expectStatus) {
        badStatus[res.status] = (badStatus[res.status] ?? 0) + 1;
        if (badBodies.length < 3) badBodies.push(`${spec.method ?? "GET"} ${spec.path} answered ${res.status}: ${res.body.slice(0, 300)}`);
        continue;
      }
      if (scenario.check && (latencies.length - 1) % opts.checkEvery === 0) {
        const problem = scenario.check(res, spec);
        if (problem) {
          badBodyCount++;
          if (badBodies.length < 3) badBodies.push(`${spec.method ?? "GET"} ${spec.path}: ${problem}`);
        }
      }
    }
  }

  await Promise.all(Array.from({ length: connections }, connection));
  const seconds = (performance.now() - start) / 1000;
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, latenciesMs: latencies, badStatus, badBodies, badBodyCount, transportErrors };
}

export interface ScenarioFigures {
  key: string;
  label: string;
  rounds: number;
  requests: number;
  /** Median over rounds of each round's requests per second. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  perRoundRps: number[];
  errors: number;
  problems: string[];
}

export function figuresOf(scenario: Scenario, slices: SliceResult[]): ScenarioFigures {
  const all = slices.flatMap((s) => s.latenciesMs);
  const errors = slices.reduce((n, s) => n + s.transportErrors + s.badBodyCount + Object.values(s.badStatus).reduce((a, b) => a + b, 0), 0);
  return {
    key: scenario.key,
    label: scenario.label,
    rounds: slices.length,
    requests: all.length,
    rps: median(slices.map((s) => s.rps)),
    p50: percentile(all, 0.5),
    p90: percentile(all, 0.9),
    p99: percentile(all, 0.99),
    perRoundRps: slices.map((s) => s.rps),
    errors,
    problems: [...new Set(slices.flatMap((s) => s.badBodies))].slice(0, 5),
  };
}

/**
 * A warm-up slice of every scenario, then `rounds` rounds in which each scenario runs one slice; the
 * order rotates every round so that no scenario always follows the same neighbour.
 */
export async function interleavedRounds(
  scenarios: Scenario[],
  opts: { rounds: number; seconds: number; warmupSeconds: number; checkEvery: number; onRound?: (round: number) => void },
): Promise<Map<string, SliceResult[]>> {
  // Warm-up on one connection: enough to compile the code paths and fill caches, and a route that
  // takes seconds per request at a large history is not run ten times over before it is measured.
  for (const s of scenarios) await runSlice({ ...s, connections: 1 }, { seconds: opts.warmupSeconds, checkEvery: 1 });
  const results = new Map<string, SliceResult[]>(scenarios.map((s) => [s.key, []]));
  for (let round = 0; round < opts.rounds; round++) {
    for (let k = 0; k < scenarios.length; k++) {
      const s = scenarios[(k + round) % scenarios.length]!;
      results.get(s.key)!.push(await runSlice(s, { seconds: opts.seconds, checkEvery: opts.checkEvery }));
    }
    opts.onRound?.(round + 1);
  }
  return results;
}

/** Median over rounds of (scenario rps / baseline rps) within each round. */
export function medianRatio(slices: SliceResult[], baseline: SliceResult[]): number {
  return median(slices.map((s, i) => s.rps / baseline[i]!.rps));
}
