// Export in three formats, streamed as a download, and import of the JSON export back.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { graphFor } from "../worker/services/graph.ts";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";

async function seed(token: string) {
  const res = await call("POST", "/api/settings/categories", { token, body: { name: "Health", color: "#22aa66" } });
  const health = await json(res);
  await createEntry(token, { content: "Ran 5k, felt strong.", title: "Run", tags: ["run", "morning"], category_id: health.id });
  await createEntry(token, { content: '=SUM(A1) and a "quote", with commas' });
  await createEntry(token, { content: "Plain day." });
}

/** The answer to importing a Tideline export: it is refused whole or taken whole, so nothing is rejected. */
const imported = (created: number, skipped: number) => ({ format: "tideline", created, skipped_duplicates: skipped, rejected: 0, rejections: [], warnings: [] });

const comparable = (entries: Array<Record<string, any>>) =>
  entries
    .map((e) => ({ title: e.title, content: e.content, tags: e.tags, category: e.category?.name ?? e.category ?? null, created_at: e.created_at }))
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.content.localeCompare(b.content));

describe("GET /api/entries/export", () => {
  it("streams a complete JSON file with a download name", async () => {
    const user = await registerUser();
    await seed(user.token);
    const res = await call("GET", "/api/entries/export?format=json", { token: user.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="tideline-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = await json(res);
    expect(file).toMatchObject({ format: "tideline-export", version: 1, categories: [{ name: "Health", color: "#22aa66" }] });
    expect(file.entries).toHaveLength(3);
    expect(file.entries.find((e: { title: string }) => e.title === "Run")).toMatchObject({ tags: ["morning", "run"], category: "Health" });
  });

  it("exports more entries than one page without losing any", async () => {
    const user = await registerUser();
    const entries = Array.from({ length: 120 }, (_, i) => ({ content: `entry number ${i}`, created_at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), tags: [] }));
    await call("POST", "/api/entries/import", { token: user.token, body: { format: "tideline-export", version: 1, entries } });
    const file = await json(await call("GET", "/api/entries/export", { token: user.token }));
    expect(file.entries).toHaveLength(120);
    expect(new Set(file.entries.map((e: { content: string }) => e.content)).size).toBe(120);
  });

  it("exports Markdown and CSV (formulas defused, quotes escaped)", async () => {
    const user = await registerUser();
    await seed(user.token);
    const md = await call("GET", "/api/entries/export?format=markdown", { token: user.token });
    expect(md.headers.get("content-disposition")).toContain(".md");
    const text = await md.text();
    expect(text).toMatch(/^# Tideline journal/);
    expect(text).toContain("— Run");
    expect(text).toContain("*Tags: morning, run · Category: Health · Activities: run*");

    const csv = await call("GET", "/api/entries/export?format=csv", { token: user.token });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,created_at,updated_at,title,content,tags,category,safety_level,activities,people");
    expect(lines).toHaveLength(4);
    expect(lines.join("\n")).toContain(`"'=SUM(A1) and a ""quote"", with commas"`);
  });

  it("validates the format and needs authentication", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/entries/export?format=pdf", { token: user.token }), 400);
    await expectError(await call("GET", "/api/entries/export"), 401);
  });
});

describe("POST /api/entries/import", () => {
  it("export then import into a fresh account reproduces entries, tags and categories", async () => {
    const source = await registerUser();
    await seed(source.token);
    const file = await json(await call("GET", "/api/entries/export?format=json", { token: source.token }));

    const target = await registerUser();
    const res = await call("POST", "/api/entries/import", { token: target.token, body: file });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(imported(3, 0));

    const before = (await json(await call("GET", "/api/entries", { token: source.token }))).entries;
    const after = (await json(await call("GET", "/api/entries", { token: target.token }))).entries;
    expect(comparable(after)).toEqual(comparable(before));
    const categories = (await json(await call("GET", "/api/settings/categories", { token: target.token }))).categories;
    expect(categories).toMatchObject([{ name: "Health", color: "#22aa66", entry_count: 1 }]);
    const tags = (await json(await call("GET", "/api/tags", { token: target.token }))).tags;
    expect(tags).toEqual([{ name: "morning", count: 1 }, { name: "run", count: 1 }]);
  });

  it("skips duplicates: importing the same file twice creates nothing the second time", async () => {
    const user = await registerUser();
    await seed(user.token);
    const file = await json(await call("GET", "/api/entries/export", { token: user.token }));
    expect(await json(await call("POST", "/api/entries/import", { token: user.token, body: file }))).toEqual(imported(0, 3));
    const withDuplicateInside = { ...file, entries: [...file.entries, file.entries[0]] };
    const other = await registerUser();
    expect(await json(await call("POST", "/api/entries/import", { token: other.token, body: withDuplicateInside }))).toEqual(imported(3, 1));
  });

  it("refuses an invalid file as a whole and stores nothing", async () => {
    const user = await registerUser();
    const bad = {
      format: "tideline-export",
      version: 1,
      entries: [
        { content: "fine", created_at: "2025-01-01T00:00:00Z" },
        { content: "x".repeat(20_001), created_at: "2025-01-02T00:00:00Z" },
      ],
    };
    const error = await expectError(await call("POST", "/api/entries/import", { token: user.token, body: bad }), 400);
    expect(error.details![0]!.path).toBe("entries.1.content");
    await expectError(await call("POST", "/api/entries/import", { token: user.token, body: { format: "other", version: 1, entries: [] } }), 400);
    expect((await json(await call("GET", "/api/entries", { token: user.token }))).entries).toHaveLength(0);
  });

  it("needs authentication", async () => {
    await expectError(await call("POST", "/api/entries/import", { body: { format: "tideline-export", version: 1, entries: [] } }), 401);
  });
});

describe("POST /api/entries/import refuses what the routes refuse, up front (review findings)", () => {
  const file = (entries: unknown[], categories: unknown[] = []) => ({ format: "tideline-export", version: 1, categories, entries });
  const nothingStored = async (user: TestUser) => {
    expect((await json(await call("GET", "/api/entries", { token: user.token }))).entries).toEqual([]);
    expect((await json(await call("GET", "/api/settings/categories", { token: user.token }))).categories).toEqual([]);
    expect(await graphFor(env, user.id).stateCount()).toBe(0);
  };

  it("answers 400 for times before 1970 (years 1969, 0999, 0000) or in the future, storing nothing", async () => {
    const user = await registerUser();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    for (const [field, time] of [
      ["created_at", "1969-12-31T23:59:59Z"],
      ["created_at", "0999-06-15T12:00:00Z"],
      ["created_at", "0000-01-01T00:00:00Z"],
      ["created_at", future],
      ["updated_at", "0999-06-15T12:00:00Z"],
    ] as const) {
      const entry = { content: `written at ${time}`, created_at: "2025-01-01T00:00:00Z", [field]: time };
      const res = await call("POST", "/api/entries/import", { token: user.token, body: file([{ content: "fine", created_at: "2025-01-02T00:00:00Z" }, entry], [{ name: "Old" }]) });
      const error = await expectError(res, 400, "validation_failed");
      expect(error.details!.map((d) => d.path)).toEqual([`entries.1.${field}`]);
    }
    await nothingStored(user);
    // The same entries with sane times go in, and reach the graph.
    const ok = await call("POST", "/api/entries/import", { token: user.token, body: file([{ content: "fine", created_at: "1970-01-01T00:00:00Z" }]) });
    expect(await json(ok)).toEqual(imported(1, 0));
    expect(await graphFor(env, user.id).stateCount()).toBe(1);
  });

  it("validates a category's colour and an entry's content exactly like the category and entry routes", async () => {
    const user = await registerUser();
    const badColour = file([{ content: "fine", created_at: "2025-01-01T00:00:00Z" }], [{ name: "Links", color: "javascript:alert(1)" }]);
    const colourError = await expectError(await call("POST", "/api/entries/import", { token: user.token, body: badColour }), 400, "validation_failed");
    expect(colourError.details!.map((d) => d.path)).toEqual(["categories.0.color"]);
    const routeError = await expectError(await call("POST", "/api/settings/categories", { token: user.token, body: { name: "Links", color: "javascript:alert(1)" } }), 400);
    expect(colourError.details![0]!.message).toBe(routeError.details![0]!.message);

    const blank = file([{ content: " \n\t ", created_at: "2025-01-01T00:00:00Z" }]);
    const blankError = await expectError(await call("POST", "/api/entries/import", { token: user.token, body: blank }), 400, "validation_failed");
    expect(blankError.details!.map((d) => d.path)).toEqual(["entries.0.content"]);
    const entryError = await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: " \n\t " } }), 400);
    expect(blankError.details![0]!.message).toBe(entryError.details![0]!.message);
    await nothingStored(user);
  });
});

