// The conversational path: store the entry, analyse it, record it in the graph, write the reply,
// store the reply. Everything a reply needs comes back from the graph in one RPC.
import { and, desc, eq, getTableColumns, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { RecordResult, Suggestion } from "../../durable-objects/graph-types.ts";
import type { Database } from "../db/client.ts";
import { categories, entries, insights, replies, settings } from "../db/schema.ts";
import { DAY_MS, DEFAULT_TIME_ZONE } from "../lib/time-zone.ts";
import { EKMAN_EMOTIONS } from "../emotion/taxonomy.ts";
import type { EntryFilters, EntryView } from "../schemas/entries.ts";
import { GoalOfferSchema } from "../schemas/goals.ts";
import { SuggestedActionSchema } from "../schemas/journal.ts";
import { detectIntention } from "../reply/intentions.ts";
import { mayFollowUp } from "../safety/replies.ts";
import { notFound } from "../lib/errors.ts";
import { categoryOfEntry, createEntry, entryViewColumns, insightOfEntry, pageOf, toEntryViews, withdrawEntry } from "./entries.ts";
import { award } from "./gamification.ts";
import { relevantGoal } from "./goals.ts";
import { graphFor } from "./graph.ts";
import { buildReply, type ReplyMemory } from "./reply.ts";

export type SuggestedAction = z.infer<typeof SuggestedActionSchema>;
/** The stored shape of replies.suggested_actions, parsed on every read. */
const StoredSuggestionsSchema = z.array(SuggestedActionSchema);
/** replies.goal_offer, parsed on every read (null when the reply offered no goal). */
const goalOfferOf = (stored: string | null) => (stored === null ? null : GoalOfferSchema.parse(JSON.parse(stored)));

/**
 * The words of the person's latest reply, so the next one never repeats them: one row by the
 * (user_id, created_at) index, whatever the length of the history.
 */
async function latestReplyText(db: Database, userId: string): Promise<string | null> {
  const [last] = await db
    .select({ text: replies.text })
    .from(replies)
    .where(eq(replies.userId, userId))
    .orderBy(desc(replies.createdAt))
    .limit(1);
  return last?.text ?? null;
}

export const toSuggestedAction = (s: Suggestion): SuggestedAction => ({
  action: s.action,
  source: s.source,
  score: Math.round(s.score * 1000) / 1000,
  evidence: s.evidence ? { tried: s.evidence.tried, worked: s.evidence.worked, median_recovery_ms: s.evidence.medianRecoveryMs } : null,
});

/** The emotion part of a conversation item, from the mood stored on the entry (null until analysed). */
export function emotionSummaryOf(mood: EntryView["mood"]) {
  const emotion = EKMAN_EMOTIONS.find((e) => e === mood.primary_emotion);
  if (!emotion || mood.is_positive === null) return null;
  return { primary_emotion: emotion, is_positive: mood.is_positive, emotion_scores: mood.emotion_scores ?? {} };
}

const EXCERPT_CHARS = 90;

function excerptOf(text: string): string {
  const firstSentence = text.trim().split(/(?<=[.!?])\s/)[0] ?? "";
  const clipped = firstSentence.length > EXCERPT_CHARS ? `${firstSentence.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "")}…` : firstSentence;
  return clipped.replace(/"/g, "'");
}

export async function loadMemory(db: Database, userId: string, memory: { entryId: string; recordedAt: number; recoveredAfterMs: number } | null): Promise<ReplyMemory | null> {
  if (!memory) return null;
  // The person's zone comes with the entry, so that the reply dates it as they lived it.
  const [row] = await db
    .select({ content: entries.content, timeZone: settings.timezone })
    .from(entries)
    .leftJoin(settings, eq(settings.userId, entries.userId))
    .where(and(eq(entries.id, memory.entryId), eq(entries.userId, userId)))
    .limit(1);
  return row
    ? { writtenAt: memory.recordedAt, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE, excerpt: excerptOf(row.content), recoveredAfterMs: memory.recoveredAfterMs }
    : null;
}

/** Credits an action tried since the last entry to that entry, where the suggestion was made. */
async function creditPreviousEntry(env: Env, db: Database, userId: string, before: number, action: string) {
  const previous = await db
    .select({ id: entries.id })
    .from(entries)
    .where(and(eq(entries.userId, userId), lt(entries.createdAt, before)))
    .orderBy(desc(entries.createdAt), desc(entries.id))
    .limit(1);
  if (!previous[0]) return;
  // Deleted meanwhile (from another tab): there is nothing left to credit, and the new entry still goes in.
  await markTriedIfThere(env, db, userId, previous[0].id, action);
}

export async function markTried(env: Env, db: Database, userId: string, entryId: string, action: string) {
  const state = await markTriedIfThere(env, db, userId, entryId, action);
  if (state === null) throw notFound("entry");
  return state;
}

/** Records the tried action on the person's entry; null when there is no such entry of theirs. */
async function markTriedIfThere(env: Env, db: Database, userId: string, entryId: string, action: string) {
  const owned = await db.query.entries.findFirst({ where: and(eq(entries.id, entryId), eq(entries.userId, userId)), columns: { id: true, safetyLevel: true } });
  if (!owned) return null;
  const normalised = action.trim().toLowerCase();
  await db.update(replies).set({ triedAction: normalised }).where(and(eq(replies.entryId, entryId), eq(replies.userId, userId)));
  const state = await graphFor(env, userId).markTried({ entryId, action: normalised });
  // A crisis entry earns nothing, whatever is recorded after it.
  if (owned.safetyLevel !== "crisis") await award(env, db, userId, "suggestion-tried", entryId);
  return state;
}

/** How far back an entry that waited on the device (offline) keeps the time it was written. */
export const OFFLINE_WINDOW_MS = 7 * DAY_MS;
/**
 * A written time this close to the arrival (or after it) is an entry sent as it was written: it is
 * dated by the server's clock, so that a device clock a little off never moves it.
 */
export const SENT_AT_ONCE_MS = 2 * 60_000;

/**
 * The time a journal entry is dated: when it was written, if it waited on the device (never further
 * back than OFFLINE_WINDOW_MS), else its arrival.
 */
export function writtenTime(writtenAt: string | undefined, arrival: number): number {
  const written = writtenAt === undefined ? arrival : Date.parse(writtenAt);
  if (arrival - written < SENT_AT_ONCE_MS) return arrival;
  return Math.max(arrival - OFFLINE_WINDOW_MS, written);
}

export async function writeJournalEntry(
  env: Env,
  db: Database,
  userId: string,
  input: { content: string; tags?: string[]; tried_action?: string; private?: boolean | undefined; written_at?: string | undefined },
) {
  const now = writtenTime(input.written_at, Date.now());
  if (input.tried_action) await creditPreviousEntry(env, db, userId, now, input.tried_action);
  // Read beside the write (each its own round trip, at the same time): the reply before this one
  // (read before the new reply is stored) and the goal the entry may speak to.
  const [previousText, goal, { entry, graph }] = await Promise.all([
    latestReplyText(db, userId),
    relevantGoal(db, userId, input.content, input.tags ?? []),
    createEntry(env, db, userId, { content: input.content, tags: input.tags, created_at: now, private: input.private }),
  ]);
  try {
    return await replyTo(db, userId, input, now, previousText, goal, entry, graph);
  } catch (err) {
    // No entry without its reply: the write is taken back whole and the person can send it again.
    await withdrawEntry(env, db, userId, entry.id);
    throw err;
  }
}

/** Builds the reply to a stored and recorded entry, stores it, and answers the journal's response. */
async function replyTo(
  db: Database,
  userId: string,
  input: { content: string },
  now: number,
  previousText: string | null,
  relevant: Awaited<ReturnType<typeof relevantGoal>>,
  entry: EntryView,
  graph: RecordResult,
) {
  const state = graph.state;
  const ordinary = entry.safety.level === "none";
  // A crisis or concern entry gets no memory and no goal in its reply.
  const memory = ordinary ? await loadMemory(db, userId, graph.memory) : null;
  const goal = ordinary ? relevant : null;
  const reply = buildReply({
    entryId: entry.id,
    emotion: state.primaryEmotion,
    intensity: state.intensity,
    isPositive: state.isPositive,
    suggestions: graph.suggestions,
    memory,
    entry: { text: input.content, activities: entry.activities, people: entry.people, tags: entry.tags },
    scores: state.ekmanScores,
    goal: goal && { title: goal.title, progress: goal.progress, stepsDone: goal.tasks.filter((t) => t.done).length, steps: goal.tasks.length },
    goalOffer: ordinary ? detectIntention(input.content, now) : null,
    previousText,
    safety: entry.safety,
  });
  const suggested = reply.suggested_actions.map(toSuggestedAction);
  const responseId = crypto.randomUUID();
  await db.insert(replies).values({
    id: responseId,
    entryId: entry.id,
    userId,
    text: reply.text,
    suggestedActions: JSON.stringify(suggested),
    goalOffer: reply.goal_offer ? JSON.stringify(reply.goal_offer) : null,
    createdAt: Date.now(),
  });
  return {
    entry_id: entry.id,
    response_id: responseId,
    response: { text: reply.text, suggested_actions: suggested, goal_offer: reply.goal_offer },
    emotion: {
      primary_emotion: state.primaryEmotion,
      is_positive: state.isPositive,
      emotion_scores: state.ekmanScores as Record<string, number>,
    },
    activities: entry.activities,
    people: entry.people,
    insight_status: entry.insight_status === "pending" ? ("pending" as const) : null,
    private: entry.private,
    safety: entry.safety,
  };
}

/** A page of entry views with the reply each got, in one query (see entryViewColumns). */
function selectConversationRows(db: Database, where: SQL, limit: number) {
  return db
    .select({ ...entryViewColumns, reply: getTableColumns(replies) })
    .from(entries)
    .leftJoin(categories, categoryOfEntry)
    .leftJoin(insights, insightOfEntry)
    .leftJoin(replies, and(eq(replies.entryId, entries.id), eq(replies.userId, entries.userId)))
    .where(where)
    .orderBy(desc(entries.createdAt), desc(entries.id))
    .limit(limit);
}

/** One page of the conversation: entries, newest first, each with the reply it got. */
export async function conversationPage(db: Database, userId: string, filters: EntryFilters, cursor: string | undefined, limit: number) {
  const { rows: page, nextCursor } = await pageOf((where, n) => selectConversationRows(db, where, n), db, userId, filters, cursor, limit);
  const views = await toEntryViews(db, userId, page);
  const replyByEntry = new Map(page.map((r) => [r.entry.id, r.reply]));
  const items = views.map((v) => {
    const reply = replyByEntry.get(v.id);
    return {
      entry_id: v.id,
      title: v.title,
      content: v.content,
      tags: v.tags,
      activities: v.activities,
      people: v.people,
      created_at: v.created_at,
      emotion: emotionSummaryOf(v.mood),
      insight_status: v.insight_status,
      private: v.private,
      safety: v.safety,
      response: reply
        ? {
            id: reply.id,
            text: reply.text,
            suggested_actions: StoredSuggestionsSchema.parse(JSON.parse(reply.suggestedActions)),
            tried_action: reply.triedAction,
            // The language-model follow-up, shown only while the entry is as it was when written.
            refined_text: reply.refinedRevision === v.revision && mayFollowUp(v.safety.level) ? reply.refinedText : null,
            // an entry that has since been flagged offers no goal
            goal_offer: v.safety.level === "none" ? goalOfferOf(reply.goalOffer) : null,
            goal_id: reply.goalId,
          }
        : null,
    };
  });
  return { items, next_cursor: nextCursor };
}
