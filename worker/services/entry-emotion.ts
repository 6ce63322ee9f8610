// Keeps an entry's emotion in step with its text: analyse with the local model (sub-millisecond,
// so it runs inline on every write), store the summary on the entry, and record the state in the
// person's emotional graph. Edits re-record with the new revision; deletions remove the state.
import { and, eq } from "drizzle-orm";
import type { RecordResult } from "../../durable-objects/graph-types.ts";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { analyzeEmotion } from "../emotion/local-model.ts";
import type { EmotionAnalysis } from "../emotion/types.ts";
import { graphFor } from "./graph.ts";

export interface AnalysableEntry {
  id: string;
  title: string | null;
  content: string;
  revision: number;
  createdAt: number;
  tags: string[];
}

export const textOf = (entry: Pick<AnalysableEntry, "title" | "content">) =>
  entry.title ? `${entry.title}. ${entry.content}` : entry.content;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The emotion summary as stored on the entry (rounded: three decimals are plenty for a mood). */
export interface StoredMood {
  primary_emotion: EmotionAnalysis["primary_emotion"];
  is_positive: boolean;
  valence: number;
  intensity: number;
  emotion_scores: Record<string, number>;
}

export function moodOf(analysis: EmotionAnalysis): StoredMood {
  return {
    primary_emotion: analysis.primary_emotion,
    is_positive: analysis.is_positive,
    valence: round(Math.max(-1, Math.min(1, analysis.valence))),
    intensity: round(Math.max(0, Math.min(1, analysis.intensity))),
    emotion_scores: Object.fromEntries(Object.entries(analysis.ekman_scores).map(([k, v]) => [k, round(v)])),
  };
}

const moodColumns = (mood: StoredMood) => ({
  primaryEmotion: mood.primary_emotion,
  valence: mood.valence,
  intensity: mood.intensity,
  isPositive: mood.is_positive,
  emotionScores: JSON.stringify(mood.emotion_scores),
});

/** The graph's view of an analysed entry. */
const stateInput = (entry: AnalysableEntry, mood: StoredMood) => ({
  entryId: entry.id,
  revision: entry.revision,
  recordedAt: entry.createdAt,
  primaryEmotion: mood.primary_emotion,
  valence: mood.valence,
  intensity: mood.intensity,
  isPositive: mood.is_positive,
  ekmanScores: mood.emotion_scores,
  activities: entry.tags,
});

export async function analyseAndRecord(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry,
  triedAction?: string | null,
): Promise<{ mood: StoredMood; graph: RecordResult }> {
  const mood = moodOf(analyzeEmotion(textOf(entry)));
  return { mood, graph: await recordMood(env, db, userId, entry, mood, triedAction) };
}

/** Stores a mood on the entry and in the graph (also used when deep analysis refines it). */
export async function recordMood(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry,
  mood: StoredMood,
  triedAction?: string | null,
): Promise<RecordResult> {
  await db
    .update(entries)
    .set(moodColumns(mood))
    // Only if no newer edit landed meanwhile: the newest revision's emotion wins.
    .where(and(eq(entries.id, entry.id), eq(entries.userId, userId), eq(entries.revision, entry.revision)));
  return graphFor(env, userId).recordState({ ...stateInput(entry, mood), triedAction });
}

export async function forgetEntryEmotion(env: Env, userId: string, entryId: string): Promise<void> {
  await graphFor(env, userId).removeState(entryId);
}

const GRAPH_BATCH = 500;

/** Analyses many stored entries (an import) and records them with one graph call per batch. */
export async function analyseAndRecordMany(env: Env, db: Database, userId: string, list: AnalysableEntry[]): Promise<void> {
  for (let i = 0; i < list.length; i += GRAPH_BATCH) {
    const part = list.slice(i, i + GRAPH_BATCH).map((entry) => ({ entry, mood: moodOf(analyzeEmotion(textOf(entry))) }));
    const updates = part.map(({ entry, mood }) =>
      db
        .update(entries)
        .set(moodColumns(mood))
        .where(and(eq(entries.id, entry.id), eq(entries.userId, userId))),
    );
    const [first, ...rest] = updates;
    if (first) await db.batch([first, ...rest]);
    await graphFor(env, userId).recordStates(part.map(({ entry, mood }) => stateInput(entry, mood)));
  }
}
