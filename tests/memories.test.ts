// Memories: search by meaning (local index, lazily filled and filled by the insight job; Vectorize
// with stubbed bindings) and On This Day across time zones, with validation, isolation and the
// rule that crisis entries (and, on this day, the lowest days) come back only when asked for.
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { BGE_DIMS } from "../worker/memories/vectorize.ts";
import { embedText, encodeVector, LOCAL_EMBEDDING_MODEL, quantise } from "../worker/memories/embedding.ts";
import type { MemorySearchQuery } from "../worker/schemas/memories.ts";
import { searchMemories } from "../worker/services/memories.ts";
import { lowestValence } from "../worker/services/on-this-day.ts";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";
import { queriesOf } from "./helpers/query-plans.ts";
import { deliver } from "./queues/helpers.ts";

beforeEach(() => {
  // Jobs are not delivered in the background: each test says when the job runs.
  vi.spyOn(env.INSIGHT_JOBS, "send").mockResolvedValue(undefined as never);
  vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockResolvedValue(undefined as never);
});
afterEach(() => vi.restoreAllMocks());

const search = async (token: string, query: string) => {
  const res = await call("GET", `/api/memories/search?${query}`, { token });
  expect(res.status).toBe(200);
  return json(res);
};
const ids = (body: { results: { entry: { id: string } }[] }) => body.results.map((r) => r.entry.id);
const setCreated = (id: string, iso: string) => env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.parse(iso), id).run();
const setLevel = (id: string, level: string) => env.DB.prepare("UPDATE entries SET safety_level = ? WHERE id = ?").bind(level, id).run();
const embeddingOf = (id: string) => env.DB.prepare("SELECT revision, model FROM entry_embeddings WHERE entry_id = ?").bind(id).first<{ revision: number; model: string }>();

