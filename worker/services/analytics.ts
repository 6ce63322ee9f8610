// Analytics over a person's whole history: the summary, the year in pixels, the trends of the last
// 30 days, and the transition matrix. The summary and the year read running totals kept by triggers
// (migrations/0027); the trends are an SQL aggregate over a bounded range of the
// entries_analytics index (migrations/0022; plans checked in tests/query-plans.test.ts); the matrix is
// the graph's own transition counts. Nothing loads a person's entries into the Worker.
import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, gte, lt, sql, type SQLWrapper } from "drizzle-orm";
import { describeTrends, type ActivityDays } from "../analytics/trends.ts";
import { transitionMatrix } from "../analytics/transitions.ts";
import { analyticsDayMoods, analyticsItems, analyticsTotals, valenceBins } from "../db/analytics-schema.ts";
import type { Database } from "../db/client.ts";
import { entries, tags } from "../db/schema.ts";
import { DAY_MS, offsetSpans, localDate } from "../lib/time-zone.ts";
import type { CalendarQuery, TrendWindow } from "../schemas/analytics.ts";
import { graphFor } from "./graph.ts";
import { localDaySql } from "./mood-analytics.ts";
import { calendarSettings } from "./settings.ts";
import { catchUpDays, type DaysKeeper } from "./zone-days.ts";

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A JSON list column, or an empty list where it is not valid JSON (json_each would fail the query). */
export const jsonList = (column: SQLWrapper) => sql`json_each(CASE WHEN json_valid(${column}) THEN ${column} ELSE '[]' END)`;

/** The most counted activities, people or topics of the person (running counts: one row per name). */
const topItems = (db: Database, userId: string, kind: "activity" | "person" | "topic", limit: number) =>
  db
    .select({ name: analyticsItems.name, count: analyticsItems.entries })
    .from(analyticsItems)
    .where(and(eq(analyticsItems.userId, userId), eq(analyticsItems.kind, kind), gt(analyticsItems.entries, 0)))
    .orderBy(desc(analyticsItems.entries), analyticsItems.name)
    .limit(limit);

/**
 * The whole history in figures, from the running totals the triggers of migrations/0027 keep (a row
 * per person, one per tag, activity, person and topic): its cost does not grow with the history.
 */
export async function analyticsSummary(keeper: DaysKeeper, db: Database, userId: string, limit: number) {
  const { timeZone } = await calendarSettings(db, userId);
  // The first and the last entry: one index seek each (entries_user_created).
  const edge = (order: typeof asc) => db.select({ at: entries.createdAt }).from(entries).where(eq(entries.userId, userId)).orderBy(order(entries.createdAt)).limit(1);
  const [totalsRows, firstRows, lastRows, topTags, topActivities, topPeople, topTopics] = await db.batch([
    db.select().from(analyticsTotals).where(eq(analyticsTotals.userId, userId)),
    edge(asc),
    edge(desc),
    db
      .select({ name: tags.name, count: analyticsItems.entries })
      .from(analyticsItems)
      .innerJoin(tags, eq(tags.id, analyticsItems.name))
      .where(and(eq(analyticsItems.userId, userId), eq(analyticsItems.kind, "tag"), gt(analyticsItems.entries, 0)))
      .orderBy(desc(analyticsItems.entries), tags.name)
      .limit(limit),
    topItems(db, userId, "activity", limit),
    topItems(db, userId, "person", limit),
    // A crisis entry's topics are never counted (the insight's topics_counted stays empty).
    topItems(db, userId, "topic", limit),
  ]);
  const t = totalsRows[0];
  await catchUpDays(keeper, db, userId, timeZone, t);
  const first = firstRows[0]?.at;
  const last = lastRows[0]?.at;
  if (!t || t.entries <= 0 || first === undefined || last === undefined) {
    return {
      time_zone: timeZone,
      entries: 0,
      words: 0,
      writing_days: 0,
      average_words: null,
      first_entry_at: null,
      last_entry_at: null,
      mean_valence: null,
      top_topics: [],
      top_tags: [],
      top_activities: [],
      top_people: [],
    };
  }
  return {
    time_zone: timeZone,
    entries: t.entries,
    words: t.words,
    writing_days: t.days,
    average_words: Math.round((t.words / t.entries) * 10) / 10,
    first_entry_at: iso(first),
    last_entry_at: iso(last),
    mean_valence: t.valenceN > 0 ? round3(t.valenceSum / t.valenceN) : null,
    top_topics: topTopics,
    top_tags: topTags,
    top_activities: topActivities,
    top_people: topPeople,
  };
}

/**
 * The year in pixels: one value per local day of the calendar year that has an entry, from the
 * per-day, per-emotion running totals (migrations/0027): at most a year of rows, however many entries.
 */
