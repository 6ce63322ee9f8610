// Keeps an entry's emotion and safety level in step with its text: screen it and analyse it with the
// local model (both sub-millisecond, so they run inline on every write), store the summary on the
// entry, and record the state in the person's emotional graph. Edits re-record with the new
// revision; deletions remove the state. D1 is the record: a graph call that fails is sent again.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { rankSuggestions } from "../../durable-objects/graph-algorithms.ts";
import { EmotionNameSchema, GraphStateSchema, RecordStateInputSchema, type RecordResult, type RecordStateInput } from "../../durable-objects/graph-types.ts";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { analyzeEmotion } from "../emotion/local-model.ts";
import { statedMoodReading, type StatedMood } from "../emotion/stated-mood.ts";
import type { EmotionAnalysis } from "../emotion/types.ts";
import { higherLevel, screenText, type SafetyLevel } from "../safety/screen.ts";
import { graphFor } from "./graph.ts";
import { actionsOf } from "./entry-noticed.ts";
import { enqueueGraphSync } from "./insight-jobs.ts";

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

/** The columns that store a local reading on an entry row. */
export const readingColumns = (reading: LocalReading) => ({ ...moodColumns(reading.mood), safetyLevel: reading.safety, safetySource: "local" as const });

/** A column's new value, unless the entry's mood was stated by the person (then it keeps its own). */
const unlessStated = (column: AnySQLiteColumn, value: string | number): SQL =>
  sql`CASE WHEN ${entries.statedMood} IS NULL THEN ${value} ELSE ${column} END`;

/**
 * Stores a local reading on the entry and answers the mood the entry now has: the reading, or the
 * mood the person stated (an imported Daylio entry), which no reading of the words replaces.
 */
async function storeReading(db: Database, userId: string, entry: AnalysableEntry, reading: LocalReading): Promise<LocalReading> {
  const mood = moodColumns(reading.mood);
  const [row] = await db
    .update(entries)
    .set({
      primaryEmotion: unlessStated(entries.primaryEmotion, mood.primaryEmotion),
      valence: unlessStated(entries.valence, mood.valence),
      intensity: unlessStated(entries.intensity, mood.intensity),
      isPositive: unlessStated(entries.isPositive, mood.isPositive ? 1 : 0),
      emotionScores: unlessStated(entries.emotionScores, mood.emotionScores),
      safetyLevel: reading.safety,
      safetySource: "local",
    })
    // Only if no newer edit landed meanwhile: the newest revision's reading wins.
    .where(and(eq(entries.id, entry.id), eq(entries.userId, userId), eq(entries.revision, entry.revision)))
    .returning({
      statedMood: entries.statedMood,
      primaryEmotion: entries.primaryEmotion,
      isPositive: entries.isPositive,
      valence: entries.valence,
      intensity: entries.intensity,
      emotionScores: entries.emotionScores,
    });
  const stated = row?.statedMood ? storedMoodOf(row) : null;
  return stated ? { mood: stated, safety: reading.safety } : reading;
}

/** Suggestions per answer, as the graph gives them. */
const REPLY_SUGGESTIONS = 5;

/**
 * What a reply can still be built from when the graph could not be reached: the entry's own state,
 * and the generic suggestions the graph gives a person without history.
 */
function unrecordedResult(input: RecordStateInput): RecordResult {
  const parsed = RecordStateInputSchema.parse(input);
  const state = GraphStateSchema.parse({ ...parsed, triedAction: parsed.triedAction ?? null });
  return { state, history: [], suggestions: rankSuggestions([], state.primaryEmotion, REPLY_SUGGESTIONS), pathToJoy: null, memory: null };
}

/**
 * Reads an entry locally, stores the reading and records it in the graph. When the graph cannot be
 * reached the write still completes (the reply falls back to generic suggestions) and the entry is
 * queued to be sent to the graph again from what D1 stores, so D1 and the graph come back into step.
 */
