// Points, streaks and achievements. Every award goes through one idempotent insert keyed by
// (user, reason, ref), so retries and duplicate deliveries never pay twice; achievements are earned
// once and pay a bonus once. A person's open tabs hear about each award.
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { achievements, entries, goals, pointTransactions, replies, userPoints } from "../db/schema.ts";
import { DAY_MS, localDate, shiftDay, startsOfLocalDays } from "../lib/time-zone.ts";
import { graphFor } from "./graph.ts";
import { calendarSettings } from "./settings.ts";

export const POINTS = {
  "entry-analysed": 10,
  "suggestion-tried": 5,
  "goal-completed": 50,
  achievement: 25,
} as const;
export type AwardReason = keyof typeof POINTS;

interface Stats {
  /** Counted up to the largest threshold an achievement asks for (100), no further. */
  entries: number;
  currentStreak: number;
  longestStreak: number;
  tried: number;
  goalsCompleted: number;
  streaksEnabled: boolean;
}

export const ACHIEVEMENTS: { code: string; title: string; description: string; earned: (s: Stats) => boolean }[] = [
  { code: "first-entry", title: "First page", description: "Wrote your first entry.", earned: (s) => s.entries >= 1 },
  { code: "ten-entries", title: "Finding a rhythm", description: "Wrote 10 entries.", earned: (s) => s.entries >= 10 },
  { code: "fifty-entries", title: "Well kept", description: "Wrote 50 entries.", earned: (s) => s.entries >= 50 },
  { code: "hundred-entries", title: "A hundred pages", description: "Wrote 100 entries.", earned: (s) => s.entries >= 100 },
  { code: "streak-3", title: "Three days running", description: "Wrote three days in a row.", earned: (s) => s.streaksEnabled && s.longestStreak >= 3 },
  { code: "streak-7", title: "A whole week", description: "Wrote seven days in a row.", earned: (s) => s.streaksEnabled && s.longestStreak >= 7 },
  { code: "streak-30", title: "A month of pages", description: "Wrote thirty days in a row.", earned: (s) => s.streaksEnabled && s.longestStreak >= 30 },
  { code: "first-try", title: "Giving it a go", description: "Tried a suggested action.", earned: (s) => s.tried >= 1 },
  { code: "first-goal", title: "Goal reached", description: "Completed a goal.", earned: (s) => s.goalsCompleted >= 1 },
];

const STREAK_WINDOW_DAYS = 400;

/** Current and longest run of consecutive days with an entry, in the person's time zone. */
export function streaksOf(dates: Set<string>, today: string): { current: number; longest: number } {
  const sorted = [...dates].sort();
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const d of sorted) {
    const day = Date.parse(`${d}T00:00:00Z`) / DAY_MS;
    run = previous !== null && day - previous === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  let current = 0;
  let cursor = Date.parse(`${today}T00:00:00Z`);
  // A streak is still alive today if yesterday had an entry and today has none yet.
  if (!dates.has(today)) cursor -= DAY_MS;
  while (dates.has(new Date(cursor).toISOString().slice(0, 10))) {
    current++;
    cursor -= DAY_MS;
  }
  return { current, longest };
}

/**
 * The local days (of the last STREAK_WINDOW_DAYS, in the person's time zone) that hold an entry: one
 * query that asks, for each day, whether the (user_id, created_at) index has an entry in that day's
 * span. Its cost is the window's, never the history's, and no entry row is read or formatted.
 */
async function daysWithEntries(db: Database, userId: string, today: string, timeZone: string): Promise<Set<string>> {
  const days = Array.from({ length: STREAK_WINDOW_DAYS }, (_, i) => shiftDay(today, i - STREAK_WINDOW_DAYS + 1));
  const starts = startsOfLocalDays([...days, shiftDay(today, 1)], timeZone);
  const spans = JSON.stringify(days.map((_, i) => [starts[i], starts[i + 1]]));
  const rows = await db.all<{ i: number }>(sql`
    SELECT CAST(span.key AS INTEGER) AS i FROM json_each(${spans}) AS span
    WHERE EXISTS (
      SELECT 1 FROM ${entries}
      WHERE ${entries.userId} = ${userId}
        AND ${entries.createdAt} >= json_extract(span.value, '$[0]')
        AND ${entries.createdAt} < json_extract(span.value, '$[1]')
    )`);
  return new Set(rows.map((r) => days[r.i]!));
}

