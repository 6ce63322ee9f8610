// Mood over time for charts: entries grouped by day, week or month in the person's time zone, each
// with its mean valence and emotions, plus the distribution over the whole range.
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries, settings } from "../db/schema.ts";
import { localDate } from "../lib/time-zone.ts";

export type Bucket = "day" | "week" | "month";

const DAY_MS = 86_400_000;
export const DEFAULT_SPAN_DAYS: Record<Bucket, number> = { day: 30, week: 26 * 7, month: 365 };

/** The period a local date belongs to: the date itself, the Monday of its week, or YYYY-MM. */
export function periodOf(date: string, bucket: Bucket): string {
  if (bucket === "day") return date;
  if (bucket === "month") return date.slice(0, 7);
  const ms = Date.parse(`${date}T00:00:00Z`);
  const mondayOffset = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - mondayOffset * DAY_MS).toISOString().slice(0, 10);
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000 : null);

export async function moodOverTime(db: Database, userId: string, bucket: Bucket, from: number, to: number) {
  const timeZone = (await db.query.settings.findFirst({ where: eq(settings.userId, userId), columns: { timezone: true } }))?.timezone ?? "UTC";
  const rows = await db
    .select({ createdAt: entries.createdAt, valence: entries.valence, emotion: entries.primaryEmotion, positive: entries.isPositive })
    .from(entries)
    .where(and(eq(entries.userId, userId), gte(entries.createdAt, from), lt(entries.createdAt, to)))
    .orderBy(asc(entries.createdAt));

  const periods = new Map<string, { valences: number[]; emotions: Record<string, number>; entries: number }>();
  const distribution: Record<string, number> = {};
  for (const r of rows) {
    const period = periodOf(localDate(r.createdAt, timeZone), bucket);
    const p = periods.get(period) ?? { valences: [], emotions: {}, entries: 0 };
    p.entries++;
    if (r.valence !== null) p.valences.push(r.valence);
    if (r.emotion) {
      p.emotions[r.emotion] = (p.emotions[r.emotion] ?? 0) + 1;
      distribution[r.emotion] = (distribution[r.emotion] ?? 0) + 1;
    }
    periods.set(period, p);
  }
  const points = [...periods.entries()].map(([period, p]) => ({
    period,
    entries: p.entries,
    mean_valence: mean(p.valences),
    dominant_emotion: Object.entries(p.emotions).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
    emotions: p.emotions,
  }));
  const analysed = rows.filter((r) => r.positive !== null);
  return {
    bucket,
    time_zone: timeZone,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    points,
    distribution,
    totals: {
      entries: rows.length,
      mean_valence: mean(rows.map((r) => r.valence).filter((v): v is number => v !== null)),
      positive_share: analysed.length ? Math.round((analysed.filter((r) => r.positive).length / analysed.length) * 1000) / 1000 : null,
      active_periods: points.length,
    },
  };
}
