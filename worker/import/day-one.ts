// Reads a Day One JSON export (Journal.json: `{ metadata, entries: [{ text, creationDate, timeZone,
// tags, starred, … }] }`) into Tideline's import rows. Pure: no storage, no clock.
import { z } from "zod";
import { MAX_TAGS_PER_ENTRY } from "../schemas/entries.ts";
import { isRealDay, tidyTags, UnreadableFile, type ImportRow, type ParsedImport } from "./types.ts";

/** The tag a starred Day One entry carries in Tideline. */
export const STARRED_TAG = "starred";

/** The parts of an export Tideline reads; everything else (photos, weather, location…) is left. */
export const DayOneFileSchema = z.object({
  metadata: z.object({ version: z.string().optional() }).loose().optional(),
  entries: z.array(z.unknown()),
});

const DayOneEntrySchema = z.object({
  text: z.string({ error: "The entry has no text." }),
  creationDate: z.string({ error: "creationDate is missing." }),
  timeZone: z.string().optional(),
  tags: z.array(z.string()).optional(),
  starred: z.boolean().optional(),
});

/** Day One writes UTC instants ("2024-03-05T21:34:10Z"); any ISO 8601 instant with an offset is taken. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const reasonOf = (error: z.ZodError) => error.issues.map((i) => i.message).join(" ");

/** Is this parsed JSON a Day One export? (Checked by content: a Tideline export says its format.) */
export function looksLikeDayOne(value: unknown): boolean {
  const file = DayOneFileSchema.safeParse(value);
  if (!file.success) return false;
  if (file.data.metadata) return true;
  const first = file.data.entries[0];
  return typeof first === "object" && first !== null && "creationDate" in first;
}

export function parseDayOne(value: unknown): ParsedImport {
  const file = DayOneFileSchema.safeParse(value);
  if (!file.success) throw new UnreadableFile("This is not a Day One export: it has no `entries` list.");
  const out: ParsedImport = { rows: [], rejected: [], warnings: [] };
  file.data.entries.forEach((raw, index) => {
    const parsed = DayOneEntrySchema.safeParse(raw);
    if (!parsed.success) {
      out.rejected.push({ index, reason: reasonOf(parsed.error) });
      return;
    }
    const e = parsed.data;
    // Photo- or audio-only entries have no words: there is nothing for a journal of words to keep.
    if (e.text.trim() === "") {
      out.rejected.push({ index, reason: "The entry has no text (only photos or audio)." });
      return;
    }
    const ms = ISO_INSTANT.test(e.creationDate) && isRealDay(e.creationDate.slice(0, 10)) ? Date.parse(e.creationDate) : Number.NaN;
    if (Number.isNaN(ms)) {
      out.rejected.push({ index, reason: `creationDate "${e.creationDate.slice(0, 40)}" is not a date and time.` });
      return;
    }
    const tags = tidyTags([...(e.tags ?? []), ...(e.starred ? [STARRED_TAG] : [])]);
    if (tags.length > MAX_TAGS_PER_ENTRY) {
      out.warnings.push({ index, reason: `Only the first ${MAX_TAGS_PER_ENTRY} of its ${tags.length} tags were kept.` });
    }
    const row: ImportRow = {
      at: { index },
      // The text is kept as written, Markdown and all: image and audio references
      // (![](dayone-moment://…)) stay as text, so nothing the person wrote around them is lost.
      entry: { content: e.text, tags: tags.slice(0, MAX_TAGS_PER_ENTRY), created_at: new Date(ms).toISOString() },
    };
    out.rows.push(row);
  });
  return out;
}
