// On This Day: the person's entries from the same month and day in earlier years, in their time zone.
// Left out unless they ask (`include=all`): crisis entries, and their lowest days — entries the safety
// screen marked "concern", and entries whose valence is negative and within the person's bottom tenth
// (with fewer than MIN_RATED entries to judge by, at or below FLOOR_WITHOUT_HISTORY).
// Cost: one indexed read per earlier year (a day's range on entries_user_created, at most MAX_YEARS),
// and the bottom tenth from the person's valence bins (migrations/0029: at most 41 rows), so nothing
// here grows with the length of the history.
import { and, asc, eq, gte, gt, lt, min, ne, or } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { VALENCE_BINS_PER_UNIT, valenceBins } from "../db/analytics-schema.ts";
import { entries } from "../db/schema.ts";
import { localDate, shiftDay, startOfLocalDay } from "../lib/time-zone.ts";
import type { OnThisDayQuery } from "../schemas/memories.ts";
import { selectEntryViewRows, toEntryViews } from "./entries.ts";
import { calendarSettings } from "./settings.ts";

/** Years looked back (two bound values each; D1 binds at most 100 per query). */
export const MAX_YEARS = 40;
const MAX_MEMORIES = 20;
/** The share of a person's entries counted as their lowest. */
const LOWEST_SHARE = 0.1;

const isRealDay = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day;
};

/** Below this many entries with a valence, a bottom tenth says little: a fixed floor stands in. */
const MIN_RATED = 20;
const FLOOR_WITHOUT_HISTORY = -0.5;

/**
 * The valence at or below which a (negative) entry counts among the person's lowest days: the upper
 * edge of the bin that holds the entry ranked at the bottom tenth (bins are 0.05 wide, so this
 * errs by at most half a bin towards leaving a low memory out).
 */
export async function lowestValence(db: Database, userId: string): Promise<number> {
  const bins = await db
    .select({ bin: valenceBins.bin, entries: valenceBins.entries })
    .from(valenceBins)
    .where(and(eq(valenceBins.userId, userId), gt(valenceBins.entries, 0)))
    .orderBy(asc(valenceBins.bin));
  const total = bins.reduce((n, b) => n + b.entries, 0);
  if (total < MIN_RATED) return FLOOR_WITHOUT_HISTORY;
  const rank = Math.floor((total - 1) * LOWEST_SHARE);
  let below = 0;
  for (const b of bins) {
    below += b.entries;
    if (below > rank) return (b.bin + 0.5) / VALENCE_BINS_PER_UNIT - 1;
  }
  return FLOOR_WITHOUT_HISTORY;
}

export async function onThisDay(db: Database, userId: string, query: OnThisDayQuery) {
  const { timeZone } = await calendarSettings(db, userId);
  const date = query.date ?? localDate(Date.now(), timeZone);
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(4);
  const [first] = await db.select({ at: min(entries.createdAt) }).from(entries).where(eq(entries.userId, userId));
  if (first?.at == null) return { date, memories: [] };
  const firstYear = Math.max(Number(localDate(first.at, timeZone).slice(0, 4)), year - MAX_YEARS);
  const days: SQLRange[] = [];
  for (let y = year - 1; y >= firstYear; y--) {
    const day = `${String(y).padStart(4, "0")}${monthDay}`;
    // 29 February looks back only to leap years.
    if (isRealDay(day)) days.push([startOfLocalDay(day, timeZone), startOfLocalDay(shiftDay(day, 1), timeZone)]);
  }
  if (days.length === 0) return { date, memories: [] };
  const all = query.include === "all";
  const where = and(
    eq(entries.userId, userId),
    or(...days.map(([from, to]) => and(gte(entries.createdAt, from), lt(entries.createdAt, to)))),
    all ? undefined : ne(entries.safetyLevel, "crisis"),
    all ? undefined : ne(entries.safetyLevel, "concern"),
  )!;
  let rows = await selectEntryViewRows(db, where, MAX_MEMORIES);
  if (!all && rows.some((r) => r.entry.valence != null && r.entry.valence < 0)) {
    const floor = await lowestValence(db, userId);
    rows = rows.filter((r) => !(r.entry.valence != null && r.entry.valence < 0 && r.entry.valence <= floor));
  }
  const views = await toEntryViews(db, userId, rows);
  return {
    date,
    memories: rows.map((r, i) => ({ years_ago: year - Number(localDate(r.entry.createdAt, timeZone).slice(0, 4)), entry: views[i]! })),
  };
}

type SQLRange = [from: number, to: number];
