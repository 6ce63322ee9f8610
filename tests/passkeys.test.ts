// Passkeys (issue 12, part 2), end to end against a software authenticator: register while signed in,
// sign in with no password (a session like any other), list, rename, remove. Challenges are single-use
// and short-lived, bound to their purpose and person; the origin, user verification and the signature
// counter are checked; another person's passkey is a 404; a removed passkey signs no one in.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, call, expectError, freshIp, json, registerUser, type TestUser } from "./helpers/api.ts";
import { SoftwareAuthenticator, type AnswerOverrides } from "./helpers/software-authenticator.ts";

const registerOptions = async (person: TestUser) => {
  const res = await call("POST", "/api/auth/passkeys/register/options", { token: person.token });
  expect(res.status).toBe(200);
  return json(res);
};

const loginOptions = async (ip?: string) => {
  const res = await call("POST", "/api/auth/passkeys/login/options", { ip });
  expect(res.status).toBe(200);
  return json(res);
};

const finishRegistration = (person: TestUser, response: unknown, name?: string) =>
  call("POST", "/api/auth/passkeys/register", { token: person.token, body: { response, ...(name === undefined ? {} : { name }) } });

const login = (response: unknown, headers?: Record<string, string>, ip?: string) =>
  call("POST", "/api/auth/passkeys/login", { body: { response }, headers, ip });

const list = async (person: TestUser) => {
  const res = await call("GET", "/api/auth/passkeys", { token: person.token });
  expect(res.status).toBe(200);
  return (await json(res)).passkeys as { id: string; name: string; created_at: string; last_used_at: string | null; synced: boolean }[];
};

const storedPasskeys = async (userId: string) =>
  (await env.DB.prepare("SELECT * FROM passkeys WHERE user_id = ?").bind(userId).all<Record<string, unknown>>()).results;

/** A person with one registered passkey and the authenticator that holds it. */
async function personWithPasskey(name = "Laptop") {
  const person = await registerUser();
  const authenticator = await SoftwareAuthenticator.create();
  const res = await finishRegistration(person, await authenticator.register(await registerOptions(person)), name);
  expect(res.status).toBe(201);
  return { person, authenticator, passkey: await json(res) };
}

async function signInWith(authenticator: SoftwareAuthenticator, overrides: AnswerOverrides = {}, headers?: Record<string, string>) {
  return login(await authenticator.sign(await loginOptions(), overrides), headers);
}

