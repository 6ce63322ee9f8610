// The conversational journal end to end: reply shape, emotion, suggestions with evidence from the
// person's own history, the conversation, "I tried it", and isolation.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { graphFor } from "../worker/services/graph.ts";
import { call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";

const SAD = "I feel so sad and lonely tonight. I miss her terribly and the evening drags on.";
const HAPPY = "Such a wonderful, happy day! I'm so grateful and excited, we laughed a lot.";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function write(user: TestUser, body: Record<string, unknown>) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body });
  expect(res.status).toBe(201);
  await sleep(3); // distinct timestamps keep the order of states unambiguous
  return json(res);
}

describe("POST /api/journal/entries", () => {
  it("answers at once with the entry's emotion, a reply and suggested actions", async () => {
    const user = await registerUser();
    const body = await write(user, { content: SAD, tags: ["evening"] });
    expect(body).toMatchObject({
      entry_id: expect.any(String),
      response_id: expect.any(String),
      response: { text: expect.any(String), suggested_actions: expect.any(Array) },
      emotion: { primary_emotion: "sadness", is_positive: false },
      insight_status: "pending",
    });
    expect(body.emotion.emotion_scores.sadness).toBeGreaterThan(body.emotion.emotion_scores.joy);
    expect(body.response.text.length).toBeGreaterThan(20);
    expect(body.response.suggested_actions.length).toBe(3);
    expect(body.response.suggested_actions[0]).toMatchObject({ source: "generic", evidence: null });

    // Stored: the entry with its mood, the reply, and the state in the graph.
    const entry = await json(await call("GET", `/api/entries/${body.entry_id}`, { token: user.token }));
    expect(entry.mood).toMatchObject({ primary_emotion: "sadness", is_positive: false });
    expect(entry.mood.valence).toBeLessThan(0);
    const reply = await env.DB.prepare("SELECT text FROM replies WHERE id = ? AND user_id = ?").bind(body.response_id, user.id).first<{ text: string }>();
    expect(reply!.text).toBe(body.response.text);
    const [state] = await graphFor(env, user.id).history(1);
    expect(state).toMatchObject({ entryId: body.entry_id, primaryEmotion: "sadness", activities: ["evening"] });
  });

  it("names what helped this person before, with the evidence", async () => {
    const user = await registerUser();
    // A walk after each sad entry, and the happier one that followed: the walk is what helped.
    for (let i = 0; i < 3; i++) {
      await write(user, { content: SAD, tags: ["work"] });
      await write(user, { content: HAPPY, tags: ["walk"] });
    }
    const body = await write(user, { content: SAD });
    const [top] = body.response.suggested_actions;
    expect(top).toMatchObject({ action: "walk", source: "history", evidence: { tried: 3, worked: 3 } });
    expect(top.evidence.median_recovery_ms).toBeGreaterThan(0);
    expect(body.response.text).toMatch(/a walk (has )?helped/);
    expect(body.response.text).toMatch(/3 of 3 times/);
    // The sad entries' own context never counts as their cure.
    expect(body.response.suggested_actions.map((a: { action: string }) => a.action)).not.toContain("work");
  });

  it("varies the wording across entries, and a positive entry gets a positive reply", async () => {
    const user = await registerUser();
    const texts = new Set<string>();
    for (let i = 0; i < 6; i++) texts.add((await write(user, { content: SAD })).response.text);
    expect(texts.size).toBeGreaterThan(1);
    const happy = await write(user, { content: HAPPY });
    expect(happy.emotion).toMatchObject({ primary_emotion: "joy", is_positive: true });
    expect(happy.response.text).not.toMatch(/sorry|heavy/i);
  });

  it("credits tried_action to the previous entry, where the suggestion was made", async () => {
    const user = await registerUser();
    const low = await write(user, { content: SAD });
    await write(user, { content: HAPPY, tried_action: "Call a friend" });
    const [, previous] = await graphFor(env, user.id).history(2);
    expect(previous).toMatchObject({ entryId: low.entry_id, triedAction: "call a friend" });
  });

  it("validates the body and needs authentication", async () => {
    const user = await registerUser();
    await expectError(await call("POST", "/api/journal/entries", { token: user.token, body: { content: " " } }), 400);
    await expectError(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "x".repeat(20_001) } }), 400);
    await expectError(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "ok", tried_action: "" } }), 400);
    await expectError(await call("POST", "/api/journal/entries", { body: { content: "hello" } }), 401);
    expect(await graphFor(env, user.id).stateCount()).toBe(0);
  });
});

