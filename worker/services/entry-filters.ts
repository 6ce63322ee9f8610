// Turns the list/search/export filters into drizzle conditions, always scoped to one person.
import { and, eq, exists, gte, lt, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries, entryTags, tags } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { keysetAfter } from "../lib/keyset-cursor.ts";
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

/** Opaque keyset cursor of the entries list (worker/lib/keyset-cursor.ts). */
export const cursorCondition = (cursor: string | undefined) => keysetAfter(cursor, entries.createdAt, entries.id);
