// Load with correctness, the short version (issue 10 part 4; `npm run bench` runs the long one over a
// socket): people write, read, search, edit, delete and mark actions tried at the same time, then
// nothing 5xx'd, every acknowledged write exists exactly once, every acknowledged delete is gone, each
// graph matches a recomputation from D1, and no answer carried another person's words. Then the checks
// are shown to catch each kind of breakage, so that a silent checker cannot pass for a correct system.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, markerWord, runMixedTraffic, settleAndCheck, type SqlAll, type TrafficPerson, type TrafficRun, type Transport } from "../bench/lib/mixed-traffic.ts";
import { rng } from "../bench/lib/texts.ts";
import { getDb } from "../worker/db/client.ts";
import { syncEntryState } from "../worker/services/entries.ts";
import { graphFor } from "../worker/services/graph.ts";
import { call, registerUser } from "./helpers/api.ts";

const PEOPLE = 8;
const CONNECTIONS = 16;
const SECONDS = 10;

const transport: Transport = async (person, request) => {
  const res = await call(request.method, request.path, { token: person.token, body: request.body });
  return { status: res.status, body: await res.text() };
};

const sql: SqlAll = async <T,>(query: string, params: unknown[]) => (await env.DB.prepare(query).bind(...params).all<T>()).results;

const random = rng(2026);
let people: TrafficPerson[];
let run: TrafficRun;

beforeAll(async () => {
  people = await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      const user = await registerUser();
      // Half with deep analysis on: their jobs run through the real queue while the traffic goes on.
      const aiAnalysis = i % 2 === 0;
      expect((await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: aiAnalysis } })).status).toBe(200);
      return { id: user.id, token: user.token, marker: markerWord(random), aiAnalysis };
    }),
  );
}, 30_000);

describe("mixed traffic from several people at once", () => {
  it("answers without 5xx, loses nothing, leaks nothing, and every graph matches D1", async () => {
    run = await runMixedTraffic({ people, connections: CONNECTIONS, seconds: SECONDS, transport, random });
    const f = run.figures;
    expect(f.problems).toEqual([]);
    expect(f.serverErrors).toBe(0);
    expect(f.leaks).toBe(0);
    expect(f.failures).toBe(0);
    // Every kind of request took part, the changes among them acknowledged.
    for (const [kind, k] of Object.entries(f.byKind)) expect(k.requests, kind).toBeGreaterThan(0);
    expect(f.acknowledged.writes).toBeGreaterThan(PEOPLE);
    expect(f.acknowledged.deletes).toBeGreaterThan(0);
    expect(f.acknowledged.edits).toBeGreaterThan(0);
    expect(f.acknowledged.tried).toBeGreaterThan(0);

    const settled = await settleAndCheck(run, sql, transport, { drainTimeoutSeconds: 30, attempts: 3 });
    expect(settled.unsettled).toBe(0);
    expect(settled.problems).toEqual([]);
  }, 90_000);
});