describe("GET /api/memories/search", () => {
  it("finds an entry by its meaning when it shares no word with the query", async () => {
    const user = await registerUser();
    const harbour = await createEntry(user.token, { content: "Walked by the harbour after dinner and felt better." });
    await createEntry(user.token, { content: "Spreadsheet errors all afternoon and a tense meeting with finance." });
    await createEntry(user.token, { content: "Bought new curtains for the bedroom." });
    const body = await search(user.token, `q=${encodeURIComponent("the time I felt calm by the sea")}`);
    expect(body.index).toBe("local");
    expect(ids(body)[0]).toBe(harbour.id);
    expect(body.results[0].meaning).toBeGreaterThan(0);
    // The plain word search finds nothing for the same words.
    const words = await call("GET", `/api/entries/search?q=${encodeURIComponent("calm by the sea")}`, { token: user.token });
    expect((await json(words)).results).toHaveLength(0);
  });

  it("ranks an entry that also shares the words above one that only shares the meaning", async () => {
    const user = await registerUser();
    const meaning = await createEntry(user.token, { content: "Sat on the sand watching the waves." });
    const both = await createEntry(user.token, { content: "A day at the beach, watching the waves on the sand." });
    expect(ids(await search(user.token, "q=beach%20waves")).slice(0, 2)).toEqual([both.id, meaning.id]);
  });

  it("embeds entries the job has not reached, and follows edits", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "Baked sourdough bread for the first time." });
    expect(await embeddingOf(entry.id)).toBeNull();
    expect(ids(await search(user.token, "q=baking"))).toEqual([entry.id]);
    expect(await embeddingOf(entry.id)).toMatchObject({ revision: 1, model: "tideline-hashed-v1" });
    await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "Argued with my landlord about the deposit." } });
    expect(ids(await search(user.token, "q=baking"))).toEqual([]);
    expect((await embeddingOf(entry.id))?.revision).toBe(2);
  });

  it("the insight job writes the entry's vector for its revision", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "Long swim in the lake, cold and wonderful." });
    await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
    expect(await embeddingOf(entry.id)).toMatchObject({ revision: 1, model: "tideline-hashed-v1" });
  });

  it("scores a bounded pool however long the history: an old entry is found by its concepts past a hundred newer ones", async () => {
    const user = await registerUser();
    const db = getDb(env);
    // 150 entries with their vectors, written as the insight job leaves them; the oldest is the sea.
    const insert = (id: string, content: string, at: number) =>
      env.DB.prepare("INSERT INTO entries (id, user_id, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?)").bind(id, user.id, content, at, at);
    const vector = (id: string, content: string) =>
      env.DB.prepare("INSERT INTO entry_embeddings (entry_id, user_id, revision, model, vector, created_at) VALUES (?, ?, 1, ?, ?, 0)").bind(
        id,
        user.id,
        LOCAL_EMBEDDING_MODEL,
        encodeVector(quantise(embedText(content))),
      );
    const start = Date.parse("2025-01-01T09:00:00Z");
    const rows = Array.from({ length: 150 }, (_, i) => ({
      id: crypto.randomUUID(),
      content: i === 0 ? "Walked by the harbour after dinner and felt better." : `Spreadsheet number ${i} for the quarterly report, then the bus home.`,
      at: start + i * 86_400_000,
    }));
    await env.DB.batch(rows.flatMap((r) => [insert(r.id, r.content, r.at), vector(r.id, r.content)]));
    let body: Awaited<ReturnType<typeof searchMemories>> | undefined;
    const sent = await queriesOf(async () => {
      body = await searchMemories(env, db, user.id, { q: "the time I felt calm by the sea", limit: 5 } as MemorySearchQuery);
    });
    expect(body?.results[0]?.entry.id).toBe(rows[0]!.id);
    // The vectors come from the pool (the concept matches and the 100 most recent), entry by entry.
    const read = sent.find((q) => q.sql.includes("entry_embeddings") && q.sql.includes("entries_fts"))!;
    expect(read).toBeDefined();
    // The outer loop is the pool, entry by entry: never the person's index (which grows with them).
    expect(read.steps[0]).toMatch(/SEARCH entries USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(read.detail).not.toMatch(/SCAN entries\b/);
    // The results are read by their ids, the same way.
    const shown = sent.find((q) => q.sql.includes("json_group_array") && q.sql.includes(" in ("))!;
    expect(shown.steps[0]).toMatch(/SEARCH entries USING INDEX sqlite_autoindex_entries_1 \(id=\?\)/);
  });

  it("never shows another person's entries", async () => {
    const [me, other] = await Promise.all([registerUser(), registerUser()]);
    await createEntry(other.token, { content: "Walked along the beach at sunset, so peaceful." });
    const mine = await createEntry(me.token, { content: "Quiet evening by the coast." });
    for (const q of ["beach", "peaceful%20sea", "sunset"]) {
      for (const include of ["default", "all"]) expect(ids(await search(me.token, `q=${q}&include=${include}`))).toEqual(ids(await search(me.token, `q=${q}&include=${include}`)).filter((id: string) => id === mine.id));
    }
    expect(ids(await search(me.token, "q=beach%20sunset"))).toEqual([mine.id]);
  });

  it("leaves crisis entries out unless the person asks for them", async () => {
    const user = await registerUser();
    const hard = await createEntry(user.token, { content: "The night on the bridge by the river." });
    await setLevel(hard.id, "crisis");
    const ordinary = await createEntry(user.token, { content: "Walked along the river with my sister." });
    expect(ids(await search(user.token, "q=river"))).toEqual([ordinary.id]);
    expect(ids(await search(user.token, "q=river&include=all")).sort()).toEqual([hard.id, ordinary.id].sort());
  });

  it("validates the query with the one error envelope", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/memories/search", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/memories/search?q=%20%20", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", `/api/memories/search?q=${"a".repeat(201)}`, { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/memories/search?q=%21%3F", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/memories/search?q=sea&include=everything", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/memories/search?q=sea"), 401);
  });
});

