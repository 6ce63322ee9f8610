// Shapes of the conversational journal routes, with the emotion and suggested-action shapes the graph
// routes (schemas/graph.ts) and weekly summaries share.
import { z } from "@hono/zod-openapi";
import { EKMAN_EMOTIONS } from "../emotion/taxonomy.ts";
import { InstantSchema } from "./common.ts";
import { MAX_ENTRY_CHARS, MAX_TAGS_PER_ENTRY, PrivateFieldSchema, SafetySchema, TagNameSchema } from "./entries.ts";
import { GoalOfferSchema } from "./goals.ts";

const GoalOfferField = GoalOfferSchema.nullable().openapi({
  description: "A goal drafted from an intention the entry states, offered as \"Make this a goal\" (POST /api/goals with these fields and `entry_id`); null when there is none.",
});

export const EmotionQuerySchema = z.enum(EKMAN_EMOTIONS).openapi({ example: "sadness" });
/**
 * Normalised (trimmed, lower case) before its length is checked, as the graph stores it: lower-casing
 * can lengthen a string ("İ" becomes "i" and a combining dot), and the graph refuses more than 80.
 */
export const ActionSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Say which action you tried.")
  .max(80, "An action can be at most 80 characters.")
  .openapi({ example: "take a slow walk outside" });

export const JournalEntryBodySchema = z
  .object({
    content: z
      .string()
      .max(MAX_ENTRY_CHARS, `An entry can be at most ${MAX_ENTRY_CHARS.toLocaleString("en")} characters.`)
      .refine((s) => s.trim().length > 0, "Write something first: the entry is empty."),
    tags: z.array(TagNameSchema).max(MAX_TAGS_PER_ENTRY).optional(),
    tried_action: ActionSchema.optional().openapi({ description: "A suggested action tried since the previous entry." }),
    private: PrivateFieldSchema.optional(),
    written_at: InstantSchema.optional().openapi({
      description:
        "When the entry was written. An entry that waited on the device (written more than two minutes before it arrived) keeps that time, up to 7 days back (further back, 7 days ago); otherwise, and when unset, it is dated on arrival.",
      example: "2026-11-29T21:40:00Z",
    }),
  })
  .openapi("JournalEntryBody");

export const EvidenceSchema = z
  .object({ tried: z.number().int(), worked: z.number().int(), median_recovery_ms: z.number().nullable() })
  .openapi("SuggestionEvidence");

export const SuggestedActionSchema = z
  .object({
    action: z.string(),
    source: z.enum(["history", "generic"]),
    score: z.number(),
    evidence: EvidenceSchema.nullable(),
  })
  .openapi("SuggestedAction");

export const EmotionSummarySchema = z
  .object({
    primary_emotion: z.enum(EKMAN_EMOTIONS),
    is_positive: z.boolean(),
    emotion_scores: z.record(z.string(), z.number()),
  })
  .openapi("EmotionSummary");

export const JournalReplySchema = z
  .object({
    entry_id: z.string(),
    response_id: z.string(),
    response: z.object({ text: z.string(), suggested_actions: z.array(SuggestedActionSchema), goal_offer: GoalOfferField }),
    emotion: EmotionSummarySchema,
    activities: z.array(z.string()).openapi({ description: "What the entry says the person did (\"run\", \"call my sister\")." }),
    people: z.array(z.string()).openapi({ description: "People the entry mentions (\"my sister\", \"sam\")." }),
    insight_status: z.enum(["pending"]).nullable().openapi({ description: "\"pending\" when a deep insight is on its way; null when AI analysis is off." }),
    private: z.boolean().openapi({ description: "Kept from the AI: never sent to Workers AI." }),
    safety: SafetySchema,
  })
  .openapi("JournalReply");

export const ConversationItemSchema = z
  .object({
    entry_id: z.string(),
    title: z.string().nullable(),
    content: z.string(),
    tags: z.array(z.string()),
    activities: z.array(z.string()),
    people: z.array(z.string()),
    created_at: z.string(),
    emotion: EmotionSummarySchema.nullable(),
    insight_status: z.enum(["pending", "ready", "failed"]).nullable(),
    private: z.boolean(),
    safety: SafetySchema,
    response: z
      .object({
        id: z.string(),
        text: z.string(),
        suggested_actions: z.array(SuggestedActionSchema),
        tried_action: z.string().nullable(),
        refined_text: z
          .string()
          .nullable()
          .openapi({ description: "In production, a language model's short follow-up that replaces `text` (null when there is none)." }),
        goal_offer: GoalOfferField,
        goal_id: z.string().nullable().openapi({ description: "The goal made from `goal_offer`, once the person accepted it." }),
      })
      .nullable(),
  })
  .openapi("ConversationItem");

export const TriedBodySchema = z.object({ action: ActionSchema }).openapi("TriedBody");

export const ConversationPageSchema = z.object({ items: z.array(ConversationItemSchema), next_cursor: z.string().nullable() });
export const TriedAnswerSchema = z.object({ entry_id: z.string(), tried_action: z.string() });

/** GET /api/journal/entries: the journal as Reflectly's clients list it, each entry in POST's shape. */
export const SeedJournalEntrySchema = z
  .object({
    entry_id: z.string(),
    response_id: z.string().nullable(),
    content: z.string(),
    created_at: z.string(),
    response: z.object({ text: z.string(), suggested_actions: z.array(SuggestedActionSchema) }).nullable(),
    emotion: EmotionSummarySchema.nullable().openapi({ description: "null until the entry's emotion is read." }),
  })
  .openapi("SeedJournalEntry");
export const SeedJournalPageSchema = z.object({ entries: z.array(SeedJournalEntrySchema), next_cursor: z.string().nullable() });
