// Shapes of the prompt routes: the library, the daily prompt, a random one and a generated list.
import { z } from "@hono/zod-openapi";
import { EKMAN_EMOTIONS } from "../emotion/taxonomy.ts";
import { PROMPT_CATEGORIES } from "../prompts/library.ts";

const Category = z.enum(PROMPT_CATEGORIES).openapi({ description: "A prompt category." });
const Mood = z.enum(EKMAN_EMOTIONS).openapi({ description: "An Ekman emotion (the project's primary emotions)." });

export const PromptSchema = z
  .object({
    id: z.number().int(),
    category: Category,
    moods: z.array(Mood).openapi({ description: "The moods of a recent entry this prompt suits." }),
    gentle: z.boolean().openapi({ description: "Soft and grounding: the only kind offered right after a crisis entry." }),
    text: z.string(),
  })
  .openapi("Prompt");

export const PromptListQuerySchema = z.object({ category: Category.optional(), mood: Mood.optional() });
export const PromptListSchema = z.object({ prompts: z.array(PromptSchema) });

export const DailyPromptSchema = z
  .object({ date: z.string().openapi({ description: "The person's local day, YYYY-MM-DD." }), prompt: PromptSchema })
  .openapi("DailyPrompt");

export const RandomPromptQuerySchema = PromptListQuerySchema.extend({
  exclude: z.coerce.number().int().min(1).max(1_000_000).optional().openapi({ description: "A prompt id not to answer (the one on screen)." }),
});
export const RandomPromptSchema = z.object({ prompt: PromptSchema });

export const GeneratePromptsSchema = z
  .object({
    category: Category.optional(),
    theme: z.string().trim().min(2, "A theme needs a word or two.").max(80).optional(),
    mood: Mood.optional(),
  })
  .strict();

export const GeneratedPromptSchema = z
  .object({
    text: z.string(),
    category: Category.nullable(),
    prompt_id: z.number().int().nullable().openapi({ description: "The library prompt this is, or null for one written for you." }),
  })
  .openapi("GeneratedPrompt");

export const GeneratedPromptsSchema = z.object({
  prompts: z.array(GeneratedPromptSchema),
  source: z.enum(["workers-ai", "library"]).openapi({ description: "Written by Workers AI, or composed from the library and your recent entries." }),
});
