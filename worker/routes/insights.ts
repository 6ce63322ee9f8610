// Reading insights: one entry's deep insight with its status, and the weekly summaries.
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import type { AppBindings } from "../lib/context.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, IdParamSchema, jsonResponse, notFoundError } from "../schemas/common.ts";
import { InsightSchema, MoodQuerySchema, MoodSchema, WeeklySummariesQuerySchema, WeeklySummariesSchema } from "../schemas/insights.ts";
import { entryInsight, weeklySummaryViews } from "../services/insights.ts";
import { moodForQuery } from "../services/mood-analytics.ts";

/** An entry's insight; also at `/insights`, the path Reflekt's clients call, with the same answer. */
const entryInsightRoute = <P extends "/entries/{id}/insight" | "/entries/{id}/insights">(path: P, summary: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["insights"],
    security: bearerAuth,
    summary,
    request: { params: IdParamSchema },
    responses: { 200: jsonResponse(InsightSchema, "The insight."), ...commonErrors, ...notFoundError },
  });

const readEntryInsight: RouteHandler<ReturnType<typeof entryInsightRoute<"/entries/{id}/insight">>, AppBindings> = async (c) =>
  c.json(await entryInsight(getDb(c.env), c.get("user").id, c.req.valid("param").id), 200);

export const insightRoutes = createRouter()
  .openapi(entryInsightRoute("/entries/{id}/insight", "An entry's deep insight and its status (pending, ready, failed)"), readEntryInsight)
  .openapi(entryInsightRoute("/entries/{id}/insights", "The same as /entries/{id}/insight (the path Reflekt's clients use)"), readEntryInsight)
  .openapi(
    createRoute({
      method: "get",
      path: "/insights/mood",
      tags: ["insights"],
      security: bearerAuth,
      summary: "Mood over time by day, week or month (in your time zone), with the emotion distribution",
      request: { query: MoodQuerySchema },
      responses: { 200: jsonResponse(MoodSchema, "Mood over time."), ...commonErrors },
    }),
    async (c) => c.json(await moodForQuery({ env: c.env, accountChecked: c.get("account") }, getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/insights/weekly",
      tags: ["insights"],
      security: bearerAuth,
      summary: "Weekly summaries, newest first",
      request: { query: WeeklySummariesQuerySchema },
      responses: { 200: jsonResponse(WeeklySummariesSchema, "Weekly summaries."), ...commonErrors },
    }),
    async (c) => c.json({ summaries: await weeklySummaryViews(getDb(c.env), c.get("user").id, c.req.valid("query").limit) }, 200),
  );
