// The queries every entry page and write make read by index, never a whole person's rows (issue 10).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { entryConditions } from "../worker/services/entry-filters.ts";
import { selectEntryViewRows } from "../worker/services/entries.ts";

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
