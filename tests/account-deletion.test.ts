// Deleting an account removes every row of that person in every table, and their graph's storage.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { keepActionItems } from "../worker/services/actions.ts";
import { graphFor } from "../worker/services/graph.ts";
import { call, createEntry, json, registerUser } from "./helpers/api.ts";
import { SoftwareAuthenticator } from "./helpers/software-authenticator.ts";
import { deliver } from "./queues/helpers.ts";

async function userTables(): Promise<string[]> {
  // D1 refuses PRAGMA table_info, so the columns are read from each table's CREATE statement.
  const rows = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all<{ name: string; sql: string | null }>();
  return rows.results.filter((r) => /\buser_id\b/.test(r.sql ?? "")).map((r) => r.name);
}

async function rowsOf(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await userTables()) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}" WHERE user_id = ?`).bind(userId).first<{ n: number }>();
    counts[table] = row!.n;
  }
  counts.users = (await env.DB.prepare("SELECT count(*) AS n FROM users WHERE id = ?").bind(userId).first<{ n: number }>())!.n;
  return counts;
}

describe("DELETE /api/auth/me", () => {
  it("leaves no row of that person in any table, and nobody else loses anything", async () => {
    const user = await registerUser();
    const bystander = await registerUser();
    const category = await json(await call("POST", "/api/settings/categories", { token: user.token, body: { name: "Mine" } }));
    await createEntry(user.token, { content: "unique kestrel words", tags: ["one", "two"], category_id: category.id });
    await createEntry(user.token, { content: "second" });
    // A time zone of their own (its offsets) and a day with an activity (the analytics' running totals).
    expect((await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Europe/Paris" } })).status).toBe(200);
    await createEntry(user.token, { content: "Went for a run by the river with Sam." });
    await call("POST", "/api/journal/entries", { token: user.token, body: { content: "A hard day, I feel low." } });
    await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } });
    await call("PUT", "/api/settings", { token: user.token, body: { theme: "dark" } });
    const goal = await json(await call("POST", "/api/goals", { token: user.token, body: { title: "Sleep better", tasks: ["No phone in bed"] } }));
    await call("PATCH", `/api/goals/${goal.id}/tasks/${goal.tasks[0].id}`, { token: user.token, body: { done: true } });
    await call("PATCH", `/api/goals/${goal.id}`, { token: user.token, body: { status: "completed" } });
    await createEntry(bystander.token, { content: "kestrel too", tags: ["one"] });
    await deliver({ type: "weekly-summary", userId: user.id, weekEnd: "2026-11-22", until: Date.now() + 1000 });
    // The tables that fill as the person reads: vectors for search by meaning, the day's prompt, a generated list.
    expect((await call("GET", "/api/memories/search?q=kestrel", { token: user.token })).status).toBe(200);
    expect((await call("GET", "/api/prompts/daily", { token: user.token })).status).toBe(200);
    expect((await call("POST", "/api/prompts/generate", { token: user.token, body: {} })).status).toBe(200);
    expect((await call("POST", "/api/auth/recovery-codes", { token: user.token, body: { password: user.password } })).status).toBe(201);

    // Sign-in by passkey, a browser subscribed to reminders, a create sent with an Idempotency-Key,
    // an intention kept from an entry.
    const authenticator = await SoftwareAuthenticator.create();
    const options = await json(await call("POST", "/api/auth/passkeys/register/options", { token: user.token }));
    expect((await call("POST", "/api/auth/passkeys/register", { token: user.token, body: { response: await authenticator.register(options) } })).status).toBe(201);
    // A second registration begun and never finished leaves its challenge waiting.
    expect((await call("POST", "/api/auth/passkeys/register/options", { token: user.token })).status).toBe(200);
    const browserKey = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    const subscription = { endpoint: `https://push.example.test/${crypto.randomUUID()}`, keys: { p256dh: browserKey, auth: "BTBZMqHH6r4Tts7J_aSIgg" } };
    expect((await call("POST", "/api/reminders/push", { token: user.token, body: subscription })).status).toBe(201);
    const keyed = await call("POST", "/api/entries", { token: user.token, body: { content: "Tomorrow I will call my sister." }, headers: { "Idempotency-Key": "once" } });
    expect(keyed.status).toBe(201);
    const keyedEntry = await json(keyed);
    await keepActionItems(getDb(env), { userId: user.id, entryId: keyedEntry.id, revision: keyedEntry.revision }, ["call my sister"]);

    const before = await rowsOf(user.id);
    expect(Object.keys(before).sort()).toEqual([
      "achievements",
      "action_items",
      "analytics_day_items",
      "analytics_day_moods",
      "analytics_days",
      "analytics_items",
      "analytics_totals",
      "categories",
      "entries",
      "entry_embeddings",
      "entry_tags",
      "gamification_progress",
      "goal_progress",
      "goal_tasks",
      "goals",
      "idempotency_keys",
      "insights",
      "passkey_challenges",
      "passkeys",
      "point_transactions",
      "prompt_generations",
      "prompts_shown",
      "push_subscriptions",
      "recovery_codes",
      "refresh_tokens",
      "replies",
      "sessions",
      "settings",
      "tags",
      "user_activity",
      "user_points",
      "users",
      "valence_bins",
      "weekly_summaries",
      "zone_spans",
    ]);
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    const bystanderBefore = await rowsOf(bystander.id);

    const graph = graphFor(env, user.id);
    expect(await graph.stateCount()).toBe(5);

    expect((await call("DELETE", "/api/auth/me", { token: user.token, body: { password: user.password } })).status).toBe(204);

    expect(Object.values(await rowsOf(user.id)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(bystander.id)).toEqual(bystanderBefore);
    // The search index holds nothing of the deleted journal either.
    const fts = await env.DB.prepare("SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH 'kestrel'").first<{ n: number }>();
    expect(fts!.n).toBe(1);
    // The person's Durable Object storage is empty: a fresh object starts with no states.
    const keys = await runInDurableObject(graph, async (_instance, state) => (await state.storage.list()).size);
    expect(keys).toBe(0);
    expect(await graph.stateCount()).toBe(0);
  });
});
