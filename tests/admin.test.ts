// Operators' routes: the list of accounts (counts and times, cursor pages), disabling and enabling an
// account (no sign-in, no refresh, access tokens refused at once), service-wide counts, 403 for
// everyone else, and no admin answer ever carrying a word anyone wrote.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { fetchOpenApi, operationsOf } from "./helpers/openapi.ts";
import { isAdminRoute } from "./helpers/resources.ts";

let admin: TestUser;

/** A person whose entries get no insight unless a test writes one (nothing runs in the background). */
async function quietUser(): Promise<TestUser> {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  return user;
}

beforeAll(async () => {
  admin = await quietUser();
  await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(admin.id).run();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const asAdmin = (method: string, path: string) => call(method, path, { token: admin.token });

type AdminUser = { id: string; email: string; created_at: string; last_active_at: string | null; entry_count: number; disabled: boolean };

async function allUsers(limit = 2): Promise<AdminUser[]> {
  const out: AdminUser[] = [];
  let cursor: string | null = null;
  do {
    const res = await asAdmin("GET", `/api/admin/users?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    const page = await json<{ users: AdminUser[]; next_cursor: string | null }>(res);
    expect(page.users.length).toBeLessThanOrEqual(limit);
    out.push(...page.users);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe("admin routes answer 403 to everyone else", () => {
  it("a person who is not an administrator is refused, and nothing changes", async () => {
    const user = await quietUser();
    const target = await quietUser();
    for (const [method, path] of [
      ["GET", "/api/admin/users"],
      ["GET", "/api/admin/stats"],
      ["POST", `/api/admin/users/${target.id}/disable`],
      ["POST", `/api/admin/users/${target.id}/enable`],
    ] as const) {
      await expectError(await call(method, path, { token: user.token }), 403, "forbidden");
      await expectError(await call(method, path), 401);
    }
    expect((await call("GET", "/api/entries", { token: target.token })).status).toBe(200);
  });
});

describe("GET /api/admin/users", () => {
  it("lists every account once, newest first, with counts and times", async () => {
    const person = await quietUser();
    await createEntry(person.token, { content: "One." });
    await createEntry(person.token, { content: "Two." });
    const entry = await createEntry(person.token, { content: "Three." });
    await call("DELETE", `/api/entries/${entry.id}`, { token: person.token });
    const users = await allUsers();
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    const total = (await env.DB.prepare("SELECT count(*) AS n FROM users").first<{ n: number }>())!.n;
    expect(users).toHaveLength(total);
    const created = users.map((u) => u.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    const row = users.find((u) => u.id === person.id)!;
    expect(row).toMatchObject({ email: person.email, entry_count: 2, disabled: false });
    expect(Object.keys(row).sort()).toEqual(["created_at", "disabled", "disabled_at", "email", "entry_count", "id", "last_active_at"]);
    expect(Date.parse(row.last_active_at!)).toBeGreaterThanOrEqual(Date.parse(row.created_at));
  });

  it("validates the cursor and the limit", async () => {
    await expectError(await asAdmin("GET", "/api/admin/users?cursor=nonsense"), 400, "validation_failed");
    await expectError(await asAdmin("GET", "/api/admin/users?limit=0"), 400, "validation_failed");
    await expectError(await asAdmin("GET", "/api/admin/users?limit=101"), 400, "validation_failed");
  });
});

describe("disabling and enabling an account", () => {
  it("a disabled account cannot sign in or refresh, and its access token stops working at once", async () => {
    const person = await quietUser();
    expect((await call("GET", "/api/entries", { token: person.token })).status).toBe(200);
    const res = await asAdmin("POST", `/api/admin/users/${person.id}/disable`);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: person.id, disabled: true, disabled_at: expect.any(String) });

    await expectError(await call("GET", "/api/entries", { token: person.token }), 401);
    await expectError(await call("POST", "/api/entries", { token: person.token, body: { content: "Still here?" } }), 401);
    await expectError(await call("POST", "/api/auth/login", { body: { email: person.email, password: person.password } }), 403, "account_disabled");
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: person.refreshToken } }), 401);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").bind(person.id).first<{ n: number }>())!.n).toBe(0);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(person.id).first<{ n: number }>())!.n).toBe(0);
    expect((await allUsers(50)).find((u) => u.id === person.id)?.disabled).toBe(true);

    const enabled = await asAdmin("POST", `/api/admin/users/${person.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(await json(enabled)).toMatchObject({ id: person.id, disabled: false, disabled_at: null });
    const login = await call("POST", "/api/auth/login", { body: { email: person.email, password: person.password } });
    expect(login.status).toBe(200);
    expect((await call("GET", "/api/entries", { token: (await json(login)).access_token })).status).toBe(200);
  });

  it("validates the id, answers 404 for no such account, and refuses to disable oneself", async () => {
    await expectError(await asAdmin("POST", "/api/admin/users/not-a-uuid/disable"), 400, "validation_failed");
    await expectError(await asAdmin("POST", `/api/admin/users/${crypto.randomUUID()}/disable`), 404, "not_found");
    await expectError(await asAdmin("POST", `/api/admin/users/${crypto.randomUUID()}/enable`), 404, "not_found");
    await expectError(await asAdmin("POST", `/api/admin/users/${admin.id}/disable`), 409, "cannot_disable_self");
    expect((await call("GET", "/api/admin/stats", { token: admin.token })).status).toBe(200);
  });
});

describe("GET /api/admin/stats", () => {
  it("counts people, entries and the analysis queue", async () => {
    const before = await json(await asAdmin("GET", "/api/admin/stats"));
    const person = await quietUser();
    const entries = await Promise.all(["a", "b", "c", "d"].map((c) => createEntry(person.token, { content: `Entry ${c}.` })));
    const now = Date.now();
    const insight = (entryId: string, status: string, attempts: number, ageMs: number) =>
      env.DB.prepare("INSERT INTO insights (entry_id, user_id, revision, status, attempts, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)")
        .bind(entryId, person.id, status, attempts, now - ageMs, now - ageMs)
        .run();
    await insight(entries[0]!.id, "pending", 0, 60_000);
    await insight(entries[1]!.id, "pending", 2, 120_000);
    await insight(entries[2]!.id, "pending", 0, 180_000);
    await insight(entries[3]!.id, "failed", 5, 240_000);
    const after = await json(await asAdmin("GET", "/api/admin/stats"));
    expect(after.people).toBe(before.people + 1);
    expect(after.entries).toBe(before.entries + 4);
    expect(after.jobs.waiting).toBe(before.jobs.waiting + 3);
    expect(after.jobs.failed).toBe(before.jobs.failed + 1);
    expect(after.jobs.dead_lettered).toBe(before.jobs.dead_lettered + 1);
    if (before.jobs.waiting === 0) {
      expect(after.jobs.median_age_ms).toBeGreaterThanOrEqual(120_000);
      expect(after.jobs.median_age_ms).toBeLessThan(180_000);
    }
  });
});

describe("no admin answer carries what anyone wrote", () => {
  it("every admin route, with entries, titles and tags holding a marker", async () => {
    vi.spyOn(env.INSIGHT_JOBS, "send").mockResolvedValue(undefined as never);
    vi.spyOn(env.INSIGHT_JOBS, "sendBatch").mockResolvedValue(undefined as never);
    const marker = `marker${crypto.randomUUID().replace(/-/g, "")}`;
    const person = await quietUser();
    const entry = await createEntry(person.token, { content: `Today ${marker} happened.`, title: `Title ${marker}`, tags: [marker.slice(0, 30)] });
    await call("POST", "/api/journal/entries", { token: person.token, body: { content: `I need to tell ${marker} about it tomorrow.` } });
    // A failed analysis of that entry, so the jobs routes have something of theirs to show.
    await env.DB.prepare("INSERT INTO insights (entry_id, user_id, revision, status, attempts, error, created_at, updated_at) VALUES (?, ?, 1, 'failed', 5, 'upstream timeout', ?, ?)")
      .bind(entry.id, person.id, Date.now(), Date.now())
      .run();

    const ops = operationsOf(await fetchOpenApi()).filter(isAdminRoute);
    expect(ops.map((o) => o.key)).toEqual(
      expect.arrayContaining(["GET /api/admin/users", "POST /api/admin/users/{id}/disable", "POST /api/admin/users/{id}/enable", "GET /api/admin/stats"]),
    );
    for (const op of ops) {
      const path = op.path.replace(/\{\w+\}/g, person.id);
      const res = await call(op.method.toUpperCase(), path, { token: admin.token, ...(op.body ? { body: {} } : {}) });
      const text = await res.text();
      expect(res.status, `${op.key}: ${text.slice(0, 200)}`).toBeLessThan(300);
      expect(text, op.key).not.toContain(marker);
      expect(text.toLowerCase(), op.key).not.toContain(marker.slice(0, 30));
    }
    // The list pages through every account: still no marker anywhere.
    expect(JSON.stringify(await allUsers(50))).not.toContain(marker.slice(0, 30));
  });
});
