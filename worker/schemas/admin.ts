// Shapes of the administrators' job routes.
import { z } from "@hono/zod-openapi";

export const FailedJobSchema = z
  .object({ entry_id: z.string(), user_id: z.string(), revision: z.number().int(), error: z.string().nullable(), attempts: z.number().int(), failed_at: z.string() })
  .openapi("FailedJob");

export const FailedJobsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
export const FailedJobsSchema = z.object({ jobs: z.array(FailedJobSchema) });

export const RetryJobsBodySchema = z.object({ entry_ids: z.array(z.uuid()).min(1).max(90).optional() }).openapi("RetryJobsBody");
export const RetryJobsResultSchema = z.object({ requeued: z.number().int() });
