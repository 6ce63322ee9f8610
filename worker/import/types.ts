// What each reader of another journal's export answers: the rows it could turn into Tideline's
// import shape (still to be validated, row by row, with the entry route's schemas) and the rows it
// could not read, each with where it is in the file and why.
import { ApiError } from "../lib/errors.ts";
import type { ForeignEntryInput, ImportNote } from "../schemas/transfer.ts";

export interface ImportRow {
  /** The CSV line the row starts on, or its index in a JSON `entries` array. */
  at: { line: number } | { index: number };
  entry: ForeignEntryInput;
}

export interface ParsedImport {
  rows: ImportRow[];
  rejected: ImportNote[];
  warnings: ImportNote[];
}

/** A problem with the file as a whole (no row of it can be read): answered as a 400. */
export class UnreadableFile extends ApiError {
  constructor(message: string) {
    super(400, "unreadable_file", message);
    this.name = "UnreadableFile";
  }
}

/** Tags as Tideline takes them (lower case, no commas or #, at most 40 characters), without repeats. */
export function tidyTags(names: string[]): string[] {
  const tidy = names
    .map((n) =>
      n
        .replace(/[,#]+/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .toLowerCase()
        .slice(0, 40)
        .trim(),
    )
    .filter(Boolean);
  return [...new Set(tidy)];
}

/** A YYYY-MM-DD that names a real day (Date.parse rolls 2024-02-30 over into March). */
export function isRealDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
