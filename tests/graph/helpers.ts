// Builds constructed histories for the EmotionalGraph tests.
import { env } from "cloudflare:workers";
import type { RecordStateInput } from "../../durable-objects/graph-types.ts";
import type { EkmanEmotion } from "../../worker/emotion/taxonomy.ts";
import { graphFor } from "../../worker/services/graph.ts";

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
const POSITIVE = new Set<EkmanEmotion>(["joy"]);

export const freshGraph = () => graphFor(env, crypto.randomUUID());

let counter = 0;
export function state(emotion: EkmanEmotion, recordedAt: number, extra: Partial<RecordStateInput> = {}): RecordStateInput {
  const positive = POSITIVE.has(emotion);
  return {
    entryId: `e-${++counter}-${emotion}`,
    revision: 1,
    recordedAt,
    primaryEmotion: emotion,
    valence: positive ? 0.7 : emotion === "neutral" || emotion === "surprise" ? 0 : -0.6,
    intensity: 0.5,
    isPositive: positive,
    ekmanScores: { [emotion]: 0.8 },
    activities: [],
    ...extra,
  };
}

/** Records a sequence of emotions one hour apart from `start`, answering the inputs used. */
export async function recordSequence(graph: ReturnType<typeof freshGraph>, emotions: EkmanEmotion[], start = Date.now() - 100 * DAY) {
  const inputs = emotions.map((e, i) => state(e, start + i * HOUR));
  for (const input of inputs) await graph.recordState(input);
  return inputs;
}

export function edgeCounts(edges: { from: string; to: string; count: number }[]): Record<string, number> {
  return Object.fromEntries(edges.map((e) => [`${e.from}>${e.to}`, e.count]));
}
