// Full-text search over a person's entries: FTS5 in D1, BM25 ranking with title matches counting
// double, highlighted snippets, the same filters as the entry list.
import { and, desc, eq, sql } from "drizzle-orm";
import { checkOnly } from "../db/check-only.ts";
import type { Database } from "../db/client.ts";
import { categories, entries, entriesFts, insights } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import type { EntryFilters, SearchQuery } from "../schemas/entries.ts";
import { categoryOfEntry, entryViewColumns, insightOfEntry, toEntryViews } from "./entries.ts";
import { entryConditions } from "./entry-filters.ts";
import { HIGHLIGHT_END, HIGHLIGHT_START, snippetParts, toFtsQuery } from "./fts-query.ts";

// Title matches count double: a word in the title says more about an entry than one in passing.
const rank = sql<number>`bm25(entries_fts, 2.0, 1.0)`;

/**
 * One page of the person's entries matching an FTS5 query (see fts-query.ts), best first. In two
 * steps within one query: the matches are ranked on their rank alone (BM25, in FTS5's C), and only
 * the page's entries are then read whole, with their tags, category, insight and snippet. Read whole
 * before ranking, every match's row, tag list and snippet was made and then mostly thrown away.
 */
export async function searchEntries(db: Database, userId: string, match: string, page: { limit: number; offset: number }, filters: EntryFilters) {
  const scope = entryConditions(db, userId, filters);
  const pageSeqs = db
    .select({ seq: entries.seq })
    .from(entriesFts)
    .innerJoin(entries, eq(entries.seq, entriesFts.rowid))
    .where(and(sql`entries_fts MATCH ${match}`, scope))
    .orderBy(rank, desc(entries.createdAt))
    .limit(page.limit + 1)
    .offset(page.offset);
  const rows = await db
    .select({
      ...entryViewColumns,
      rank,
      snippet: sql<string>`snippet(entries_fts, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 24)`,
    })
    .from(entriesFts)
    .innerJoin(entries, eq(entries.seq, entriesFts.rowid))
    .leftJoin(categories, categoryOfEntry)
    .leftJoin(insights, insightOfEntry)
    .where(and(sql`entries_fts MATCH ${match}`, sql`${entriesFts.rowid} IN (${pageSeqs})`, checkOnly(scope)))
    .orderBy(rank, desc(entries.createdAt));
  const found = rows.slice(0, page.limit);
  const views = await toEntryViews(db, userId, found);
  return {
    results: found.map((r, i) => ({ entry: views[i]!, score: -r.rank, snippet: snippetParts(r.snippet) })),
    next_offset: rows.length > page.limit ? page.offset + page.limit : null,
  };
}

/** A search as a person types it: their words become the FTS5 query; words-free input answers 400. */
export function searchByWords(db: Database, userId: string, query: SearchQuery) {
  const { q, limit, offset, ...filters } = query;
  const match = toFtsQuery(q);
  if (!match) {
    throw new ApiError(400, "validation_failed", "The search has no words in it.", [{ path: "q", message: "Use at least one letter or number." }]);
  }
  return searchEntries(db, userId, match, { limit, offset }, filters);
}