describe("search by meaning with Vectorize", () => {
  it("embeds the query with bge-small, filters Vectorize by the person, and lets D1 decide what is shown", async () => {
    const [me, other] = await Promise.all([registerUser(), registerUser()]);
    const mine = await createEntry(me.token, { content: "Evening stroll on the seafront." });
    const hard = await createEntry(me.token, { content: "Another entry of mine." });
    await setLevel(hard.id, "crisis");
    const theirs = await createEntry(other.token, { content: "Someone else's seaside day." });
    const run = vi.spyOn(env.AI, "run").mockResolvedValue({ shape: [1, BGE_DIMS], data: [Array.from({ length: BGE_DIMS }, () => 0.01)] } as never);
    const query = vi.fn(async () => ({ count: 3, matches: [{ id: theirs.id, score: 0.9 }, { id: hard.id, score: 0.8 }, { id: mine.id, score: 0.7 }] }));
    const vectorize = { query, upsert: vi.fn(), deleteByIds: vi.fn() } as unknown as Vectorize;
    const body = await searchMemories({ ...env, AI_PROVIDER: "workers-ai", MEMORIES: vectorize }, getDb(env), me.id, { q: "calm by the sea", include: "default", limit: 10 });
    expect(body.index).toBe("vectorize");
    expect(body.results.map((r) => r.entry.id)).toEqual([mine.id]);
    expect(run).toHaveBeenCalledWith("@cf/baai/bge-small-en-v1.5", { text: ["calm by the sea"] });
    expect(query).toHaveBeenCalledWith(expect.any(Array), expect.objectContaining({ filter: { user_id: me.id } }));
  });

  it("refuses a malformed model answer rather than querying with it", async () => {
    const user = await registerUser();
    vi.spyOn(env.AI, "run").mockResolvedValue({ data: [[1, 2, 3]] } as never);
    const vectorize = { query: vi.fn(), upsert: vi.fn(), deleteByIds: vi.fn() } as unknown as Vectorize;
    await expect(searchMemories({ ...env, AI_PROVIDER: "workers-ai", MEMORIES: vectorize }, getDb(env), user.id, { q: "sea", include: "default", limit: 10 })).rejects.toThrow();
    expect(vectorize.query).not.toHaveBeenCalled();
  });

  it("the job upserts the entry with the person's id, and never sends a crisis entry to the model", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "Picked blackberries by the canal." });
    const hard = await createEntry(user.token, { content: "A very dark night." });
    await setLevel(hard.id, "crisis");
    const run = vi.spyOn(env.AI, "run").mockResolvedValue({ data: [Array.from({ length: BGE_DIMS }, () => 0.02)] } as never);
    const upsert = vi.fn(async () => ({ mutationId: "m" }));
    const deleteByIds = vi.fn(async () => ({ mutationId: "d" }));
    const withIndex = { ...env, MEMORIES: { query: vi.fn(), upsert, deleteByIds } as unknown as Vectorize };
    const { indexEntryMemory } = await import("../worker/services/memories.ts");
    const row = (id: string, level: "none" | "crisis") => ({ id, userId: user.id, revision: 1, title: null, content: "text", safetyLevel: level });
    await indexEntryMemory({ ...withIndex, AI_PROVIDER: "workers-ai" }, getDb(env), row(entry.id, "none"));
    await indexEntryMemory({ ...withIndex, AI_PROVIDER: "workers-ai" }, getDb(env), row(hard.id, "crisis"));
    expect(upsert).toHaveBeenCalledWith([{ id: entry.id, values: expect.any(Array), metadata: { user_id: user.id, revision: 1 } }]);
    expect(upsert).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(deleteByIds).toHaveBeenCalledWith([hard.id]);
  });
});

describe("deleted entries leave the production index", () => {
  it("takes a deleted entry's vector, and a deleted account's, out of Vectorize (and nothing without it)", async () => {
    const user = await registerUser();
    const one = await createEntry(user.token, { content: "Swam in the cold sea at dawn." });
    const two = await createEntry(user.token, { content: "Baked bread with my sister." });
    const deleteByIds = vi.fn(async () => ({ mutationId: "d" }));
    const withIndex = { ...env, AI_PROVIDER: "workers-ai", MEMORIES: { query: vi.fn(), upsert: vi.fn(), deleteByIds } as unknown as Vectorize };
    const { deleteEntry } = await import("../worker/services/entries.ts");
    await deleteEntry(withIndex, getDb(env), user.id, one.id);
    expect(deleteByIds).toHaveBeenCalledWith([one.id]);
    // Without the binding (as locally) nothing is called and the delete still happens.
    await deleteEntry({ ...env, AI_PROVIDER: "local" }, getDb(env), user.id, two.id);
    expect(deleteByIds).toHaveBeenCalledTimes(1);

    const other = await registerUser();
    const kept = await createEntry(other.token, { content: "A walk by the river." });
    const gone = await createEntry(other.token, { content: "Tea with an old friend." });
    const { deleteAccountData } = await import("../worker/services/account-deletion.ts");
    await deleteAccountData(withIndex, other.id);
    expect(deleteByIds).toHaveBeenLastCalledWith(expect.arrayContaining([kept.id, gone.id]));
    expect(await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(other.id).first("n")).toBe(0);
  });
});

