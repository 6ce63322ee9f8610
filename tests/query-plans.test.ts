// The queries every entry page and write make read by index, never a whole person's rows (issue 10).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { entryConditions } from "../worker/services/entry-filters.ts";
import { selectEntryViewRows } from "../worker/services/entries.ts";
import { analyticsCalendar, analyticsSummary, analyticsTrends } from "../worker/services/analytics.ts";
import { analyticsEffects } from "../worker/services/analytics-effects.ts";
import { moodOverTime } from "../worker/services/mood-analytics.ts";
import { call, createEntry, registerUser } from "./helpers/api.ts";
import { explain, queriesOf } from "./helpers/query-plans.ts";

/** The analytics reads as a route calls them, with an account check that passes. */
const days = { env, accountChecked: async () => {} };
const plan = async (query: string, ...params: unknown[]): Promise<string> => (await explain(query, ...params)).join(" | ");

describe("query plans", () => {
  it("reads a page of entries' tags by (user_id, entry_id)", async () => {
    const detail = await plan(
      "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.user_id = ? AND et.entry_id IN (?, ?, ?)",
      "u",
      "a",
      "b",
      "c",
    );
    expect(detail).toMatch(/entry_tags_user_entry \(user_id=\? AND entry_id=\?\)/);
  });

  it("clears an entry's tags by (user_id, entry_id) or the primary key", async () => {
    const detail = await plan("DELETE FROM entry_tags WHERE entry_id = ? AND user_id = ?", "a", "u");
    expect(detail).toMatch(/entry_tags_user_entry \(user_id=\? AND entry_id=\?\)|sqlite_autoindex_entry_tags_1 \(entry_id=\?\)/);
  });

  it("reads a page of entries with their tags, category and insight in one query, by index", async () => {
    const db = getDb(env);
    const { sql, params } = selectEntryViewRows(db, entryConditions(db, "u", {}), 21).toSQL();
    const detail = await plan(sql, ...params);
    // The page walks the person's entries in (created_at, id) order: no sort, no scan of other people.
    const [outer = ""] = detail.split("CORRELATED SCALAR SUBQUERY");
    expect(outer).toMatch(/entries_user_created \(user_id=\?\)/);
    expect(outer).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(detail).not.toMatch(/SCAN entries\b/);
    // Each entry's tags by (user_id, entry_id) (sorted by name among themselves); its category and insight by key.
    expect(detail).toMatch(/entry_tags_user_entry \(user_id=\? AND entry_id=\?\)/);
    expect(detail).toMatch(/SEARCH categories USING INDEX sqlite_autoindex_categories_1 \(id=\?\)|SEARCH categories USING (INTEGER )?PRIMARY KEY/);
    expect(detail).toMatch(/SEARCH insights USING INDEX sqlite_autoindex_insights_1 \(entry_id=\?\)/);
  });
});

describe("search query plan", () => {
  it("ranks the matches on their rank alone, and reads only the page's entries whole", async () => {
    const user = await registerUser();
    for (const content of ["A walk by the canal.", "Another walk, in the rain.", "Work all day."]) await createEntry(user.token, { content });
    let res: Response | undefined;
    const sent = await queriesOf(async () => {
      res = await call("GET", "/api/entries/search?q=walk", { token: user.token });
    });
    expect(res?.status).toBe(200);
    const { detail } = sent.find((q) => q.sql.includes("snippet("))!;
    // The page's rows are found by rowid from the ranked list; the entries' columns, tags and snippet are
    // made for those rows only (the correlated tag query sits outside the ranking subquery).
    const [outer = ""] = detail.split("CORRELATED SCALAR SUBQUERY");
    expect(outer).toMatch(/SCAN entries_fts VIRTUAL TABLE INDEX \d+:/);
    expect(outer).toMatch(/LIST SUBQUERY/);
    expect(outer).toMatch(/SEARCH entries USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/SCAN entries\b/);
  });
});

