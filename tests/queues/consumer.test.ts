// The insight-jobs consumer: acks, retries with growing delays, malformed bodies, duplicates,
// out-of-order revisions, the dead-letter queue, and a real producer-to-consumer round trip.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { retryDelaySeconds } from "../../queues/backoff.ts";
import { call, createEntry, json, registerUser } from "../helpers/api.ts";
import { deliver, deliverRecording, eventually, insightRow } from "./helpers.ts";

const awardsFor = async (entryId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM point_transactions WHERE reason = 'entry-analysed' AND ref = ?").bind(entryId).first<{ n: number }>())!.n;

const SAD = "I feel so sad and lonely. I always mess these things up. Tomorrow I will call my sister.";

afterEach(() => {
  vi.restoreAllMocks();
});

async function entryWithoutJob() {
  const user = await registerUser();
  // Switch AI analysis off so the producer stays quiet and the test delivers jobs itself.
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  const entry = await createEntry(user.token, { content: SAD, tags: ["family"] });
  return { user, entry, job: { type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 } };
}

describe("analyze-entry jobs", () => {
  it("acknowledges a job and writes a ready insight with every part", async () => {
    const { entry, job } = await entryWithoutJob();
    const result = await deliver(job);
    expect(result.explicitAcks).toEqual(["msg-1"].map(() => expect.any(String)));
    expect(result.retryMessages).toEqual([]);
    const row = await insightRow(entry.id);
    expect(row).toMatchObject({ status: "ready", revision: 1, provider: "local", primary_emotion: "sadness", sentiment: "negative" });
    expect(JSON.parse(row!.topics).length).toBeGreaterThan(0);
    expect(row!.summary.length).toBeGreaterThan(0);
    expect(JSON.parse(row!.questions).length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(row!.action_items).join(" ")).toMatch(/call my sister/i);
    expect(JSON.parse(row!.ekman_scores).sadness).toBeGreaterThan(0);
  });

  it("acknowledges a malformed body without retrying it", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const body of [{ type: "analyze-entry", entryId: "nope" }, "garbage", null, { type: "unknown" }]) {
      const result = await deliver(body);
      expect(result.explicitAcks).toHaveLength(1);
      expect(result.retryMessages).toEqual([]);
    }
  });

  it("acknowledges a job whose entry is gone", async () => {
    const { user, entry, job } = await entryWithoutJob();
    await call("DELETE", `/api/entries/${entry.id}`, { token: user.token });
    const result = await deliver(job);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await insightRow(entry.id)).toBeNull();
  });

  it("drops, without an error or a retry, a job whose entry is deleted while it runs", async () => {
    const { user, entry, job } = await entryWithoutJob();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "info").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // The person deletes the entry while Workers AI reads it; the call then fails as the entry is gone.
    vi.spyOn(env.AI, "run").mockImplementation(async () => {
      expect((await call("DELETE", `/api/entries/${entry.id}`, { token: user.token })).status).toBe(204);
      throw new Error("3040: Capacity temporarily exceeded");
    });
    const outcome = await deliverRecording(job, 1, { ...env, AI_PROVIDER: "workers-ai" } as Env);
    expect(outcome).toMatchObject({ acked: true, retried: false });
    expect(errors).not.toHaveBeenCalled();
    expect(await insightRow(entry.id)).toBeNull();
  });

  it("still retries a failing job whose entry is there", async () => {
    const { entry, job } = await entryWithoutJob();
    vi.spyOn(env.AI, "run").mockRejectedValue(new Error("3040: Capacity temporarily exceeded"));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const outcome = await deliverRecording(job, 1, { ...env, AI_PROVIDER: "workers-ai" } as Env);
    expect(outcome).toMatchObject({ acked: false, retried: true });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(await insightRow(entry.id)).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("retries a failing provider with growing delays, then settles for local extraction", async () => {
    const { entry, job } = await entryWithoutJob();
    vi.spyOn(env.AI, "run").mockRejectedValue(new Error("3040: Capacity temporarily exceeded"));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const workersAi = { ...env, AI_PROVIDER: "workers-ai" } as Env;

    const first = await deliverRecording(job, 1, workersAi);
    const second = await deliverRecording(job, 2, workersAi);
    expect(first).toMatchObject({ acked: false, retried: true });
    expect(second).toMatchObject({ acked: false, retried: true });
    expect(first.delaySeconds).toBeGreaterThanOrEqual(3);
    expect(first.delaySeconds).toBeLessThanOrEqual(7);
    expect(second.delaySeconds!).toBeGreaterThan(first.delaySeconds!);
    expect(await insightRow(entry.id)).toMatchObject({ status: "pending", attempts: 2, error: expect.stringContaining("Capacity") });

    const third = await deliver(job, { attempts: 3, env: workersAi });
    expect(third.explicitAcks).toHaveLength(1);
    expect(await insightRow(entry.id)).toMatchObject({ status: "ready", provider: "local" });
  });

  it("computes delays that grow exponentially, with bounded jitter, capped at ten minutes", () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a, () => 0.5))).toEqual([5, 10, 20, 40]);
    expect(retryDelaySeconds(3, () => 0)).toBe(15);
    expect(retryDelaySeconds(3, () => 0.999)).toBe(25);
    expect(retryDelaySeconds(30, () => 0.5)).toBe(600);
  });

  it("a duplicate delivery ends in one insight", async () => {
    const { entry, job } = await entryWithoutJob();
    await deliver(job);
    const before = await insightRow(entry.id);
    const again = await deliver(job);
    expect(again.explicitAcks).toHaveLength(1);
    expect(await insightRow(entry.id)).toEqual(before);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM insights WHERE entry_id = ?").bind(entry.id).first<{ n: number }>();
    expect(count!.n).toBe(1);
    expect(await awardsFor(entry.id)).toBe(1);
  });

  it("out-of-order revisions end in the newest revision's insight", async () => {
    const { user, entry, job } = await entryWithoutJob();
    await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "What a joyful, wonderful day with friends! I'm so happy." } });
    // Revision 2 arrives first, then the stale revision 1.
    await deliver({ ...job, revision: 2 });
    const stale = await deliver(job);
    expect(stale.explicitAcks).toHaveLength(1);
    expect(await insightRow(entry.id)).toMatchObject({ revision: 2, status: "ready", primary_emotion: "joy" });
    expect(await awardsFor(entry.id)).toBe(1);
    // And the other way round on a second entry: the old job is skipped as superseded.
    const other = await createEntry(user.token, { content: SAD });
    await call("PATCH", `/api/entries/${other.id}`, { token: user.token, body: { content: "Calm and content today, grateful for the sun." } });
    await deliver({ ...job, entryId: other.id, revision: 1 });
    expect(await insightRow(other.id)).toBeNull();
    await deliver({ ...job, entryId: other.id, revision: 2 });
    expect(await insightRow(other.id)).toMatchObject({ revision: 2, status: "ready" });
  });
});

