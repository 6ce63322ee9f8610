// Export (streamed, JSON / Markdown / CSV) and import (JSON export back in) of a person's entries.
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { categories } from "../db/schema.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonBody, jsonResponse } from "../schemas/common.ts";
import { ExportFileSchema, ImportResultSchema } from "../schemas/transfer.ts";
import { listEntryRows, toEntryViews } from "../services/entries.ts";
import { cursorCondition, encodeCursor, entryConditions } from "../services/entry-filters.ts";
import { exportWriters } from "../services/export-formats.ts";
import { importEntries } from "../services/entry-import.ts";

const EXPORT_PAGE = 50;

export const entryTransferRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/export",
      tags: ["entries"],
      security: bearerAuth,
      summary: "Download every entry as JSON, Markdown or CSV",
      request: { query: z.object({ format: z.enum(["json", "markdown", "csv"]).default("json") }) },
      responses: {
        200: {
          description: "The export file, streamed.",
          content: {
            "application/json": { schema: ExportFileSchema },
            "text/markdown": { schema: z.string() },
            "text/csv": { schema: z.string() },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const writer = exportWriters[c.req.valid("query").format];
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const categoryRows = await db
        .select({ name: categories.name, color: categories.color })
        .from(categories)
        .where(eq(categories.userId, userId))
        .orderBy(asc(categories.name));
      const encoder = new TextEncoder();
      let cursor: string | undefined;
      let first = true;
      let done = false;
      // Pages are read as the client reads, so a large journal never sits whole in memory.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(writer.header(categoryRows)));
        },
        async pull(controller) {
          if (done) return;
          const rows = await listEntryRows(db, and(entryConditions(db, userId, {}), cursorCondition(cursor))!, EXPORT_PAGE);
          if (rows.length > 0) {
            controller.enqueue(encoder.encode(writer.page(await toEntryViews(db, userId, rows), first)));
            first = false;
            const last = rows.at(-1)!;
            cursor = encodeCursor(last.createdAt, last.id);
          }
          if (rows.length < EXPORT_PAGE) {
            done = true;
            controller.enqueue(encoder.encode(writer.footer()));
            controller.close();
          }
        },
      });
      const filename = `tideline-export-${new Date().toISOString().slice(0, 10)}.${writer.extension}`;
      return new Response(body, {
        status: 200,
        headers: {
          "content-type": writer.contentType,
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
