// Reads a Daylio CSV export (full_date, date, weekday, time, mood, activities, note_title, note) into
// Tideline's import rows: the mood becomes the entry's stated mood and a tag, the activities (separated
// by " | ") become its activities. Pure: the person's time zone is given, nothing is stored.
import { statedMoodOf } from "../emotion/stated-mood.ts";
import { instantOfLocalTime } from "../lib/time-zone.ts";
import { parseCsv, withoutBom } from "./csv.ts";
import { isRealDay, tidyTags, UnreadableFile, type ParsedImport } from "./types.ts";

/** Columns a row cannot do without; `activities` and `note_title` are missing from older exports. */
const REQUIRED = ["full_date", "time", "mood", "note"] as const;
const OPTIONAL = ["activities", "note_title"] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** The tag that carries a Daylio mood, so that it can be filtered and searched like any tag. */
export const moodTag = (label: string) => tidyTags([`mood:${label}`])[0] ?? "mood";

const headerOf = (line: string, delimiter: string) => line.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase());

/** Is this text a Daylio export? Its first line names Daylio's columns, separated by commas. */
export function looksLikeDaylio(text: string): boolean {
  const first = withoutBom(text).split(/\r\n|\r|\n/, 1)[0] ?? "";
  const header = headerOf(first, ",");
  return REQUIRED.every((c) => header.includes(c));
}

/** A Daylio header separated by something other than commas (a spreadsheet's re-save), if it is one. */
export function daylioDelimiter(text: string): string | null {
  const first = withoutBom(text).split(/\r\n|\r|\n/, 1)[0] ?? "";
  for (const d of [";", "\t", "|"]) if (REQUIRED.every((c) => headerOf(first, d).includes(c))) return d;
  return null;
}

/** "21:34", "9:34", "9:34 PM", "9:34 pm" → "21:34"; null if it is not a time of day. */
export function clockTime(value: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(value.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.[0]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export function parseDaylio(text: string, timeZone: string): ParsedImport {
  const records = parseCsv(text);
  const header = records[0];
  if (!header?.fields) throw new UnreadableFile("The file's first line is not a Daylio header.");
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new UnreadableFile(`This is not a Daylio export: the columns ${missing.join(", ")} are missing.`);
  const column = (c: Column) => names.indexOf(c);

  const out: ParsedImport = { rows: [], rejected: [], warnings: [] };
  for (const record of records.slice(1)) {
    const line = record.line;
    if (record.error !== undefined) {
      out.rejected.push({ line, reason: record.error });
      continue;
    }
    const fields = record.fields;
    if (fields.length !== names.length) {
      out.rejected.push({ line, reason: `The row has ${fields.length} fields; the header has ${names.length}.` });
      continue;
    }
    const get = (c: Column) => (column(c) >= 0 ? (fields[column(c)] ?? "") : "");

    const day = get("full_date").trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isRealDay(day)) {
      out.rejected.push({ line, reason: `full_date "${day.slice(0, 40)}" is not a date (YYYY-MM-DD).` });
      continue;
    }
    const time = clockTime(get("time"));
    if (time === null) {
      out.rejected.push({ line, reason: `time "${get("time").slice(0, 40)}" is not a time of day.` });
      continue;
    }
    const label = get("mood").trim();
    if (label === "") {
      out.rejected.push({ line, reason: "The mood is empty." });
      continue;
    }
    const stated = statedMoodOf(label);
    if (stated === null) {
      // A mood the person renamed or added in Daylio: its meaning is theirs, so the words decide.
      out.warnings.push({ line, reason: `The mood "${label.slice(0, 40)}" is not one of Daylio's five (rad, good, meh, bad, awful): kept as a tag, and the mood is read from the note.` });
    }
    const activities = [...new Set(get("activities").split("|").map((a) => a.trim().toLowerCase()).filter(Boolean))];
    const title = get("note_title").trim();
    const note = get("note");
    // A Daylio entry is often only a mood and activities: put them into words, so that the entry
    // says something in the journal; there is then nothing for the deep analysis to read.
    const hasNote = note.trim() !== "";
    const content = hasNote ? note : `Mood: ${label}.${activities.length ? ` Activities: ${activities.join(", ")}.` : ""}`;
    out.rows.push({
      at: { line },
      entry: {
        title: title || undefined,
        content,
        tags: [moodTag(label)],
        created_at: new Date(instantOfLocalTime(day, time, timeZone)).toISOString(),
        activities,
        stated_mood: stated ?? undefined,
        analyse: hasNote,
      },
    });
  }
  return out;
}
