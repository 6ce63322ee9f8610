// The person corrects what Tideline noticed in an entry: a removed activity or person is remembered
// (reading the text again after an edit never brings it back) and the graph gets the corrected
// actions at once, as a new revision, the way an edit reaches it.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries, entryTags, tags } from "../db/schema.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import type { EntryView, NoticedCorrection } from "../schemas/entries.ts";
import { getEntry } from "./entries.ts";
import { recordMood, storedMoodOf, textOf } from "./entry-emotion.ts";
import { noticedColumns, noticedIn, noticedOf, type Noticed, type NoticedRemoved } from "./entry-noticed.ts";
import { carryInsightForward } from "./insight-jobs.ts";

const union = (a: string[], b: string[] = []) => [...new Set([...a, ...b])];
const minus = (a: string[], b: string[] = []) => a.filter((x) => !b.includes(x));

/** The lists after a correction: removals leave at once; a restored item comes back where the text still says it. */
function corrected(current: Noticed, removed: NoticedRemoved, text: string, change: NoticedCorrection) {
  const nextRemoved: NoticedRemoved = {
    activities: minus(union(removed.activities, change.remove_activities), change.restore_activities),
    people: minus(union(removed.people, change.remove_people), change.restore_people),
  };
  const found = noticedIn(text, nextRemoved);
  const restore = (list: string[], restored: string[] = [], foundNow: string[]) => union(list, restored.filter((r) => foundNow.includes(r)));
  const noticed: Noticed = {
    activities: minus(restore(current.activities, change.restore_activities, found.activities), nextRemoved.activities),
    people: minus(restore(current.people, change.restore_people, found.people), nextRemoved.people),
  };
  return { noticed, removed: nextRemoved };
}

export async function correctNoticed(env: Env, db: Database, userId: string, id: string, change: NoticedCorrection): Promise<EntryView> {
  const row = await db.query.entries.findFirst({ where: and(eq(entries.id, id), eq(entries.userId, userId)) });
  if (!row) throw notFound("entry");
  const { noticed, removed } = corrected(noticedOf(row), noticedOf(row).removed, textOf(row), change);
  const revision = row.revision + 1;
  // Only over the revision just read: an edit landing meanwhile wins, and the person is told.
  const updated = await db
    .update(entries)
    .set({ ...noticedColumns(noticed, removed), revision: sql`${entries.revision} + 1` })
    .where(and(eq(entries.id, id), eq(entries.userId, userId), eq(entries.revision, row.revision)))
    .returning({ id: entries.id });
  if (updated.length === 0) throw new ApiError(409, "conflict", "The entry changed meanwhile. Reload it and try again.");

  const mood = storedMoodOf(row);
  if (mood) {
    const tagRows = await db
      .select({ name: tags.name })
      .from(entryTags)
      .innerJoin(tags, eq(tags.id, entryTags.tagId))
      .where(and(eq(entryTags.entryId, id), eq(entryTags.userId, userId)));
    await recordMood(env, db, userId, { ...row, revision, tags: tagRows.map((t) => t.name), activities: noticed.activities }, mood);
  }
  const pending = await carryInsightForward(env, db, userId, id, row.revision, revision);
  const view = await getEntry(db, userId, id);
  if (pending) view.insight_status = "pending";
  return view;
}