/** Achievements only ask whether a count reached a threshold: counting stops there (bounded reads). */
const countUpTo = (n: number) => sql<number>`count(*)`.mapWith(Number).as(`up_to_${n}`);
const LARGEST_COUNT_THRESHOLD = 100;

async function stats(db: Database, userId: string, now: number): Promise<Stats & { timeZone: string }> {
  const { timeZone, streaksEnabled } = await calendarSettings(db, userId);
  const today = localDate(now, timeZone);
  const [entryCount, triedCount, goalCount, days] = await Promise.all([
    db.select({ n: countUpTo(LARGEST_COUNT_THRESHOLD) }).from(db.select({ one: entries.id }).from(entries).where(eq(entries.userId, userId)).limit(LARGEST_COUNT_THRESHOLD).as("e")),
    db.select({ n: countUpTo(1) }).from(db.select({ one: replies.id }).from(replies).where(and(eq(replies.userId, userId), isNotNull(replies.triedAction))).limit(1).as("r")),
    db.select({ n: countUpTo(1) }).from(db.select({ one: goals.id }).from(goals).where(and(eq(goals.userId, userId), eq(goals.status, "completed"))).limit(1).as("g")),
    daysWithEntries(db, userId, today, timeZone),
  ]);
  const streak = streaksOf(days, today);
  return {
    timeZone,
    entries: entryCount[0]?.n ?? 0,
    tried: triedCount[0]?.n ?? 0,
    goalsCompleted: goalCount[0]?.n ?? 0,
    currentStreak: streak.current,
    longestStreak: streak.longest,
    streaksEnabled,
  };
}

async function insertAward(db: Database, userId: string, reason: AwardReason, ref: string): Promise<number> {
  const inserted = await db
    .insert(pointTransactions)
    .values({ id: crypto.randomUUID(), userId, points: POINTS[reason], reason, ref, createdAt: Date.now() })
    .onConflictDoNothing()
    .returning({ points: pointTransactions.points });
  return inserted[0]?.points ?? 0;
}

/** The points total, kept by the ledger's trigger (one row, whatever the ledger's length). */
export async function totalPoints(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ total: userPoints.total }).from(userPoints).where(eq(userPoints.userId, userId));
  return row?.total ?? 0;
}

/**
 * Awards points once for (reason, ref), then any achievements now earned (each with its bonus), and
 * tells the person's tabs. Answers the points newly awarded (0 when this was a repeat).
 */
export async function award(env: Env, db: Database, userId: string, reason: AwardReason, ref: string): Promise<number> {
  let awarded = await insertAward(db, userId, reason, ref);
  if (awarded === 0) return 0;
  const s = await stats(db, userId, Date.now());
  const newlyEarned: { code: string; title: string }[] = [];
  for (const a of ACHIEVEMENTS.filter((a) => a.earned(s))) {
    const earned = await db.insert(achievements).values({ userId, code: a.code, earnedAt: Date.now() }).onConflictDoNothing().returning({ code: achievements.code });
    if (earned.length === 0) continue;
    awarded += await insertAward(db, userId, "achievement", a.code);
    newlyEarned.push({ code: a.code, title: a.title });
  }
  await graphFor(env, userId).broadcast({
    type: "points.awarded",
    points: awarded,
    reason,
    total: await totalPoints(db, userId),
    achievements: newlyEarned,
  });
  return awarded;
}

export async function gamificationSummary(db: Database, userId: string) {
  const now = Date.now();
  const [s, total, earned, recent] = await Promise.all([
    stats(db, userId, now),
    totalPoints(db, userId),
    db.select().from(achievements).where(eq(achievements.userId, userId)),
    db.select().from(pointTransactions).where(eq(pointTransactions.userId, userId)).orderBy(desc(pointTransactions.createdAt)).limit(20),
  ]);
  const earnedAt = new Map(earned.map((a) => [a.code, a.earnedAt]));
  return {
    points: total,
    streak: s.streaksEnabled ? { current: s.currentStreak, longest: s.longestStreak } : null,
    achievements: ACHIEVEMENTS.map((a) => ({
      code: a.code,
      title: a.title,
      description: a.description,
      earned_at: earnedAt.has(a.code) ? new Date(earnedAt.get(a.code)!).toISOString() : null,
    })),
    recent: recent.map((t) => ({ points: t.points, reason: t.reason, ref: t.ref, at: new Date(t.createdAt).toISOString() })),
  };
}
