// Full-text search over a person's entries (FTS5 in D1, BM25 ranking, highlighted snippets).
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { entries, entriesFts } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { EntryFiltersSchema, EntrySchema } from "../schemas/entries.ts";
import { toEntryViews } from "../services/entries.ts";
import { entryConditions } from "../services/entry-filters.ts";
import { HIGHLIGHT_END, HIGHLIGHT_START, snippetParts, toFtsQuery } from "../services/fts-query.ts";

const SearchQuerySchema = EntryFiltersSchema.extend({
  q: z.string().trim().min(1, "Type something to search for.").max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

const SearchResultSchema = z
  .object({
    entry: EntrySchema,
    score: z.number().openapi({ description: "BM25 relevance; higher is better." }),
    snippet: z.array(z.object({ text: z.string(), highlight: z.boolean() })),
  })
  .openapi("SearchResult");

// Title matches count double: a word in the title says more about an entry than one in passing.
const rank = sql<number>`bm25(entries_fts, 2.0, 1.0)`;

export const entrySearchRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/search",
    tags: ["entries"],
    security: bearerAuth,
    summary: "Search entries by their words, best match first",
    request: { query: SearchQuerySchema },
    responses: {
      200: jsonResponse(
        z.object({ results: z.array(SearchResultSchema), next_offset: z.number().int().nullable() }),
        "Matching entries with highlighted snippets.",
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { q, limit, offset, ...filters } = c.req.valid("query");
    const match = toFtsQuery(q);
    if (!match) {
      throw new ApiError(400, "validation_failed", "The search has no words in it.", [
        { path: "q", message: "Use at least one letter or number." },
      ]);
    }
    const db = getDb(c.env);
    const userId = c.get("user").id;
    const rows = await db
      .select({
        entry: entries,
        rank,
        snippet: sql<string>`snippet(entries_fts, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 24)`,
      })
      .from(entriesFts)
      .innerJoin(entries, eq(entries.seq, entriesFts.rowid))
      .where(and(sql`entries_fts MATCH ${match}`, entryConditions(db, userId, filters)))
      .orderBy(rank, desc(entries.createdAt))
      .limit(limit + 1)
      .offset(offset);
    const page = rows.slice(0, limit);
    const views = await toEntryViews(
      db,
      userId,
      page.map((r) => r.entry),
    );
    return c.json(
      {
        results: page.map((r, i) => ({ entry: views[i]!, score: -r.rank, snippet: snippetParts(r.snippet) })),
        next_offset: rows.length > limit ? offset + limit : null,
      },
      200,
    );
  },
);
