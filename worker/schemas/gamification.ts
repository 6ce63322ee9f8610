// Shapes of the points, streaks and achievements route.
import { z } from "@hono/zod-openapi";

export const GamificationSchema = z
  .object({
    points: z.number().int(),
    streak: z.object({ current: z.number().int(), longest: z.number().int() }).nullable().openapi({ description: "null when streaks are switched off in settings." }),
    achievements: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), earned_at: z.string().nullable() })),
    recent: z.array(z.object({ points: z.number().int(), reason: z.string(), ref: z.string(), at: z.string() })),
  })
  .openapi("Gamification");
