// The local insight extractor on realistic entries: topics, an extractive summary, questions that
// follow the emotion, quoted beliefs/challenges/intentions (and none invented), and its limits.
import { describe, expect, it } from "vitest";
import { analyzeEmotion } from "../../worker/emotion/local-model.ts";
import { EKMAN_EMOTIONS, type EkmanEmotion } from "../../worker/emotion/taxonomy.ts";
import type { EmotionAnalysis } from "../../worker/emotion/types.ts";
import { extractInsightLocally } from "../../worker/insights/local-insights.ts";
import { splitSentences } from "../../worker/insights/text.ts";
import { InsightContentSchema, type InsightContent } from "../../worker/insights/types.ts";

/** A fixed analysis, so these tests follow the extractor and not the emotion model's judgement. */
function analysisFor(primary: EkmanEmotion): EmotionAnalysis {
  const base = analyzeEmotion("");
  return { ...base, primary_emotion: primary, ekman_scores: { ...base.ekman_scores, [primary]: 0.9 } };
}

function insight(text: string, emotion: EkmanEmotion = "neutral"): InsightContent {
  const result = extractInsightLocally(text, analysisFor(emotion));
  expect(InsightContentSchema.safeParse(result).success).toBe(true);
  return result;
}

const INTERVIEW =
  "I had my job interview today at the bank. I was so nervous that I barely slept last night. " +
  "My sister called me before the interview and reminded me that I've prepared for weeks. " +
  "The interview went okay, I think, but I stumbled on the salary question. I'm glad my sister was there for me.";
const BOSS = "I always mess these things up. Talking to my boss is really hard for me. Tomorrow I will write down what I want to say.";
const WALK = "Lovely sunny walk by the river.";

describe("topics", () => {
  it("finds the job interview and the sister", () => {
    const { topics } = insight(INTERVIEW);
    expect(topics).toContain("job interview");
    expect(topics).toContain("sister");
    expect(topics.indexOf("job interview")).toBeLessThan(2);
    expect(topics).not.toContain("interview"); // already covered by "job interview"
  });

  it("keeps topics short, lowercase and unique", () => {
    const { topics } = insight("Dinner with Sam. SAM cooked pasta, and the Pasta was great! Sam's kitchen is tiny.");
    expect(topics.length).toBeGreaterThanOrEqual(1);
    expect(topics.length).toBeLessThanOrEqual(5);
    for (const t of topics) expect(t).toBe(t.toLowerCase());
    expect(new Set(topics).size).toBe(topics.length);
    expect(topics.some((t) => t.startsWith("sam"))).toBe(true);
    expect(topics).toContain("pasta");
  });

  it("does not offer function words or feelings as topics", () => {
    const { topics } = insight("I feel so tired and sad today. I just don't know what to do anymore.");
    for (const word of ["feel", "tired", "sad", "today", "just", "know"]) expect(topics).not.toContain(word);
  });
});

describe("summary", () => {
  it("is one of the entry's own sentences", () => {
    const { summary } = insight(INTERVIEW);
    expect(splitSentences(INTERVIEW)).toContain(summary);
  });

  it("is the trimmed start of a sentence when the sentence is long", () => {
    const long = `${"We walked along the old harbour wall while the boats came in ".repeat(8)}and it was calm.`;
    const { summary } = insight(long);
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary.endsWith("\u2026")).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
  });
});

describe("questions", () => {
  it("differ between a sad and a joyful entry", () => {
    const sad = insight(INTERVIEW, "sadness").questions;
    const joyful = insight(INTERVIEW, "joy").questions;
    expect(sad.some((q) => joyful.includes(q))).toBe(false);
  });

  it("are 2–3 and ask about the main topic where a template has a slot", () => {
    for (const emotion of EKMAN_EMOTIONS) {
      const result = insight(INTERVIEW, emotion);
      expect(result.questions.length).toBeGreaterThanOrEqual(2);
      expect(result.questions.length).toBeLessThanOrEqual(3);
      expect(result.questions.filter((q) => q.includes(`\u201C${result.topics[0]}\u201D`))).toHaveLength(1);
      for (const q of result.questions) expect(q).toMatch(/\?$/);
      expect(new Set(result.questions).size).toBe(result.questions.length);
      expect(result.questions.join(" ")).not.toContain("{topic}");
    }
  });

  it("still ask something open when there is no topic", () => {
    const { questions } = insight("", "neutral");
    expect(questions.length).toBe(2);
  });

  it("follow the emotion the model detects", () => {
    const text = "My grandmother passed away this morning. I miss her so much and I can't stop crying.";
    const detected = extractInsightLocally(text, analyzeEmotion(text));
    expect(InsightContentSchema.safeParse(detected).success).toBe(true);
    expect(detected.questions).toEqual(insight(text, analyzeEmotion(text).primary_emotion).questions);
  });
});

