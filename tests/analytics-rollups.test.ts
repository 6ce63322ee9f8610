// The running totals of migrations/0027 against a recount from scratch: after any sequence of
// writes (entries added, edited, moved in time, deleted; tags, insights and safety levels changed;
// the time zone changed and the days moved by the queue job), every total, day and item equals what
// adding up the stored rows in JavaScript gives. Rows are written with SQL, as every writer does in
// the end: the triggers, not the Worker, keep the totals.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { localDate } from "../worker/lib/time-zone.ts";
import { pruneEmptyRollups } from "../worker/services/analytics.ts";
import { followZone, redateEntries } from "../worker/services/zone-days.ts";
import type { RedateJob } from "../queues/messages.ts";
import { call, createEntry, json, registerUser } from "./helpers/api.ts";

const NAMES = ["run", "walk", "yoga", "sam", "ada"];
const TOPICS = ["work", "family", "sleep"];
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"];
const T0 = Date.parse("2024-03-01T00:00:00Z");
const HOUR = 3_600_000;

const list = fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 });
const at = fc.integer({ min: 0, max: 24 * 60 }).map((h) => T0 + h * HOUR + 17 * 60_000);
const valence = fc.option(fc.constantFrom(-0.8, -0.25, 0, 0.3, 0.55, 0.9), { nil: null });
const emotion = fc.option(fc.constantFrom("joy", "sadness", "anger"), { nil: null });
const positive = fc.option(fc.boolean(), { nil: null });

type Op =
  | { op: "add"; at: number; valence: number | null; emotion: string | null; positive: boolean | null; activities: string[]; people: string[]; words: number; tags: string[] }
  | { op: "edit"; pick: number; valence: number | null; emotion: string | null; positive: boolean | null; activities: string[]; words: number }
  | { op: "move"; pick: number; at: number }
  | { op: "delete"; pick: number }
  | { op: "crisis"; pick: number; crisis: boolean }
  | { op: "insight"; pick: number; status: "pending" | "ready" | "failed"; topics: string[] }
  | { op: "untag"; pick: number }
  | { op: "zone"; zone: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("add" as const), at, valence, emotion, positive, activities: list, people: list, words: fc.integer({ min: 1, max: 6 }), tags: fc.uniqueArray(fc.constantFrom("a", "b"), { maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("edit" as const), pick: fc.nat(), valence, emotion, positive, activities: list, words: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("move" as const), pick: fc.nat(), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("crisis" as const), pick: fc.nat(), crisis: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("insight" as const), pick: fc.nat(), status: fc.constantFrom("pending" as const, "ready" as const, "failed" as const), topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("untag" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("zone" as const), zone: fc.constantFrom(...ZONES) }) },
);

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
const sql = (query: string, ...values: unknown[]) => env.DB.prepare(query).bind(...values);

/** Moves every day the way the queue jobs do, chunk after chunk (small chunks, to cross their edges). */
async function changeZone(userId: string, zone: string) {
  const sent: RedateJob[] = [];
  await followZone({ INSIGHT_JOBS: { send: async (job: RedateJob) => void sent.push(job) } as unknown as Queue }, getDb(env), userId, zone);
  await sql("UPDATE settings SET timezone = ? WHERE user_id = ?", zone, userId).run();
  for (let job = sent.shift() ?? null; job; ) job = await redateEntries(getDb(env), job, 3);
}

