// Life balance (GET /api/goals/balance): exact scores from goals, their progress history and the
// entries that touch each area; an area with no data; validation in the envelope; and isolation
// (another person's goals and entries never count). Rows are written through the API, then dated by hand.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { lifeBalance } from "../worker/services/life-balance.ts";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { queriesOf } from "./helpers/query-plans.ts";

const at = (iso: string) => Date.parse(iso);

const quietUser = async () => {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, timezone: "UTC" } });
  return user;
};

async function goal(user: TestUser, body: Record<string, unknown>, created: string) {
  const res = await call("POST", "/api/goals", { token: user.token, body });
  expect(res.status).toBe(201);
  const g = await json(res);
  await env.DB.prepare("UPDATE goals SET created_at = ?, updated_at = ? WHERE id = ?").bind(at(created), at(created), g.id).run();
  return g.id as string;
}

async function progress(user: TestUser, goalId: string, value: number, when: string) {
  expect((await call("POST", `/api/goals/${goalId}/progress`, { token: user.token, body: { progress: value } })).status).toBe(201);
  await env.DB.prepare("UPDATE goal_progress SET created_at = ? WHERE goal_id = ? AND created_at > ?").bind(at(when), goalId, at("2026-01-01T00:00:00Z")).run();
}

async function entry(user: TestUser, when: string, fields: { activities?: string[]; people?: string[]; tags?: string[] }) {
  const e = await createEntry(user.token, { content: "An ordinary day.", tags: fields.tags ?? [] });
  await env.DB.prepare("UPDATE entries SET created_at = ?, activities = ?, people = ? WHERE id = ?")
    .bind(at(when), JSON.stringify(fields.activities ?? []), JSON.stringify(fields.people ?? []), e.id)
    .run();
}

const balance = async (user: TestUser, query: string) => {
  const res = await call("GET", `/api/goals/balance?${query}`, { token: user.token });
  expect(res.status).toBe(200);
  return json(res);
};
const area = (body: any, name: string) => body.areas.find((a: { area: string }) => a.area === name);

/** Two weeks of March 2025 (Mondays the 3rd and the 10th), in UTC. */
const RANGE = "from=2025-03-03T00:00:00Z&to=2025-03-17T00:00:00Z";

async function seedPerson() {
  const user = await quietUser();
  const run = await goal(user, { title: "Run a 10k", life_area: "health" }, "2025-02-20T09:00:00Z");
  await progress(user, run, 20, "2025-02-25T09:00:00Z"); // before the range: carried into it
  await progress(user, run, 60, "2025-03-11T09:00:00Z");
  const shelved = await goal(user, { title: "Learn the piano", life_area: "growth" }, "2025-02-01T09:00:00Z");
  await progress(user, shelved, 90, "2025-03-04T09:00:00Z");
  await call("PATCH", `/api/goals/${shelved}`, { token: user.token, body: { status: "archived" } });
  await entry(user, "2025-03-04T10:00:00Z", { activities: ["go for a run"] });
  await entry(user, "2025-03-05T10:00:00Z", { people: ["my sister"], activities: ["cook"] });
  await entry(user, "2025-03-12T10:00:00Z", { tags: ["work"] });
  await entry(user, "2025-03-13T10:00:00Z", { tags: ["Deadline"], activities: ["have a meeting"] }); // the same area twice: one entry
  return user;
}

