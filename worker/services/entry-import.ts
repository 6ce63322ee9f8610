// Imports a file into a person's journal: Tideline's own JSON export (restored whole or refused whole),
// or another journal's export (Day One JSON, Daylio CSV; read by worker/import/), row by row. Entries
// already present (same time and text) are skipped, so importing the same file twice creates nothing
// the second time.
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { checkOnly } from "../db/check-only.ts";
import type { Database } from "../db/client.ts";
import { categories, entries, entryTags, tags } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { parseDayOne } from "../import/day-one.ts";
import { parseDaylio } from "../import/daylio.ts";
import { detectFormat } from "../import/detect.ts";
import { validateRows, validateTidelineExport, type CheckedRow } from "../import/validate.ts";
import { MAX_IMPORT_ENTRIES, MAX_LISTED_NOTES, type ExportFile, type ImportResult } from "../schemas/transfer.ts";
import { createEntryStatements, initialNoticed } from "./entries.ts";
import { readingsOf, textOf, type AnalysableEntry, type ImportedEntry } from "./entry-emotion.ts";
import { noticedIn } from "./entry-noticed.ts";
import { graphFor } from "./graph.ts";
import { yieldToOtherWork } from "../lib/yield.ts";
import { aiAnalysisEnabled, pendingInsightStatements, SEND_BATCH, sendInsightJobs } from "./insight-jobs.ts";
import { calendarSettings } from "./settings.ts";

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
  entry: ImportedEntry;
  statements: BatchItem<"sqlite">[];
  /** Whether it gets the deep analysis (when the person has it on): not when it has no words of its own. */
  analyse: boolean;
}