describe("GET /api/memories/on-this-day", () => {
  const onThisDay = async (token: string, query = "") => {
    const res = await call("GET", `/api/memories/on-this-day${query}`, { token });
    expect(res.status).toBe(200);
    return json(res);
  };

  it("finds the same date in earlier years, in the person's time zone", async () => {
    const user = await registerUser();
    expect((await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Pacific/Auckland" } })).status).toBe(200);
    // 23:30 UTC on 14 March is the morning of 15 March in Auckland.
    const late = await createEntry(user.token, { content: "Breakfast on the deck, sun on my face." });
    await setCreated(late.id, "2024-03-14T23:30:00Z");
    const twoYears = await createEntry(user.token, { content: "Coffee with Sam." });
    await setCreated(twoYears.id, "2023-03-15T02:00:00Z");
    const otherDay = await createEntry(user.token, { content: "A day before, in Auckland." });
    await setCreated(otherDay.id, "2024-03-14T09:00:00Z");
    const body = await onThisDay(user.token, "?date=2025-03-15");
    expect(body.date).toBe("2025-03-15");
    expect(body.memories.map((m: { years_ago: number; entry: { id: string } }) => [m.entry.id, m.years_ago])).toEqual([
      [late.id, 1],
      [twoYears.id, 2],
    ]);
    expect((await onThisDay(user.token, "?date=2025-03-14")).memories.map((m: { entry: { id: string } }) => m.entry.id)).toEqual([otherDay.id]);
    // Today, by default, in their time zone.
    expect((await onThisDay(user.token)).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("leaves out crisis entries and the lowest days unless include=all", async () => {
    const user = await registerUser();
    const good = await createEntry(user.token, { content: "Picnic in the park with everyone, such a happy day." });
    const crisis = await createEntry(user.token, { content: "Everything went dark." });
    const concern = await createEntry(user.token, { content: "Nothing matters much." });
    const lowest = await createEntry(user.token, { content: "Cried all evening." });
    for (const e of [good, crisis, concern, lowest]) await setCreated(e.id, "2024-06-01T12:00:00Z");
    await setLevel(crisis.id, "crisis");
    await setLevel(concern.id, "concern");
    await env.DB.prepare("UPDATE entries SET valence = -0.9 WHERE id = ?").bind(lowest.id).run();
    await env.DB.prepare("UPDATE entries SET valence = 0.8 WHERE id = ?").bind(good.id).run();
    // Other days give the person's history a spread, so that -0.9 is in their bottom tenth.
    for (let i = 0; i < 9; i++) {
      const e = await createEntry(user.token, { content: `An ordinary day, number ${i}.` });
      await env.DB.prepare("UPDATE entries SET valence = ?, created_at = ? WHERE id = ?").bind(0.1 * i - 0.2, Date.parse("2025-01-10T12:00:00Z") + i, e.id).run();
    }
    const shown = (body: { memories: { entry: { id: string } }[] }) => body.memories.map((m) => m.entry.id).sort();
    expect(shown(await onThisDay(user.token, "?date=2025-06-01"))).toEqual([good.id]);
    expect(shown(await onThisDay(user.token, "?date=2025-06-01&include=all"))).toEqual([good.id, crisis.id, concern.id, lowest.id].sort());
  });

  it("finds where the bottom tenth ends from the valence bins, within half a bin of the exact rank, never reading the entries", async () => {
    const user = await registerUser();
    const valences = Array.from({ length: 31 }, (_, i) => Math.round((Math.sin(i * 1.7) * 0.95) * 1000) / 1000);
    for (const [i, valence] of valences.entries()) {
      const e = await createEntry(user.token, { content: `Day ${i}, written down.` });
      await env.DB.prepare("UPDATE entries SET valence = ? WHERE id = ?").bind(valence, e.id).run();
    }
    // Whatever the analysis stored for the crisis-free entries above is replaced, so these are all.
    const sorted = [...valences].sort((a, b) => a - b);
    const exact = sorted[Math.floor((sorted.length - 1) * 0.1)]!;
    let found = 0;
    const plans = await queriesOf(async () => (found = await lowestValence(getDb(env), user.id)));
    expect(found).toBeGreaterThanOrEqual(exact);
    expect(found).toBeLessThanOrEqual(exact + 0.05);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.detail).toMatch(/valence_bins/);
    expect(plans[0]!.detail).not.toMatch(/\b(?:SCAN|SEARCH) entries\b/);
  });

  it("shows only the person's own entries, and answers an empty list when there is nothing", async () => {
    const [me, other] = await Promise.all([registerUser(), registerUser()]);
    const theirs = await createEntry(other.token, { content: "Their memory." });
    await setCreated(theirs.id, "2024-08-20T12:00:00Z");
    expect((await onThisDay(me.token, "?date=2025-08-20&include=all")).memories).toEqual([]);
    expect((await onThisDay(other.token, "?date=2025-08-20")).memories).toHaveLength(1);
  });

  it("looks back to 29 February only in leap years, and validates the date", async () => {
    const user = await registerUser();
    const leap = await createEntry(user.token, { content: "Leap day walk." });
    await setCreated(leap.id, "2020-02-29T12:00:00Z");
    expect((await onThisDay(user.token, "?date=2024-02-29")).memories.map((m: { years_ago: number }) => m.years_ago)).toEqual([4]);
    expect((await onThisDay(user.token, "?date=2025-02-28")).memories).toEqual([]);
    await expectError(await call("GET", "/api/memories/on-this-day?date=2025-13-01", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/memories/on-this-day?include=some", { token: user.token }), 400, "validation_failed");
  });
});
