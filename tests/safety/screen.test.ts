// The safety screen read directly: the phrasings the issue names, how negation, other people and
// idioms are told apart, and the figures on the labelled sets (the same ones `npm run eval:safety`
// prints) held to their targets.
import { describe, expect, it } from "vitest";
import devSet from "./phrasings.dev.tsv?raw";
import testSet from "./phrasings.test.tsv?raw";
import heldW from "./phrasings.held-w.tsv?raw";
import heldX from "./phrasings.held-x.tsv?raw";
import heldY from "./phrasings.held-y.tsv?raw";
import { evaluate, parsePhrasings, TARGETS } from "../../worker/safety/evaluation.ts";
import { editDistance } from "../../worker/safety/normalise.ts";
import { screenText } from "../../worker/safety/screen.ts";
import { PATTERNS } from "../../worker/safety/patterns.ts";

const level = (text: string) => screenText(text).level;

describe("screenText", () => {
  it.each([
    "I don't want to be alive anymore. I've been thinking about ending it all.",
    "I want to die",
    "i dont wanna be alive anymore",
    "kms",
    "thinking about unaliving myself tbh",
    "i feel suicidel all the time",
    "I cut myself again last night.",
    "I've been saving up my pills.",
    "This is my last entry. Tell mum I loved her.",
    "I hope I don't wake up tomorrow.",
    "Everyone would be better off without me.",
    "I wish I had never been born",
  ])("reads %j as a crisis", (text) => {
    expect(level(text)).toBe("crisis");
  });

  it.each(["I feel numb and empty, like nothing matters", "I'm such a burden to everyone.", "What's the point anymore", "I feel completely hopeless."])(
    "reads %j as a concern",
    (text) => {
      expect(level(text)).toBe("concern");
    },
  );

  it.each([
    "this deadline is killing me",
    "dying to see the film",
    "I killed it at the presentation",
    "my phone died",
    "I'm not suicidal, just exhausted",
    "Watched a documentary about suicide prevention.",
    "My grandmother died last week and I miss her so much.",
    "My brother attempted suicide in 2019 and we talk about it openly now.",
    "My fingers were numb from the cold on the walk home.",
    "I cut myself shaving this morning, ouch.",
    "Took my pills with breakfast as usual.",
  ])("reads %j as ordinary", (text) => {
    expect(level(text)).toBe("none");
  });

  it("the patterns tell an empty house from feeling empty (the model may still offer the lines quietly)", () => {
    expect(screenText("The house felt empty after the party.", { model: null }).level).toBe("none");
    expect(screenText("I felt empty after the party.", { model: null }).level).toBe("concern");
    expect(level("The house felt empty after the party.")).not.toBe("crisis");
  });

  it("finds one crisis sentence in a long ordinary entry", () => {
    const day = "Went to the market, bought apples and bread, and talked to the baker about the weather. ";
    expect(level(`${day.repeat(20)}I have decided to end my life this weekend. ${day.repeat(10)}`)).toBe("crisis");
    expect(level(day.repeat(30))).toBe("none");
  });

  it("reads a long entry without punctuation in pieces: a long run of one word is nothing, a buried wish still counts", () => {
    // "İ" lower-cases to "i" and a combining dot: 20,000 of them were once one sentence of "i i i …"
    // whose weight piled up into a crisis.
    expect(level("İ".repeat(20_000))).toBe("none");
    expect(level("i ".repeat(5_000))).toBe("none");
    const rambling = "went to work and came home and made pasta and watched tv and the cat sat on me and ";
    expect(level(`${rambling.repeat(8)}i keep thinking i want to die and ${rambling.repeat(8)}`)).toBe("crisis");
    // (The model reads the same rambling, repeated, as a quiet concern: a known weakness, never a crisis.)
    expect(level(rambling.repeat(16))).not.toBe("crisis");
  });

  it("says which pattern spoke, for the record", () => {
    const screen = screenText("I want to kill myself");
    expect(screen.signals[0]).toMatchObject({ pattern: "kill-self", level: "crisis", matched: "kill myself" });
  });

  it("recognises typos within an edit or two, and nothing further", () => {
    expect(editDistance("suicidel", "suicidal", 2)).toBe(1);
    expect(editDistance("sucidial", "suicidal", 2)).toBe(2);
    expect(editDistance("subside", "suicide", 1)).toBeGreaterThan(1);
    expect(level("the swelling should subside by tomorrow")).toBe("none");
  });

  it("every pattern compiles, has anchors and says why it exists", () => {
    expect(PATTERNS.length).toBeLessThanOrEqual(31);
    for (const p of PATTERNS) {
      expect(p.anchors.length, p.id).toBeGreaterThan(0);
      expect(p.why.length, p.id).toBeGreaterThan(20);
    }
    expect(new Set(PATTERNS.map((p) => p.id)).size).toBe(PATTERNS.length);
  });
});

describe("figures on the labelled phrasings", () => {
  // The held-out test phrasings: the target is crisis recall >= 0.97; what the screen reaches
  // today is held here as a floor so that it can only improve (see README, "When an entry sounds like
  // a crisis"). Ordinary text called a crisis is held to the target itself.
  const MEASURED_CRISIS_RECALL_FLOOR = 0.88;

  it("on the held-out test set: ordinary text is rarely called a crisis, and crisis recall holds its measured floor", () => {
    const rows = parsePhrasings(testSet);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.level !== "none").length).toBeGreaterThanOrEqual(100);
    const report = evaluate(rows);
    expect(report.ordinaryCalledCrisis).toBeLessThanOrEqual(TARGETS.ordinaryCalledCrisis);
    expect(report.crisisRecall).toBeGreaterThanOrEqual(MEASURED_CRISIS_RECALL_FLOOR);
  });

  it("on the rounds written after the model was trained, crisis recall holds its measured floor", () => {
    // 86.3% measured (80.5% with the model before); ordinary text called a crisis 3.3% (3.5% before).
    const report = evaluate([heldW, heldX, heldY].flatMap((set) => parsePhrasings(set)));
    expect(report.counts.crisis).toBeGreaterThanOrEqual(500);
    expect(report.crisisRecall).toBeGreaterThanOrEqual(0.86);
    expect(report.ordinaryCalledCrisis).toBeLessThanOrEqual(0.035);
  });

  it("on the dev set the patterns were shaped on, both targets are met", () => {
    const report = evaluate(parsePhrasings(devSet));
    expect(report.crisisRecall).toBeGreaterThanOrEqual(TARGETS.crisisRecall);
    expect(report.ordinaryCalledCrisis).toBeLessThanOrEqual(TARGETS.ordinaryCalledCrisis);
  });
});