describe("registering a passkey", () => {
  it("hands out options bound to this origin and person, and keeps the passkey", async () => {
    const person = await registerUser({ name: "Ada" });
    const options = await registerOptions(person);
    expect(options).toMatchObject({
      rp: { id: new URL(BASE).hostname, name: "Tideline" },
      user: { name: person.email, displayName: "Ada" },
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      attestation: "none",
      timeout: 300_000,
    });
    expect(options.challenge).toMatch(/^[\w-]{20,}$/);

    const authenticator = await SoftwareAuthenticator.create();
    const res = await finishRegistration(person, await authenticator.register(options), "  Work laptop ");
    expect(res.status).toBe(201);
    const passkey = await json(res);
    expect(passkey).toMatchObject({ name: "Work laptop", last_used_at: null, synced: false });
    expect(Date.parse(passkey.created_at)).not.toBeNaN();
    expect(await list(person)).toEqual([passkey]);

    const [row] = await storedPasskeys(person.id);
    expect(row).toMatchObject({ id: passkey.id, credential_id: authenticator.credentialId, counter: 0, transports: '["internal"]' });
    // The challenge is spent.
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM passkey_challenges WHERE challenge = ?").bind(options.challenge).first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it("names a passkey “Passkey” when no name is given, and excludes the ones already registered", async () => {
    const { person, authenticator } = await personWithPasskey();
    const options = await registerOptions(person);
    expect(options.excludeCredentials).toEqual([{ id: authenticator.credentialId, type: "public-key", transports: ["internal"] }]);
    const second = await SoftwareAuthenticator.create();
    const res = await finishRegistration(person, await second.register(options));
    expect(res.status).toBe(201);
    expect((await json(res)).name).toBe("Passkey");
    expect(await list(person)).toHaveLength(2);
  });

  it("refuses a replayed answer: the challenge is spent the first time", async () => {
    const person = await registerUser();
    const authenticator = await SoftwareAuthenticator.create();
    const answer = await authenticator.register(await registerOptions(person));
    expect((await finishRegistration(person, answer)).status).toBe(201);
    await expectError(await finishRegistration(person, answer), 400, "passkey_challenge_invalid");
    expect(await storedPasskeys(person.id)).toHaveLength(1);
  });

  it("refuses an expired challenge", async () => {
    const person = await registerUser();
    const options = await registerOptions(person);
    await env.DB.prepare("UPDATE passkey_challenges SET expires_at = ? WHERE challenge = ?").bind(Date.now() - 1, options.challenge).run();
    const authenticator = await SoftwareAuthenticator.create();
    await expectError(await finishRegistration(person, await authenticator.register(options)), 400, "passkey_challenge_invalid");
    expect(await storedPasskeys(person.id)).toEqual([]);
  });

  it("refuses a challenge made up by the client, one given to someone else, or one meant for signing in", async () => {
    const person = await registerUser();
    const other = await registerUser();
    const authenticator = await SoftwareAuthenticator.create();
    const options = await registerOptions(person);
    const invented = await authenticator.register({ ...options, challenge: "bm90LWEtY2hhbGxlbmdlLXdlLWdhdmU" });
    await expectError(await finishRegistration(person, invented), 400, "passkey_challenge_invalid");
    await expectError(await finishRegistration(person, await authenticator.register(await registerOptions(other))), 400, "passkey_challenge_invalid");
    const loginChallenge = (await loginOptions()).challenge;
    await expectError(await finishRegistration(person, await authenticator.register({ ...options, challenge: loginChallenge })), 400, "passkey_challenge_invalid");
    expect(await storedPasskeys(person.id)).toEqual([]);
    // The person's own challenge was never touched by those attempts.
    expect((await finishRegistration(person, await authenticator.register(options))).status).toBe(201);
  });

  it("refuses an answer from another origin, for another RP id, or without user verification", async () => {
    const person = await registerUser();
    const authenticator = await SoftwareAuthenticator.create();
    for (const overrides of [{ origin: "https://evil.example" }, { rpId: "evil.example" }, { userVerified: false }]) {
      const answer = await authenticator.register(await registerOptions(person), overrides);
      await expectError(await finishRegistration(person, answer), 400, "passkey_rejected");
    }
    expect(await storedPasskeys(person.id)).toEqual([]);
  });

  it("answers malformed bodies with 400 in the envelope and stores nothing", async () => {
    const person = await registerUser();
    const authenticator = await SoftwareAuthenticator.create();
    const good = await authenticator.register(await registerOptions(person));
    const bad: [unknown, string][] = [
      [{}, "response"],
      [{ response: { ...good, type: "password" } }, "response.type"],
      [{ response: { ...good, response: { ...good.response, attestationObject: "not base64url!" } } }, "response.response.attestationObject"],
      [{ response: { ...good, response: { clientDataJSON: good.response.clientDataJSON } } }, "response.response.attestationObject"],
      [{ response: good, name: "" }, "name"],
      [{ response: good, name: "x".repeat(61) }, "name"],
    ];
    for (const [body, path] of bad) {
      const error = await expectError(await call("POST", "/api/auth/passkeys/register", { token: person.token, body }), 400, "validation_failed");
      expect(error.details?.map((d) => d.path)).toContain(path);
    }
    // Well-formed base64url that is not CBOR, or not JSON: the library's failure is a 400, never a 500.
    await expectError(await finishRegistration(person, { ...good, response: { ...good.response, attestationObject: "AAAA" } }), 400);
    await expectError(await finishRegistration(person, { ...good, response: { ...good.response, clientDataJSON: "AAAA" } }), 400, "passkey_rejected");
    expect(await storedPasskeys(person.id)).toEqual([]);
  });

  it("needs a signed-in person", async () => {
    await expectError(await call("POST", "/api/auth/passkeys/register/options"), 401, "unauthorized");
    await expectError(await call("POST", "/api/auth/passkeys/register", { body: {} }), 401, "unauthorized");
    await expectError(await call("GET", "/api/auth/passkeys"), 401, "unauthorized");
  });
});

