// Points, streaks and achievements, as a person sees them.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { GamificationSchema } from "../schemas/gamification.ts";
import { gamificationSummary } from "../services/gamification.ts";

export const gamificationRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["gamification"],
    security: bearerAuth,
    summary: "Points, the writing streak and achievements",
    responses: { 200: jsonResponse(GamificationSchema, "The summary."), ...commonErrors },
  }),
  async (c) => c.json(await gamificationSummary(getDb(c.env), c.get("user").id), 200),
);
