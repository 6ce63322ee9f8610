// Tells which journal an imported file comes from by what it holds, never by its name or the
// request's content type: a Tideline export names its format, a Day One export is JSON with an
// `entries` list of `creationDate`s (or Day One's `metadata`), a Daylio export is CSV with Daylio's
// header.
import { looksLikeDayOne } from "./day-one.ts";
import { daylioDelimiter, looksLikeDaylio } from "./daylio.ts";
import { withoutBom } from "./csv.ts";
import { UnreadableFile } from "./types.ts";

export type DetectedFile =
  | { format: "tideline"; value: unknown }
  | { format: "day-one"; value: unknown }
  | { format: "daylio"; text: string };

const SUPPORTED = "Import a Tideline JSON export, a Day One JSON export (Journal.json) or a Daylio CSV export.";

/** The file's format and its parsed content; throws UnreadableFile when it is none of the three. */
export function detectFormat(input: string): DetectedFile {
  const text = withoutBom(input);
  const start = text.trimStart();
  if (start === "") throw new UnreadableFile(`The file is empty. ${SUPPORTED}`);
  if (start.startsWith("{") || start.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new UnreadableFile(`The file is not valid JSON (${err instanceof SyntaxError ? err.message : "it cannot be read"}).`);
    }
    // A file that names a format is meant as a Tideline export: its own validation says what is wrong.
    if (typeof value === "object" && value !== null && "format" in value) return { format: "tideline", value };
    if (looksLikeDayOne(value)) return { format: "day-one", value };
    throw new UnreadableFile(`This JSON file is neither a Tideline nor a Day One export. ${SUPPORTED}`);
  }
  if (looksLikeDaylio(text)) return { format: "daylio", text };
  const delimiter = daylioDelimiter(text);
  if (delimiter !== null) {
    const name = delimiter === ";" ? "semicolons" : delimiter === "\t" ? "tabs" : `"${delimiter}"`;
    throw new UnreadableFile(`This looks like a Daylio export whose columns are separated by ${name}; Daylio separates them by commas. Export it from Daylio again, or save it as comma-separated CSV.`);
  }
  throw new UnreadableFile(`The file's format is not one Tideline can import. ${SUPPORTED}`);
}
