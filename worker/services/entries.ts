// Reading and writing entries with their tags and category. Writes go through D1 batches so that an
// entry and its tags change together or not at all.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client.ts";
import { categories, entries, entryTags, insights, replies, settings, tags } from "../db/schema.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import type { RecordResult } from "../../durable-objects/graph-types.ts";
import type { EntryFilters, EntryInput, EntryView } from "../schemas/entries.ts";
import { encodeCursor } from "../lib/keyset-cursor.ts";
import { cursorCondition, entryConditions } from "./entry-filters.ts";
import { analyseAndRecord, EmotionScoresSchema, forgetEntryEmotion, readingColumns, readLocally, recordReading, resendState, storedMoodOf, textOf, type LocalReading } from "./entry-emotion.ts";
import { givenNoticed, NOTHING_REMOVED, noticedColumns, noticedIn, noticedOf, type Noticed, type NoticedRemoved } from "./entry-noticed.ts";
import { enqueueEntryAnalysis, enqueueGraphSync, pendingIfEnabledStatements, sendInsightJobs } from "./insight-jobs.ts";
import { forgetEntryMemories } from "./memory-forget.ts";
import { effectiveCountry, safetyViewsFor } from "./safety.ts";
import { entryTagNames } from "./tags.ts";

type EntryRow = typeof entries.$inferSelect;

/** The person's category (null when none is given); 404 when it is not theirs. */
export async function ownedCategory(db: Database, userId: string, categoryId: string | null | undefined) {
  if (!categoryId) return null;
  const found = await db.query.categories.findFirst({
    where: and(eq(categories.id, categoryId), eq(categories.userId, userId)),
    columns: { id: true, name: true, color: true },
  });
  if (!found) throw new ApiError(404, "category_not_found", "That category was not found.");
  return found;
}

export async function assertCategoryOwned(db: Database, userId: string, categoryId: string | null | undefined): Promise<void> {
  await ownedCategory(db, userId, categoryId);
}

/** Statements that make an entry's tags exactly `names` (creating the person's tags as needed). */
export function setTagsStatements(db: Database, userId: string, entryId: string, names: string[]): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [db.delete(entryTags).where(and(eq(entryTags.entryId, entryId), eq(entryTags.userId, userId)))];
  if (names.length === 0) return statements;
  const now = Date.now();
  statements.push(
    db
      .insert(tags)
      .values(names.map((name) => ({ id: crypto.randomUUID(), userId, name, createdAt: now })))
      .onConflictDoNothing(),
    db.insert(entryTags).select(
      db
        .select({ entryId: sql<string>`${entryId}`.as("entry_id"), tagId: tags.id, userId: tags.userId })
        .from(tags)
        .where(and(eq(tags.userId, userId), inArray(tags.name, names))),
    ),
  );
  return statements;
}

export interface NewEntry {
  content: string;
  title?: string | null;
  tags?: string[];
  category_id?: string | null;
  created_at?: number;
  updated_at?: number;
  /** From an imported export: the lists as they were (else read from the text) and what was removed. */
  noticed?: Noticed;
  removed?: NoticedRemoved;
  /** Kept from the AI; unset takes the person's private_by_default setting. */
  private?: boolean | undefined;
}

/** The activities and people a new entry starts with. */
export function initialNoticed(input: Pick<NewEntry, "content" | "title" | "noticed" | "removed">): Noticed {
  const removed = input.removed ?? NOTHING_REMOVED;
  return input.noticed ? givenNoticed(input.noticed, removed) : noticedIn(textOf({ title: input.title ?? null, content: input.content }), removed);
}

/** The insert of a new entry's row (with its reading, when it was read before it was stored). */
function insertEntry(db: Database, userId: string, id: string, input: NewEntry, reading?: LocalReading) {
  const now = Date.now();
  return db.insert(entries).values({
    id,
    userId,
    content: input.content,
    title: emptyToNull(input.title),
    categoryId: input.category_id ?? null,
    ...noticedColumns(initialNoticed(input), input.removed ?? NOTHING_REMOVED),
    ...(reading ? readingColumns(reading) : {}),
    private: input.private ?? sql<boolean>`COALESCE((SELECT ${settings.privateByDefault} FROM ${settings} WHERE ${settings.userId} = ${userId}), 0)`,
    createdAt: input.created_at ?? now,
    updatedAt: input.updated_at ?? input.created_at ?? now,
  });
}

