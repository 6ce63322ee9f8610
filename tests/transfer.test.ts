// Export in three formats, streamed as a download, and import of the JSON export back.
import { describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";

async function seed(token: string) {
  const res = await call("POST", "/api/settings/categories", { token, body: { name: "Health", color: "#22aa66" } });
  const health = await json(res);
  await createEntry(token, { content: "Ran 5k, felt strong.", title: "Run", tags: ["run", "morning"], category_id: health.id });
  await createEntry(token, { content: '=SUM(A1) and a "quote", with commas' });
  await createEntry(token, { content: "Plain day." });
}

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
    expect(await json(res)).toEqual({ created: 3, skipped_duplicates: 0 });

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
    expect(await json(await call("POST", "/api/entries/import", { token: user.token, body: file }))).toEqual({ created: 0, skipped_duplicates: 3 });
    const withDuplicateInside = { ...file, entries: [...file.entries, file.entries[0]] };
    const other = await registerUser();
    expect(await json(await call("POST", "/api/entries/import", { token: other.token, body: withDuplicateInside }))).toEqual({ created: 3, skipped_duplicates: 1 });
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
