// Mood over time for charts: entries grouped by day, week or month in the person's time zone, each
// with its mean valence and emotions, plus the distribution over the whole range. Read from the
// running totals per local day and emotion (migrations/0027), so neither D1's work nor the Worker's
// grows with the number of entries. Served at /api/analytics/mood and its older alias /api/insights/mood.
// localDaySql is the same local day in SQL, for the trends' bounded range.
import { and, eq, gt, gte, lte, sql } from "drizzle-orm";
import { analyticsDayMoods, analyticsTotals } from "../db/analytics-schema.ts";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { DAY_MS, localDate, type OffsetSpan } from "../lib/time-zone.ts";
import type { MoodQuery } from "../schemas/insights.ts";
import { calendarSettings } from "./settings.ts";
import { catchUpDays, type DaysKeeper } from "./zone-days.ts";

export type Bucket = "day" | "week" | "month";

export const DEFAULT_SPAN_DAYS: Record<Bucket, number> = { day: 30, week: 26 * 7, month: 365 };

/** The period a local date belongs to: the date itself, the Monday of its week, or YYYY-MM. */
export function periodOf(date: string, bucket: Bucket): string {
  if (bucket === "day") return date;
  if (bucket === "month") return date.slice(0, 7);
  const ms = Date.parse(`${date}T00:00:00Z`);
  const mondayOffset = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - mondayOffset * DAY_MS).toISOString().slice(0, 10);
}

/** A mean (or share) to three places; null when there is nothing to divide by. */
const ratio = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 1000) / 1000 : null);

/** Mood over the asked range: up to now, and back over the bucket's default span, where the query leaves it open. */
export function moodForQuery(keeper: DaysKeeper, db: Database, userId: string, query: MoodQuery) {
  const to = query.to ? Date.parse(query.to) : Date.now();
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_SPAN_DAYS[query.bucket] * DAY_MS;
  return moodOverTime(keeper, db, userId, query.bucket, from, to);
}

/** A millisecond figure we computed ourselves, written into the SQL text as a literal. */
const msLiteral = (ms: number) => {
  if (!Number.isSafeInteger(ms)) throw new Error(`not a whole number of milliseconds: ${ms}`);
  return sql.raw(String(ms));
};

/**
 * The local day of an entry's `created_at` in SQL, for the zone's offsets over the range: SQLite
 * knows no time zones, so each stretch of one offset is spelled out (a year holds two or three).
 * The offsets are literals, not bound values: a whole history in a zone with summer time has two
 * stretches a year, and D1 binds at most 100 values per query.
 */
export function localDaySql(spans: OffsetSpan[]) {
  const offset =
    spans.length === 1
      ? msLiteral(spans[0]!.offsetMs)
      : sql`CASE ${sql.join(
          spans.map((span, i) => (i === spans.length - 1 ? sql`ELSE ${msLiteral(span.offsetMs)}` : sql`WHEN ${entries.createdAt} < ${msLiteral(span.until)} THEN ${msLiteral(span.offsetMs)}`)),
          sql` `,
        )} END`;
  return sql<string>`date((${entries.createdAt} + ${offset}) / 1000, 'unixepoch')`;
}

/**
 * Mood by period, from the per-day, per-emotion running totals (migrations/0027): at most a row per
 * local day and emotion of the range, however many entries it holds. The range is taken in whole
 * local days: every day it touches counts whole, so a day's point is never a part of the day.
 */
export async function moodOverTime(keeper: DaysKeeper, db: Database, userId: string, bucket: Bucket, from: number, to: number, zone?: string) {
  const timeZone = zone ?? (await calendarSettings(db, userId)).timeZone;
  const [totalsRows, stored] = await db.batch([
    db.select({ daysZone: analyticsTotals.daysZone }).from(analyticsTotals).where(eq(analyticsTotals.userId, userId)),
    db
      .select()
      .from(analyticsDayMoods)
      .where(
        and(
          eq(analyticsDayMoods.userId, userId),
          gte(analyticsDayMoods.day, localDate(from, timeZone)),
          lte(analyticsDayMoods.day, localDate(Math.max(from, to - 1), timeZone)),
          gt(analyticsDayMoods.entries, 0),
        ),
      )
      .orderBy(analyticsDayMoods.day),
  ]);
  const t = totalsRows[0];
  await catchUpDays(keeper, db, userId, timeZone, t);
  const rows = stored.map((r) => ({
    day: r.day,
    emotion: r.emotion === "" ? null : r.emotion,
    entries: r.entries,
    valenceSum: r.valenceSum,
    valenceCount: r.valenceN,
    positive: r.positive,
    analysed: r.analysed,
  }));

  interface Sums {
    entries: number;
    valenceSum: number;
    valenceCount: number;
    positive: number;
    analysed: number;
  }
  const add = (into: Sums, r: Sums) => {
    into.entries += r.entries;
    into.valenceSum += r.valenceSum;
    into.valenceCount += r.valenceCount;
    into.positive += r.positive;
    into.analysed += r.analysed;
  };
  const empty = (): Sums => ({ entries: 0, valenceSum: 0, valenceCount: 0, positive: 0, analysed: 0 });
  const periods = new Map<string, Sums & { emotions: Record<string, number> }>();
  const distribution: Record<string, number> = {};
  const totals = empty();
  for (const r of rows) {
    const period = periodOf(r.day, bucket);
    let p = periods.get(period);
    if (!p) periods.set(period, (p = { ...empty(), emotions: {} }));
    add(p, r);
    add(totals, r);
    if (r.emotion) {
      p.emotions[r.emotion] = (p.emotions[r.emotion] ?? 0) + r.entries;
      distribution[r.emotion] = (distribution[r.emotion] ?? 0) + r.entries;
    }
  }
  const points = [...periods.entries()].map(([period, p]) => ({
    period,
    entries: p.entries,
    mean_valence: ratio(p.valenceSum, p.valenceCount),
    dominant_emotion: Object.entries(p.emotions).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
    emotions: p.emotions,
  }));
  return {
    bucket,
    time_zone: timeZone,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    points,
    distribution,
    totals: {
      entries: totals.entries,
      mean_valence: ratio(totals.valenceSum, totals.valenceCount),
      positive_share: ratio(totals.positive, totals.analysed),
      active_periods: points.length,
    },
  };
}
