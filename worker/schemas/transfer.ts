// The export file format. JSON exports are complete enough to restore from, so the same schema
// validates what POST /api/entries/import accepts; the import also reads Day One and Daylio exports.
import { z } from "@hono/zod-openapi";
import { STATED_MOODS } from "../emotion/stated-mood.ts";
import { SAFETY_LEVELS } from "../safety/screen.ts";
import { ContentSchema, EntryTimeSchema, NoticedNameSchema, TagsSchema, TitleSchema } from "./entries.ts";
import { CategoryNameSchema, ColorSchema } from "./settings.ts";

export const EXPORT_FORMAT = "tideline-export";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_ENTRIES = 5000;

// An import stands for the entry and category routes: it validates every field with their schemas.
export const ExportedEntrySchema = z.object({
  id: z.string().max(64).optional(),
  title: TitleSchema.optional(),
  content: ContentSchema,
  tags: TagsSchema.default([]),
  category: CategoryNameSchema.nullable().optional(),
  created_at: EntryTimeSchema,
  updated_at: EntryTimeSchema.optional(),
  /** The level the entry had when exported: importing keeps it (screening may raise it, never lower it). */
  safety_level: z.enum(SAFETY_LEVELS).optional(),
  /** What Tideline noticed, as corrected by the person; absent in older exports (then read from the text). */
  activities: z.array(NoticedNameSchema).max(40).optional(),
  people: z.array(NoticedNameSchema).max(40).optional(),
  /** What the person removed: it stays removed after the import. */
  removed_activities: z.array(NoticedNameSchema).max(200).default([]),
  removed_people: z.array(NoticedNameSchema).max(200).default([]),
});

export const ExportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exported_at: z.iso.datetime({ offset: true }).optional(),
    categories: z
      .array(z.object({ name: CategoryNameSchema, color: ColorSchema.optional() }))
      .max(500)
      .default([]),
    entries: z.array(ExportedEntrySchema).max(MAX_IMPORT_ENTRIES),
  })
  .openapi("ExportFile");
export type ExportFile = z.infer<typeof ExportFileSchema>;

/**
 * An entry read from another journal's export (Day One, Daylio; worker/import/), validated entry by
 * entry with the entry route's schemas: a bad one is rejected and the rest import.
 */
export const ForeignEntrySchema = ExportedEntrySchema.pick({ title: true, content: true, tags: true, created_at: true }).extend({
  /** Activities the other journal recorded (Daylio's): kept, beside those read from the words. */
  activities: z.array(NoticedNameSchema).max(40).default([]),
  /** The mood the person picked (Daylio's): stored as their stated mood, kept over any reading. */
  stated_mood: z.enum(STATED_MOODS).optional(),
  /** False when the text is only the mood and activities put into words: nothing to analyse deeply. */
  analyse: z.boolean().default(true),
});
export type ForeignEntryInput = z.input<typeof ForeignEntrySchema>;
export type ForeignEntry = z.output<typeof ForeignEntrySchema>;

export const IMPORT_FORMATS = ["tideline", "day-one", "daylio"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where in the file a row is: the CSV line it starts on, or the index in the JSON `entries` array. */
export const ImportNoteSchema = z.object({
  line: z.number().int().optional(),
  index: z.number().int().optional(),
  reason: z.string(),
});
export type ImportNote = z.infer<typeof ImportNoteSchema>;

/** At most this many rejections and warnings are listed; `rejected` still counts them all. */
export const MAX_LISTED_NOTES = 100;

export const ImportResultSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    created: z.number().int(),
    skipped_duplicates: z.number().int(),
    /** Rows that could not be imported (Day One, Daylio; a Tideline export is refused whole instead). */
    rejected: z.number().int(),
    rejections: z.array(ImportNoteSchema),
    /** Rows imported with a caveat (a Daylio mood that is not one of the five, kept as a tag only). */
    warnings: z.array(ImportNoteSchema),
  })
  .openapi("ImportResult");
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ExportQuerySchema = z.object({ format: z.enum(["json", "markdown", "csv"]).default("json") });
/** The Markdown and CSV exports: text documents, not JSON. */
export const ExportTextSchema = z.string();