describe("an entry that waited on the device keeps the time it was written (written_at)", () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const write = (user: TestUser, body: Record<string, unknown>) => call("POST", "/api/journal/entries", { token: user.token, body });
  const createdAt = async (user: TestUser, id: string) => Date.parse((await json(await call("GET", `/api/entries/${id}`, { token: user.token }))).created_at);

  it("is dated when it was written, takes its place in time, and its local day follows", async () => {
    const user = await registerUser();
    const later = await json(await write(user, { content: "Back online, a walk by the river." }));
    // Written last night without a connection, sent this morning: before the entry above.
    const writtenAt = new Date(Date.now() - 11 * HOUR);
    const res = await write(user, { content: "Quiet evening, read on the sofa.", written_at: writtenAt.toISOString() });
    expect(res.status).toBe(201);
    const offline = await json(res);
    expect(await createdAt(user, offline.entry_id)).toBe(writtenAt.getTime());
    const days = await env.DB.prepare("SELECT local_day FROM entries WHERE id = ?").bind(offline.entry_id).first<string>("local_day");
    expect(days).toBe(writtenAt.toISOString().slice(0, 10));
    // The list and the graph put it before the entry that arrived first.
    const list = await json(await call("GET", "/api/entries?limit=5", { token: user.token }));
    expect(list.entries.map((e: { id: string }) => e.id)).toEqual([later.entry_id, offline.entry_id]);
    const history = await graphFor(env, user.id).history(5);
    expect(history.map((s) => s.entryId)).toEqual([later.entry_id, offline.entry_id]);
  });

  it("is never dated later than its arrival, nor further back than 7 days; sent as written, the server's clock dates it", async () => {
    const user = await registerUser();
    const before = Date.now();
    // A device clock a minute behind: sent at once, so dated on arrival.
    const atOnce = await json(await write(user, { content: "Sent as soon as written.", written_at: new Date(before - 60_000).toISOString() }));
    expect(await createdAt(user, atOnce.entry_id)).toBeGreaterThanOrEqual(before);
    const future = await json(await write(user, { content: "Clock ahead.", written_at: new Date(before + 5 * DAY).toISOString() }));
    const futureAt = await createdAt(user, future.entry_id);
    expect(futureAt).toBeGreaterThanOrEqual(before);
    expect(futureAt).toBeLessThanOrEqual(Date.now());
    const old = await json(await write(user, { content: "Written on a long trip.", written_at: new Date(before - 30 * DAY).toISOString() }));
    const oldAt = await createdAt(user, old.entry_id);
    expect(oldAt).toBeGreaterThanOrEqual(before - 7 * DAY);
    expect(oldAt).toBeLessThanOrEqual(Date.now() - 7 * DAY);
  });

  it("answers 400 for a time that is not an instant, and stores nothing", async () => {
    const user = await registerUser();
    for (const written_at of ["yesterday", "2026-11-29", 1_700_000_000_000, "0000-01-01T00:00:00Z"]) {
      const error = await expectError(await write(user, { content: "Hello.", written_at }), 400);
      expect(error.details?.some((d) => d.path.includes("written_at"))).toBe(true);
    }
    expect(await graphFor(env, user.id).stateCount()).toBe(0);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(user.id).first("n")).toBe(0);
  });
});

