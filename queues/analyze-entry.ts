// The deep analysis of one entry: load it (skip if gone or superseded), run the configured
// provider, write the insight, refine the graph if the emotion changed, and tell the person's tabs.
// Safe to run twice: the insight upsert and the graph record are both keyed by entry and revision.
// A crisis entry is read only locally (no language model writes anything about it), gets no
// reflective questions and earns no points; in production Llama Guard gives a second opinion on
// entries the local screen found ordinary, and a language model may follow the instant reply up.
// A private entry is read only locally too; any other goes to Workers AI redacted (services/ai-gate.ts).
import { and, eq } from "drizzle-orm";
import type { Database } from "../worker/db/client.ts";
import { entries, entryTags, insights, tags } from "../worker/db/schema.ts";
import { emotionProviderFor } from "../worker/emotion/provider.ts";
import { extractInsightLocally } from "../worker/insights/local-insights.ts";
import { extractInsightWithWorkersAi } from "../worker/insights/workers-ai-insights.ts";
import { askLlamaGuard } from "../worker/safety/llama-guard.ts";
import { raiseToConcern } from "../worker/services/safety.ts";
import { distressAware, moodOf, recordMood, textOf } from "../worker/services/entry-emotion.ts";
import { syncEntryState } from "../worker/services/entries.ts";
import { noticedOf } from "../worker/services/entry-noticed.ts";
import { followUpReply } from "../worker/services/follow-up.ts";
import { indexEntryMemory } from "../worker/services/memories.ts";
import { award } from "../worker/services/gamification.ts";
import { graphFor } from "../worker/services/graph.ts";
import { saveReadyInsight } from "../worker/services/insights.ts";
import { keepActionItems } from "../worker/services/actions.ts";
import type { InsightJob } from "./messages.ts";
import { yieldToOtherWork } from "../worker/lib/yield.ts";
import { gateEntry, type AiGate } from "../worker/services/ai-gate.ts";

/** After this many failed tries of the language model, the local methods write the insight. */
export const LLM_ATTEMPTS = 3;

export type AnalyzeOutcome = "analysed" | "entry-gone" | "superseded" | "already-done";

/** What may be sent to Workers AI about an entry: its redacted text and the gate that restores answers; null keeps it local. */
type Sendable = { text: string; gate: AiGate } | null;

async function insightContent(env: Env, text: string, analysis: Parameters<typeof extractInsightLocally>[1], attempts: number, crisis: boolean, sendable: Sendable) {
  // No reflective questions on a crisis entry: the reply points to people, not to introspection.
  if (crisis) return { content: { ...extractInsightLocally(text, analysis), questions: [] }, model: null };
  if (env.AI_PROVIDER !== "workers-ai" || !sendable) return { content: extractInsightLocally(text, analysis), model: null };
  try {
    const { model, ...content } = await extractInsightWithWorkersAi(env.AI, sendable.text, analysis);
    return { content: sendable.gate.restoreDeep(content), model };
  } catch (err) {
    // Let the queue retry with backoff; the last tries settle for the honest local methods.
    if (attempts < LLM_ATTEMPTS) throw err;
    console.warn("insight: language model kept failing, using local extraction", err instanceof Error ? err.message : err);
    return { content: extractInsightLocally(text, analysis), model: null };
  }
}

/** Whether the job's entry still exists at a revision this job can write (not deleted, not edited since). */
export async function analysisStillWanted(db: Database, job: InsightJob): Promise<boolean> {
  const entry = await db.query.entries.findFirst({
    where: and(eq(entries.id, job.entryId), eq(entries.userId, job.userId)),
    columns: { revision: true },
  });
  return entry !== undefined && entry.revision <= job.revision;
}

