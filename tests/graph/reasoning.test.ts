// What the graph concludes from a constructed history: suggestions with evidence, the most probable
// path to a better state, recovery times with their trend, and loops.
import { describe, expect, it } from "vitest";
import { genericSuggestions } from "../../worker/emotion/generic-suggestions.ts";
import { EKMAN_EMOTIONS } from "../../worker/emotion/taxonomy.ts";
import { DAY, freshGraph, HOUR, recordSequence, state } from "./helpers.ts";

describe("triggers", () => {
  it("names what comes with or just before low states more often than in the baseline, with counts", async () => {
    const graph = freshGraph();
    let t = Date.now() - 40 * DAY;
    const step = () => (t += 5 * HOUR);
    // Work comes with (or just before) every anxious entry and 4 of the 6 others; coffee is everywhere.
    for (const [emotion, activities] of [
      ["fear", ["work", "coffee"]],
      ["joy", ["walk", "coffee"]],
      ["fear", ["work"]],
      ["neutral", ["coffee"]],
      ["joy", ["friends"]],
      ["fear", ["work", "coffee"]],
      ["joy", ["walk"]],
      ["neutral", ["work", "coffee"]],
      ["fear", ["coffee"]],
      ["joy", ["coffee"]],
    ] as const) {
      await graph.recordState(state(emotion, step(), { activities: [...activities] }));
    }
    const triggers = await graph.triggers("fear");
    const work = triggers.find((tr) => tr.context === "work")!;
    expect(work).toBeDefined();
    expect(work.low.total).toBe(4);
    expect(work.others.total).toBe(6);
    // "With or just before": the fear entry after a work entry counts too.
    expect(work.low.with).toBe(4);
    expect(work.lift).toBeGreaterThan(1);
    expect(triggers[0]!.context).toBe("work");
    expect(triggers.map((tr) => tr.context)).not.toContain("walk");
    // Any low state when no emotion is named; validation like every RPC.
    expect((await graph.triggers(null)).map((tr) => tr.context)).toContain("work");
  });

  it("needs at least two low states before anything is called a trigger", async () => {
    const graph = freshGraph();
    await graph.recordState(state("sadness", Date.now() - 2 * DAY, { activities: ["rain"] }));
    await graph.recordState(state("joy", Date.now() - DAY, { activities: ["sun"] }));
    expect(await graph.triggers("sadness")).toEqual([]);
  });
});

describe("suggestions", () => {
  it("ranks 'walk' first with its evidence when it led from sadness to joy 4 times in 5", async () => {
    const graph = freshGraph();
    let t = Date.now() - 60 * DAY;
    const step = () => (t += 2 * HOUR);
    // Four recoveries: sad, then a walk and joy two hours later.
    for (let i = 0; i < 4; i++) {
      await graph.recordState(state("sadness", step()));
      await graph.recordState(state("joy", step(), { activities: ["walk"] }));
    }
    // One failure: a walk after a sad entry, and no joy within three steps.
    await graph.recordState(state("sadness", step()));
    await graph.recordState(state("sadness", step(), { activities: ["walk"] }));
    for (let i = 0; i < 2; i++) await graph.recordState(state("sadness", step()));
    for (let i = 0; i < 3; i++) await graph.recordState(state("anger", step()));
    // "tv" was tried after two sad entries and never helped.
    await graph.recordState(state("sadness", step(), { triedAction: "tv" }));
    await graph.recordState(state("sadness", step(), { triedAction: "tv" }));
    for (let i = 0; i < 3; i++) await graph.recordState(state("anger", step()));

    const suggestions = await graph.suggestions("sadness", 20);
    expect(suggestions[0]).toEqual({
      action: "walk",
      source: "history",
      score: (4 + 1) / (5 + 2),
      evidence: { tried: 5, worked: 4, medianRecoveryMs: 2 * HOUR },
    });
    const tv = suggestions.find((s) => s.action === "tv")!;
    expect(tv.evidence).toEqual({ tried: 2, worked: 0, medianRecoveryMs: null });
    // Evidence that something did not help ranks it below an untried generic idea.
    const firstGeneric = suggestions.findIndex((s) => s.source === "generic");
    expect(firstGeneric).toBeGreaterThan(0);
    expect(suggestions.indexOf(tv)).toBeGreaterThan(firstGeneric);
  });

  it("credits what came after a low state, never the low entry's own context: sad #work then happy #walk", async () => {
    const graph = freshGraph();
    let t = Date.now() - 30 * DAY;
    const step = () => (t += 3 * HOUR);
    for (let i = 0; i < 3; i++) {
      await graph.recordState(state("sadness", step(), { activities: ["work"] }));
      await graph.recordState(state("joy", step(), { activities: ["walk"] }));
    }
    const history = (await graph.suggestions("sadness", 20)).filter((s) => s.source === "history");
    expect(history.map((s) => s.action)).toEqual(["walk"]);
    expect(history[0]!.evidence).toMatchObject({ tried: 3, worked: 3 });
  });

  it("never calls 'what helped' an action that only ever came before a low state", async () => {
    const graph = freshGraph();
    let t = Date.now() - 30 * DAY;
    const step = () => (t += 3 * HOUR);
    for (let i = 0; i < 3; i++) {
      await graph.recordState(state("neutral", step(), { activities: ["doomscrolling"] }));
      await graph.recordState(state("fear", step()));
      await graph.recordState(state("joy", step(), { activities: ["yoga"] }));
    }
    const actions = (await graph.suggestions("fear", 20)).filter((s) => s.source === "history").map((s) => s.action);
    expect(actions).toContain("yoga");
    expect(actions).not.toContain("doomscrolling");
  });

  it("counts the action the person marked as tried", async () => {
    const graph = freshGraph();
    const low = state("fear", Date.now() - 3 * HOUR);
    await graph.recordState(low);
    await graph.recordState(state("joy", Date.now() - HOUR));
    await graph.markTried({ entryId: low.entryId, action: "Breathing exercise" });
    const [top] = await graph.suggestions("fear");
    expect(top).toMatchObject({ action: "breathing exercise", source: "history", evidence: { tried: 1, worked: 1 } });
    // Re-recording the entry (an edit) keeps what the person tried.
    await graph.recordState({ ...low, revision: 2 });
    expect((await graph.suggestions("fear"))[0]!.action).toBe("breathing exercise");
  });

  it("leaves out episodes whose outcome is not known yet", async () => {
    const graph = freshGraph();
    await graph.recordState(state("sadness", Date.now() - HOUR, { activities: ["music"] }));
    const suggestions = await graph.suggestions("sadness");
    expect(suggestions.every((s) => s.source === "generic")).toBe(true);
  });

  it("offers at least eight distinct, careful generic suggestions for every emotion when history is thin", async () => {
    const graph = freshGraph();
    for (const emotion of EKMAN_EMOTIONS) {
      const generic = genericSuggestions(emotion);
      expect(new Set(generic).size, emotion).toBeGreaterThanOrEqual(8);
      for (const text of generic) expect(text.length).toBeLessThanOrEqual(80);
      const offered = await graph.suggestions(emotion, 8);
      expect(offered.map((s) => s.action)).toEqual([...generic].sort().slice(0, 8));
      expect(offered.every((s) => s.source === "generic" && s.evidence === null)).toBe(true);
    }
  });
});

