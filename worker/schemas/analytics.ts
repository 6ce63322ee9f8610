// Shapes of the analytics routes (/api/analytics/*): their queries, validated at the boundary, and
// their answers. Types elsewhere are inferred from these, never written again.
import { z } from "@hono/zod-openapi";
import { EmotionQuerySchema as Emotion } from "./journal.ts";

export { MoodQuerySchema, MoodSchema } from "./insights.ts";

/** The years a calendar can be asked for (entries are dated from 1970; see InstantSchema). */
const FIRST_YEAR = 1970;
const LAST_YEAR = 9998;

export const CalendarQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, "Give a four-digit year.")
    .transform(Number)
    .pipe(z.number().int().min(FIRST_YEAR, `A year from ${FIRST_YEAR}.`).max(LAST_YEAR, `A year up to ${LAST_YEAR}.`))
    .optional()
    .openapi({ type: "string", example: "2026", description: "The calendar year, in your time zone; this year when left out." }),
});
export type CalendarQuery = z.output<typeof CalendarQuerySchema>;

export const CalendarSchema = z
  .object({
    year: z.number().int(),
    time_zone: z.string(),
    days: z.array(
      z.object({
        date: z.string().openapi({ example: "2026-03-14" }),
        entries: z.number().int(),
        mean_valence: z.number().nullable(),
        dominant_emotion: z.string().nullable(),
      }),
    ),
    days_written: z.number().int(),
  })
  .openapi("YearInPixels");

const RankedSchema = z.object({ name: z.string(), count: z.number().int() });

export const SummaryQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(25).default(8) });
export const SummarySchema = z
  .object({
    time_zone: z.string(),
    entries: z.number().int(),
    words: z.number().int(),
    writing_days: z.number().int().openapi({ description: "Local days with at least one entry." }),
    average_words: z.number().nullable().openapi({ description: "Words per entry." }),
    first_entry_at: z.string().nullable(),
    last_entry_at: z.string().nullable(),
    mean_valence: z.number().nullable(),
    top_topics: z.array(RankedSchema).openapi({ description: "Topics of analysed entries (crisis entries left out), by entries." }),
    top_tags: z.array(RankedSchema),
    top_activities: z.array(RankedSchema),
    top_people: z.array(RankedSchema),
  })
  .openapi("AnalyticsSummary");

const WindowSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  entries: z.number().int(),
  writing_days: z.number().int(),
  words: z.number().int(),
  mean_valence: z.number().nullable(),
  emotions: z.record(z.string(), z.number().int()).openapi({ description: "Entries by primary emotion." }),
});
export type TrendWindow = z.infer<typeof WindowSchema>;

export const TrendChangeSchema = z.object({
  key: z.string().openapi({ example: "emotion:sadness" }),
  kind: z.enum(["frequency", "length", "mood", "emotion", "activity"]),
  direction: z.enum(["up", "down"]),
  before: z.number(),
  after: z.number(),
  unit: z.enum(["per_week", "words", "valence", "share"]),
  text: z.string().openapi({ example: "Sadness came up less (18% → 9% of entries)." }),
});
export type TrendChange = z.infer<typeof TrendChangeSchema>;

export const TrendsSchema = z
  .object({
    recent: WindowSchema.openapi({ description: "The last 30 days." }),
    previous: WindowSchema.openapi({ description: "The 90 days before them." }),
    enough_history: z.boolean().openapi({ description: "False until both windows hold entries: then changes is empty." }),
    changes: z.array(TrendChangeSchema),
  })
  .openapi("AnalyticsTrends");

export const TransitionsSchema = z
  .object({
    emotions: z.array(Emotion).openapi({ description: "Row and column order of the matrix." }),
    counts: z.array(z.array(z.number().int())).openapi({ description: "counts[i][j]: times emotions[i] was followed by emotions[j]." }),
    probabilities: z.array(z.array(z.number())).openapi({ description: "Each row's counts over its total (0 where a row is empty)." }),
    totals: z.array(z.number().int()).openapi({ description: "Transitions out of each emotion." }),
    total_transitions: z.number().int(),
  })
  .openapi("TransitionMatrix");

export const EffectSchema = z.object({
  days: z.number().int().openapi({ description: "Local days with it." }),
  other_days: z.number().int().openapi({ description: "The person's other days with an entry." }),
  mean_with: z.number().nullable(),
  mean_without: z.number().nullable(),
  difference: z.number().nullable().openapi({ description: "mean_with − mean_without, in valence (−1 … 1)." }),
  interval: z
    .object({ low: z.number(), high: z.number() })
    .nullable()
    .openapi({ description: "Welch's 95% confidence interval for the difference; null below two days on either side." }),
  enough: z.boolean().openapi({ description: "At least min_days on both sides: below that, too few days to tell." }),
  clear: z.boolean().openapi({ description: "Enough days, and the interval leaves out zero." }),
});
export type Effect = z.infer<typeof EffectSchema>;

export const ActivitiesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });
export const ActivitiesSchema = z
  .object({
    time_zone: z.string(),
    min_days: z.number().int(),
    method: z.string().openapi({ description: "How the figures are computed, in words." }),
    baseline: z.object({ days: z.number().int(), mean_valence: z.number().nullable() }),
    activities: z.array(EffectSchema.extend({ name: z.string() })),
    people: z.array(EffectSchema.extend({ name: z.string() })),
  })
  .openapi("ActivityEffects");
