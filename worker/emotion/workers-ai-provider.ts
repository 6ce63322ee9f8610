// Emotion analysis on Workers AI: a DistilBERT SST-2 classifier for polarity and an instruction
// model in JSON mode for the Ekman and fine emotion scores. Every answer is checked with zod; any
// error, timeout or malformed answer falls back to the local model, and is logged.
import { z } from "zod";
import { EKMAN_EMOTIONS, FINE_EMOTIONS, FINE_TO_SENTIMENT, type EkmanEmotion, type FineEmotion } from "./taxonomy.ts";
import type { EmotionAnalysis, EmotionProvider } from "./types.ts";

export const POLARITY_MODEL = "@cf/huggingface/distilbert-sst-2-int8";
/** Listed by Workers AI as supporting JSON mode. */
export const EMOTION_LLM = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
export const DEFAULT_TIMEOUT_MS = 8_000;
/** The LLM sees at most this much of an entry: enough to judge its feeling, bounded in cost. */
const MAX_PROMPT_CHARS = 6_000;

const PolaritySchema = z
  .array(z.object({ label: z.enum(["POSITIVE", "NEGATIVE"]), score: z.number().min(0).max(1) }))
  .min(1);

const Score = z.number().min(0).max(1);
const LlmEmotionSchema = z.object({
  ekman: z.object(Object.fromEntries(EKMAN_EMOTIONS.map((e) => [e, Score])) as Record<EkmanEmotion, typeof Score>),
  fine: z.array(z.object({ label: z.enum(FINE_EMOTIONS), score: Score })).max(28).default([]),
});

const JSON_SCHEMA = {
  type: "object",
  properties: {
    ekman: {
      type: "object",
      properties: Object.fromEntries(EKMAN_EMOTIONS.map((e) => [e, { type: "number", minimum: 0, maximum: 1 }])),
      required: [...EKMAN_EMOTIONS],
    },
    fine: {
      type: "array",
      items: {
        type: "object",
        properties: { label: { type: "string", enum: [...FINE_EMOTIONS] }, score: { type: "number" } },
        required: ["label", "score"],
      },
    },
  },
  required: ["ekman", "fine"],
};

const SYSTEM_PROMPT =
  "You rate the emotions in a private journal entry. Answer only JSON. " +
  `"ekman": a score from 0 to 1 for each of ${EKMAN_EMOTIONS.join(", ")} (neutral when little emotion is expressed). ` +
  `"fine": up to five of these labels that are clearly present, each with a score from 0 to 1: ${FINE_EMOTIONS.join(", ")}.`;

export class ProviderTimeout extends Error {
  override name = "ProviderTimeout";
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderTimeout(`Workers AI did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => timer !== null && clearTimeout(timer));
}

/** JSON mode answers an object; some models hand back the JSON as a string instead. */
function parseLlmResponse(raw: unknown) {
  const response = z.object({ response: z.unknown() }).parse(raw).response;
  return LlmEmotionSchema.parse(typeof response === "string" ? JSON.parse(response) : response);
}

export function combineAnalysis(positive: number, llm: z.infer<typeof LlmEmotionSchema>): EmotionAnalysis {
  const ekman = llm.ekman;
  const fine = Object.fromEntries(FINE_EMOTIONS.map((f) => [f, 0])) as Record<FineEmotion, number>;
  for (const { label, score } of llm.fine) fine[label] = Math.max(fine[label], score);
  const ambiguous = Math.max(0, ...llm.fine.filter((f) => FINE_TO_SENTIMENT[f.label] === "ambiguous").map((f) => f.score));
  const emotional = 1 - ekman.neutral;
  const sentiment_scores = {
    positive: positive * emotional,
    negative: (1 - positive) * emotional,
    ambiguous: ambiguous * emotional,
    neutral: ekman.neutral,
  };
  const sentiment = (Object.entries(sentiment_scores) as [keyof typeof sentiment_scores, number][]).reduce((best, next) =>
    next[1] > best[1] ? next : best,
  )[0];
  const primary_emotion = (Object.entries(ekman) as [EkmanEmotion, number][]).reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const intensity = Math.max(...EKMAN_EMOTIONS.filter((e) => e !== "neutral").map((e) => ekman[e]));
  return {
    fine_scores: fine,
    ekman_scores: ekman,
    sentiment_scores,
    primary_emotion,
    sentiment,
    is_positive: sentiment === "positive",
    valence: Math.max(-1, Math.min(1, (2 * positive - 1) * emotional)),
    intensity,
  };
}

export interface ProvenancedAnalysis {
  analysis: EmotionAnalysis;
  provider: string;
  model: string;
}

export class WorkersAiEmotionProvider implements EmotionProvider {
  readonly name = "workers-ai";
  readonly model = `${POLARITY_MODEL} + ${EMOTION_LLM}`;

  constructor(
    private readonly ai: Pick<Ai, "run">,
    private readonly fallback: EmotionProvider,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async analyze(text: string): Promise<EmotionAnalysis> {
    return (await this.analyzeWithProvenance(text)).analysis;
  }

  /** Says which provider actually answered, so stored insights record the truth after a fallback. */
  async analyzeWithProvenance(text: string): Promise<ProvenancedAnalysis> {
    try {
      const excerpt = text.slice(0, MAX_PROMPT_CHARS);
      const [polarity, llm] = await withTimeout(
        Promise.all([
          this.ai.run(POLARITY_MODEL, { text: excerpt }),
          this.ai.run(EMOTION_LLM, {
            messages: [
              { role: "system", content: SYSTEM_PROMPT },
              { role: "user", content: excerpt },
            ],
            response_format: { type: "json_schema", json_schema: JSON_SCHEMA },
            temperature: 0,
            max_tokens: 400,
          }),
        ]),
        this.timeoutMs,
      );
      const labels = PolaritySchema.parse(polarity);
      const positive = labels.find((l) => l.label === "POSITIVE")?.score ?? 1 - (labels.find((l) => l.label === "NEGATIVE")?.score ?? 0.5);
      return { analysis: combineAnalysis(positive, parseLlmResponse(llm)), provider: this.name, model: this.model };
    } catch (err) {
      console.warn("workers-ai emotion analysis failed; using the local model", err instanceof Error ? `${err.name}: ${err.message}` : err);
      return { analysis: await this.fallback.analyze(text), provider: this.fallback.name, model: this.fallback.model };
    }
  }
}
