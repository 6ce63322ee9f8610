// Load with correctness (issue 10 part 4): many people writing, reading, searching, editing, deleting
// and marking actions tried at the same time, then checks that nothing was lost, duplicated, leaked to
// another person or left out of step between D1 and each person's emotional graph. Pure (no Node, no
// Miniflare): the benchmark sends the requests over the Worker's direct socket (bench/run.ts), the
// Worker tests through its fetch handler (tests/load-correctness.test.ts).
import { median, percentile } from "./stats.ts";
import { pick, SENTENCES, TAGS } from "./texts.ts";

export interface TrafficPerson {
  id: string;
  token: string;
  /** A made-up word in every one of this person's entries: any answer to someone else that holds it leaked. */
  marker: string;
  aiAnalysis: boolean;
}

export interface TrafficRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface Exchange {
  status: number;
  body: string;
}

/** Sends one request as `person` (their bearer token); throws when no answer came back at all. */
export type Transport = (person: TrafficPerson, request: TrafficRequest) => Promise<Exchange>;

/** Reads rows from D1: Miniflare's binding from Node, or env.DB inside workerd. */
export type SqlAll = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export const KINDS = ["write", "list", "get", "search", "put", "patch", "delete", "tried", "graph", "conversation", "probe", "probe-edit"] as const;
export type Kind = (typeof KINDS)[number];

/** How often each kind is picked (a journal is mostly written and read). */
const WEIGHTS: Record<Kind, number> = {
  write: 22,
  list: 12,
  get: 10,
  search: 10,
  put: 6,
  patch: 6,
  delete: 6,
  tried: 8,
  graph: 9,
  conversation: 5,
  probe: 4,
  "probe-edit": 2,
};
const WEIGHT_TOTAL = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

const ACTIONS = ["take a slow walk outside", "call a friend", "write down three good things", "stretch for five minutes", "make a cup of tea"] as const;
const EMOTIONS = ["sadness", "fear", "anger", "joy"] as const;
const COMMON_WORDS = ["tired", "walk", "friend", "work"] as const;

/** Markers are "mk" and eight letters, nonces "nc" and eight letters or digits: neither can hold the other. */
const MARKER_RE = /mk[a-z]{8}/g;
const NONCE_RE = /nc[0-9a-z]{8}/;

export function markerWord(random: () => number): string {
  return `mk${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join("")}`;
}

function nonceWord(random: () => number): string {
  const chars = "0123456789abcdefghijklmnopqrstuvwxyz";
  return `nc${Array.from({ length: 8 }, () => chars[Math.floor(random() * chars.length)]).join("")}`;
}

/** What the load generator knows of one entry: what it was last told, acknowledged. */
interface Tracked {
  id: string;
  nonce: string;
  content: string;
  tags: string[];
  revision: number;
  /** "unknown": a change to it was not answered as expected, so its final state is not known. */
  state: "live" | "deleted" | "unknown";
  /** A change to it is in flight: no other change starts (reads still do). */
  busy: boolean;
  /** Reads of it in flight: it is not deleted under them. */
  readers: number;
}

interface Ledger {
  person: TrafficPerson;
  entries: Map<string, Tracked>;
  /** Ids of live entries, for picking one. */
  live: string[];
  /** Nonces of writes that were not acknowledged: each may exist at most once. */
  unacknowledged: Set<string>;
  /** Kinds this person has yet to send once (in a shuffled order); after that, kinds are drawn by weight. */
  firstRound: Kind[];
}

export interface KindFigures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  statuses: Record<string, number>;
}

export interface TrafficFigures {
  people: number;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  serverErrors: number;
  transportErrors: number;
  /** Answers with another status than expected, or whose body was wrong. */
  failures: number;
  leaks: number;
  byKind: Record<string, KindFigures>;
  acknowledged: { writes: number; edits: number; deletes: number; tried: number };
  problems: string[];
}

export interface TrafficRun {
  figures: TrafficFigures;
  ledgers: Ledger[];
}

const MAX_PROBLEMS = 20;

function newLedger(person: TrafficPerson, random: () => number): Ledger {
  const firstRound = [...KINDS];
  for (let i = firstRound.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [firstRound[i], firstRound[j]] = [firstRound[j]!, firstRound[i]!];
  }
  return { person, entries: new Map(), live: [], unacknowledged: new Set(), firstRound };
}

