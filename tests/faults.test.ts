// Faults on the way of an entry: Workers AI throwing, hanging or talking nonsense; a queue message
// delivered twice at once and revisions out of order; the Durable Object evicted between calls; and
// the Durable Object failing part-way through a write. Already covered elsewhere, and not repeated:
// retries with backoff then local extraction, sequential duplicates and out-of-order revisions
// (queues/consumer.test.ts), the dead-letter queue marking an insight failed (same file), sockets
// and the graph surviving an eviction (live.test.ts, graph/transitions.test.ts), each provider's
// fallbacks on its own (emotion/workers-ai-provider.test.ts, insights/workers-ai-insights.test.ts).
import { createExecutionContext, evictDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EmotionalGraph } from "../durable-objects/emotional-graph.ts";
import { LLM_ATTEMPTS } from "../queues/analyze-entry.ts";
import { EMOTION_LLM, POLARITY_MODEL } from "../worker/emotion/workers-ai-provider.ts";
import worker from "../worker/index.ts";
import { readLocally } from "../worker/services/entry-emotion.ts";
import { graphFor } from "../worker/services/graph.ts";
import { BASE, call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { openTab } from "./helpers/live.ts";
import { deliver, deliverRecording, eventually, insightRow } from "./queues/helpers.ts";

const SAD = "I feel so sad and lonely today. Nobody called and the flat is too quiet.";
const HAPPY = "What a joyful, wonderful day with friends! I'm so happy.";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const quiet = () => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
};

/** Calls the Worker's fetch handler with the bindings a test chose (a failing graph, a recording queue). */
async function callWith(workerEnv: Env, method: string, path: string, user: TestUser, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${user.token}`, "cf-connecting-ip": "10.9.8.7" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A queue that keeps what is sent to it (or refuses everything), so a test delivers the jobs itself. */
function recordingQueue(broken = false) {
  const sent: unknown[] = [];
  const refuse = async () => {
    throw new Error("Queue send failed: service unavailable");
  };
  const queue = {
    send: broken ? refuse : async (body: unknown) => void sent.push(body),
    sendBatch: broken ? refuse : async (messages: { body: unknown }[]) => void sent.push(...messages.map((m) => m.body)),
  };
  return { sent, binding: queue as unknown as Env["INSIGHT_JOBS"] };
}

/** The graph binding with `method` failing its first `times` calls, as a reset or overloaded object does. */
function graphFailing(method: keyof EmotionalGraph & string, times = 1): Env["EMOTIONAL_GRAPH"] {
  const real = env.EMOTIONAL_GRAPH;
  let failures = 0;
  const namespace = {
    idFromName: (name: string) => real.idFromName(name),
    get: (id: DurableObjectId) =>
      new Proxy(real.get(id), {
        get(target, prop) {
          if (prop === method && failures < times) {
            return async () => {
              failures++;
              throw new Error("Durable Object reset because its code was updated.");
            };
          }
          const value: unknown = Reflect.get(target, prop);
          return typeof value === "function" ? (...args: unknown[]) => value.apply(target, args) : value;
        },
      }),
  };
  return namespace as unknown as Env["EMOTIONAL_GRAPH"];
}

const localReadingOf = (content: string) => readLocally({ title: null, content }).mood;

const awardsFor = async (entryId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM point_transactions WHERE reason = 'entry-analysed' AND ref = ?").bind(entryId).first<{ n: number }>())!.n;

const countFor = async (table: "entries" | "replies" | "insights", userId: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`).bind(userId).first<{ n: number }>())!.n;

async function graphStateOf(userId: string, entryId: string) {
  return (await graphFor(env, userId).history(50)).find((s) => s.entryId === entryId) ?? null;
}

/** Runs `work` with a fake clock that moves on whenever everything is waiting for a timer. */
async function withFakeClock<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  try {
    let settled = false;
    const pending = work().finally(() => (settled = true));
    while (!settled) {
      await vi.waitFor(
        () => {
          if (!settled && vi.getTimerCount() === 0) throw new Error("waiting for the next timer");
        },
        { timeout: 10_000, interval: 5 },
      );
      await vi.advanceTimersByTimeAsync(1_000);
    }
    return await pending;
  } finally {
    vi.useRealTimers();
  }
}

