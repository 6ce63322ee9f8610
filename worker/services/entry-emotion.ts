// Keeps an entry's emotion and safety level in step with its text: screen it and analyse it with the
// local model (both sub-millisecond, so they run inline on every write), store the summary on the
// entry, and record the state in the person's emotional graph. Edits re-record with the new
// revision; deletions remove the state.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { EmotionNameSchema, type RecordResult } from "../../durable-objects/graph-types.ts";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { analyzeEmotion } from "../emotion/local-model.ts";
import type { EmotionAnalysis } from "../emotion/types.ts";
import { higherLevel, screenText, type SafetyLevel } from "../safety/screen.ts";
import { graphFor } from "./graph.ts";
import { actionsOf } from "./entry-noticed.ts";

export interface AnalysableEntry {
  id: string;
  title: string | null;
  content: string;
  revision: number;
  createdAt: number;
  tags: string[];
  /** Activities read from the words (less what the person removed). */
  activities: string[];
}

/** An entry's mood and safety level as read by the local model and the local screen. */
export interface LocalReading {
  mood: StoredMood;
  safety: SafetyLevel;
}

export const textOf = (entry: Pick<AnalysableEntry, "title" | "content">) =>
  entry.title ? `${entry.title}. ${entry.content}` : entry.content;

/** The stored shape of entries.emotion_scores: Ekman group -> score. */
export const EmotionScoresSchema = z.record(z.string(), z.number());

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

/**
 * Reads an entry locally. `floor` is a level the entry already carries from elsewhere (an imported
 * export): the screen may raise it, never lower it.
 */
export function readLocally(entry: Pick<AnalysableEntry, "title" | "content">, floor: SafetyLevel = "none"): LocalReading {
  const text = textOf(entry);
  const safety = higherLevel(screenText(text).level, floor);
  return { mood: distressAware(moodOf(analyzeEmotion(text)), safety), safety };
}

/**
 * An entry the screen found distressing is never read as joy, anger or calm: "I don't want to be
 * alive anymore" is sadness (or fear, where the model saw fear), whatever words it shares with anger.
 */
export function distressAware(mood: StoredMood, safety: SafetyLevel): StoredMood {
  if (safety === "none" || mood.primary_emotion === "sadness" || mood.primary_emotion === "fear") return mood;
  const scores = mood.emotion_scores;
  const primary = (scores.fear ?? 0) > (scores.sadness ?? 0) ? "fear" : "sadness";
  return {
    ...mood,
    primary_emotion: primary,
    is_positive: false,
    valence: Math.min(mood.valence, -0.5),
    emotion_scores: { ...scores, [primary]: Math.max(scores[primary] ?? 0, ...Object.values(scores)) },
  };
}

/** The graph's view of an analysed entry. */
const stateInput = (entry: AnalysableEntry, mood: StoredMood, safety: SafetyLevel) => ({
  entryId: entry.id,
  revision: entry.revision,
  recordedAt: entry.createdAt,
  primaryEmotion: mood.primary_emotion,
  valence: mood.valence,
  intensity: mood.intensity,
  isPositive: mood.is_positive,
  ekmanScores: mood.emotion_scores,
  activities: actionsOf(entry.tags, entry.activities),
  safetyLevel: safety,
});

export async function analyseAndRecord(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry,
  triedAction?: string | null,
): Promise<LocalReading & { graph: RecordResult }> {
  const reading = readLocally(entry);
  await db
    .update(entries)
    .set({ ...moodColumns(reading.mood), safetyLevel: reading.safety, safetySource: "local" })
    // Only if no newer edit landed meanwhile: the newest revision's reading wins.
    .where(and(eq(entries.id, entry.id), eq(entries.userId, userId), eq(entries.revision, entry.revision)));
  const graph = await graphFor(env, userId).recordState({ ...stateInput(entry, reading.mood, reading.safety), triedAction });
  return { ...reading, graph };
}

/** Stores a refined mood (deep analysis read the entry differently) on the entry and in the graph. */
export async function recordMood(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry & { safetyLevel: SafetyLevel },
  mood: StoredMood,
): Promise<RecordResult> {
  await db
    .update(entries)
    .set(moodColumns(mood))
    .where(and(eq(entries.id, entry.id), eq(entries.userId, userId), eq(entries.revision, entry.revision)));
  return graphFor(env, userId).recordState(stateInput(entry, mood, entry.safetyLevel));
}

/** The mood stored on an entry row, or null before it was analysed. */
export function storedMoodOf(row: {
  primaryEmotion: string | null;
  isPositive: boolean | null;
  valence: number | null;
  intensity: number | null;
  emotionScores: string | null;
}): StoredMood | null {
  const primary = EmotionNameSchema.safeParse(row.primaryEmotion);
  if (!primary.success || row.isPositive === null || row.valence === null || row.intensity === null || row.emotionScores === null) return null;
  return {
    primary_emotion: primary.data,
    is_positive: row.isPositive,
    valence: row.valence,
    intensity: row.intensity,
    emotion_scores: EmotionScoresSchema.parse(JSON.parse(row.emotionScores)),
  };
}

export async function forgetEntryEmotion(env: Env, userId: string, entryId: string): Promise<void> {
  await graphFor(env, userId).removeState(entryId);
}

const GRAPH_BATCH = 500;

/**
 * Analyses many stored entries (an import) and records them with one graph call per batch. An
 * entry's `safetyFloor` is the level its export carried: screening again may raise it, never lower it.
 */
export async function analyseAndRecordMany(env: Env, db: Database, userId: string, list: (AnalysableEntry & { safetyFloor?: SafetyLevel })[]): Promise<void> {
  for (let i = 0; i < list.length; i += GRAPH_BATCH) {
    const part = list.slice(i, i + GRAPH_BATCH).map((entry) => ({ entry, ...readLocally(entry, entry.safetyFloor) }));
    const updates = part.map(({ entry, mood, safety }) =>
      db
        .update(entries)
        .set({ ...moodColumns(mood), safetyLevel: safety, safetySource: "local" })
        .where(and(eq(entries.id, entry.id), eq(entries.userId, userId))),
    );
    const [first, ...rest] = updates;
    if (first) await db.batch([first, ...rest]);
    await graphFor(env, userId).recordStates(part.map(({ entry, mood, safety }) => stateInput(entry, mood, safety)));
  }
}
