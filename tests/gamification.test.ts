// Points, streaks and achievements: idempotent awards, streaks in the person's time zone, events.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { localDate, startOfLocalDay } from "../worker/lib/time-zone.ts";
import { streaksOf } from "../worker/gamification/streaks.ts";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";
import { deliver } from "./queues/helpers.ts";

describe("streaksOf", () => {
  it("counts the current and longest runs of consecutive days", () => {
    const dates = new Set(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-06", "2026-11-20", "2026-11-21"]);
    expect(streaksOf(dates, "2026-11-22")).toMatchObject({ current: 2, longest: 3 });
    expect(streaksOf(new Set([...dates, "2026-11-22"]), "2026-11-22")).toMatchObject({ current: 3, longest: 3 });
    expect(streaksOf(dates, "2026-11-24")).toMatchObject({ current: 0, longest: 3 });
    expect(streaksOf(new Set(), "2026-11-24")).toMatchObject({ current: 0, longest: 0 });
  });
});

describe("awards", () => {
  it("pays once per analysed entry, earns achievements once, and answers the summary", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const entry = await createEntry(user.token, { content: "A calm and happy day." });
    const job = { type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 };
    await deliver(job);
    await deliver(job);
    const summary = await json(await call("GET", "/api/gamification", { token: user.token }));
    // 10 for the entry, 25 for the "first-entry" achievement; nothing for the duplicate delivery.
    expect(summary.points).toBe(35);
    expect(summary.streak).toEqual({ current: 1, longest: 1 });
    expect(summary.achievements.find((a: { code: string }) => a.code === "first-entry").earned_at).not.toBeNull();
    expect(summary.achievements.find((a: { code: string }) => a.code === "streak-7").earned_at).toBeNull();
    expect(summary.recent.map((t: { reason: string }) => t.reason).sort()).toEqual(["achievement", "entry-analysed"]);
  });

  it("pays for a tried suggestion and a completed goal, each once", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const reply = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Feeling low today." } }));
    for (let i = 0; i < 2; i++) await call("POST", `/api/journal/entries/${reply.entry_id}/tried`, { token: user.token, body: { action: "walk" } });
    const goal = await json(await call("POST", "/api/goals", { token: user.token, body: { title: "Sleep by 11" } }));
    for (let i = 0; i < 2; i++) await call("PATCH", `/api/goals/${goal.id}`, { token: user.token, body: { status: "completed" } });
    const rows = await env.DB.prepare("SELECT reason, ref, points FROM point_transactions WHERE user_id = ? ORDER BY reason, ref").bind(user.id).all();
    // Achievements are checked on every award, so the first entry's is earned here too.
    expect(rows.results).toEqual([
      { reason: "achievement", ref: "first-entry", points: 25 },
      { reason: "achievement", ref: "first-goal", points: 25 },
      { reason: "achievement", ref: "first-try", points: 25 },
      { reason: "achievement", ref: "goal-set", points: 25 },
      { reason: "goal-completed", ref: goal.id, points: 50 },
      { reason: "suggestion-tried", ref: reply.entry_id, points: 5 },
    ]);
  });

  it("counts streaks in the person's time zone, and hides them when switched off", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, timezone: "Pacific/Auckland" } });
    const day = 86_400_000;
    for (const daysAgo of [0, 1, 2]) {
      const e = await createEntry(user.token, { content: `Day ${daysAgo}` });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.now() - daysAgo * day, e.id).run();
    }
    expect((await json(await call("GET", "/api/gamification", { token: user.token }))).streak).toEqual({ current: 3, longest: 3 });
    await call("PUT", "/api/settings", { token: user.token, body: { streaks_enabled: false } });
    expect((await json(await call("GET", "/api/gamification", { token: user.token }))).streak).toBeNull();
    await expectError(await call("GET", "/api/gamification"), 401);
  });
});

describe("flat-cost reads", () => {
  it("keeps the points total in step with the ledger", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    for (const content of ["One calm day.", "Another calm day.", "A third."]) {
      const entry = await createEntry(user.token, { content });
      await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
    }
    const ledger = await env.DB.prepare("SELECT sum(points) AS total FROM point_transactions WHERE user_id = ?").bind(user.id).first<{ total: number }>();
    const kept = await env.DB.prepare("SELECT total FROM user_points WHERE user_id = ?").bind(user.id).first<{ total: number }>();
    const summary = await json(await call("GET", "/api/gamification", { token: user.token }));
    expect(ledger?.total).toBe(3 * 10 + 25);
    expect(kept?.total).toBe(ledger?.total);
    expect(summary.points).toBe(ledger?.total);
  });

  it("tells days apart at the person's local midnight, not UTC's", async () => {
    const user = await registerUser();
    const timeZone = "Asia/Kolkata";
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, timezone: timeZone } });
    const today = localDate(Date.now(), timeZone);
    const midnight = startOfLocalDay(today, timeZone);
    // One minute either side of local midnight: two local days (the same UTC day), so a streak of 2.
    for (const at of [midnight - 60_000, midnight + 60_000]) {
      const e = await createEntry(user.token, { content: "Late, then early." });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(at, e.id).run();
    }
    const last = await createEntry(user.token, { content: "And one more." });
    await deliver({ type: "analyze-entry", entryId: last.id, userId: user.id, revision: 1 });
    const summary = await json(await call("GET", "/api/gamification", { token: user.token }));
    expect(summary.streak).toEqual({ current: 2, longest: 2 });
  });
});

describe("local days", () => {
  it.each([
    ["2026-03-29", "Europe/London", "2026-03-29T00:00:00.000Z"],
    ["2026-03-30", "Europe/London", "2026-03-29T23:00:00.000Z"],
    ["2026-11-01", "America/New_York", "2026-11-01T04:00:00.000Z"],
    ["2026-11-02", "America/New_York", "2026-11-02T05:00:00.000Z"],
    ["2026-06-01", "Asia/Kolkata", "2026-05-31T18:30:00.000Z"],
    ["2026-01-01", "Pacific/Chatham", "2025-12-31T10:15:00.000Z"],
  ])("%s begins in %s at %s", (day, timeZone, iso) => {
    const start = startOfLocalDay(day, timeZone);
    expect(new Date(start).toISOString()).toBe(iso);
    expect(localDate(start, timeZone)).toBe(day);
    expect(localDate(start - 1, timeZone)).not.toBe(day);
  });
});