function pickKind(random: () => number): Kind {
  let r = random() * WEIGHT_TOTAL;
  for (const kind of KINDS) {
    r -= WEIGHTS[kind];
    if (r < 0) return kind;
  }
  return "write";
}

function textFor(random: () => number, person: TrafficPerson, nonce: string): string {
  const n = 1 + Math.floor(random() * 2);
  const sentences = Array.from({ length: n }, () => pick(random, SENTENCES)).join(" ");
  return `${sentences} Noted as ${person.marker} ${nonce}.`;
}

function tagsFor(random: () => number): string[] {
  const n = Math.floor(random() * 3);
  return [...new Set(Array.from({ length: n }, () => pick(random, TAGS)))].sort();
}

const parse = (body: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return null;
  }
};

/** One request, what it expects and what to do with a right answer. */
interface Planned {
  kind: Kind;
  request: TrafficRequest;
  expect: number;
  /** Checks a body answered with the expected status; answers a problem or null. */
  check?: (body: Record<string, unknown>) => string | null;
  /** Runs once the answer is in (right or wrong), to update the ledger. */
  settle?: (ok: boolean, body: Record<string, unknown> | null) => void;
}

/** A live entry no change is under way on (and, to delete it, no read either). */
function liveEntry(ledger: Ledger, random: () => number, unread: boolean): Tracked | null {
  for (let tries = 0; tries < 4 && ledger.live.length > 0; tries++) {
    const t = ledger.entries.get(ledger.live[Math.floor(random() * ledger.live.length)]!)!;
    if (!t.busy && (!unread || t.readers === 0)) return t;
  }
  return null;
}

function dropLive(ledger: Ledger, id: string) {
  const i = ledger.live.indexOf(id);
  if (i >= 0) ledger.live.splice(i, 1);
}

