// Full-text search over a person's entries (FTS5 in D1, BM25 ranking, highlighted snippets).
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { SearchPageSchema, SearchQuerySchema } from "../schemas/entries.ts";
import { searchByWords } from "../services/entry-search.ts";

export const entrySearchRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/search",
    tags: ["entries"],
    security: bearerAuth,
    summary: "Search entries by their words, best match first",
    request: { query: SearchQuerySchema },
    responses: { 200: jsonResponse(SearchPageSchema, "Matching entries with highlighted snippets."), ...commonErrors },
  }),
  async (c) => c.json(await searchByWords(getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
);
