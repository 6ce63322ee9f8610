// Transitions are counted exactly through record, re-record, out-of-order record and delete.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EmotionalGraph } from "../../durable-objects/emotional-graph.ts";
import { edgeCounts, freshGraph, HOUR, recordSequence, state } from "./helpers.ts";

/** The transitions the stored states imply, recomputed from scratch. */
async function recomputed(graph: ReturnType<typeof freshGraph>) {
  return runInDurableObject(graph, (_: EmotionalGraph, ctx) => {
    const rows = ctx.storage.sql.exec<{ primary_emotion: string }>("SELECT primary_emotion FROM states ORDER BY recorded_at, entry_id").toArray();
    const counts: Record<string, number> = {};
    for (let i = 1; i < rows.length; i++) {
      const key = `${rows[i - 1]!.primary_emotion}>${rows[i]!.primary_emotion}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  });
}

describe("EmotionalGraph transitions", () => {
  it("counts consecutive states", async () => {
    const graph = freshGraph();
    await recordSequence(graph, ["sadness", "sadness", "joy", "sadness", "joy"]);
    const view = await graph.graph();
    expect(view.totalStates).toBe(5);
    expect(view.nodes).toEqual([
      { emotion: "sadness", count: 3 },
      { emotion: "joy", count: 2 },
    ]);
    expect(edgeCounts(view.edges)).toEqual({ "sadness>sadness": 1, "sadness>joy": 2, "joy>sadness": 1 });
    const sadToJoy = view.edges.find((e) => e.from === "sadness" && e.to === "joy")!;
    expect(sadToJoy.probability).toBeCloseTo(2 / 3);
    expect(sadToJoy.medianMs).toBe(HOUR);
  });

  it("re-recording an entry replaces its state and rewires both of its transitions", async () => {
    const graph = freshGraph();
    const [, middle] = await recordSequence(graph, ["sadness", "anger", "joy"]);
    await graph.recordState({ ...middle!, primaryEmotion: "fear" });
    expect(edgeCounts((await graph.graph()).edges)).toEqual({ "sadness>fear": 1, "fear>joy": 1 });
    // The same revision again changes nothing.
    await graph.recordState({ ...middle!, primaryEmotion: "fear" });
    expect(edgeCounts((await graph.graph()).edges)).toEqual({ "sadness>fear": 1, "fear>joy": 1 });
    expect(await graph.stateCount()).toBe(3);
  });

  it("ignores an older revision arriving after a newer one", async () => {
    const graph = freshGraph();
    const [entry] = await recordSequence(graph, ["sadness"]);
    await graph.recordState({ ...entry!, revision: 3, primaryEmotion: "joy", isPositive: true });
    const result = await graph.recordState({ ...entry!, revision: 2, primaryEmotion: "anger" });
    expect(result.state).toMatchObject({ revision: 3, primaryEmotion: "joy" });
  });

  it("places a back-dated state between its neighbours in time", async () => {
    const graph = freshGraph();
    const [first] = await recordSequence(graph, ["sadness", "joy"]);
    await graph.recordState(state("fear", first!.recordedAt + HOUR / 2));
    expect(edgeCounts((await graph.graph()).edges)).toEqual({ "sadness>fear": 1, "fear>joy": 1 });
  });

  it("removing a state joins its neighbours, and removing the ends leaves no dangling edge", async () => {
    const graph = freshGraph();
    const inputs = await recordSequence(graph, ["sadness", "anger", "joy", "fear"]);
    expect(await graph.removeState(inputs[1]!.entryId)).toBe(true);
    expect(edgeCounts((await graph.graph()).edges)).toEqual({ "sadness>joy": 1, "joy>fear": 1 });
    await graph.removeState(inputs[0]!.entryId);
    await graph.removeState(inputs[3]!.entryId);
    expect((await graph.graph()).edges).toEqual([]);
    expect(await graph.removeState("never-recorded")).toBe(false);
  });

  it("stays equal to a recomputation after a long mix of operations", async () => {
    const graph = freshGraph();
    const emotions = ["sadness", "joy", "anger", "fear", "joy", "neutral", "sadness", "surprise", "joy", "disgust"] as const;
    const inputs = await recordSequence(graph, [...emotions, ...emotions]);
    for (const [i, input] of inputs.entries()) {
      if (i % 3 === 0) await graph.removeState(input.entryId);
      else if (i % 3 === 1) await graph.recordState({ ...input, revision: 2, primaryEmotion: emotions[(i * 7) % emotions.length]! });
    }
    await graph.recordState(state("anger", inputs[5]!.recordedAt + 1));
    const counts = edgeCounts((await graph.graph()).edges);
    expect(counts).toEqual(await recomputed(graph));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe((await graph.stateCount()) - 1);
  });

  it("refuses invalid RPC arguments", async () => {
    // Called on the instance: a rejecting RPC through a stub leaks an unhandled rejection in the
    // vitest pool (cloudflare/workers-sdk#14736), which would fail the run although handled here.
    await runInDurableObject(freshGraph(), async (graph: EmotionalGraph) => {
      await expect(graph.recordState({ ...state("joy", 1), primaryEmotion: "elation" as never })).rejects.toThrow(
        /recordState: invalid arguments \(primaryEmotion/,
      );
      await expect(graph.recordState({ ...state("joy", 1), valence: 3 })).rejects.toThrow(/valence/);
      await expect(graph.suggestions("hunger")).rejects.toThrow(/suggestions: invalid arguments/);
      expect(() => graph.history(0)).toThrow(/history: invalid arguments/);
      expect(await graph.stateCount()).toBe(0);
    });
  });

  it("keeps everything in storage: a new instance sees the same graph", async () => {
    const graph = freshGraph();
    await recordSequence(graph, ["sadness", "joy"]);
    const before = await graph.graph();
    await evictDurableObject(graph);
    expect(await graph.graph()).toEqual(before);
  });
});
