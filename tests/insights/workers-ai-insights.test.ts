// The Workers AI insight extractor against a stubbed env.AI.run: good answers (object or JSON
// string) are parsed and tidied; malformed, wrongly shaped, failed and slow answers reject.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeEmotion } from "../../worker/emotion/local-model.ts";
import type { EkmanEmotion } from "../../worker/emotion/taxonomy.ts";
import type { EmotionAnalysis } from "../../worker/emotion/types.ts";
import { EMOTION_LLM } from "../../worker/emotion/workers-ai-provider.ts";
import { InsightContentSchema } from "../../worker/insights/types.ts";
import { MAX_INSIGHT_PROMPT_CHARS, extractInsightWithWorkersAi } from "../../worker/insights/workers-ai-insights.ts";

const TEXT = "I always mess these things up. Talking to my boss is really hard for me. Tomorrow I will write down what I want to say.";

function analysisFor(primary: EkmanEmotion): EmotionAnalysis {
  return { ...analyzeEmotion(""), primary_emotion: primary };
}

const GOOD = {
  topics: ["Boss", "difficult conversations", "boss", "  preparation "],
  summary: "Talking to the boss feels hard, so they plan to write down what to say.",
  questions: [
    "What would you most like your boss to understand?",
    "What has helped you in a hard conversation before?",
    "  How might writing it down help you feel steadier?  ",
    "A fourth question the schema does not allow?",
  ],
  beliefs: ["I always mess these things up", ""],
  challenges: ["Talking to my boss is really hard for me"],
  action_items: ["Tomorrow I will write down what I want to say"],
};

function stubAi(answer: { response?: unknown; raw?: unknown; error?: Error; delayMs?: number }) {
  return vi.spyOn(env.AI, "run").mockImplementation((async (model: string) => {
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (answer.error) throw answer.error;
    if (model !== EMOTION_LLM) throw new Error(`unexpected model ${model}`);
    return answer.raw ?? { response: answer.response ?? GOOD };
  }) as never);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("workers-ai insights", () => {
  it("parses a good answer and tidies it to the schema", async () => {
    stubAi({ response: GOOD });
    const result = await extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("fear"));
    expect(result.model).toBe(EMOTION_LLM);
    expect(InsightContentSchema.safeParse(result).success).toBe(true);
    expect(result.topics).toEqual(["boss", "difficult conversations", "preparation"]);
    expect(result.summary).toBe(GOOD.summary);
    expect(result.questions).toEqual([
      "What would you most like your boss to understand?",
      "What has helped you in a hard conversation before?",
      "How might writing it down help you feel steadier?",
    ]);
    expect(result.beliefs).toEqual(["I always mess these things up"]);
    expect(result.challenges).toEqual(["Talking to my boss is really hard for me"]);
    expect(result.action_items).toEqual(["Tomorrow I will write down what I want to say"]);
  });

  it("accepts the answer as a JSON string", async () => {
    stubAi({ response: JSON.stringify(GOOD) });
    const result = await extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("fear"));
    expect(result.topics[0]).toBe("boss");
    expect(result.action_items).toEqual(["Tomorrow I will write down what I want to say"]);
  });

  it("asks in JSON mode, with the emotion in the system prompt and a capped entry", async () => {
    const run = stubAi({});
    await extractInsightWithWorkersAi(env.AI, `${TEXT} ${"And more. ".repeat(2_000)}`, analysisFor("sadness"));
    expect(run).toHaveBeenCalledTimes(1);
    const [model, input] = run.mock.calls[0] as unknown as [
      string,
      { messages: { role: string; content: string }[]; response_format: { type: string; json_schema: { required: string[] } } },
    ];
    expect(model).toBe(EMOTION_LLM);
    expect(input.response_format.type).toBe("json_schema");
    expect(input.response_format.json_schema.required).toEqual(
      expect.arrayContaining(["topics", "summary", "questions", "beliefs", "challenges", "action_items"]),
    );
    const system = input.messages.find((m) => m.role === "system")!.content;
    expect(system).toContain("sadness");
    expect(system).toMatch(/never invent/i);
    const user = input.messages.find((m) => m.role === "user")!.content;
    expect(user.startsWith(TEXT)).toBe(true);
    expect(user.length).toBeLessThanOrEqual(MAX_INSIGHT_PROMPT_CHARS);
  });

  it("keeps empty lists empty", async () => {
    stubAi({ response: { ...GOOD, beliefs: [], challenges: [], action_items: [] } });
    const result = await extractInsightWithWorkersAi(env.AI, "Lovely sunny walk by the river.", analysisFor("joy"));
    expect(result.beliefs).toEqual([]);
    expect(result.challenges).toEqual([]);
    expect(result.action_items).toEqual([]);
  });

  it("rejects malformed JSON", async () => {
    stubAi({ response: '{"topics": ["boss"], "summary": ' });
    await expect(extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("fear"))).rejects.toThrow(/not valid JSON/);
  });

  it("rejects an answer of the wrong shape", async () => {
    for (const response of [
      { topics: "boss", summary: 3, questions: [] },
      { ...GOOD, questions: ["Only one?"] },
      { ...GOOD, topics: [] },
      { ...GOOD, summary: "   " },
      { ...GOOD, beliefs: [42] },
    ]) {
      stubAi({ response });
      await expect(extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("fear"))).rejects.toThrow(/Workers AI insight answer/);
      vi.restoreAllMocks();
    }
    stubAi({ raw: { result: GOOD } });
    await expect(extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("fear"))).rejects.toThrow(/no response/);
  });

  it("rejects when the call fails", async () => {
    stubAi({ error: new Error("upstream 500") });
    await expect(extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("anger"))).rejects.toThrow(/upstream 500/);
  });

  it("rejects a slow answer after the timeout", async () => {
    stubAi({ delayMs: 500 });
    await expect(extractInsightWithWorkersAi(env.AI, TEXT, analysisFor("joy"), { timeoutMs: 30 })).rejects.toThrow(/within 30 ms/);
  });

  it("rejects an empty entry without calling the model", async () => {
    const run = stubAi({});
    await expect(extractInsightWithWorkersAi(env.AI, "   ", analysisFor("neutral"))).rejects.toThrow(/empty/);
    expect(run).not.toHaveBeenCalled();
  });
});
