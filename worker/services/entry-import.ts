// Restores a JSON export into a person's journal. Entries already present (same time and text) are
// skipped, so importing the same file twice creates nothing the second time.
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client.ts";
import { categories, entries, entryTags, tags } from "../db/schema.ts";
import type { ExportFile } from "../schemas/transfer.ts";
import { createEntryStatements, initialNoticed } from "./entries.ts";
import { readingsOf, type AnalysableEntry } from "./entry-emotion.ts";
import { graphFor } from "./graph.ts";
import { aiAnalysisEnabled, pendingInsightStatements, SEND_BATCH, sendInsightJobs } from "./insight-jobs.ts";
import type { SafetyLevel } from "../safety/screen.ts";

// D1 binds at most 100 parameters per statement; lookups go in chunks below that.
const LOOKUP_CHUNK = 90;
/**
 * Entries per unit of work, stored all or nothing (see importBatch): one D1 batch of their statements,
 * one graph call and one queue send, which takes at most SEND_BATCH messages.
 */
const ENTRIES_PER_BATCH = Math.min(40, SEND_BATCH);

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function ensureCategories(db: Database, userId: string, file: ExportFile): Promise<Map<string, string>> {
  const wanted = new Map<string, string | null>();
  for (const c of file.categories) wanted.set(c.name.toLowerCase(), c.color ?? null);
  for (const e of file.entries) if (e.category && !wanted.has(e.category.toLowerCase())) wanted.set(e.category.toLowerCase(), null);
  const names = new Map<string, string>();
  for (const c of file.categories) names.set(c.name.toLowerCase(), c.name);
  for (const e of file.entries) if (e.category) names.set(e.category.toLowerCase(), names.get(e.category.toLowerCase()) ?? e.category);

  const now = Date.now();
  for (const part of chunk([...wanted.entries()], 20)) {
    await db
      .insert(categories)
      .values(part.map(([key, color]) => ({ id: crypto.randomUUID(), userId, name: names.get(key)!, color, createdAt: now })))
      .onConflictDoNothing();
  }
  const rows = await db.select({ id: categories.id, name: categories.name }).from(categories).where(eq(categories.userId, userId));
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

async function existingKeys(db: Database, userId: string, times: number[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const part of chunk([...new Set(times)], LOOKUP_CHUNK)) {
    const rows = await db
      .select({ createdAt: entries.createdAt, content: entries.content })
      .from(entries)
      .where(and(eq(entries.userId, userId), inArray(entries.createdAt, part)));
    for (const r of rows) keys.add(`${r.createdAt}\u0000${r.content}`);
  }
  return keys;
}

/** An entry of the file, ready to store: its statements and what its reading and graph state need. */
interface PreparedEntry {
  entry: AnalysableEntry & { safetyFloor?: SafetyLevel };
  statements: BatchItem<"sqlite">[];
}

/**
 * Stores one batch all or nothing across the three stores: the rows, their readings and their pending
 * insights in one D1 batch (a transaction), then the states in one graph call (one transaction in the
 * Durable Object), then the analysis jobs in one send. If the graph or the queue fails, what the batch
 * wrote is taken back out of the graph and D1, so the stores never disagree, and importing the file
 * again creates the batch instead of skipping it as duplicates.
 */
async function importBatch(env: Env, db: Database, userId: string, batch: PreparedEntry[], analyse: boolean): Promise<void> {
  const list = batch.map((b) => b.entry);
  const readings = readingsOf(db, userId, list);
  const [first, ...rest] = [
    ...batch.flatMap((b) => b.statements),
    ...readings.statements,
    ...(analyse ? pendingInsightStatements(db, userId, list) : []),
  ];
  await db.batch([first!, ...rest]);
  try {
    await graphFor(env, userId).recordStates(readings.states);
    if (analyse) await sendInsightJobs(env, userId, list);
  } catch (err) {
    await takeBack(env, db, userId, list);
    throw err;
  }
}

/** Undoes a stored batch: its states (if the graph recorded them after all), its rows, and tags left unused. */
async function takeBack(env: Env, db: Database, userId: string, list: AnalysableEntry[]): Promise<void> {
  const ids = list.map((e) => e.id);
  try {
    const graph = graphFor(env, userId);
    for (const id of ids) await graph.removeState(id);
  } catch (err) {
    console.error("import: a failed batch's states could not be taken back out of the graph", userId, err);
  }
  const names = [...new Set(list.flatMap((e) => e.tags))];
  try {
    await db.batch([
      // Their entry_tags and insight rows go with them (ON DELETE CASCADE), the FTS index by trigger.
      db.delete(entries).where(and(eq(entries.userId, userId), inArray(entries.id, ids))),
      ...chunk(names, LOOKUP_CHUNK).map((part) =>
        db
          .delete(tags)
          .where(and(eq(tags.userId, userId), inArray(tags.name, part), notExists(db.select({ one: sql`1` }).from(entryTags).where(eq(entryTags.tagId, tags.id))))),
      ),
    ]);
  } catch (err) {
    console.error("import: a failed batch's entries could not be taken back out of D1", userId, err);
  }
}

export async function importEntries(env: Env, db: Database, userId: string, file: ExportFile) {
  const categoryIds = await ensureCategories(db, userId, file);
  const parsed = file.entries.map((e) => ({ ...e, createdAt: Date.parse(e.created_at) }));
  const seen = await existingKeys(db, userId, parsed.map((e) => e.createdAt));

  let skipped = 0;
  const prepared: PreparedEntry[] = [];
  for (const e of parsed) {
    const key = `${e.createdAt}\u0000${e.content}`;
    if (seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    const id = crypto.randomUUID();
    const tagNames = [...new Set(e.tags)];
    const removed = { activities: e.removed_activities, people: e.removed_people };
    // An export's lists are the person's corrected record; an older export without them is read afresh.
    const given = e.activities && e.people ? { activities: e.activities, people: e.people } : undefined;
    const noticed = initialNoticed({ content: e.content, title: e.title ?? null, noticed: given, removed });
    prepared.push({
      entry: { id, title: e.title ?? null, content: e.content, revision: 1, createdAt: e.createdAt, tags: tagNames, activities: noticed.activities, safetyFloor: e.safety_level },
      statements: createEntryStatements(db, userId, id, {
        content: e.content,
        title: e.title ?? null,
        tags: tagNames,
        noticed,
        removed,
        category_id: e.category ? (categoryIds.get(e.category.toLowerCase()) ?? null) : null,
        created_at: e.createdAt,
        updated_at: e.updated_at ? Date.parse(e.updated_at) : e.createdAt,
      }),
    });
  }
  const analyse = prepared.length > 0 && (await aiAnalysisEnabled(db, userId));
  for (const batch of chunk(prepared, ENTRIES_PER_BATCH)) await importBatch(env, db, userId, batch, analyse);
  return { created: prepared.length, skipped_duplicates: skipped };
}
