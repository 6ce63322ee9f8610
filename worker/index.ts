// The Worker's entry point: HTTP goes to the Hono app, queue batches to their consumers, the daily
// cron to the weekly-summary scheduler and the clean-up of spent idempotency keys, expired refresh
// tokens and running totals left at zero, the quarter-hourly cron to the push reminders; the Durable Object class is exported for the
// runtime.
import { consumeQueue } from "../queues/consumer.ts";
import { pruneExpiredRefreshTokens } from "./auth/refresh-tokens.ts";
import { enqueueWeeklySummaries } from "../queues/schedule-weekly.ts";
import app from "./app.ts";
import { getDb } from "./db/client.ts";
import { pruneEmptyRollups } from "./services/analytics.ts";
import { pruneIdempotencyKeys } from "./services/idempotency.ts";
import { REMINDER_CRON, sendDueReminders } from "./services/reminders.ts";

export { EmotionalGraph } from "../durable-objects/emotional-graph.ts";
export type { AppType } from "./app.ts";

const handler: Required<Pick<ExportedHandler<Env>, "fetch" | "queue" | "scheduled">> = {
  fetch: app.fetch,
  queue: consumeQueue,
  async scheduled(controller, env, ctx) {
    if (controller.cron === REMINDER_CRON) {
      ctx.waitUntil(sendDueReminders(env, getDb(env), controller.scheduledTime));
      return;
    }
    ctx.waitUntil(enqueueWeeklySummaries(env, controller.scheduledTime));
    ctx.waitUntil(pruneIdempotencyKeys(getDb(env), controller.scheduledTime));
    ctx.waitUntil(pruneExpiredRefreshTokens(getDb(env), controller.scheduledTime));
    ctx.waitUntil(pruneEmptyRollups(getDb(env)));
  },
};

export default handler;
