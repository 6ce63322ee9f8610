// Points, levels, streaks and achievements, as a person sees them.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { AchievementListSchema, GamificationSchema, GamificationStatsSchema, TransactionPageSchema, TransactionsQuerySchema } from "../schemas/gamification.ts";
import { achievementList, gamificationStats, gamificationSummary, transactionPage } from "../services/gamification.ts";

export const gamificationRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["gamification"],
      security: bearerAuth,
      summary: "Points, the writing streak and achievements",
      responses: { 200: jsonResponse(GamificationSchema, "The summary."), ...commonErrors },
    }),
    async (c) => c.json(await gamificationSummary(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/stats",
      tags: ["gamification"],
      security: bearerAuth,
      summary: "Points, level and progress to the next, and the streak with its forgiven day",
      responses: { 200: jsonResponse(GamificationStatsSchema, "Where the person stands."), ...commonErrors },
    }),
    async (c) => c.json(await gamificationStats(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/transactions",
      tags: ["gamification"],
      security: bearerAuth,
      summary: "The points ledger, newest first, in cursor pages",
      request: { query: TransactionsQuerySchema },
      responses: { 200: jsonResponse(TransactionPageSchema, "One page of awards."), ...commonErrors },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid("query");
      return c.json(await transactionPage(getDb(c.env), c.get("user").id, cursor, limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/achievements",
      tags: ["gamification"],
      security: bearerAuth,
      summary: "Every achievement: earned with its date, or its criterion and progress",
      responses: { 200: jsonResponse(AchievementListSchema, "All achievements."), ...commonErrors },
    }),
    async (c) => c.json(await achievementList(getDb(c.env), c.get("user").id), 200),
  );
