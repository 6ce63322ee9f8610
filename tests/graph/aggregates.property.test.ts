// The graph's aggregates stay exactly equal to graph-algorithms.ts run on all states, through random
// sequences of records, edits that move in time, deletes, tried actions and batches (an in-memory
// store, so many histories run in little time; graph-do.property.test.ts does the same on SQLite).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregatesOf, lowestDecileRank } from "../../durable-objects/graph-aggregates.ts";
import { median } from "../../durable-objects/graph-algorithms.ts";
import {
  compareKeys,
  lowerMedianRank,
  medianAt,
  pointerAfterDelete,
  pointerAfterInsert,
  type OrderedSet,
  type RankedKey,
  type RankPointer,
} from "../../durable-objects/order-statistic.ts";
import { expectSameAnswers, GENERIC_COLLISIONS, historyArb, ModelGraph } from "./model.ts";

describe("order statistics kept by a pointer", () => {
  const keyArb = fc.record({ value: fc.constantFrom(0, 1, 1, 2, 5, 5, 5, 9, 1e6), uid: fc.constantFrom("a", "b", "c", "d", "é", "𝒳", "ｚ", "aa") });
  const stepArb = fc.record({ insert: fc.boolean(), key: keyArb, pick: fc.nat() });

  for (const [name, rankOf] of [
    ["lower median", lowerMedianRank],
    ["lowest decile", lowestDecileRank],
  ] as const) {
    it(`follows the ${name} through inserts and deletes, one seek at a time`, () => {
      fc.assert(
        fc.property(fc.array(stepArb, { maxLength: 80 }), (steps) => {
          let sorted: RankedKey[] = [];
          const set: OrderedSet = {
            next: (k) => sorted.find((x) => compareKeys(x, k) > 0) ?? null,
            prev: (k) => sorted.findLast((x) => compareKeys(x, k) < 0) ?? null,
          };
          let pointer: RankPointer = { count: 0, at: null };
          for (const step of steps) {
            if (step.insert || sorted.length === 0) {
              if (sorted.some((x) => compareKeys(x, step.key) === 0)) continue;
              sorted = [...sorted, step.key].sort(compareKeys);
              pointer = pointerAfterInsert(set, pointer, step.key, rankOf);
            } else {
              const removed = sorted[step.pick % sorted.length]!;
              sorted = sorted.filter((x) => x !== removed);
              pointer = pointerAfterDelete(set, pointer, removed, rankOf);
            }
            expect(pointer.count).toBe(sorted.length);
            expect(pointer.at).toEqual(sorted.length ? sorted[rankOf(sorted.length)] : null);
            if (rankOf === lowerMedianRank) expect(medianAt(set, pointer)).toBe(median(sorted.map((k) => k.value)));
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("graph aggregates against graph-algorithms.ts", () => {
  it("the generators reach the generic suggestions (so 'known' filtering is exercised)", () => {
    expect(GENERIC_COLLISIONS.length).toBeGreaterThan(0);
  });

  it("answer exactly as the algorithms on all states, after every step of a random history", () => {
    fc.assert(
      fc.property(historyArb(40), (ops) => {
        const graph = new ModelGraph();
        for (const op of ops) {
          graph.apply(op);
          const states = graph.store.ordered();
          const { memory, tries, triggers, transitions } = aggregatesOf(states);
          expect(graph.store.raw()).toEqual({ memory, tries, triggers, transitions });
          expectSameAnswers(graph.store, states);
        }
      }),
      { numRuns: 120 },
    );
  });
});