describe("Workers AI fails", () => {
  const faults: [string, () => Promise<unknown>, RegExp][] = [
    [
      "throws",
      async () => {
        throw new Error("3040: Capacity temporarily exceeded");
      },
      /Capacity temporarily exceeded/,
    ],
    ["answers nonsense", async () => ({ response: "Sure! Here is a poem about the sea instead." }), /not valid JSON/],
    ["never answers", () => new Promise(() => {}), /did not answer/],
  ];

  for (const [fault, answer, reason] of faults) {
    it(`${fault}: the entry is stored, the reply comes from the local model, the insight ends ready`, async () => {
      quiet();
      const run = vi.spyOn(env.AI, "run").mockImplementation(answer as never);
      const workersAi = { ...env, AI_PROVIDER: "workers-ai" } as Env;
      const user = await registerUser();
      const queue = recordingQueue();

      const res = await callWith({ ...workersAi, INSIGHT_JOBS: queue.binding }, "POST", "/api/journal/entries", user, { content: SAD });
      expect(res.status).toBe(201);
      const body = await json(res);
      const local = localReadingOf(SAD);
      expect(body.emotion).toEqual({ primary_emotion: local.primary_emotion, is_positive: local.is_positive, emotion_scores: local.emotion_scores });
      expect(body.response.text.length).toBeGreaterThan(0);
      expect(body.insight_status).toBe("pending");
      // The instant path never waits on the network.
      expect(run).not.toHaveBeenCalled();
      const conversation = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
      expect(conversation.items).toEqual([expect.objectContaining({ entry_id: body.entry_id, response: expect.objectContaining({ text: body.response.text }) })]);

      const job = { type: "analyze-entry", entryId: body.entry_id, userId: user.id, revision: 1 };
      expect(queue.sent).toEqual([job]);
      // The first try fails and is retried, the reason kept; the last language-model try settles locally.
      const first = await withFakeClock(() => deliverRecording(job, 1, workersAi));
      expect(first).toMatchObject({ acked: false, retried: true });
      expect(await insightRow(body.entry_id)).toMatchObject({ status: "pending", attempts: 1, error: expect.stringMatching(reason) });
      const last = await withFakeClock(() => deliverRecording(job, LLM_ATTEMPTS, workersAi));
      expect(last).toMatchObject({ acked: true, retried: false });
      expect(await insightRow(body.entry_id)).toMatchObject({ status: "ready", revision: 1, provider: "local", primary_emotion: local.primary_emotion });
      expect(run).toHaveBeenCalled();
      expect(await awardsFor(body.entry_id)).toBe(1);
      const entry = await json(await call("GET", `/api/entries/${body.entry_id}`, { token: user.token }));
      expect(entry).toMatchObject({ insight_status: "ready", mood: { primary_emotion: local.primary_emotion } });
    });
  }
});

describe("the same message twice, and revisions out of order", () => {
  it("delivered concurrently, duplicates and a stale revision end in one insight of the newest revision and one award", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const written = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: SAD } }));
    const entryId = written.entry_id;
    expect((await call("PATCH", `/api/entries/${entryId}`, { token: user.token, body: { content: HAPPY } })).status).toBe(200);
    const job = (revision: number) => ({ type: "analyze-entry", entryId, userId: user.id, revision });

    const results = await Promise.all([deliver(job(2)), deliver(job(1)), deliver(job(2)), deliver(job(1)), deliver(job(2))]);
    for (const result of results) {
      expect(result.explicitAcks).toHaveLength(1);
      expect(result.retryMessages).toEqual([]);
    }
    expect(await countFor("insights", user.id)).toBe(1);
    expect(await insightRow(entryId)).toMatchObject({ revision: 2, status: "ready", primary_emotion: "joy" });
    expect(await awardsFor(entryId)).toBe(1);
    const ledger = await env.DB.prepare("SELECT sum(points) AS sum FROM point_transactions WHERE user_id = ?").bind(user.id).first<{ sum: number }>();
    const total = await env.DB.prepare("SELECT total FROM user_points WHERE user_id = ?").bind(user.id).first<{ total: number }>();
    expect(total!.total).toBe(ledger!.sum);
    expect(await graphStateOf(user.id, entryId)).toMatchObject({ revision: 2, primaryEmotion: "joy" });
    expect(await graphFor(env, user.id).stateCount()).toBe(1);
  });
});

