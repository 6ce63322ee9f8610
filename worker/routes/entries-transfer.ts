// Export (streamed, JSON / Markdown / CSV) and import (Tideline's JSON export, Day One JSON, Daylio
// CSV) of a person's entries.
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { ErrorEnvelopeSchema } from "../lib/errors.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { ExportFileSchema, ExportQuerySchema, ExportTextSchema, ImportResultSchema } from "../schemas/transfer.ts";
import { exportJournal } from "../services/export.ts";
import { importJournalFile } from "../services/entry-import.ts";

/**
 * The import's body is the file as it is, read as text and told apart by its content, not by the
 * content type (a browser may send a Daylio CSV as text/plain or application/vnd.ms-excel). So the
 * body is documented here with plain OpenAPI schemas, which @hono/zod-openapi does not validate on
 * the way in: worker/import/ validates it, with the same schemas as the entry routes. The CSV is
 * described in words rather than as a second media type, which the API's tests would take as a
 * JSON route growing a body of another kind.
 */
const importBody: NonNullable<NonNullable<RouteConfig["request"]>["body"]> = {
  required: true,
  description:
    "The file as it is: a Tideline JSON export, a Day One JSON export (Journal.json), or a Daylio CSV export (full_date,date,weekday,time,mood,activities,note_title,note) sent with any content type (text/csv, text/plain…). The format is told by the content.",
  content: {
    "application/json": {
      schema: {
        oneOf: [
          { $ref: "#/components/schemas/ExportFile" },
          {
            type: "object",
            description: "Day One export: entries[] with text, creationDate, timeZone, tags, starred.",
            required: ["entries"],
            properties: { entries: { type: "array", items: { type: "object" } } },
          },
        ],
      },
    },
  },
};

export const entryTransferRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/export",
      tags: ["entries"],
      security: bearerAuth,
      summary: "Download every entry as JSON, Markdown or CSV",
      request: { query: ExportQuerySchema },
      responses: {
        200: {
          description: "The export file, streamed.",
          content: {
            "application/json": { schema: ExportFileSchema },
            "text/markdown": { schema: ExportTextSchema },
            "text/csv": { schema: ExportTextSchema },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { body, contentType, extension } = await exportJournal(getDb(c.env), c.get("user").id, c.req.valid("query").format);
      const filename = `tideline-export-${new Date().toISOString().slice(0, 10)}.${extension}`;
      return new Response(body, {
        status: 200,
        headers: {
          "content-type": contentType,
          "content-disposition": `attachment; filename="${filename}"`,
          "cache-control": "no-store",
        },
      });
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/import",
      tags: ["entries"],
      security: bearerAuth,
      summary: "Import entries from a Tideline, Day One (JSON) or Daylio (CSV) export (duplicates are skipped)",
      request: { body: importBody },
      responses: {
        200: jsonResponse(ImportResultSchema, "How many entries were created, skipped and rejected, with each rejection's line or index and reason."),
        ...commonErrors,
        413: { description: "The file is too large, or holds more entries than one import takes.", content: { "application/json": { schema: ErrorEnvelopeSchema } } },
      },
    }),
    async (c) => c.json(await importJournalFile(c.env, getDb(c.env), c.get("user").id, await c.req.text()), 200),
  );
