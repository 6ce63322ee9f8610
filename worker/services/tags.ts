// A person's tags with how many entries carry each, most used first; one entry's tags.
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entryTags, tags } from "../db/schema.ts";

export async function tagCounts(db: Database, userId: string): Promise<{ name: string; count: number }[]> {
  const entryCount = count(entryTags.entryId);
  return db
    .select({ name: tags.name, count: entryCount })
    .from(tags)
    .innerJoin(entryTags, eq(entryTags.tagId, tags.id))
    .where(eq(tags.userId, userId))
    .groupBy(tags.id)
    .orderBy(desc(entryCount), asc(tags.name));
}

/** The names of one entry's tags (an entry of this person). */
export async function entryTagNames(db: Database, userId: string, entryId: string): Promise<string[]> {
  const rows = await db
    .select({ name: tags.name })
    .from(entryTags)
    .innerJoin(tags, eq(tags.id, entryTags.tagId))
    .where(and(eq(entryTags.entryId, entryId), eq(entryTags.userId, userId)));
  return rows.map((r) => r.name);
}
