// Life balance, the arithmetic: which periods a range falls into, and how one area's score follows from
// its goals' progress and the entries that touch it. Pure, no database (worker/services/life-balance.ts
// gathers the counts with SQL aggregates and hands them here).
import { AREA_WORDS, type LifeArea } from "../lib/life-areas.ts";
import { DAY_MS, WEEK_MS, localDate, shiftDay, startsOfLocalDays } from "../lib/time-zone.ts";

export type BalanceBucket = "week" | "month";

/** One period of the chart: its first local day, and the instants it covers within the asked range. */
export interface BalancePeriod {
  period: string;
  start: number;
  end: number;
}

/** How the score is made, said once: in the answer's `method` and on the Goals page. */
export const BALANCE_METHOD =
  "Per life area and period: goals = the mean progress (0–1) at the period's end of the area's goals that existed by then " +
  "(archived goals and goals completed before the period are left out; a goal without recorded progress counts 0); " +
  "entries = the entries in the period whose activities or tags name one of the area's words (any entry naming a person " +
  "touches relationships), as a share of one entry a week (capped at 1). Score = the mean of the two when the area has goals, " +
  "else the entries share alone; null when the area has neither goals nor entries in the range. " +
  "Current = the same over the last 28 days.";

/** The window `current` looks back over. */
export const CURRENT_WINDOW_MS = 28 * DAY_MS;

/** The first local day of the period a local date falls in: its week's Monday, or its month's first. */
function periodStart(date: string, bucket: BalanceBucket): string {
  if (bucket === "month") return `${date.slice(0, 7)}-01`;
  const weekday = (new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay() + 6) % 7;
  return shiftDay(date, -weekday);
}

/** The periods that cover [from, to) in the time zone, oldest first, each clipped to the range. */
export function balancePeriods(from: number, to: number, bucket: BalanceBucket, timeZone: string): BalancePeriod[] {
  const days: string[] = [];
  const last = localDate(to - 1, timeZone);
  for (let day = periodStart(localDate(from, timeZone), bucket); day <= last; ) {
    days.push(day);
    day = bucket === "week" ? shiftDay(day, 7) : nextMonth(day);
  }
  const starts = startsOfLocalDays(days, timeZone);
  return days.map((period, i) => ({ period, start: Math.max(starts[i]!, from), end: Math.min(starts[i + 1] ?? to, to) }));
}

const nextMonth = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${String(y + 1).padStart(4, "0")}-01-01` : `${day.slice(0, 5)}${String(m + 1).padStart(2, "0")}-01`;
};

/** The entries a period needs for full marks on the entries side: one a week, at least one. */
export const entriesTarget = (p: Pick<BalancePeriod, "start" | "end">) => Math.max(1, (p.end - p.start) / WEEK_MS);

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** One area in one period: its score and the figures it was made from. */
export function areaScore(goalProgress: number[], touching: number, target: number, hasData: boolean) {
  const goals = goalProgress.length > 0 ? goalProgress.reduce((a, b) => a + b, 0) / goalProgress.length / 100 : null;
  const entries = Math.min(1, touching / target);
  const score = !hasData ? null : goals === null ? entries : (goals + entries) / 2;
  return {
    score: score === null ? null : round3(score),
    goal_progress: goals === null ? null : round3(goals),
    goals: goalProgress.length,
    entries: touching,
  };
}

/** A goal as the balance reads it. */
export interface BalanceGoal {
  id: string;
  area: LifeArea;
  createdAt: number;
  completedAt: number | null;
}

/** Whether a goal counts in a period: it existed by the period's end and was not completed before it began. */
export const goalCounts = (g: BalanceGoal, p: Pick<BalancePeriod, "start" | "end">) => g.createdAt < p.end && (g.completedAt === null || g.completedAt >= p.start);

/** (word, area) pairs the SQL matches activities and tags against: letters only, so they can be inlined. */
export const AREA_WORD_PAIRS: [string, LifeArea][] = Object.entries(AREA_WORDS).flatMap(([area, words]) =>
  words.filter((w) => /^[a-z]+$/.test(w)).map((w): [string, LifeArea] => [w, area as LifeArea]),
);
