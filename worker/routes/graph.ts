// A person's emotional graph, read from their Durable Object: the whole graph, what helped before,
// the likeliest path to a better state, recent states and patterns.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { EmotionQuerySchema, SuggestedActionSchema } from "../schemas/journal.ts";
import { graphFor } from "../services/graph.ts";
import { toSuggestedAction } from "../services/journal.ts";

const tags = ["graph"];
const security = bearerAuth;
const Emotion = EmotionQuerySchema;

const GraphSchema = z
  .object({
    nodes: z.array(z.object({ emotion: Emotion, count: z.number().int() })),
    edges: z.array(
      z.object({ from: Emotion, to: Emotion, count: z.number().int(), probability: z.number(), median_ms: z.number() }),
    ),
    total_states: z.number().int(),
  })
  .openapi("EmotionGraph");

const PathSchema = z
  .object({ from: Emotion, to: Emotion, path: z.array(Emotion), probability: z.number(), expected_ms: z.number() })
  .openapi("EmotionPath");

const HistoryItemSchema = z.object({
  entry_id: z.string(),
  recorded_at: z.string(),
  primary_emotion: Emotion,
  valence: z.number(),
  intensity: z.number(),
  is_positive: z.boolean(),
  activities: z.array(z.string()),
  tried_action: z.string().nullable(),
});

const PatternsSchema = z
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
const TriggerSchema = z
  .object({
    context: z.string().openapi({ example: "work" }),
    low: CountSchema.openapi({ description: "Low entries it came with or just before, of all low entries." }),
    others: CountSchema.openapi({ description: "The same among the person's other entries." }),
    lift: z.number().openapi({ description: "How many times likelier with low entries than in the baseline (smoothed)." }),
  })
  .openapi("Trigger");

const iso = (ms: number) => new Date(ms).toISOString();

export const graphRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "The whole emotional graph: emotions with counts, transitions with probabilities",
      responses: { 200: jsonResponse(GraphSchema, "The graph."), ...commonErrors },
    }),
    async (c) => {
      const graph = await graphFor(c.env, c.get("user").id).graph();
      return c.json(
        {
          nodes: graph.nodes,
          edges: graph.edges.map((e) => ({ from: e.from, to: e.to, count: e.count, probability: e.probability, median_ms: e.medianMs })),
          total_states: graph.totalStates,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/triggers",
      tags,
      security,
      summary: "What tends to come with or just before low moods, against the person's other entries",
      request: { query: z.object({ emotion: Emotion.optional(), limit: z.coerce.number().int().min(1).max(20).default(5) }) },
      responses: {
        200: jsonResponse(z.object({ emotion: Emotion.nullable(), triggers: z.array(TriggerSchema) }), "Triggers, strongest first."),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { emotion, limit } = c.req.valid("query");
      const triggers = await graphFor(c.env, c.get("user").id).triggers(emotion ?? null, limit);
      return c.json({ emotion: emotion ?? null, triggers }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/suggestions",
      tags,
      security,
      summary: "What helped before when feeling this emotion, with the evidence",
      request: { query: z.object({ emotion: Emotion, limit: z.coerce.number().int().min(1).max(20).default(5) }) },
      responses: { 200: jsonResponse(z.object({ emotion: Emotion, suggestions: z.array(SuggestedActionSchema) }), "Ranked suggestions."), ...commonErrors },
    }),
    async (c) => {
      const { emotion, limit } = c.req.valid("query");
      const suggestions = await graphFor(c.env, c.get("user").id).suggestions(emotion, limit);
      return c.json({ emotion, suggestions: suggestions.map(toSuggestedAction) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/path",
      tags,
      security,
      summary: "The most probable path from one emotion to another (default joy)",
      request: { query: z.object({ from: Emotion, to: Emotion.default("joy") }) },
      responses: { 200: jsonResponse(z.object({ path: PathSchema.nullable() }), "The path, or null when none is known yet."), ...commonErrors },
    }),
    async (c) => {
      const { from, to } = c.req.valid("query");
      const path = await graphFor(c.env, c.get("user").id).path(from, to);
      return c.json(
        { path: path ? { from: path.from, to: path.to, path: path.path, probability: path.probability, expected_ms: path.expectedMs } : null },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/history",
      tags,
      security,
      summary: "The latest emotional states, newest first",
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
      responses: { 200: jsonResponse(z.object({ states: z.array(HistoryItemSchema) }), "Recent states."), ...commonErrors },
    }),
    async (c) => {
      const states = await graphFor(c.env, c.get("user").id).history(c.req.valid("query").limit);
      return c.json(
        {
          states: states.map((s) => ({
            entry_id: s.entryId,
            recorded_at: iso(s.recordedAt),
            primary_emotion: s.primaryEmotion,
            valence: s.valence,
            intensity: s.intensity,
            is_positive: s.isPositive,
            activities: s.activities,
            tried_action: s.triedAction,
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/patterns",
      tags,
      security,
      summary: "Recovery time per low episode and its trend; loops you tend to get stuck in",
      responses: { 200: jsonResponse(PatternsSchema, "Patterns."), ...commonErrors },
    }),
    async (c) => {
      const p = await graphFor(c.env, c.get("user").id).patterns(Date.now());
      return c.json(
        {
          episodes: p.episodes.map((e) => ({
            start_entry_id: e.startEntryId,
            started_at: iso(e.startedAt),
            emotion: e.emotion,
            recovered_at: e.recoveredAt === null ? null : iso(e.recoveredAt),
            recovery_ms: e.recoveryMs,
          })),
          recovery: { recent_median_ms: p.recovery.recentMedianMs, previous_median_ms: p.recovery.previousMedianMs, trend: p.recovery.trend },
          loops: p.loops,
        },
        200,
      );
    },
  );
