// Turns the list/search/export filters into drizzle conditions, always scoped to one person.
import { and, eq, exists, gte, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries, entryTags, tags } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { DAY_MS } from "../lib/time-zone.ts";
import type { EntryFilters } from "../schemas/entries.ts";

const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function entryConditions(db: Database, userId: string, filters: EntryFilters): SQL {
  const conditions: SQL[] = [eq(entries.userId, userId)];
  if (filters.from) conditions.push(gte(entries.createdAt, Date.parse(filters.from)));
  if (filters.to) {
    // A bare date means "up to the end of that day"; a timestamp is an exclusive upper bound.
    const to = Date.parse(filters.to) + (isDateOnly(filters.to) ? DAY_MS : 0);
    conditions.push(lt(entries.createdAt, to));
  }
  if (filters.category_id) conditions.push(eq(entries.categoryId, filters.category_id));
  if (filters.emotion) conditions.push(eq(entries.primaryEmotion, filters.emotion));
  if (filters.tag) {
    conditions.push(
      exists(
        db
          .select({ one: entryTags.entryId })
          .from(entryTags)
          .innerJoin(tags, eq(tags.id, entryTags.tagId))
          .where(and(eq(entryTags.entryId, entries.id), eq(tags.userId, userId), eq(tags.name, filters.tag))),
      ),
    );
  }
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) {
    throw new ApiError(400, "validation_failed", "The date range is empty: 'from' is after 'to'.", [
      { path: "from", message: "Must not be after 'to'." },
    ]);
  }
  return and(...conditions)!;
}

/** Opaque keyset cursor: the (created_at, id) of the last entry on the previous page. */
export function encodeCursor(createdAt: number, id: string): string {
  return btoa(`${createdAt}:${id}`).replace(/=+$/, "");
}

export function cursorCondition(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  let decoded: string;
  try {
    decoded = atob(cursor);
  } catch {
    throw invalidCursor();
  }
  const match = /^(\d{1,16}):([0-9a-f-]{36})$/.exec(decoded);
  if (!match) throw invalidCursor();
  const createdAt = Number(match[1]);
  const id = match[2]!;
  return or(lt(entries.createdAt, createdAt), and(eq(entries.createdAt, createdAt), lt(entries.id, id)));
}

const invalidCursor = () =>
  new ApiError(400, "validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "Invalid cursor." }]);
