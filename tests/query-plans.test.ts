// The queries every entry page and write make read by index, never a whole person's rows (issue 10).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

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
});
