// Renders entries as the three export formats, one page at a time so the response can stream.
import type { EntryView } from "../schemas/entries.ts";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../schemas/transfer.ts";

export type ExportFormat = "json" | "markdown" | "csv";

export interface ExportWriter {
  contentType: string;
  extension: string;
  header(categories: { name: string; color: string | null }[]): string;
  page(entries: EntryView[], isFirstPage: boolean): string;
  footer(): string;
}

function toExportedEntry(e: EntryView) {
  return {
    id: e.id,
    title: e.title,
    content: e.content,
    tags: e.tags,
    category: e.category?.name ?? null,
    created_at: e.created_at,
    updated_at: e.updated_at,
    safety_level: e.safety.level,
    activities: e.activities,
    people: e.people,
    removed_activities: e.removed.activities,
    removed_people: e.removed.people,
  };
}

const json: ExportWriter = {
  contentType: "application/json; charset=utf-8",
  extension: "json",
  header: (categories) =>
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},` +
    `"exported_at":${JSON.stringify(new Date().toISOString())},` +
    `"categories":${JSON.stringify(categories)},"entries":[\n`,
  page: (entries, isFirstPage) =>
    entries.map((e, i) => (isFirstPage && i === 0 ? "" : ",\n") + JSON.stringify(toExportedEntry(e))).join(""),
  footer: () => "\n]}\n",
};

const markdown: ExportWriter = {
  contentType: "text/markdown; charset=utf-8",
  extension: "md",
  header: () => `# Tideline journal\n\nExported ${new Date().toISOString()}\n`,
  page: (entries) =>
    entries
      .map((e) => {
        const heading = `## ${e.created_at.slice(0, 16).replace("T", " ")}${e.title ? ` — ${e.title}` : ""}`;
        const meta = [
          e.tags.length ? `Tags: ${e.tags.join(", ")}` : "",
          e.category ? `Category: ${e.category.name}` : "",
          e.activities.length ? `Activities: ${e.activities.join(", ")}` : "",
          e.people.length ? `People: ${e.people.join(", ")}` : "",
        ].filter(Boolean);
        return `\n${heading}\n\n${meta.length ? `*${meta.join(" · ")}*\n\n` : ""}${e.content.trim()}\n`;
      })
      .join(""),
  footer: () => "",
};

/** RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets never run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const csv: ExportWriter = {
  contentType: "text/csv; charset=utf-8",
  extension: "csv",
  header: () => "id,created_at,updated_at,title,content,tags,category,safety_level,activities,people\r\n",
  page: (entries) =>
    entries
      .map(
        (e) =>
          [e.id, e.created_at, e.updated_at, e.title ?? "", e.content, e.tags.join(";"), e.category?.name ?? "", e.safety.level, e.activities.join(";"), e.people.join(";")]
            .map(csvField)
            .join(",") + "\r\n",
      )
      .join(""),
  footer: () => "",
};

export const exportWriters: Record<ExportFormat, ExportWriter> = { json, markdown, csv };
