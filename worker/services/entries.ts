// Reading and writing entries with their tags and category. Writes go through D1 batches so that an
// entry and its tags change together or not at all.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client.ts";
import { categories, entries, entryTags, insights, tags } from "../db/schema.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import type { RecordResult } from "../../durable-objects/graph-types.ts";
import type { EntryFilters, EntryInput, EntryView } from "../schemas/entries.ts";
import { cursorCondition, encodeCursor, entryConditions } from "./entry-filters.ts";
import { analyseAndRecord, EmotionScoresSchema, forgetEntryEmotion, textOf } from "./entry-emotion.ts";
import { givenNoticed, NOTHING_REMOVED, noticedColumns, noticedIn, noticedOf, type Noticed, type NoticedRemoved } from "./entry-noticed.ts";
import { enqueueEntryAnalysis } from "./insight-jobs.ts";
import { safetyViewsFor } from "./safety.ts";

type EntryRow = typeof entries.$inferSelect;

export async function assertCategoryOwned(db: Database, userId: string, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const found = await db.query.categories.findFirst({
    where: and(eq(categories.id, categoryId), eq(categories.userId, userId)),
    columns: { id: true },
  });
  if (!found) throw new ApiError(404, "category_not_found", "That category was not found.");
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
}

/** The activities and people a new entry starts with. */
export function initialNoticed(input: Pick<NewEntry, "content" | "title" | "noticed" | "removed">): Noticed {
  const removed = input.removed ?? NOTHING_REMOVED;
  return input.noticed ? givenNoticed(input.noticed, removed) : noticedIn(textOf({ title: input.title ?? null, content: input.content }), removed);
}

export function createEntryStatements(db: Database, userId: string, id: string, input: NewEntry): BatchItem<"sqlite">[] {
  const now = Date.now();
  return [
    db.insert(entries).values({
      id,
      userId,
      content: input.content,
      title: emptyToNull(input.title),
      categoryId: input.category_id ?? null,
      ...noticedColumns(initialNoticed(input), input.removed ?? NOTHING_REMOVED),
      createdAt: input.created_at ?? now,
      updatedAt: input.updated_at ?? input.created_at ?? now,
    }),
    ...setTagsStatements(db, userId, id, input.tags ?? []),
  ];
}

export interface WrittenEntry {
  entry: EntryView;
  graph: RecordResult;
}

/** Stores a new entry and records its emotion; answers the entry as the reader will see it. */
export async function createEntry(env: Env, db: Database, userId: string, input: NewEntry, triedAction?: string | null): Promise<WrittenEntry> {
  await assertCategoryOwned(db, userId, input.category_id);
  const id = crypto.randomUUID();
  const [first, ...rest] = createEntryStatements(db, userId, id, input);
  await db.batch([first!, ...rest]);
  const written = await analyseStored(env, db, userId, id, triedAction);
  written.entry.insight_status = (await enqueueEntryAnalysis(env, db, userId, [written.entry])) > 0 ? "pending" : null;
  return written;
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
  await forgetEntryEmotion(env, userId, id);
}

function findEntryRow(db: Database, userId: string, id: string) {
  return db.query.entries.findFirst({ where: and(eq(entries.id, id), eq(entries.userId, userId)) });
}

export async function getEntry(db: Database, userId: string, id: string): Promise<EntryView> {
  const row = await findEntryRow(db, userId, id);
  if (!row) throw notFound("entry");
  const [view] = await toEntryViews(db, userId, [row]);
  return view!;
}

/** Newest-first page of a person's entries matching `where` (which must already filter by user). */
export async function listEntryRows(db: Database, where: SQL, limit: number): Promise<EntryRow[]> {
  return db.select().from(entries).where(where).orderBy(desc(entries.createdAt), desc(entries.id)).limit(limit);
}

/** One page of a person's entries, newest first, with the cursor of the next page (null at the end). */
export async function pageOfEntries(db: Database, userId: string, filters: EntryFilters, cursor: string | undefined, limit: number) {
  const rows = await listEntryRows(db, and(entryConditions(db, userId, filters), cursorCondition(cursor))!, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** Attaches tags and category to entry rows, in two queries whatever the number of rows. */
export async function toEntryViews(db: Database, userId: string, rows: EntryRow[]): Promise<EntryView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const categoryIds = [...new Set(rows.map((r) => r.categoryId).filter((c): c is string => c !== null))];
  const [tagRows, categoryRows, insightRows, safety] = await Promise.all([
    db
      .select({ entryId: entryTags.entryId, name: tags.name })
      .from(entryTags)
      .innerJoin(tags, eq(tags.id, entryTags.tagId))
      .where(and(eq(entryTags.userId, userId), inArray(entryTags.entryId, ids)))
      .orderBy(tags.name),
    categoryIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: categories.id, name: categories.name, color: categories.color })
          .from(categories)
          .where(and(eq(categories.userId, userId), inArray(categories.id, categoryIds))),
    db
      .select({ entryId: insights.entryId, status: insights.status })
      .from(insights)
      .where(and(eq(insights.userId, userId), inArray(insights.entryId, ids))),
    safetyViewsFor(
      db,
      userId,
      rows.map((r) => r.safetyLevel),
    ),
  ]);
  const insightStatus = new Map(insightRows.map((i) => [i.entryId, i.status]));
  const tagsByEntry = new Map<string, string[]>();
  for (const t of tagRows) tagsByEntry.set(t.entryId, [...(tagsByEntry.get(t.entryId) ?? []), t.name]);
  const categoryById = new Map(categoryRows.map((c) => [c.id, c]));
  return rows.map((row, i) => ({
    id: row.id,
    title: row.title,
    content: row.content,
    tags: tagsByEntry.get(row.id) ?? [],
    ...noticedOf(row),
    category: row.categoryId ? (categoryById.get(row.categoryId) ?? null) : null,
    revision: row.revision,
    mood: {
      primary_emotion: row.primaryEmotion,
      is_positive: row.isPositive,
      valence: row.valence,
      intensity: row.intensity,
      emotion_scores: row.emotionScores ? EmotionScoresSchema.parse(JSON.parse(row.emotionScores)) : null,
    },
    insight_status: insightStatus.get(row.id) ?? null,
    safety: safety[i]!,
    created_at: new Date(row.createdAt).toISOString(),
    updated_at: new Date(row.updatedAt).toISOString(),
  }));
}

function emptyToNull(title: string | null | undefined): string | null {
  return title ? title : null;
}