describe("GET /api/goals/balance", () => {
  it("scores each area per week from its goals' progress and the entries that touch it", async () => {
    const user = await seedPerson();
    const body = await balance(user, `bucket=week&${RANGE}`);
    expect(body).toMatchObject({ bucket: "week", time_zone: "UTC", from: "2025-03-03T00:00:00.000Z", to: "2025-03-17T00:00:00.000Z", periods: ["2025-03-03", "2025-03-10"] });
    expect(body.method).toContain("mean progress");
    expect(body.areas.map((a: { area: string }) => a.area)).toEqual(["health", "relationships", "work", "growth", "mind", "leisure", "finance", "other"]);

    // Health: 20% carried in, then 60%; one run in the first week.
    expect(area(body, "health").points).toEqual([
      { period: "2025-03-03", score: 0.6, goal_progress: 0.2, goals: 1, entries: 1 },
      { period: "2025-03-10", score: 0.3, goal_progress: 0.6, goals: 1, entries: 0 },
    ]);
    expect(area(body, "relationships").points.map((p: { score: number }) => p.score)).toEqual([1, 0]);
    expect(area(body, "leisure").points.map((p: { score: number }) => p.score)).toEqual([1, 0]);
    expect(area(body, "work").points).toEqual([
      { period: "2025-03-03", score: 0, goal_progress: null, goals: 0, entries: 0 },
      { period: "2025-03-10", score: 1, goal_progress: null, goals: 0, entries: 2 },
    ]);
    // The archived goal is left out, and growth has no entries: no data at all.
    expect(area(body, "growth").points.map((p: { score: unknown }) => p.score)).toEqual([null, null]);
    // Current (the last 28 days): the run goal stands at 60% and nothing was written lately.
    expect(area(body, "health").current).toEqual({ score: 0.3, goal_progress: 0.6, goals: 1, entries: 0 });
  });

  it("answers by month, with one entry a week as full marks on the entries side", async () => {
    const user = await seedPerson();
    const body = await balance(user, "bucket=month&from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z");
    expect(body.periods).toEqual(["2025-03-01"]);
    const [march] = area(body, "health").points;
    expect(march).toMatchObject({ goal_progress: 0.6, goals: 1, entries: 1 });
    expect(march.score).toBeCloseTo((0.6 + 7 / 31) / 2, 3);
  });

  it("answers nulls, not zeros, for an area with no data, and counts a goal completed before a period out of it", async () => {
    const user = await quietUser();
    const body = await balance(user, `bucket=week&${RANGE}`);
    expect(body.periods).toHaveLength(2);
    for (const a of body.areas) {
      expect(a.current).toEqual({ score: null, goal_progress: null, goals: 0, entries: 0 });
      expect(a.points.every((p: { score: unknown; entries: number }) => p.score === null && p.entries === 0)).toBe(true);
    }
    const saved = await goal(user, { title: "Save for a trip", life_area: "finance" }, "2025-02-01T09:00:00Z");
    await call("PATCH", `/api/goals/${saved}`, { token: user.token, body: { status: "completed" } });
    await env.DB.prepare("UPDATE goals SET completed_at = ? WHERE id = ?").bind(at("2025-03-05T09:00:00Z"), saved).run();
    await env.DB.prepare("UPDATE goal_progress SET created_at = ? WHERE goal_id = ?").bind(at("2025-03-05T09:00:00Z"), saved).run();
    const after = await balance(user, `bucket=week&${RANGE}`);
    expect(area(after, "finance").points).toEqual([
      { period: "2025-03-03", score: 0.5, goal_progress: 1, goals: 1, entries: 0 },
      { period: "2025-03-10", score: 0, goal_progress: null, goals: 0, entries: 0 },
    ]);
  });

  it("validates every parameter in the envelope", async () => {
    const user = await quietUser();
    for (const bad of [
      "bucket=day",
      "bucket=year",
      "from=yesterday",
      "to=2025-13-01T00:00:00Z",
      "from=2025-03-10T00:00:00Z&to=2025-03-01T00:00:00Z",
      "from=2024-01-01T00:00:00Z&to=2025-06-01T00:00:00Z",
      "from=1969-12-01T00:00:00Z&to=1970-01-02T00:00:00Z",
    ]) {
      const error = await expectError(await call("GET", `/api/goals/balance?${bad}`, { token: user.token }), 400, "validation_failed");
      expect(error.details!.length).toBeGreaterThan(0);
    }
    await expectError(await call("GET", "/api/goals/balance"), 401);
  });

  it("counts only the person's own goals and entries", async () => {
    const user = await seedPerson();
    const before = await balance(user, `bucket=week&${RANGE}`);
    const other = await quietUser();
    const theirs = await goal(other, { title: "Pay off the card", life_area: "finance" }, "2025-02-20T09:00:00Z");
    await progress(other, theirs, 80, "2025-03-04T09:00:00Z");
    const theirRun = await goal(other, { title: "Run a marathon", life_area: "health" }, "2025-02-20T09:00:00Z");
    await progress(other, theirRun, 100, "2025-03-04T09:00:00Z");
    await entry(other, "2025-03-04T11:00:00Z", { activities: ["run"], tags: ["budget"], people: ["Sam"] });
    expect(await balance(user, `bucket=week&${RANGE}`)).toEqual(before);
    const theirView = await balance(other, `bucket=week&${RANGE}`);
    expect(area(theirView, "finance").points[0]).toMatchObject({ goals: 1, goal_progress: 0.8, entries: 1 });
    expect(area(theirView, "health").points[0]).toMatchObject({ goals: 1, goal_progress: 1, entries: 1 });
    expect(area(theirView, "work").points.every((p: { score: unknown }) => p.score === null)).toBe(true);
  });
});

describe("life balance query plans", () => {
  it("reads entries by one range of the covering index, tags and progress by key, never a whole history", async () => {
    const user = await seedPerson();
    const plans = await queriesOf(() => lifeBalance(getDb(env), user.id, { bucket: "week" }));
    const touching = plans.filter((p) => p.sql.includes("WITH w(word, area)"));
    expect(touching).toHaveLength(2); // the chart's range and the current window
    for (const p of touching) {
      expect(p.detail).toMatch(/COVERING INDEX entries_analytics \(user_id=\? AND created_at>\? AND created_at<\?\)/);
      expect(p.detail).toMatch(/entry_tags_user_entry \(user_id=\? AND entry_id=\?\)/);
    }
    const progress = plans.filter((p) => p.sql.includes("goal_progress"));
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p.detail, p.sql).toMatch(/goal_progress_user_goal \(user_id=\? AND goal_id=\? AND created_at[<>]/);
    for (const p of plans) expect(p.detail, p.sql).not.toMatch(/SCAN (entries|entry_tags|goal_progress|goals)\b/);
  });
});