describe("GET /api/journal/conversation and POST /api/journal/entries/:id/tried", () => {
  it("lists entries with their replies newest first, and records a tried action", async () => {
    const user = await registerUser();
    const first = await write(user, { content: SAD });
    const second = await write(user, { content: HAPPY });
    const page = await json(await call("GET", "/api/journal/conversation?limit=10", { token: user.token }));
    expect(page.items.map((i: { entry_id: string }) => i.entry_id)).toEqual([second.entry_id, first.entry_id]);
    expect(page.items[1]).toMatchObject({
      content: SAD,
      emotion: { primary_emotion: "sadness", is_positive: false },
      response: { id: first.response_id, text: first.response.text, tried_action: null },
    });

    const action = first.response.suggested_actions[0].action;
    const res = await call("POST", `/api/journal/entries/${first.entry_id}/tried`, { token: user.token, body: { action } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ entry_id: first.entry_id, tried_action: action });
    const after = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    expect(after.items[1].response.tried_action).toBe(action);
    const suggestions = await json(await call("GET", "/api/graph/suggestions?emotion=sadness", { token: user.token }));
    expect(suggestions.suggestions[0]).toMatchObject({ action, source: "history", evidence: { tried: 1, worked: 1 } });
  });

  it("validates, needs authentication, and answers 404 for someone else's entry", async () => {
    const owner = await registerUser();
    const other = await registerUser();
    const entry = await write(owner, { content: SAD });
    await expectError(await call("POST", `/api/journal/entries/${entry.entry_id}/tried`, { token: other.token, body: { action: "walk" } }), 404);
    await expectError(await call("POST", `/api/journal/entries/${entry.entry_id}/tried`, { token: owner.token, body: {} }), 400);
    await expectError(await call("POST", `/api/journal/entries/${entry.entry_id}/tried`, { body: { action: "walk" } }), 401);
    await expectError(await call("GET", "/api/journal/conversation?limit=0", { token: owner.token }), 400);
    await expectError(await call("GET", "/api/journal/conversation"), 401);
    expect((await json(await call("GET", "/api/journal/conversation", { token: other.token }))).items).toEqual([]);
  });
});

describe("editing and deleting through the entry routes keep the graph exact", () => {
  it("re-analyses an edit and removes a deleted entry's state", async () => {
    const user = await registerUser();
    const a = await write(user, { content: SAD });
    const b = await write(user, { content: SAD });
    await write(user, { content: HAPPY });
    const edited = await json(await call("PATCH", `/api/entries/${b.entry_id}`, { token: user.token, body: { content: HAPPY } }));
    expect(edited).toMatchObject({ revision: 2, mood: { primary_emotion: "joy", is_positive: true } });
    let graph = await json(await call("GET", "/api/graph", { token: user.token }));
    expect(graph.edges.map((e: { from: string; to: string; count: number }) => `${e.from}>${e.to}:${e.count}`).sort()).toEqual(["joy>joy:1", "sadness>joy:1"]);

    await call("DELETE", `/api/entries/${a.entry_id}`, { token: user.token });
    graph = await json(await call("GET", "/api/graph", { token: user.token }));
    expect(graph.total_states).toBe(2);
    expect(graph.edges).toEqual([{ from: "joy", to: "joy", count: 1, probability: 1, median_ms: expect.any(Number) }]);
  });
});

describe("/api/graph routes", () => {
  it("answers the graph, suggestions, path, history and patterns for the person only", async () => {
    const user = await registerUser();
    const other = await registerUser();
    await write(user, { content: SAD, tags: ["walk"] });
    await write(user, { content: HAPPY });
    const graph = await json(await call("GET", "/api/graph", { token: user.token }));
    expect(graph.nodes.map((n: { emotion: string }) => n.emotion).sort()).toEqual(["joy", "sadness"]);
    expect(graph.edges).toEqual([{ from: "sadness", to: "joy", count: 1, probability: 1, median_ms: expect.any(Number) }]);

    const path = await json(await call("GET", "/api/graph/path?from=sadness", { token: user.token }));
    expect(path.path).toMatchObject({ from: "sadness", to: "joy", path: ["sadness", "joy"], probability: 1 });
    expect((await json(await call("GET", "/api/graph/path?from=fear&to=joy", { token: user.token }))).path).toBeNull();

    const history = await json(await call("GET", "/api/graph/history?limit=1", { token: user.token }));
    expect(history.states).toHaveLength(1);
    expect(history.states[0]).toMatchObject({ primary_emotion: "joy", is_positive: true });

    const patterns = await json(await call("GET", "/api/graph/patterns", { token: user.token }));
    expect(patterns.episodes).toHaveLength(1);
    expect(patterns.episodes[0].recovery_ms).toBeGreaterThan(0);
    expect(patterns.recovery.trend).toBe("not-enough-data");

    // Nobody reaches another person's graph.
    expect(await json(await call("GET", "/api/graph", { token: other.token }))).toEqual({ nodes: [], edges: [], total_states: 0 });
    expect((await json(await call("GET", "/api/graph/history", { token: other.token }))).states).toEqual([]);
  });

  it("validates the queries and needs authentication", async () => {
    const user = await registerUser();
    for (const path of ["/api/graph/suggestions", "/api/graph/suggestions?emotion=bliss", "/api/graph/path", "/api/graph/path?from=joy&to=bliss", "/api/graph/history?limit=0"]) {
      await expectError(await call("GET", path, { token: user.token }), 400);
    }
    for (const path of ["/api/graph", "/api/graph/suggestions?emotion=joy", "/api/graph/path?from=joy", "/api/graph/history", "/api/graph/patterns"]) {
      await expectError(await call("GET", path), 401);
    }
  });
});

