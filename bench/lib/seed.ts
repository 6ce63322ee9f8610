// People and their histories for the benchmark. Accounts are made through the API; long histories are
// written fast but the way the Worker writes them, by the benchmark's seeding Worker
// (bench/workers/seeder.ts: the import's own statements and its own reading and graph call, in
// batches of 500, inside the same Miniflare). No route is added to the production Worker for it.
import type { App, GraphStub } from "./app.ts";
import { graphOf } from "./app.ts";
import { send, type RequestSpec } from "./load.ts";

/** Sentences people write in a journal, good days and bad, with things they did and people they saw. */
export const SENTENCES = [
  "Felt low and tired all day, missing home.",
  "A wonderful morning, laughed with friends and felt grateful.",
  "Anxious about the deadline, could not sleep well.",
  "So annoyed at the meeting, nobody listened again.",
  "Quiet day. Did the shopping and read a bit.",
  "Happy and proud, the run went really well today!",
  "Sad news from the family, I cried a little.",
  "Went for a long walk by the river and my head cleared.",
  "Called my sister and we talked for an hour, it helped.",
  "Work was overwhelming and I snapped at a colleague.",
  "Cooked dinner with Sam, we played music and danced in the kitchen.",
  "I'm so tired of feeling behind on everything.",
  "Meditated for ten minutes before bed and slept better.",
  "The presentation went fine, I was nervous for nothing.",
  "Lonely evening, scrolled my phone for hours.",
  "Went to the gym after work, felt strong afterwards.",
  "My mum is ill again and I feel helpless.",
  "Had coffee with an old friend, so good to catch up.",
  "Frustrated with the landlord, the heating is still broken.",
  "Spent the afternoon gardening, calm and content.",
  "I feel like I'm failing at my job.",
  "Finished the book I was reading, what an ending.",
  "Argued with my partner about money, still upset.",
  "Took the dog to the park, the sun was out.",
  "Scared about the test results next week.",
  "Played football with the kids, exhausted but happy.",
  "Nothing much happened, watched a film and went to bed.",
  "Wrote a long letter to my grandfather.",
  "Ate too much junk food and feel sluggish.",
  "Got a message from my brother that made me laugh.",
  "The commute was awful and I was late again.",
  "Went swimming in the morning, the water was freezing.",
  "Feeling hopeful about the new project at work.",
  "Couldn't focus, my mind kept drifting to the argument.",
  "Yoga class in the evening, my back feels better.",
  "Disappointed that the trip was cancelled.",
  "Baked bread for the first time, it actually worked!",
  "Worried about my friend who hasn't answered in days.",
  "Cleaned the whole flat and it feels lighter.",
  "Jealous of my colleague's promotion, I hate that I feel this way.",
  "Long phone call with dad about the old days.",
  "Rainy day, stayed in and painted for a while.",
] as const;

export const TAGS = ["work", "family", "friends", "health", "sleep", "exercise", "home", "money"] as const;

/** Words the search scenario looks for: common, uncommon and rare in the histories above. */
export const SEARCH_TERMS = ["tired", "walk", "sister", "friend", "deadline", "music", "garden", "letter"] as const;

/** A small deterministic generator, so that every run writes the same histories. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function entryText(random: () => number): { content: string; tags: string[] } {
  const n = 1 + Math.floor(random() * 3);
  const content = Array.from({ length: n }, () => pick(random, SENTENCES)).join(" ");
  const tagCount = Math.floor(random() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(random, TAGS)))];
  return { content, tags };
}

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
