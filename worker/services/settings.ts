// A person's settings: one row each, made at sign-up (and here too, so older accounts keep working).
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../db/client.ts";
import { settings } from "../db/schema.ts";
import { DEFAULT_TIME_ZONE } from "../lib/time-zone.ts";
import type { SettingsUpdateSchema, SettingsViewSchema } from "../schemas/settings.ts";
import { effectiveCountry } from "./safety.ts";
import { followZone } from "./zone-days.ts";

export async function readSettings(db: Database, userId: string): Promise<z.infer<typeof SettingsViewSchema>> {
  // The row as stored, made with its defaults the first time: one statement, never a second read.
  const [row] = await db
    .insert(settings)
    .values({ userId, updatedAt: Date.now() })
    .onConflictDoUpdate({ target: settings.userId, set: { userId: sql`excluded.user_id` } })
    .returning();
  if (!row) throw new Error("settings: the upsert answered no row");
  return {
    timezone: row.timezone,
    theme: row.theme,
    reminder_time: row.reminderTime,
    ai_analysis: row.aiAnalysis,
    private_by_default: row.privateByDefault,
    weekly_summary_day: row.weeklySummaryDay,
    streaks_enabled: row.streaksEnabled,
    country: row.country,
    effective_country: effectiveCountry(row),
  };
}

/**
 * Changes the fields sent (undefined = unchanged; a null country follows the time zone again). A new
 * time zone also moves the entries' days in the analytics' running totals (in the background).
 */
export async function updateSettings(env: Pick<Env, "INSIGHT_JOBS">, db: Database, userId: string, body: z.infer<typeof SettingsUpdateSchema>) {
  await readSettings(db, userId);
  await db
    .update(settings)
    .set({
      timezone: body.timezone,
      theme: body.theme,
      reminderTime: body.reminder_time,
      aiAnalysis: body.ai_analysis,
      privateByDefault: body.private_by_default,
      weeklySummaryDay: body.weekly_summary_day,
      streaksEnabled: body.streaks_enabled,
      country: body.country,
      updatedAt: Date.now(),
    })
    .where(eq(settings.userId, userId));
  if (body.timezone !== undefined) await followZone(env, db, userId, body.timezone);
  return readSettings(db, userId);
}

/**
 * What day-based features need of a person's settings: their time zone (the days, weeks and months
 * they live in) and whether they keep streaks. One indexed read; an account without a settings row
 * yet gets the defaults.
 */
export async function calendarSettings(db: Database, userId: string): Promise<{ timeZone: string; streaksEnabled: boolean }> {
  const row = await db.query.settings.findFirst({ where: eq(settings.userId, userId), columns: { timezone: true, streaksEnabled: true } });
  return { timeZone: row?.timezone ?? DEFAULT_TIME_ZONE, streaksEnabled: row?.streaksEnabled ?? true };
}
