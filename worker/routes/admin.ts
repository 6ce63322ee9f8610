// Administration of background jobs: see the insights that failed and send them round again.
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { entries, insights } from "../db/schema.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, forbiddenError, jsonBody, jsonResponse } from "../schemas/common.ts";

const FailedJobSchema = z
  .object({ entry_id: z.string(), user_id: z.string(), revision: z.number().int(), error: z.string().nullable(), attempts: z.number().int(), failed_at: z.string() })
  .openapi("FailedJob");

export const adminRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/jobs/failed",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Insights whose analysis failed after every retry (administrators only)",
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }) },
      responses: { 200: jsonResponse(z.object({ jobs: z.array(FailedJobSchema) }), "Failed jobs, newest first."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => {
      const rows = await getDb(c.env)
        .select()
        .from(insights)
        .where(eq(insights.status, "failed"))
        .orderBy(desc(insights.updatedAt))
        .limit(c.req.valid("query").limit);
      return c.json(
        {
          jobs: rows.map((r) => ({
            entry_id: r.entryId,
            user_id: r.userId,
            revision: r.revision,
            error: r.error,
            attempts: r.attempts,
            failed_at: new Date(r.updatedAt).toISOString(),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/jobs/retry",
      tags: ["admin"],
      security: bearerAuth,
      summary: "Send failed analyses round again (all of them, or the listed entries)",
      request: {
        body: jsonBody(z.object({ entry_ids: z.array(z.uuid()).min(1).max(90).optional() }).openapi("RetryJobsBody")),
      },
      responses: { 200: jsonResponse(z.object({ requeued: z.number().int() }), "How many jobs were sent."), ...commonErrors, ...forbiddenError },
    }),
    async (c) => {
      const db = getDb(c.env);
      const { entry_ids } = c.req.valid("json");
      const failed = await db
        .select({ entryId: insights.entryId, userId: insights.userId, revision: entries.revision })
        .from(insights)
        .innerJoin(entries, eq(entries.id, insights.entryId))
        .where(and(eq(insights.status, "failed"), entry_ids ? inArray(insights.entryId, entry_ids) : undefined))
        .limit(100);
      if (failed.length === 0) return c.json({ requeued: 0 }, 200);
      const now = Date.now();
      const [first, ...rest] = failed.map((f) =>
        db
          .update(insights)
          .set({ status: "pending", revision: f.revision, attempts: 0, error: null, updatedAt: now })
          .where(and(eq(insights.entryId, f.entryId), eq(insights.status, "failed"))),
      );
      await db.batch([first!, ...rest]);
      await c.env.INSIGHT_JOBS.sendBatch(
        failed.map((f) => ({ body: { type: "analyze-entry" as const, entryId: f.entryId, userId: f.userId, revision: f.revision } })),
      );
      return c.json({ requeued: failed.length }, 200);
    },
  );
