// The one keyset cursor of every newest-first list (entries, intentions, the points ledger, the admin
// list of accounts): opaque to clients, it holds the (created_at, id) of the last row shown, and the
// next page is the rows strictly before it in (created_at DESC, id DESC) order.
import { and, lt, lte, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { ApiError } from "./errors.ts";

export function encodeCursor(createdAt: number, id: string): string {
  return btoa(`${createdAt}:${id}`).replace(/=+$/, "");
}

const invalidCursor = () => new ApiError(400, "validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "Invalid cursor." }]);

export function decodeCursor(cursor: string): { createdAt: number; id: string } {
  let decoded: string;
  try {
    decoded = atob(cursor);
  } catch {
    throw invalidCursor();
  }
  const match = /^(\d{1,16}):([0-9a-f-]{36})$/.exec(decoded);
  if (!match) throw invalidCursor();
  return { createdAt: Number(match[1]), id: match[2]! };
}

/**
 * The rows after the cursor over a table's (created_at, id) columns; none without a cursor. The `<=`
 * comes first so that an index on (…, created_at) bounds the read; the rest breaks ties by id.
 */
export function keysetAfter(cursor: string | undefined, createdAt: SQLiteColumn, id: SQLiteColumn): SQL | undefined {
  if (!cursor) return undefined;
  const after = decodeCursor(cursor);
  return and(lte(createdAt, after.createdAt), or(lt(createdAt, after.createdAt), lt(id, after.id)));
}