export function createEntryStatements(db: Database, userId: string, id: string, input: NewEntry): BatchItem<"sqlite">[] {
  return [insertEntry(db, userId, id, input), ...setTagsStatements(db, userId, id, input.tags ?? [])];
}

export interface WrittenEntry {
  entry: EntryView;
  graph: RecordResult;
}

/**
 * Stores a new entry and records its emotion; answers the entry as the reader will see it. The entry
 * is read before it is stored, so that its row, reading, tags and pending insight go to D1 in one
 * batch (one round trip) with the person's settings read beside them. A write that fails part-way is
 * taken back whole, so a retry never finds half of it.
 */
export async function createEntry(env: Env, db: Database, userId: string, input: NewEntry, triedAction?: string | null): Promise<WrittenEntry> {
  const category = await ownedCategory(db, userId, input.category_id);
  const id = crypto.randomUUID();
  const reading = readLocally({ title: input.title ?? null, content: input.content });
  const names = input.tags ?? [];
  const [settingsRows, [row]] = await db.batch([
    // Read first, so it is the person's settings as the pending insight below saw them.
    db.select({ aiAnalysis: settings.aiAnalysis, country: settings.country, timezone: settings.timezone }).from(settings).where(eq(settings.userId, userId)),
    insertEntry(db, userId, id, input, reading).returning(),
    ...setTagsStatements(db, userId, id, names),
    ...pendingIfEnabledStatements(db, userId, id),
  ]);
  if (!row) throw new Error("entries: the insert answered no row");
  const person = settingsRows[0];
  const analysed = person?.aiAnalysis ?? true;
  try {
    const tagNames = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const viewRow: EntryViewRow = {
      entry: row,
      tagNames: JSON.stringify(tagNames),
      categoryId: category?.id ?? null,
      categoryName: category?.name ?? null,
      categoryColor: category?.color ?? null,
      insightStatus: analysed ? "pending" : null,
    };
    const [entry] = await toEntryViews(db, userId, [viewRow], effectiveCountry(person));
    const graph = await recordReading(env, userId, { ...row, tags: tagNames, activities: entry!.activities }, reading, triedAction);
    if (analysed) await sendInsightJobs(env, userId, [{ id, revision: row.revision }]);
    return { entry: entry!, graph };
  } catch (err) {
    await withdrawEntry(env, db, userId, id);
    throw err;
  }
}

/**
 * Takes back a new entry whose write failed after it was stored: the row (its tags, reply and insight
 * go with it) and its graph state, or a queued removal if the graph cannot be reached. Best effort:
 * the caller answers with the error that made the write fail.
 */
export async function withdrawEntry(env: Env, db: Database, userId: string, id: string): Promise<void> {
  try {
    await db.delete(entries).where(and(eq(entries.id, id), eq(entries.userId, userId)));
    await forgetEntryEmotion(env, userId, id).catch(() => enqueueGraphSync(env, userId, id));
  } catch (err) {
    console.error(`entries: could not take back entry ${id} after a failed write`, err instanceof Error ? err.message : err);
  }
}

/**
 * Makes the person's graph hold what D1 holds for one entry: its stored reading, with the action
 * marked as tried on its reply, or no state once the entry is gone. The reconciliation queued when a
 * graph call failed part-way through a write; safe to repeat (the graph keeps the newest revision).
 */
