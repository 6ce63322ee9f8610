// Shapes of the points, levels, streaks and achievements routes.
import { z } from "@hono/zod-openapi";

const AchievementSummarySchema = z.object({ code: z.string(), title: z.string(), description: z.string(), earned_at: z.string().nullable() });

export const GamificationSchema = z
  .object({
    points: z.number().int(),
    streak: z.object({ current: z.number().int(), longest: z.number().int() }).nullable().openapi({ description: "null when streaks are switched off in settings." }),
    achievements: z.array(AchievementSummarySchema),
    recent: z.array(z.object({ points: z.number().int(), reason: z.string(), ref: z.string(), at: z.string() })),
  })
  .openapi("Gamification");

export const LevelSchema = z
  .object({
    level: z.number().int().openapi({ description: "Level n+1 begins 100·n points after level n: 100 for level 2, 300 for 3, 600 for 4, 1,000 for 5." }),
    current_level_at: z.number().int(),
    next_level_at: z.number().int(),
    points_into_level: z.number().int(),
    points_to_next: z.number().int(),
    progress: z.number().min(0).max(1).openapi({ description: "How far through this level, 0 to 1." }),
  })
  .openapi("Level");

export const GamificationStatsSchema = z
  .object({
    points: z.number().int(),
    level: LevelSchema,
    streak: z
      .object({
        current: z.number().int().openapi({ description: "Days written in the current run; one missed day a calendar week is forgiven (and not counted)." }),
        longest: z.number().int(),
        wrote_today: z.boolean(),
        forgiven_this_week: z.string().nullable().openapi({ description: "The missed day (YYYY-MM-DD, the person's time zone) forgiven this week, or null.", example: "2026-11-24" }),
        note: z.string().nullable().openapi({ example: "Streak kept: you missed Tuesday, and one day a week is forgiven." }),
      })
      .nullable()
      .openapi({ description: "null when streaks are switched off in settings." }),
  })
  .openapi("GamificationStats");

export const AchievementListSchema = z
  .object({
    achievements: z.array(
      AchievementSummarySchema.extend({
        progress: z
          .object({ current: z.number().int(), target: z.number().int() })
          .nullable()
          .openapi({ description: "How far along an unearned, countable achievement is; null once earned or when it is not a count." }),
      }),
    ),
    earned: z.number().int(),
    total: z.number().int(),
  })
  .openapi("AchievementList");

export const TransactionsQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const TransactionPageSchema = z
  .object({
    transactions: z.array(
      z.object({
        id: z.string(),
        points: z.number().int(),
        reason: z.string().openapi({ description: "entry-analysed, suggestion-tried, goal-completed or achievement." }),
        ref: z.string().openapi({ description: "The entry, goal or achievement code the points were for." }),
        achievement: z.string().nullable().openapi({ description: "The achievement's title, when the points were its bonus." }),
        at: z.string(),
      }),
    ),
    next_cursor: z.string().nullable(),
  })
  .openapi("TransactionPage");
