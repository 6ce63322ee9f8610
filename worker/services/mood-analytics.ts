// Mood over time for charts: entries grouped by day, week or month in the person's time zone, each
// with its mean valence and emotions, plus the distribution over the whole range. Summed in SQL by
// local day over the entries_analytics index (migrations/0022), so the Worker's work does not grow
// with the number of entries. Served at /api/analytics/mood and its older alias /api/insights/mood.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { DAY_MS, offsetSpans, type OffsetSpan } from "../lib/time-zone.ts";
import type { MoodQuery } from "../schemas/insights.ts";
import { calendarSettings } from "./settings.ts";

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
export function moodForQuery(db: Database, userId: string, query: MoodQuery) {
  const to = query.to ? Date.parse(query.to) : Date.now();
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_SPAN_DAYS[query.bucket] * DAY_MS;
  return moodOverTime(db, userId, query.bucket, from, to);
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
 * Mood by period. SQLite adds up the range by local day and emotion (a year is at most a few
 * thousand rows however many entries it holds); the periods are put together from those days.
 */
export async function moodOverTime(db: Database, userId: string, bucket: Bucket, from: number, to: number, zone?: string) {
  const timeZone = zone ?? (await calendarSettings(db, userId)).timeZone;
  const day = localDaySql(offsetSpans(timeZone, from, to));
  const rows = await db
    .select({
      day,
      emotion: entries.primaryEmotion,
      entries: sql<number>`count(*)`,
      valenceSum: sql<number>`coalesce(sum(${entries.valence}), 0)`,
      valenceCount: sql<number>`count(${entries.valence})`,
      positive: sql<number>`coalesce(sum(${entries.isPositive}), 0)`,
      analysed: sql<number>`count(${entries.isPositive})`,
    })
    .from(entries)
    .where(and(eq(entries.userId, userId), gte(entries.createdAt, from), lt(entries.createdAt, to)))
    .groupBy(day, entries.primaryEmotion)
    .orderBy(day);

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