export async function syncEntryState(env: Env, db: Database, userId: string, entryId: string): Promise<"recorded" | "removed"> {
  const row = await findEntryRow(db, userId, entryId);
  if (!row) {
    await forgetEntryEmotion(env, userId, entryId);
    return "removed";
  }
  const [tagNames, reply] = await Promise.all([
    entryTagNames(db, userId, entryId),
    db.query.replies.findFirst({ where: and(eq(replies.entryId, entryId), eq(replies.userId, userId)), columns: { triedAction: true } }),
  ]);
  const mood = storedMoodOf(row);
  const entry = { ...row, tags: tagNames, activities: noticedOf(row).activities };
  await resendState(env, db, userId, entry, mood && { mood, safety: row.safetyLevel }, reply?.triedAction ?? undefined);
  return "recorded";
}

/** Applies the given fields (undefined = unchanged), bumps the revision and re-analyses. */
export async function updateEntry(env: Env, db: Database, userId: string, id: string, changes: EntryInput): Promise<WrittenEntry> {
  const existing = await findEntryRow(db, userId, id);
  if (!existing) throw notFound("entry");
  await assertCategoryOwned(db, userId, changes.category_id);
  const set: Partial<EntryRow> = { updatedAt: Math.max(Date.now(), existing.updatedAt + 1) };
  if (changes.content !== undefined) set.content = changes.content;
  if (changes.title !== undefined) set.title = emptyToNull(changes.title);
  if (changes.category_id !== undefined) set.categoryId = changes.category_id;
  if (changes.private !== undefined) set.private = changes.private;
  if (changes.content !== undefined || changes.title !== undefined) {
    // New words are read again; what the person removed stays removed.
    const text = textOf({ title: set.title !== undefined ? set.title : existing.title, content: set.content ?? existing.content });
    Object.assign(set, noticedColumns(noticedIn(text, noticedOf(existing).removed)));
  }
  await db.batch([
    db
      .update(entries)
      .set({ ...set, revision: sql`${entries.revision} + 1` })
      .where(and(eq(entries.id, id), eq(entries.userId, userId))),
    ...(changes.tags !== undefined ? setTagsStatements(db, userId, id, changes.tags) : []),
  ]);
  const written = await analyseStored(env, db, userId, id);
  if ((await enqueueEntryAnalysis(env, db, userId, [written.entry])) > 0) written.entry.insight_status = "pending";
  return written;
}

async function analyseStored(env: Env, db: Database, userId: string, id: string, triedAction?: string | null): Promise<WrittenEntry> {
  const view = await getEntry(db, userId, id);
  const { mood, safety, graph } = await analyseAndRecord(env, db, userId, { ...view, createdAt: Date.parse(view.created_at) }, triedAction);
  view.mood = mood;
  if (safety !== view.safety.level) view.safety = (await safetyViewsFor(db, userId, [safety]))[0]!;
  return { entry: view, graph };
}

export async function deleteEntry(env: Env, db: Database, userId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(entries)
    .where(and(eq(entries.id, id), eq(entries.userId, userId)))
    .returning({ id: entries.id });
  if (deleted.length === 0) throw notFound("entry");
  await forgetEntryMemories(env, [id]);
  try {
    await forgetEntryEmotion(env, userId, id);
  } catch (err) {
    // The entry is gone from D1: the queue brings the graph into step.
    console.error(`graph: removing entry ${id} failed; queued to try again`, err instanceof Error ? err.message : err);
    await enqueueGraphSync(env, userId, id);
  }
}

function findEntryRow(db: Database, userId: string, id: string) {
  return db.query.entries.findFirst({ where: and(eq(entries.id, id), eq(entries.userId, userId)) });
}

/**
 * What an entry view needs beyond its row, read in the same query: the tag names (as a JSON array,
 * in name order), the category and the insight's status. A page of entries is one D1 round trip.
 */
export const entryViewColumns = {
  entry: entries,
  tagNames: sql<string>`(SELECT json_group_array(name) FROM (SELECT ${tags.name} AS name FROM ${entryTags} JOIN ${tags} ON ${tags.id} = ${entryTags.tagId} WHERE ${entryTags.userId} = ${entries.userId} AND ${entryTags.entryId} = ${entries.id} ORDER BY ${tags.name}))`,
  categoryId: categories.id,
  categoryName: categories.name,
  categoryColor: categories.color,
  insightStatus: insights.status,
};
/** The joins `entryViewColumns` reads from (the category only if it is the person's own). */
export const categoryOfEntry = and(eq(categories.id, entries.categoryId), eq(categories.userId, entries.userId));
export const insightOfEntry = and(eq(insights.entryId, entries.id), eq(insights.userId, entries.userId));

