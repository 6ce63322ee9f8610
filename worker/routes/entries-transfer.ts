// Export (streamed, JSON / Markdown / CSV) and import (JSON export back in) of a person's entries.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonBody, jsonResponse } from "../schemas/common.ts";
import { ExportFileSchema, ExportQuerySchema, ExportTextSchema, ImportResultSchema } from "../schemas/transfer.ts";
import { exportJournal } from "../services/export.ts";
import { importEntries } from "../services/entry-import.ts";

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
      summary: "Restore entries from a JSON export (duplicates are skipped)",
      request: { body: jsonBody(ExportFileSchema) },
      responses: { 200: jsonResponse(ImportResultSchema, "How many entries were created and skipped."), ...commonErrors },
    }),
    async (c) => c.json(await importEntries(c.env, getDb(c.env), c.get("user").id, c.req.valid("json")), 200),
  );
