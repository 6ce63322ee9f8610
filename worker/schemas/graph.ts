// Shapes of the emotional graph routes (the graph itself lives in the person's Durable Object).
import { z } from "@hono/zod-openapi";
import { EmotionQuerySchema as Emotion, SuggestedActionSchema } from "./journal.ts";

export const GraphSchema = z
  .object({
    nodes: z.array(z.object({ emotion: Emotion, count: z.number().int() })),
    edges: z.array(
      z.object({ from: Emotion, to: Emotion, count: z.number().int(), probability: z.number(), median_ms: z.number() }),
    ),
    total_states: z.number().int(),
  })
  .openapi("EmotionGraph");

export const PathSchema = z
  .object({ from: Emotion, to: Emotion, path: z.array(Emotion), probability: z.number(), expected_ms: z.number() })
  .openapi("EmotionPath");
export const PathQuerySchema = z.object({ from: Emotion, to: Emotion.default("joy") });
export const PathAnswerSchema = z.object({ path: PathSchema.nullable() });

export const HistoryItemSchema = z.object({
  entry_id: z.string(),
  recorded_at: z.string(),
  primary_emotion: Emotion,
  valence: z.number(),
  intensity: z.number(),
  is_positive: z.boolean(),
  activities: z.array(z.string()),
  tried_action: z.string().nullable(),
});
export const HistoryQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
export const HistorySchema = z.object({ states: z.array(HistoryItemSchema) });

export const PatternsSchema = z
  .object({
    episodes: z.array(
      z.object({
        start_entry_id: z.string(),
        started_at: z.string(),
        emotion: Emotion,
        recovered_at: z.string().nullable(),
        recovery_ms: z.number().nullable(),
      }),
    ),
    recovery: z.object({
      recent_median_ms: z.number().nullable(),
      previous_median_ms: z.number().nullable(),
      trend: z.enum(["faster", "slower", "steady", "not-enough-data"]),
    }),
    loops: z.array(z.object({ cycle: z.array(Emotion), probability: z.number(), occurrences: z.number().int() })),
  })
  .openapi("EmotionPatterns");

const CountSchema = z.object({ with: z.number().int(), total: z.number().int() });
export const TriggerSchema = z
  .object({
    context: z.string().openapi({ example: "work" }),
    low: CountSchema.openapi({ description: "Low entries it came with or just before, of all low entries." }),
    others: CountSchema.openapi({ description: "The same among the person's other entries." }),
    lift: z.number().openapi({ description: "How many times likelier with low entries than in the baseline (smoothed)." }),
  })
  .openapi("Trigger");
export const TriggersQuerySchema = z.object({ emotion: Emotion.optional(), limit: z.coerce.number().int().min(1).max(20).default(5) });
export const TriggersSchema = z.object({ emotion: Emotion.nullable(), triggers: z.array(TriggerSchema) });

export const SuggestionsQuerySchema = z.object({ emotion: Emotion, limit: z.coerce.number().int().min(1).max(20).default(5) });
export const SuggestionsSchema = z.object({ emotion: Emotion, suggestions: z.array(SuggestedActionSchema) });
