// The insight content from a Workers AI instruction model in JSON mode, checked with zod. It throws
// on any failure, timeout or malformed answer: the queue consumer decides about retries and fallback.
import { z } from "zod";
import type { EmotionAnalysis } from "../emotion/types.ts";
import { EMOTION_LLM, ProviderTimeout } from "../emotion/workers-ai-provider.ts";
import { jsonModeBody } from "./json-mode.ts";
import { clip } from "./text.ts";
import { INSIGHT_LIMITS, InsightContentSchema, type InsightContent } from "./types.ts";

export const DEFAULT_INSIGHT_TIMEOUT_MS = 15_000;
/** The model sees at most this much of an entry: enough for its substance, bounded in cost. */
export const MAX_INSIGHT_PROMPT_CHARS = 8_000;

export class InsightModelError extends Error {
  override name = "InsightModelError";
}

const L = INSIGHT_LIMITS;
const list = (min: number, max: number) => ({ type: "array", items: { type: "string" }, minItems: min, maxItems: max });
const JSON_SCHEMA = {
  type: "object",
  properties: {
    topics: list(1, L.topics),
    summary: { type: "string", maxLength: L.summaryChars },
    questions: list(L.minQuestions, L.questions),
    beliefs: list(0, L.items),
    challenges: list(0, L.items),
    action_items: list(0, L.items),
  },
  required: ["topics", "summary", "questions", "beliefs", "challenges", "action_items"],
};

function systemPrompt(emotion: EmotionAnalysis["primary_emotion"]): string {
  const feeling = emotion === "neutral" ? "neutral (no strong emotion)" : emotion;
  return [
    "You help a person reflect on an entry from their private journal. Answer only JSON.",
    `The emotion detected in this entry is ${feeling}; let it guide the tone of your questions.`,
    `"topics": 1 to ${L.topics} short lowercase keywords or key phrases the entry is about (people, places, activities, themes), such as "job interview" or "sister".`,
    `"summary": one plain sentence of at most ${L.summaryChars} characters that sums up the entry.`,
    `"questions": ${L.minQuestions} or ${L.questions} open, kind, non-clinical reflective questions for the person, tailored to what they wrote and to feeling ${feeling}. No advice, no diagnosis.`,
    `"beliefs": up to ${L.items} statements in the entry that express a belief about themselves, other people or the world (such as "I'm not good enough at this" or "people always leave").`,
    `"challenges": up to ${L.items} difficulties the person describes.`,
    `"action_items": up to ${L.items} things the person says they will, need or plan to do.`,
    "For beliefs, challenges and action_items, quote the person's own words or paraphrase them closely, in the first person. " +
      "Never invent or infer anything they did not write; when the entry has none, answer an empty list.",
    "Write in the language of the entry.",
  ].join("\n");
}

/** Lenient on what is harmless (missing lists, extra items, stray spaces), strict on the shape. */
const Strings = z.array(z.string()).max(50);
const AnswerSchema = z.object({
  topics: Strings,
  summary: z.string(),
  questions: Strings,
  beliefs: Strings.nullish(),
  challenges: Strings.nullish(),
  action_items: Strings.nullish(),
});

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function cleanList(items: readonly string[] | null | undefined, max: number, chars: number): string[] {
  const out: string[] = [];
  for (const item of items ?? []) {
    const text = clip(squash(item), chars);
    if (text && !out.some((o) => o.toLowerCase() === text.toLowerCase())) out.push(text);
  }
  return out.slice(0, max);
}

/** Topics are keywords: lowercase, unquoted, and dropped rather than cut when they run long. */
function cleanTopics(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const t = squash(item).toLowerCase().replace(/^["'\u201C\u2018#]+|["'\u201D\u2019.,;:!?]+$/g, "");
    if (t && t.length <= L.topicChars && !out.includes(t)) out.push(t);
  }
  return out.slice(0, L.topics);
}

function parseAnswer(raw: unknown): InsightContent {
  const body = jsonModeBody(raw, (problem) => new InsightModelError(`Workers AI insight answer ${problem}`));
  const answer = AnswerSchema.safeParse(body);
  if (!answer.success) throw new InsightModelError(`Workers AI insight answer is malformed: ${z.prettifyError(answer.error)}`);
  const a = answer.data;
  const content = InsightContentSchema.safeParse({
    topics: cleanTopics(a.topics),
    summary: clip(squash(a.summary), L.summaryChars),
    questions: cleanList(a.questions, L.questions, L.questionChars),
    beliefs: cleanList(a.beliefs, L.items, L.itemChars),
    challenges: cleanList(a.challenges, L.items, L.itemChars),
    action_items: cleanList(a.action_items, L.items, L.itemChars),
  });
  if (!content.success) throw new InsightModelError(`Workers AI insight answer is incomplete: ${z.prettifyError(content.error)}`);
  if (content.data.topics.length === 0 || content.data.summary === "") {
    throw new InsightModelError("Workers AI insight answer has no topics or no summary");
  }
  return content.data;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderTimeout(`Workers AI did not answer the insight request within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => timer !== null && clearTimeout(timer));
}

export async function extractInsightWithWorkersAi(
  ai: Pick<Ai, "run">,
  text: string,
  analysis: EmotionAnalysis,
  options: { timeoutMs?: number } = {},
): Promise<InsightContent & { model: string }> {
  const entry = typeof text === "string" ? text.trim() : "";
  // a model asked about nothing invents something; the local extractor answers an empty entry honestly
  if (!entry) throw new InsightModelError("nothing to analyse: the entry is empty");
  const excerpt = entry.slice(0, MAX_INSIGHT_PROMPT_CHARS);
  const request = Promise.resolve()
    .then(() =>
      ai.run(EMOTION_LLM, {
        messages: [
          { role: "system", content: systemPrompt(analysis.primary_emotion) },
          { role: "user", content: excerpt },
        ],
        response_format: { type: "json_schema", json_schema: JSON_SCHEMA },
        temperature: 0.3,
        max_tokens: 900,
      }),
    )
    .catch((err: unknown) => {
      throw new InsightModelError(`Workers AI insight request failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
  const raw = await withTimeout(request, options.timeoutMs ?? DEFAULT_INSIGHT_TIMEOUT_MS);
  return { ...parseAnswer(raw), model: EMOTION_LLM };
}
