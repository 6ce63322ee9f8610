// The same exactness as aggregates.property.test.ts, on the Durable Object itself: random histories
// go through its RPC methods into SQLite, and after every step the stored aggregates (pointers and
// medians included) equal a rebuild from the states, and every answer equals graph-algorithms.ts.
import { runInDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EmotionalGraph } from "../../durable-objects/emotional-graph.ts";
import * as aggregates from "../../durable-objects/graph-aggregates.ts";
import { aggregatesOf } from "../../durable-objects/graph-aggregates.ts";
import { findRecoveryMemory, findTriggers, mostProbablePath, rankSuggestions } from "../../durable-objects/graph-algorithms.ts";
import { SqlGraphStore, STATE_COLUMNS, toState, type StateRow } from "../../durable-objects/graph-store.ts";
import type { RecordResult } from "../../durable-objects/graph-types.ts";
import { DAY, freshGraph, HOUR } from "./helpers.ts";
import { expectSameAnswers, historyArb, referenceEdges, referenceNodes, type Op } from "./model.ts";

const allStates = (sql: SqlStorage) => sql.exec<StateRow>(`SELECT ${STATE_COLUMNS} FROM states ORDER BY recorded_at, entry_id`).toArray().map(toState);

async function apply(graph: EmotionalGraph, op: Op): Promise<RecordResult | null> {
  switch (op.kind) {
    case "record":
      return graph.recordState(op.input);
    case "batch":
      await graph.recordStates(op.inputs);
      return null;
    case "remove":
      await graph.removeState(op.entryId);
      return null;
    case "tried":
      await graph.markTried(op);
      return null;
  }
}

describe("EmotionalGraph aggregates on SQLite", () => {
  it("stay equal to a rebuild and answer as graph-algorithms.ts after every step", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(historyArb(25), async (ops) => {
        await runInDurableObject(freshGraph(), async (graph: EmotionalGraph, ctx) => {
          const store = new SqlGraphStore(ctx.storage.sql);
          for (const op of ops) {
            const result = await apply(graph, op);
            const states = allStates(ctx.storage.sql);
            expect(store.snapshot()).toEqual(aggregatesOf(states));
            expectSameAnswers(store, states);
            if (result) {
              const stored = states.find((s) => s.entryId === result.state.entryId)!;
              expect(result).toEqual({
                state: stored,
                history: states.slice(-10).reverse(),
                suggestions: rankSuggestions(states, stored.primaryEmotion, 5),
                pathToJoy: mostProbablePath(referenceEdges(states), stored.primaryEmotion, "joy"),
                memory: stored.safetyLevel === "crisis" ? null : findRecoveryMemory(states, stored),
              });
            }
          }
          const edges = referenceEdges(allStates(ctx.storage.sql));
          expect(await graph.graph()).toEqual({
            nodes: referenceNodes(allStates(ctx.storage.sql)),
            edges: edges.map(({ meanMs: _mean, ...edge }) => edge),
            totalStates: allStates(ctx.storage.sql).length,
          });
        });
      }),
      { numRuns: 30 },
    );
  });
});


