// The gamification routes: stats with levels and the forgiving streak (kept as entries arrive,
// rebuilt when one is deleted or moved), the ledger in cursor pages, every achievement with its
// criterion or date, the new achievements' criteria, crisis entries left out, and isolation.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { weekOf } from "../worker/gamification/streaks.ts";
import { localDate, shiftDay } from "../worker/lib/time-zone.ts";
import { ledgerQuery } from "../worker/services/gamification.ts";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { deliver } from "./queues/helpers.ts";

const DAY = 86_400_000;
const CRISIS = "I don't want to be alive anymore. I've been thinking about ending it all.";

async function quietUser(): Promise<TestUser> {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  return user;
}

/** An entry written at `at`, analysed as the queue would (which is what awards points). */
async function entryAt(user: TestUser, content: string, at: number, analyse = true) {
  const entry = await createEntry(user.token, { content });
  await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(at, entry.id).run();
  if (analyse) await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
  return entry;
}

const get = async (user: TestUser, path: string) => {
  const res = await call("GET", path, { token: user.token });
  expect(res.status).toBe(200);
  return json(res);
};
const earnedCodes = async (user: TestUser) =>
  (await get(user, "/api/gamification/achievements")).achievements.filter((a: { earned_at: string | null }) => a.earned_at).map((a: { code: string }) => a.code);
const progressRow = (userId: string) => env.DB.prepare("SELECT * FROM gamification_progress WHERE user_id = ?").bind(userId).first<Record<string, any>>();

describe("GET /api/gamification/stats", () => {
  it("answers points, level and the streak, forgiving a missed day and saying so", async () => {
    const user = await quietUser();
    expect(await get(user, "/api/gamification/stats")).toEqual({
      points: 0,
      level: { level: 1, current_level_at: 0, next_level_at: 100, points_into_level: 0, points_to_next: 100, progress: 0 },
      streak: { current: 0, longest: 0, wrote_today: false, forgiven_this_week: null, note: null },
    });
    const now = Date.now();
    for (const daysAgo of [3, 2, 0]) await entryAt(user, `Day ${daysAgo}.`, now - daysAgo * DAY);
    const stats = await get(user, "/api/gamification/stats");
    // Three entries (30) and three achievements (75): the first entry, three days, a streak kept over a missed day.
    expect(stats.points).toBe(105);
    expect(stats.level).toMatchObject({ level: 2, current_level_at: 100, points_into_level: 5, points_to_next: 195, progress: 0.025 });
    const today = localDate(now, "UTC");
    const missed = shiftDay(today, -1);
    const thisWeek = weekOf(missed) === weekOf(today) ? missed : null;
    expect(stats.streak).toEqual({
      current: 3,
      longest: 3,
      wrote_today: true,
      forgiven_this_week: thisWeek,
      note: thisWeek ? "Streak kept: you missed yesterday, and one day a week is forgiven." : null,
    });
    expect(await earnedCodes(user)).toEqual(expect.arrayContaining(["streak-3", "streak-forgiven"]));

    await call("PUT", "/api/settings", { token: user.token, body: { streaks_enabled: false } });
    expect((await get(user, "/api/gamification/stats")).streak).toBeNull();
    await expectError(await call("GET", "/api/gamification/stats"), 401);
  });

  it("keeps the streak row as entries arrive, and rebuilds it when one is moved or deleted", async () => {
    const user = await quietUser();
    await get(user, "/api/gamification/stats");
    const first = await createEntry(user.token, { content: "Today." });
    expect((await get(user, "/api/gamification/stats")).streak).toMatchObject({ current: 1, longest: 1 });
    let row = await progressRow(user.id);
    // Folded forward: the row has read up to the new entry and is not stale.
    expect(row).toMatchObject({ run: 1, last_day: localDate(Date.now(), "UTC") });
    expect(row!.through_at).toBe(Date.parse(first.created_at));
    expect(row!.built_changes).toBe(row!.changes);

    // Written "yesterday" (a back-dated entry, as an import writes): the trigger marks the row, the read rebuilds it.
    const second = await createEntry(user.token, { content: "Yesterday." });
    await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.parse(first.created_at) - DAY, second.id).run();
    expect((await progressRow(user.id))!.changes).toBeGreaterThan(row!.built_changes);
    expect((await get(user, "/api/gamification/stats")).streak).toMatchObject({ current: 2, longest: 2 });
    row = await progressRow(user.id);
    expect(row!.built_changes).toBe(row!.changes);

    // Today's entry deleted: yesterday's run still stands for today; the longest run stays a record.
    expect((await call("DELETE", `/api/entries/${first.id}`, { token: user.token })).status).toBe(204);
    expect((await get(user, "/api/gamification/stats")).streak).toMatchObject({ current: 1, longest: 2, wrote_today: false });
  });
});