function plan(kind: Kind, ledger: Ledger, all: Ledger[], random: () => number): Planned {
  const person = ledger.person;
  const needsEntry = kind === "get" || kind === "put" || kind === "patch" || kind === "delete" || kind === "tried";
  const target = needsEntry ? liveEntry(ledger, random, kind === "delete") : null;
  if (needsEntry && !target) kind = "write";

  switch (kind) {
    case "write": {
      const nonce = nonceWord(random);
      const content = textFor(random, person, nonce);
      const tags = tagsFor(random);
      const tried = random() < 0.15 ? pick(random, ACTIONS) : undefined;
      ledger.unacknowledged.add(nonce);
      return {
        kind,
        request: { method: "POST", path: "/api/journal/entries", body: { content, tags, ...(tried ? { tried_action: tried } : {}) } },
        expect: 201,
        check: (b) => (typeof b.entry_id === "string" && typeof (b.response as { text?: unknown })?.text === "string" ? null : "no entry id or reply text"),
        settle: (ok, b) => {
          if (!ok || typeof b?.entry_id !== "string") return;
          ledger.unacknowledged.delete(nonce);
          ledger.entries.set(b.entry_id, { id: b.entry_id, nonce, content, tags, revision: 1, state: "live", busy: false, readers: 0 });
          ledger.live.push(b.entry_id);
        },
      };
    }
    case "list":
      return {
        kind,
        request: { method: "GET", path: "/api/entries?limit=20" },
        expect: 200,
        check: (b) => {
          const entries = b.entries as { content: string }[] | undefined;
          if (!Array.isArray(entries)) return "no entries";
          return entries.every((e) => e.content.includes(person.marker)) ? null : "an entry without the person's marker";
        },
      };
    case "get": {
      const t = target!;
      t.readers++;
      return {
        kind,
        request: { method: "GET", path: `/api/entries/${t.id}` },
        expect: 200,
        check: (b) => (b.id === t.id && typeof b.content === "string" && b.content.includes(t.nonce) ? null : "another entry, or not its words"),
        settle: () => void t.readers--,
      };
    }
    case "search": {
      const r = random();
      const others = all.filter((l) => l !== ledger);
      const foreign = r < 0.15 && others.length > 0 ? pick(random, others).person.marker : null;
      const q = foreign ?? (r < 0.75 ? person.marker : pick(random, COMMON_WORDS));
      return {
        kind,
        request: { method: "GET", path: `/api/entries/search?q=${encodeURIComponent(q)}` },
        expect: 200,
        check: (b) => {
          const results = b.results as { entry: { content: string } }[] | undefined;
          if (!Array.isArray(results)) return "no results list";
          if (foreign && results.length > 0) return `searching for another person's word found ${results.length} entries`;
          return results.every((x) => x.entry.content.includes(person.marker)) ? null : "a result without the person's marker";
        },
      };
    }
    case "put":
    case "patch": {
      const t = target!;
      t.busy = true;
      const content = textFor(random, person, t.nonce);
      const tags = tagsFor(random);
      // A patch changes the words, the tags or both; a put replaces both.
      const what = kind === "put" ? 2 : Math.floor(random() * 3);
      const body = what === 0 ? { content } : what === 1 ? { tags } : { content, tags };
      const revision = t.revision + 1;
      return {
        kind,
        request: { method: kind.toUpperCase(), path: `/api/entries/${t.id}`, body },
        expect: 200,
        check: (b) => (b.id === t.id && b.revision === revision ? null : `answered revision ${String(b.revision)}, expected ${revision}`),
        settle: (ok) => {
          t.busy = false;
          if (!ok) {
            t.state = "unknown";
            dropLive(ledger, t.id);
            return;
          }
          t.revision = revision;
          if ("content" in body) t.content = content;
          if ("tags" in body) t.tags = tags;
        },
      };
    }
    case "delete": {
      const t = target!;
      t.busy = true;
      dropLive(ledger, t.id);
      return {
        kind,
        request: { method: "DELETE", path: `/api/entries/${t.id}` },
        expect: 204,
        settle: (ok) => {
          t.busy = false;
          t.state = ok ? "deleted" : "unknown";
        },
      };
    }
    case "tried": {
      const t = target!;
      t.busy = true;
      const action = pick(random, ACTIONS);
      return {
        kind,
        request: { method: "POST", path: `/api/journal/entries/${t.id}/tried`, body: { action } },
        expect: 200,
        check: (b) => (b.entry_id === t.id && b.tried_action === action ? null : "another entry or action came back"),
        settle: (ok) => {
          t.busy = false;
          if (!ok) {
            t.state = "unknown";
            dropLive(ledger, t.id);
          }
        },
      };
    }
    case "graph": {
      const which = Math.floor(random() * 4);
      const emotion = pick(random, EMOTIONS);
      const path = ["/api/graph", `/api/graph/suggestions?emotion=${emotion}`, "/api/graph/history?limit=20", `/api/graph/path?from=${emotion}&to=joy`][which]!;
      return { kind, request: { method: "GET", path }, expect: 200 };
    }
    case "conversation":
      return {
        kind,
        request: { method: "GET", path: "/api/journal/conversation?limit=20" },
        expect: 200,
        check: (b) => (Array.isArray(b.items) && (b.items as { content: string }[]).every((i) => i.content.includes(person.marker)) ? null : "an item without the person's marker"),
      };
    case "probe":
    case "probe-edit": {
      // Another person's entry, by its id: 404, whatever state it is in.
      const others = all.filter((l) => l !== ledger && l.entries.size > 0);
      const other = others.length > 0 ? pick(random, others) : null;
      const ids = other ? [...other.entries.keys()] : [];
      const id = ids.length > 0 ? pick(random, ids) : crypto.randomUUID();
      return kind === "probe"
        ? { kind, request: { method: "GET", path: `/api/entries/${id}` }, expect: 404 }
        : { kind, request: { method: "PATCH", path: `/api/entries/${id}`, body: { content: `Taken over by ${person.marker}.` } }, expect: 404 };
    }
  }
}

/** The made-up words of other people in a body (each found at most once). */
function foreignMarkers(body: string, own: string, markers: Set<string>): string[] {
  const found = new Set<string>();
  for (const m of body.match(MARKER_RE) ?? []) if (m !== own && markers.has(m)) found.add(m);
  return [...found];
}

