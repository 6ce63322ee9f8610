// Points, levels, streaks and achievements. Every award goes through one idempotent insert keyed by
// (user, reason, ref), so retries and duplicate deliveries never pay twice; achievements are earned
// once and pay a bonus once. A person's open tabs hear about each award. Nothing here reads a
// person's whole history: counts stop at the largest threshold asked (and read the ledger's index),
// and the streak is a row kept as entries arrive (rebuilt from a bounded window only when an entry is
// deleted, back-dated or moved, or the time zone changes: migrations/0021_gamification_levels.sql).
import { and, desc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database } from "../db/client.ts";
import { achievements, entries, gamificationProgress, goals, pointTransactions, userPoints, weeklySummaries } from "../db/schema.ts";
import { isNegativeEmotion } from "../emotion/taxonomy.ts";
import { ACHIEVEMENTS, ACTIVITIES_TARGET, COUNT_LIMITS, LONG_ENTRY_WORDS, achievementTitle, type AchievementFacts } from "../gamification/achievements.ts";
import { levelFor } from "../gamification/levels.ts";
import { currentStreak, EMPTY_STREAK, foldDay, forgivenNote, forgivenThisWeek, type StreakState } from "../gamification/streaks.ts";
import { HOUR_MS, localDate, shiftDay, startOfLocalDay, startsOfLocalDays } from "../lib/time-zone.ts";
import { encodeCursor, keysetAfter } from "../lib/keyset-cursor.ts";
import { NoticedListSchema, noticedOf } from "./entry-noticed.ts";
import { graphFor } from "./graph.ts";
import { calendarSettings } from "./settings.ts";

export const POINTS = {
  "entry-analysed": 10,
  "suggestion-tried": 5,
  "goal-completed": 50,
  achievement: 25,
} as const;
export type AwardReason = keyof typeof POINTS;

/** How far back a rebuilt streak looks; a run longer than this counts from the window's start. */
const STREAK_WINDOW_DAYS = 400;
/** New entries folded into the kept streak in one read; a larger backlog rebuilds from the window instead. */
const FOLD_BATCH = 200;
/** A morning entry: written from 05:00 to 11:59, the person's time. */
const MORNING_FROM_HOUR = 5;
const MORNING_UNTIL_HOUR = 12;

/**
 * The local days (of the last STREAK_WINDOW_DAYS, in the person's time zone) that hold an entry: one
 * query that asks, for each day, whether the (user_id, created_at) index has an entry in that day's
 * span. Its cost is the window's, never the history's, and no entry row is read or formatted.
 */
async function daysWithEntries(db: Database, userId: string, today: string, timeZone: string): Promise<string[]> {
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
  return rows.map((r) => days[r.i]!).sort();
}

type ProgressRow = typeof gamificationProgress.$inferSelect;

const stateOf = (row: ProgressRow): StreakState => ({ lastDay: row.lastDay, run: row.run, sinceForgiven: row.sinceForgiven, forgiven: row.forgivenDay, longest: row.longest });
const columnsOf = (s: StreakState) => ({ lastDay: s.lastDay, run: s.run, sinceForgiven: s.sinceForgiven, forgivenDay: s.forgiven, longest: s.longest });

/**
 * The person's progress row with its streak brought up to date: folded forward from the entries
 * written since it was last read, or rebuilt from the window when the triggers marked it stale (an
 * entry deleted, back-dated or moved) or the time zone changed. The longest run is a record: a
 * rebuild never lowers it (like an achievement, a run once reached stays reached).
 */
