// The queries every entry page and write make read by index, never a whole person's rows (issue 10).
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { entryConditions } from "../worker/services/entry-filters.ts";
import { selectEntryViewRows } from "../worker/services/entries.ts";
import { analyticsCalendar, analyticsSummary, analyticsTrends } from "../worker/services/analytics.ts";
import { analyticsEffects } from "../worker/services/analytics-effects.ts";
import { moodOverTime } from "../worker/services/mood-analytics.ts";
import { call, createEntry, registerUser } from "./helpers/api.ts";

async function plan(query: string, ...params: unknown[]): Promise<string> {
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`).bind(...params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join(" | ");
}

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
    const sent: { sql: string; params: unknown[] }[] = [];
    const prepare = env.DB.prepare.bind(env.DB);
    const spy = vi.spyOn(env.DB, "prepare").mockImplementation((query: string) => {
      const statement = prepare(query);
      const record = { sql: query, params: [] as unknown[] };
      sent.push(record);
      const bind = statement.bind.bind(statement);
      statement.bind = (...params: unknown[]) => {
        record.params = params;
        return bind(...params);
      };
      return statement;
    });
    const res = await call("GET", "/api/entries/search?q=walk", { token: user.token });
    spy.mockRestore();
    expect(res.status).toBe(200);
    const search = sent.find((q) => q.sql.includes("snippet("))!;
    const detail = await plan(search.sql, ...search.params);
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
  /** Runs a service and answers the plan of every query it sent to D1, with the values it bound. */
  async function plansOf(run: () => Promise<unknown>): Promise<{ sql: string; detail: string }[]> {
    const sent: { sql: string; params: unknown[] }[] = [];
    const prepare = env.DB.prepare.bind(env.DB);
    const spy = vi.spyOn(env.DB, "prepare").mockImplementation((query: string) => {
      const statement = prepare(query);
      const record = { sql: query, params: [] as unknown[] };
      sent.push(record);
      const bind = statement.bind.bind(statement);
      statement.bind = (...params: unknown[]) => {
        record.params = params;
        return bind(...params);
      };
      return statement;
    });
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
    return Promise.all(sent.map(async (q) => ({ sql: q.sql, detail: await plan(q.sql, ...q.params) })));
  }

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
    const plans = await plansOf(() => analyticsSummary(env, getDb(env), user.id, 8));
    const all = expectRollupsOnly(plans);
    expect(all).toMatch(/SEARCH analytics_totals USING PRIMARY KEY \(user_id=\?\)/);
    expect(all).toMatch(/SEARCH analytics_items USING PRIMARY KEY \(user_id=\? AND kind=\?\)/);
    expect(plans.filter((p) => /from "entries"/i.test(p.sql))).toHaveLength(2);
    expect(plans.filter((p) => /from "entries"/i.test(p.sql)).every((p) => /LIMIT/i.test(p.sql))).toBe(true);
  });

  it("the calendar reads a year of the per-day running totals by key", async () => {
    const user = await personWithHistory();
    const plans = await plansOf(() => analyticsCalendar(env, getDb(env), user.id, { year: 2026 }));
    const all = expectRollupsOnly(plans);
    expect(plans.some((p) => /from "entries"/i.test(p.sql))).toBe(false);
    expect(all).toMatch(/SEARCH analytics_day_moods USING PRIMARY KEY \(user_id=\? AND day>\? AND day<\?\)/);
  });

  it("mood reads its range of the per-day running totals by key", async () => {
    const user = await personWithHistory();
    const plans = await plansOf(() => moodOverTime(env, getDb(env), user.id, "month", 0, Date.now()));
    const all = expectRollupsOnly(plans);
    expect(plans.some((p) => /from "entries"/i.test(p.sql))).toBe(false);
    expect(all).toMatch(/SEARCH analytics_day_moods USING PRIMARY KEY \(user_id=\? AND day>\? AND day<\?\)/);
  });

  it("trends read one range of the covering index", async () => {
    const user = await personWithHistory();
    for (const run of [() => analyticsTrends(getDb(env), user.id)]) {
      const plans = expectIndexOnly(await plansOf(run));
      for (const p of plans) expect(p.detail, p.sql).toMatch(/COVERING INDEX entries_analytics \(user_id=\? AND created_at>\? AND created_at<\?\)/);
    }
  });

  it("activity effects read the running sums by key, never an entry", async () => {
    const user = await personWithHistory();
    const plans = await plansOf(() => analyticsEffects(env, getDb(env), user.id, 20));
    const all = expectRollupsOnly(plans);
    expect(plans.some((p) => /from "entries"/i.test(p.sql))).toBe(false);
    expect(all).toMatch(/SEARCH analytics_items USING PRIMARY KEY \(user_id=\? AND kind=\?\)/);
  });
});
