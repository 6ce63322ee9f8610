// "Days with a run: +0.31 (23 days)": for each activity and each person an entry mentions, the mean
// valence of the local days with it against the person's other days, with a 95% interval. SQLite
// does all the adding up in one query over the entries_analytics index (a day's mean valence, then
// count, sum and sum of squares per item); worker/analytics/effects.ts turns the sums into figures.
import { z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { effectOf, MIN_DAYS, type Sums } from "../analytics/effects.ts";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { historyDaySql, historySpan, jsonList } from "./analytics.ts";
import { calendarSettings } from "./settings.ts";

export const EFFECTS_METHOD =
  `Each local day with an entry counts once, with the mean valence (−1 to 1) of its entries. For an activity or a person, ` +
  `the days that mention it are compared with all your other days: the difference of the two means, with Welch's 95% ` +
  `confidence interval (Student's t with Welch–Satterthwaite degrees of freedom). Below ${MIN_DAYS} days on either side ` +
  `it is too few days to tell; an interval that leaves out zero is marked clear. Days are not independent experiments: ` +
  `read a difference as something that came with better or worse days, not as its cause.`;

const SumsRow = z.object({ kind: z.enum(["total", "activity", "person"]), name: z.string(), n: z.number().int(), s: z.number(), ss: z.number() });

export async function analyticsEffects(db: Database, userId: string, limit: number) {
  const { timeZone } = await calendarSettings(db, userId);
  const span = await historySpan(db, userId);
  const empty = { time_zone: timeZone, min_days: MIN_DAYS, method: EFFECTS_METHOD, baseline: { days: 0, mean_valence: null }, activities: [], people: [] };
  if (!span) return empty;
  const day = historyDaySql(timeZone, span);
  const rows = z.array(SumsRow).parse(
    await db.all(sql`
      WITH e AS (
        SELECT ${day} AS day, ${entries.valence} AS v, ${entries.activities} AS activities, ${entries.people} AS people
        FROM ${entries} WHERE ${entries.userId} = ${userId} AND ${entries.valence} IS NOT NULL
      ),
      d AS (SELECT day, avg(v) AS v FROM e GROUP BY day),
      p AS (
        SELECT 'activity' AS kind, j.value AS name, e.day AS day FROM e, ${jsonList(sql`e.activities`)} AS j WHERE j.type = 'text'
        UNION
        SELECT 'person', j.value, e.day FROM e, ${jsonList(sql`e.people`)} AS j WHERE j.type = 'text'
      ),
      g AS (SELECT p.kind, p.name, count(*) AS n, sum(d.v) AS s, sum(d.v * d.v) AS ss FROM p JOIN d ON d.day = p.day GROUP BY p.kind, p.name),
      r AS (SELECT g.*, row_number() OVER (PARTITION BY kind ORDER BY n DESC, name) AS rank FROM g)
      SELECT 'total' AS kind, '' AS name, count(*) AS n, coalesce(sum(v), 0) AS s, coalesce(sum(v * v), 0) AS ss FROM d
      UNION ALL
      SELECT kind, name, n, s, ss FROM r WHERE rank <= ${limit}
    `),
  );
  const totalRow = rows.find((r) => r.kind === "total");
  const total: Sums = { n: totalRow?.n ?? 0, sum: totalRow?.s ?? 0, sumSquares: totalRow?.ss ?? 0 };
  const effects = (kind: "activity" | "person") =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => ({ name: r.name, ...effectOf({ n: r.n, sum: r.s, sumSquares: r.ss }, total) }))
      .sort((a, b) => b.days - a.days || a.name.localeCompare(b.name));
  return {
    ...empty,
    baseline: { days: total.n, mean_valence: total.n > 0 ? Math.round((total.sum / total.n) * 1000) / 1000 : null },
    activities: effects("activity"),
    people: effects("person"),
  };
}
