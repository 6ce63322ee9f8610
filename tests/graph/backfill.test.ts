// The aggregates migration (schema version 4) on an object that already holds a history: it builds
// the aggregates once from the states, and the object then answers exactly as it did before (as
// graph-algorithms.ts on all states) and keeps answering so through later writes.
import { runInDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EmotionalGraph } from "../../durable-objects/emotional-graph.ts";
import { aggregatesOf } from "../../durable-objects/graph-aggregates.ts";
import { migrateGraphSchema } from "../../durable-objects/graph-schema.ts";
import { SqlGraphStore, STATE_COLUMNS, toState, type StateRow } from "../../durable-objects/graph-store.ts";
import type { GraphState } from "../../durable-objects/graph-types.ts";
import { freshGraph } from "./helpers.ts";
import { expectSameAnswers, historyArb, ModelGraph, opArb } from "./model.ts";

const allStates = (sql: SqlStorage) => sql.exec<StateRow>(`SELECT ${STATE_COLUMNS} FROM states ORDER BY recorded_at, entry_id`).toArray().map(toState);

/** What a version-3 object held for a history: its states, and a transition between each consecutive pair. */
function writeVersion3(sql: SqlStorage, states: GraphState[]) {
  for (const s of states) {
    sql.exec(
      `INSERT INTO states (${STATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      s.entryId,
      s.revision,
      s.recordedAt,
      s.primaryEmotion,
      s.valence,
      s.intensity,
      s.isPositive ? 1 : 0,
      JSON.stringify(s.ekmanScores),
      JSON.stringify(s.activities),
      s.triedAction,
      s.safetyLevel,
    );
  }
  states.slice(1).forEach((to, i) => {
    const from = states[i]!;
    sql.exec(
      "INSERT INTO transitions (from_entry, to_entry, from_emotion, to_emotion, delta_ms) VALUES (?, ?, ?, ?, ?)",
      from.entryId,
      to.entryId,
      from.primaryEmotion,
      to.primaryEmotion,
      to.recordedAt - from.recordedAt,
    );
  });
}

describe("the aggregates migration", () => {
  it("backfills a stored history: the same answers as before, the same aggregates as a rebuild", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(historyArb(30), fc.array(opArb, { maxLength: 8 }), async (history, later) => {
        const model = new ModelGraph();
        for (const op of history) model.apply(op);
        await runInDurableObject(freshGraph(), async (graph: EmotionalGraph, ctx) => {
          await ctx.storage.deleteAll();
          migrateGraphSchema(ctx.storage, 3);
          writeVersion3(ctx.storage.sql, model.store.ordered());
          const before = allStates(ctx.storage.sql);
          migrateGraphSchema(ctx.storage);
          expect(ctx.storage.sql.exec<{ v: number }>("SELECT max(version) AS v FROM schema_version").one().v).toBe(4);

          const store = new SqlGraphStore(ctx.storage.sql);
          expect(allStates(ctx.storage.sql)).toEqual(before);
          expect(store.snapshot()).toEqual(aggregatesOf(before));
          expectSameAnswers(store, before);
          // The object goes on from the backfilled aggregates.
          for (const op of later) {
            if (op.kind === "record") await graph.recordState(op.input);
            else if (op.kind === "batch") await graph.recordStates(op.inputs);
            else if (op.kind === "remove") await graph.removeState(op.entryId);
            else await graph.markTried(op);
          }
          const after = allStates(ctx.storage.sql);
          expect(store.snapshot()).toEqual(aggregatesOf(after));
          expectSameAnswers(store, after);
        });
      }),
      { numRuns: 30 },
    );
  });

  it("runs once: migrating again changes nothing", async () => {
    await runInDurableObject(freshGraph(), async (graph: EmotionalGraph, ctx) => {
      await graph.recordStates(
        ["sadness", "joy", "fear", "joy"].map((emotion, i) => ({
          entryId: `once-${i}`,
          revision: 1,
          recordedAt: 1_700_000_000_000 + i * 3_600_000,
          primaryEmotion: emotion as GraphState["primaryEmotion"],
          valence: emotion === "joy" ? 0.6 : -0.6,
          intensity: 0.5,
          isPositive: emotion === "joy",
          ekmanScores: {},
          activities: [`thing ${i}`],
        })),
      );
      const snapshot = new SqlGraphStore(ctx.storage.sql).snapshot();
      migrateGraphSchema(ctx.storage);
      expect(new SqlGraphStore(ctx.storage.sql).snapshot()).toEqual(snapshot);
      expect(ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM schema_version").one().n).toBe(4);
    });
  });
});
