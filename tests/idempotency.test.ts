// Idempotency-Key on the create routes: a retry with the same key and request answers the first
// answer again and creates nothing; per person; 24 hours; refused for another request with the key.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { claimIdempotencyKey, IDEMPOTENCY_TTL_MS, pruneIdempotencyKeys, requestFingerprint } from "../worker/services/idempotency.ts";
import { call, expectError, json, registerUser } from "./helpers/api.ts";

const count = async (sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())!.n;
const entriesOf = (userId: string) => count("SELECT count(*) AS n FROM entries WHERE user_id = ?", userId);
const keyed = (key: string) => ({ "Idempotency-Key": key });

const CREATE_ROUTES = [
  { path: "/api/journal/entries", body: { content: "Walked to the harbour after work and felt lighter." }, table: "entries" },
  { path: "/api/entries", body: { content: "Baked bread with my sister this afternoon." }, table: "entries" },
  { path: "/api/goals", body: { title: "Sleep before eleven", life_area: "health", tasks: ["Phone away at ten"] }, table: "goals" },
] as const;

describe("Idempotency-Key on create routes", () => {
  for (const route of CREATE_ROUTES) {
    it(`POST ${route.path} sent twice with one key creates once and answers the same`, async () => {
      const user = await registerUser();
      const key = crypto.randomUUID();
      const first = await call("POST", route.path, { token: user.token, body: route.body, headers: keyed(key) });
      expect(first.status).toBe(201);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      const second = await call("POST", route.path, { token: user.token, body: route.body, headers: keyed(key) });
      expect(second.status).toBe(201);
      expect(second.headers.get("idempotent-replayed")).toBe("true");
      expect(second.headers.get("content-type")).toContain("application/json");
      expect(await json(second)).toEqual(await json(first));
      expect(await count(`SELECT count(*) AS n FROM ${route.table} WHERE user_id = ?`, user.id)).toBe(1);
    });
  }

  it("creates again without a key, and with a new key", async () => {
    const user = await registerUser();
    const body = { content: "Same words, written twice on purpose." };
    await call("POST", "/api/entries", { token: user.token, body });
    await call("POST", "/api/entries", { token: user.token, body });
    await call("POST", "/api/entries", { token: user.token, body, headers: keyed("a") });
    await call("POST", "/api/entries", { token: user.token, body, headers: keyed("b") });
    expect(await entriesOf(user.id)).toBe(4);
  });

  it("refuses the same key with another request (422) and stores nothing", async () => {
    const user = await registerUser();
    const key = crypto.randomUUID();
    const first = await call("POST", "/api/entries", { token: user.token, body: { content: "The first entry." }, headers: keyed(key) });
    expect(first.status).toBe(201);
    await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: "Something else." }, headers: keyed(key) }), 422, "idempotency_key_reused");
    // The same body on another create route is another request too.
    await expectError(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "The first entry." }, headers: keyed(key) }), 422, "idempotency_key_reused");
    expect(await entriesOf(user.id)).toBe(1);
  });

  it("keeps keys per person: another person's same key creates their own entry", async () => {
    const a = await registerUser();
    const b = await registerUser();
    const key = "shared-key-1";
    const body = { content: "A quiet evening with a book." };
    const fromA = await json(await call("POST", "/api/entries", { token: a.token, body, headers: keyed(key) }));
    const res = await call("POST", "/api/entries", { token: b.token, body, headers: keyed(key) });
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    const fromB = await json(res);
    expect(fromB.id).not.toBe(fromA.id);
    expect(await entriesOf(a.id)).toBe(1);
    expect(await entriesOf(b.id)).toBe(1);
  });

  it("refuses a malformed key with a 400 before anything is stored", async () => {
    const user = await registerUser();
    for (const key of ["", "has space", "x".repeat(256)]) {
      await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: "Hello." }, headers: keyed(key) }), 400, "invalid_idempotency_key");
    }
    expect(await entriesOf(user.id)).toBe(0);
  });

  it("frees the key of a refused request, so the corrected request can use it", async () => {
    const user = await registerUser();
    const key = crypto.randomUUID();
    await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: "" }, headers: keyed(key) }), 400);
    const fixed = await call("POST", "/api/entries", { token: user.token, body: { content: "Now with words." }, headers: keyed(key) });
    expect(fixed.status).toBe(201);
    expect(await entriesOf(user.id)).toBe(1);
  });

  it("asks a retry to wait while the first request is still running, and takes over an abandoned claim", async () => {
    const user = await registerUser();
    const db = getDb(env);
    const body = { content: "Written on the train with a poor signal." };
    // The fingerprint of this exact request, claimed as if another request with it were running now.
    const path = "/api/entries";
    const fingerprint = await requestFingerprint("POST", path, JSON.stringify(body));
    expect(await claimIdempotencyKey(db, { userId: user.id, key: "busy" }, fingerprint)).toEqual({ kind: "claimed" });
    const waiting = await call("POST", path, { token: user.token, body, headers: keyed("busy") });
    expect(waiting.headers.get("retry-after")).toBe("1");
    await expectError(waiting, 409, "idempotency_in_progress");
    expect(await entriesOf(user.id)).toBe(0);

    // A claim two minutes old whose request never answered (the Worker stopped) is taken over.
    expect(await claimIdempotencyKey(db, { userId: user.id, key: "stuck" }, fingerprint, Date.now() - 120_000)).toEqual({ kind: "claimed" });
    expect((await call("POST", path, { token: user.token, body, headers: keyed("stuck") })).status).toBe(201);
    expect(await entriesOf(user.id)).toBe(1);
  });

  it("two identical requests at once create one entry", async () => {
    const user = await registerUser();
    const body = { content: "Sent twice by an impatient double tap." };
    const answers = await Promise.all([0, 1].map(() => call("POST", "/api/entries", { token: user.token, body, headers: keyed("tap") })));
    const statuses = answers.map((r) => r.status).sort();
    expect([[201, 201], [201, 409]]).toContainEqual(statuses);
    expect(await entriesOf(user.id)).toBe(1);
  });

  it("forgets a key after 24 hours: the daily clean-up removes it and the key creates again", async () => {
    const user = await registerUser();
    const body = { content: "A day later, the same words." };
    expect((await call("POST", "/api/entries", { token: user.token, body, headers: keyed("old") })).status).toBe(201);
    // Age the kept answer past its day.
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = created_at - ? WHERE user_id = ?").bind(IDEMPOTENCY_TTL_MS + 1000, user.id).run();
    const again = await call("POST", "/api/entries", { token: user.token, body, headers: keyed("old") });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await entriesOf(user.id)).toBe(2);

    await env.DB.prepare("UPDATE idempotency_keys SET created_at = created_at - ? WHERE user_id = ?").bind(IDEMPOTENCY_TTL_MS + 1000, user.id).run();
    expect(await pruneIdempotencyKeys(getDb(env))).toBeGreaterThanOrEqual(1);
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE user_id = ?", user.id)).toBe(0);
  });

  it("ignores the header on routes that are not a signed-in person's creates", async () => {
    const email = `idem-${crypto.randomUUID()}@example.com`;
    const body = { name: "Idem", email, password: "correct horse battery" };
    expect((await call("POST", "/api/auth/register", { body, headers: keyed("signup") })).status).toBe(201);
    // Registering again is refused as a duplicate, not replayed.
    expect((await call("POST", "/api/auth/register", { body, headers: keyed("signup") })).status).toBe(409);
  });
});
