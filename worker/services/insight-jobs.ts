// The producer side of the insight-jobs queue: deep analysis (mark an entry's insight pending for its
// revision and send the job, unless the person switched AI analysis off; imports send in batches),
// and the graph reconciliation after a failed graph call.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { GraphSyncJob, InsightJob } from "../../queues/messages.ts";
import type { Database } from "../db/client.ts";
import { insights, settings } from "../db/schema.ts";

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

/** Sends the analysis jobs of at most SEND_BATCH entries whose insights are marked pending. */
export async function sendInsightJobs(env: Env, userId: string, list: { id: string; revision: number }[]): Promise<void> {
  const jobs: InsightJob[] = list.map((e) => ({ type: "analyze-entry", entryId: e.id, userId, revision: e.revision }));
  if (jobs.length === 1) await env.INSIGHT_JOBS.send(jobs[0]);
  else if (jobs.length > 1) await env.INSIGHT_JOBS.sendBatch(jobs.map((body) => ({ body })));
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
