// Holds every imported file to the entry routes' schemas. A Tideline export is refused whole (it is
// Tideline's own file: a bad field means a damaged or hand-edited export); another journal's rows are
// checked one by one, so that a bad row is rejected with its reason and the rest import.
import { z } from "zod";
import { ApiError } from "../lib/errors.ts";
import { malformedText } from "../lib/well-formed.ts";
import { ExportFileSchema, ForeignEntrySchema, type ExportFile, type ForeignEntry, type ImportNote } from "../schemas/transfer.ts";
import type { ImportRow, ParsedImport } from "./types.ts";

/** The same details as a route's failed validation (worker/lib/router.ts). */
const detailsOf = (error: z.ZodError) => error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));

export function validateTidelineExport(value: unknown): ExportFile {
  const parsed = ExportFileSchema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, "validation_failed", "Some fields are not valid.", detailsOf(parsed.error));
  const malformed = malformedText(parsed.data);
  if (malformed.length > 0) throw new ApiError(400, "validation_failed", "Some fields are not valid.", malformed);
  return parsed.data;
}

export interface CheckedRow {
  at: ImportRow["at"];
  entry: ForeignEntry;
}

export interface CheckedImport {
  rows: CheckedRow[];
  rejected: ImportNote[];
  warnings: ImportNote[];
}

export function validateRows(parsed: ParsedImport): CheckedImport {
  const out: CheckedImport = { rows: [], rejected: [...parsed.rejected], warnings: parsed.warnings };
  for (const row of parsed.rows) {
    const checked = ForeignEntrySchema.safeParse(row.entry);
    const problems = checked.success ? malformedText(checked.data) : detailsOf(checked.error);
    if (!checked.success || problems.length > 0) {
      out.rejected.push({ ...row.at, reason: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join(" ") });
      continue;
    }
    out.rows.push({ at: row.at, entry: checked.data });
  }
  // In file order, whichever step refused them.
  out.rejected.sort((a, b) => (a.line ?? a.index ?? 0) - (b.line ?? b.index ?? 0));
  return out;
}