describe("signing in with a passkey", () => {
  it("starts a session like a password sign-in: tokens that work, a refresh that rotates, listed among the sessions", async () => {
    const { person, authenticator, passkey } = await personWithPasskey();
    const options = await loginOptions();
    expect(options).toMatchObject({ rpId: new URL(BASE).hostname, userVerification: "required", timeout: 300_000 });
    expect(options.allowCredentials ?? []).toEqual([]);

    const res = await login(await authenticator.sign(options));
    expect(res.status).toBe(200);
    const session = await json(res);
    expect(session).toMatchObject({ user: { id: person.id, email: person.email }, token_type: "Bearer" });
    expect(typeof session.refresh_token).toBe("string");

    const me = await call("GET", "/api/auth/me", { token: session.access_token });
    expect(me.status).toBe(200);
    expect((await json(me)).user.id).toBe(person.id);
    const refreshed = await call("POST", "/api/auth/refresh", { body: { refresh_token: session.refresh_token } });
    expect(refreshed.status).toBe(200);

    const sessions = await json(await call("GET", "/api/auth/sessions", { token: session.access_token }));
    expect(sessions.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(sessions.sessions).toHaveLength(2);

    const [after] = await list(person);
    expect(after?.id).toBe(passkey.id);
    expect(after?.last_used_at).not.toBeNull();
    const [row] = await storedPasskeys(person.id);
    expect(row?.counter).toBe(1);
  });

  it("from the app's own pages, puts the refresh token in the HttpOnly cookie, not the body", async () => {
    const { authenticator } = await personWithPasskey();
    const res = await signInWith(authenticator, {}, { origin: BASE });
    expect(res.status).toBe(200);
    expect((await json(res)).refresh_token).toBeUndefined();
    expect(res.headers.get("set-cookie")).toMatch(/tideline_refresh=.*HttpOnly/i);
  });

  it("refuses a replayed answer", async () => {
    const { authenticator } = await personWithPasskey();
    const answer = await authenticator.sign(await loginOptions());
    expect((await login(answer)).status).toBe(200);
    await expectError(await login(answer), 401, "passkey_challenge_invalid");
  });

  it("refuses an expired challenge, and leaves the counter where it was", async () => {
    const { person, authenticator } = await personWithPasskey();
    const options = await loginOptions();
    await env.DB.prepare("UPDATE passkey_challenges SET expires_at = ? WHERE challenge = ?").bind(Date.now() - 1, options.challenge).run();
    await expectError(await login(await authenticator.sign(options)), 401, "passkey_challenge_invalid");
    const [row] = await storedPasskeys(person.id);
    expect(row).toMatchObject({ counter: 0, last_used_at: null });
  });

  it("refuses a registration challenge, and one the server never gave", async () => {
    const { person, authenticator } = await personWithPasskey();
    const registration = await registerOptions(person);
    await expectError(await login(await authenticator.sign({ challenge: registration.challenge })), 401, "passkey_challenge_invalid");
    await expectError(await login(await authenticator.sign({ challenge: "c29tZXRoaW5nLWVsc2UtZW50aXJlbHk" })), 401, "passkey_challenge_invalid");
  });

  it("refuses another origin, another RP id, a missing user verification and a counter that did not move", async () => {
    const { authenticator } = await personWithPasskey();
    expect((await signInWith(authenticator)).status).toBe(200);
    await expectError(await signInWith(authenticator, { origin: "https://evil.example" }), 401, "passkey_not_accepted");
    await expectError(await signInWith(authenticator, { rpId: "evil.example" }), 401, "passkey_not_accepted");
    await expectError(await signInWith(authenticator, { userVerified: false }), 401, "passkey_not_accepted");
    // A cloned authenticator shows itself by a counter that goes back.
    await expectError(await signInWith(authenticator, { counter: 1 }), 401, "passkey_not_accepted");
    expect((await signInWith(authenticator)).status).toBe(200);
  });

  it("refuses a passkey no one registered, with the same answer", async () => {
    const stranger = await SoftwareAuthenticator.create();
    await expectError(await signInWith(stranger), 401, "passkey_not_accepted");
  });

  it("refuses a signature made with another key", async () => {
    const { authenticator } = await personWithPasskey();
    const impostor = await SoftwareAuthenticator.create();
    const answer = await impostor.sign(await loginOptions());
    const forged = { ...answer, id: authenticator.credentialId, rawId: authenticator.credentialId };
    await expectError(await login(forged), 401, "passkey_not_accepted");
  });

  it("answers malformed bodies with 400 in the envelope", async () => {
    const { authenticator } = await personWithPasskey();
    const good = await authenticator.sign(await loginOptions());
    const bad: [unknown, string][] = [
      [{}, "response"],
      [{ response: { ...good, id: "" } }, "response.id"],
      [{ response: { ...good, response: { ...good.response, signature: 42 } } }, "response.response.signature"],
      [{ response: { ...good, clientExtensionResults: undefined } }, "response.clientExtensionResults"],
    ];
    for (const [body, path] of bad) {
      const error = await expectError(await call("POST", "/api/auth/passkeys/login", { body }), 400, "validation_failed");
      expect(error.details?.map((d) => d.path)).toContain(path);
    }
    // Invalid bodies never reach the challenge: the good answer still works after them.
    expect((await login(good)).status).toBe(200);
    // Well-formed base64url that is no authenticatorData: the library's failure is a 401, never a 500.
    const next = await authenticator.sign(await loginOptions());
    await expectError(await login({ ...next, response: { ...next.response, authenticatorData: "AAAA" } }), 401, "passkey_not_accepted");
  });

  it("is rate-limited per address like password sign-in, sharing its budget", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    // Fixed 60-second windows of 20: allow for one ending during the loop (see tests/auth.test.ts).
    for (let i = 0; i < 45; i++) {
      const res = await call("POST", "/api/auth/passkeys/login/options", { ip });
      statuses.push(res.status);
      if (res.status === 429) {
        await expectError(res, 429, "rate_limited");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    await expectError(await login({}, undefined, ip), 429, "rate_limited");
    await expectError(await call("POST", "/api/auth/login", { ip, body: { email: "nobody@example.com", password: "x" } }), 429);
  });
});

describe("managing passkeys", () => {
  it("renames a passkey", async () => {
    const { person, passkey } = await personWithPasskey("Old name");
    const res = await call("PATCH", `/api/auth/passkeys/${passkey.id}`, { token: person.token, body: { name: "Phone" } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ...passkey, name: "Phone" });
    const error = await expectError(await call("PATCH", `/api/auth/passkeys/${passkey.id}`, { token: person.token, body: { name: " " } }), 400, "validation_failed");
    expect(error.details?.[0]?.path).toBe("name");
    expect((await list(person))[0]?.name).toBe("Phone");
  });

  it("removing a passkey stops it signing in", async () => {
    const { person, authenticator, passkey } = await personWithPasskey();
    expect((await signInWith(authenticator)).status).toBe(200);
    const answer = await authenticator.sign(await loginOptions());
    const res = await call("DELETE", `/api/auth/passkeys/${passkey.id}`, { token: person.token });
    expect(res.status).toBe(204);
    expect(await list(person)).toEqual([]);
    await expectError(await login(answer), 401, "passkey_not_accepted");
    await expectError(await signInWith(authenticator), 401, "passkey_not_accepted");
    await expectError(await call("DELETE", `/api/auth/passkeys/${passkey.id}`, { token: person.token }), 404, "not_found");
  });

  it("another person's passkey is a 404 and stays as it was", async () => {
    const { person, authenticator, passkey } = await personWithPasskey("Mine");
    const other = await registerUser();
    await expectError(await call("DELETE", `/api/auth/passkeys/${passkey.id}`, { token: other.token }), 404, "not_found");
    await expectError(await call("PATCH", `/api/auth/passkeys/${passkey.id}`, { token: other.token, body: { name: "Theirs" } }), 404, "not_found");
    expect(await list(other)).toEqual([]);
    expect(await list(person)).toEqual([passkey]);
    expect((await signInWith(authenticator)).status).toBe(200);
  });

  it("answers a malformed id with 400 and an unknown one with 404", async () => {
    const person = await registerUser();
    await expectError(await call("DELETE", "/api/auth/passkeys/not-a-uuid", { token: person.token }), 400, "validation_failed");
    await expectError(await call("DELETE", `/api/auth/passkeys/${crypto.randomUUID()}`, { token: person.token }), 404, "not_found");
  });

  it("a passkey goes with its account", async () => {
    const { person, authenticator } = await personWithPasskey();
    const res = await call("DELETE", "/api/auth/me", { token: person.token, body: { password: person.password } });
    expect(res.status).toBe(204);
    expect(await storedPasskeys(person.id)).toEqual([]);
    await expectError(await signInWith(authenticator), 401, "passkey_not_accepted");
  });
});
