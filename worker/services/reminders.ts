// The daily writing reminder: as a calendar file (works everywhere, no server needed), and by Web
// Push: subscriptions kept per browser, and the cron's round that sends to each person whose reminder
// time has come (in their time zone), once a day per browser. Push is on only when the VAPID secrets
// are set (README: "Reminders"); the calendar file needs none.
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { pushSubscriptions, settings } from "../db/schema.ts";
import { instantOfLocalTime, localDate } from "../lib/time-zone.ts";
import { reminderCalendar } from "../push/calendar.ts";
import { sendPush, type VapidKeys } from "../push/web-push.ts";
import type { PushSubscriptionJson } from "../schemas/reminders.ts";

/** The secrets `wrangler secret put` sets (and `npm run setup` writes to .dev.vars for local use). */
const VapidEnvSchema = z.object({
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{86,88}$/),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{42,44}$/),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:)/).default("mailto:reminders@tideline.invalid"),
});

export function vapidKeys(env: object): VapidKeys | null {
  const parsed = VapidEnvSchema.safeParse(env);
  if (!parsed.success) return null;
  return { publicKey: parsed.data.VAPID_PUBLIC_KEY, privateKey: parsed.data.VAPID_PRIVATE_KEY, subject: parsed.data.VAPID_SUBJECT };
}

/** The quarter-hourly cron in wrangler.toml's [triggers] that sends them (worker/index.ts). */
export const REMINDER_CRON = "*/15 * * * *";

/** A reminder is sent within this long after its time; a round that misses it does not send it late. */
export const REMINDER_WINDOW_MS = 30 * 60_000;

/** Keeps a browser's subscription for this person (a browser another person used before moves to them). */
export async function saveSubscription(db: Database, userId: string, subscription: PushSubscriptionJson, userAgent: string | null) {
  const values = { userId, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null };
  await db
    .insert(pushSubscriptions)
    .values({ endpoint: subscription.endpoint, ...values, createdAt: Date.now() })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
}

/** Answers whether this person had that subscription. */
export async function removeSubscription(db: Database, userId: string, endpoint: string): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, userId)))
    .returning({ endpoint: pushSubscriptions.endpoint });
  return removed.length > 0;
}

export async function subscriptionCount(db: Database, userId: string): Promise<number> {
  const rows = await db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return rows.length;
}

/** Whether a reminder set for `time` in `timeZone` is due at `now` and not yet sent today. */
export function reminderDue(now: number, time: string, timeZone: string, lastRemindedOn: string | null): string | null {
  const today = localDate(now, timeZone);
  if (lastRemindedOn === today) return null;
  const at = instantOfLocalTime(today, time, timeZone);
  return now >= at && now - at < REMINDER_WINDOW_MS ? today : null;
}

export const REMINDER_MESSAGE = {
  title: "Time to write",
  body: "A few minutes for yourself: how was today?",
  url: "/",
  tag: "tideline-daily-reminder",
} as const;

/** The cron's round: sends each due reminder, forgets subscriptions the push service says are gone. */
export async function sendDueReminders(env: object, db: Database, now: number): Promise<{ sent: number; gone: number; failed: number }> {
  const counts = { sent: 0, gone: 0, failed: 0 };
  const vapid = vapidKeys(env);
  if (!vapid) return counts;
  const rows = await db
    .select({
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
      lastRemindedOn: pushSubscriptions.lastRemindedOn,
      time: settings.reminderTime,
      timeZone: settings.timezone,
    })
    .from(pushSubscriptions)
    .innerJoin(settings, eq(settings.userId, pushSubscriptions.userId))
    .where(isNotNull(settings.reminderTime));
  for (const row of rows) {
    const today = row.time ? reminderDue(now, row.time, row.timeZone, row.lastRemindedOn) : null;
    if (!today) continue;
    const outcome = await sendPush({ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } }, REMINDER_MESSAGE, vapid).catch((err: unknown) => {
      console.warn("push: could not reach a push service", err instanceof Error ? err.message : err);
      return "failed" as const;
    });
    counts[outcome === "sent" ? "sent" : outcome === "gone" ? "gone" : "failed"]++;
    if (outcome === "gone") await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, row.endpoint));
    if (outcome === "sent") await db.update(pushSubscriptions).set({ lastRemindedOn: today }).where(eq(pushSubscriptions.endpoint, row.endpoint));
  }
  return counts;
}

/** The person's reminder as an .ics file, or null when they have not set a reminder time. */
export async function reminderCalendarFile(db: Database, userId: string, appUrl: string, now = Date.now()): Promise<string | null> {
  const row = await db.query.settings.findFirst({ where: eq(settings.userId, userId), columns: { reminderTime: true, timezone: true } });
  if (!row?.reminderTime) return null;
  return reminderCalendar({
    time: row.reminderTime,
    timeZone: row.timezone,
    startDate: localDate(now, row.timezone),
    uid: `daily-reminder-${userId}@tideline`,
    appUrl,
    now,
  });
}
