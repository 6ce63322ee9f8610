// The local day of every entry, in the person's time zone, for the running totals of the analytics
// (migrations/0027). SQLite has no time zones, so the zone's offsets are written out per person
// (zone_spans) and a trigger reads them when an entry is written or moved. When the person changes
// their zone, the offsets are replaced and their entries are given their new days in the background,
// a chunk per queue job (queues/consumer.ts), so a long history never holds up the request.
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { analyticsTotals, zoneSpans } from "../db/analytics-schema.ts";
import { entries } from "../db/schema.ts";
import { DEFAULT_TIME_ZONE, offsetSpans } from "../lib/time-zone.ts";
import type { RedateJob } from "../../queues/messages.ts";

/** The offsets cover 1970 to 2100; an instant outside takes the nearest stretch's offset. */
const SPANS_FROM = Date.UTC(1970, 0, 1);
const SPANS_TO = Date.UTC(2100, 0, 1);
/** The last stretch runs to the end of time (the largest integer a JavaScript number holds exactly). */
const END_OF_TIME = Number.MAX_SAFE_INTEGER;
/** Entries given their new day per queue job. */
export const REDATE_CHUNK = 500;

// A zone's offsets take some thousands of formatter calls to find: once per zone and isolate.
const spansByZone = new Map<string, { untilMs: number; offsetMs: number }[]>();

export function zoneOffsets(timeZone: string) {
  let spans = spansByZone.get(timeZone);
  if (!spans) {
    spans = offsetSpans(timeZone, SPANS_FROM, SPANS_TO).map((s, i, all) => ({ untilMs: i === all.length - 1 ? END_OF_TIME : s.until, offsetMs: s.offsetMs }));
    spansByZone.set(timeZone, spans);
  }
  return spans;
}

/** The local day of an entry row from the person's offsets, in SQL (the triggers spell out the same). */
export const localDayOfEntrySql = sql<string>`date((${entries.createdAt} + coalesce((SELECT ${zoneSpans.offsetMs} FROM ${zoneSpans} WHERE ${zoneSpans.userId} = ${entries.userId} AND ${zoneSpans.untilMs} > ${entries.createdAt} ORDER BY ${zoneSpans.untilMs} LIMIT 1), 0)) / 1000, 'unixepoch')`;

/** Whether days counted in `daysZone` (null: never set, so UTC) are days of `timeZone`. */
export const daysFollow = (daysZone: string | null, timeZone: string) => (daysZone ?? DEFAULT_TIME_ZONE) === timeZone;

/** Marks the days as counted in no zone, so that the next analytics read starts them again. */
const UNKNOWN_ZONE = "";

/**
 * What an analytics read needs to catch a person's days up with their zone: the queue, and the
 * request's account check, which a read waits for before it writes (so that a gone or disabled
 * account's read stores nothing, as with every other read that writes).
 */
export interface DaysKeeper {
  env: Pick<Env, "INSIGHT_JOBS">;
  accountChecked: () => Promise<unknown>;
}

/**
 * After an analytics read of the running totals (`totals`: the person's row, if any): when the days
 * were counted in another zone than `timeZone`, they start moving to it (see followZone).
 */
export async function catchUpDays(keeper: DaysKeeper, db: Database, userId: string, timeZone: string, totals: { daysZone: string | null } | undefined): Promise<void> {
  if (!totals || daysFollow(totals.daysZone, timeZone)) return;
  await keeper.accountChecked();
  await followZone(keeper.env, db, userId, timeZone, totals.daysZone);
}

/**
 * Makes the person's days follow their time zone (after a change in Settings, or when an analytics
 * read finds them counted in another: `daysZone` is what it read). The entries already written are
 * given their new days by queue jobs; if the first cannot be sent, the days are marked as counted in
 * no zone, so the next read tries again.
 */
export async function followZone(env: Pick<Env, "INSIGHT_JOBS">, db: Database, userId: string, timeZone: string, daysZone?: string | null): Promise<void> {
  const job = await useZoneForDays(db, userId, timeZone, daysZone);
  if (!job) return;
  try {
    await env.INSIGHT_JOBS.send(job);
  } catch (err) {
    console.warn("zone-days: could not queue the new days", err instanceof Error ? err.message : err);
    await db.update(analyticsTotals).set({ daysZone: UNKNOWN_ZONE }).where(eq(analyticsTotals.userId, userId));
  }
}

/**
 * Makes the person's days follow `timeZone`: writes its offsets and answers the job that gives the
 * entries already written their new days (null when the days already follow it). Entries written
 * from now on get their day in the new zone at once.
 */
async function useZoneForDays(db: Database, userId: string, timeZone: string, daysZone?: string | null): Promise<RedateJob | null> {
  if (daysZone === undefined) {
    const [current] = await db.select({ zone: analyticsTotals.daysZone }).from(analyticsTotals).where(eq(analyticsTotals.userId, userId));
    daysZone = current?.zone ?? null;
  }
  if (daysFollow(daysZone, timeZone)) return null;
  const spans = zoneOffsets(timeZone);
  await db.batch([
    db.delete(zoneSpans).where(eq(zoneSpans.userId, userId)),
    // One bound value for all the offsets (D1 binds at most 100 per statement).
    db
      .insert(zoneSpans)
      .select(sql`SELECT ${userId}, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(spans.map((s) => [s.untilMs, s.offsetMs]))})`),
    db
      .insert(analyticsTotals)
      .values({ userId, daysZone: timeZone })
      .onConflictDoUpdate({ target: analyticsTotals.userId, set: { daysZone: timeZone } }),
  ]);
  return { type: "redate-entries", userId, afterSeq: 0 };
}

/**
 * Gives one chunk of the person's entries (after `afterSeq`, in write order) the day their offsets
 * now say; the triggers move the running totals. Answers the job for the next chunk, or null.
 */
export async function redateEntries(db: Database, job: RedateJob, chunk = REDATE_CHUNK): Promise<RedateJob | null> {
  const seqs = await db
    .select({ seq: entries.seq })
    .from(entries)
    .where(and(eq(entries.userId, job.userId), gt(entries.seq, job.afterSeq)))
    .orderBy(entries.seq)
    .limit(chunk);
  const last = seqs.at(-1)?.seq;
  if (last === undefined) return null;
  await db
    .update(entries)
    .set({ localDay: localDayOfEntrySql })
    .where(
      and(
        eq(entries.userId, job.userId),
        gt(entries.seq, job.afterSeq),
        sql`${entries.seq} <= ${last}`,
        sql`${entries.localDay} IS NOT ${localDayOfEntrySql}`,
      ),
    );
  return seqs.length < chunk ? null : { ...job, afterSeq: last };
}
