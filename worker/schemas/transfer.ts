// The export file format. JSON exports are complete enough to restore from, so the same schema
// validates what POST /api/entries/import accepts.
import { z } from "@hono/zod-openapi";
import { SAFETY_LEVELS } from "../safety/screen.ts";
import { MAX_ENTRY_CHARS, MAX_TAGS_PER_ENTRY, TagNameSchema } from "./entries.ts";

export const EXPORT_FORMAT = "tideline-export";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_ENTRIES = 5000;

const CategoryNameSchema = z.string().trim().min(1).max(60);
const NoticedItemSchema = z.string().trim().toLowerCase().min(1).max(80);

export const ExportedEntrySchema = z.object({
  id: z.string().max(64).optional(),
  title: z.string().trim().max(200).nullable().optional(),
  content: z.string().min(1).max(MAX_ENTRY_CHARS),
  tags: z.array(TagNameSchema).max(MAX_TAGS_PER_ENTRY).default([]),
  category: CategoryNameSchema.nullable().optional(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }).optional(),
  /** The level the entry had when exported: importing keeps it (screening may raise it, never lower it). */
  safety_level: z.enum(SAFETY_LEVELS).optional(),
  /** What Tideline noticed, as corrected by the person; absent in older exports (then read from the text). */
  activities: z.array(NoticedItemSchema).max(40).optional(),
  people: z.array(NoticedItemSchema).max(40).optional(),
  /** What the person removed: it stays removed after the import. */
  removed_activities: z.array(NoticedItemSchema).max(200).default([]),
  removed_people: z.array(NoticedItemSchema).max(200).default([]),
});

export const ExportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exported_at: z.iso.datetime({ offset: true }).optional(),
    categories: z
      .array(z.object({ name: CategoryNameSchema, color: z.string().max(32).nullable().optional() }))
      .max(500)
      .default([]),
    entries: z.array(ExportedEntrySchema).max(MAX_IMPORT_ENTRIES),
  })
  .openapi("ExportFile");
export type ExportFile = z.infer<typeof ExportFileSchema>;

export const ImportResultSchema = z
  .object({ created: z.number().int(), skipped_duplicates: z.number().int() })
  .openapi("ImportResult");