export async function analyticsCalendar(keeper: DaysKeeper, db: Database, userId: string, query: CalendarQuery, now = Date.now()) {
  const { timeZone } = await calendarSettings(db, userId);
  const year = query.year ?? Number(localDate(now, timeZone).slice(0, 4));
  const first = `${String(year).padStart(4, "0")}-01-01`;
  const next = `${String(year + 1).padStart(4, "0")}-01-01`;
  const [totalsRows, rows] = await db.batch([
    db.select({ daysZone: analyticsTotals.daysZone }).from(analyticsTotals).where(eq(analyticsTotals.userId, userId)),
    db
      .select()
      .from(analyticsDayMoods)
      .where(and(eq(analyticsDayMoods.userId, userId), gte(analyticsDayMoods.day, first), lt(analyticsDayMoods.day, next), gt(analyticsDayMoods.entries, 0)))
      .orderBy(analyticsDayMoods.day),
  ]);
  const t = totalsRows[0];
  await catchUpDays(keeper, db, userId, timeZone, t);
  const byDay = new Map<string, { entries: number; valenceSum: number; valenceN: number; emotions: [string, number][] }>();
  for (const r of rows) {
    let d = byDay.get(r.day);
    if (!d) byDay.set(r.day, (d = { entries: 0, valenceSum: 0, valenceN: 0, emotions: [] }));
    d.entries += r.entries;
    d.valenceSum += r.valenceSum;
    d.valenceN += r.valenceN;
    if (r.emotion !== "") d.emotions.push([r.emotion, r.entries]);
  }
  const days = [...byDay].map(([date, d]) => ({
    date,
    entries: d.entries,
    mean_valence: d.valenceN > 0 ? round3(d.valenceSum / d.valenceN) : null,
    dominant_emotion: d.emotions.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
  }));
  return { year, time_zone: timeZone, days, days_written: days.length };
}

export const RECENT_DAYS = 30;
export const PREVIOUS_DAYS = 90;

const WindowRow = z.object({ recent: z.number().int(), entries: z.number().int(), words: z.number(), valence_sum: z.number(), valence_count: z.number().int(), days: z.number().int() });
const EmotionRow = z.object({ recent: z.number().int(), emotion: z.string(), count: z.number().int() });
const ActivityRow = z.object({ recent: z.number().int(), name: z.string(), days: z.number().int() });

/** The last 30 days against the 90 before them: a bounded range, read by (user_id, created_at). */
export async function analyticsTrends(db: Database, userId: string, now = Date.now()) {
  const { timeZone } = await calendarSettings(db, userId);
  const cut = now - RECENT_DAYS * DAY_MS;
  const start = cut - PREVIOUS_DAYS * DAY_MS;
  const end = now + 1;
  const day = localDaySql(offsetSpans(timeZone, start, end));
  const recent = sql`CASE WHEN ${entries.createdAt} >= ${cut} THEN 1 ELSE 0 END`;
  const inRange = and(eq(entries.userId, userId), gte(entries.createdAt, start), lt(entries.createdAt, end));
  const [windows, emotions, activities] = await Promise.all([
    db
      .select({
        recent: sql<number>`${recent}`,
        entries: sql<number>`count(*)`,
        words: sql<number>`coalesce(sum(${entries.wordCount}), 0)`,
        valence_sum: sql<number>`coalesce(sum(${entries.valence}), 0)`,
        valence_count: sql<number>`count(${entries.valence})`,
        days: sql<number>`count(DISTINCT ${day})`,
      })
      .from(entries)
      .where(inRange)
      .groupBy(recent),
    db
      .select({ recent: sql<number>`${recent}`, emotion: sql<string>`${entries.primaryEmotion}`, count: sql<number>`count(*)` })
      .from(entries)
      .where(and(inRange, sql`${entries.primaryEmotion} IS NOT NULL`))
      .groupBy(recent, entries.primaryEmotion),
    db.all(
      sql`SELECT ${recent} AS recent, j.value AS name, count(DISTINCT ${day}) AS days FROM ${entries}, ${jsonList(entries.activities)} AS j
          WHERE ${inRange} AND j.type = 'text' GROUP BY 1, 2`,
    ),
  ]);
  const windowOf = (isRecent: number, from: number, to: number, days: number): TrendWindow => {
    const w = z.array(WindowRow).parse(windows).find((r) => r.recent === isRecent);
    const counts = Object.fromEntries(
      z
        .array(EmotionRow)
        .parse(emotions)
        .filter((r) => r.recent === isRecent)
        .map((r) => [r.emotion, r.count]),
    );
    return {
      from: iso(from),
      to: iso(to),
      days,
      entries: w?.entries ?? 0,
      writing_days: w?.days ?? 0,
      words: w?.words ?? 0,
      mean_valence: w && w.valence_count > 0 ? round3(w.valence_sum / w.valence_count) : null,
      emotions: counts,
    };
  };
  const recentWindow = windowOf(1, cut, now, RECENT_DAYS);
  const previousWindow = windowOf(0, start, cut, PREVIOUS_DAYS);
  const activityDays: { recent: ActivityDays; previous: ActivityDays } = { recent: {}, previous: {} };
  for (const r of z.array(ActivityRow).parse(activities)) (r.recent ? activityDays.recent : activityDays.previous)[r.name] = r.days;
  const enough = recentWindow.entries > 0 && previousWindow.entries > 0;
  return {
    recent: recentWindow,
    previous: previousWindow,
    enough_history: enough,
    changes: describeTrends(recentWindow, previousWindow, activityDays),
  };
}

/** The transition matrix, from the counts the person's graph keeps on every write (no entries read). */
export async function analyticsTransitions(env: Pick<Env, "EMOTIONAL_GRAPH">, userId: string) {
  const graph = await graphFor(env, userId).graph();
  return transitionMatrix(graph.edges);
}

/**
 * The daily cron's tidy-up of the running totals: the triggers only add and take away, so an item or
 * a valence bin whose last entry went keeps its row at zero (the reads skip those); this deletes them.
 * One batch, so a write between the two deletes cannot leave one of them half done.
 */
export async function pruneEmptyRollups(db: Database): Promise<void> {
  await db.batch([
    db.delete(analyticsItems).where(and(eq(analyticsItems.entries, 0), eq(analyticsItems.days, 0))),
    db.delete(valenceBins).where(eq(valenceBins.entries, 0)),
  ]);
}