describe("beliefs, challenges and action items", () => {
  it("quotes a belief, a challenge and an intention", () => {
    const result = insight(BOSS, "fear");
    expect(result.beliefs).toEqual(["I always mess these things up"]);
    expect(result.challenges).toEqual(["Talking to my boss is really hard for me"]);
    expect(result.action_items).toEqual(["Tomorrow I will write down what I want to say"]);
  });

  it("are empty when the entry has none", () => {
    const result = insight(WALK, "joy");
    expect(result.beliefs).toEqual([]);
    expect(result.challenges).toEqual([]);
    expect(result.action_items).toEqual([]);
  });

  it("take several from a longer entry, each once and at most three", () => {
    const text =
      "Work has been a nightmare this week. My manager keeps piling deadlines on me and I can't keep up. " +
      "I'm not good enough for this job. I should have said no to the project. Nobody here listens to me. " +
      "People always leave in the end. I'm not good enough for this job. I need to talk to HR on Monday. " +
      "It wasn't hard to see it coming, honestly.";
    const result = insight(text, "sadness");
    expect(result.beliefs).toEqual([
      "I'm not good enough for this job",
      "I should have said no to the project",
      "Nobody here listens to me",
    ]);
    expect(result.challenges).toEqual(["My manager keeps piling deadlines on me and I can't keep up"]);
    expect(result.action_items).toEqual(["I need to talk to HR on Monday"]);
  });

  it("split a belief from an intention in the same sentence", () => {
    const result = insight("I'm such a failure at saving money, but I'm going to set up a budget this weekend.");
    expect(result.beliefs).toEqual(["I'm such a failure at saving money"]);
    expect(result.action_items).toEqual(["I'm going to set up a budget this weekend"]);
  });

  it("ignore negated difficulties, delight and figures of speech", () => {
    const result = insight(
      "The exam wasn't difficult at all. I never thought I'd enjoy chemistry. I can't wait for the summer. No problem with the trains either.",
      "joy",
    );
    expect(result.challenges).toEqual([]);
    expect(result.beliefs).toEqual([]);
  });

  it("work on text typed without punctuation", () => {
    const result = insight("i dont know what to say today i just feel empty and nobody really cares about me anyway i need to sleep more");
    expect(result.beliefs).toEqual(["I just feel empty and nobody really cares about me anyway"]);
    expect(result.action_items).toEqual(["I need to sleep more"]);
  });

  it("accept curly apostrophes", () => {
    const result = insight("I\u2019m not smart enough for this course. I\u2019ll ask my tutor for help on Friday.");
    expect(result.beliefs).toEqual(["I\u2019m not smart enough for this course"]);
    expect(result.action_items).toEqual(["I\u2019ll ask my tutor for help on Friday"]);
  });
});

describe("limits", () => {
  it("is deterministic", () => {
    expect(insight(INTERVIEW, "fear")).toEqual(insight(INTERVIEW, "fear"));
    expect(insight(BOSS, "sadness")).toEqual(insight(BOSS, "sadness"));
  });

  it("handles empty, blank and tiny entries", () => {
    for (const text of ["", "   \n  ", "ok", "...", "?!"]) {
      const result = insight(text);
      expect(result.topics).toEqual([]);
      expect(result.beliefs).toEqual([]);
      expect(result.challenges).toEqual([]);
      expect(result.action_items).toEqual([]);
    }
    expect(insight("").summary).toBe("");
    expect(insight("ok").summary).toBe("ok");
  });

  it("does not quote English-stopword topics from another language", () => {
    const result = insight("Aujourd'hui j'ai parlé avec ma sœur. Elle m'a beaucoup aidé avec le travail.");
    expect(result.topics).toEqual([]);
    expect(["Aujourd'hui j'ai parlé avec ma sœur.", "Elle m'a beaucoup aidé avec le travail."]).toContain(result.summary);
  });

  it("handles a 20,000-character entry, punctuated or not", () => {
    const punctuated = `${INTERVIEW} ${BOSS} `.repeat(60).slice(0, 20_000);
    const unpunctuated = "so much going on with work and my sister and the move ".repeat(400).slice(0, 20_000);
    for (const text of [punctuated, unpunctuated, "x".repeat(20_000)]) {
      const result = insight(text, "sadness");
      expect(result.summary.length).toBeLessThanOrEqual(200);
    }
    const result = insight(punctuated, "sadness");
    expect(result.topics).toContain("job interview");
    expect(result.beliefs).toEqual(["I always mess these things up"]);
  });
});
