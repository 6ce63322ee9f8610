// Memories: search past entries by meaning, and On This Day.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { MemorySearchQuerySchema, MemorySearchSchema, OnThisDayQuerySchema, OnThisDaySchema } from "../schemas/memories.ts";
import { searchMemories } from "../services/memories.ts";
import { onThisDay } from "../services/on-this-day.ts";

export const memoryRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["memories"],
      security: bearerAuth,
      summary: "Find past entries by meaning as well as by words",
      description: "Ranked by a blend of embedding similarity and BM25. Crisis entries only with include=all.",
      request: { query: MemorySearchQuerySchema },
      responses: { 200: jsonResponse(MemorySearchSchema, "The closest entries, best first."), ...commonErrors },
    }),
    async (c) => c.json(await searchMemories(c.env, getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/on-this-day",
      tags: ["memories"],
      security: bearerAuth,
      summary: "Entries from this day in earlier years",
      description: "In the person's time zone. Leaves out crisis entries and the person's lowest days unless include=all.",
      request: { query: OnThisDayQuerySchema },
      responses: { 200: jsonResponse(OnThisDaySchema, "Earlier years' entries of the day, newest first."), ...commonErrors },
    }),
    async (c) => c.json(await onThisDay(getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
  );