// The analytics routes add up a person's whole history: every query must read the entries_analytics
// index (migrations/0022) and never the table's rows (the entry text) or other people's rows.
describe("analytics query plans", () => {
  async function personWithHistory() {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, timezone: "Europe/Paris" } });
    await createEntry(user.token, { content: "Went for a run with my sister, then cooked.", tags: ["weekend"] });
    return user;
  }

  const expectIndexOnly = (plans: { sql: string; detail: string }[]) => {
    const onEntries = plans.filter((p) => /\bentries\b/.test(p.sql) && !/settings/.test(p.sql));
    expect(onEntries.length).toBeGreaterThan(0);
    for (const p of onEntries) {
      expect(p.detail, p.sql).not.toMatch(/SCAN (entries|insights|entry_tags)\b(?! USING COVERING)/);
      if (/FROM "entries"|FROM entries|"entries",/.test(p.sql)) expect(p.detail, p.sql).toMatch(/COVERING INDEX (entries_analytics|entries_user_created)/);
    }
    return onEntries;
  };

  // The whole-history figures read running totals (migrations/0027): a row per person and one per
  // tag, activity, person or topic, found by key; of the entries, only the first and the last.
  const expectRollupsOnly = (plans: { sql: string; detail: string }[]) => {
    for (const p of plans) {
      expect(p.detail, p.sql).not.toMatch(/\bSCAN\b/);
      if (/from "entries"/i.test(p.sql)) expect(p.detail, p.sql).toMatch(/SEARCH entries USING COVERING INDEX (entries_user_created|entries_analytics) \(user_id=\?\)/);
    }
    return plans.map((p) => p.detail).join(" || ");
  };

  it("the summary reads the running totals by key, and two index seeks for the first and last entry", async () => {
    const user = await personWithHistory();
    const plans = await queriesOf(() => analyticsSummary(days, getDb(env), user.id, 8));
    const all = expectRollupsOnly(plans);
    expect(all).toMatch(/SEARCH analytics_totals USING PRIMARY KEY \(user_id=\?\)/);
    expect(all).toMatch(/SEARCH analytics_items USING PRIMARY KEY \(user_id=\? AND kind=\?\)/);
    expect(plans.filter((p) => /from "entries"/i.test(p.sql))).toHaveLength(2);
    expect(plans.filter((p) => /from "entries"/i.test(p.sql)).every((p) => /LIMIT/i.test(p.sql))).toBe(true);
  });

  it("the calendar reads a year of the per-day running totals by key", async () => {
    const user = await personWithHistory();
    const plans = await queriesOf(() => analyticsCalendar(days, getDb(env), user.id, { year: 2026 }));
    const all = expectRollupsOnly(plans);
    expect(plans.some((p) => /from "entries"/i.test(p.sql))).toBe(false);
    expect(all).toMatch(/SEARCH analytics_day_moods USING PRIMARY KEY \(user_id=\? AND day>\? AND day<\?\)/);
  });

  it("mood reads its range of the per-day running totals by key", async () => {
    const user = await personWithHistory();
    const plans = await queriesOf(() => moodOverTime(days, getDb(env), user.id, "month", 0, Date.now()));
    const all = expectRollupsOnly(plans);
    expect(plans.some((p) => /from "entries"/i.test(p.sql))).toBe(false);
    expect(all).toMatch(/SEARCH analytics_day_moods USING PRIMARY KEY \(user_id=\? AND day>\? AND day<\?\)/);
  });

  it("trends read one range of the covering index", async () => {
    const user = await personWithHistory();
    for (const run of [() => analyticsTrends(getDb(env), user.id)]) {
      const plans = expectIndexOnly(await queriesOf(run));
      for (const p of plans) expect(p.detail, p.sql).toMatch(/COVERING INDEX entries_analytics \(user_id=\? AND created_at>\? AND created_at<\?\)/);
    }
  });

  it("activity effects read the running sums by key, never an entry", async () => {
    const user = await personWithHistory();
    const plans = await queriesOf(() => analyticsEffects(days, getDb(env), user.id, 20));
    const all = expectRollupsOnly(plans);
    expect(plans.some((p) => /from "entries"/i.test(p.sql))).toBe(false);
    expect(all).toMatch(/SEARCH analytics_items USING PRIMARY KEY \(user_id=\? AND kind=\?\)/);
  });
});