export async function analyseAndRecord(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry,
  triedAction?: string | null,
): Promise<LocalReading & { graph: RecordResult }> {
  const reading = await storeReading(db, userId, entry, readLocally(entry));
  return { ...reading, graph: await recordReading(env, userId, entry, reading, triedAction) };
}

/**
 * Records a reading D1 already stores in the person's graph. When the graph cannot be reached the
 * entry is queued to be sent again from what D1 stores, and the reply is built from the entry alone.
 */
export async function recordReading(env: Env, userId: string, entry: AnalysableEntry, reading: LocalReading, triedAction?: string | null): Promise<RecordResult> {
  const input: RecordStateInput = { ...stateInput(entry, reading.mood, reading.safety), triedAction };
  try {
    return await graphFor(env, userId).recordState(input);
  } catch (err) {
    console.error(`graph: recording entry ${entry.id} failed; queued to send it again`, err instanceof Error ? err.message : err);
    await enqueueGraphSync(env, userId, entry.id);
    return unrecordedResult(input);
  }
}

/**
 * Sends an entry to the graph again as D1 stores it (`stored`: its reading, null if it was never
 * read, and then it is read now). The graph keeps the newest revision, so a repeat or a stale copy
 * changes nothing. Throws when the graph cannot be reached: the queue retries.
 */
export async function resendState(
  env: Env,
  db: Database,
  userId: string,
  entry: AnalysableEntry,
  stored: LocalReading | null,
  triedAction?: string | null,
): Promise<void> {
  const reading = stored ?? (await storeReading(db, userId, entry, readLocally(entry)));
  await graphFor(env, userId).recordState({ ...stateInput(entry, reading.mood, reading.safety), triedAction });
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

/** What importing entries needs from their local reading: see readingsOf. */
export interface ImportReadings {
  /** Store each reading on its entry row (for the same D1 batch as the rows themselves). */
  statements: BatchItem<"sqlite">[];
  /** The entries' states, for one recordStates call. */
  states: RecordStateInput[];
}

/** An entry being imported: its export may carry a safety level and the mood the person stated. */
export type ImportedEntry = AnalysableEntry & { safetyFloor?: SafetyLevel; statedMood?: StatedMood };

/**
 * Reads new entries (an import) locally. An entry's `safetyFloor` is the level its export carried:
 * screening again may raise it, never lower it. A `statedMood` (Daylio's) is stored as the entry's
 * mood instead of the reading: the person said how they felt; the screen still sets the safety level,
 * and an entry it finds distressing is never stored as joy, even when the mood said so (distressAware).
 */
export function readingsOf(db: Database, userId: string, list: ImportedEntry[]): ImportReadings {
  const read = list.map((entry) => {
    const local = readLocally(entry, entry.safetyFloor);
    return { entry, safety: local.safety, mood: entry.statedMood ? distressAware(statedMoodReading(entry.statedMood), local.safety) : local.mood };
  });
  return {
    statements: read.map(({ entry, mood, safety }) =>
      db
        .update(entries)
        .set({ ...moodColumns(mood), safetyLevel: safety, safetySource: "local", statedMood: entry.statedMood ?? null })
        .where(and(eq(entries.id, entry.id), eq(entries.userId, userId))),
    ),
    states: read.map(({ entry, mood, safety }) => stateInput(entry, mood, safety)),
  };
}

/** Analyses many stored entries and records them with one graph call per batch (see readingsOf). */
export async function analyseAndRecordMany(env: Env, db: Database, userId: string, list: ImportedEntry[]): Promise<void> {
  for (let i = 0; i < list.length; i += GRAPH_BATCH) {
    const { statements, states } = readingsOf(db, userId, list.slice(i, i + GRAPH_BATCH));
    const [first, ...rest] = statements;
    if (first) await db.batch([first, ...rest]);
    await graphFor(env, userId).recordStates(states);
  }
}