export async function analyzeEntry(env: Env, db: Database, job: InsightJob, attempts: number): Promise<AnalyzeOutcome> {
  const entry = await db.query.entries.findFirst({ where: and(eq(entries.id, job.entryId), eq(entries.userId, job.userId)) });
  if (!entry) return "entry-gone";
  if (entry.revision > job.revision) return "superseded";
  // Search by meaning: this revision's vector, written before anything else so a redelivery writes it too.
  await indexEntryMemory(env, db, entry);
  const existing = await db.query.insights.findFirst({ where: and(eq(insights.entryId, job.entryId), eq(insights.userId, job.userId)) });
  if (existing && existing.status === "ready" && existing.revision >= job.revision) {
    // A redelivery after a failure part-way: finish what may be missing. The graph is sent the stored
    // reading again (a refined mood whose graph call failed reaches it now); the award is idempotent.
    await syncEntryState(env, db, job.userId, entry.id);
    if (entry.safetyLevel !== "crisis") await award(env, db, job.userId, "entry-analysed", entry.id);
    return "already-done";
  }

  // A job is a chain of calls that, locally, never leave the process: it pauses between its larger
  // steps so that requests to the app are not kept waiting behind a backlog (worker/lib/yield.ts).
  await yieldToOtherWork();
  const text = textOf(entry);
  const crisis = entry.safetyLevel === "crisis";
  // Private (kept from the AI): no Workers AI call reads it, not even Llama Guard; the local screen stands.
  const sendable = env.AI_PROVIDER === "workers-ai" && !crisis ? await gateEntry(db, job.userId, { private: entry.private, text }) : null;
  if (sendable && entry.safetyLevel === "none" && (await askLlamaGuard(env.AI, sendable.text)) === "self-harm") {
    await raiseToConcern(env, db, job.userId, entry.id, job.revision);
  }
  const { analysis, provider, model } = sendable
    ? await emotionProviderFor(env).analyzeWithProvenance(sendable.text)
    : await emotionProviderFor({ AI: env.AI, AI_PROVIDER: "local" }).analyzeWithProvenance(text);
  const { content, model: contentModel } = await insightContent(env, text, analysis, attempts, crisis, sendable);
  await yieldToOtherWork();
  const saved = await saveReadyInsight(db, {
    entryId: entry.id,
    userId: job.userId,
    revision: job.revision,
    provider,
    model: contentModel && contentModel !== model ? `${model} + ${contentModel}` : model,
    analysis,
    content,
  });
  if (!saved) return "superseded";
  // The insight's intentions become the person's open action items (idempotent per revision).
  await keepActionItems(db, job, content.action_items);

  const graph = graphFor(env, job.userId);
  const mood = distressAware(moodOf(analysis), entry.safetyLevel);
  // A mood the person stated (an imported Daylio entry) stays: no reading of the words replaces it.
  if (entry.statedMood === null && mood.primary_emotion !== entry.primaryEmotion) {
    // The deeper model reads the entry differently: the graph follows the better reading.
    const tagRows = await db
      .select({ name: tags.name })
      .from(entryTags)
      .innerJoin(tags, eq(tags.id, entryTags.tagId))
      .where(and(eq(entryTags.entryId, entry.id), eq(entryTags.userId, job.userId)));
    await recordMood(env, db, job.userId, { ...entry, tags: tagRows.map((t) => t.name), activities: noticedOf(entry).activities }, mood);
    await graph.broadcast({ type: "graph.updated", entry_id: entry.id, primary_emotion: mood.primary_emotion });
  }
  await yieldToOtherWork();
  if (!crisis) await award(env, db, job.userId, "entry-analysed", entry.id);
  await graph.broadcast({
    type: "insight.ready",
    entry_id: entry.id,
    revision: job.revision,
    summary: content.summary,
    topics: content.topics,
    questions: content.questions,
  });
  // Best effort, after the insight is out: the instant reply stays whatever happens here.
  await followUpReply(env, db, job).catch((err: unknown) => console.warn("follow-up: skipped after an error", err instanceof Error ? err.message : err));
  return "analysed";
}
