// The insight-jobs consumers. Each message is handled on its own: acknowledged on success, retried
// with exponential backoff and jitter on failure, and acknowledged with a log line when malformed
// (retrying a message that can never parse would only fill the dead-letter queue).
import { z } from "zod";
import { getDb } from "../worker/db/client.ts";
import { syncEntryState } from "../worker/services/entries.ts";
import { graphFor } from "../worker/services/graph.ts";
import { markInsightFailed, recordAttemptFailure } from "../worker/services/insights.ts";
import { analysisStillWanted, analyzeEntry } from "./analyze-entry.ts";
import { retryDelaySeconds } from "./backoff.ts";
import { INSIGHT_DEAD_LETTER_QUEUE, QueueMessageSchema, type QueueMessage } from "./messages.ts";
import { buildWeeklySummary } from "./weekly-summary.ts";
import { yieldToOtherWork } from "../worker/lib/yield.ts";
import { redateEntries } from "../worker/services/zone-days.ts";

/** The error and what caused it (drizzle wraps D1's own error as the cause of "Failed query: …"). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (cause: ${err.cause.message})` : "";
  return `${err.name}: ${err.message}${cause}`;
}

function parse(message: Message<unknown>): QueueMessage | null {
  const parsed = QueueMessageSchema.safeParse(message.body);
  if (parsed.success) return parsed.data;
  console.warn(`${message.id}: dropping a malformed queue message: ${z.prettifyError(parsed.error)}`);
  return null;
}

async function handleJob(env: Env, job: QueueMessage, attempts: number): Promise<string> {
  if (job.type === "weekly-summary") return buildWeeklySummary(env, getDb(env), job);
  if (job.type === "sync-graph") return syncEntryState(env, getDb(env), job.userId, job.entryId);
  if (job.type === "redate-entries") {
    const next = await redateEntries(getDb(env), job);
    if (next) await env.INSIGHT_JOBS.send(next);
    return next ? "chunk redated" : "redated";
  }
  return analyzeEntry(env, getDb(env), job, attempts);
}

export async function consumeInsightJobs(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const [i, message] of batch.messages.entries()) {
    // Between jobs, whatever waits on the same process (requests, timers) goes first.
    if (i > 0) await yieldToOtherWork();
    const job = parse(message);
    if (!job) {
      message.ack();
      continue;
    }
    try {
      await handleJob(env, job, message.attempts);
      message.ack();
    } catch (err) {
      // The entry was deleted or edited while its job ran (its insight row can no longer be written):
      // nothing is left to do for this revision, so the job ends here instead of retrying.
      if (job.type === "analyze-entry" && !(await analysisStillWanted(getDb(env), job).catch(() => true))) {
        console.info(`insight-jobs: ${job.entryId} changed while it was analysed; job dropped`);
        message.ack();
        continue;
      }
      const delaySeconds = retryDelaySeconds(message.attempts);
      console.error(`insight-jobs: ${job.type} failed (attempt ${message.attempts}), retrying in ${delaySeconds}s`, describe(err));
      if (job.type === "analyze-entry") {
        await recordAttemptFailure(getDb(env), job.userId, job.entryId, job.revision, describe(err)).catch(() => {});
      }
      message.retry({ delaySeconds });
    }
  }
}

/** Jobs that used up their retries: the insight is marked failed, with the reason, and the person told. */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const [i, message] of batch.messages.entries()) {
    if (i > 0) await yieldToOtherWork();
    const job = parse(message);
    try {
      if (job?.type === "analyze-entry") {
        const reason = await markInsightFailed(getDb(env), job.userId, job.entryId, job.revision, "The analysis kept failing and was stopped.");
        if (reason !== null) {
          await graphFor(env, job.userId).broadcast({ type: "insight.failed", entry_id: job.entryId, revision: job.revision, reason });
        }
      } else if (job) {
        console.error("insight-jobs-dlq: gave up on", JSON.stringify(job));
      }
      message.ack();
    } catch (err) {
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      console.error("insight-jobs-dlq: could not record the failure", describe(err));
    }
  }
}

export async function consumeQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  if (batch.queue === INSIGHT_DEAD_LETTER_QUEUE) return consumeDeadLetters(batch, env);
  return consumeInsightJobs(batch, env);
}
