// The export file format. JSON exports are complete enough to restore from, so the same schema
// validates what POST /api/entries/import accepts.
import { z } from "@hono/zod-openapi";
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

export const ImportResultSchema = z
  .object({ created: z.number().int(), skipped_duplicates: z.number().int() })
  .openapi("ImportResult");

export const ExportQuerySchema = z.object({ format: z.enum(["json", "markdown", "csv"]).default("json") });
/** The Markdown and CSV exports: text documents, not JSON. */
export const ExportTextSchema = z.string();
