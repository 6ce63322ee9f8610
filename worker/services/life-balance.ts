// Life balance (LifeBuddy's life areas): a score per area and period from the person's goals, their
// progress, and the entries that touch each area. The database does the counting: goal progress by
// index seeks per goal and a grouped range read, entries by one grouped range read over the
// entries_analytics index, so the Worker's work grows with goals × periods, never with the history.
// How the score is made: BALANCE_METHOD in worker/goals/balance.ts.
import { and, desc, eq, ne, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { entries, entryTags, goalProgress, goals, LIFE_AREAS, tags } from "../db/schema.ts";
import {
  AREA_WORD_PAIRS,
  BALANCE_METHOD,
  CURRENT_WINDOW_MS,
  areaScore,
  balancePeriods,
  entriesTarget,
  goalCounts,
  type BalanceGoal,
  type BalancePeriod,
} from "../goals/balance.ts";
import { DAY_MS } from "../lib/time-zone.ts";
import type { LifeArea } from "../lib/life-areas.ts";
import type { BalanceQuery } from "../schemas/goals.ts";
import { jsonList } from "./analytics.ts";
import { DEFAULT_SPAN_DAYS } from "./mood-analytics.ts";
import { calendarSettings } from "./settings.ts";

/** The goals the balance counts: the person's, not archived (at most this many, most recently touched). */
const MAX_GOALS = 200;
/** A counted goal with its last progress before the range and before the current window. */
type CountedGoal = BalanceGoal & { before: Record<"range" | "current", number | null> };

/** Which period an instant falls in, as a CASE over the periods' ends (literals we computed: D1 binds at most 100 values). */
function periodIndexSql(column: SQLWrapper, periods: BalancePeriod[]): SQL<number> {
  const whens = periods.slice(0, -1).map((p, i) => sql`WHEN ${column} < ${sql.raw(String(p.end))} THEN ${sql.raw(String(i))}`);
  return whens.length === 0 ? sql<number>`0` : sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.raw(String(periods.length - 1))} END`;
}

const AREA_WORDS_SQL = sql.raw(`VALUES ${AREA_WORD_PAIRS.map(([w, a]) => `('${w}', '${a}')`).join(", ")}`);

const TouchRow = z.object({ period: z.number().int(), area: z.enum(LIFE_AREAS), n: z.number().int() });
const ProgressRow = z.object({ goal_id: z.string(), period: z.number().int(), progress: z.number().int() });

/**
 * Entries per period and area that touch the area: an activity or tag holding one of its words, or,
 * for relationships, any person named. One entry counts once per area and period. CROSS JOIN fixes
 * SQLite's join order: the range's entries first, then their tags by (user_id, entry_id), never all
 * of the person's tags.
 */
async function touchingEntries(db: Database, userId: string, periods: BalancePeriod[], from: number, to: number) {
  const period = periodIndexSql(sql`t.created_at`, periods);
  const word = (text: SQL) => sql`(' ' || lower(${text}) || ' ') LIKE ('% ' || w.word || ' %')`;
  const rows = await db.all(sql`
    WITH w(word, area) AS (${AREA_WORDS_SQL}),
    e AS (
      SELECT ${entries.id} AS id, ${entries.createdAt} AS created_at, ${entries.activities} AS activities, ${entries.people} AS people
      FROM ${entries} WHERE ${entries.userId} = ${userId} AND ${entries.createdAt} >= ${from} AND ${entries.createdAt} < ${to}
    ),
    t AS (
      SELECT e.id, e.created_at, w.area FROM e CROSS JOIN ${jsonList(sql`e.activities`)} AS a CROSS JOIN w ON ${word(sql`a.value`)} WHERE a.type = 'text'
      UNION
      SELECT e.id, e.created_at, w.area FROM e
        CROSS JOIN ${entryTags} ON ${entryTags.userId} = ${userId} AND ${entryTags.entryId} = e.id
        CROSS JOIN ${tags} ON ${tags.id} = ${entryTags.tagId}
        CROSS JOIN w ON ${word(sql`${tags.name}`)}
      UNION
      SELECT e.id, e.created_at, 'relationships' FROM e WHERE json_valid(e.people) AND json_array_length(e.people) > 0
    )
    SELECT ${period} AS period, t.area AS area, count(DISTINCT t.id) AS n FROM t GROUP BY 1, 2
  `);
  const counts = new Map<string, number>();
  for (const r of z.array(TouchRow).parse(rows)) counts.set(`${r.period}:${r.area}`, r.n);
  return (i: number, area: LifeArea) => counts.get(`${i}:${area}`) ?? 0;
}

/**
 * The last progress recorded for a goal before an instant (one index seek), as a column of a goals
 * query. Spelled out with table names: drizzle leaves them off in a one-table select, and the
 * subquery's "id" would then be goal_progress.id.
 */
const progressBefore = (userId: string, at: number) =>
  sql<number | null>`(SELECT p.progress FROM goal_progress AS p WHERE p.user_id = ${userId} AND p.goal_id = "goals"."id" AND p.created_at < ${at} ORDER BY p.created_at DESC LIMIT 1)`;

/**
 * Each goal's progress at each period's end: the last record before the range (read with the goals),
 * then the last record within each period, carried forward. The records within the range are read per
 * goal by the goal_progress_user_goal index (goals first: CROSS JOIN fixes the order); SQLite takes
 * the bare column from the row holding the max.
 */
async function progressAtEnds(db: Database, userId: string, counted: CountedGoal[], which: "range" | "current", periods: BalancePeriod[], from: number, to: number) {
  const period = periodIndexSql(goalProgress.createdAt, periods);
  const within = await db.all(sql`
    SELECT ${goalProgress.goalId} AS goal_id, ${period} AS period, ${goalProgress.progress} AS progress, max(${goalProgress.createdAt}) AS at
    FROM ${goals} CROSS JOIN ${goalProgress} ON ${goalProgress.userId} = ${userId} AND ${goalProgress.goalId} = ${goals.id}
      AND ${goalProgress.createdAt} >= ${from} AND ${goalProgress.createdAt} < ${to}
    WHERE ${goals.userId} = ${userId} AND ${goals.status} != 'archived'
    GROUP BY ${goalProgress.goalId}, 2
  `);
  const changes = new Map<string, number>();
  for (const r of z.array(ProgressRow).parse(within)) changes.set(`${r.goal_id}:${r.period}`, r.progress);
  const byGoal = new Map<string, number[]>();
  for (const g of counted) {
    let current = g.before[which] ?? 0;
    byGoal.set(
      g.id,
      periods.map((_, i) => (current = changes.get(`${g.id}:${i}`) ?? current)),
    );
  }
  return (goalId: string, i: number) => byGoal.get(goalId)?.[i] ?? 0;
}

/** Scores per area for the periods of [from, to): what one chart line and `current` are made from. */
async function scoresOver(db: Database, userId: string, counted: CountedGoal[], which: "range" | "current", periods: BalancePeriod[], from: number, to: number) {
  const [touching, progressAt] = await Promise.all([touchingEntries(db, userId, periods, from, to), progressAtEnds(db, userId, counted, which, periods, from, to)]);
  return LIFE_AREAS.map((area) => {
    const areaGoals = counted.filter((g) => g.area === area);
    const raw = periods.map((p, i) => ({
      progress: areaGoals.filter((g) => goalCounts(g, p)).map((g) => progressAt(g.id, i)),
      touching: touching(i, area),
      target: entriesTarget(p),
    }));
    const hasData = raw.some((r) => r.progress.length > 0 || r.touching > 0);
    return { area, points: raw.map((r, i) => ({ period: periods[i]!.period, ...areaScore(r.progress, r.touching, r.target, hasData) })) };
  });
}

/** The balance over the asked range (default: back over the bucket's usual span), with the current score per area. */
export async function lifeBalance(db: Database, userId: string, query: BalanceQuery, now = Date.now()) {
  const to = query.to ? Date.parse(query.to) : now;
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_SPAN_DAYS[query.bucket] * DAY_MS;
  const currentWindow: BalancePeriod = { period: "current", start: now - CURRENT_WINDOW_MS, end: now };
  const [{ timeZone }, goalRows] = await Promise.all([
    calendarSettings(db, userId),
    db
      .select({
        id: goals.id,
        area: goals.lifeArea,
        createdAt: goals.createdAt,
        completedAt: goals.completedAt,
        beforeRange: progressBefore(userId, from),
        beforeCurrent: progressBefore(userId, currentWindow.start),
      })
      .from(goals)
      .where(and(eq(goals.userId, userId), ne(goals.status, "archived")))
      .orderBy(desc(goals.updatedAt))
      .limit(MAX_GOALS),
  ]);
  const counted: CountedGoal[] = goalRows.map((g) => ({ ...g, before: { range: g.beforeRange, current: g.beforeCurrent } }));
  const periods = balancePeriods(from, to, query.bucket, timeZone);
  const [series, current] = await Promise.all([
    scoresOver(db, userId, counted, "range", periods, from, to),
    scoresOver(db, userId, counted, "current", [currentWindow], currentWindow.start, currentWindow.end),
  ]);
  return {
    bucket: query.bucket,
    time_zone: timeZone,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    method: BALANCE_METHOD,
    periods: periods.map((p) => p.period),
    areas: series.map((s, i) => {
      const { period: _, ...now } = current[i]!.points[0]!;
      return { area: s.area, current: now, points: s.points };
    }),
  };
}
