// Full-text search: BM25 ranking, highlighted snippets, filters, and hostile queries never 500.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";

const search = async (token: string, query: string) => {
  const res = await call("GET", `/api/entries/search?${query}`, { token });
  expect(res.status).toBe(200);
  return json(res);
};

describe("GET /api/entries/search", () => {
  it("ranks the entry that is most about the words first", async () => {
    const user = await registerUser();
    const passing = await createEntry(user.token, { content: "Busy day at work. Later I went for a short walk and then cooked dinner with friends and watched a film." });
    const focused = await createEntry(user.token, { content: "The walk by the sea. A long walk, then another walk at dusk.", title: "Walk" });
    await createEntry(user.token, { content: "Nothing to do with it at all." });
    const body = await search(user.token, "q=walk");
    expect(body.results.map((r: { entry: { id: string } }) => r.entry.id)).toEqual([focused.id, passing.id]);
    expect(body.results[0].score).toBeGreaterThan(body.results[1].score);
  });

  it("returns snippets as parts with the matched words highlighted, stemming included", async () => {
    const user = await registerUser();
    await createEntry(user.token, { content: "Today I was walking along the river <b>not html</b> and felt calm." });
    const [result] = (await search(user.token, "q=walks")).results;
    const highlighted = result.snippet.filter((p: { highlight: boolean }) => p.highlight).map((p: { text: string }) => p.text);
    expect(highlighted).toEqual(["walking"]);
    expect(result.snippet.map((p: { text: string }) => p.text).join("")).toContain("<b>not html</b>");
  });

  it("matches the last word as a prefix, and every word must match", async () => {
    const user = await registerUser();
    const a = await createEntry(user.token, { content: "gratitude for small things" });
    await createEntry(user.token, { content: "gratitude alone" });
    expect((await search(user.token, "q=grat")).results).toHaveLength(2);
    expect((await search(user.token, "q=gratitude%20small")).results.map((r: { entry: { id: string } }) => r.entry.id)).toEqual([a.id]);
  });

  it("combines with tag, category and date filters, and pages with offset", async () => {
    const user = await registerUser();
    const tagged = await createEntry(user.token, { content: "coffee with mum", tags: ["family"] });
    const old = await createEntry(user.token, { content: "coffee alone" });
    await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(Date.parse("2024-03-01T09:00:00Z"), old.id).run();
    await createEntry(user.token, { content: "coffee at work" });
    expect((await search(user.token, "q=coffee&tag=family")).results.map((r: { entry: { id: string } }) => r.entry.id)).toEqual([tagged.id]);
    expect((await search(user.token, "q=coffee&to=2024-12-31")).results.map((r: { entry: { id: string } }) => r.entry.id)).toEqual([old.id]);
    const first = await search(user.token, "q=coffee&limit=2");
    expect(first.results).toHaveLength(2);
    expect(first.next_offset).toBe(2);
    const second = await search(user.token, "q=coffee&limit=2&offset=2");
    expect(second.results).toHaveLength(1);
    expect(second.next_offset).toBeNull();
  });

  it("follows edits and deletions", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: "pelican sighting" });
    await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "heron sighting" } });
    expect((await search(user.token, "q=pelican")).results).toHaveLength(0);
    expect((await search(user.token, "q=heron")).results).toHaveLength(1);
    await call("DELETE", `/api/entries/${entry.id}`, { token: user.token });
    expect((await search(user.token, "q=heron")).results).toHaveLength(0);
  });

  it("answers 200 or 400, never 500, for FTS syntax and hostile input", async () => {
    const user = await registerUser();
    await createEntry(user.token, { content: "near the sea, a quote \" and a star *" });
    const hostile = ['"', "*", "NEAR(", "NEAR(a b", "-", "- sea", '"unbalanced', "sea OR", "AND", "content:sea", "title:", "^sea", "sea*)", "(", ")", "'; DROP TABLE entries; --", "{}", "%", "\u0000", "😀"];
    for (const q of hostile) {
      const res = await call("GET", `/api/entries/search?q=${encodeURIComponent(q)}`, { token: user.token });
      expect([200, 400], q).toContain(res.status);
      if (res.status === 400) await expectError(res, 400, "validation_failed");
    }
    expect((await search(user.token, `q=${encodeURIComponent("NEAR(sea")}`)).results).toHaveLength(1);
  });

  it("validates the query and needs authentication", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/entries/search", { token: user.token }), 400);
    await expectError(await call("GET", "/api/entries/search?q=a&limit=500", { token: user.token }), 400);
    await expectError(await call("GET", "/api/entries/search?q=walk"), 401);
  });
});