describe("SqlGraphStore's searches", () => {
  // Valences on and around the bucket edges (hundredths and tenths), ties, and arbitrary doubles.
  const VALENCES = [-1, -0.991, -0.99, -0.9, -0.899, -0.6, -0.6, -0.599, -0.59, -0.551, -0.55, -0.549, -0.5, -0.41, -0.4, 0, 0.5, 0.999, 1];
  const valenceArb = fc.oneof(fc.constantFrom(...VALENCES), fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }));
  const memoryStateArb = fc.record({
    day: fc.integer({ min: 0, max: 30 }),
    emotion: fc.constantFrom("sadness" as const, "fear" as const),
    valence: valenceArb,
    isPositive: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
    intensity: fc.constantFrom(0.3, 0.3, 0.95),
  });

  it("find the newest memory candidate above any valence, as a scan would", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(memoryStateArb, { maxLength: 60 }),
        fc.array(fc.record({ emotion: fc.constantFrom("sadness" as const, "fear" as const), day: fc.integer({ min: 0, max: 34 }), above: fc.option(valenceArb) }), {
          minLength: 1,
          maxLength: 30,
        }),
        async (rows, queries) => {
          await runInDurableObject(freshGraph(), async (_: EmotionalGraph, ctx) => {
            const store = new SqlGraphStore(ctx.storage.sql);
            rows.forEach((r, i) =>
              aggregates.insertState(store, {
                entryId: `m${i}`,
                revision: 1,
                recordedAt: r.day * DAY,
                primaryEmotion: r.emotion,
                valence: r.valence,
                intensity: r.intensity,
                isPositive: r.isPositive,
                ekmanScores: {},
                activities: [],
                triedAction: null,
                safetyLevel: "none",
              }),
            );
            const states = allStates(ctx.storage.sql);
            const memory = new Map(store.snapshot().memory.map((m) => [m.entryId, m.recoveryMs]));
            for (const q of queries) {
              // Values the states hold are the interesting edges: take one of them half of the time.
              const above = q.above !== null && states.length && q.day % 2 ? states[q.day % states.length]!.valence : q.above;
              const hit = states.findLast((s) => memory.has(s.entryId) && s.primaryEmotion === q.emotion && s.recordedAt <= q.day * DAY && (above === null || s.valence > above));
              expect(store.latestMemory(q.emotion, q.day * DAY, above), JSON.stringify({ q, above })).toEqual(
                hit ? { entryId: hit.entryId, recordedAt: hit.recordedAt, recoveryMs: memory.get(hit.entryId)! } : null,
              );
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rank actions and triggers past a page of rows, ties included", { timeout: 120_000 }, async () => {
    const names = Array.from({ length: 90 }, (_, i) => `thing ${i % 30}${i >= 30 ? (i >= 60 ? "é" : "e") : ""}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            emotion: fc.constantFrom("sadness" as const, "joy" as const, "anger" as const),
            activities: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 6 }),
          }),
          { minLength: 60, maxLength: 160 },
        ),
        async (rows) => {
          await runInDurableObject(freshGraph(), async (graph: EmotionalGraph, ctx) => {
            await graph.recordStates(
              rows.map((r, i) => ({
                entryId: `w${i}`,
                revision: 1,
                recordedAt: i * HOUR,
                primaryEmotion: r.emotion,
                valence: r.emotion === "joy" ? 0.5 : -0.5,
                intensity: 0.5,
                isPositive: r.emotion === "joy",
                ekmanScores: {},
                activities: r.activities,
              })),
            );
            const store = new SqlGraphStore(ctx.storage.sql);
            const states = allStates(ctx.storage.sql);
            const snapshot = store.snapshot();
            expect(snapshot).toEqual(aggregatesOf(states));
            for (const emotion of ["sadness", "anger"] as const) {
              const ranked = [...store.rankedActions(emotion)];
              const expected = snapshot.actions.filter((a) => a.emotion === emotion);
              expect(ranked.map((a) => a.action).sort()).toEqual(expected.map((a) => a.action).sort());
              const score = (a: { tried: number; worked: number }) => (a.worked + 1) / (a.tried + 2);
              ranked.slice(1).forEach((a, i) => expect(score(ranked[i]!) > score(a) || (score(ranked[i]!) === score(a) && ranked[i]!.tried >= a.tried)).toBe(true));
              for (const limit of [1, 5, 20, 50, 100]) expect(aggregates.suggestionsFor(store, emotion, limit)).toEqual(rankSuggestions(states, emotion, limit));
            }
            for (const target of [null, "sadness", "anger"] as const) {
              for (const limit of [1, 10, 40, 1000]) expect(aggregates.triggersFor(store, target, limit)).toEqual(findTriggers(states, target).slice(0, limit));
            }
            expect([...store.rankedTriggers("*")].length).toBe(snapshot.triggers.filter((t) => t.target === "*" && t.low >= 2).length);
          });
        },
      ),
      { numRuns: 8 },
    );
  });
});
