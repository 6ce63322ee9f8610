// The Workers AI provider against a stubbed env.AI.run: good answers are parsed and combined;
// malformed JSON, thrown errors and slow answers fall back to the local model.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeEmotion } from "../../worker/emotion/local-model.ts";
import { emotionProviderFor } from "../../worker/emotion/provider.ts";
import { EMOTION_LLM, POLARITY_MODEL } from "../../worker/emotion/workers-ai-provider.ts";

const TEXT = "I can't believe they cancelled again. I'm so angry.";
const goodEmotions = {
  ekman: { anger: 0.85, disgust: 0.2, fear: 0.05, joy: 0.02, sadness: 0.3, surprise: 0.1, neutral: 0.05 },
  fine: [
    { label: "anger", score: 0.8 },
    { label: "annoyance", score: 0.6 },
    { label: "disappointment", score: 0.4 },
  ],
};

function stubAi(answers: { polarity?: unknown; llm?: unknown; error?: Error; delayMs?: number }) {
  return vi.spyOn(env.AI, "run").mockImplementation((async (model: string) => {
    if (answers.delayMs) await new Promise((r) => setTimeout(r, answers.delayMs));
    if (answers.error) throw answers.error;
    if (model === POLARITY_MODEL) return answers.polarity ?? [{ label: "NEGATIVE", score: 0.95 }, { label: "POSITIVE", score: 0.05 }];
    if (model === EMOTION_LLM) return answers.llm ?? { response: goodEmotions };
    throw new Error(`unexpected model ${model}`);
  }) as never);
}

const provider = (timeoutMs?: number) => emotionProviderFor({ AI: env.AI, AI_PROVIDER: "workers-ai" }, { timeoutMs });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("workers-ai emotion provider", () => {
  it("calls both documented models and combines their answers", async () => {
    const run = stubAi({});
    const result = await provider().analyzeWithProvenance(TEXT);
    expect(result.provider).toBe("workers-ai");
    expect(result.analysis).toMatchObject({ primary_emotion: "anger", sentiment: "negative", is_positive: false });
    expect(result.analysis.ekman_scores.anger).toBe(0.85);
    expect(result.analysis.fine_scores.annoyance).toBe(0.6);
    expect(result.analysis.fine_scores.joy).toBe(0);
    expect(result.analysis.valence).toBeLessThan(-0.5);
    expect(result.analysis.intensity).toBe(0.85);
    expect(run).toHaveBeenCalledWith(POLARITY_MODEL, { text: TEXT });
    const llmCall = run.mock.calls.find(([model]) => model === EMOTION_LLM)!;
    expect(llmCall[1]).toMatchObject({ response_format: { type: "json_schema" }, messages: [{ role: "system" }, { role: "user", content: TEXT }] });
  });

  it("accepts the JSON as a string inside response", async () => {
    stubAi({ llm: { response: JSON.stringify(goodEmotions) }, polarity: [{ label: "POSITIVE", score: 0.9 }] });
    const result = await provider().analyzeWithProvenance(TEXT);
    expect(result.provider).toBe("workers-ai");
    expect(result.analysis.sentiment_scores.positive).toBeCloseTo(0.9 * 0.95);
  });

  const local = analyzeEmotion(TEXT);
  const fallbacks: [string, Parameters<typeof stubAi>[0]][] = [
    ["malformed JSON", { llm: { response: "{ekman: nope" } }],
    ["JSON of the wrong shape", { llm: { response: { ekman: { anger: 2 } } } }],
    ["an unknown label", { llm: { response: { ...goodEmotions, fine: [{ label: "hunger", score: 0.5 }] } } }],
    ["a malformed polarity answer", { polarity: { label: "POSITIVE" } }],
    ["a thrown error", { error: new Error("3040: Capacity temporarily exceeded") }],
  ];
  for (const [name, answers] of fallbacks) {
    it(`falls back to the local model on ${name}`, async () => {
      stubAi(answers);
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const result = await provider().analyzeWithProvenance(TEXT);
      expect(result.provider).toBe("local");
      expect(result.analysis).toEqual(local);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("using the local model"), expect.any(String));
    });
  }

  it("falls back when the answer is too slow", async () => {
    stubAi({ delayMs: 200 });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const started = Date.now();
    const result = await provider(50).analyzeWithProvenance(TEXT);
    expect(result.provider).toBe("local");
    expect(Date.now() - started).toBeLessThan(190);
  });

  it("uses the local model, and never env.AI, when AI_PROVIDER is local or unknown", async () => {
    const run = stubAi({});
    for (const setting of ["local", "workers_ai", ""]) {
      const result = await emotionProviderFor({ AI: env.AI, AI_PROVIDER: setting }).analyzeWithProvenance(TEXT);
      expect(result).toMatchObject({ provider: "local", analysis: local });
    }
    expect(run).not.toHaveBeenCalled();
  });
});