/** An entry of the file before the duplicate check: its key, and how to prepare it under a new id. */
interface Candidate {
  createdAt: number;
  content: string;
  prepare: (id: string) => PreparedEntry;
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
  const analysed = analyse ? batch.filter((b) => b.analyse).map((b) => b.entry) : [];
  const readings = readingsOf(db, userId, list);
  const [first, ...rest] = [
    ...batch.flatMap((b) => b.statements),
    ...readings.statements,
    ...(analysed.length > 0 ? pendingInsightStatements(db, userId, analysed) : []),
  ];
  await db.batch([first!, ...rest]);
  try {
    await graphFor(env, userId).recordStates(readings.states);
    if (analysed.length > 0) await sendInsightJobs(env, userId, analysed);
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
      db.delete(entries).where(and(inArray(entries.id, ids), checkOnly(eq(entries.userId, userId)))),
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

/**
 * Stores the candidates that are not already in the journal (nor earlier in the same file), in
 * batches of ENTRIES_PER_BATCH, each all or nothing (importBatch). Their deep analysis goes through the
 * insight queue a batch at a time, so that a large import never holds up the person's writing.
 */
async function importCandidates(env: Env, db: Database, userId: string, candidates: Candidate[]) {
  const seen = await existingKeys(db, userId, candidates.map((c) => c.createdAt));
  let skipped = 0;
  const prepared: PreparedEntry[] = [];
  for (const c of candidates) {
    const key = `${c.createdAt}\u0000${c.content}`;
    if (seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    prepared.push(c.prepare(crypto.randomUUID()));
    // Reading entries is work for the CPU: other requests get their turn every batch's worth.
    if (prepared.length % ENTRIES_PER_BATCH === 0) await yieldToOtherWork();
  }
  const analyse = prepared.some((p) => p.analyse) && (await aiAnalysisEnabled(db, userId));
  for (const batch of chunk(prepared, ENTRIES_PER_BATCH)) {
    await importBatch(env, db, userId, batch, analyse);
    // A pause between batches, so that a long import never keeps the person's other requests waiting
    // (locally every step stays inside one process; see worker/lib/yield.ts).
    await yieldToOtherWork();
  }
  return { created: prepared.length, skipped_duplicates: skipped };
}

/** Restores a Tideline JSON export (validated whole: see validateTidelineExport). */
export async function importEntries(env: Env, db: Database, userId: string, file: ExportFile) {
  const categoryIds = await ensureCategories(db, userId, file);
  const candidates = file.entries.map((e): Candidate => {
    const createdAt = Date.parse(e.created_at);
    return {
      createdAt,
      content: e.content,
      prepare: (id) => {
        const tagNames = [...new Set(e.tags)];
        const removed = { activities: e.removed_activities, people: e.removed_people };
        // An export's lists are the person's corrected record; an older export without them is read afresh.
        const given = e.activities && e.people ? { activities: e.activities, people: e.people } : undefined;
        const noticed = initialNoticed({ content: e.content, title: e.title ?? null, noticed: given, removed });
        return {
          entry: { id, title: e.title ?? null, content: e.content, revision: 1, createdAt, tags: tagNames, activities: noticed.activities, safetyFloor: e.safety_level },
          statements: createEntryStatements(db, userId, id, {
            content: e.content,
            title: e.title ?? null,
            tags: tagNames,
            noticed,
            removed,
            category_id: e.category ? (categoryIds.get(e.category.toLowerCase()) ?? null) : null,
            created_at: createdAt,
            updated_at: e.updated_at ? Date.parse(e.updated_at) : createdAt,
          }),
          analyse: true,
        };
      },
    };
  });
  return importCandidates(env, db, userId, candidates);
}

/** A row of another journal's export, as an entry: its recorded activities join those its words name. */
function foreignCandidate(db: Database, userId: string, { entry: e }: CheckedRow): Candidate {
  const createdAt = Date.parse(e.created_at);
  return {
    createdAt,
    content: e.content,
    prepare: (id) => {
      const title = e.title ?? null;
      const read = noticedIn(textOf({ title, content: e.content }));
      const noticed = initialNoticed({ content: e.content, title, noticed: { activities: [...e.activities, ...read.activities], people: read.people } });
      return {
        entry: { id, title, content: e.content, revision: 1, createdAt, tags: e.tags, activities: noticed.activities, statedMood: e.stated_mood },
        statements: createEntryStatements(db, userId, id, { content: e.content, title, tags: e.tags, noticed, created_at: createdAt, updated_at: createdAt }),
        analyse: e.analyse,
      };
    },
  };
}

/**
 * Imports a file, whatever journal it comes from (told by its content: worker/import/detect.ts). A
 * Tideline export is refused whole when a field is invalid; in a Day One or Daylio export a bad row is
 * rejected with its line or index and reason, and the rest import.
 */
export async function importJournalFile(env: Env, db: Database, userId: string, text: string): Promise<ImportResult> {
  const detected = detectFormat(text);
  if (detected.format === "tideline") {
    const result = await importEntries(env, db, userId, validateTidelineExport(detected.value));
    return { format: "tideline", ...result, rejected: 0, rejections: [], warnings: [] };
  }
  const parsed = detected.format === "day-one" ? parseDayOne(detected.value) : parseDaylio(detected.text, (await calendarSettings(db, userId)).timeZone);
  if (parsed.rows.length > MAX_IMPORT_ENTRIES) {
    throw new ApiError(
      413,
      "too_many_entries",
      `The file holds ${parsed.rows.length.toLocaleString("en")} entries; one import takes at most ${MAX_IMPORT_ENTRIES.toLocaleString("en")}. Split it into smaller files: entries already imported are skipped.`,
    );
  }
  const checked = validateRows(parsed);
  const result = await importCandidates(env, db, userId, checked.rows.map((row) => foreignCandidate(db, userId, row)));
  return {
    format: detected.format,
    ...result,
    rejected: checked.rejected.length,
    rejections: checked.rejected.slice(0, MAX_LISTED_NOTES),
    warnings: checked.warnings.slice(0, MAX_LISTED_NOTES),
  };
}
