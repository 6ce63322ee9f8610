// Accounts: registration, sign-in, refresh-token rotation and reuse detection, sign-out, the account.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Base64Url } from "../worker/lib/encoding.ts";
import { call, expectError, freshIp, json, registerUser } from "./helpers/api.ts";

const tokenRows = (userId: string) =>
  env.DB.prepare("SELECT family_id, rotated_at, revoked_at FROM refresh_tokens WHERE user_id = ?").bind(userId).all();

describe("POST /api/auth/register", () => {
  it("creates the account, normalises the email and stores only a salted PBKDF2 hash", async () => {
    const email = `Mixed.Case-${crypto.randomUUID()}@Example.COM`;
    const res = await call("POST", "/api/auth/register", { body: { name: " Ada ", email: `  ${email} `, password: "a long passphrase" } });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.user).toMatchObject({ name: "Ada", email: email.toLowerCase(), role: "user" });
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(900);
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await env.DB.prepare("SELECT * FROM users WHERE id = ?").bind(body.user.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ email: email.toLowerCase(), password_iterations: 100_000 });
    expect(row!.password_hash).not.toContain("a long passphrase");
    expect(atob(String(row!.password_salt).replace(/-/g, "+").replace(/_/g, "/")).length).toBe(16);
    // The refresh token is stored only as its hash.
    const stored = await env.DB.prepare("SELECT token_hash FROM refresh_tokens WHERE user_id = ?").bind(body.user.id).all();
    expect(stored.results).toHaveLength(1);
    expect(stored.results[0]!.token_hash).not.toBe(body.refresh_token);
  });

  it("answers 409 for an email that is taken, whatever its case", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/auth/register", { body: { name: "B", email: user.email.toUpperCase(), password: "another password" } });
    await expectError(res, 409, "email_taken");
  });

  it("refuses short passwords, bad emails and missing names with the field paths", async () => {
    const res = await call("POST", "/api/auth/register", { body: { name: "", email: "not-an-email", password: "short" } });
    const error = await expectError(res, 400, "validation_failed");
    expect(error.details!.map((d) => d.path).sort()).toEqual(["email", "name", "password"]);
  });

  it("refuses malformed JSON, a wrong content type and a body too large", async () => {
    await expectError(
      await call("POST", "/api/auth/register", { rawBody: "{not json", headers: { "content-type": "application/json" } }),
      400,
    );
    await expectError(
      await call("POST", "/api/auth/register", { rawBody: "name=a", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      415,
    );
    await expectError(
      await call("POST", "/api/auth/register", {
        rawBody: JSON.stringify({ name: "x".repeat(300_000) }),
        headers: { "content-type": "application/json" },
      }),
      413,
      "payload_too_large",
    );
  });
});

describe("POST /api/auth/login", () => {
  it("signs in with the right password", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.user.id).toBe(user.id);
    const me = await call("GET", "/api/auth/me", { token: body.access_token });
    expect((await json(me)).user.email).toBe(user.email);
  });

  it("answers the same error for an unknown email and a wrong password", async () => {
    const user = await registerUser();
    const wrong = await expectError(
      await call("POST", "/api/auth/login", { body: { email: user.email, password: "not the password" } }),
      401,
    );
    const unknown = await expectError(
      await call("POST", "/api/auth/login", { body: { email: `nobody-${crypto.randomUUID()}@example.com`, password: "whatever it is" } }),
      401,
    );
    expect(unknown).toEqual(wrong);
    expect(wrong.code).toBe("invalid_credentials");
  });

  it("validates the body", async () => {
    await expectError(await call("POST", "/api/auth/login", { body: { email: "x" } }), 400, "validation_failed");
  });

  it("rate-limits sign-in and sign-up per address with 429", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    // The limiter counts in fixed 60-second windows: if one ends during the loop the count starts
    // again, so the loop allows for two windows' worth (the limit is 20) before it must see a 429.
    for (let i = 0; i < 45; i++) {
      const res = await call("POST", "/api/auth/login", { ip, body: { email: "nobody@example.com", password: "x" } });
      statuses.push(res.status);
      if (res.status === 429) {
        const error = await expectError(res, 429, "rate_limited");
        expect(error.message).toMatch(/wait/i);
        expect(res.headers.get("retry-after")).toBe("60");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    // Registration shares the budget of that address; another address is unaffected.
    await expectError(await call("POST", "/api/auth/register", { ip, body: { name: "A", email: "a@example.com", password: "long enough pw" } }), 429);
    const other = await call("POST", "/api/auth/login", { body: { email: "nobody@example.com", password: "x" } });
    expect(other.status).toBe(401);
  });
});

