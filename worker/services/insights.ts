// Reading and writing insights (and reading the weekly summaries). Writes are upserts keyed by entry
// id that never let an older revision overwrite a newer one, so duplicate or out-of-order deliveries
// converge on the newest.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries, insights, weeklySummaries } from "../db/schema.ts";
import type { EmotionAnalysis } from "../emotion/types.ts";
import type { InsightContent } from "../insights/types.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { StoredScoresSchema, StoredTextListSchema, WeeklySummaryDataSchema } from "../schemas/insights.ts";

export type InsightRow = typeof insights.$inferSelect;

export interface ReadyInsight {
  entryId: string;
  userId: string;
  revision: number;
  provider: string;
  model: string;
  analysis: EmotionAnalysis;
  content: InsightContent;
}

const round3 = (scores: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Math.round(v * 1000) / 1000])));

/** Stores a finished insight; answers false when a newer revision is already stored. */
export async function saveReadyInsight(db: Database, insight: ReadyInsight): Promise<boolean> {
  const now = Date.now();
  const values = {
    revision: insight.revision,
    status: "ready" as const,
    provider: insight.provider,
    model: insight.model,
    sentiment: insight.analysis.sentiment,
    primaryEmotion: insight.analysis.primary_emotion,
    sentimentScores: round3(insight.analysis.sentiment_scores),
    ekmanScores: round3(insight.analysis.ekman_scores),
    fineScores: round3(insight.analysis.fine_scores),
    topics: JSON.stringify(insight.content.topics),
    summary: insight.content.summary,
    questions: JSON.stringify(insight.content.questions),
    beliefs: JSON.stringify(insight.content.beliefs),
    challenges: JSON.stringify(insight.content.challenges),
    actionItems: JSON.stringify(insight.content.action_items),
    error: null,
    updatedAt: now,
  };
  const written = await db
    .insert(insights)
    .values({ entryId: insight.entryId, userId: insight.userId, createdAt: now, attempts: 0, ...values })
    .onConflictDoUpdate({
      target: insights.entryId,
      set: values,
      setWhere: and(eq(insights.userId, insight.userId), sql`${insights.revision} <= ${insight.revision}`),
    })
    .returning({ revision: insights.revision });
  return written.length > 0;
}

/** Notes a failed attempt on the pending insight (the queue will retry it). */
export async function recordAttemptFailure(db: Database, userId: string, entryId: string, revision: number, reason: string) {
  const now = Date.now();
  const error = reason.slice(0, 500);
  await db
    .insert(insights)
    .values({ entryId, userId, revision, status: "pending", error, attempts: 1, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: insights.entryId,
      set: { error, attempts: sql`${insights.attempts} + 1`, updatedAt: now },
      setWhere: and(eq(insights.userId, userId), eq(insights.revision, revision), eq(insights.status, "pending")),
    });
}

/**
 * The queue gave up: the person sees a failed insight with the reason. Answers the reason, or null
 * when a newer revision or a finished insight makes the failure moot.
 */
export async function markInsightFailed(db: Database, userId: string, entryId: string, revision: number, fallbackReason: string) {
  const now = Date.now();
  const rows = await db
    .insert(insights)
    .values({ entryId, userId, revision, status: "failed", error: fallbackReason, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: insights.entryId,
      set: { status: "failed", error: sql`coalesce(${insights.error}, ${fallbackReason})`, updatedAt: now },
      setWhere: and(eq(insights.userId, userId), eq(insights.revision, revision), eq(insights.status, "pending")),
    })
    .returning({ error: insights.error });
  return rows[0]?.error ?? null;
}

const list = (json: string | null) => (json ? StoredTextListSchema.parse(JSON.parse(json)) : []);
const scores = (json: string | null) => (json ? StoredScoresSchema.parse(JSON.parse(json)) : null);

/** The public shape of an insight. */
export function toInsightView(row: InsightRow) {
  return {
    entry_id: row.entryId,
    revision: row.revision,
    status: row.status,
    provider: row.provider,
    model: row.model,
    sentiment: row.sentiment,
    primary_emotion: row.primaryEmotion,
    sentiment_scores: scores(row.sentimentScores),
    ekman_scores: scores(row.ekmanScores),
    fine_scores: scores(row.fineScores),
    topics: list(row.topics),
    summary: row.summary,
    questions: list(row.questions),
    beliefs: list(row.beliefs),
    challenges: list(row.challenges),
    action_items: list(row.actionItems),
    error: row.status === "failed" ? row.error : null,
    updated_at: new Date(row.updatedAt).toISOString(),
  };
}

/** An entry's insight with its status: 404 for an entry that is not the person's, or one with no insight. */
export async function entryInsight(db: Database, userId: string, entryId: string) {
  const entry = await db.query.entries.findFirst({ where: and(eq(entries.id, entryId), eq(entries.userId, userId)), columns: { id: true } });
  if (!entry) throw notFound("entry");
  const row = await db.query.insights.findFirst({ where: and(eq(insights.entryId, entryId), eq(insights.userId, userId)) });
  if (!row) throw new ApiError(404, "insight_not_found", "This entry has no insight: AI analysis was off when it was written.");
  return toInsightView(row);
}

/** The person's weekly summaries, newest week first. */
export async function weeklySummaryViews(db: Database, userId: string, limit: number) {
  const rows = await db
    .select()
    .from(weeklySummaries)
    .where(eq(weeklySummaries.userId, userId))
    .orderBy(desc(weeklySummaries.weekEnd))
    .limit(limit);
  return rows.map((r) => ({ ...WeeklySummaryDataSchema.parse(JSON.parse(r.data)), created_at: new Date(r.createdAt).toISOString() }));
}

/** Insights whose analysis failed after every retry, newest first, whoever's they are (for administrators). */
export async function failedInsightJobs(db: Database, limit: number) {
  const rows = await db.select().from(insights).where(eq(insights.status, "failed")).orderBy(desc(insights.updatedAt)).limit(limit);
  return rows.map((r) => ({
    entry_id: r.entryId,
    user_id: r.userId,
    revision: r.revision,
    error: r.error,
    attempts: r.attempts,
    failed_at: new Date(r.updatedAt).toISOString(),
  }));
}
