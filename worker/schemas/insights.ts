// Shapes of the insight routes, and of the JSON that insights and weekly summaries keep in D1 TEXT
// columns: each stored shape is parsed with its schema on every read.
import { z } from "@hono/zod-openapi";
import { DAY_MS } from "../lib/time-zone.ts";
import { InstantSchema } from "./common.ts";
import { SuggestedActionSchema } from "./journal.ts";

/** insights.sentiment_scores, ekman_scores and fine_scores: a score per label. */
export const StoredScoresSchema = z.record(z.string(), z.number());
/** insights.topics, questions, beliefs, challenges and action_items: lists of short texts. */
export const StoredTextListSchema = z.array(z.string());

export const InsightSchema = z
  .object({
    entry_id: z.string(),
    revision: z.number().int(),
    status: z.enum(["pending", "ready", "failed"]),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    sentiment: z.string().nullable(),
    primary_emotion: z.string().nullable(),
    sentiment_scores: StoredScoresSchema.nullable(),
    ekman_scores: StoredScoresSchema.nullable(),
    fine_scores: StoredScoresSchema.nullable(),
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

/** weekly_summaries.data: what the weekly job found, stored once per person and week. */
export const WeeklySummaryDataSchema = z.object({
  week_end: z.string(),
  entry_count: z.number().int(),
  arc: z.array(z.object({ date: z.string(), entries: z.number().int(), mean_valence: z.number().nullable(), dominant_emotion: z.string().nullable() })),
  emotions: z.record(z.string(), z.number()),
  helped: z.array(SuggestedActionSchema),
  recurring_topics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
});
export type WeeklySummaryData = z.infer<typeof WeeklySummaryDataSchema>;

export const WeeklySummarySchema = WeeklySummaryDataSchema.extend({ created_at: z.string() }).openapi("WeeklySummary");
export const WeeklySummariesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(52).default(12) });
export const WeeklySummariesSchema = z.object({ summaries: z.array(WeeklySummarySchema) });

const MAX_SPAN_MS = 400 * DAY_MS;

export const MoodQuerySchema = z
  .object({
    bucket: z.enum(["day", "week", "month"]).default("day"),
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: "'from' must be before 'to'.", path: ["from"] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_MS, { message: "The range can be at most 400 days.", path: ["to"] });
export type MoodQuery = z.output<typeof MoodQuerySchema>;

export const MoodSchema = z
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