/**
 * Runs `connections` closed loops for `seconds`; connection i speaks for person i mod people, so each
 * person has several requests in flight at once. Each person first sends every kind once, in their
 * own order, then kinds drawn by weight. Every answer is checked for status, shape and for any other
 * person's marker.
 */
export async function runMixedTraffic(opts: {
  people: TrafficPerson[];
  connections: number;
  seconds: number;
  transport: Transport;
  random: () => number;
}): Promise<TrafficRun> {
  const { people, connections, seconds, transport, random } = opts;
  const ledgers = people.map((p) => newLedger(p, random));
  const markers = new Set(people.map((p) => p.marker));
  const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const statuses = new Map<Kind, Record<string, number>>(KINDS.map((k) => [k, {}]));
  const failuresByKind = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
  const problems: string[] = [];
  let serverErrors = 0;
  let transportErrors = 0;
  let failures = 0;
  let leaks = 0;
  const acknowledged = { writes: 0, edits: 0, deletes: 0, tried: 0 };
  const note = (kind: Kind, problem: string) => {
    failures++;
    failuresByKind.set(kind, failuresByKind.get(kind)! + 1);
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };

  const start = performance.now();
  const deadline = start + seconds * 1000;
  async function connection(index: number) {
    const ledger = ledgers[index % ledgers.length]!;
    while (performance.now() < deadline) {
      // Every person sends every kind once early on, so that a short run still covers them all.
      const wanted = ledger.firstRound.shift() ?? pickKind(random);
      const p = plan(wanted, ledger, ledgers, random);
      // A kind that needs an entry became a write while the person had none free: it comes again.
      if (p.kind !== wanted) ledger.firstRound.push(wanted);
      const label = `${p.request.method} ${p.request.path}`;
      const t0 = performance.now();
      let res: Exchange;
      try {
        res = await transport(ledger.person, p.request);
      } catch (err) {
        transportErrors++;
        note(p.kind, `${label}: no answer (${err instanceof Error ? err.message : String(err)})`);
        p.settle?.(false, null);
        continue;
      }
      latencies.get(p.kind)!.push(performance.now() - t0);
      const byStatus = statuses.get(p.kind)!;
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      if (res.status >= 500) serverErrors++;
      const leaked = foreignMarkers(res.body, ledger.person.marker, markers);
      if (leaked.length > 0) {
        leaks++;
        note(p.kind, `${label} answered another person's words (${leaked.join(", ")}): ${res.body.slice(0, 200)}`);
      }
      let ok = res.status === p.expect;
      const body = res.body ? parse(res.body) : null;
      if (!ok) {
        note(p.kind, `${label} answered ${res.status}, expected ${p.expect}: ${res.body.slice(0, 300)}`);
      } else if (p.check) {
        const problem = body ? p.check(body) : "not JSON";
        if (problem) {
          ok = false;
          note(p.kind, `${label}: ${problem}`);
        }
      }
      p.settle?.(ok, body);
      if (ok) {
        if (p.kind === "write") acknowledged.writes++;
        else if (p.kind === "put" || p.kind === "patch") acknowledged.edits++;
        else if (p.kind === "delete") acknowledged.deletes++;
        else if (p.kind === "tried") acknowledged.tried++;
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, (_, i) => connection(i)));
  const elapsed = (performance.now() - start) / 1000;

  const byKind: Record<string, KindFigures> = {};
  let requests = 0;
  for (const kind of KINDS) {
    const ms = latencies.get(kind)!;
    requests += ms.length;
    byKind[kind] = { requests: ms.length, rps: ms.length / elapsed, p50: median(ms), p99: percentile(ms, 0.99), failures: failuresByKind.get(kind)!, statuses: statuses.get(kind)! };
  }
  return {
    figures: { people: people.length, connections, seconds: elapsed, requests, rps: requests / elapsed, serverErrors, transportErrors, failures, leaks, byKind, acknowledged, problems },
    ledgers,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Insights not yet settled (ready or failed) at their entry's revision, for the people with analysis on. */
async function unsettledInsights(sql: SqlAll, people: TrafficPerson[]): Promise<number> {
  const ids = people.filter((p) => p.aiAnalysis).map((p) => p.id);
  if (ids.length === 0) return 0;
  const [row] = await sql<{ n: number }>(
    `SELECT count(*) AS n FROM entries e LEFT JOIN insights i ON i.entry_id = e.id
     WHERE e.user_id IN (${ids.map(() => "?").join(", ")}) AND (i.status IS NULL OR i.status = 'pending' OR i.revision < e.revision)`,
    ids,
  );
  return row?.n ?? 0;
}

/** Waits until every insight job of the run has settled; answers the seconds it took. */
export async function waitForInsights(sql: SqlAll, people: TrafficPerson[], timeoutSeconds: number): Promise<{ seconds: number; unsettled: number }> {
  const t0 = performance.now();
  let unsettled = await unsettledInsights(sql, people);
  while (unsettled > 0 && performance.now() - t0 < timeoutSeconds * 1000) {
    await sleep(250);
    unsettled = await unsettledInsights(sql, people);
  }
  return { seconds: (performance.now() - t0) / 1000, unsettled };
}

interface Row {
  id: string;
  content: string;
  revision: number;
  primary_emotion: string | null;
  created_at: number;
  tried_action: string | null;
  tags: string;
  insight_status: string | null;
  insight_revision: number | null;
}

/** The graph as GET /api/graph answers it. */
interface GraphView {
  nodes: { emotion: string; count: number }[];
  edges: { from: string; to: string; count: number; median_ms: number }[];
  total_states: number;
}

interface HistoryView {
  states: { entry_id: string; recorded_at: string; primary_emotion: string; tried_action: string | null }[];
}

/** SQLite's BINARY order of ASCII ids, as the graph orders states recorded at the same moment. */
const byTimeThenId = (a: Row, b: Row) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The graph recomputed from a person's entries as D1 holds them, in the graph's order. */
export function recomputeGraph(rows: Row[]): GraphView {
  const ordered = [...rows].sort(byTimeThenId);
  const nodes = new Map<string, number>();
  for (const r of ordered) nodes.set(r.primary_emotion!, (nodes.get(r.primary_emotion!) ?? 0) + 1);
  const deltas = new Map<string, number[]>();
  for (let i = 1; i < ordered.length; i++) {
    const key = `${ordered[i - 1]!.primary_emotion}>${ordered[i]!.primary_emotion}`;
    const list = deltas.get(key) ?? [];
    list.push(ordered[i]!.created_at - ordered[i - 1]!.created_at);
    deltas.set(key, list);
  }
  return {
    nodes: [...nodes].map(([emotion, count]) => ({ emotion, count })),
    edges: [...deltas].map(([key, list]) => {
      const [from, to] = key.split(">") as [string, string];
      return { from, to, count: list.length, median_ms: middle(list) };
    }),
    total_states: ordered.length,
  };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/** Compares what a person's graph answers with the recomputation; answers the differences. */
export function compareGraph(actual: GraphView, expected: GraphView): string[] {
  const out: string[] = [];
  if (actual.total_states !== expected.total_states) out.push(`total_states ${actual.total_states}, D1 holds ${expected.total_states} entries`);
  const nodes = (g: GraphView) => new Map(g.nodes.map((n) => [n.emotion, n.count]));
  const [an, en] = [nodes(actual), nodes(expected)];
  for (const emotion of new Set([...an.keys(), ...en.keys()])) {
    if ((an.get(emotion) ?? 0) !== (en.get(emotion) ?? 0)) out.push(`${emotion}: ${an.get(emotion) ?? 0} states in the graph, ${en.get(emotion) ?? 0} entries in D1`);
  }
  const edges = (g: GraphView) => new Map(g.edges.map((e) => [`${e.from}>${e.to}`, e]));
  const [ae, ee] = [edges(actual), edges(expected)];
  for (const key of new Set([...ae.keys(), ...ee.keys()])) {
    const a = ae.get(key);
    const e = ee.get(key);
    if ((a?.count ?? 0) !== (e?.count ?? 0)) out.push(`transition ${key}: ${a?.count ?? 0} in the graph, ${e?.count ?? 0} recomputed`);
    else if (a && e && a.median_ms !== e.median_ms) out.push(`transition ${key}: median ${a.median_ms} ms in the graph, ${e.median_ms} ms recomputed`);
  }
  return out;
}

async function rowsOf(sql: SqlAll, userId: string): Promise<Row[]> {
  return sql<Row>(
    `SELECT e.id, e.content, e.revision, e.primary_emotion, e.created_at, r.tried_action,
            (SELECT json_group_array(t.name) FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id AND et.user_id = e.user_id) AS tags,
            i.status AS insight_status, i.revision AS insight_revision
     FROM entries e LEFT JOIN replies r ON r.entry_id = e.id LEFT JOIN insights i ON i.entry_id = e.id
     WHERE e.user_id = ?`,
    [userId],
  );
}

const HISTORY_LIMIT = 500;

/** Every invariant for one person; answers the problems found. */
async function checkPerson(ledger: Ledger, markers: Set<string>, sql: SqlAll, transport: Transport): Promise<string[]> {
  const { person } = ledger;
  const who = `person ${person.marker}`;
  const out: string[] = [];
  const rows = await rowsOf(sql, person.id);
  const byId = new Map(rows.map((r) => [r.id, r]));

  // Every acknowledged write exists exactly once, as last acknowledged; every acknowledged delete is gone.
  const nonceCount = new Map<string, number>();
  for (const r of rows) {
    const nonce = NONCE_RE.exec(r.content)?.[0];
    if (nonce) nonceCount.set(nonce, (nonceCount.get(nonce) ?? 0) + 1);
    if (!r.content.includes(person.marker)) out.push(`${who}: entry ${r.id} lacks the person's marker: ${r.content.slice(0, 120)}`);
    const foreign = foreignMarkers(r.content, person.marker, markers);
    if (foreign.length > 0) out.push(`${who}: entry ${r.id} holds another person's words (${foreign.join(", ")})`);
  }
  const known = new Set<string>(ledger.unacknowledged);
  for (const t of ledger.entries.values()) {
    known.add(t.nonce);
    const row = byId.get(t.id);
    const copies = nonceCount.get(t.nonce) ?? 0;
    if (t.state === "live") {
      if (!row) out.push(`${who}: acknowledged entry ${t.id} is missing from D1`);
      else {
        if (copies !== 1) out.push(`${who}: entry ${t.id} is stored ${copies} times`);
        if (row.content !== t.content) out.push(`${who}: entry ${t.id} holds "${row.content.slice(0, 80)}", the last acknowledged edit wrote "${t.content.slice(0, 80)}"`);
        if (row.revision !== t.revision) out.push(`${who}: entry ${t.id} is at revision ${row.revision}, expected ${t.revision}`);
        const tags = JSON.parse(row.tags) as string[];
        if (!sameSet(tags, t.tags)) out.push(`${who}: entry ${t.id} has tags [${tags.join(", ")}], expected [${t.tags.join(", ")}]`);
      }
    } else if (t.state === "deleted") {
      if (row || copies > 0) out.push(`${who}: deleted entry ${t.id} is still in D1`);
    } else if (copies > 1) {
      out.push(`${who}: entry ${t.id} is stored ${copies} times`);
    }
  }
  for (const nonce of ledger.unacknowledged) {
    if ((nonceCount.get(nonce) ?? 0) > 1) out.push(`${who}: an unacknowledged write (${nonce}) is stored ${nonceCount.get(nonce)} times`);
  }
  for (const r of rows) {
    const nonce = NONCE_RE.exec(r.content)?.[0];
    if (!nonce || !known.has(nonce)) out.push(`${who}: entry ${r.id} was never written by this run: ${r.content.slice(0, 120)}`);
    if (r.primary_emotion === null) out.push(`${who}: entry ${r.id} has no emotion`);
    if (person.aiAnalysis && (r.insight_status !== "ready" || r.insight_revision !== r.revision)) {
      out.push(`${who}: the insight of entry ${r.id} (revision ${r.revision}) is ${r.insight_status ?? "missing"} at revision ${r.insight_revision ?? "none"}`);
    }
  }

  // The graph holds exactly what D1 holds, in the graph's order.
  const graphRes = await transport(person, { method: "GET", path: "/api/graph" });
  if (graphRes.status !== 200) return [...out, `${who}: GET /api/graph answered ${graphRes.status}`];
  for (const d of compareGraph(JSON.parse(graphRes.body) as GraphView, recomputeGraph(rows.filter((r) => r.primary_emotion !== null)))) out.push(`${who}: ${d}`);

  const historyRes = await transport(person, { method: "GET", path: `/api/graph/history?limit=${HISTORY_LIMIT}` });
  if (historyRes.status !== 200) return [...out, `${who}: GET /api/graph/history answered ${historyRes.status}`];
  const states = (JSON.parse(historyRes.body) as HistoryView).states;
  const newest = [...rows].sort(byTimeThenId).reverse().slice(0, HISTORY_LIMIT);
  if (states.length !== newest.length) out.push(`${who}: the graph's history has ${states.length} states, D1 ${newest.length} entries`);
  for (let i = 0; i < Math.min(states.length, newest.length); i++) {
    const s = states[i]!;
    const r = newest[i]!;
    if (s.entry_id !== r.id) {
      out.push(`${who}: state ${i} of the history is entry ${s.entry_id}, D1's order has ${r.id} there`);
      break;
    }
    if (s.primary_emotion !== r.primary_emotion) out.push(`${who}: entry ${r.id} is ${r.primary_emotion} in D1, ${s.primary_emotion} in the graph`);
    if (s.recorded_at !== new Date(r.created_at).toISOString()) out.push(`${who}: entry ${r.id} was written at ${new Date(r.created_at).toISOString()}, the graph says ${s.recorded_at}`);
    if (s.tried_action !== r.tried_action) out.push(`${who}: entry ${r.id} has tried action ${JSON.stringify(r.tried_action)} in D1, ${JSON.stringify(s.tried_action)} in the graph`);
  }
  return out;
}

/** Every invariant for every person of the run. */
export async function checkInvariants(run: TrafficRun, sql: SqlAll, transport: Transport): Promise<string[]> {
  const markers = new Set(run.ledgers.map((l) => l.person.marker));
  const out: string[] = [];
  for (const ledger of run.ledgers) out.push(...(await checkPerson(ledger, markers, sql, transport)));
  return out;
}

/**
 * Waits for the insight jobs to settle, then checks; a job's last steps (the refined mood reaching the
 * graph) follow its insight by a moment, so a failed check is tried again a few times before it counts.
 */
export async function settleAndCheck(
  run: TrafficRun,
  sql: SqlAll,
  transport: Transport,
  opts: { drainTimeoutSeconds: number; attempts: number },
): Promise<{ problems: string[]; drainSeconds: number; unsettled: number; attempts: number }> {
  const people = run.ledgers.map((l) => l.person);
  const drain = await waitForInsights(sql, people, opts.drainTimeoutSeconds);
  let problems: string[] = [];
  let attempt = 0;
  while (attempt < opts.attempts) {
    attempt++;
    problems = await checkInvariants(run, sql, transport);
    if (problems.length === 0) break;
    if (attempt < opts.attempts) await sleep(1000);
  }
  return { problems, drainSeconds: drain.seconds, unsettled: drain.unsettled, attempts: attempt };
}

/** The figures as a table (markdown) and a line per kind, for the benchmark's report. */
export function describeTraffic(f: TrafficFigures): string {
  const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }) : "n/a");
  const lines = [
    `${fmt(f.requests)} requests in ${fmt(f.seconds, 1)} s (${fmt(f.rps)} req/s) from ${f.people} people over ${f.connections} connections: ${f.serverErrors} 5xx, ${f.transportErrors} without an answer, ${f.failures} failures, ${f.leaks} answers with another person's words.`,
    `Acknowledged: ${fmt(f.acknowledged.writes)} writes, ${fmt(f.acknowledged.edits)} edits, ${fmt(f.acknowledged.deletes)} deletes, ${fmt(f.acknowledged.tried)} tried actions.`,
    "",
    "| kind | requests | req/s | p50 | p99 | failures | statuses |",
    "|---|---|---|---|---|---|---|",
    ...KINDS.map((k) => {
      const x = f.byKind[k]!;
      const statuses = Object.entries(x.statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(" ");
      return `| ${k} | ${fmt(x.requests)} | ${fmt(x.rps, 1)} | ${fmt(x.p50, 1)} ms | ${fmt(x.p99, 1)} ms | ${x.failures} | ${statuses} |`;
    }),
  ];
  return lines.join("\n");
}
