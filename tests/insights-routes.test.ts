// Reading insights, weekly summaries from the daily cron, and the admin job routes.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { enqueueWeeklySummaries } from "../queues/schedule-weekly.ts";
import { localDate } from "../worker/lib/time-zone.ts";
import { periodOf } from "../worker/services/mood-analytics.ts";
import worker from "../worker/index.ts";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";
import { deliver, insightRow } from "./queues/helpers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const quietUser = async () => {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  return user;
};

describe("GET /api/entries/:id/insight", () => {
  it("answers the insight to its owner only, and validates", async () => {
    const user = await quietUser();
    const other = await registerUser();
    const entry = await createEntry(user.token, { content: "Work was stressful. I need to talk to my manager about the deadline." });
    await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
    const res = await call("GET", `/api/entries/${entry.id}/insight`, { token: user.token });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ entry_id: entry.id, status: "ready", provider: "local", error: null });
    await expectError(await call("GET", `/api/entries/${entry.id}/insight`, { token: other.token }), 404, "not_found");
    await expectError(await call("GET", "/api/entries/not-a-uuid/insight", { token: user.token }), 400);
    await expectError(await call("GET", `/api/entries/${entry.id}/insight`), 401);
  });
});

describe("weekly summaries", () => {
  it("the cron enqueues a summary for people who wrote this week, on their chosen weekday", async () => {
    const now = Date.parse("2026-11-22T19:00:00Z"); // a Sunday
    const sunday = await quietUser();
    const monday = await quietUser();
    await call("PUT", "/api/settings", { token: monday.token, body: { weekly_summary_day: 1 } });
    const tokyo = await quietUser();
    await call("PUT", "/api/settings", { token: tokyo.token, body: { timezone: "Asia/Tokyo", weekly_summary_day: 1 } });
    for (const u of [sunday, monday, tokyo]) {
      const e = await createEntry(u.token, { content: "A day." });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(now - 86_400_000, e.id).run();
    }
    const sent = vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockResolvedValue(undefined as never);
    await enqueueWeeklySummaries(env, now);
    const jobs = sent.mock.calls.flatMap(([messages]) => [...messages].map((m) => m.body as { userId: string; weekEnd: string }));
    const mine = jobs.filter((j) => [sunday.id, monday.id, tokyo.id].includes(j.userId));
    // 19:00 UTC Sunday is already Monday 04:00 in Tokyo.
    expect(mine.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [
        { type: "weekly-summary", userId: sunday.id, weekEnd: "2026-11-22", until: now },
        { type: "weekly-summary", userId: tokyo.id, weekEnd: "2026-11-23", until: now },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
  });

  it("the scheduled handler runs the scheduler", async () => {
    const sent = vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockResolvedValue(undefined as never);
    const user = await quietUser();
    await createEntry(user.token, { content: "Today." });
    const ctx = createExecutionContext();
    const today = new Date().getUTCDay();
    await call("PUT", "/api/settings", { token: user.token, body: { weekly_summary_day: today } });
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now() + 1000, cron: "0 19 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const ids = sent.mock.calls.flatMap(([messages]) => [...messages].map((m) => (m.body as { userId: string }).userId));
    expect(ids).toContain(user.id);
  });

  it("builds the week's arc, what helped and recurring topics, once per week", async () => {
    const user = await quietUser();
    const until = Date.parse("2026-11-22T19:00:00Z");
    const texts = [
      ["I feel sad and lonely, work stress again.", ["work"]],
      ["Happy and relieved after a long walk by the sea.", ["walk"]],
      ["Sad again, stressed about work and the deadline.", ["work"]],
      ["Joyful evening, grateful for a walk with friends.", ["walk"]],
    ] as const;
    for (const [i, [content, tags]] of texts.entries()) {
      const e = await createEntry(user.token, { content, tags: [...tags] });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(until - (4 - i) * 86_400_000, e.id).run();
      await call("PATCH", `/api/entries/${e.id}`, { token: user.token, body: { title: null } }); // re-record at the new time
      await deliver({ type: "analyze-entry", entryId: e.id, userId: user.id, revision: 2 });
    }
    const job = { type: "weekly-summary", userId: user.id, weekEnd: "2026-11-22", until };
    expect((await deliver(job)).explicitAcks).toHaveLength(1);
    await deliver(job);
    const { summaries } = await json(await call("GET", "/api/insights/weekly", { token: user.token }));
    expect(summaries).toHaveLength(1);
    const [week] = summaries;
    expect(week).toMatchObject({ week_end: "2026-11-22", entry_count: 4 });
    expect(week.arc.map((d: { date: string }) => d.date)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(week.arc.filter((d: { entries: number }) => d.entries === 1)).toHaveLength(4);
    expect(week.emotions.sadness).toBe(2);
    expect(week.helped[0]).toMatchObject({ action: "walk", evidence: { tried: 2, worked: 2 } });
    expect(week.recurring_topics.length).toBeGreaterThan(0);
    expect(week.recurring_topics.every((t: { count: number }) => t.count >= 2)).toBe(true);
    const other = await registerUser();
    expect((await json(await call("GET", "/api/insights/weekly", { token: other.token }))).summaries).toEqual([]);
    await expectError(await call("GET", "/api/insights/weekly?limit=0", { token: user.token }), 400);
    await expectError(await call("GET", "/api/insights/weekly"), 401);
  });
});

describe("admin job routes", () => {
  it("list failed jobs and re-enqueue them, for administrators only", async () => {
    const user = await quietUser();
    const admin = await registerUser();
    await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(admin.id).run();
    const entry = await createEntry(user.token, { content: "A worried day." });
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(env.AI, "run").mockRejectedValue(new Error("upstream timeout"));
    const job = { type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 };
    await deliver(job, { env: { ...env, AI_PROVIDER: "workers-ai" } as Env });
    await deliver(job, { queue: "insight-jobs-dlq" });

    await expectError(await call("GET", "/api/admin/jobs/failed", { token: user.token }), 403, "forbidden");
    await expectError(await call("POST", "/api/admin/jobs/retry", { token: user.token, body: {} }), 403);
    await expectError(await call("GET", "/api/admin/jobs/failed"), 401);
    const failed = await json(await call("GET", "/api/admin/jobs/failed", { token: admin.token }));
    expect(failed.jobs).toContainEqual(expect.objectContaining({ entry_id: entry.id, user_id: user.id, error: expect.stringContaining("upstream timeout") }));

    await expectError(await call("POST", "/api/admin/jobs/retry", { token: admin.token, body: { entry_ids: ["x"] } }), 400);
    const sent = vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockResolvedValue(undefined as never);
    const retried = await json(await call("POST", "/api/admin/jobs/retry", { token: admin.token, body: { entry_ids: [entry.id] } }));
    expect(retried).toEqual({ requeued: 1 });
    expect(sent.mock.calls[0]![0]).toEqual([{ body: job }]);
    expect(await insightRow(entry.id)).toMatchObject({ status: "pending", attempts: 0, error: null });
  });
});

describe("GET /api/insights/mood", () => {
  it("groups mood by day, week and month in the person's time zone", async () => {
    const user = await quietUser();
    await call("PUT", "/api/settings", { token: user.token, body: { timezone: "America/New_York" } });
    const at = [
      ["2026-11-02T12:00:00Z", "Such a happy, wonderful day!"], // Monday
      ["2026-11-03T03:00:00Z", "I feel sad and lonely tonight."], // still Monday the 2nd in New York
      ["2026-11-10T12:00:00Z", "Grateful and joyful, lovely walk."],
    ] as const;
    for (const [time, content] of at) {
      const e = await createEntry(user.token, { content });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.parse(time), e.id).run();
    }
    const range = "from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z";
    const days = await json(await call("GET", `/api/insights/mood?bucket=day&${range}`, { token: user.token }));
    expect(days.time_zone).toBe("America/New_York");
    expect(days.points.map((p: { period: string; entries: number }) => [p.period, p.entries])).toEqual([
      ["2026-11-02", 2],
      ["2026-11-10", 1],
    ]);
    expect(days.points[0].emotions).toEqual({ joy: 1, sadness: 1 });
    expect(days.distribution).toEqual({ joy: 2, sadness: 1 });
    expect(days.totals).toMatchObject({ entries: 3, active_periods: 2 });
    expect(days.totals.positive_share).toBeCloseTo(2 / 3, 2);

    const weeks = await json(await call("GET", `/api/insights/mood?bucket=week&${range}`, { token: user.token }));
    expect(weeks.points.map((p: { period: string }) => p.period)).toEqual(["2026-11-02", "2026-11-09"]);
    const months = await json(await call("GET", `/api/insights/mood?bucket=month&${range}`, { token: user.token }));
    expect(months.points).toEqual([expect.objectContaining({ period: "2026-11", entries: 3, dominant_emotion: "joy" })]);
  });

  it("puts each entry on its local day on both sides of a clock change", async () => {
    const user = await quietUser();
    await call("PUT", "/api/settings", { token: user.token, body: { timezone: "America/New_York" } });
    // New York left summer time on 1 November 2026 at 06:00 UTC.
    for (const time of ["2026-11-01T03:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T04:30:00Z", "2026-11-02T05:30:00Z"]) {
      const e = await createEntry(user.token, { content: "A quiet, ordinary day." });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.parse(time), e.id).run();
    }
    const days = await json(await call("GET", "/api/insights/mood?bucket=day&from=2026-10-25T00:00:00Z&to=2026-11-05T00:00:00Z", { token: user.token }));
    // 23:30 EDT on the 31st; 01:30 EDT and 01:30 EST on the 1st; 23:30 EST on the 1st; 00:30 EST on the 2nd.
    expect(days.points.map((p: { period: string; entries: number }) => [p.period, p.entries])).toEqual([
      ["2026-10-31", 1],
      ["2026-11-01", 3],
      ["2026-11-02", 1],
    ]);
  });

  it("validates the range and needs authentication", async () => {
    const user = await registerUser();
    for (const q of ["bucket=year", "from=yesterday", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"]) {
      await expectError(await call("GET", `/api/insights/mood?${q}`, { token: user.token }), 400);
    }
    await expectError(await call("GET", "/api/insights/mood"), 401);
    const empty = await json(await call("GET", "/api/insights/mood", { token: user.token }));
    expect(empty).toMatchObject({ bucket: "day", points: [], distribution: {}, totals: { entries: 0, mean_valence: null, positive_share: null } });
  });
});

describe("GET /api/insights/mood with far-off dates (review finding)", () => {
  it("answers 400 for a range outside 1970–9999, even when entries that old are stored", async () => {
    const user = await quietUser();
    // A row from before import checked its dates: stored, but never reachable through a valid range.
    const old = await createEntry(user.token, { content: "A calm and happy morning." });
    await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.UTC(999, 5, 15), old.id).run();
    for (const [q, fields] of [
      ["bucket=week&from=0000-01-01T00:00:00Z", ["from"]],
      ["bucket=day&from=0999-06-01T00:00:00Z&to=0999-07-01T00:00:00Z", ["from", "to"]],
      ["bucket=month&from=1969-12-01T00:00:00Z&to=1970-02-01T00:00:00Z", ["from"]],
      ["bucket=day&to=0999-07-01T00:00:00Z", ["to"]],
    ] as const) {
      const error = await expectError(await call("GET", `/api/insights/mood?${q}`, { token: user.token }), 400, "validation_failed");
      expect(error.details!.map((d) => d.path)).toEqual(fields);
    }
    const earliest = await call("GET", "/api/insights/mood?bucket=week&from=1970-01-01T00:00:00Z&to=1970-06-01T00:00:00Z", { token: user.token });
    expect(earliest.status).toBe(200);
    expect((await json(earliest)).points).toEqual([]);
  });

  it("writes every period with a four-digit year", () => {
    const at = Date.UTC(999, 5, 15, 12);
    expect(localDate(at, "UTC")).toBe("0999-06-15");
    const year99 = new Date(at);
    year99.setUTCFullYear(99);
    expect(localDate(year99.getTime(), "UTC")).toBe("0099-06-15");
    expect(periodOf(localDate(at, "UTC"), "day")).toBe("0999-06-15");
    expect(periodOf(localDate(at, "UTC"), "month")).toBe("0999-06");
    expect(periodOf(localDate(at, "UTC"), "week")).toBe("0999-06-10"); // a Saturday: its week began on Monday the 10th
  });
});
