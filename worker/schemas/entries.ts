// Request and response shapes of the journal entry routes (also used by search and export).
import { z } from "@hono/zod-openapi";
import { SafetyResourceSchema } from "../safety/resources.ts";
import { SAFETY_LEVELS } from "../safety/screen.ts";
import { DAY_MS } from "../lib/time-zone.ts";
import { InstantSchema } from "./common.ts";

export const MAX_ENTRY_CHARS = 20_000;
export const MAX_TAGS_PER_ENTRY = 20;

export const TagNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty.")
  .max(40, "A tag can be at most 40 characters.")
  .regex(/^[^,#]+$/, "A tag cannot contain commas or #.")
  .openapi({ example: "walk" });

export const ContentSchema = z
  .string()
  .max(MAX_ENTRY_CHARS, `An entry can be at most ${MAX_ENTRY_CHARS.toLocaleString("en")} characters.`)
  .refine((s) => s.trim().length > 0, "Write something first: the entry is empty.")
  .openapi({ example: "Walked by the sea after work; felt lighter afterwards." });

export const TitleSchema = z.string().trim().max(200).nullable();
export const TagsSchema = z
  .array(TagNameSchema)
  .max(MAX_TAGS_PER_ENTRY, `At most ${MAX_TAGS_PER_ENTRY} tags per entry.`)
  .transform((tags) => [...new Set(tags)]);
const CategoryIdSchema = z.uuid().nullable();

/** Slack for a clock ahead of ours (an export from another device, another time zone's evening). */
const ENTRY_CLOCK_SLACK_MS = DAY_MS;
/** When an entry was written: a sane instant (see InstantSchema), and not in the future. */
export const EntryTimeSchema = InstantSchema.refine(
  (iso) => Date.parse(iso) <= Date.now() + ENTRY_CLOCK_SLACK_MS,
  "An entry cannot be dated in the future.",
);

/** Kept from the AI: never sent to Workers AI; unset on a new entry takes the private_by_default setting. */
export const PrivateFieldSchema = z.boolean().openapi({
  description: "Kept from the AI: the entry is read only by the local model and local extraction, never sent to Workers AI. Unset on a new entry: the person's private_by_default setting.",
});

export const CreateEntryBodySchema = z
  .object({
    content: ContentSchema,
    title: TitleSchema.optional(),
    tags: TagsSchema.optional(),
    category_id: CategoryIdSchema.optional(),
    private: PrivateFieldSchema.optional(),
  })
  .openapi("CreateEntryBody");

export const ReplaceEntryBodySchema = CreateEntryBodySchema.openapi("ReplaceEntryBody");

export const PatchEntryBodySchema = z
  .object({
    content: ContentSchema.optional(),
    title: TitleSchema.optional(),
    tags: TagsSchema.optional(),
    category_id: CategoryIdSchema.optional(),
    private: PrivateFieldSchema.optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), "Send at least one field to change.")
  .openapi("PatchEntryBody");

export type EntryInput = z.infer<typeof PatchEntryBodySchema>;

/** A date (whole UTC day) or a full timestamp with offset. */
const DateBoundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const EntryFiltersSchema = z.object({
  from: DateBoundSchema.optional().openapi({ description: "Entries written at or after this date/time." }),
  to: DateBoundSchema.optional().openapi({ description: "Entries written before this time, or on or before this date." }),
  tag: TagNameSchema.optional(),
  category_id: z.uuid().optional(),
  emotion: z.enum(["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"]).optional().openapi({ description: "Primary emotion of the entry." }),
});
export type EntryFilters = z.infer<typeof EntryFiltersSchema>;

export const ListEntriesQuerySchema = EntryFiltersSchema.extend({
  cursor: z.string().max(200).optional(),
  // D1 binds at most 100 parameters per query; a page of 50 leaves room for the filters.
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const CategoryRefSchema = z.object({ id: z.string(), name: z.string(), color: z.string().nullable() });

export const SafetySchema = z
  .object({
    level: z.enum(SAFETY_LEVELS).openapi({
      description: "crisis: suicidal thoughts, self-harm, plans or goodbyes; concern: hopelessness, numbness, feeling a burden; none otherwise.",
    }),
    resources: z.array(SafetyResourceSchema).openapi({ description: "Crisis lines for the person's country (empty when the level is none)." }),
  })
  .openapi("Safety");

export const NoticedRemovedViewSchema = z
  .object({ activities: z.array(z.string()), people: z.array(z.string()) })
  .openapi("NoticedRemoved", { description: "Activities and people the person removed; reading the text again never brings them back." });

/** Correcting what Tideline noticed: remove an activity or person (or put a removed one back). */
export const NoticedNameSchema = z.string().trim().toLowerCase().min(1, "Name what to remove.").max(80);
const NoticedNamesSchema = z.array(NoticedNameSchema).max(40).optional();
export const NoticedCorrectionBodySchema = z
  .object({
    remove_activities: NoticedNamesSchema,
    remove_people: NoticedNamesSchema,
    restore_activities: NoticedNamesSchema,
    restore_people: NoticedNamesSchema,
  })
  .strict()
  .refine((body) => Object.values(body).some((list) => list && list.length > 0), "Say which activity or person to remove or restore.")
  .openapi("NoticedCorrectionBody");
export type NoticedCorrection = z.infer<typeof NoticedCorrectionBodySchema>;

export const EntrySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    content: z.string(),
    tags: z.array(z.string()),
    activities: z.array(z.string()).openapi({ description: "What the entry says the person did, as lemma phrases (\"run\", \"call my sister\"), less what they removed.", example: ["run"] }),
    people: z.array(z.string()).openapi({ description: "People the entry mentions, lower case (\"my sister\", \"sam\"), less what the person removed.", example: ["my sister"] }),
    removed: NoticedRemovedViewSchema,
    category: CategoryRefSchema.nullable(),
    revision: z.number().int(),
    private: z.boolean().openapi({ description: "Kept from the AI: never sent to Workers AI." }),
    mood: z.object({
      primary_emotion: z.string().nullable(),
      is_positive: z.boolean().nullable(),
      valence: z.number().nullable(),
      intensity: z.number().nullable(),
      emotion_scores: z.record(z.string(), z.number()).nullable(),
    }),
    insight_status: z.enum(["pending", "ready", "failed"]).nullable().openapi({ description: "The background insight's state; null when AI analysis is off." }),
    safety: SafetySchema,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Entry");
export type EntryView = z.infer<typeof EntrySchema>;

export const EntryPageSchema = z
  .object({ entries: z.array(EntrySchema), next_cursor: z.string().nullable() })
  .openapi("EntryPage");

export const SearchQuerySchema = EntryFiltersSchema.extend({
  q: z.string().trim().min(1, "Type something to search for.").max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export const SearchResultSchema = z
  .object({
    entry: EntrySchema,
    score: z.number().openapi({ description: "BM25 relevance; higher is better." }),
    snippet: z.array(z.object({ text: z.string(), highlight: z.boolean() })),
  })
  .openapi("SearchResult");

export const SearchPageSchema = z.object({ results: z.array(SearchResultSchema), next_offset: z.number().int().nullable() });
