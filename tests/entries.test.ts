// Journal entries: writing, reading, listing with cursors and filters, replacing, patching, deleting.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";

const storedEntry = (id: string) => env.DB.prepare("SELECT * FROM entries WHERE id = ?").bind(id).first<Record<string, unknown>>();

async function category(token: string, name: string) {
  const res = await call("POST", "/api/settings/categories", { token, body: { name } });
  expect(res.status).toBe(201);
  return json(res);
}

describe("POST /api/entries", () => {
  it("stores the entry with tags (normalised, de-duplicated) and its category", async () => {
    const user = await registerUser();
    const work = await category(user.token, "Work");
    const entry = await createEntry(user.token, {
      content: "A long day, but the team pulled together.",
      title: "Thursday",
      tags: ["Work", " team ", "work"],
      category_id: work.id,
    });
    expect(entry).toMatchObject({
      title: "Thursday",
      content: "A long day, but the team pulled together.",
      tags: ["team", "work"],
      category: { id: work.id, name: "Work" },
      revision: 1,
    });
    // Every entry is understood emotionally at once.
    expect(entry.mood).toMatchObject({ primary_emotion: expect.any(String), is_positive: expect.any(Boolean), valence: expect.any(Number) });
    expect(Date.parse(entry.created_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await storedEntry(entry.id)).toMatchObject({ user_id: user.id, revision: 1 });
  });

  it("accepts exactly 20,000 characters and refuses 20,001 with 400", async () => {
    const user = await registerUser();
    await createEntry(user.token, { content: "a".repeat(20_000) });
    const error = await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: "a".repeat(20_001) } }), 400);
    expect(error.details).toEqual([{ path: "content", message: expect.stringContaining("20,000") }]);
  });

  it("refuses empty content, bad tags and unknown fields' wrong types with field paths", async () => {
    const user = await registerUser();
    const error = await expectError(
      await call("POST", "/api/entries", { token: user.token, body: { content: "   ", tags: ["ok", "", "a,b"], category_id: "nope" } }),
      400,
      "validation_failed",
    );
    expect([...new Set(error.details!.map((d) => d.path))].sort()).toEqual(["category_id", "content", "tags.1", "tags.2"]);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("answers 404 for a category that does not exist, and stores nothing", async () => {
    const user = await registerUser();
    await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: "x", category_id: crypto.randomUUID() } }), 404);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("needs authentication", async () => {
    await expectError(await call("POST", "/api/entries", { body: { content: "hello" } }), 401);
  });
});

describe("GET /api/entries", () => {
  it("pages newest first with an opaque cursor and no overlaps", async () => {
    const user = await registerUser();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createEntry(user.token, { content: `entry ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : "?limit=3";
      const page = await json(await call("GET", `/api/entries${query}`, { token: user.token }));
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e: { id: string }) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it("filters by tag, category and date range", async () => {
    const user = await registerUser();
    const home = await category(user.token, "Home");
    const walk = await createEntry(user.token, { content: "walked", tags: ["walk"] });
    const cooked = await createEntry(user.token, { content: "cooked", category_id: home.id });
    await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.parse("2025-01-15T10:00:00Z"), walk.id).run();

    const ids = async (query: string) =>
      (await json(await call("GET", `/api/entries?${query}`, { token: user.token }))).entries.map((e: { id: string }) => e.id);
    expect(await ids("tag=walk")).toEqual([walk.id]);
    expect(await ids("tag=WALK")).toEqual([walk.id]);
    expect(await ids(`category_id=${home.id}`)).toEqual([cooked.id]);
    expect(await ids("from=2025-01-01&to=2025-01-15")).toEqual([walk.id]);
    expect(await ids("to=2025-01-14")).toEqual([]);
    expect(await ids("from=2025-01-16T00:00:00Z")).toEqual([cooked.id]);
    await env.DB.prepare("UPDATE entries SET primary_emotion = 'joy' WHERE id = ?").bind(walk.id).run();
    await env.DB.prepare("UPDATE entries SET primary_emotion = 'sadness' WHERE id = ?").bind(cooked.id).run();
    expect(await ids("emotion=joy")).toEqual([walk.id]);
    expect(await ids("emotion=sadness&tag=walk")).toEqual([]);
  });

  it("refuses bad filters and cursors with 400", async () => {
    const user = await registerUser();
    for (const query of ["limit=0", "limit=51", "from=yesterday", "cursor=%%%", "cursor=bm90LWEtY3Vyc29y", "category_id=1", "from=2025-02-01&to=2025-01-01", "emotion=bliss"]) {
      await expectError(await call("GET", `/api/entries?${query}`, { token: user.token }), 400);
    }
  });

  it("needs authentication", async () => {
    await expectError(await call("GET", "/api/entries"), 401);
  });
});

describe("GET, PUT, PATCH, DELETE /api/entries/:id", () => {
  it("reads one entry", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "read me", tags: ["a"] });
    const res = await call("GET", `/api/entries/${entry.id}`, { token: user.token });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(entry);
  });

  it("PUT replaces every field, bumps the revision and clears what was left out", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "first", title: "T", tags: ["a", "b"] });
    const res = await call("PUT", `/api/entries/${entry.id}`, { token: user.token, body: { content: "second", tags: ["c"] } });
    expect(res.status).toBe(200);
    const updated = await json(res);
    expect(updated).toMatchObject({ content: "second", title: null, tags: ["c"], revision: 2 });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(entry.updated_at));
    expect(updated.created_at).toBe(entry.created_at);
  });

  it("PATCH changes only the fields sent", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "keep me", title: "Old", tags: ["a"] });
    const updated = await json(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { title: "New" } }));
    expect(updated).toMatchObject({ content: "keep me", title: "New", tags: ["a"], revision: 2 });
    const again = await json(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { tags: [] } }));
    expect(again).toMatchObject({ tags: [], revision: 3 });
  });

  it("a failed edit changes nothing", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "original", tags: ["keep"] });
    await expectError(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: {} }), 400);
    await expectError(await call("PUT", `/api/entries/${entry.id}`, { token: user.token, body: { content: "" } }), 400);
    await expectError(
      await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "new", category_id: crypto.randomUUID() } }),
      404,
    );
    expect(await json(await call("GET", `/api/entries/${entry.id}`, { token: user.token }))).toEqual(entry);
  });

  it("DELETE removes the entry and its tag links", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "bye", tags: ["gone"] });
    expect((await call("DELETE", `/api/entries/${entry.id}`, { token: user.token })).status).toBe(204);
    await expectError(await call("GET", `/api/entries/${entry.id}`, { token: user.token }), 404);
    await expectError(await call("DELETE", `/api/entries/${entry.id}`, { token: user.token }), 404);
    const links = await env.DB.prepare("SELECT count(*) AS n FROM entry_tags WHERE entry_id = ?").bind(entry.id).first<{ n: number }>();
    expect(links!.n).toBe(0);
  });

  it("answers 400 for an id that is not a UUID and 404 for an unknown one", async () => {
    const user = await registerUser();
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const body = method === "GET" || method === "DELETE" ? undefined : { content: "x" };
      await expectError(await call(method, "/api/entries/not-a-uuid", { token: user.token, body }), 400);
      await expectError(await call(method, `/api/entries/${crypto.randomUUID()}`, { token: user.token, body }), 404);
    }
  });

  it("needs authentication", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "mine" });
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      await expectError(await call(method, `/api/entries/${entry.id}`, { body: method === "PUT" || method === "PATCH" ? { content: "x" } : undefined }), 401);
    }
  });
});
