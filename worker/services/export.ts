// A person's whole journal as a download, streamed a page at a time as the client reads, so a large
// journal never sits whole in memory.
import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { categories } from "../db/schema.ts";
import { pageOfEntries, toEntryViews } from "./entries.ts";
import { exportWriters, type ExportFormat } from "./export-formats.ts";

const EXPORT_PAGE = 50;

export async function exportJournal(db: Database, userId: string, format: ExportFormat) {
  const writer = exportWriters[format];
  const categoryRows = await db
    .select({ name: categories.name, color: categories.color })
    .from(categories)
    .where(eq(categories.userId, userId))
    .orderBy(asc(categories.name));
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(writer.header(categoryRows)));
    },
    async pull(controller) {
      const { rows, nextCursor } = await pageOfEntries(db, userId, {}, cursor, EXPORT_PAGE);
      if (rows.length > 0) {
        controller.enqueue(encoder.encode(writer.page(await toEntryViews(db, userId, rows), first)));
        first = false;
      }
      if (nextCursor === null) {
        controller.enqueue(encoder.encode(writer.footer()));
        controller.close();
      } else {
        cursor = nextCursor;
      }
    },
  });
  return { body, contentType: writer.contentType, extension: writer.extension };
}