async function apply(userId: string, op: Op, ids: string[]) {
  const pick = (n: number) => (ids.length > 0 ? ids[n % ids.length]! : null);
  const now = Date.now();
  switch (op.op) {
    case "add": {
      const id = crypto.randomUUID();
      await sql(
        "INSERT INTO entries (id, user_id, content, valence, primary_emotion, is_positive, activities, people, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, userId, words(op.words), op.valence, op.emotion, op.positive === null ? null : Number(op.positive), JSON.stringify(op.activities), JSON.stringify(op.people), op.at, now,
      ).run();
      for (const tag of op.tags) {
        await sql("INSERT INTO tags (id, user_id, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", crypto.randomUUID(), userId, tag, now).run();
        await sql("INSERT INTO entry_tags (entry_id, tag_id, user_id) SELECT ?, id, user_id FROM tags WHERE user_id = ? AND name = ?", id, userId, tag).run();
      }
      ids.push(id);
      return;
    }
    case "edit": {
      const id = pick(op.pick);
      if (id) await sql("UPDATE entries SET valence = ?, primary_emotion = ?, is_positive = ?, activities = ?, content = ? WHERE id = ?", op.valence, op.emotion, op.positive === null ? null : Number(op.positive), JSON.stringify(op.activities), words(op.words), id).run();
      return;
    }
    case "move": {
      const id = pick(op.pick);
      if (id) await sql("UPDATE entries SET created_at = ? WHERE id = ?", op.at, id).run();
      return;
    }
    case "delete": {
      const id = pick(op.pick);
      if (id) {
        await sql("DELETE FROM entries WHERE id = ?", id).run();
        ids.splice(ids.indexOf(id), 1);
      }
      return;
    }
    case "crisis": {
      const id = pick(op.pick);
      if (id) await sql("UPDATE entries SET safety_level = ? WHERE id = ?", op.crisis ? "crisis" : "none", id).run();
      return;
    }
    case "insight": {
      const id = pick(op.pick);
      if (id) {
        await sql(
          `INSERT INTO insights (entry_id, user_id, revision, status, topics, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)
           ON CONFLICT (entry_id) DO UPDATE SET status = excluded.status, topics = excluded.topics`,
          id, userId, op.status, JSON.stringify(op.topics), now, now,
        ).run();
      }
      return;
    }
    case "untag": {
      const id = pick(op.pick);
      if (id) await sql("DELETE FROM entry_tags WHERE entry_id = ?", id).run();
      return;
    }
    case "zone":
      await changeZone(userId, op.zone);
  }
}

interface Stored {
  id: string;
  created_at: number;
  valence: number | null;
  primary_emotion: string | null;
  is_positive: number | null;
  activities: string;
  people: string;
  word_count: number;
  safety_level: string;
}

