// Full-text search over a person's entries (FTS5 in D1, BM25 ranking, highlighted snippets).
import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { ApiError } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { EntryFiltersSchema, EntrySchema } from "../schemas/entries.ts";
import { searchEntries } from "../services/entry-search.ts";
import { toFtsQuery } from "../services/fts-query.ts";

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
    return c.json(await searchEntries(getDb(c.env), c.get("user").id, match, { limit, offset }, filters), 200);
  },
);
