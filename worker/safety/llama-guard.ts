// The production second opinion: Llama Guard 3 on Workers AI reads an entry in the background and
// reports whether it falls under its self-harm category (S11, "Suicide & Self-Harm"). It can only
// raise a `none` entry to `concern`; the local screen never waits for it, and any failure (error,
// timeout, an answer of the wrong shape) leaves the local screen's reading as it was.
import { z } from "zod";
import { withTimeout } from "../emotion/workers-ai-provider.ts";

export const LLAMA_GUARD_MODEL = "@cf/meta/llama-guard-3-8b";
export const SELF_HARM_CATEGORY = "S11";
const GUARD_TIMEOUT_MS = 6_000;
/** Enough of an entry to judge it; the model's context is far larger, the cost is not worth it. */
const MAX_GUARD_CHARS = 6_000;

/** Workers AI answers either a parsed verdict or the model's raw text ("unsafe\nS11"). */
const GuardAnswerSchema = z.object({
  response: z.union([
    z.object({ safe: z.boolean(), categories: z.array(z.string()).default([]) }),
    z.string().regex(/^\s*(safe|unsafe)\b/i, "Llama Guard answers 'safe' or 'unsafe'"),
  ]),
});

export type GuardVerdict = "self-harm" | "clean" | "unavailable";

function categoriesOf(response: z.infer<typeof GuardAnswerSchema>["response"]): { safe: boolean; categories: string[] } {
  if (typeof response !== "string") return response;
  const safe = /^\s*safe\b/i.test(response);
  return { safe, categories: response.match(/S\d{1,2}/gi)?.map((c) => c.toUpperCase()) ?? [] };
}

export async function askLlamaGuard(ai: Pick<Ai, "run">, text: string, timeoutMs = GUARD_TIMEOUT_MS): Promise<GuardVerdict> {
  try {
    const raw = await withTimeout(ai.run(LLAMA_GUARD_MODEL, { messages: [{ role: "user", content: text.slice(0, MAX_GUARD_CHARS) }] }), timeoutMs);
    const { safe, categories } = categoriesOf(GuardAnswerSchema.parse(raw).response);
    return !safe && categories.includes(SELF_HARM_CATEGORY) ? "self-harm" : "clean";
  } catch (err) {
    console.warn("llama guard unavailable; the local safety screen stands", err instanceof Error ? `${err.name}: ${err.message}` : err);
    return "unavailable";
  }
}