describe("the Durable Object evicted between calls", () => {
  it("keeps the graph, the live tickets and the sockets' attachments: the journal carries on as if nothing happened", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const graph = graphFor(env, user.id);
    const tab = await openTab(user);
    tab.socket.send(JSON.stringify({ type: "ping" }));
    const before = await eventually(async () => tab.messages.find((m) => m.type === "pong"));
    const { ticket } = await json(await call("POST", "/api/live/ticket", { token: user.token }));

    const sad = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: SAD, tags: ["alone"] } }));
    await evictDurableObject(graph);
    const happy = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: HAPPY, tags: ["friends"] } }));
    await evictDurableObject(graph);

    // The graph's states, transition and aggregates were all in storage.
    expect(await graph.stateCount()).toBe(2);
    expect((await graph.graph()).edges).toEqual([expect.objectContaining({ from: "sadness", to: "joy", count: 1 })]);
    expect(await graph.suggestions("sadness", 3)).toContainEqual(expect.objectContaining({ action: "friends", source: "history", evidence: expect.objectContaining({ tried: 1, worked: 1 }) }));
    // A ticket issued before the eviction still opens a socket, once.
    const open = await worker.fetch(new Request(`${BASE}/api/live?ticket=${ticket}`, { headers: { upgrade: "websocket" } }), env, createExecutionContext());
    expect(open.status).toBe(101);
    open.webSocket!.accept();
    open.webSocket!.close(1000, "done");
    // The socket opened before both evictions hears the next event and still knows when it connected.
    await deliver({ type: "analyze-entry", entryId: happy.entry_id, userId: user.id, revision: 1 });
    expect(await eventually(async () => tab.messages.find((m) => m.type === "insight.ready"))).toMatchObject({ entry_id: happy.entry_id });
    tab.socket.send(JSON.stringify({ type: "ping" }));
    const after = await eventually(async () => tab.messages.filter((m) => m.type === "pong")[1]);
    expect(after.connected_at).toBe(before.connected_at);
    expect(sad.entry_id).not.toBe(happy.entry_id);
    tab.socket.close(1000, "done");
  });
});