describe("import feeds the graph", () => {
  it("analyses imported entries and records them in time order", async () => {
    const user = await registerUser();
    const day = (d: number) => new Date(Date.UTC(2025, 5, d, 20)).toISOString();
    const res = await call("POST", "/api/entries/import", {
      token: user.token,
      body: {
        format: "tideline-export",
        version: 1,
        entries: [
          { content: HAPPY, created_at: day(3) },
          { content: SAD, created_at: day(1), tags: ["walk"] },
          { content: HAPPY, created_at: day(2) },
        ],
      },
    });
    expect(await json(res)).toMatchObject({ created: 3, skipped_duplicates: 0, rejected: 0 });
    const graph = await json(await call("GET", "/api/graph", { token: user.token }));
    expect(graph.total_states).toBe(3);
    expect(graph.edges.map((e: { from: string; to: string }) => `${e.from}>${e.to}`).sort()).toEqual(["joy>joy", "sadness>joy"]);
    const list = await json(await call("GET", "/api/entries", { token: user.token }));
    expect(list.entries.every((e: { mood: { primary_emotion: string | null } }) => e.mood.primary_emotion !== null)).toBe(true);
  });
});

describe("a tried action is normalised before its length is checked (review finding)", () => {
  // "İ" lower-cases to two code units ("i" and a combining dot): 41 of them are 82 characters.
  const tooLong = "İ".repeat(41);
  const longest = "İ".repeat(40);

  it("POST /tried answers 400 for an action too long once lower-cased, and D1 and the graph keep agreeing", async () => {
    const user = await registerUser();
    const entry = await write(user, { content: SAD });
    const error = await expectError(await call("POST", `/api/journal/entries/${entry.entry_id}/tried`, { token: user.token, body: { action: tooLong } }), 400, "validation_failed");
    expect(error.details!.map((d) => d.path)).toEqual(["action"]);
    const [item] = (await json(await call("GET", "/api/journal/conversation", { token: user.token }))).items;
    expect(item.response.tried_action).toBeNull();
    expect((await graphFor(env, user.id).history(1))[0]!.triedAction).toBeNull();

    const res = await call("POST", `/api/journal/entries/${entry.entry_id}/tried`, { token: user.token, body: { action: longest } });
    expect(res.status).toBe(200);
    const stored = longest.toLowerCase();
    expect(await json(res)).toEqual({ entry_id: entry.entry_id, tried_action: stored });
    const [after] = (await json(await call("GET", "/api/journal/conversation", { token: user.token }))).items;
    expect(after.response.tried_action).toBe(stored);
    expect((await graphFor(env, user.id).history(1))[0]!.triedAction).toBe(stored);
  });

  it("tried_action on a new entry answers 400 the same way, before anything is stored", async () => {
    const user = await registerUser();
    const first = await write(user, { content: SAD });
    const error = await expectError(await call("POST", "/api/journal/entries", { token: user.token, body: { content: HAPPY, tried_action: tooLong } }), 400, "validation_failed");
    expect(error.details!.map((d) => d.path)).toEqual(["tried_action"]);
    const items = (await json(await call("GET", "/api/journal/conversation", { token: user.token }))).items;
    expect(items.map((i: { entry_id: string }) => i.entry_id)).toEqual([first.entry_id]);
    expect(items[0].response.tried_action).toBeNull();
    expect(await graphFor(env, user.id).stateCount()).toBe(1);
  });
});
