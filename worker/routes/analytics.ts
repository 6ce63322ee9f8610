// Analytics over the whole history (/api/analytics/*): mood over time, the year in pixels, the
// summary, the trends of the last 30 days, the transition matrix, and what activities and people
// come with better or worse days. Each handler validates, calls a service, and answers.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import {
  ActivitiesQuerySchema,
  ActivitiesSchema,
  CalendarQuerySchema,
  CalendarSchema,
  MoodQuerySchema,
  MoodSchema,
  SummaryQuerySchema,
  SummarySchema,
  TransitionsSchema,
  TrendsSchema,
} from "../schemas/analytics.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { analyticsCalendar, analyticsSummary, analyticsTransitions, analyticsTrends } from "../services/analytics.ts";
import { analyticsEffects } from "../services/analytics-effects.ts";
import { moodForQuery } from "../services/mood-analytics.ts";

const tags = ["analytics"];
const security = bearerAuth;

export const analyticsRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/mood",
      tags,
      security,
      summary: "Mood over time by day, week or month (in your time zone), with the emotion distribution (also at /api/insights/mood)",
      request: { query: MoodQuerySchema },
      responses: { 200: jsonResponse(MoodSchema, "Mood over time."), ...commonErrors },
    }),
    async (c) => c.json(await moodForQuery({ env: c.env, accountChecked: c.get("account") }, getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calendar",
      tags,
      security,
      summary: "The year in pixels: each local day of a calendar year with an entry, its mean valence and dominant emotion",
      request: { query: CalendarQuerySchema },
      responses: { 200: jsonResponse(CalendarSchema, "One value per day written."), ...commonErrors },
    }),
    async (c) => c.json(await analyticsCalendar({ env: c.env, accountChecked: c.get("account") }, getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/summary",
      tags,
      security,
      summary: "Entries, words, writing days, average length, and the top topics, tags, activities and people",
      request: { query: SummaryQuerySchema },
      responses: { 200: jsonResponse(SummarySchema, "The whole history in figures."), ...commonErrors },
    }),
    async (c) => c.json(await analyticsSummary({ env: c.env, accountChecked: c.get("account") }, getDb(c.env), c.get("user").id, c.req.valid("query").limit), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/trends",
      tags,
      security,
      summary: "What changed in the last 30 days against the 90 before them, in words and numbers",
      responses: { 200: jsonResponse(TrendsSchema, "The two windows and the changes worth naming."), ...commonErrors },
    }),
    async (c) => c.json(await analyticsTrends(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/transitions",
      tags,
      security,
      summary: "The emotional graph's transition matrix (which emotion followed which), for a heatmap",
      responses: { 200: jsonResponse(TransitionsSchema, "Counts and row probabilities."), ...commonErrors },
    }),
    async (c) => c.json(await analyticsTransitions(c.env, c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/activities",
      tags,
      security,
      summary: "For each activity and person: mean valence of the days with it against your other days, with a 95% interval",
      request: { query: ActivitiesQuerySchema },
      responses: { 200: jsonResponse(ActivitiesSchema, "Effects, most frequent first; the method is described in the answer."), ...commonErrors },
    }),
    async (c) => c.json(await analyticsEffects({ env: c.env, accountChecked: c.get("account") }, getDb(c.env), c.get("user").id, c.req.valid("query").limit), 200),
  );
