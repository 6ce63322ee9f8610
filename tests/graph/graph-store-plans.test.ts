// Every statement the graph runs on the write and reply path is an index seek or a short index range,
// never a scan of a table that grows with the history (checked with EXPLAIN QUERY PLAN on the
// statements a representative workload actually runs, with their real bindings).
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EmotionalGraph } from "../../durable-objects/emotional-graph.ts";
import * as aggregates from "../../durable-objects/graph-aggregates.ts";
import { SqlGraphStore } from "../../durable-objects/graph-store.ts";
import { EKMAN_EMOTIONS } from "../../worker/emotion/taxonomy.ts";
import { DAY, freshGraph, HOUR, state } from "./helpers.ts";

/** The tables that grow with the history (the others hold one row, ≤ 14 classes, ≤ 49 edges). */
const GROWING = new Set(["states", "transitions", "tries", "action_stats", "trigger_stats"]);

describe("the graph's query plans", () => {
  it("seek through indexes for every write and every answer", async () => {
    await runInDurableObject(freshGraph(), async (graph: EmotionalGraph, ctx) => {
      const start = Date.now() - 400 * DAY;
      const activities = Array.from({ length: 40 }, (_, i) => `activity ${i}`);
      await graph.recordStates(
        Array.from({ length: 300 }, (_, i) =>
          state(EKMAN_EMOTIONS[(i * 5) % 7]!, start + i * DAY, {
            activities: [activities[i % 40]!, activities[(i * 7) % 40]!],
            valence: ((i * 37) % 2000) / 1000 - 1,
            isPositive: (i * 5) % 7 === 3,
            triedAction: i % 9 === 0 ? "breathe" : null,
          }),
        ),
      );
      const statements = new Map<string, SqlStorageValue[]>();
      const store = new SqlGraphStore({
        exec: (query: string, ...bindings: SqlStorageValue[]) => {
          statements.set(query, bindings);
          return ctx.storage.sql.exec(query, ...bindings);
        },
      });
      // Writes in the middle of the history, an edit that moves in time, tried actions, deletions.
      for (let i = 0; i < 12; i++) {
        const written = state(EKMAN_EMOTIONS[i % 7]!, start + (20 + i * 23) * DAY + HOUR, {
          activities: [activities[i % 5]!],
          valence: i / 6 - 1,
          isPositive: i % 7 === 3,
          triedAction: "walk",
        });
        aggregates.insertState(store, { ...written, activities: written.activities!, triedAction: "walk", safetyLevel: "none" });
        const stored = store.state(written.entryId)!;
        if (i % 3 === 0) {
          aggregates.removeState(store, stored);
          aggregates.insertState(store, { ...stored, revision: 2, recordedAt: stored.recordedAt - 7 * DAY });
        }
        if (i % 3 === 1) aggregates.markTried(store, stored, "tea");
        if (i % 3 === 2) aggregates.removeState(store, stored);
      }
      // Every answer of the write and reply path.
      const current = store.latest(1)[0]!;
      for (const emotion of EKMAN_EMOTIONS) {
        aggregates.suggestionsFor(store, emotion, 5);
        aggregates.triggersFor(store, emotion, 10);
        aggregates.groundingFor(store, { ...current, primaryEmotion: emotion, isPositive: false });
      }
      aggregates.triggersFor(store, null, 100);
      aggregates.recoveryMemoryFor(store, current);
      // Just below a stored valence, so that the search also walks the valences of one hundredth.
      const thresholds = store.latest(300).filter((s) => s.primaryEmotion === "fear").map((s) => s.valence - 1e-6);
      for (const above of [null, -1, 0.999, ...thresholds.slice(0, 8)]) store.latestMemory("fear", current.recordedAt, above);
      aggregates.weightedEdgesFor(store);
      aggregates.nodesFor(store);
      store.latest(10);

      // A growing table may only be searched through an index, or walked in index order up to a LIMIT
      // (the newest n states); sorting happens only over the few rows such seeks return.
      const scans: string[] = [];
      for (const [query, bindings] of statements) {
        const plan = ctx.storage.sql.exec<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`, ...bindings).toArray();
        for (const { detail } of plan) {
          const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
          const walkedToLimit = /USING (COVERING )?INDEX/.test(detail) && /\bLIMIT\b/.test(query);
          if (scanned && GROWING.has(scanned) && !walkedToLimit) scans.push(`${detail}\n  in ${query.replace(/\s+/g, " ")}`);
        }
      }
      // The workload reached every kind of statement: each index the writes and answers need was used.
      const used = [...statements.keys()].join("\n");
      for (const index of ["valence, entry_id", "valence_coarse", "valence_fine", "valence = ?", "delta_ms", "recovery_ms, start_entry", "score, tried, action", "ratio, context"]) {
        expect(used, index).toContain(index);
      }
      expect(scans).toEqual([]);
    });
  });
});
