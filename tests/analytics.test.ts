// The analytics routes (/api/analytics/*): figures from what is stored, validation in the one
// envelope, and isolation (another person's entries never count). Rows are written through the API,
// then dated and read (valence, activities) by hand where a test needs exact figures.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";

const DAY = 86_400_000;

const quietUser = async (timezone = "UTC") => {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, timezone } });
  return user;
};

interface Row {
  at: number | string;
  content?: string;
  valence?: number;
  emotion?: string;
  activities?: string[];
  people?: string[];
}

async function seed(user: TestUser, rows: Row[]) {
  const ids: string[] = [];
  for (const row of rows) {
    const e = await createEntry(user.token, { content: row.content ?? "An ordinary day." });
    const at = typeof row.at === "string" ? Date.parse(row.at) : row.at;
    await env.DB.prepare("UPDATE entries SET created_at = ?, valence = coalesce(?, valence), primary_emotion = coalesce(?, primary_emotion), activities = ?, people = ? WHERE id = ?")
      .bind(at, row.valence ?? null, row.emotion ?? null, JSON.stringify(row.activities ?? []), JSON.stringify(row.people ?? []), e.id)
      .run();
    ids.push(e.id);
  }
  return ids;
}

const get = async (user: TestUser, path: string) => {
  const res = await call("GET", path, { token: user.token });
  expect(res.status).toBe(200);
  return json(res);
};