describe("paths", () => {
  it("finds the most probable path and its probability on a constructed graph", async () => {
    const graph = freshGraph();
    // anger->sadness (2 of 3), anger->joy (1 of 3); sadness->joy (3 of 4), sadness->fear (1 of 4).
    await recordSequence(graph, [
      "anger", "sadness", "joy",
      "anger", "sadness", "joy",
      "anger", "joy",
      "sadness", "fear", "sadness", "joy",
    ]);
    const view = await graph.graph();
    const p = (from: string, to: string) => view.edges.find((e) => e.from === from && e.to === to)?.probability ?? 0;
    expect(p("anger", "sadness")).toBeCloseTo(2 / 3);
    expect(p("sadness", "joy")).toBeCloseTo(3 / 4);

    const path = (await graph.path("anger", "joy"))!;
    // Direct anger->joy is 1/3; via sadness it is 2/3 * 3/4 = 1/2, so the longer path wins.
    expect(path.path).toEqual(["anger", "sadness", "joy"]);
    expect(path.probability).toBeCloseTo(0.5);
    expect(path.expectedMs).toBe(2 * HOUR);
    expect(await graph.path("joy", "joy")).toEqual({ from: "joy", to: "joy", path: ["joy"], probability: 1, expectedMs: 0 });
    expect(await graph.path("surprise", "joy")).toBeNull();
  });
});

describe("patterns", () => {
  it("measures each low episode's recovery time and the trend against the 90 days before", async () => {
    const graph = freshGraph();
    const now = Date.now();
    // Previous period (100-170 days ago): recoveries of 48 hours. Recent (last 90 days): 6 hours.
    for (const daysAgo of [170, 150, 130]) {
      await graph.recordState(state("sadness", now - daysAgo * DAY));
      await graph.recordState(state("sadness", now - daysAgo * DAY + 24 * HOUR));
      await graph.recordState(state("joy", now - daysAgo * DAY + 48 * HOUR));
    }
    for (const daysAgo of [60, 40, 20]) {
      await graph.recordState(state("fear", now - daysAgo * DAY));
      await graph.recordState(state("joy", now - daysAgo * DAY + 6 * HOUR));
    }
    await graph.recordState(state("anger", now - HOUR));

    const patterns = await graph.patterns(now);
    expect(patterns.episodes).toHaveLength(7);
    expect(patterns.episodes.map((e) => e.recoveryMs)).toEqual([48 * HOUR, 48 * HOUR, 48 * HOUR, 6 * HOUR, 6 * HOUR, 6 * HOUR, null]);
    expect(patterns.recovery).toEqual({ recentMedianMs: 6 * HOUR, previousMedianMs: 48 * HOUR, trend: "faster" });
  });

  it("says when there is not enough data for a trend", async () => {
    const graph = freshGraph();
    await recordSequence(graph, ["sadness", "joy"]);
    expect((await graph.patterns()).recovery.trend).toBe("not-enough-data");
  });

  it("finds a loop of two negative emotions the person gets stuck in", async () => {
    const graph = freshGraph();
    await recordSequence(graph, [
      "anger", "sadness", "anger", "sadness", "anger", "sadness", "joy",
      "fear", "sadness", "anger", "fear", "joy",
    ]);
    const { loops } = await graph.patterns();
    // anger->sadness 3 of 4 (once to fear), sadness->anger 3 of 4 (once to joy).
    expect(loops).toEqual([{ cycle: ["anger", "sadness"], probability: (3 / 4) * (3 / 4), occurrences: 2 }]);
  });

  it("finds a loop of three, and ignores cycles through positive states", async () => {
    const graph = freshGraph();
    await recordSequence(graph, ["fear", "anger", "sadness", "fear", "anger", "sadness", "fear", "joy", "surprise", "joy"]);
    const { loops } = await graph.patterns();
    // anger->sadness 1, sadness->fear 1, fear->anger 2 of 3.
    expect(loops).toHaveLength(1);
    expect(loops[0]!.cycle).toEqual(["anger", "sadness", "fear"]);
    expect(loops[0]!.probability).toBeCloseTo(2 / 3);
    expect(loops[0]!.occurrences).toBe(1);
  });
});
