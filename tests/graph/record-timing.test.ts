// Prints how long the graph's RPCs take at 1k and 10k states (issue 10: the write path must cost the
// same whatever the history length). A measurement, not an assertion: it runs only on request,
//   npx vitest run --config tests/vitest.config.ts --mode timing tests/graph/record-timing.test.ts
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EmotionalGraph } from "../../durable-objects/emotional-graph.ts";
import { aggregatesOf } from "../../durable-objects/graph-aggregates.ts";
import { SqlGraphStore, STATE_COLUMNS, toState, type StateRow } from "../../durable-objects/graph-store.ts";
import type { RecordStateInput } from "../../durable-objects/graph-types.ts";
import { EKMAN_EMOTIONS, type EkmanEmotion } from "../../worker/emotion/taxonomy.ts";
import { DAY, freshGraph, HOUR } from "./helpers.ts";

const mode = (import.meta as unknown as { env?: { MODE?: string } }).env?.MODE;
const ACTIVITIES = Array.from({ length: 80 }, (_, i) => `activity ${i}`);

/** A deterministic, journal-like history: a third of the states low, a few activities each. */
function history(size: number, start: number, seed = 7): RecordStateInput[] {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: size }, (_, i) => {
    const emotion: EkmanEmotion = EKMAN_EMOTIONS[Math.floor(rand() * EKMAN_EMOTIONS.length)]!;
    const positive = emotion === "joy" || (emotion === "surprise" && rand() < 0.5);
    return {
      entryId: `t-${seed}-${i}`,
      revision: 1,
      recordedAt: start + i * 3 * HOUR,
      primaryEmotion: emotion,
      valence: Math.round((positive ? rand() : -rand()) * 1000) / 1000,
      intensity: Math.round(rand() * 1000) / 1000,
      isPositive: positive,
      ekmanScores: { [emotion]: 0.8 },
      activities: Array.from({ length: Math.floor(rand() * 4) }, () => ACTIVITIES[Math.floor(rand() * rand() * ACTIVITIES.length)]!),
      triedAction: rand() < 0.1 ? ACTIVITIES[Math.floor(rand() * 10)]! : null,
    };
  });
}

async function time(label: string, runs: number, call: (i: number) => Promise<unknown>): Promise<number> {
  // The clock ticks in whole milliseconds here: the mean over all runs is the figure, the slowest
  // single call is printed beside it.
  const ms: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call(i);
    ms.push(performance.now() - t);
  }
  const mean = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(44)} mean ${mean.toFixed(2)} ms  (max ${Math.max(...ms).toFixed(0)})`);
  return mean;
}

describe.runIf(mode === "timing")("graph RPC timings by history size", () => {
  it("records and answers at 1k and 10k states", { timeout: 600_000 }, async () => {
    const results: Record<string, number[]> = {};
    for (const size of [1000, 10_000]) {
      const graph = freshGraph();
      const start = Date.now() - (size + 200) * 3 * HOUR;
      const states = history(size, start);
      const seeded = performance.now();
      for (let i = 0; i < states.length; i += 1000) await graph.recordStates(states.slice(i, i + 1000));
      console.log(`seeded ${size} states in ${(performance.now() - seeded).toFixed(0)} ms`);
      expect(await graph.stateCount()).toBe(size);
      const fresh = history(40, start + size * 3 * HOUR, 11);
      const row = (label: string, ms: number) => (results[label] ??= []).push(ms);
      row("recordState (new entry)", await time(`[${size}] recordState (new entry)`, fresh.length, (i) => graph.recordState(fresh[i]!)));
      row("recordState (edit, moved back a day)", await time(`[${size}] recordState (edit, moved back a day)`, 20, (i) =>
        graph.recordState({ ...states[size - 100 + i]!, revision: 2, recordedAt: states[size - 100 + i]!.recordedAt - DAY }),
      ));
      row("markTried", await time(`[${size}] markTried`, 20, (i) => graph.markTried({ entryId: states[size - 50 + i]!.entryId, action: "walk" })));
      row("removeState", await time(`[${size}] removeState`, 20, (i) => graph.removeState(states[size - 200 + i]!.entryId)));
      row("suggestions", await time(`[${size}] suggestions`, 20, (i) => graph.suggestions(EKMAN_EMOTIONS[i % 7]!)));
      row("triggers", await time(`[${size}] triggers`, 16, (i) => graph.triggers(i % 8 === 7 ? null : EKMAN_EMOTIONS[i % 8]!)));
      row("followUpGrounding", await time(`[${size}] followUpGrounding`, 20, (i) => graph.followUpGrounding(states[size - 300 - i]!.entryId)));
      row("path", await time(`[${size}] path`, 20, (i) => graph.path(EKMAN_EMOTIONS[i % 7]!)));
      row("graph", await time(`[${size}] graph`, 20, () => graph.graph()));
      // The storage commit every write pays (a one-row insert into a table of its own): most of a
      // recordState through RPC on this machine, and the same at any history length.
      row("bare one-row write (the commit alone)", await time(`[${size}] bare one-row write`, 20, (i) =>
        runInDurableObject(graph, (_: EmotionalGraph, ctx) => void ctx.storage.sql.exec("INSERT INTO live_tickets (ticket_hash, expires_at) VALUES (?, ?)", `timing-${i}`, 0)),
      ));
      // The object's own work for a write and its reply, without RPC and commit: 100 writes in one call.
      const inside = history(100, start + (size + 100) * 3 * HOUR, 13);
      const mean = await runInDurableObject(graph, async (instance: EmotionalGraph) => {
        const t0 = performance.now();
        for (const s of inside) await instance.recordState(s);
        return (performance.now() - t0) / inside.length;
      });
      console.log(`[${size}] recordState inside the object      mean ${mean.toFixed(2)} ms`);
      row("recordState inside the object (no RPC, no commit)", mean);
      // The one-time backfill of the aggregates migration, as it would run on this history.
      const backfill = await runInDurableObject(graph, (_: EmotionalGraph, ctx) => {
        const t0 = performance.now();
        const all = ctx.storage.sql.exec<StateRow>(`SELECT ${STATE_COLUMNS} FROM states ORDER BY recorded_at, entry_id`).toArray().map(toState);
        ctx.storage.transactionSync(() => new SqlGraphStore(ctx.storage.sql).load(aggregatesOf(all), all));
        return performance.now() - t0;
      });
      console.log(`[${size}] one-time backfill of the aggregates: ${backfill.toFixed(0)} ms`);
    }
    console.log(`\n${"mean ms per call".padEnd(52)}      1k      10k   10k/1k`);
    for (const [label, [small, large]] of Object.entries(results)) {
      console.log(`${label.padEnd(52)} ${small!.toFixed(2).padStart(7)} ${large!.toFixed(2).padStart(8)} ${(large! / small!).toFixed(2).padStart(8)}`);
    }
  });
});
