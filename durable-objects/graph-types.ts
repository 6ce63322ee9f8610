// The EmotionalGraph's RPC contract: zod schemas for every argument (RPC callers are checked like
// any other boundary) and the shapes the methods answer.
import { z } from "zod";
import { EKMAN_EMOTIONS, type EkmanEmotion } from "../worker/emotion/taxonomy.ts";
import { SAFETY_LEVELS } from "../worker/safety/screen.ts";

export const EmotionNameSchema = z.enum(EKMAN_EMOTIONS);

const ActionNameSchema = z.string().trim().toLowerCase().min(1).max(80);

/** A state's activities: RPC input, and the `activities` JSON column of states, parsed on read. */
export const ActivitiesSchema = z.array(ActionNameSchema).max(40);
/** A state's Ekman scores: RPC input, and the `ekman_scores` JSON column of states, parsed on read. */
export const EkmanScoresSchema = z.partialRecord(EmotionNameSchema, z.number().min(0).max(1));

export const EntryIdSchema = z.string().min(1).max(64);
export const HistoryLimitSchema = z.number().int().min(1).max(1000);
export const MarkTriedInputSchema = z.object({ entryId: EntryIdSchema, action: ActionNameSchema });

/** A state as the graph stores and answers it: one row of `states`, checked again on read. */
export const GraphStateSchema = z.object({
  entryId: EntryIdSchema,
  revision: z.number().int().positive(),
  /** When the entry was written (ms since epoch): states are ordered by it, not by arrival. */
  recordedAt: z.number().int().nonnegative(),
  primaryEmotion: EmotionNameSchema,
  valence: z.number().min(-1).max(1),
  intensity: z.number().min(0).max(1),
  isPositive: z.boolean(),
  ekmanScores: EkmanScoresSchema,
  activities: ActivitiesSchema,
  triedAction: ActionNameSchema.nullable(),
  /** A crisis entry stays part of the history but never comes back as a memory. */
  safetyLevel: z.enum(SAFETY_LEVELS),
});
export type GraphState = z.output<typeof GraphStateSchema>;

export const RecordStateInputSchema = GraphStateSchema.extend({
  activities: ActivitiesSchema.default([]),
  /** Left out: an edit keeps what the person marked as tried. */
  triedAction: ActionNameSchema.nullable().optional(),
  safetyLevel: z.enum(SAFETY_LEVELS).default("none"),
});
export type RecordStateInput = z.input<typeof RecordStateInputSchema>;

export interface SuggestionEvidence {
  /** Times the action came up in a low episode of this emotion. */
  tried: number;
  /** Of those, how often a positive state followed within three steps. */
  worked: number;
  /** Median time from the low state to the positive one, over the times it worked. */
  medianRecoveryMs: number | null;
}

export interface Suggestion {
  action: string;
  source: "history" | "generic";
  /** Smoothed success rate used for ranking, (worked + 1) / (tried + 2). */
  score: number;
  evidence: SuggestionEvidence | null;
}

export interface Trigger {
  /** An activity or tag. */
  context: string;
  /** How many low states it came with or just before, of how many low states. */
  low: { with: number; total: number };
  /** The same among the person's other states (the baseline). */
  others: { with: number; total: number };
  /** Smoothed rate with low states over smoothed rate in the baseline (> 1). */
  lift: number;
}

export interface EmotionPath {
  from: EkmanEmotion;
  to: EkmanEmotion;
  path: EkmanEmotion[];
  probability: number;
  expectedMs: number;
}

export interface GraphEdge {
  from: EkmanEmotion;
  to: EkmanEmotion;
  count: number;
  probability: number;
  medianMs: number;
}

export interface EmotionGraphView {
  nodes: { emotion: EkmanEmotion; count: number }[];
  edges: GraphEdge[];
  totalStates: number;
}

export interface RecoveryEpisode {
  startEntryId: string;
  startedAt: number;
  emotion: EkmanEmotion;
  recoveredAt: number | null;
  recoveryMs: number | null;
}

export interface Patterns {
  episodes: RecoveryEpisode[];
  recovery: {
    recentMedianMs: number | null;
    previousMedianMs: number | null;
    trend: "faster" | "slower" | "steady" | "not-enough-data";
  };
  loops: { cycle: EkmanEmotion[]; probability: number; occurrences: number }[];
}

export interface RecoveryMemory {
  entryId: string;
  recordedAt: number;
  recoveredAfterMs: number;
}

/**
 * What a language-model follow-up to an entry's reply may draw on from the graph: this person's own
 * evidence only. Empty for an entry that is not low (what helped is about getting out of a low state).
 */
export interface FollowUpGrounding {
  /** The entry's state as the graph holds it (its reading). */
  state: GraphState;
  /** Actions that helped this person out of this emotion before, with their counts (worked > 0). */
  helped: Suggestion[];
  /** Contexts that tend to come with this emotion for this person, with their counts. */
  triggers: Trigger[];
  /** A past low state like this one that passed (never a crisis entry). */
  memory: RecoveryMemory | null;
}

export interface RecordResult {
  state: GraphState;
  history: GraphState[];
  suggestions: Suggestion[];
  pathToJoy: EmotionPath | null;
  memory: RecoveryMemory | null;
}
