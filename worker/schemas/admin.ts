// Shapes of the administrators' routes: failed jobs, accounts and service-wide counts.
import { z } from "@hono/zod-openapi";

export const FailedJobSchema = z
  .object({ entry_id: z.string(), user_id: z.string(), revision: z.number().int(), error: z.string().nullable(), attempts: z.number().int(), failed_at: z.string() })
  .openapi("FailedJob");

export const FailedJobsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
export const FailedJobsSchema = z.object({ jobs: z.array(FailedJobSchema) });

export const RetryJobsBodySchema = z.object({ entry_ids: z.array(z.uuid()).min(1).max(90).optional() }).openapi("RetryJobsBody");
export const RetryJobsResultSchema = z.object({ requeued: z.number().int() });

// Operators' view of accounts and of the whole service: never a word of anyone's journal (no entry
// text, titles, tags or moods), only counts and times.
export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    created_at: z.string(),
    last_active_at: z.string().nullable().openapi({ description: "The later of the last entry and the last sign-in or session refresh." }),
    entry_count: z.number().int(),
    disabled: z.boolean(),
    disabled_at: z.string().nullable(),
  })
  .openapi("AdminUser");

export const AdminUsersQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const AdminUsersPageSchema = z.object({ users: z.array(AdminUserSchema), next_cursor: z.string().nullable() }).openapi("AdminUsersPage");

export const AdminStatsSchema = z
  .object({
    people: z.number().int(),
    entries: z.number().int(),
    jobs: z.object({
      waiting: z.number().int().openapi({ description: "Insights pending analysis." }),
      failed: z.number().int().openapi({ description: "Pending insights whose analysis failed at least once and is being retried." }),
      dead_lettered: z.number().int().openapi({ description: "Insights the dead-letter queue gave up on (status failed)." }),
      median_age_ms: z.number().int().nullable().openapi({ description: "Median time since the waiting jobs were queued or last tried; null when none wait." }),
    }),
  })
  .openapi("AdminStats");
