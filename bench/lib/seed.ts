// People and their histories for the benchmark. Accounts are made through the API; long histories are
// written fast but the way the Worker writes them, by the benchmark's seeding Worker
// (bench/workers/seeder.ts: the import's own statements and its own reading and graph call, in
// batches of 500, inside the same Miniflare). No route is added to the production Worker for it.
import type { App, GraphStub } from "./app.ts";
import { graphOf } from "./app.ts";
import { send, type RequestSpec } from "./load.ts";
import { entryText, rng } from "./texts.ts";

export { entryText, rng, SEARCH_TERMS, SENTENCES, TAGS } from "./texts.ts";

export interface Person {
  id: string;
  email: string;
  password: string;
  token: string;
  tokenAt: number;
  label: string;
}

export class ApiError extends Error {}

export async function api<T>(app: App, spec: RequestSpec & { token?: string }, expectStatus: number): Promise<T> {
  const headers = { ...spec.headers, ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}) };
  const res = await send(app.productUrl, { ...spec, headers }, 2);
  if (res.status !== expectStatus) throw new ApiError(`${spec.method ?? "GET"} ${spec.path} answered ${res.status} (expected ${expectStatus}): ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body) as T;
}

interface Session {
  user: { id: string };
  access_token: string;
}

/** Access tokens live 15 minutes; the benchmark signs in again well before that. */
const TOKEN_REFRESH_MS = 8 * 60_000;

export async function tokenOf(app: App, person: Person): Promise<string> {
  if (Date.now() - person.tokenAt < TOKEN_REFRESH_MS) return person.token;
  const session = await api<Session>(app, { method: "POST", path: "/api/auth/login", body: JSON.stringify({ email: person.email, password: person.password }) }, 200);
  person.token = session.access_token;
  person.tokenAt = Date.now();
  return person.token;
}

let people = 0;

/** Signs a new person up through the API, with AI analysis on or off (off: no background job runs). */
export async function createPerson(app: App, label: string, opts: { aiAnalysis: boolean }): Promise<Person> {
  const email = `bench-${label}-${process.pid}-${++people}@example.com`;
  const password = "a benchmark passphrase";
  const session = await api<Session>(app, { method: "POST", path: "/api/auth/register", body: JSON.stringify({ name: `Bench ${label}`, email, password }) }, 201);
  const person: Person = { id: session.user.id, email, password, token: session.access_token, tokenAt: Date.now(), label };
  await api(app, { method: "PUT", path: "/api/settings", token: person.token, body: JSON.stringify({ ai_analysis: opts.aiAnalysis }) }, 200);
  return person;
}

export interface SeedOptions {
  /** Entries are spread evenly at random over this many days before `endAt`. */
  spanDays: number;
  endAt: number;
  seed: number;
  progress?: (note: string) => void;
}

/** Entries per D1 batch and per graph call (the graph takes at most 1,000 states per call). */
const SEED_CHUNK = 500;

/**
 * Adds `count` entries to a person's history, each written as the import writes it. Answers the
 * time it took.
 */
export async function seedHistory(app: App, person: Person, count: number, opts: SeedOptions): Promise<{ seconds: number }> {
  const random = rng(opts.seed);
  const spanMs = opts.spanDays * 86_400_000;
  const t0 = performance.now();
  const list = Array.from({ length: count }, () => {
    const { content, tags } = entryText(random);
    return { id: crypto.randomUUID(), content, tags, createdAt: Math.round(opts.endAt - random() * spanMs) };
  }).sort((a, b) => a.createdAt - b.createdAt);
  let insertMs = 0;
  let recordMs = 0;
  let lastNote = performance.now();
  for (let i = 0; i < list.length; i += SEED_CHUNK) {
    const body = JSON.stringify({ userId: person.id, entries: list.slice(i, i + SEED_CHUNK) });
    const res = await send(app.seederUrl, { method: "POST", path: "/", body }, 1, 600_000);
    if (res.status !== 200) throw new Error(`the seeding Worker answered ${res.status}: ${res.body.slice(0, 500)}`);
    const took = JSON.parse(res.body) as { insertMs: number; analyseAndRecordMs: number };
    insertMs += took.insertMs;
    recordMs += took.analyseAndRecordMs;
    if (performance.now() - lastNote > 30_000) {
      lastNote = performance.now();
      opts.progress?.(`${i + SEED_CHUNK} of ${count} entries (D1 inserts ${(insertMs / 1000).toFixed(0)} s, reading + mood + graph ${(recordMs / 1000).toFixed(0)} s)`);
    }
  }
  return { seconds: (performance.now() - t0) / 1000 };
}

/** The person's entries in D1 and states in their graph: they must agree after seeding. */
export async function historyCounts(app: App, person: Person): Promise<{ entries: number; states: number; graph: GraphStub }> {
  const row = await app.db.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(person.id).first<{ n: number }>();
  const graph = await graphOf(app, person.id);
  return { entries: row?.n ?? 0, states: await graph.stateCount(), graph };
}

/** Ids of a sample of the person's entries (for "get one entry" and the insight jobs). */
export async function sampleEntryIds(app: App, person: Person, n: number, where = "1 = 1"): Promise<string[]> {
  const rows = await app.db
    .prepare(`SELECT id FROM entries WHERE user_id = ? AND ${where} ORDER BY random() LIMIT ?`)
    .bind(person.id, n)
    .all<{ id: string }>();
  return rows.results.map((r) => r.id);
}
