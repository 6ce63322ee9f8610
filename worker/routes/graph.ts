// A person's emotional graph, read from their Durable Object: the whole graph, what helped before,
// the likeliest path to a better state, recent states and patterns.
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import {
  GraphSchema,
  HistoryQuerySchema,
  HistorySchema,
  PathAnswerSchema,
  PathQuerySchema,
  PatternsSchema,
  SuggestionsQuerySchema,
  SuggestionsSchema,
  TriggersQuerySchema,
  TriggersSchema,
} from "../schemas/graph.ts";
import { graphFor } from "../services/graph.ts";
import { toSuggestedAction } from "../services/journal.ts";

const tags = ["graph"];
const security = bearerAuth;
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
      request: { query: TriggersQuerySchema },
      responses: { 200: jsonResponse(TriggersSchema, "Triggers, strongest first."), ...commonErrors },
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
      request: { query: SuggestionsQuerySchema },
      responses: { 200: jsonResponse(SuggestionsSchema, "Ranked suggestions."), ...commonErrors },
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
      request: { query: PathQuerySchema },
      responses: { 200: jsonResponse(PathAnswerSchema, "The path, or null when none is known yet."), ...commonErrors },
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
      request: { query: HistoryQuerySchema },
      responses: { 200: jsonResponse(HistorySchema, "Recent states."), ...commonErrors },
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
