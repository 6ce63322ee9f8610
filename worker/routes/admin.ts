// Administration of background jobs: see the insights that failed and send them round again.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { FailedJobsQuerySchema, FailedJobsSchema, RetryJobsBodySchema, RetryJobsResultSchema } from "../schemas/admin.ts";
import { bearerAuth, commonErrors, forbiddenError, jsonBody, jsonResponse } from "../schemas/common.ts";
import { retryFailedInsights } from "../services/insight-jobs.ts";
import { failedInsightJobs } from "../services/insights.ts";

export const adminRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/jobs/failed",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Insights whose analysis failed after every retry (administrators only)",
      request: { query: FailedJobsQuerySchema },
      responses: { 200: jsonResponse(FailedJobsSchema, "Failed jobs, newest first."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => c.json({ jobs: await failedInsightJobs(getDb(c.env), c.req.valid("query").limit) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/jobs/retry",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Send failed analyses round again (all of them, or the listed entries)",
      request: { body: jsonBody(RetryJobsBodySchema) },
      responses: { 200: jsonResponse(RetryJobsResultSchema, "How many jobs were sent."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => c.json({ requeued: await retryFailedInsights(c.env, getDb(c.env), c.req.valid("json").entry_ids) }, 200),
  );
