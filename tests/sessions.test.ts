// Sessions in an HttpOnly cookie for the app's own pages, the JSON body form for everyone else, the
// Origin check on refresh and sign-out, and the signed-in devices: listed, ended one by one or all but
// this one, and all but this one again when the password changes.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pruneExpiredRefreshTokens } from "../worker/auth/refresh-tokens.ts";
import { getDb } from "../worker/db/client.ts";
import { sha256Base64Url } from "../worker/lib/encoding.ts";
import { call, expectError, freshIp, json, registerUser, type TestUser } from "./helpers/api.ts";

const HTTP_APP = "http://tideline.test";
const HTTPS_APP = "https://tideline.test";
const EVIL = "https://evil.example";
/** Named in CORS_ORIGINS by tests/vitest.config.ts. */
const CORS_ORIGIN = "https://allowed.example";

interface SendOptions {
  base?: string;
  origin?: string;
  cookie?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  cf?: Record<string, unknown>;
}

/** A request as a browser (Origin, Cookie) or any other client would send it. */
function send(method: string, path: string, o: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "cf-connecting-ip": freshIp(), ...o.headers };
  if (o.origin) headers.origin = o.origin;
  if (o.cookie) headers.cookie = o.cookie;
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers["content-type"] = "application/json";
  return exports.default.fetch(
    new Request(`${o.base ?? HTTP_APP}${path}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      cf: o.cf ?? { colo: "LHR" },
    }),
  );
}

interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string>;
}

function setCookies(res: Response): SetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair, ...rest] = line.split(";").map((p) => p.trim());
    const eq = pair!.indexOf("=");
    const attributes: Record<string, string> = {};
    for (const a of rest) {
      const [k, v = ""] = a.split("=");
      attributes[k!.toLowerCase()] = v;
    }
    return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attributes };
  });
}

function onlyCookie(res: Response): SetCookie {
  const cookies = setCookies(res);
  expect(cookies).toHaveLength(1);
  return cookies[0]!;
}

const asCookieHeader = (c: SetCookie) => `${c.name}=${c.value}`;

/** Signs in the way the app's own pages do, and answers the session cookie with the access token. */
async function browserSignIn(user: TestUser, base = HTTP_APP, cf?: Record<string, unknown>) {
  const res = await send("POST", "/api/auth/login", { base, origin: base, body: { email: user.email, password: user.password }, cf });
  expect(res.status).toBe(200);
  const body = await json(res);
  return { cookie: onlyCookie(res), token: body.access_token as string, body };
}

const sessionsOf = async (token: string) => {
  const res = await call("GET", "/api/auth/sessions", { token });
  expect(res.status).toBe(200);
  return (await json(res)).sessions as {
    id: string;
    current: boolean;
    created_at: string;
    last_used_at: string;
    expires_at: string;
    user_agent: string | null;
    city: string | null;
    country: string | null;
  }[];
};

const refreshWithBody = (refreshToken: string) => call("POST", "/api/auth/refresh", { body: { refresh_token: refreshToken } });

describe("the session cookie", () => {
  it("over HTTPS is a __Host- cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain; the body carries no refresh token", async () => {
    const user = await registerUser();
    const { cookie, body } = await browserSignIn(user, HTTPS_APP);
    expect(cookie.name).toBe("__Host-tideline_refresh");
    expect(cookie.attributes).toMatchObject({ path: "/", secure: "", httponly: "", samesite: "Strict" });
    expect(cookie.attributes).not.toHaveProperty("domain");
    expect(Number(cookie.attributes["max-age"])).toBeGreaterThan(0);
    expect(body).not.toHaveProperty("refresh_token");
    expect(body.access_token).toEqual(expect.any(String));
  });

  it("over plain HTTP (local development) is HttpOnly and SameSite=Strict, limited to /api/auth, without Secure", async () => {
    const user = await registerUser();
    const { cookie, body } = await browserSignIn(user, HTTP_APP);
    expect(cookie.name).toBe("tideline_refresh");
    expect(cookie.attributes).toMatchObject({ path: "/api/auth", httponly: "", samesite: "Strict" });
    expect(cookie.attributes).not.toHaveProperty("secure");
    expect(body).not.toHaveProperty("refresh_token");
  });

  it("is set on sign-up from the app too", async () => {
    const res = await send("POST", "/api/auth/register", {
      base: HTTPS_APP,
      origin: HTTPS_APP,
      body: { name: "Cookie", email: `c-${crypto.randomUUID()}@example.com`, password: "a long passphrase" },
    });
    expect(res.status).toBe(201);
    expect(onlyCookie(res).name).toBe("__Host-tideline_refresh");
    expect(await json(res)).not.toHaveProperty("refresh_token");
  });

  it("refreshes from the app's own origin: a new cookie, a working access token, and the old cookie spent", async () => {
    const user = await registerUser();
    const first = await browserSignIn(user, HTTPS_APP);
    const res = await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(first.cookie) });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).not.toHaveProperty("refresh_token");
    const second = onlyCookie(res);
    expect(second.name).toBe("__Host-tideline_refresh");
    expect(second.value).not.toBe(first.cookie.value);
    expect((await call("GET", "/api/auth/me", { token: body.access_token })).status).toBe(200);

    // Presenting the spent cookie again is reuse: 401, the cookie cleared, and the family revoked.
    const reused = await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(first.cookie) });
    await expectError(reused, 401, "invalid_refresh_token");
    const cleared = onlyCookie(reused);
    expect(cleared.name).toBe("__Host-tideline_refresh");
    expect(cleared.attributes["max-age"]).toBe("0");
    const again = await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(second) });
    await expectError(again, 401, "invalid_refresh_token");
  });

  it("is not honoured without an Origin (a browser always sends one; anything else presents the token itself)", async () => {
    const user = await registerUser();
    const { cookie } = await browserSignIn(user);
    await expectError(await send("POST", "/api/auth/refresh", { cookie: asCookieHeader(cookie) }), 400, "validation_failed");
    // Nothing was spent: the app can still refresh with it.
    expect((await send("POST", "/api/auth/refresh", { origin: HTTP_APP, cookie: asCookieHeader(cookie) })).status).toBe(200);
  });

  it("the plain-HTTP cookie name means nothing over HTTPS (only the __Host- cookie is read there)", async () => {
    const user = await registerUser();
    const { cookie } = await browserSignIn(user, HTTP_APP);
    const res = await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(cookie) });
    await expectError(res, 400, "validation_failed");
  });

  it("sign-out from the app revokes the cookie's session and clears the cookie", async () => {
    const user = await registerUser();
    const { cookie, token } = await browserSignIn(user, HTTPS_APP);
    const res = await send("POST", "/api/auth/logout", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(cookie), token });
    expect(res.status).toBe(204);
    expect(onlyCookie(res).attributes["max-age"]).toBe("0");
    const after = await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(cookie) });
    await expectError(after, 401, "invalid_refresh_token");
    // The signed-out session's access token is refused too; the session the person signed up with is untouched.
    await expectError(await call("GET", "/api/auth/me", { token }), 401, "unauthorized");
    expect((await call("GET", "/api/auth/me", { token: user.token })).status).toBe(200);
    expect((await refreshWithBody(user.refreshToken)).status).toBe(200);
  });
});

describe("clients that are not browsers", () => {
  it("keep the JSON body form: the refresh token in the body both ways, and no cookie", async () => {
    const user = await registerUser();
    const login = await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } });
    expect(login.headers.getSetCookie()).toEqual([]);
    const { refresh_token } = await json(login);
    expect(refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const res = await refreshWithBody(refresh_token);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await json(res)).refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("an origin named in CORS_ORIGINS uses the body form too (it cannot send this origin's cookie)", async () => {
    const user = await registerUser();
    const login = await send("POST", "/api/auth/login", { origin: CORS_ORIGIN, body: { email: user.email, password: user.password } });
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie()).toEqual([]);
    const { refresh_token, access_token } = await json(login);
    const res = await send("POST", "/api/auth/refresh", { origin: CORS_ORIGIN, body: { refresh_token } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const refreshed = await json(res);
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    const out = await send("POST", "/api/auth/logout", { origin: CORS_ORIGIN, token: access_token, body: { refresh_token: refreshed.refresh_token } });
    expect(out.status).toBe(204);
    await expectError(await refreshWithBody(refreshed.refresh_token), 401, "invalid_refresh_token");
  });
});

describe("a cross-site request", () => {
  it("to refresh is refused with 403 before any token is spent, with the cookie or a token in the body", async () => {
    const user = await registerUser();
    const { cookie } = await browserSignIn(user, HTTPS_APP);
    for (const origin of [EVIL, "null", "http://tideline.test", "https://tideline.test.evil.example"]) {
      const withCookie = await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin, cookie: asCookieHeader(cookie) });
      await expectError(withCookie, 403, "cross_origin_refused");
      expect(withCookie.headers.getSetCookie()).toEqual([]);
      await expectError(await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin, body: { refresh_token: user.refreshToken } }), 403, "cross_origin_refused");
    }
    // A browser that left Origin out but says the request is cross-site is refused too.
    await expectError(
      await send("POST", "/api/auth/refresh", { base: HTTPS_APP, cookie: asCookieHeader(cookie), headers: { "sec-fetch-site": "cross-site" } }),
      403,
      "cross_origin_refused",
    );
    // Nothing was spent: both tokens still work.
    expect((await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(cookie) })).status).toBe(200);
    expect((await refreshWithBody(user.refreshToken)).status).toBe(200);
  });

  it("to sign out is refused with 403 and the session lives on", async () => {
    const user = await registerUser();
    const { cookie, token } = await browserSignIn(user, HTTPS_APP);
    const res = await send("POST", "/api/auth/logout", { base: HTTPS_APP, origin: EVIL, cookie: asCookieHeader(cookie), token });
    await expectError(res, 403, "cross_origin_refused");
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await send("POST", "/api/auth/refresh", { base: HTTPS_APP, origin: HTTPS_APP, cookie: asCookieHeader(cookie) })).status).toBe(200);
  });

  it("to sign in gets no cookie (so a foreign page cannot sign a browser into an account)", async () => {
    const user = await registerUser();
    const res = await send("POST", "/api/auth/login", { base: HTTPS_APP, origin: EVIL, body: { email: user.email, password: user.password } });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe("GET /api/auth/sessions", () => {
  it("lists one session per sign-in with the device and the place the platform gives, marking this one", async () => {
    const user = await registerUser();
    const phone = await browserSignIn(user, HTTPS_APP, { colo: "AMS", city: "Amsterdam", country: "NL" });
    const ua = "Mozilla/5.0 (Linux; Android 15) Tideline test";
    const laptop = await send("POST", "/api/auth/login", { headers: { "user-agent": ua }, body: { email: user.email, password: user.password } });
    const laptopBody = await json(laptop);

    const listed = await sessionsOf(phone.token);
    expect(listed).toHaveLength(3);
    const current = listed.filter((s) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ city: "Amsterdam", country: "NL" });
    expect(listed.find((s) => s.user_agent === ua)).toMatchObject({ current: false, city: null, country: null });
    for (const s of listed) {
      expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(s.last_used_at)).toBeGreaterThanOrEqual(Date.parse(s.created_at));
      expect(Date.parse(s.expires_at)).toBeGreaterThan(Date.now());
    }
    // Another session's token says that one is current; a refresh keeps one row per sign-in.
    await refreshWithBody(laptopBody.refresh_token);
    const fromLaptop = await sessionsOf(laptopBody.access_token);
    expect(fromLaptop).toHaveLength(3);
    expect(fromLaptop.find((s) => s.current)?.user_agent).toBe(ua);
  });

  it("records the last use and the newest place on refresh", async () => {
    const user = await registerUser();
    const long_ago = Date.now() - 5 * 86_400_000;
    await env.DB.prepare("UPDATE sessions SET created_at = ?, last_used_at = ? WHERE user_id = ?").bind(long_ago, long_ago, user.id).run();
    const res = await send("POST", "/api/auth/refresh", { body: { refresh_token: user.refreshToken }, cf: { colo: "LIS", city: "Lisbon", country: "PT" } });
    expect(res.status).toBe(200);
    const [session] = await sessionsOf(user.token);
    expect(Date.parse(session!.created_at)).toBe(long_ago);
    expect(Date.parse(session!.last_used_at)).toBeGreaterThan(long_ago);
    expect(session).toMatchObject({ city: "Lisbon", country: "PT" });
  });

  it("leaves out sessions that were signed out, revoked for reuse, or expired; a new sign-in prunes the expired", async () => {
    const user = await registerUser();
    const signedOut = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    await call("POST", "/api/auth/logout", { token: signedOut.access_token, body: { refresh_token: signedOut.refresh_token } });
    const stolen = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    await refreshWithBody(stolen.refresh_token);
    await refreshWithBody(stolen.refresh_token);
    // A session past its expiry (its row kept until the next sign-in).
    await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } });
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = ? AND id <> (SELECT family_id FROM refresh_tokens WHERE token_hash = ?)")
      .bind(Date.now() - 1, user.id, await sha256Base64Url(user.refreshToken))
      .run();
    const listed = await sessionsOf(user.token);
    expect(listed.map((s) => s.current)).toEqual([true]);
    await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } });
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(rows!.n).toBe(2);
  });

  it("needs a signed-in person", async () => {
    await expectError(await call("GET", "/api/auth/sessions"), 401, "unauthorized");
  });
});

describe("DELETE /api/auth/sessions/{id}", () => {
  it("ends one session: its refresh token stops working, the others go on", async () => {
    const user = await registerUser();
    const other = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    const target = (await sessionsOf(user.token)).find((s) => !s.current)!;
    expect((await call("GET", "/api/auth/me", { token: other.access_token })).status).toBe(200);
    expect((await call("DELETE", `/api/auth/sessions/${target.id}`, { token: user.token })).status).toBe(204);
    await expectError(await refreshWithBody(other.refresh_token), 401, "invalid_refresh_token");
    // Its access token stops working at once, for reads and writes, not when it would expire.
    await expectError(await call("GET", "/api/auth/me", { token: other.access_token }), 401, "unauthorized");
    await expectError(await call("POST", "/api/entries", { token: other.access_token, body: { content: "From a device that was signed out." } }), 401, "unauthorized");
    expect((await call("GET", "/api/auth/me", { token: user.token })).status).toBe(200);
    expect((await sessionsOf(user.token)).map((s) => s.current)).toEqual([true]);
    expect((await refreshWithBody(user.refreshToken)).status).toBe(200);
    await expectError(await call("DELETE", `/api/auth/sessions/${target.id}`, { token: user.token }), 404, "not_found");
  });

  it("a read that also writes (today's prompt) stores nothing for an ended session's token", async () => {
    const user = await registerUser();
    const other = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    const target = (await sessionsOf(user.token)).find((s) => !s.current)!;
    expect((await call("DELETE", `/api/auth/sessions/${target.id}`, { token: user.token })).status).toBe(204);
    const shown = async () => (await env.DB.prepare("SELECT count(*) AS n FROM prompts_shown WHERE user_id = ?").bind(user.id).first<{ n: number }>())!.n;
    await expectError(await call("GET", "/api/prompts/daily", { token: other.access_token }), 401, "unauthorized");
    await expectError(await call("GET", "/api/gamification/stats", { token: other.access_token }), 401, "unauthorized");
    expect(await shown()).toBe(0);
    expect((await call("GET", "/api/prompts/daily", { token: user.token })).status).toBe(200);
    expect(await shown()).toBe(1);
  });

  it("answers 404 for another person's session and changes nothing; 400 for what is not an id", async () => {
    const owner = await registerUser();
    const stranger = await registerUser();
    const [theirs] = await sessionsOf(owner.token);
    await expectError(await call("DELETE", `/api/auth/sessions/${theirs!.id}`, { token: stranger.token }), 404, "not_found");
    expect((await refreshWithBody(owner.refreshToken)).status).toBe(200);
    expect(await sessionsOf(owner.token)).toHaveLength(1);
    await expectError(await call("DELETE", `/api/auth/sessions/${crypto.randomUUID()}`, { token: stranger.token }), 404, "not_found");
    await expectError(await call("DELETE", "/api/auth/sessions/not-an-id", { token: stranger.token }), 400, "validation_failed");
  });
});

describe("POST /api/auth/sessions/revoke-others", () => {
  it("signs out everywhere else and keeps this session", async () => {
    const user = await registerUser();
    const others = await Promise.all(
      [1, 2].map(async () => json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }))),
    );
    const stranger = await registerUser();
    const res = await call("POST", "/api/auth/sessions/revoke-others", { token: user.token });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ended: 2 });
    for (const o of others) {
      await expectError(await refreshWithBody(o.refresh_token), 401, "invalid_refresh_token");
      await expectError(await call("GET", "/api/entries", { token: o.access_token }), 401, "unauthorized");
    }
    expect((await sessionsOf(user.token)).map((s) => s.current)).toEqual([true]);
    expect((await refreshWithBody(user.refreshToken)).status).toBe(200);
    // Nobody else was touched.
    expect((await refreshWithBody(stranger.refreshToken)).status).toBe(200);
    expect(await json(await call("POST", "/api/auth/sessions/revoke-others", { token: user.token }))).toEqual({ ended: 0 });
  });
});

describe("POST /api/auth/password", () => {
  it("with the current password: sets the new one and ends every other session, keeping this one", async () => {
    const user = await registerUser();
    const other = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    const newPassword = `new ${crypto.randomUUID()}`;
    const res = await call("POST", "/api/auth/password", { token: user.token, body: { current_password: user.password, new_password: newPassword } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ended: 1 });
    await expectError(await refreshWithBody(other.refresh_token), 401, "invalid_refresh_token");
    await expectError(await call("GET", "/api/auth/me", { token: other.access_token }), 401, "unauthorized");
    expect((await call("GET", "/api/auth/me", { token: user.token })).status).toBe(200);
    expect((await refreshWithBody(user.refreshToken)).status).toBe(200);
    await expectError(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }), 401, "invalid_credentials");
    expect((await call("POST", "/api/auth/login", { body: { email: user.email, password: newPassword } })).status).toBe(200);
  });

  it("refuses a wrong current password with 403 and changes nothing; validates the new one", async () => {
    const user = await registerUser();
    const other = await json(await call("POST", "/api/auth/login", { body: { email: user.email, password: user.password } }));
    const before = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(user.id).first();
    await expectError(
      await call("POST", "/api/auth/password", { token: user.token, body: { current_password: "not it at all", new_password: "a brand new passphrase" } }),
      403,
      "wrong_password",
    );
    const error = await expectError(
      await call("POST", "/api/auth/password", { token: user.token, body: { current_password: user.password, new_password: "short" } }),
      400,
      "validation_failed",
    );
    expect(error.details!.map((d) => d.path)).toEqual(["new_password"]);
    await expectError(await call("POST", "/api/auth/password", { body: { current_password: user.password, new_password: "a brand new passphrase" } }), 401);
    expect(await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(user.id).first()).toEqual(before);
    expect((await refreshWithBody(other.refresh_token)).status).toBe(200);
  });
});

describe("the daily clean-up of refresh tokens", () => {
  it("deletes tokens that expired more than a day ago and keeps every other", async () => {
    const person = await registerUser();
    const now = Date.parse("2026-11-30T03:00:00Z");
    const row = (hash: string, expiresAt: number) =>
      env.DB.prepare("INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)").bind(hash, person.id, crypto.randomUUID(), expiresAt, 0);
    const [old, recent, live] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await env.DB.batch([row(old, now - 2 * 86_400_000), row(recent, now - 3_600_000), row(live, now + 86_400_000)]);
    expect(await pruneExpiredRefreshTokens(getDb(env), now)).toBeGreaterThanOrEqual(1);
    const left = await env.DB.prepare("SELECT token_hash FROM refresh_tokens WHERE token_hash IN (?, ?, ?)").bind(old, recent, live).all<{ token_hash: string }>();
    expect(left.results.map((r) => r.token_hash).sort()).toEqual([recent, live].sort());
    // The person's own sign-in is untouched.
    expect((await call("GET", "/api/auth/me", { token: person.token })).status).toBe(200);
  });
});
