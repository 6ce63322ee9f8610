// The producer side of the insight-jobs queue: deep analysis (mark an entry's insight pending for its
// revision and send the job, unless the person switched AI analysis off; imports send in batches),
// failed analyses sent round again by an administrator, and the graph reconciliation after a failed
// graph call. Nothing else sends to the queue but the weekly scheduler.
import { and, eq, exists, inArray, sql } from "drizzle-orm";
import type { GraphSyncJob, InsightJob } from "../../queues/messages.ts";
import type { Database } from "../db/client.ts";
import { entries, insights, settings } from "../db/schema.ts";

/** Queues.sendBatch takes at most 100 messages per call. */
export const SEND_BATCH = 100;

export async function aiAnalysisEnabled(db: Database, userId: string): Promise<boolean> {
  const row = await db.query.settings.findFirst({ where: eq(settings.userId, userId), columns: { aiAnalysis: true } });
  return row?.aiAnalysis ?? true;
}

/** A pending row for this revision; never moves an insight back to an older revision. */
function markPending(db: Database, userId: string, entryId: string, revision: number) {
  const now = Date.now();
  return db
    .insert(insights)
    .values({ entryId, userId, revision, status: "pending", attempts: 0, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: insights.entryId,
      set: { revision, status: "pending", error: null, attempts: 0, updatedAt: now },
      setWhere: and(eq(insights.userId, userId), sql`${insights.revision} <= ${revision}`),
    });
}

/** The pending rows for these entries' insights, for a D1 batch of the caller's (an import's). */
export const pendingInsightStatements = (db: Database, userId: string, list: { id: string; revision: number }[]) =>
  list.map((e) => markPending(db, userId, e.id, e.revision));

const analyzeJob = (userId: string, entryId: string, revision: number): InsightJob => ({ type: "analyze-entry", entryId, userId, revision });

/** Sends the analysis jobs of at most SEND_BATCH entries whose insights are marked pending. */
export async function sendInsightJobs(env: Env, userId: string, list: { id: string; revision: number }[]): Promise<void> {
  const jobs = list.map((e) => analyzeJob(userId, e.id, e.revision));
  if (jobs.length === 1) await env.INSIGHT_JOBS.send(jobs[0]);
  else if (jobs.length > 1) await env.INSIGHT_JOBS.sendBatch(jobs.map((body) => ({ body })));
}

/**
 * A pending insight for a new entry, kept only if the person has deep analysis on (as
 * `aiAnalysisEnabled`: on unless their settings say off), so that it can ride in the entry's own
 * batch: written, then taken back in the same batch when analysis is off (drizzle's batch takes no
 * raw INSERT … SELECT, and listing every insight column for a typed one would be worse).
 */
export function pendingIfEnabledStatements(db: Database, userId: string, entryId: string) {
  const analysisOff = db
    .select({ one: sql`1` })
    .from(settings)
    .where(and(eq(settings.userId, userId), eq(settings.aiAnalysis, false)));
  return [
    markPending(db, userId, entryId, 1),
    db.delete(insights).where(and(eq(insights.entryId, entryId), eq(insights.userId, userId), exists(analysisOff))),
  ] as const;
}

export async function enqueueEntryAnalysis(env: Env, db: Database, userId: string, list: { id: string; revision: number }[]): Promise<number> {
  if (list.length === 0 || !(await aiAnalysisEnabled(db, userId))) return 0;
  for (let i = 0; i < list.length; i += SEND_BATCH) {
    const part = list.slice(i, i + SEND_BATCH);
    const [first, ...rest] = pendingInsightStatements(db, userId, part);
    await db.batch([first!, ...rest]);
    await sendInsightJobs(env, userId, part);
  }
  return list.length;
}

/**
 * Sends failed analyses round again (all of them, or those of the listed entries; at most SEND_BATCH
 * at a time), each for its entry's current revision, whoever's they are. Only a row still failed is
 * reset, so an insight that finished meanwhile stays finished. Answers how many were sent.
 */
export async function retryFailedInsights(env: Env, db: Database, entryIds: string[] | undefined): Promise<number> {
  const failed = await db
    .select({ entryId: insights.entryId, userId: insights.userId, revision: entries.revision })
    .from(insights)
    .innerJoin(entries, eq(entries.id, insights.entryId))
    .where(and(eq(insights.status, "failed"), entryIds ? inArray(insights.entryId, entryIds) : undefined))
    .limit(SEND_BATCH);
  if (failed.length === 0) return 0;
  const now = Date.now();
  const [first, ...rest] = failed.map((f) =>
    db
      .update(insights)
      .set({ status: "pending", revision: f.revision, attempts: 0, error: null, updatedAt: now })
      .where(and(eq(insights.entryId, f.entryId), eq(insights.status, "failed"))),
  );
  await db.batch([first!, ...rest]);
  await env.INSIGHT_JOBS.sendBatch(failed.map((f) => ({ body: analyzeJob(f.userId, f.entryId, f.revision) })));
  return failed.length;
}

/**
 * A new revision whose text did not change (the person corrected what was noticed): a finished or
 * failed insight still describes it and moves to the new revision; a pending one is sent again, as the
 * job in flight will find itself superseded. Answers whether the insight is pending.
 */
export async function carryInsightForward(env: Env, db: Database, userId: string, entryId: string, from: number, to: number): Promise<boolean> {
  const moved = await db
    .update(insights)
    .set({ revision: to })
    .where(and(eq(insights.entryId, entryId), eq(insights.userId, userId), eq(insights.revision, from), inArray(insights.status, ["ready", "failed"])))
    .returning({ entryId: insights.entryId });
  if (moved.length > 0) return false;
  return (await enqueueEntryAnalysis(env, db, userId, [{ id: entryId, revision: to }])) > 0;
}

/**
 * Asks the consumer to make the person's graph hold what D1 holds for this entry (its state, or none
 * once it is deleted): sent when a graph call failed part-way through a write. Whatever AI setting.
 */
export async function enqueueGraphSync(env: Env, userId: string, entryId: string): Promise<void> {
  const job: GraphSyncJob = { type: "sync-graph", userId, entryId };
  await env.INSIGHT_JOBS.send(job);
}