describe("GET /api/analytics/mood", () => {
  it("answers the same as the /api/insights/mood alias, and validates", async () => {
    const user = await quietUser("America/New_York");
    await seed(user, [
      { at: "2026-11-02T12:00:00Z", valence: 0.5, emotion: "joy" },
      { at: "2026-11-03T03:00:00Z", valence: -0.5, emotion: "sadness" }, // still the 2nd in New York
    ]);
    const q = "bucket=day&from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z";
    const body = await get(user, `/api/analytics/mood?${q}`);
    expect(body.points).toEqual([{ period: "2026-11-02", entries: 2, mean_valence: 0, dominant_emotion: "joy", emotions: { joy: 1, sadness: 1 } }]);
    expect(await get(user, `/api/insights/mood?${q}`)).toEqual(body);
    for (const bad of ["bucket=year", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=yesterday"]) {
      await expectError(await call("GET", `/api/analytics/mood?${bad}`, { token: user.token }), 400, "validation_failed");
    }
    await expectError(await call("GET", "/api/analytics/mood"), 401);
  });
});

describe("GET /api/analytics/calendar", () => {
  it("gives one value per local day of the asked year, in the person's time zone", async () => {
    const user = await quietUser("Asia/Tokyo");
    await seed(user, [
      { at: "2025-12-31T16:00:00Z", valence: 0.6, emotion: "joy" }, // 1 January 2026, 01:00 in Tokyo
      { at: "2026-03-14T02:00:00Z", valence: -0.4, emotion: "sadness" },
      { at: "2026-03-14T05:00:00Z", valence: 0.2, emotion: "sadness" },
      { at: "2026-12-31T16:00:00Z", valence: 0.1, emotion: "neutral" }, // already 2027 in Tokyo
    ]);
    const year = await get(user, "/api/analytics/calendar?year=2026");
    expect(year).toEqual({
      year: 2026,
      time_zone: "Asia/Tokyo",
      days: [
        { date: "2026-01-01", entries: 1, mean_valence: 0.6, dominant_emotion: "joy" },
        { date: "2026-03-14", entries: 2, mean_valence: -0.1, dominant_emotion: "sadness" },
      ],
      days_written: 2,
    });
    const next = await get(user, "/api/analytics/calendar?year=2027");
    expect(next.days).toEqual([{ date: "2027-01-01", entries: 1, mean_valence: 0.1, dominant_emotion: "neutral" }]);
    // Without a year: this year in the person's zone.
    const now = await get(user, "/api/analytics/calendar");
    expect(now.year).toBe(Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric" }).format(Date.now())));
  });

  it("refuses a bad year in the envelope, needs a session, and counts only the person's own entries", async () => {
    const user = await quietUser();
    const other = await quietUser();
    await seed(other, [{ at: "2026-05-05T10:00:00Z", valence: 0.3 }]);
    for (const bad of ["year=26", "year=abcd", "year=1969", "year=2026.5", "year=99999", "year="]) {
      const error = await expectError(await call("GET", `/api/analytics/calendar?${bad}`, { token: user.token }), 400, "validation_failed");
      expect(error.details?.[0]?.path).toBe("year");
    }
    await expectError(await call("GET", "/api/analytics/calendar?year=2026"), 401);
    expect(await get(user, "/api/analytics/calendar?year=2026")).toMatchObject({ days: [], days_written: 0 });
  });
});

describe("GET /api/analytics/summary", () => {
  it("counts entries, words, writing days and the top tags, activities, people and topics", async () => {
    const user = await quietUser();
    const other = await quietUser();
    await seed(other, [{ at: Date.now() - DAY, content: "Someone else's words entirely here", activities: ["swim"], people: ["my boss"] }]);
    const base = Date.parse("2026-06-01T09:00:00Z");
    const tagged = await createEntry(user.token, { content: "one two three", tags: ["work", "calm"] });
    await env.DB.prepare("UPDATE entries SET created_at = ?, activities = '[]', people = '[]' WHERE id = ?").bind(base + 4 * DAY, tagged.id).run();
    const [, second, third] = await seed(user, [
      { at: base, content: "One two  three\nfour", valence: 0.5, activities: ["run", "cook"], people: ["my sister"] },
      { at: base + 2 * 3_600_000, content: "  five six  ", valence: 0.1, activities: ["run"], people: [] },
      { at: base + 3 * DAY, content: "seven", valence: -0.3, activities: ["run"], people: ["my sister", "sam"] },
    ]);
    // Two analysed entries with topics; the crisis entry's topics are left out.
    await env.DB.prepare(
      "INSERT OR REPLACE INTO insights (entry_id, user_id, revision, status, topics, created_at, updated_at) VALUES (?, ?, 1, 'ready', '[\"family\",\"exercise\"]', 0, 0), (?, ?, 1, 'ready', '[\"family\"]', 0, 0)",
    )
      .bind(second, user.id, third, user.id)
      .run();
    await env.DB.prepare("UPDATE entries SET safety_level = 'crisis' WHERE id = ?").bind(third).run();

    const summary = await get(user, "/api/analytics/summary");
    expect(summary).toMatchObject({
      time_zone: "UTC",
      entries: 4,
      words: 3 + 4 + 2 + 1,
      writing_days: 3,
      average_words: 2.5,
      first_entry_at: new Date(base).toISOString(),
      last_entry_at: new Date(base + 4 * DAY).toISOString(),
      top_activities: [
        { name: "run", count: 3 },
        { name: "cook", count: 1 },
      ],
      top_people: [
        { name: "my sister", count: 2 },
        { name: "sam", count: 1 },
      ],
      top_topics: [
        { name: "exercise", count: 1 },
        { name: "family", count: 1 },
      ],
    });
    expect(summary.top_tags).toEqual(expect.arrayContaining([{ name: "work", count: 1 }, { name: "calm", count: 1 }]));
    expect(summary.top_tags).toHaveLength(2);

    // An edit counts its words again (the trigger follows the text).
    expect((await call("PATCH", `/api/entries/${tagged.id}`, { token: user.token, body: { content: "just these four words" } })).status).toBe(200);
    expect((await get(user, "/api/analytics/summary")).words).toBe(4 + 4 + 2 + 1);
    expect((await get(user, "/api/analytics/summary?limit=1")).top_activities).toEqual([{ name: "run", count: 3 }]);
  });

  it("answers zeros for a new person, and validates", async () => {
    const user = await quietUser();
    expect(await get(user, "/api/analytics/summary")).toEqual({
      time_zone: "UTC",
      entries: 0,
      words: 0,
      writing_days: 0,
      average_words: null,
      first_entry_at: null,
      last_entry_at: null,
      mean_valence: null,
      top_topics: [],
      top_tags: [],
      top_activities: [],
      top_people: [],
    });
    for (const bad of ["limit=0", "limit=26", "limit=many"]) await expectError(await call("GET", `/api/analytics/summary?${bad}`, { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/analytics/summary"), 401);
  });
});

describe("GET /api/analytics/trends", () => {
  it("compares the last 30 days with the 90 before, in words and numbers", async () => {
    const user = await quietUser();
    const now = Date.now();
    const rows: Row[] = [];
    // Before: 6 entries on 6 days over 90 days, half of them sad.
    for (let i = 0; i < 6; i++) rows.push({ at: now - (40 + i * 12) * DAY, valence: i % 2 ? -0.5 : 0.1, emotion: i % 2 ? "sadness" : "joy", content: "a b c d e f g h i j" });
    // Recent: 8 entries on 8 days in 30, one sad, several runs.
    for (let i = 0; i < 8; i++) rows.push({ at: now - (1 + i * 3) * DAY, valence: 0.4, emotion: i === 0 ? "sadness" : "joy", content: "a b c", activities: i < 4 ? ["run"] : [] });
    await seed(user, rows);
    const other = await quietUser();
    await seed(other, [{ at: now - 2 * DAY, emotion: "anger", valence: -0.9 }]);

    const trends = await get(user, "/api/analytics/trends");
    expect(trends.enough_history).toBe(true);
    expect(trends.recent).toMatchObject({ days: 30, entries: 8, writing_days: 8, words: 24, mean_valence: 0.4, emotions: { sadness: 1, joy: 7 } });
    expect(trends.previous).toMatchObject({ days: 90, entries: 6, writing_days: 6, words: 60, mean_valence: -0.2, emotions: { sadness: 3, joy: 3 } });
    const byKey = Object.fromEntries(trends.changes.map((c: { key: string }) => [c.key, c]));
    expect(byKey.frequency).toMatchObject({ direction: "up", unit: "per_week", before: 0.5, after: 1.9 });
    expect(byKey.frequency.text).toMatch(/^You wrote more often \(\+300%/);
    expect(byKey.length).toMatchObject({ direction: "down", before: 10, after: 3 });
    expect(byKey.mood).toMatchObject({ direction: "up", before: -0.2, after: 0.4 });
    expect(byKey["emotion:sadness"]).toMatchObject({ direction: "down", before: 0.5, after: 0.125, text: "Sadness came up less (50% → 13% of entries)." });
    expect(byKey["activity:run"]).toMatchObject({ direction: "up", before: 0, after: 0.9 });
    expect(JSON.stringify(trends)).not.toContain("anger");
  });

  it("says nothing changed until both windows hold entries, and needs a session", async () => {
    const user = await quietUser();
    await seed(user, [{ at: Date.now() - DAY, valence: 0.2 }]);
    const trends = await get(user, "/api/analytics/trends");
    expect(trends).toMatchObject({ enough_history: false, changes: [], recent: { entries: 1 }, previous: { entries: 0, mean_valence: null } });
    await expectError(await call("GET", "/api/analytics/trends"), 401);
  });
});

describe("GET /api/analytics/transitions", () => {
  it("gives the graph's transition counts as a matrix, for the person's own graph only", async () => {
    const user = await quietUser();
    const other = await quietUser();
    for (const content of ["I am so happy and joyful today!", "I feel sad and lonely tonight.", "I am so happy and joyful again!"]) await createEntry(user.token, { content });
    await createEntry(other.token, { content: "Furious and angry at everything." });
    await createEntry(other.token, { content: "Still furious and so angry." });
    const m = await get(user, "/api/analytics/transitions");
    expect(m.emotions).toEqual(["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"]);
    expect(m.counts).toHaveLength(7);
    expect(m.total_transitions).toBe(2);
    const at = (from: string, to: string) => m.counts[m.emotions.indexOf(from)][m.emotions.indexOf(to)];
    expect(at("joy", "sadness")).toBe(1);
    expect(at("sadness", "joy")).toBe(1);
    expect(m.probabilities[m.emotions.indexOf("joy")][m.emotions.indexOf("sadness")]).toBe(1);
    expect(at("anger", "anger")).toBe(0);
    const empty = await get(await quietUser(), "/api/analytics/transitions");
    expect(empty.total_transitions).toBe(0);
    await expectError(await call("GET", "/api/analytics/transitions"), 401);
  });
});

describe("GET /api/analytics/activities", () => {
  it("compares the days with each activity and person against the other days, with an interval", async () => {
    const user = await quietUser();
    const base = Date.parse("2026-03-02T10:00:00Z");
    const rows: Row[] = [];
    // Ten days with a run (valence 0.5 or 0.7), ten without (0.0 or 0.2); "sam" on two days only.
    for (let d = 0; d < 20; d++) {
      const run = d % 2 === 0;
      rows.push({ at: base + d * DAY, valence: run ? (d % 4 === 0 ? 0.5 : 0.7) : d % 4 === 1 ? 0 : 0.2, activities: run ? ["run"] : [], people: d < 2 ? ["sam"] : [] });
    }
    // A second entry on a run day: the day's mean is what counts, and the day counts once.
    rows.push({ at: base + 2 * 3_600_000, valence: 0.5, activities: ["run"] });
    await seed(user, rows);
    const other = await quietUser();
    await seed(other, [{ at: base, valence: -1, activities: ["run"] }]);

    const body = await get(user, "/api/analytics/activities");
    expect(body.min_days).toBe(5);
    expect(body.method).toMatch(/Welch/);
    expect(body.baseline).toEqual({ days: 20, mean_valence: 0.35 });
    const run = body.activities.find((a: { name: string }) => a.name === "run");
    expect(run).toMatchObject({ days: 10, other_days: 10, mean_with: 0.6, mean_without: 0.1, difference: 0.5, enough: true, clear: true });
    expect(run.interval.low).toBeGreaterThan(0.3);
    expect(run.interval.high).toBeLessThan(0.7);
    expect(run.interval.low + run.interval.high).toBeCloseTo(1, 2);
    const sam = body.people.find((p: { name: string }) => p.name === "sam");
    expect(sam).toMatchObject({ days: 2, other_days: 18, enough: false, clear: false });
    expect(sam.interval.high - sam.interval.low).toBeGreaterThan(1);
  });

  it("answers an empty list for a new person, and validates", async () => {
    const user = await quietUser();
    expect(await get(user, "/api/analytics/activities")).toMatchObject({ baseline: { days: 0, mean_valence: null }, activities: [], people: [] });
    for (const bad of ["limit=0", "limit=51", "limit=x"]) await expectError(await call("GET", `/api/analytics/activities?${bad}`, { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/analytics/activities"), 401);
  });
});

describe("a long history in a zone with summer time", () => {
  it("adds up fifty years of clock changes (more than D1's 100 bound values) by local day", async () => {
    const user = await quietUser("Europe/Paris");
    await seed(user, [
      { at: "1976-07-01T22:30:00Z", valence: 0.2, activities: ["swim"] }, // 2 July, 00:30 in Paris (summer time)
      { at: "2026-01-10T23:30:00Z", valence: 0.4, activities: ["swim"] }, // 11 January, 00:30 (winter)
      { at: Date.now() - DAY, valence: 0.1 },
    ]);
    const summary = await get(user, "/api/analytics/summary");
    expect(summary).toMatchObject({ entries: 3, writing_days: 3, first_entry_at: "1976-07-01T22:30:00.000Z" });
    const effects = await get(user, "/api/analytics/activities");
    expect(effects.activities).toEqual([expect.objectContaining({ name: "swim", days: 2, other_days: 1 })]);
    expect((await get(user, "/api/analytics/calendar?year=1976")).days).toEqual([expect.objectContaining({ date: "1976-07-02" })]);
  });
});
