// The daily Cron Trigger: for each person who wrote in the last seven days and whose chosen weekday
// it is now (in their time zone), enqueue their weekly summary.
import { eq, gte } from "drizzle-orm";
import { getDb } from "../worker/db/client.ts";
import { entries, settings } from "../worker/db/schema.ts";
import { localDate, localWeekday, WEEK_MS } from "../worker/lib/time-zone.ts";
import type { WeeklySummaryJob } from "./messages.ts";

const SEND_BATCH = 100;

export async function enqueueWeeklySummaries(env: Env, scheduledTime: number): Promise<number> {
  const db = getDb(env);
  const writers = await db
    .selectDistinct({ userId: entries.userId, timezone: settings.timezone, day: settings.weeklySummaryDay })
    .from(entries)
    .innerJoin(settings, eq(settings.userId, entries.userId))
    .where(gte(entries.createdAt, scheduledTime - WEEK_MS));
  const jobs: WeeklySummaryJob[] = writers
    .filter((w) => localWeekday(scheduledTime, w.timezone) === w.day)
    .map((w) => ({ type: "weekly-summary", userId: w.userId, weekEnd: localDate(scheduledTime, w.timezone), until: scheduledTime }));
  for (let i = 0; i < jobs.length; i += SEND_BATCH) {
    await env.INSIGHT_JOBS.sendBatch(jobs.slice(i, i + SEND_BATCH).map((body) => ({ body })));
  }
  return jobs.length;
}
