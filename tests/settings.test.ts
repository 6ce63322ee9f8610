// Settings, categories and the tag list.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";

describe("GET and PUT /api/settings", () => {
  it("starts with sensible defaults", async () => {
    const user = await registerUser();
    const res = await call("GET", "/api/settings", { token: user.token });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      timezone: "UTC",
      theme: "system",
      reminder_time: null,
      ai_analysis: true,
      private_by_default: false,
      weekly_summary_day: 0,
      streaks_enabled: true,
      country: null,
      effective_country: null,
    });
  });

  it("changes only the settings sent and keeps them", async () => {
    const user = await registerUser();
    const res = await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Europe/Paris", reminder_time: "21:30" } });
    expect(await json(res)).toEqual({
      timezone: "Europe/Paris",
      theme: "system",
      reminder_time: "21:30",
      ai_analysis: true,
      private_by_default: false,
      weekly_summary_day: 0,
      streaks_enabled: true,
      country: null,
      effective_country: "FR",
    });
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, theme: "dark", reminder_time: null, weekly_summary_day: 5 } });
    expect(await json(await call("GET", "/api/settings", { token: user.token }))).toEqual({
      timezone: "Europe/Paris",
      theme: "dark",
      reminder_time: null,
      ai_analysis: false,
      private_by_default: false,
      weekly_summary_day: 5,
      streaks_enabled: true,
      country: null,
      effective_country: "FR",
    });
  });

  it("refuses unknown time zones, bad times, themes and empty changes, changing nothing", async () => {
    const user = await registerUser();
    const error = await expectError(
      await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Mars/Olympus", reminder_time: "25:00", theme: "neon", weekly_summary_day: 7 } }),
      400,
    );
    expect(error.details!.map((d) => d.path).sort()).toEqual(["reminder_time", "theme", "timezone", "weekly_summary_day"]);
    await expectError(await call("PUT", "/api/settings", { token: user.token, body: {} }), 400);
    expect((await json(await call("GET", "/api/settings", { token: user.token }))).timezone).toBe("UTC");
  });

  it("needs authentication", async () => {
    await expectError(await call("GET", "/api/settings"), 401);
    await expectError(await call("PUT", "/api/settings", { body: { theme: "dark" } }), 401);
  });
});

describe("/api/settings/categories", () => {
  it("creates, lists with entry counts, renames and deletes (entries stay, uncategorised)", async () => {
    const user = await registerUser();
    const created = await call("POST", "/api/settings/categories", { token: user.token, body: { name: "Work", color: "#112233" } });
    expect(created.status).toBe(201);
    const work = await json(created);
    expect(work).toMatchObject({ name: "Work", color: "#112233", entry_count: 0 });
    const entry = await createEntry(user.token, { content: "meeting", category_id: work.id });

    const list = await json(await call("GET", "/api/settings/categories", { token: user.token }));
    expect(list.categories).toEqual([{ id: work.id, name: "Work", color: "#112233", entry_count: 1 }]);

    const renamed = await json(await call("PATCH", `/api/settings/categories/${work.id}`, { token: user.token, body: { name: "Job" } }));
    expect(renamed).toEqual({ id: work.id, name: "Job", color: "#112233", entry_count: 1 });
    expect((await json(await call("GET", `/api/entries/${entry.id}`, { token: user.token }))).category.name).toBe("Job");

    expect((await call("DELETE", `/api/settings/categories/${work.id}`, { token: user.token })).status).toBe(204);
    const after = await json(await call("GET", `/api/entries/${entry.id}`, { token: user.token }));
    expect(after.category).toBeNull();
    expect(after.content).toBe("meeting");
  });

  it("answers 409 for a duplicate name (any case) and 400 for invalid input", async () => {
    const user = await registerUser();
    await call("POST", "/api/settings/categories", { token: user.token, body: { name: "Family" } });
    await expectError(await call("POST", "/api/settings/categories", { token: user.token, body: { name: "family" } }), 409, "category_exists");
    const other = await json(await call("POST", "/api/settings/categories", { token: user.token, body: { name: "Friends" } }));
    await expectError(await call("PATCH", `/api/settings/categories/${other.id}`, { token: user.token, body: { name: "FAMILY" } }), 409);
    await expectError(await call("POST", "/api/settings/categories", { token: user.token, body: { name: "", color: "red" } }), 400);
    await expectError(await call("PATCH", `/api/settings/categories/${other.id}`, { token: user.token, body: {} }), 400);
    await expectError(await call("PATCH", `/api/settings/categories/${crypto.randomUUID()}`, { token: user.token, body: { name: "x" } }), 404);
    await expectError(await call("DELETE", `/api/settings/categories/${crypto.randomUUID()}`, { token: user.token }), 404);
  });

  it("needs authentication", async () => {
    await expectError(await call("GET", "/api/settings/categories"), 401);
    await expectError(await call("POST", "/api/settings/categories", { body: { name: "x" } }), 401);
    await expectError(await call("PATCH", `/api/settings/categories/${crypto.randomUUID()}`, { body: { name: "x" } }), 401);
    await expectError(await call("DELETE", `/api/settings/categories/${crypto.randomUUID()}`), 401);
  });
});

describe("GET /api/tags", () => {
  it("lists the person's tags with counts, most used first, and drops tags no entry uses", async () => {
    const user = await registerUser();
    await createEntry(user.token, { content: "a", tags: ["walk", "sea"] });
    const b = await createEntry(user.token, { content: "b", tags: ["walk"] });
    await createEntry(user.token, { content: "c", tags: ["walk", "friends"] });
    expect((await json(await call("GET", "/api/tags", { token: user.token }))).tags).toEqual([
      { name: "walk", count: 3 },
      { name: "friends", count: 1 },
      { name: "sea", count: 1 },
    ]);
    await call("DELETE", `/api/entries/${b.id}`, { token: user.token });
    await call("PATCH", `/api/entries/${b.id}`, { token: user.token, body: { tags: [] } });
    const tags = (await json(await call("GET", "/api/tags", { token: user.token }))).tags;
    expect(tags[0]).toEqual({ name: "walk", count: 2 });
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM tags WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(stored!.n).toBe(3);
  });

  it("needs authentication", async () => {
    await expectError(await call("GET", "/api/tags"), 401);
  });
});
