// The local emotion model inside workerd: it loads, reads known texts sensibly, and is well-formed.
import { describe, expect, it } from "vitest";
import { LocalEmotionProvider, analyzeEmotion } from "../../worker/emotion/local-model.ts";
import { EKMAN_EMOTIONS, FINE_EMOTIONS, SENTIMENTS } from "../../worker/emotion/taxonomy.ts";
import type { EmotionAnalysis } from "../../worker/emotion/types.ts";

function expectWellFormed(a: EmotionAnalysis): void {
  expect(Object.keys(a.fine_scores).sort()).toEqual([...FINE_EMOTIONS].sort());
  expect(Object.keys(a.ekman_scores).sort()).toEqual([...EKMAN_EMOTIONS].sort());
  expect(Object.keys(a.sentiment_scores).sort()).toEqual([...SENTIMENTS].sort());
  for (const v of [
    ...Object.values(a.fine_scores),
    ...Object.values(a.ekman_scores),
    ...Object.values(a.sentiment_scores),
  ]) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  expect(EKMAN_EMOTIONS).toContain(a.primary_emotion);
  expect(SENTIMENTS).toContain(a.sentiment);
  expect(a.is_positive).toBe(a.sentiment === "positive");
  expect(a.valence).toBeGreaterThanOrEqual(-1);
  expect(a.valence).toBeLessThanOrEqual(1);
  expect(a.intensity).toBeGreaterThanOrEqual(0);
  expect(a.intensity).toBeLessThanOrEqual(1);
}

describe("local emotion model", () => {
  it("loads and analyses a text", () => {
    const a = analyzeEmotion("Thank you so much, this made my day.");
    expectWellFormed(a);
  });

  it("recognises joy and positive sentiment", () => {
    const a = analyzeEmotion("I'm so happy, we finally got the house!");
    expectWellFormed(a);
    expect(a.primary_emotion).toBe("joy");
    expect(a.sentiment).toBe("positive");
    expect(a.is_positive).toBe(true);
    expect(a.valence).toBeGreaterThan(0);
    expect(a.intensity).toBeGreaterThan(0.3);
  });

  it("recognises sadness and negative sentiment", () => {
    const a = analyzeEmotion("I miss her so much, everything feels empty");
    expectWellFormed(a);
    expect(a.primary_emotion).toBe("sadness");
    expect(a.sentiment).toBe("negative");
    expect(a.is_positive).toBe(false);
    expect(a.valence).toBeLessThan(0);
  });

  it("recognises anger", () => {
    const a = analyzeEmotion("This is infuriating, they lied to me again");
    expect(a.primary_emotion).toBe("anger");
    expect(a.valence).toBeLessThan(0);
  });

  it("recognises fear", () => {
    const a = analyzeEmotion("I'm terrified about the surgery tomorrow");
    expect(a.primary_emotion).toBe("fear");
    expect(a.valence).toBeLessThan(0);
  });

  it("recognises surprise", () => {
    const a = analyzeEmotion("Wow, I did not expect that at all!");
    expect(a.primary_emotion).toBe("surprise");
  });

  it("treats plain factual text as neutral-ish", () => {
    const a = analyzeEmotion("The meeting is at 3pm in room 204.");
    expectWellFormed(a);
    expect(a.primary_emotion).toBe("neutral");
    expect(a.ekman_scores.neutral).toBeGreaterThanOrEqual(0.5);
  });

  it("valence sign follows the winning sentiment", () => {
    for (const text of [
      "I love you all, thank you for everything",
      "I hate this, it is disgusting and awful",
      "What a wonderful, beautiful morning",
      "I'm so disappointed and sad about it",
    ]) {
      const a = analyzeEmotion(text);
      expectWellFormed(a);
      if (a.sentiment === "positive") expect(a.valence).toBeGreaterThan(0);
      if (a.sentiment === "negative") expect(a.valence).toBeLessThan(0);
    }
  });

  it("is deterministic", () => {
    const text = "Still nervous about the new job, but honestly I feel lighter tonight.";
    expect(analyzeEmotion(text)).toEqual(analyzeEmotion(text));
  });

  it("handles empty and whitespace-only input", () => {
    for (const text of ["", "   ", "\n\t  \n"]) {
      const a = analyzeEmotion(text);
      expectWellFormed(a);
      expect(a.primary_emotion).toBe("neutral");
      expect(a.sentiment).toBe("neutral");
      expect(a.valence).toBe(0);
      expect(a.intensity).toBe(0);
    }
  });

  it("handles very long input", () => {
    const long = "I'm so happy today! ".repeat(1000); // 20,000 characters
    expect(long.length).toBe(20000);
    const a = analyzeEmotion(long);
    expectWellFormed(a);
    expect(a.primary_emotion).toBe("joy");
  });

  it("handles emoji, markup and odd characters", () => {
    for (const text of ["😂😂😂", "<b>hi</b> &amp; [NAME] http://x.y/z", "\u0000\uffff", "!!!???..."]) {
      expectWellFormed(analyzeEmotion(text));
    }
  });

  it("exposes an async provider named local", async () => {
    const p = new LocalEmotionProvider();
    expect(p.name).toBe("local");
    expect(typeof p.model).toBe("string");
    const a = await p.analyze("Thanks, that's really kind of you!");
    expectWellFormed(a);
    expect(a.is_positive).toBe(true);
  });
});

describe("journal entries of several sentences", () => {
  it("lets one clearly emotional sentence speak over a practical one", () => {
    const a = analyzeEmotion("I feel anxious about the job interview tomorrow. I need to prepare my answers.");
    expect(a.primary_emotion).toBe("fear");
    expect(a.is_positive).toBe(false);
    expect(a.valence).toBeLessThanOrEqual(0);
  });

  it("keeps a reading consistent: a negative primary emotion is never 'positive'", () => {
    for (const text of [
      "Today was hard. I cried in the car. Dinner was nice though.",
      "I'm so angry at him. Anyway, the weather was lovely and I got a coffee.",
      "I'm scared about the results. My friends were kind and supportive today.",
    ]) {
      const a = analyzeEmotion(text);
      if (["anger", "disgust", "fear", "sadness"].includes(a.primary_emotion)) expect(a.is_positive, text).toBe(false);
    }
  });
});