async function keptProgress(db: Database, userId: string, timeZone: string, today: string): Promise<ProgressRow> {
  await db.insert(gamificationProgress).values({ userId, timeZone }).onConflictDoNothing();
  const [row] = await db.select().from(gamificationProgress).where(eq(gamificationProgress.userId, userId));
  if (!row) throw new Error("gamification progress row missing after insert");
  const mine = eq(gamificationProgress.userId, userId);
  if (row.builtChanges === row.changes && row.timeZone === timeZone) {
    const fresh = await db
      .select({ createdAt: entries.createdAt })
      .from(entries)
      .where(and(eq(entries.userId, userId), gt(entries.createdAt, row.throughAt)))
      .orderBy(entries.createdAt)
      .limit(FOLD_BATCH + 1);
    if (fresh.length === 0) return row;
    if (fresh.length <= FOLD_BATCH) {
      const state = fresh.reduce((s, e) => foldDay(s, localDate(e.createdAt, timeZone)), stateOf(row));
      const changed = { ...columnsOf(state), throughAt: fresh.at(-1)!.createdAt };
      // Only over the row as it was read: a concurrent fold or a trigger's mark wins, and is redone next time.
      await db
        .update(gamificationProgress)
        .set(changed)
        .where(and(mine, eq(gamificationProgress.throughAt, row.throughAt), eq(gamificationProgress.changes, row.changes)));
      return { ...row, ...changed };
    }
  }
  // The newest entry first: one written after it is folded in later (a day already counted changes nothing).
  const [newest] = await db.select({ createdAt: entries.createdAt }).from(entries).where(eq(entries.userId, userId)).orderBy(desc(entries.createdAt)).limit(1);
  const state = (await daysWithEntries(db, userId, today, timeZone)).reduce(foldDay, EMPTY_STREAK);
  const built = { ...columnsOf(state), longest: Math.max(state.longest, row.longest), timeZone, throughAt: newest?.createdAt ?? 0, builtChanges: row.changes };
  await db.update(gamificationProgress).set(built).where(and(mine, eq(gamificationProgress.changes, row.changes)));
  return { ...row, ...built };
}