describe("the dead-letter queue", () => {
  it("marks the insight failed with the last reason", async () => {
    const { user, entry, job } = await entryWithoutJob();
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(env.AI, "run").mockRejectedValue(new Error("model overloaded"));
    await deliver(job, { attempts: 1, env: { ...env, AI_PROVIDER: "workers-ai" } as Env });
    const result = await deliver(job, { queue: "insight-jobs-dlq" });
    expect(result.explicitAcks).toHaveLength(1);
    expect(await insightRow(entry.id)).toMatchObject({ status: "failed", error: expect.stringContaining("model overloaded") });
    const insight = await json(await call("GET", `/api/entries/${entry.id}/insight`, { token: user.token }));
    expect(insight).toMatchObject({ status: "failed", error: expect.stringContaining("model overloaded") });
  });
});

describe("the real queue", () => {
  it("carries a job from the producer to the consumer inside workerd", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content: SAD } });
    const { entry_id } = await json(res);
    expect((await json(await call("GET", `/api/entries/${entry_id}`, { token: user.token }))).insight_status).toBe("pending");
    const insight = await eventually(async () => {
      const body = await json(await call("GET", `/api/entries/${entry_id}/insight`, { token: user.token }));
      return body.status === "ready" ? body : null;
    });
    expect(insight).toMatchObject({ entry_id, revision: 1, provider: "local", primary_emotion: "sadness" });
    const list = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    expect(list.items[0]).toMatchObject({ entry_id, insight_status: "ready" });
    expect((await json(await call("GET", "/api/entries", { token: user.token }))).entries[0].insight_status).toBe("ready");
  });

  it("sends nothing when AI analysis is off, and deleting removes the insight", async () => {
    const { user, entry } = await entryWithoutJob();
    const res = await call("GET", `/api/entries/${entry.id}/insight`, { token: user.token });
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("insight_not_found");
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: true } });
    await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { title: "now analysed" } });
    await eventually(async () => (await insightRow(entry.id))?.status === "ready");
    await call("DELETE", `/api/entries/${entry.id}`, { token: user.token });
    expect(await insightRow(entry.id)).toBeNull();
  });
});