describe("POST /api/entries/import is all-or-nothing per batch across D1, the graph and the queue", () => {
  afterEach(() => vi.restoreAllMocks());

  const entries = (n: number, label: string) =>
    Array.from({ length: n }, (_, i) => ({ content: `${label} entry ${i}: a calm walk by the river.`, created_at: new Date(Date.UTC(2025, 2, 1, 0, i)).toISOString() }));
  const importFile = (user: TestUser, list: unknown[]) =>
    call("POST", "/api/entries/import", { token: user.token, body: { format: "tideline-export", version: 1, entries: list } });
  const stored = async (userId: string) => ({
    entries: (await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(userId).first<{ n: number }>())!.n,
    pending: (await env.DB.prepare("SELECT count(*) AS n FROM insights WHERE user_id = ?").bind(userId).first<{ n: number }>())!.n,
    states: await graphFor(env, userId).stateCount(),
  });

  it("a queue that refuses the jobs leaves no entry, insight or graph state behind; importing again creates them all", async () => {
    const user = await registerUser();
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockRejectedValueOnce(new Error("queue unavailable"));
    await expectError(await importFile(user, entries(3, "queue")), 500, "internal_error");
    expect(await stored(user.id)).toEqual({ entries: 0, pending: 0, states: 0 });

    expect(await json(await importFile(user, entries(3, "queue")))).toEqual(imported(3, 0));
    expect(await stored(user.id)).toEqual({ entries: 3, pending: 3, states: 3 });
  });

  it("a graph that fails leaves no entry behind", async () => {
    const user = await registerUser();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const realGet = env.EMOTIONAL_GRAPH.get.bind(env.EMOTIONAL_GRAPH);
    vi.spyOn(env.EMOTIONAL_GRAPH, "get").mockImplementation((id, options) => {
      const stub = realGet(id, options);
      return new Proxy(stub, {
        get: (target, prop) => (prop === "recordStates" ? () => Promise.reject(new Error("graph unavailable")) : Reflect.get(target, prop)),
      });
    });
    await expectError(await importFile(user, entries(3, "graph")), 500, "internal_error");
    vi.restoreAllMocks();
    expect(await stored(user.id)).toEqual({ entries: 0, pending: 0, states: 0 });
    expect(await json(await importFile(user, entries(3, "graph")))).toEqual(imported(3, 0));
  });

  it("a failure in a later batch keeps the earlier batches whole, and importing again adds only the rest", async () => {
    const user = await registerUser();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const send = env.INSIGHT_JOBS.sendBatch.bind(env.INSIGHT_JOBS);
    vi.spyOn(env.INSIGHT_JOBS, "sendBatch")
      .mockImplementationOnce(send)
      .mockRejectedValueOnce(new Error("queue unavailable"));
    const list = entries(45, "batched");
    await expectError(await importFile(user, list), 500);
    const first = await stored(user.id);
    expect(first.entries).toBeGreaterThan(0);
    expect(first.entries).toBeLessThan(45);
    expect(first).toEqual({ entries: first.entries, pending: first.entries, states: first.entries });

    expect(await json(await importFile(user, list))).toEqual(imported(45 - first.entries, first.entries));
    expect(await stored(user.id)).toEqual({ entries: 45, pending: 45, states: 45 });
  });
});