describe("GET /api/gamification/transactions", () => {
  it("pages the ledger newest first with the entries' cursor convention, and validates its query", async () => {
    const user = await quietUser();
    const now = Date.now();
    for (const i of [1, 2, 3]) await entryAt(user, `Calm entry ${i}.`, now - i * 10 * DAY);
    const ledger = await env.DB.prepare("SELECT id FROM point_transactions WHERE user_id = ? ORDER BY created_at DESC, id DESC").bind(user.id).all<{ id: string }>();
    expect(ledger.results.length).toBe(4);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await get(user, `/api/gamification/transactions?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.transactions.map((t: { id: string }) => t.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen).toEqual(ledger.results.map((r) => r.id));

    const first = await get(user, "/api/gamification/transactions");
    expect(first.next_cursor).toBeNull();
    expect(first.transactions.find((t: { reason: string }) => t.reason === "achievement")).toMatchObject({ points: 25, ref: "first-entry", achievement: "First page" });
    expect(first.transactions.find((t: { reason: string }) => t.reason === "entry-analysed")).toMatchObject({ points: 10, achievement: null });

    for (const query of ["limit=0", "limit=51", "limit=many", "cursor=not-a-cursor", `cursor=${btoa("12:nope")}`]) {
      const error = await expectError(await call("GET", `/api/gamification/transactions?${query}`, { token: user.token }), 400, "validation_failed");
      expect(error.details?.length).toBeGreaterThan(0);
    }
    await expectError(await call("GET", "/api/gamification/transactions"), 401);
  });

  it("shows nobody else's awards, even with their cursor", async () => {
    const owner = await quietUser();
    const other = await quietUser();
    for (const i of [0, 1]) await entryAt(owner, `Owner ${i}.`, Date.now() - i * DAY);
    const page = await get(owner, "/api/gamification/transactions?limit=1");
    expect(page.next_cursor).not.toBeNull();
    expect(await get(other, `/api/gamification/transactions?cursor=${page.next_cursor}`)).toEqual({ transactions: [], next_cursor: null });
    expect((await get(other, "/api/gamification/stats")).points).toBe(0);
    expect(await earnedCodes(other)).toEqual([]);
  });
});

describe("GET /api/gamification/achievements", () => {
  it("lists every achievement: earned with a date, the others with their criterion and progress", async () => {
    const user = await quietUser();
    await entryAt(user, "A calm day.", Date.now());
    const body = await get(user, "/api/gamification/achievements");
    expect(body.total).toBe(body.achievements.length);
    expect(body.total).toBeGreaterThanOrEqual(20);
    expect(body.earned).toBe(1);
    const byCode = new Map(body.achievements.map((a: { code: string }) => [a.code, a]));
    expect(byCode.get("first-entry")).toMatchObject({ earned_at: expect.any(String), progress: null });
    expect(byCode.get("ten-entries")).toMatchObject({ earned_at: null, progress: { current: 1, target: 10 }, description: "Wrote 10 entries." });
    expect(byCode.get("streak-7")).toMatchObject({ earned_at: null, progress: { current: 1, target: 7 } });
    expect(byCode.get("first-recovery")).toMatchObject({ earned_at: null, progress: null });

    await call("PUT", "/api/settings", { token: user.token, body: { streaks_enabled: false } });
    const off = await get(user, "/api/gamification/achievements");
    expect(off.achievements.find((a: { code: string }) => a.code === "streak-7").progress).toBeNull();
    await expectError(await call("GET", "/api/gamification/achievements"), 401);
  });
});

describe("the new achievements", () => {
  it("notice a recovery with an activity, someone mentioned, a long entry and a first goal", async () => {
    const user = await quietUser();
    const now = Date.now();
    await entryAt(user, "I feel so sad and lonely tonight.", now - 2 * 3_600_000);
    await json(await call("POST", "/api/goals", { token: user.token, body: { title: "Walk more" } }));
    await entryAt(user, "Went for a run with my sister this morning. I feel so happy and grateful, what a wonderful day!", now - 3_600_000);
    expect(await earnedCodes(user)).toEqual(expect.arrayContaining(["first-entry", "goal-set", "first-activity", "first-person", "first-recovery", "activity-helped"]));
    expect(await earnedCodes(user)).not.toContain("long-entry");
    await entryAt(user, "Today was a good day. " + "We walked along the river and talked about the garden and the summer. ".repeat(25), now);
    expect(await earnedCodes(user)).toContain("long-entry");
  });

  it("count weekly summaries, weekday mornings and tried suggestions", async () => {
    const user = await quietUser();
    for (const week of ["2026-10-04", "2026-10-11", "2026-10-18", "2026-10-25"]) {
      await env.DB.prepare("INSERT INTO weekly_summaries (id, user_id, week_end, data, created_at) VALUES (?, ?, ?, '{}', ?)").bind(crypto.randomUUID(), user.id, week, Date.now()).run();
    }
    // 08:00 UTC (the person's zone) on Monday to Thursday of one week.
    for (const day of ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]) await entryAt(user, "Morning pages.", Date.parse(`${day}T08:00:00Z`));
    const reply = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Feeling low today." } }));
    await call("POST", `/api/journal/entries/${reply.entry_id}/tried`, { token: user.token, body: { action: "walk" } });
    const codes = await earnedCodes(user);
    expect(codes).toEqual(expect.arrayContaining(["first-summary", "four-summaries", "morning-pages", "first-try"]));
    expect(codes).not.toContain("five-tries");
    const list = await get(user, "/api/gamification/achievements");
    expect(list.achievements.find((a: { code: string }) => a.code === "five-tries").progress).toEqual({ current: 1, target: 5 });
  });

  it("never celebrate a crisis entry, nor count a move out of one as a recovery", async () => {
    const user = await quietUser();
    const now = Date.now();
    const crisis = await entryAt(user, CRISIS, now - 3_600_000);
    expect((await get(user, "/api/gamification/stats")).points).toBe(0);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM point_transactions WHERE user_id = ? AND ref = ?").bind(user.id, crisis.id).first<{ n: number }>();
    expect(rows!.n).toBe(0);
    await entryAt(user, "Went for a run and I feel happy and calm again.", now);
    const codes = await earnedCodes(user);
    expect(codes).toContain("first-entry");
    expect(codes).not.toContain("first-recovery");
    expect(codes).not.toContain("activity-helped");
  });
});

describe("bounded reads", () => {
  const plan = async (query: string, params: unknown[]) =>
    (await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`).bind(...params).all<{ detail: string }>()).results.map((r) => r.detail).join(" | ");

  it("reads a ledger page after a cursor by the (user_id, created_at) index", async () => {
    const { sql, params } = ledgerQuery(getDb(env), "u", btoa(`${Date.now()}:${crypto.randomUUID()}`), 21).toSQL();
    const detail = await plan(sql, params);
    expect(detail).toMatch(/point_transactions_user_created \(user_id=\? AND created_at<\?\)/);
    expect(detail).not.toMatch(/SCAN point_transactions/);
  });
});
