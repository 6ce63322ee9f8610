// Reading insights: one entry's deep insight with its status, and the weekly summaries.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import type { WeeklySummaryData } from "../../queues/weekly-summary.ts";
import { getDb } from "../db/client.ts";
import { entries, insights, weeklySummaries } from "../db/schema.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, IdParamSchema, InstantSchema, jsonResponse, notFoundError } from "../schemas/common.ts";
import { SuggestedActionSchema } from "../schemas/journal.ts";
import { toInsightView } from "../services/insights.ts";
import { DEFAULT_SPAN_DAYS, moodOverTime } from "../services/mood-analytics.ts";

const Scores = z.record(z.string(), z.number()).nullable();
const InsightSchema = z
  .object({
    entry_id: z.string(),
    revision: z.number().int(),
    status: z.enum(["pending", "ready", "failed"]),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    sentiment: z.string().nullable(),
    primary_emotion: z.string().nullable(),
    sentiment_scores: Scores,
    ekman_scores: Scores,
    fine_scores: Scores,
    topics: z.array(z.string()),
    summary: z.string().nullable(),
    questions: z.array(z.string()),
    beliefs: z.array(z.string()),
    challenges: z.array(z.string()),
    action_items: z.array(z.string()),
    error: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi("Insight");

const WeeklySummarySchema = z
  .object({
    week_end: z.string(),
    entry_count: z.number().int(),
    arc: z.array(z.object({ date: z.string(), entries: z.number().int(), mean_valence: z.number().nullable(), dominant_emotion: z.string().nullable() })),
    emotions: z.record(z.string(), z.number()),
    helped: z.array(SuggestedActionSchema),
    recurring_topics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
    created_at: z.string(),
  })
  .openapi("WeeklySummary");

const MoodQuerySchema = z
  .object({
    bucket: z.enum(["day", "week", "month"]).default("day"),
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: "'from' must be before 'to'.", path: ["from"] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_MS, { message: "The range can be at most 400 days.", path: ["to"] });

const MoodSchema = z
  .object({
    bucket: z.enum(["day", "week", "month"]),
    time_zone: z.string(),
    from: z.string(),
    to: z.string(),
    points: z.array(
      z.object({
        period: z.string(),
        entries: z.number().int(),
        mean_valence: z.number().nullable(),
        dominant_emotion: z.string().nullable(),
        emotions: z.record(z.string(), z.number()),
      }),
    ),
    distribution: z.record(z.string(), z.number()),
    totals: z.object({
      entries: z.number().int(),
      mean_valence: z.number().nullable(),
      positive_share: z.number().nullable(),
      active_periods: z.number().int(),
    }),
  })
  .openapi("MoodOverTime");

const MAX_SPAN_MS = 400 * 86_400_000;

export const insightRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/entries/{id}/insight",
      tags: ["insights"],
      security: bearerAuth,
      summary: "An entry's deep insight and its status (pending, ready, failed)",
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(InsightSchema, "The insight."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id } = c.req.valid("param");
      const entry = await db.query.entries.findFirst({ where: and(eq(entries.id, id), eq(entries.userId, userId)), columns: { id: true } });
      if (!entry) throw notFound("entry");
      const row = await db.query.insights.findFirst({ where: and(eq(insights.entryId, id), eq(insights.userId, userId)) });
      if (!row) throw new ApiError(404, "insight_not_found", "This entry has no insight: AI analysis was off when it was written.");
      return c.json(toInsightView(row), 200);
    },
  )
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
    async (c) => {
      const { bucket, from, to } = c.req.valid("query");
      const end = to ? Date.parse(to) : Date.now();
      const start = from ? Date.parse(from) : end - DEFAULT_SPAN_DAYS[bucket] * 86_400_000;
      return c.json(await moodOverTime(getDb(c.env), c.get("user").id, bucket, start, end), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/insights/weekly",
      tags: ["insights"],
      security: bearerAuth,
      summary: "Weekly summaries, newest first",
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(52).default(12) }) },
      responses: { 200: jsonResponse(z.object({ summaries: z.array(WeeklySummarySchema) }), "Weekly summaries."), ...commonErrors },
    }),
    async (c) => {
      const rows = await getDb(c.env)
        .select()
        .from(weeklySummaries)
        .where(eq(weeklySummaries.userId, c.get("user").id))
        .orderBy(desc(weeklySummaries.weekEnd))
        .limit(c.req.valid("query").limit);
      return c.json(
        { summaries: rows.map((r) => ({ ...(JSON.parse(r.data) as WeeklySummaryData), created_at: new Date(r.createdAt).toISOString() })) },
        200,
      );
    },
  );