describe("POST /api/auth/refresh", () => {
  it("rotates: the new pair works and the old refresh token is spent", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.refresh_token).not.toBe(user.refreshToken);
    expect((await call("GET", "/api/auth/me", { token: body.access_token })).status).toBe(200);
    const rows = (await tokenRows(user.id)).results;
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.family_id)).size).toBe(1);
    expect(rows.filter((r) => r.rotated_at !== null)).toHaveLength(1);
  });

  it("treats a reused token as theft: 401 and the whole family is revoked", async () => {
    const user = await registerUser();
    const second = await json(await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } }));
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } }), 401, "invalid_refresh_token");
    // The legitimate holder's newer token was revoked with its family.
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: second.refresh_token } }), 401);
    const rows = (await tokenRows(user.id)).results;
    expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
  });

  it("leaves other sessions of the same person alone when one family is revoked", async () => {
    const user = await registerUser();
    const other = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } });
    await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } });
    expect((await call("POST", "/api/auth/refresh", { body: { refresh_token: other.refresh_token } })).status).toBe(200);
  });

  it("refuses unknown and expired tokens", async () => {
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: "x".repeat(43) } }), 401);
    const user = await registerUser();
    await env.DB.prepare("UPDATE refresh_tokens SET expires_at = ? WHERE user_id = ?").bind(Date.now() - 1, user.id).run();
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } }), 401);
  });

  it("validates the body, and wants a token in it or the session cookie", async () => {
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: "short" } }), 400, "validation_failed");
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: 42 } }), 400, "validation_failed");
    const missing = await expectError(await call("POST", "/api/auth/refresh", { body: {} }), 400, "validation_failed");
    expect(missing.details!.map((d) => d.path)).toEqual(["refresh_token"]);
    await expectError(await call("POST", "/api/auth/refresh"), 400, "validation_failed");
  });
});

describe("POST /api/auth/logout", () => {
  it("revokes the family so the refresh token no longer works", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/auth/logout", { token: user.token, body: { refresh_token: user.refreshToken } });
    expect(res.status).toBe(204);
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } }), 401);
  });

  it("cannot revoke someone else's session", async () => {
    const victim = await registerUser();
    const attacker = await registerUser();
    await call("POST", "/api/auth/logout", { token: attacker.token, body: { refresh_token: victim.refreshToken } });
    expect((await call("POST", "/api/auth/refresh", { body: { refresh_token: victim.refreshToken } })).status).toBe(200);
  });

  it("needs authentication and a valid body", async () => {
    const user = await registerUser();
    await expectError(await call("POST", "/api/auth/logout", { body: { refresh_token: user.refreshToken } }), 401, "unauthorized");
    await expectError(await call("POST", "/api/auth/logout", { token: user.token, body: { refresh_token: 7 } }), 400);
    expect((await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } })).status).toBe(200);
  });

  it("without a refresh token, ends the session the access token was issued in", async () => {
    const user = await registerUser();
    const other = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    expect((await call("POST", "/api/auth/logout", { token: user.token, body: {} })).status).toBe(204);
    await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken } }), 401);
    expect((await call("POST", "/api/auth/refresh", { body: { refresh_token: other.refresh_token } })).status).toBe(200);
  });
});

describe("GET and DELETE /api/auth/me", () => {
  it("answers the account, and 401 without a token", async () => {
    const user = await registerUser({ name: "Grace" });
    const body = await json(await call("GET", "/api/auth/me", { token: user.token }));
    expect(body.user).toEqual({ id: user.id, email: user.email, name: "Grace", role: "user" });
    await expectError(await call("GET", "/api/auth/me"), 401, "unauthorized");
  });

  it("deletes the account only with the right password", async () => {
    const user = await registerUser();
    await expectError(await call("DELETE", "/api/auth/me", { token: user.token, body: { password: "wrong password" } }), 403, "wrong_password");
    await expectError(await call("DELETE", "/api/auth/me", { token: user.token, body: {} }), 400);
    await expectError(await call("DELETE", "/api/auth/me", { body: { password: user.password } }), 401);
    expect(await env.DB.prepare("SELECT id FROM users WHERE id = ?").bind(user.id).first()).not.toBeNull();

    expect((await call("DELETE", "/api/auth/me", { token: user.token, body: { password: user.password } })).status).toBe(204);
    // The still-unexpired access token is now worthless, and the email can be used again.
    await expectError(await call("GET", "/api/auth/me", { token: user.token }), 401);
    await registerUser({ email: user.email });
  });
});