/** An entry row with what `entryViewColumns` joined to it. */
export interface EntryViewRow {
  entry: EntryRow;
  tagNames: string;
  categoryId: string | null;
  categoryName: string | null;
  categoryColor: string | null;
  insightStatus: "pending" | "ready" | "failed" | null;
}

const TagNamesSchema = z.array(z.string());

/** The query for a page of entry views (newest first); exported for its query plan's test. */
export function selectEntryViewRows(db: Database, where: SQL, limit: number) {
  return db
    .select(entryViewColumns)
    .from(entries)
    .leftJoin(categories, categoryOfEntry)
    .leftJoin(insights, insightOfEntry)
    .where(where)
    .orderBy(desc(entries.createdAt), desc(entries.id))
    .limit(limit);
}

export async function getEntry(db: Database, userId: string, id: string): Promise<EntryView> {
  const [row] = await selectEntryViewRows(db, and(eq(entries.id, id), eq(entries.userId, userId))!, 1);
  if (!row) throw notFound("entry");
  const [view] = await toEntryViews(db, userId, [row]);
  return view!;
}

/**
 * One page of a person's entries, newest first, with the cursor of the next page (null at the end),
 * read by `select` (entry views, or entry views with more joined to them) in one query.
 */
export async function pageOf<Row extends { entry: { createdAt: number; id: string } }>(
  select: (where: SQL, limit: number) => Promise<Row[]>,
  db: Database,
  userId: string,
  filters: EntryFilters,
  cursor: string | undefined,
  limit: number,
) {
  const rows = await select(and(entryConditions(db, userId, filters), cursorCondition(cursor))!, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.entry;
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export const pageOfEntries = (db: Database, userId: string, filters: EntryFilters, cursor: string | undefined, limit: number) =>
  pageOf((where, n) => selectEntryViewRows(db, where, n), db, userId, filters, cursor, limit);

/** One page of entry views as the list answers it. */
export async function entryPage(db: Database, userId: string, filters: EntryFilters, cursor: string | undefined, limit: number) {
  const { rows, nextCursor } = await pageOfEntries(db, userId, filters, cursor, limit);
  return { entries: await toEntryViews(db, userId, rows), next_cursor: nextCursor };
}

/**
 * Shapes entry rows (read with `entryViewColumns`) as the reader sees them. Only a page holding a
 * crisis or concern entry costs a query more: the person's country, for the lines to show.
 */
export async function toEntryViews(db: Database, userId: string, rows: EntryViewRow[], country?: string | null): Promise<EntryView[]> {
  if (rows.length === 0) return [];
  const safety = await safetyViewsFor(
    db,
    userId,
    rows.map((r) => r.entry.safetyLevel),
    country,
  );
  return rows.map(({ entry: row, ...joined }, i) => ({
    id: row.id,
    title: row.title,
    content: row.content,
    tags: TagNamesSchema.parse(JSON.parse(joined.tagNames)),
    ...noticedOf(row),
    category: joined.categoryId !== null && joined.categoryName !== null ? { id: joined.categoryId, name: joined.categoryName, color: joined.categoryColor } : null,
    revision: row.revision,
    private: row.private,
    mood: {
      primary_emotion: row.primaryEmotion,
      is_positive: row.isPositive,
      valence: row.valence,
      intensity: row.intensity,
      emotion_scores: row.emotionScores ? EmotionScoresSchema.parse(JSON.parse(row.emotionScores)) : null,
    },
    insight_status: joined.insightStatus,
    safety: safety[i]!,
    created_at: new Date(row.createdAt).toISOString(),
    updated_at: new Date(row.updatedAt).toISOString(),
  }));
}

function emptyToNull(title: string | null | undefined): string | null {
  return title ? title : null;
}