describe("the Durable Object fails part-way through a write", () => {
  it("a failed graph call on POST /api/journal/entries still stores the entry and its reply, and a queued sync brings the graph into step", async () => {
    quiet();
    const user = await registerUser();
    const queue = recordingQueue();
    const failing = { ...env, EMOTIONAL_GRAPH: graphFailing("recordState"), INSIGHT_JOBS: queue.binding };

    const res = await callWith(failing, "POST", "/api/journal/entries", user, { content: SAD, tags: ["work"] });
    expect(res.status).toBe(201);
    const body = await json(res);
    const local = localReadingOf(SAD);
    expect(body.emotion).toEqual({ primary_emotion: local.primary_emotion, is_positive: local.is_positive, emotion_scores: local.emotion_scores });
    // Without the graph the reply still answers, with the suggestions given to a person without history.
    expect(body.response.text.length).toBeGreaterThan(0);
    expect(body.response.suggested_actions.length).toBeGreaterThan(0);
    expect(body.response.suggested_actions.every((s: { source: string }) => s.source === "generic")).toBe(true);
    const conversation = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    expect(conversation.items).toEqual([
      expect.objectContaining({ entry_id: body.entry_id, tags: ["work"], response: expect.objectContaining({ id: body.response_id, text: body.response.text }) }),
    ]);

    // The graph missed the entry; the sync job is queued beside the analysis.
    const graph = graphFor(env, user.id);
    expect(await graph.stateCount()).toBe(0);
    const sync = { type: "sync-graph", userId: user.id, entryId: body.entry_id };
    expect(queue.sent).toEqual([sync, { type: "analyze-entry", entryId: body.entry_id, userId: user.id, revision: 1 }]);
    expect((await deliver(sync)).explicitAcks).toHaveLength(1);
    expect(await graphStateOf(user.id, body.entry_id)).toMatchObject({
      revision: 1,
      primaryEmotion: local.primary_emotion,
      valence: local.valence,
      activities: expect.arrayContaining(["work"]),
      triedAction: null,
    });
    // Delivered again (at-least-once), it changes nothing.
    const whole = await graph.graph();
    expect((await deliver(sync)).explicitAcks).toHaveLength(1);
    expect(await graph.graph()).toEqual(whole);

    // The next write finds the graph whole: two states and the transition between them.
    expect((await call("POST", "/api/journal/entries", { token: user.token, body: { content: HAPPY } })).status).toBe(201);
    expect(await graph.stateCount()).toBe(2);
    expect((await graph.graph()).edges).toEqual([expect.objectContaining({ from: "sadness", to: "joy", count: 1 })]);
  });

  it("when the queue cannot take the sync either, the write is taken back whole: a 500 in the envelope and nothing stored", async () => {
    quiet();
    const user = await registerUser();
    const down = { ...env, EMOTIONAL_GRAPH: graphFailing("recordState", Number.POSITIVE_INFINITY), INSIGHT_JOBS: recordingQueue(true).binding };
    await expectError(await callWith(down, "POST", "/api/journal/entries", user, { content: SAD, tags: ["work"] }), 500);
    for (const table of ["entries", "replies", "insights"] as const) expect(await countFor(table, user.id)).toBe(0);
    expect(await graphFor(env, user.id).stateCount()).toBe(0);
    // Once things work again the same words go through as a fresh write.
    expect((await call("POST", "/api/journal/entries", { token: user.token, body: { content: SAD, tags: ["work"] } })).status).toBe(201);
    expect(await countFor("entries", user.id)).toBe(1);
  });

  it("a failed graph call on delete removes the entry, and the queued sync removes its state", async () => {
    quiet();
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const written = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: SAD } }));
    const queue = recordingQueue();
    const res = await callWith({ ...env, EMOTIONAL_GRAPH: graphFailing("removeState"), INSIGHT_JOBS: queue.binding }, "DELETE", `/api/entries/${written.entry_id}`, user);
    expect(res.status).toBe(204);
    expect((await call("GET", `/api/entries/${written.entry_id}`, { token: user.token })).status).toBe(404);
    const graph = graphFor(env, user.id);
    expect(await graph.stateCount()).toBe(1);
    const sync = { type: "sync-graph", userId: user.id, entryId: written.entry_id };
    expect(queue.sent).toEqual([sync]);
    expect((await deliver(sync)).explicitAcks).toHaveLength(1);
    expect(await graph.stateCount()).toBe(0);
  });

  it("a refined mood whose graph call failed reaches the graph when the job is delivered again", async () => {
    quiet();
    const joyful = { ekman: { anger: 0.02, disgust: 0.01, fear: 0.02, joy: 0.9, sadness: 0.1, surprise: 0.1, neutral: 0.05 }, fine: [{ label: "joy", score: 0.9 }] };
    vi.spyOn(env.AI, "run").mockImplementation((async (model: string) => {
      if (model === POLARITY_MODEL) return [{ label: "POSITIVE", score: 0.9 }, { label: "NEGATIVE", score: 0.1 }];
      if (model === EMOTION_LLM) return { response: joyful };
      throw new Error(`${model} is down`);
    }) as never);
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const written = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: SAD } }));
    expect(written.emotion.primary_emotion).toBe("sadness");
    const job = { type: "analyze-entry", entryId: written.entry_id, userId: user.id, revision: 1 };
    const workersAi = { ...env, AI_PROVIDER: "workers-ai" } as Env;

    // The deeper reading (joy) is stored in D1, then the graph call fails: the job is retried.
    const failed = await deliverRecording(job, LLM_ATTEMPTS, { ...workersAi, EMOTIONAL_GRAPH: graphFailing("recordState") });
    expect(failed).toMatchObject({ acked: false, retried: true });
    expect(await insightRow(written.entry_id)).toMatchObject({ status: "ready", primary_emotion: "joy" });
    expect(await graphStateOf(user.id, written.entry_id)).toMatchObject({ primaryEmotion: "sadness" });

    // The redelivery finds the insight done and brings the graph into step with D1.
    const again = await deliverRecording(job, LLM_ATTEMPTS + 1, workersAi);
    expect(again).toMatchObject({ acked: true, retried: false });
    const entry = await json(await call("GET", `/api/entries/${written.entry_id}`, { token: user.token }));
    expect(entry.mood.primary_emotion).toBe("joy");
    expect(await graphStateOf(user.id, written.entry_id)).toMatchObject({ revision: 1, primaryEmotion: "joy", valence: entry.mood.valence });
    expect(await awardsFor(written.entry_id)).toBe(1);
  });
});

describe("the pending insight written in the entry's own batch", () => {
  it("is written and its job sent only while deep analysis is on", async () => {
    const user = await registerUser();
    const on = recordingQueue();
    const first = await json(await callWith({ ...env, INSIGHT_JOBS: on.binding }, "POST", "/api/journal/entries", user, { content: SAD }));
    expect(first.insight_status).toBe("pending");
    expect(await insightRow(first.entry_id)).toMatchObject({ status: "pending", revision: 1 });
    expect(on.sent).toEqual([{ type: "analyze-entry", entryId: first.entry_id, userId: user.id, revision: 1 }]);

    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const off = recordingQueue();
    const second = await json(await callWith({ ...env, INSIGHT_JOBS: off.binding }, "POST", "/api/journal/entries", user, { content: SAD }));
    expect(second.insight_status).toBeNull();
    expect(await insightRow(second.entry_id)).toBeNull();
    expect(off.sent).toEqual([]);
    const stored = await json(await call("GET", `/api/entries/${second.entry_id}`, { token: user.token }));
    expect(stored.insight_status).toBeNull();
  });
});