describe("the account behind an access token", () => {
  it("once gone, is refused on reads (the answer replaced whole, download headers too) and on writes (nothing stored)", async () => {
    const user = await registerUser();
    expect((await call("POST", "/api/entries", { token: user.token, body: { content: "Before the account went." } })).status).toBe(201);
    // The account disappears while its access token is still unexpired (as after a deletion elsewhere).
    await env.DB.prepare("DELETE FROM users WHERE id = ?").bind(user.id).run();
    for (const path of ["/api/entries", "/api/entries/search?q=account", "/api/tags", "/api/settings", "/api/graph", "/api/auth/me"]) {
      await expectError(await call("GET", path, { token: user.token }), 401, "unauthorized");
    }
    const download = await call("GET", "/api/entries/export?format=json", { token: user.token });
    expect(download.headers.get("content-disposition")).toBeNull();
    await expectError(download, 401, "unauthorized");
    await expectError(await call("POST", "/api/entries", { token: user.token, body: { content: "After." } }), 401, "unauthorized");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM entries WHERE user_id = ?").bind(user.id).first("n")).toBe(0);
  });

  it("reads the role from the account on every request: a change takes effect with the same token", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/admin/jobs/failed", { token: user.token }), 403, "forbidden");
    await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(user.id).run();
    expect((await call("GET", "/api/admin/jobs/failed", { token: user.token })).status).toBe(200);
    await env.DB.prepare("UPDATE users SET role = 'user' WHERE id = ?").bind(user.id).run();
    await expectError(await call("GET", "/api/admin/jobs/failed", { token: user.token }), 403, "forbidden");
  });
});

describe("refresh-token families under a race (review findings)", () => {
  const refresh = (token: string) => call("POST", "/api/auth/refresh", { body: { refresh_token: token } });

  it("ten parallel refreshes of one token: one wins, the family is revoked, and the winner's new token is dead too", async () => {
    for (let round = 0; round < 8; round++) {
      const user = await registerUser();
      const results = await Promise.all(Array.from({ length: 10 }, () => refresh(user.refreshToken)));
      const winners = results.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      for (const res of results) if (res.status !== 200) await expectError(res, 401, "invalid_refresh_token");
      const won = await json(winners[0]!);
      await expectError(await refresh(won.refresh_token), 401, "invalid_refresh_token");
      const rows = (await tokenRows(user.id)).results;
      expect(rows).toHaveLength(2);
      expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
    }
  });

  it("refuses a token whose own row escaped the revocation of its family", async () => {
    const user = await registerUser();
    const next = await json(await refresh(user.refreshToken));
    // The outcome of the lost race: the family was revoked, then one row of it was written unrevoked.
    await env.DB.prepare("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ?").bind(Date.now(), user.id).run();
    await env.DB.prepare("UPDATE refresh_tokens SET revoked_at = NULL WHERE token_hash = ?").bind(await sha256Base64Url(next.refresh_token)).run();
    await expectError(await refresh(next.refresh_token), 401, "invalid_refresh_token");
    expect((await tokenRows(user.id)).results).toHaveLength(2);
  });
});

describe("the sign-in rate limit's key", () => {
  it("does not trust a client-sent CF-Connecting-IP on a request that did not come through Cloudflare's edge", async () => {
    // Without request.cf there is no edge to vouch for the header: every address claimed shares one budget.
    const statuses: number[] = [];
    for (let i = 0; i < 45 && statuses.at(-1) !== 429; i++) {
      const res = await call("POST", "/api/auth/login", { edge: false, ip: freshIp(), body: { email: "nobody@example.com", password: "x" } });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
  });
});
