// Search by meaning over a person's entries: candidates by meaning (the local int8 vectors in D1, or
// Vectorize in production) and by words (FTS5, any of the query's content words), blended
// (worker/memories/rank.ts) and shaped as entry views. Only the person's own entries, ever; crisis
// entries only when they ask (`include=all`). Also the indexing the insight job does per entry.
//
// Cost per search, local index: the vectors of a bounded pool (worker/memories/rank.ts: the most recent
// entries sharing a word or concept with the query, the most recent entries, and the word side's best),
// each a 384-component int8 dot product, plus at most LAZY_EMBED of them embedded on the spot when the
// job has not reached them (AI analysis off, or entries older than this feature). The word side ranks
// the most recent WORD_WINDOW matches by BM25. None of it grows with the history. With Vectorize the
// meaning side is one model call and one top-K query.
import { and, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { checkOnly } from "../db/check-only.ts";
import type { Database } from "../db/client.ts";
import { entryEmbeddings } from "../db/memories-schema.ts";
import { entries, entriesFts } from "../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { cosine, decodeVector, embedText, encodeVector, LOCAL_EMBEDDING_MODEL, quantise } from "../memories/embedding.ts";
import type { IndexableEntry, MemoryIndex } from "../memories/memory-index.ts";
import { blend, CANDIDATES, MEANING_POOL, meaningPoolMatch, RECENT_POOL, topMeaning, WORD_WINDOW, wordsMatch, type MeaningHit } from "../memories/rank.ts";
import { vectorizeIndexOf, type MemoryBindings } from "../memories/vectorize.ts";
import type { MemorySearchQuery } from "../schemas/memories.ts";
import { selectEntryViewRows, toEntryViews } from "./entries.ts";
import { textOf } from "./entry-emotion.ts";
import { entryConditions } from "./entry-filters.ts";
import { gateEntry, openAiGate } from "./ai-gate.ts";

/** Entries a search embeds itself when their vector is missing or stale (newest first). */
export const LAZY_EMBED = 32;

const embeddingRow = (entry: IndexableEntry, now: number) => ({
  entryId: entry.id,
  userId: entry.userId,
  revision: entry.revision,
  model: LOCAL_EMBEDDING_MODEL,
  vector: encodeVector(quantise(embedText(textOf(entry)))),
  createdAt: now,
});

/** Writes the local vectors of entries (one statement each: D1 binds at most 100 values). */
async function storeLocal(db: Database, list: IndexableEntry[]): Promise<Map<string, string>> {
  const now = Date.now();
  const rows = list.map((e) => embeddingRow(e, now));
  const statements = rows.map((row) =>
    db
      .insert(entryEmbeddings)
      .values(row)
      .onConflictDoUpdate({
        target: entryEmbeddings.entryId,
        set: { revision: row.revision, model: row.model, vector: row.vector, createdAt: row.createdAt },
        // An older revision's job arriving late never overwrites a newer vector.
        setWhere: and(eq(entryEmbeddings.userId, row.userId), sql`${entryEmbeddings.revision} <= ${row.revision}`),
      }),
  );
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return new Map(rows.map((r) => [r.entryId, r.vector]));
}

/** The local index: the person's vectors in D1 within `scope`, scanned. */
class LocalMemoryIndex implements MemoryIndex {
  readonly kind = "local";
  constructor(
    private readonly db: Database,
    private readonly scope: SQL,
  ) {}

  async query(userId: string, text: string, topK: number, alsoScore: readonly string[] = []): Promise<MeaningHit[]> {
    // The pool (worker/memories/rank.ts). In the subqueries "entries" is their own table, so `scope`
    // applies to it; the outer query applies it again.
    const match = meaningPoolMatch(text);
    const recent = sql`SELECT seq FROM (SELECT ${entries.seq} FROM ${entries} WHERE ${this.scope} ORDER BY ${entries.createdAt} DESC LIMIT ${RECENT_POOL})`;
    const byWords = sql`SELECT ${entries.seq} FROM ${entries} WHERE ${entries.id} IN (SELECT value FROM json_each(${JSON.stringify(alsoScore)}))`;
    const related = match
      ? sql` UNION SELECT seq FROM (SELECT ${entries.seq} FROM ${entriesFts} JOIN ${entries} ON ${entries.seq} = ${entriesFts.rowid}
            WHERE entries_fts MATCH ${match} AND ${this.scope} ORDER BY ${entriesFts.rowid} DESC LIMIT ${MEANING_POOL})`
      : sql``;
    const pool = sql`${recent} UNION ${byWords}${related}`;
    const rows = await this.db
      .select({ id: entries.id, createdAt: entries.createdAt, revision: entries.revision, vRevision: entryEmbeddings.revision, model: entryEmbeddings.model, vector: entryEmbeddings.vector })
      .from(entries)
      .leftJoin(entryEmbeddings, and(eq(entryEmbeddings.entryId, entries.id), eq(entryEmbeddings.userId, entries.userId)))
      .where(and(sql`${entries.seq} IN (${pool})`, checkOnly(this.scope)));
    // Newest first (sorted here, not in SQL, so that the pool is read entry by entry, never by an index range).
    rows.sort((a, b) => b.createdAt - a.createdAt);
    const q = embedText(text);
    const hits: MeaningHit[] = [];
    const missing: string[] = [];
    for (const row of rows) {
      const vector = row.vRevision === row.revision && row.model === LOCAL_EMBEDDING_MODEL && row.vector ? decodeVector(row.vector) : null;
      if (vector) hits.push({ entryId: row.id, score: cosine(q, vector) });
      else if (missing.length < LAZY_EMBED) missing.push(row.id);
    }
    if (missing.length > 0) {
      const fresh = await this.db
        .select({ id: entries.id, userId: entries.userId, revision: entries.revision, title: entries.title, content: entries.content, safetyLevel: entries.safetyLevel })
        .from(entries)
        .where(and(inArray(entries.id, missing), checkOnly(eq(entries.userId, userId))));
      for (const [entryId, vector] of await storeLocal(this.db, fresh)) hits.push({ entryId, score: cosine(q, decodeVector(vector)!) });
    }
    return topMeaning(hits, topK);
  }

  async upsert(entry: IndexableEntry): Promise<void> {
    await storeLocal(this.db, [entry]);
  }
}

/**
 * The entries whose words match, best first (BM25, title words counting double), at most CANDIDATES,
 * from the most recent WORD_WINDOW matches: FTS5 reads its matches newest first and stops there, so
 * a word every other entry holds costs the same in a long history as in a short one.
 */
function wordHits(db: Database, match: string, scope: SQL) {
  const recent = db
    .select({ entryId: sql<string>`${entries.id}`.as("entry_id"), bm25: sql<number>`bm25(entries_fts, 2.0, 1.0)`.as("bm25") })
    .from(entriesFts)
    .innerJoin(entries, eq(entries.seq, entriesFts.rowid))
    .where(and(sql`entries_fts MATCH ${match}`, scope))
    .orderBy(desc(entriesFts.rowid))
    .limit(WORD_WINDOW)
    .as("recent_matches");
  return db.select({ entryId: recent.entryId, bm25: recent.bm25 }).from(recent).orderBy(sql`recent_matches.bm25`).limit(CANDIDATES);
}

export async function searchMemories(env: MemoryBindings, db: Database, userId: string, query: MemorySearchQuery) {
  const { q, include, limit, ...filters } = query;
  const match = wordsMatch(q);
  if (!match) {
    throw new ApiError(400, "validation_failed", "The search has no words in it.", [{ path: "q", message: "Use at least one word." }]);
  }
  const scope = and(entryConditions(db, userId, filters), include === "all" ? undefined : ne(entries.safetyLevel, "crisis"))!;
  const index: MemoryIndex = vectorizeIndexOf(env) ?? new LocalMemoryIndex(db, scope);
  // The words searched for go to Workers AI's embedding model only with their identifiers hidden.
  const sent = index.kind === "vectorize" ? (await openAiGate(db, userId, [q])).redact(q) : q;
  // The words first: the local index scores the entries they found as well as its own pool.
  const words = await wordHits(db, match, scope);
  const meaning = await index.query(userId, sent, CANDIDATES, words.map((w) => w.entryId));
  const ranked = blend(meaning, words);
  // Vectorize knows nothing of filters, crisis levels or deletions: D1 decides what may be shown.
  const candidates = ranked.slice(0, CANDIDATES);
  const rows = candidates.length === 0 ? [] : await selectEntryViewRows(db, and(inArray(entries.id, candidates.map((c) => c.entryId)), checkOnly(scope))!, candidates.length);
  const byId = new Map(rows.map((r) => [r.entry.id, r]));
  const shown = candidates.filter((c) => byId.has(c.entryId)).slice(0, limit);
  const views = await toEntryViews(db, userId, shown.map((c) => byId.get(c.entryId)!));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    results: shown.map((c, i) => ({ entry: views[i]!, score: round(c.score), meaning: round(c.meaning), words: round(c.words) })),
    index: index.kind,
  };
}

/**
 * Indexes one entry for search by meaning (the insight job calls this for each entry and revision):
 * the local vector always, and Vectorize as well where it is bound. A Vectorize failure is logged and
 * left: the entry is still found by its words, and by meaning once it is next written.
 */
export async function indexEntryMemory(env: MemoryBindings, db: Database, entry: IndexableEntry): Promise<void> {
  await storeLocal(db, [entry]);
  const remote = vectorizeIndexOf(env);
  if (remote) {
    // What Workers AI embeds is the redacted text; a private entry is only taken out (see upsert).
    const sendable = await gateEntry(db, entry.userId, { private: entry.private === true, text: textOf(entry) });
    await remote.upsert(sendable ? { ...entry, title: null, content: sendable.text } : entry).catch((err: unknown) => console.warn("memories: Vectorize upsert failed", err instanceof Error ? err.message : err));
  }
}

