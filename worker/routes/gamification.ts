// Points, streaks and achievements, as a person sees them.
import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { gamificationSummary } from "../services/gamification.ts";

const SummarySchema = z
  .object({
    points: z.number().int(),
    streak: z.object({ current: z.number().int(), longest: z.number().int() }).nullable().openapi({ description: "null when streaks are switched off in settings." }),
    achievements: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), earned_at: z.string().nullable() })),
    recent: z.array(z.object({ points: z.number().int(), reason: z.string(), ref: z.string(), at: z.string() })),
  })
  .openapi("Gamification");

export const gamificationRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["gamification"],
    security: bearerAuth,
    summary: "Points, the writing streak and achievements",
    responses: { 200: jsonResponse(SummarySchema, "The summary."), ...commonErrors },
  }),
  async (c) => c.json(await gamificationSummary(getDb(c.env), c.get("user").id), 200),
);
