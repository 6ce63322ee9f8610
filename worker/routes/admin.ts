// Administration without reading anyone's journal: failed analyses (see them, send them round again),
// accounts (list, disable, enable) and service-wide counts.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import {
  AdminStatsSchema,
  AdminUserSchema,
  AdminUsersPageSchema,
  AdminUsersQuerySchema,
  FailedJobsQuerySchema,
  FailedJobsSchema,
  RetryJobsBodySchema,
  RetryJobsResultSchema,
} from "../schemas/admin.ts";
import { bearerAuth, commonErrors, conflictError, forbiddenError, IdParamSchema, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import { adminStats, adminUserPage, setAccountDisabled } from "../services/admin.ts";
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
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Accounts, newest first: email, times, entry count, disabled (never anything they wrote)",
      request: { query: AdminUsersQuerySchema },
      responses: { 200: jsonResponse(AdminUsersPageSchema, "A page of accounts."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => c.json(await adminUserPage(getDb(c.env), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/disable",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Disable an account: no sign-in or refresh, and its access tokens stop working at once",
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(AdminUserSchema, "The account."), ...commonErrors, ...forbiddenError, ...notFoundError, ...conflictError },
    }),
    async (c) => c.json(await setAccountDisabled(getDb(c.env), c.get("user").id, c.req.valid("param").id, true), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/enable",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Enable a disabled account again",
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(AdminUserSchema, "The account."), ...commonErrors, ...forbiddenError, ...notFoundError },
    }),
    async (c) => c.json(await setAccountDisabled(getDb(c.env), c.get("user").id, c.req.valid("param").id, false), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/stats",
      tags: ["admin"],
      security: bearerAuth,
      summary: "People, entries and the analysis queue: waiting, failed, dead-lettered, median job age",
      responses: { 200: jsonResponse(AdminStatsSchema, "Service-wide counts."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => c.json(await adminStats(getDb(c.env)), 200),
  );
