// Every person's data is theirs alone: another person's ids answer 404, and lists, search and
// export never show another person's rows.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";

let owner: TestUser;
let intruder: TestUser;
let entryId: string;
let categoryId: string;

beforeAll(async () => {
  owner = await registerUser();
  intruder = await registerUser();
  categoryId = (await json(await call("POST", "/api/settings/categories", { token: owner.token, body: { name: "Private" } }))).id;
  entryId = (await createEntry(owner.token, { content: "my secret albatross", tags: ["secret"], category_id: categoryId })).id;
});

describe("routes that take an id answer 404 to someone else", () => {
  const cases: [string, () => string, unknown?][] = [
    ["GET", () => `/api/entries/${entryId}`],
    ["PUT", () => `/api/entries/${entryId}`, { content: "hijacked" }],
    ["PATCH", () => `/api/entries/${entryId}`, { content: "hijacked" }],
    ["DELETE", () => `/api/entries/${entryId}`],
    ["PATCH", () => `/api/settings/categories/${categoryId}`, { name: "Mine now" }],
    ["DELETE", () => `/api/settings/categories/${categoryId}`],
  ];
  for (const [method, path, body] of cases) {
    it(`${method} ${path.toString().includes("categories") ? "category" : "entry"}`, async () => {
      await expectError(await call(method, path(), { token: intruder.token, body }), 404);
    });
  }

  it("using someone else's category on one's own entry answers 404", async () => {
    await expectError(await call("POST", "/api/entries", { token: intruder.token, body: { content: "x", category_id: categoryId } }), 404);
    const own = await createEntry(intruder.token, { content: "mine" });
    await expectError(await call("PATCH", `/api/entries/${own.id}`, { token: intruder.token, body: { category_id: categoryId } }), 404);
  });

  it("filtering by someone else's category shows nothing", async () => {
    const page = await json(await call("GET", `/api/entries?category_id=${categoryId}`, { token: intruder.token }));
    expect(page.entries).toEqual([]);
  });

  it("left the owner's data untouched", async () => {
    const entry = await json(await call("GET", `/api/entries/${entryId}`, { token: owner.token }));
    expect(entry).toMatchObject({ content: "my secret albatross", revision: 1, category: { id: categoryId, name: "Private" } });
  });
});

describe("lists, search, tags and export never show another person's rows", () => {
  it("list", async () => {
    const ids = (await json(await call("GET", "/api/entries", { token: intruder.token }))).entries.map((e: { id: string }) => e.id);
    expect(ids).not.toContain(entryId);
  });

  it("search", async () => {
    expect((await json(await call("GET", "/api/entries/search?q=albatross", { token: intruder.token }))).results).toEqual([]);
    expect((await json(await call("GET", "/api/entries/search?q=albatross", { token: owner.token }))).results).toHaveLength(1);
  });

  it("tags and categories", async () => {
    expect((await json(await call("GET", "/api/tags", { token: intruder.token }))).tags).toEqual([]);
    expect((await json(await call("GET", "/api/settings/categories", { token: intruder.token }))).categories).toEqual([]);
    // The same tag name in two journals stays two tags.
    await createEntry(intruder.token, { content: "also", tags: ["secret"] });
    expect((await json(await call("GET", "/api/tags", { token: owner.token }))).tags).toEqual([{ name: "secret", count: 1 }]);
  });

  it("export", async () => {
    for (const format of ["json", "markdown", "csv"]) {
      const text = await (await call("GET", `/api/entries/export?format=${format}`, { token: intruder.token })).text();
      expect(text).not.toContain("albatross");
      expect(text).not.toContain("Private");
    }
  });

  it("import creates rows only for the importer", async () => {
    await call("POST", "/api/entries/import", {
      token: intruder.token,
      body: { format: "tideline-export", version: 1, categories: [{ name: "Private" }], entries: [{ content: "imported", created_at: "2025-05-05T05:05:05Z", category: "Private" }] },
    });
    const ownerCats = await env.DB.prepare("SELECT count(*) AS n FROM categories WHERE user_id = ?").bind(owner.id).first<{ n: number }>();
    expect(ownerCats!.n).toBe(1);
  });
});
