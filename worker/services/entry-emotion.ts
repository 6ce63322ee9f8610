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

export async function analyseAndRecord(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry,
  triedAction?: string | null,
): Promise<{ mood: StoredMood; graph: RecordResult }> {
  const mood = moodOf(analyzeEmotion(textOf(entry)));
  await db
    .update(entries)
    .set({
      primaryEmotion: mood.primary_emotion,
      valence: mood.valence,
      intensity: mood.intensity,
      isPositive: mood.is_positive,
      emotionScores: JSON.stringify(mood.emotion_scores),
    })
    // Only if no newer edit landed meanwhile: the newest revision's emotion wins.
    .where(and(eq(entries.id, entry.id), eq(entries.userId, userId), eq(entries.revision, entry.revision)));
  const graph = await graphFor(env, userId).recordState({
    entryId: entry.id,
    revision: entry.revision,
    recordedAt: entry.createdAt,
    primaryEmotion: mood.primary_emotion,
    valence: mood.valence,
    intensity: mood.intensity,
    isPositive: mood.is_positive,
    ekmanScores: mood.emotion_scores,
    activities: entry.tags,
    triedAction,
  });
  return { mood, graph };
}

export async function forgetEntryEmotion(env: Env, userId: string, entryId: string): Promise<void> {
  await graphFor(env, userId).removeState(entryId);
}