/** How many rows match, counting no further than `limit` (the read stops there). */
async function countUpTo(db: Database, table: SQLiteTable, where: SQL, limit: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${where} LIMIT ${limit})`);
  return Number(row?.n ?? 0);
}

/** Awards of one kind in the ledger, read from its (user, reason, ref) index. */
const ledgerCount = (db: Database, userId: string, reason: AwardReason, limit: number) =>
  countUpTo(db, pointTransactions, and(eq(pointTransactions.userId, userId), eq(pointTransactions.reason, reason))!, limit);

/** The points total, kept by the ledger's trigger (one row, whatever the ledger's length). */
export async function totalPoints(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ total: userPoints.total }).from(userPoints).where(eq(userPoints.userId, userId));
  return row?.total ?? 0;
}

const bitCount = (n: number) => [...n.toString(2)].filter((b) => b === "1").length;
type EntryFacts = AchievementFacts["entry"];
const NO_ENTRY: EntryFacts = { hasActivity: false, mentionsPerson: false, recovered: false, activityHelped: false, longEntry: false };

async function factsFor(db: Database, userId: string, streaksEnabled: boolean, progress: ProgressRow, today: string, entry: EntryFacts): Promise<AchievementFacts> {
  const [entryCount, tried, goalsCreated, goalsCompleted, summaries, points] = await Promise.all([
    countUpTo(db, entries, eq(entries.userId, userId), COUNT_LIMITS.entries),
    ledgerCount(db, userId, "suggestion-tried", COUNT_LIMITS.tried),
    countUpTo(db, goals, eq(goals.userId, userId), COUNT_LIMITS.goalsCreated),
    ledgerCount(db, userId, "goal-completed", COUNT_LIMITS.goalsCompleted),
    countUpTo(db, weeklySummaries, eq(weeklySummaries.userId, userId), COUNT_LIMITS.weeklySummaries),
    totalPoints(db, userId),
  ]);
  const streak = currentStreak(stateOf(progress), today);
  return {
    entries: entryCount,
    tried,
    goalsCreated,
    goalsCompleted,
    weeklySummaries: summaries,
    activitiesSeen: NoticedListSchema.parse(JSON.parse(progress.activitiesSeen)).length,
    morningWeekdays: bitCount(progress.morningWeekdays),
    points,
    streaksEnabled,
    longestStreak: streak.longest,
    streakKeptByForgiveness: streak.current > 0 && streak.forgiven !== null && progress.lastDay !== null && progress.lastDay > streak.forgiven,
    entry,
  };
}

/**
 * What the entry being awarded says for achievements, and the records it adds to (a weekday morning,
 * new activities). Two indexed reads: the entry and the one before it.
 */
async function recordEntry(db: Database, userId: string, entryId: string, timeZone: string, progress: ProgressRow): Promise<EntryFacts> {
  const entry = await db.query.entries.findFirst({
    where: and(eq(entries.id, entryId), eq(entries.userId, userId)),
    columns: { createdAt: true, content: true, activities: true, people: true, noticedRemoved: true, isPositive: true },
  });
  if (!entry) return NO_ENTRY;
  const [previous] = await db
    .select({ primaryEmotion: entries.primaryEmotion, isPositive: entries.isPositive, safetyLevel: entries.safetyLevel })
    .from(entries)
    .where(and(eq(entries.userId, userId), lt(entries.createdAt, entry.createdAt)))
    .orderBy(desc(entries.createdAt))
    .limit(1);
  const noticed = noticedOf(entry);
  // A move from a low state to a better one, as the graph sees it; never counted from a crisis entry.
  const recovered =
    entry.isPositive === true && previous !== undefined && previous.safetyLevel !== "crisis" && previous.isPositive === false && isNegativeEmotion(previous.primaryEmotion);

  const day = localDate(entry.createdAt, timeZone);
  const hour = Math.floor((entry.createdAt - startOfLocalDay(day, timeZone)) / HOUR_MS);
  const morningBit = hour >= MORNING_FROM_HOUR && hour < MORNING_UNTIL_HOUR ? 1 << new Date(`${day}T00:00:00Z`).getUTCDay() : 0;
  const seen = NoticedListSchema.parse(JSON.parse(progress.activitiesSeen));
  const merged = [...new Set([...seen, ...noticed.activities])].slice(0, ACTIVITIES_TARGET);
  if (morningBit !== 0 || merged.length > seen.length) {
    await db
      .update(gamificationProgress)
      .set({ morningWeekdays: sql`${gamificationProgress.morningWeekdays} | ${morningBit}`, activitiesSeen: JSON.stringify(merged) })
      .where(eq(gamificationProgress.userId, userId));
    progress.morningWeekdays |= morningBit;
    progress.activitiesSeen = JSON.stringify(merged);
  }
  return {
    hasActivity: noticed.activities.length > 0,
    mentionsPerson: noticed.people.length > 0,
    recovered,
    activityHelped: recovered && noticed.activities.length > 0,
    longEntry: entry.content.split(/\s+/).filter(Boolean).length >= LONG_ENTRY_WORDS,
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

/**
 * Awards points once for (reason, ref), then any achievements now earned (each with its bonus), and
 * tells the person's tabs. Answers the points newly awarded (0 when this was a repeat). Callers never
 * award for a crisis entry, so nothing here celebrates one.
 */
export async function award(env: Env, db: Database, userId: string, reason: AwardReason, ref: string): Promise<number> {
  let awarded = await insertAward(db, userId, reason, ref);
  if (awarded === 0) return 0;
  const { timeZone, streaksEnabled, today, progress } = await progressNow(db, userId);
  const entryFacts = reason === "entry-analysed" ? await recordEntry(db, userId, ref, timeZone, progress) : NO_ENTRY;
  const facts = await factsFor(db, userId, streaksEnabled, progress, today, entryFacts);
  const held = new Set((await db.select({ code: achievements.code }).from(achievements).where(eq(achievements.userId, userId))).map((a) => a.code));
  const newlyEarned: { code: string; title: string }[] = [];
  for (const a of ACHIEVEMENTS.filter((a) => !held.has(a.code) && a.earned(facts))) {
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

/** A person's settings, their local today and the progress row brought up to date: what every read starts from. */
async function progressNow(db: Database, userId: string) {
  const { timeZone, streaksEnabled } = await calendarSettings(db, userId);
  const today = localDate(Date.now(), timeZone);
  return { timeZone, streaksEnabled, today, progress: await keptProgress(db, userId, timeZone, today) };
}
type ProgressNow = Awaited<ReturnType<typeof progressNow>>;

async function statsOf(db: Database, userId: string, { streaksEnabled, today, progress }: ProgressNow) {
  const points = await totalPoints(db, userId);
  const streak = currentStreak(stateOf(progress), today);
  const forgiven = forgivenThisWeek(streak, today);
  return {
    points,
    level: levelFor(points),
    streak: streaksEnabled
      ? { current: streak.current, longest: streak.longest, wrote_today: progress.lastDay === today, forgiven_this_week: forgiven, note: forgivenNote(forgiven, today) }
      : null,
  };
}

async function achievementsOf(db: Database, userId: string, { streaksEnabled, today, progress }: ProgressNow) {
  const [facts, earned] = await Promise.all([
    factsFor(db, userId, streaksEnabled, progress, today, NO_ENTRY),
    db.select().from(achievements).where(eq(achievements.userId, userId)),
  ]);
  const earnedAt = new Map(earned.map((a) => [a.code, a.earnedAt]));
  const list = ACHIEVEMENTS.map((a) => {
    const at = earnedAt.get(a.code);
    const [current, target] = a.progress?.(facts) ?? [];
    // A streak's progress means nothing while streaks are switched off.
    const countable = current !== undefined && target !== undefined && (streaksEnabled || !a.code.startsWith("streak-"));
    return {
      code: a.code,
      title: a.title,
      description: a.description,
      earned_at: at === undefined ? null : new Date(at).toISOString(),
      progress: at === undefined && countable ? { current, target } : null,
    };
  });
  return { achievements: list, earned: earnedAt.size, total: ACHIEVEMENTS.length };
}

/** Points, level and the streak as they stand now (the streak null when switched off). */
export const gamificationStats = async (db: Database, userId: string) => statsOf(db, userId, await progressNow(db, userId));

/** Every achievement: earned ones with their date, the others with their criterion and progress where countable. */
export const achievementList = async (db: Database, userId: string) => achievementsOf(db, userId, await progressNow(db, userId));

/** The read behind a ledger page: `limit` awards after the cursor, by the (user_id, created_at) index. */
export const ledgerQuery = (db: Database, userId: string, cursor: string | undefined, limit: number) =>
  db
    .select()
    .from(pointTransactions)
    .where(and(eq(pointTransactions.userId, userId), keysetAfter(cursor, pointTransactions.createdAt, pointTransactions.id)))
    .orderBy(desc(pointTransactions.createdAt), desc(pointTransactions.id))
    .limit(limit);

/** One page of the points ledger, newest first, with the cursor of the next page (null at the end). */
export async function transactionPage(db: Database, userId: string, cursor: string | undefined, limit: number) {
  const rows = await ledgerQuery(db, userId, cursor, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    transactions: page.map((t) => ({
      id: t.id,
      points: t.points,
      reason: t.reason,
      ref: t.ref,
      achievement: t.reason === "achievement" ? achievementTitle(t.ref) : null,
      at: new Date(t.createdAt).toISOString(),
    })),
    next_cursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** The summary: points, the streak, every achievement and the latest awards. */
export async function gamificationSummary(db: Database, userId: string) {
  const now = await progressNow(db, userId);
  const [stats, list, recent] = await Promise.all([statsOf(db, userId, now), achievementsOf(db, userId, now), transactionPage(db, userId, undefined, 20)]);
  return {
    points: stats.points,
    streak: stats.streak ? { current: stats.streak.current, longest: stats.streak.longest } : null,
    achievements: list.achievements.map(({ code, title, description, earned_at }) => ({ code, title, description, earned_at })),
    recent: recent.transactions.map((t) => ({ points: t.points, reason: t.reason, ref: t.ref, at: t.at })),
  };
}
