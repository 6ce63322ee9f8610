// Restores a JSON export into a person's journal. Entries already present (same time and text) are
// skipped, so importing the same file twice creates nothing the second time.
import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client.ts";
import { categories, entries } from "../db/schema.ts";
import type { ExportFile } from "../schemas/transfer.ts";
import { createEntryStatements, initialNoticed } from "./entries.ts";
import { analyseAndRecordMany, type AnalysableEntry } from "./entry-emotion.ts";
import { enqueueEntryAnalysis } from "./insight-jobs.ts";
import type { SafetyLevel } from "../safety/screen.ts";

// D1 binds at most 100 parameters per statement; lookups go in chunks below that.
const LOOKUP_CHUNK = 90;
const ENTRIES_PER_BATCH = 40;

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

export async function importEntries(env: Env, db: Database, userId: string, file: ExportFile) {
  const categoryIds = await ensureCategories(db, userId, file);
  const parsed = file.entries.map((e) => ({ ...e, createdAt: Date.parse(e.created_at) }));
  const seen = await existingKeys(db, userId, parsed.map((e) => e.createdAt));

  let skipped = 0;
  const statements: BatchItem<"sqlite">[][] = [];
  const created: (AnalysableEntry & { safetyFloor?: SafetyLevel })[] = [];
  for (const e of parsed) {
    const key = `${e.createdAt}\u0000${e.content}`;
    if (seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    const id = crypto.randomUUID();
    const tags = [...new Set(e.tags)];
    const removed = { activities: e.removed_activities, people: e.removed_people };
    // An export's lists are the person's corrected record; an older export without them is read afresh.
    const given = e.activities && e.people ? { activities: e.activities, people: e.people } : undefined;
    const noticed = initialNoticed({ content: e.content, title: e.title ?? null, noticed: given, removed });
    created.push({ id, title: e.title ?? null, content: e.content, revision: 1, createdAt: e.createdAt, tags, activities: noticed.activities, safetyFloor: e.safety_level });
    statements.push(
      createEntryStatements(db, userId, id, {
        content: e.content,
        title: e.title ?? null,
        tags,
        noticed,
        removed,
        category_id: e.category ? (categoryIds.get(e.category.toLowerCase()) ?? null) : null,
        created_at: e.createdAt,
        updated_at: e.updated_at ? Date.parse(e.updated_at) : e.createdAt,
      }),
    );
  }
  for (const group of chunk(statements, ENTRIES_PER_BATCH)) {
    const [first, ...rest] = group.flat();
    await db.batch([first!, ...rest]);
  }
  await analyseAndRecordMany(env, db, userId, created);
  await enqueueEntryAnalysis(env, db, userId, created);
  return { created: created.length, skipped_duplicates: skipped };
}