describe("the checks catch what they are there for", () => {
  /** A person of the run with a live entry of known state, and that entry's id. */
  function liveEntryOf(run: TrafficRun) {
    for (const ledger of run.ledgers) {
      const entry = [...ledger.entries.values()].find((t) => t.state === "live");
      if (entry) return { person: ledger.person, id: entry.id };
    }
    throw new Error("no live entry after the run");
  }

  it("an acknowledged entry missing from D1 (its graph state left behind)", async () => {
    const { person, id } = liveEntryOf(run);
    // Handed to someone else rather than deleted, so that its reply, tags and insight can come back.
    const other = people.find((p) => p !== person)!;
    await env.DB.prepare("UPDATE entries SET user_id = ? WHERE id = ?").bind(other.id, id).run();
    const problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.includes(`acknowledged entry ${id} is missing`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`person ${person.marker}: total_states`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`person ${other.marker}: entry ${id} was never written`))).toBe(true);
    await env.DB.prepare("UPDATE entries SET user_id = ? WHERE id = ?").bind(person.id, id).run();
  });

  it("a duplicated write", async () => {
    const { id } = liveEntryOf(run);
    const row = await env.DB.prepare("SELECT user_id, content, created_at FROM entries WHERE id = ?").bind(id).first<{ user_id: string; content: string; created_at: number }>();
    const copy = crypto.randomUUID();
    await env.DB.prepare("INSERT INTO entries (id, user_id, content, created_at, updated_at, primary_emotion) VALUES (?, ?, ?, ?, ?, 'joy')")
      .bind(copy, row!.user_id, row!.content, row!.created_at, row!.created_at)
      .run();
    const problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.includes(`entry ${id} is stored 2 times`))).toBe(true);
    await env.DB.prepare("DELETE FROM entries WHERE id = ?").bind(copy).run();
  });

  it("a deleted entry that came back", async () => {
    const deleted = run.ledgers.flatMap((l) => [...l.entries.values()].map((t) => ({ t, l }))).find(({ t }) => t.state === "deleted");
    expect(deleted).toBeDefined();
    const { t, l } = deleted!;
    await env.DB.prepare("INSERT INTO entries (id, user_id, content, created_at, updated_at, primary_emotion) VALUES (?, ?, ?, ?, ?, 'joy')")
      .bind(t.id, l.person.id, t.content, Date.now(), Date.now())
      .run();
    const problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.includes(`deleted entry ${t.id} is still in D1`))).toBe(true);
    await env.DB.prepare("DELETE FROM entries WHERE id = ?").bind(t.id).run();
  });

  it("an emotion that differs between D1 and the graph", async () => {
    const { person, id } = liveEntryOf(run);
    const row = await env.DB.prepare("SELECT primary_emotion FROM entries WHERE id = ?").bind(id).first<{ primary_emotion: string }>();
    const other = row!.primary_emotion === "surprise" ? "disgust" : "surprise";
    await env.DB.prepare("UPDATE entries SET primary_emotion = ? WHERE id = ?").bind(other, id).run();
    const problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.startsWith(`person ${person.marker}: ${other}:`))).toBe(true);
    expect(problems.some((p) => p.includes(`entry ${id} is ${other} in D1`))).toBe(true);
    await env.DB.prepare("UPDATE entries SET primary_emotion = ? WHERE id = ?").bind(row!.primary_emotion, id).run();
  });

  it("an edit that was lost, and another person's words stored in an entry", async () => {
    const { person, id } = liveEntryOf(run);
    const other = people.find((p) => p !== person)!;
    const before = await env.DB.prepare("SELECT content FROM entries WHERE id = ?").bind(id).first<{ content: string }>();
    await env.DB.prepare("UPDATE entries SET content = content || ? WHERE id = ?").bind(` ${other.marker}`, id).run();
    const problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.includes(`entry ${id} holds another person's words`))).toBe(true);
    expect(problems.some((p) => p.includes(`entry ${id} holds "`))).toBe(true);
    await env.DB.prepare("UPDATE entries SET content = ? WHERE id = ?").bind(before!.content, id).run();
  });

  it("a state the graph lost, and a tried action only the graph has", async () => {
    const { person, id } = liveEntryOf(run);
    const graph = graphFor(env, person.id);
    await graph.removeState(id);
    let problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.startsWith(`person ${person.marker}: total_states`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`person ${person.marker}: the graph's history has`))).toBe(true);
    expect(await syncEntryState(env, getDb(env), person.id, id)).toBe("recorded");
    await graph.markTried({ entryId: id, action: "only in the graph" });
    problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.includes(`entry ${id} has tried action`) && p.includes('"only in the graph" in the graph'))).toBe(true);
    // D1 says what the person tried; the graph is brought back to it.
    await env.DB.prepare("UPDATE replies SET tried_action = 'only in the graph' WHERE entry_id = ?").bind(id).run();
  });

  it("an entry moved in time in D1 alone: the graph's order is compared, not only its totals", async () => {
    const { person, id } = liveEntryOf(run);
    const before = await env.DB.prepare("SELECT created_at FROM entries WHERE id = ?").bind(id).first<{ created_at: number }>();
    await env.DB.prepare("UPDATE entries SET created_at = 1 WHERE id = ?").bind(id).run();
    const problems = await checkInvariants(run, sql, transport);
    expect(problems.some((p) => p.startsWith(`person ${person.marker}: `) && /state \d+ of the history|was written at/.test(p))).toBe(true);
    await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(before!.created_at, id).run();
    expect(await checkInvariants(run, sql, transport)).toEqual([]);
  });

  // Last: their own short runs write entries the main run's ledger does not know.
  it("an answer holding another person's words counts as a leak", async () => {
    const [a, b] = people as [TrafficPerson, TrafficPerson];
    const leaky: Transport = async (person, request) => {
      const res = await transport(person, request);
      return person === a ? { ...res, body: `${res.body} ${b.marker}` } : res;
    };
    const leakRun = await runMixedTraffic({ people: [a, b], connections: 2, seconds: 0.3, transport: leaky, random });
    expect(leakRun.figures.leaks).toBeGreaterThan(0);
  });

  it("a 5xx counts, and so does a status other than the one expected", async () => {
    const [a] = people as [TrafficPerson];
    let n = 0;
    const failing: Transport = async (person, request) => {
      const res = await transport(person, request);
      n++;
      return n === 1 ? { status: 503, body: "{}" } : n === 2 ? { ...res, status: res.status === 200 ? 201 : 200 } : res;
    };
    const failRun = await runMixedTraffic({ people: [a], connections: 1, seconds: 0.3, transport: failing, random });
    expect(failRun.figures.serverErrors).toBe(1);
    expect(failRun.figures.failures).toBeGreaterThanOrEqual(2);
  });
});
