// "Days with a run: +0.31 (23 days)": for each activity and each person an entry mentions, the mean
// valence of the local days with it against the person's other days, with a 95% interval. The
// triggers of migrations/0027 keep the count, sum and sum of squares of the days' mean valence, per
// person and per item; worker/analytics/effects.ts turns the sums into figures.
import { and, desc, eq, gt } from "drizzle-orm";
import { effectOf, MIN_DAYS, type Sums } from "../analytics/effects.ts";
import { analyticsItems, analyticsTotals } from "../db/analytics-schema.ts";
import type { Database } from "../db/client.ts";
import { calendarSettings } from "./settings.ts";
import { catchUpDays, type DaysKeeper } from "./zone-days.ts";

export const EFFECTS_METHOD =
  `Each local day with an entry counts once, with the mean valence (−1 to 1) of its entries. For an activity or a person, ` +
  `the days that mention it are compared with all your other days: the difference of the two means, with Welch's 95% ` +
  `confidence interval (Student's t with Welch–Satterthwaite degrees of freedom). Below ${MIN_DAYS} days on either side ` +
  `it is too few days to tell; an interval that leaves out zero is marked clear. Days are not independent experiments: ` +
  `read a difference as something that came with better or worse days, not as its cause.`;

/**
 * The effects from the running sums the triggers of migrations/0027 keep: the person's days (count,
 * sum and sum of squares of their mean valence) and, per activity and person, the same over the days
 * with it. A few rows per request, however long the history.
 */
export async function analyticsEffects(keeper: DaysKeeper, db: Database, userId: string, limit: number) {
  const { timeZone } = await calendarSettings(db, userId);
  const empty = { time_zone: timeZone, min_days: MIN_DAYS, method: EFFECTS_METHOD, baseline: { days: 0, mean_valence: null }, activities: [], people: [] };
  const itemsOf = (kind: "activity" | "person") =>
    db
      .select({ name: analyticsItems.name, n: analyticsItems.days, sum: analyticsItems.moodSum, sumSquares: analyticsItems.moodSquares })
      .from(analyticsItems)
      .where(and(eq(analyticsItems.userId, userId), eq(analyticsItems.kind, kind), gt(analyticsItems.days, 0)))
      .orderBy(desc(analyticsItems.days), analyticsItems.name)
      .limit(limit);
  const [totalsRows, activityRows, peopleRows] = await db.batch([
    db.select().from(analyticsTotals).where(eq(analyticsTotals.userId, userId)),
    itemsOf("activity"),
    itemsOf("person"),
  ]);
  const t = totalsRows[0];
  await catchUpDays(keeper, db, userId, timeZone, t);
  if (!t || t.moodDays <= 0) return empty;
  const total: Sums = { n: t.moodDays, sum: t.moodSum, sumSquares: t.moodSquares };
  const effects = (rows: { name: string; n: number; sum: number; sumSquares: number }[]) =>
    rows.map((r) => ({ name: r.name, ...effectOf({ n: r.n, sum: r.sum, sumSquares: r.sumSquares }, total) })).sort((a, b) => b.days - a.days || a.name.localeCompare(b.name));
  return {
    ...empty,
    baseline: { days: total.n, mean_valence: Math.round((total.sum / total.n) * 1000) / 1000 },
    activities: effects(activityRows),
    people: effects(peopleRows),
  };
}
