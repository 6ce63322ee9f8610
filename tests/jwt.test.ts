// Access tokens: every way a forged, foreign, stale or mis-addressed JWT must be refused.
import { env } from "cloudflare:workers";
import { SignJWT, UnsecuredJWT, base64url } from "jose";
import { describe, expect, it } from "vitest";
import { call, expectError, json, registerUser } from "./helpers/api.ts";

const key = () => new TextEncoder().encode(env.JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);

interface Forge {
  alg?: string;
  typ?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
  secret?: Uint8Array;
}

async function forge(sub: string, o: Forge = {}) {
  const jwt = new SignJWT({ role: "user" })
    .setProtectedHeader({ alg: o.alg ?? "HS256", typ: o.typ ?? "at+jwt" })
    .setIssuer(o.iss ?? "tideline")
    .setAudience(o.aud ?? "tideline-api")
    .setSubject(sub)
    .setIssuedAt(o.iat)
    .setJti(crypto.randomUUID())
    .setExpirationTime(o.exp ?? now() + 600);
  if (o.nbf !== undefined) jwt.setNotBefore(o.nbf);
  return jwt.sign(o.secret ?? key());
}

const me = (token: string) => call("GET", "/api/auth/me", { token });

describe("access tokens", () => {
  it("accepts a token forged exactly like the server's (the control case)", async () => {
    const user = await registerUser();
    const res = await me(await forge(user.id));
    expect(res.status).toBe(200);
    expect((await json(res)).user.id).toBe(user.id);
  });

  it("issues tokens with iss, aud, sub, exp, iat, jti, a typ header and a 15-minute life", async () => {
    const user = await registerUser();
    const [header, payload] = user.token.split(".").slice(0, 2).map((p) => JSON.parse(new TextDecoder().decode(base64url.decode(p))));
    expect(header).toEqual({ alg: "HS256", typ: "at+jwt" });
    expect(payload).toMatchObject({ iss: "tideline", aud: "tideline-api", sub: user.id });
    expect(payload.exp - payload.iat).toBe(900);
    expect(typeof payload.jti).toBe("string");
  });

  const refused: [string, (sub: string) => Promise<string>][] = [
    ["alg: none", async (sub) => new UnsecuredJWT({ role: "user" }).setSubject(sub).setIssuer("tideline").setAudience("tideline-api").setIssuedAt().setExpirationTime("10m").encode()],
    ["another algorithm (HS512 with the same secret)", (sub) => forge(sub, { alg: "HS512" })],
    ["another key", (sub) => forge(sub, { secret: new TextEncoder().encode("some-other-secret-that-is-also-long-enough") })],
    ["an expired token", (sub) => forge(sub, { exp: now() - 5 })],
    ["nbf in the future", (sub) => forge(sub, { nbf: now() + 600 })],
    ["iat in the future (beyond the clock skew allowed)", (sub) => forge(sub, { iat: now() + 600, exp: now() + 1200 })],
    ["a wrong issuer", (sub) => forge(sub, { iss: "someone-else" })],
    ["a wrong audience", (sub) => forge(sub, { aud: "another-api" })],
    ["a wrong typ", (sub) => forge(sub, { typ: "JWT" })],
    ["a tampered payload", async (sub) => {
      const [h, , s] = (await forge(sub)).split(".");
      const payload = base64url.encode(JSON.stringify({ sub, role: "admin", iss: "tideline", aud: "tideline-api", exp: now() + 600 }));
      return `${h}.${payload}.${s}`;
    }],
    ["garbage", async () => "not.a.jwt"],
  ];

  for (const [name, make] of refused) {
    it(`refuses ${name} with 401`, async () => {
      const user = await registerUser();
      await expectError(await me(await make(user.id)), 401, "unauthorized");
    });
  }

  it("allows a token issued a few seconds ahead of this clock (skew between machines)", async () => {
    const user = await registerUser();
    expect((await me(await forge(user.id, { iat: now() + 20 }))).status).toBe(200);
  });

  it("refuses a token for an account that no longer exists", async () => {
    await expectError(await me(await forge(crypto.randomUUID())), 401);
  });

  it("refuses a missing or malformed Authorization header", async () => {
    await expectError(await call("GET", "/api/auth/me", { headers: { authorization: "Basic abc" } }), 401);
    await expectError(await call("GET", "/api/auth/me"), 401);
  });
});
