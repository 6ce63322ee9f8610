// Writing prompts from a Workers AI instruction model in JSON mode, checked with zod. It throws on
// any failure, timeout or unusable answer; the prompts service then composes a list locally.
import { z } from "zod";
import { EMOTION_LLM, withTimeout } from "../emotion/workers-ai-provider.ts";
import type { EkmanEmotion } from "../emotion/taxonomy.ts";
import { jsonModeBody } from "../insights/json-mode.ts";
import { screenText } from "../safety/screen.ts";
import type { PromptCategory } from "./library.ts";

export const DEFAULT_PROMPT_TIMEOUT_MS = 6_000;
export const GENERATED_COUNT = 5;
const MIN_USABLE = 3;
const MAX_CHARS = 200;

export class PromptModelError extends Error {
  override name = "PromptModelError";
}

/** What the model is told about the person: never their entries' text, only the words they wrote about. */
export interface PromptRequest {
  category?: PromptCategory | undefined;
  theme?: string | undefined;
  mood?: EkmanEmotion | undefined;
  subjects: string[];
}

const JSON_SCHEMA = {
  type: "object",
  properties: { prompts: { type: "array", items: { type: "string", maxLength: MAX_CHARS }, minItems: GENERATED_COUNT, maxItems: GENERATED_COUNT } },
  required: ["prompts"],
};

const SYSTEM_PROMPT = [
  "You write journaling prompts for one person's private journal. Answer only JSON.",
  `"prompts": exactly ${GENERATED_COUNT} different prompts, each one or two short sentences: an open question or a gentle invitation to write.`,
  "Write warmly and plainly, as a thoughtful friend would. No clinical or therapy language, no advice, no diagnosis.",
  "Never ask about self-harm, suicide or dark thoughts. When the person's mood is low, keep the prompts soft, present and kind.",
  "Use the person's own subjects only where they fit naturally, at most one per prompt.",
].join("\n");

function userMessage(request: PromptRequest): string {
  const lines = [
    request.category ? `Category: ${request.category.replace("-", " ")}.` : "Category: any.",
    request.mood ? `Their recent mood: ${request.mood}.` : null,
    request.theme ? `Theme they asked for: ${request.theme}` : null,
    request.subjects.length ? `Things they have written about lately: ${request.subjects.join(", ")}.` : null,
  ];
  return lines.filter((l) => l !== null).join("\n");
}

const AnswerSchema = z.object({ prompts: z.array(z.string()).max(20) });

/** One clean line: numbering, bullets and quotes gone, whitespace squashed. */
const tidy = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(\d+[.)]|[-*•])\s*/, "")
    .replace(/^["\u201C]+|["\u201D]+$/g, "")
    .trim();

export function parsePromptAnswer(raw: unknown): string[] {
  const body = jsonModeBody(raw, (problem) => new PromptModelError(`Workers AI prompt answer ${problem}`));
  const answer = AnswerSchema.safeParse(body);
  if (!answer.success) throw new PromptModelError(`Workers AI prompt answer is malformed: ${z.prettifyError(answer.error)}`);
  const out: string[] = [];
  for (const item of answer.data.prompts) {
    const text = tidy(item);
    if (text.length < 10 || text.length > MAX_CHARS) continue;
    // A prompt that the safety screen would flag is never offered.
    if (screenText(text).level !== "none") continue;
    if (!out.some((o) => o.toLowerCase() === text.toLowerCase())) out.push(text);
  }
  if (out.length < MIN_USABLE) throw new PromptModelError(`Workers AI prompt answer has ${out.length} usable prompts`);
  return out.slice(0, GENERATED_COUNT);
}

export async function generateWithWorkersAi(ai: Pick<Ai, "run">, request: PromptRequest, options: { timeoutMs?: number } = {}): Promise<string[]> {
  const call = Promise.resolve()
    .then(() =>
      ai.run(EMOTION_LLM, {
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: userMessage(request) },
        ],
        response_format: { type: "json_schema", json_schema: JSON_SCHEMA },
        temperature: 0.9,
        max_tokens: 500,
      }),
    )
    .catch((err: unknown) => {
      throw new PromptModelError(`Workers AI prompt request failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
  return parsePromptAnswer(await withTimeout(call, options.timeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS));
}
