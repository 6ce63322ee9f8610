import { describe, expect, it } from "vitest";
import journalDev from "./journal-feelings.dev.tsv?raw";
import journalTest from "./journal-feelings.test.tsv?raw";
import { FEELINGS } from "../../worker/emotion/data/feelings-lexicon";
import { readFeelings } from "../../worker/emotion/feelings";
import { analyzeEmotion, rawEmotionScores } from "../../worker/emotion/local-model";
import { EKMAN_EMOTIONS, FINE_TO_EKMAN } from "../../worker/emotion/taxonomy";

const groups = (text: string) => readFeelings(text).hits.map((h) => h.group);

describe("the feelings vocabulary", () => {
  it("is well formed: one entry per phrase, lower case words, each fine emotion inside its group", () => {
    const seen = new Set<string>();
    for (const [phrase, group, fine, intensity] of FEELINGS) {
      expect(phrase, phrase).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
      expect(seen.has(phrase), `duplicate ${phrase}`).toBe(false);
      seen.add(phrase);
      if (fine !== "") expect(FINE_TO_EKMAN[fine], phrase).toBe(group);
      expect([1, 2, 3]).toContain(intensity);
    }
    expect(seen.size).toBeGreaterThan(300);
  });

  it("stays clear of the safety screen's words", () => {
    for (const [phrase] of FEELINGS) expect(phrase, phrase).not.toMatch(/\b(die|dead|death|suicid\w*|kill\w*|burden|harm)\b/);
  });
});

describe("reading first-person feeling statements", () => {
  it("finds the feeling after a frame, through modifiers", () => {
    expect(groups("i feel rotten so im not very ambitious right now")[0]).toBe("sadness");
    expect(groups("I'm so fed up with all of it")).toEqual(["anger"]);
    expect(groups("feeling over the moon today")).toEqual(["joy"]);
    expect(groups("It made me really anxious")).toEqual(["fear"]);
    expect(groups("I've been feeling a bit on edge")).toEqual(["fear"]);
  });

  it("chains feelings joined by and", () => {
    expect(groups("i am just feeling cranky and blue")).toEqual(["anger", "sadness"]);
  });

  it("understands negation: a denied bad feeling, and a denied good one read as low", () => {
    const denied = readFeelings("I'm not angry, just really disappointed");
    expect(denied.denied).toContain("anger");
    expect(denied.hits.map((h) => h.group)).toEqual(["sadness"]);
    expect(readFeelings("I'm not happy").hits).toMatchObject([{ group: "sadness", phrase: "not happy" }]);
    expect(readFeelings("i don't feel good at all").hits).toMatchObject([{ group: "sadness" }]);
  });

  it("does not read other people's feelings or things as the writer's", () => {
    expect(groups("She was furious with the landlord")).toEqual([]);
    expect(groups("Can't believe the airline lost my bag")).toEqual([]);
    expect(groups("The internet is down again")).toEqual([]);
  });

  it("reads a multi-word phrase once", () => {
    expect(readFeelings("I'm a nervous wreck").hits).toHaveLength(1);
  });

  it("notices a feeling statement even without a word from the vocabulary", () => {
    const r = readFeelings("i feel like nobody listens to me");
    expect(r.hits).toEqual([]);
    expect(r.statement).toBe(true);
    expect(readFeelings("Paid the gas bill and cleaned the kitchen.").statement).toBe(false);
  });
});

describe("the emotion reading with the vocabulary", () => {
  it.each([
    ["Work was awful, my manager yelled at me in front of everyone. I'm furious.", "anger"],
    ["I feel numb and empty", "sadness"],
    ["i feel agitated and restless tonight", "anger"],
    ["I'm not angry, just really disappointed", "sadness"],
    ["feeling over the moon today", "joy"],
    ["i feel rotten so im not very ambitious right now", "sadness"],
  ])("%s → %s", (text, emotion) => {
    expect(analyzeEmotion(text).primary_emotion).toBe(emotion);
  });

  it("keeps a denied feeling below its decision threshold", () => {
    expect(analyzeEmotion("I'm not angry about it at all").ekman_scores.anger).toBeLessThan(0.5);
  });

  it("leaves plain accounts of the day neutral", () => {
    expect(analyzeEmotion("Paid the gas bill and cleaned the kitchen.").primary_emotion).toBe("neutral");
  });
});

// The team's journal sentences (tests/emotion/README.md): dev shaped the blend, test was never tuned on.
// Floors a little under the measured figures (dev 0.712, test 0.678; 0.40 and 0.42 before the vocabulary).

function journalF1(tsv: string): number {
  const rows = tsv.trim().split("\n").slice(1).map((line) => line.split("\t") as [string, string]);
  const labels = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"];
  const f1s = labels.map((label) => {
    let tp = 0, fp = 0, fn = 0;
    for (const [text, gold] of rows) {
      const predicted = analyzeEmotion(text).primary_emotion;
      if (predicted === label && gold === label) tp++;
      else if (predicted === label) fp++;
      else if (gold === label) fn++;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / labels.length;
}

describe("journal sentences, primary emotion (7 classes)", () => {
  it("reads the dev sentences at macro-F1 >= 0.68", () => {
    expect(journalF1(journalDev)).toBeGreaterThanOrEqual(0.68);
  });
  it("reads the held-out test sentences at macro-F1 >= 0.65", () => {
    expect(journalF1(journalTest)).toBeGreaterThanOrEqual(0.65);
  });
});

describe("long entries", () => {
  it("reads a sentence well past the first dozen (the model's own reading, before the vocabulary)", () => {
    const fear = EKMAN_EMOTIONS.indexOf("fear");
    const ordinary = Array.from({ length: 18 }, (_, i) => `Sorted out item number ${i + 1} on the list before lunch.`);
    const scared = [...ordinary.slice(0, 16), "I am so scared of what the biopsy will show.", ...ordinary.slice(16)].join(" ");
    expect(rawEmotionScores(scared).ekman[fear]).toBeGreaterThan(rawEmotionScores(ordinary.join(" ")).ekman[fear]! + 0.3);
  });
});