/** What the totals must be, added up from the rows themselves in JavaScript. */
async function recount(userId: string, zone: string) {
  const rows = (await sql("SELECT id, created_at, valence, primary_emotion, is_positive, activities, people, word_count, safety_level FROM entries WHERE user_id = ?", userId).all<Stored>()).results;
  const days = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const moods = new Map<string, { entries: number; valence_sum: number; valence_n: number; positive: number; analysed: number }>();
  const items = new Map<string, { entries: number; days: Set<string> }>();
  const item = (key: string) => items.get(key) ?? items.set(key, { entries: 0, days: new Set() }).get(key)!;
  for (const r of rows) {
    const day = localDate(r.created_at, zone);
    const values = days.get(day) ?? days.set(day, []).get(day)!;
    counts.set(day, (counts.get(day) ?? 0) + 1);
    const key = `${day}|${r.primary_emotion ?? ""}`;
    const m = moods.get(key) ?? moods.set(key, { entries: 0, valence_sum: 0, valence_n: 0, positive: 0, analysed: 0 }).get(key)!;
    m.entries++;
    if (r.is_positive !== null) {
      m.analysed++;
      m.positive += r.is_positive;
    }
    if (r.valence !== null) {
      m.valence_sum += r.valence;
      m.valence_n++;
    }
    if (r.valence !== null) values.push(r.valence);
    for (const [kind, json] of [["activity", r.activities], ["person", r.people]] as const) {
      for (const name of new Set(JSON.parse(json) as string[])) {
        const it = item(`${kind}:${name}`);
        it.entries++;
        if (r.valence !== null) it.days.add(day);
      }
    }
  }
  const tagRows = (await sql("SELECT tag_id AS name, count(*) AS n FROM entry_tags WHERE user_id = ? GROUP BY tag_id", userId).all<{ name: string; n: number }>()).results;
  for (const t of tagRows) item(`tag:${t.name}`).entries = t.n;
  const topicRows = (
    await sql(
      "SELECT i.topics FROM insights i JOIN entries e ON e.id = i.entry_id WHERE i.user_id = ? AND i.status = 'ready' AND e.safety_level != 'crisis'",
      userId,
    ).all<{ topics: string }>()
  ).results;
  for (const t of topicRows) for (const name of new Set(JSON.parse(t.topics) as string[])) item(`topic:${name}`).entries++;
  const mean = (day: string) => {
    const v = days.get(day)!;
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  const moodDays = [...days.keys()].filter((d) => days.get(d)!.length > 0);
  const sums = (list: string[]) => ({ n: list.length, sum: list.reduce((a, d) => a + mean(d), 0), squares: list.reduce((a, d) => a + mean(d) ** 2, 0) });
  const valued = rows.filter((r) => r.valence !== null);
  return {
    totals: {
      entries: rows.length,
      words: rows.reduce((a, r) => a + r.word_count, 0),
      valence_sum: valued.reduce((a, r) => a + r.valence!, 0),
      valence_n: valued.length,
      days: days.size,
      mood: sums(moodDays),
    },
    days: counts,
    moods,
    items: new Map(
      [...items]
        .filter(([, v]) => v.entries > 0 || v.days.size > 0)
        .map(([k, v]) => [k, { entries: v.entries, mood: sums([...v.days]) }]),
    ),
  };
}

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

async function expectTotalsMatch(userId: string, zone: string) {
  const want = await recount(userId, zone);
  const t = await sql("SELECT * FROM analytics_totals WHERE user_id = ?", userId).first<Record<string, number>>();
  if (want.totals.entries === 0) {
    expect(t?.entries ?? 0).toBe(0);
    expect(t?.days ?? 0).toBe(0);
  } else {
    expect(t).toMatchObject({ entries: want.totals.entries, words: want.totals.words, valence_n: want.totals.valence_n, days: want.totals.days, mood_days: want.totals.mood.n });
    close(t!.valence_sum!, want.totals.valence_sum);
    close(t!.mood_sum!, want.totals.mood.sum);
    close(t!.mood_squares!, want.totals.mood.squares);
  }
  const storedDays = (await sql("SELECT day, entries FROM analytics_days WHERE user_id = ?", userId).all<{ day: string; entries: number }>()).results;
  expect(new Map(storedDays.map((d) => [d.day, d.entries]))).toEqual(want.days);
  const storedMoods = (await sql("SELECT day, emotion, entries, valence_sum, valence_n, positive, analysed FROM analytics_day_moods WHERE user_id = ?", userId).all<{
      day: string;
      emotion: string;
      entries: number;
      valence_sum: number;
      valence_n: number;
      positive: number;
      analysed: number;
    }>()).results;
  expect(new Set(storedMoods.map((m) => `${m.day}|${m.emotion}`))).toEqual(new Set(want.moods.keys()));
  for (const m of storedMoods) {
    const w = want.moods.get(`${m.day}|${m.emotion}`)!;
    expect({ entries: m.entries, valence_n: m.valence_n, positive: m.positive, analysed: m.analysed }).toEqual({ entries: w.entries, valence_n: w.valence_n, positive: w.positive, analysed: w.analysed });
    close(m.valence_sum, w.valence_sum);
  }
  const storedItems = (
    await sql("SELECT kind, name, entries, days, mood_sum, mood_squares FROM analytics_items WHERE user_id = ? AND (entries != 0 OR days != 0)", userId).all<{
      kind: string;
      name: string;
      entries: number;
      days: number;
      mood_sum: number;
      mood_squares: number;
    }>()
  ).results;
  expect(new Set(storedItems.map((i) => `${i.kind}:${i.name}`))).toEqual(new Set(want.items.keys()));
  for (const i of storedItems) {
    const w = want.items.get(`${i.kind}:${i.name}`)!;
    expect({ key: `${i.kind}:${i.name}`, entries: i.entries, days: i.days }).toEqual({ key: `${i.kind}:${i.name}`, entries: w.entries, days: w.mood.n });
    close(i.mood_sum, w.mood.sum);
    close(i.mood_squares, w.mood.squares);
  }
  // The valence bins (migrations/0029) against the entries' valences binned in JavaScript.
  const valences = (await sql("SELECT valence FROM entries WHERE user_id = ? AND valence IS NOT NULL", userId).all<{ valence: number }>()).results;
  const wantBins = new Map<number, number>();
  for (const { valence } of valences) {
    const bin = Math.round((Math.min(1, Math.max(-1, valence)) + 1) * 20);
    wantBins.set(bin, (wantBins.get(bin) ?? 0) + 1);
  }
  const storedBins = (await sql("SELECT bin, entries FROM valence_bins WHERE user_id = ? AND entries != 0", userId).all<{ bin: number; entries: number }>()).results;
  expect(new Map(storedBins.map((b) => [b.bin, b.entries]))).toEqual(wantBins);
}

describe("the analytics' running totals (migrations/0027)", () => {
  it("equal a recount from scratch after any sequence of writes, edits, moves, deletes and zone changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 24 }), async (ops) => {
        const user = await registerUser();
        const ids: string[] = [];
        let zone = "UTC";
        for (const op of ops) {
          await apply(user.id, op, ids);
          if (op.op === "zone") zone = op.zone;
        }
        await expectTotalsMatch(user.id, zone);
        // Deleting the account takes every running total with it.
        await sql("DELETE FROM users WHERE id = ?", user.id).run();
        for (const table of ["analytics_totals", "analytics_days", "analytics_day_moods", "analytics_items", "analytics_day_items", "zone_spans", "valence_bins"]) {
          expect(await sql(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`, user.id).first("n"), table).toBe(0);
        }
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });

  it("move an entry's day when the person changes time zone in Settings (the queue does it in the background)", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    // 23:30 UTC on 10 March: still the 10th in UTC, already the 11th in Paris.
    const e = await createEntry(user.token, { content: "Late, after the concert." });
    await sql("UPDATE entries SET created_at = ? WHERE id = ?", Date.parse("2026-03-10T23:30:00Z"), e.id).run();
    const dayOf = async () => (await sql("SELECT local_day FROM entries WHERE id = ?", e.id).first<string>("local_day"));
    expect(await dayOf()).toBe("2026-03-10");
    const res = await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Europe/Paris" } });
    expect(res.status).toBe(200);
    expect((await json(res)).timezone).toBe("Europe/Paris");
    for (let i = 0; i < 100 && (await dayOf()) !== "2026-03-11"; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await dayOf()).toBe("2026-03-11");
    await expectTotalsMatch(user.id, "Europe/Paris");
    // An entry written from now on takes the new zone's day at once.
    const late = await createEntry(user.token, { content: "Another late one." });
    await sql("UPDATE entries SET created_at = ? WHERE id = ?", Date.parse("2026-07-01T22:30:00Z"), late.id).run();
    expect(await sql("SELECT local_day FROM entries WHERE id = ?", late.id).first("local_day")).toBe("2026-07-02");
  });

  it("a person whose days were counted in another zone (before this migration) has them moved at the next analytics read", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const e = await createEntry(user.token, { content: "Before the move." });
    await sql("UPDATE entries SET created_at = ? WHERE id = ?", Date.parse("2026-03-10T23:30:00Z"), e.id).run();
    // As an account from before migrations/0027 stands: a zone in Settings, its days counted in UTC.
    await sql("UPDATE settings SET timezone = 'Europe/Paris' WHERE user_id = ?", user.id).run();
    const summary = await json(await call("GET", "/api/analytics/summary", { token: user.token }));
    expect(summary).toMatchObject({ entries: 1, writing_days: 1, time_zone: "Europe/Paris" });
    for (let i = 0; i < 100 && (await sql("SELECT local_day FROM entries WHERE id = ?", e.id).first("local_day")) !== "2026-03-11"; i++) await new Promise((r) => setTimeout(r, 50));
    await expectTotalsMatch(user.id, "Europe/Paris");
  });

  it("the daily clean-up deletes items and valence bins left at zero, and the totals stay exact", async () => {
    const [person, other] = await Promise.all([registerUser(), registerUser()]);
    for (const u of [person, other]) await call("PUT", "/api/settings", { token: u.token, body: { ai_analysis: false } });
    const gone = await createEntry(person.token, { content: "Went for a run by the river." });
    await createEntry(other.token, { content: "Went for a run by the river." });
    await sql("UPDATE entries SET activities = '[\"run\"]', valence = 0.5 WHERE user_id IN (?, ?)", person.id, other.id).run();
    await sql("DELETE FROM entries WHERE id = ?", gone.id).run();
    // Every row, or only those still counting something.
    const rows = async (userId: string, live = false) => ({
      items: await sql(`SELECT count(*) AS n FROM analytics_items WHERE user_id = ?${live ? " AND (entries != 0 OR days != 0)" : ""}`, userId).first<number>("n"),
      bins: await sql(`SELECT count(*) AS n FROM valence_bins WHERE user_id = ?${live ? " AND entries != 0" : ""}`, userId).first<number>("n"),
    });
    expect((await rows(person.id)).items).toBeGreaterThan(0);
    const othersLive = await rows(other.id, true);
    await pruneEmptyRollups(getDb(env));
    expect(await rows(person.id)).toEqual({ items: 0, bins: 0 });
    // The other person keeps every row that counts something, and only those.
    expect(await rows(other.id)).toEqual(othersLive);
    expect(othersLive.items).toBeGreaterThan(0);
    // An entry after the clean-up starts its rows again, and the totals still match a recount.
    const again = await createEntry(person.token, { content: "Another run." });
    await sql("UPDATE entries SET activities = '[\"run\"]', valence = -0.2 WHERE id = ?", again.id).run();
    await expectTotalsMatch(person.id, "UTC");
    await expectTotalsMatch(other.id, "UTC");
  });

  it("an analytics read by a disabled account does not start moving its days: 401, nothing stored", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const e = await createEntry(user.token, { content: "Before the move." });
    await sql("UPDATE entries SET created_at = ? WHERE id = ?", Date.parse("2026-03-10T23:30:00Z"), e.id).run();
    await sql("UPDATE settings SET timezone = 'Europe/Paris' WHERE user_id = ?", user.id).run();
    await sql("UPDATE users SET disabled_at = ? WHERE id = ?", Date.now(), user.id).run();
    const stored = async () => ({
      zone: await sql("SELECT days_zone FROM analytics_totals WHERE user_id = ?", user.id).first("days_zone"),
      spans: await sql("SELECT count(*) AS n FROM zone_spans WHERE user_id = ?", user.id).first("n"),
      day: await sql("SELECT local_day FROM entries WHERE id = ?", e.id).first("local_day"),
    });
    const before = await stored();
    for (const path of ["/api/analytics/summary", "/api/analytics/calendar?year=2026", "/api/analytics/mood?bucket=month", "/api/analytics/effects", "/api/insights/mood?bucket=month"]) {
      const res = await call("GET", path, { token: user.token });
      expect(res.status, path).toBe(401);
      expect((await json(res)).error.code, path).toBe("unauthorized");
    }
    expect(await stored()).toEqual(before);
    expect(before).toMatchObject({ spans: 0, day: "2026-03-10" });
  });
});
