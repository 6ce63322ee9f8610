// Recovery without email (issue 12, part 4): ten single-use codes made while signed in, shown once and
// stored hashed, each good for setting one new password; a new set retires the old; spending one ends
// every session; the same 401 for an unknown email, a wrong code and a spent one; sign-in's rate limit.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, freshIp, json, registerUser, type TestUser } from "./helpers/api.ts";

const NEW_PASSWORD = "a brand new passphrase";
const CODE_FORM = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

async function generate(person: TestUser): Promise<string[]> {
  const res = await call("POST", "/api/auth/recovery-codes", { token: person.token, body: { password: person.password } });
  expect(res.status).toBe(201);
  const body = await json(res);
  expect(body.codes).toHaveLength(10);
  return body.codes as string[];
}

const status = async (token: string) => {
  const res = await call("GET", "/api/auth/recovery-codes", { token });
  expect(res.status).toBe(200);
  return json(res);
};

const recover = (email: string, code: string, newPassword = NEW_PASSWORD, ip?: string) =>
  call("POST", "/api/auth/recover", { ip, body: { email, code, new_password: newPassword } });

const login = (email: string, password: string) => call("POST", "/api/auth/login", { body: { email, password } });

describe("making recovery codes", () => {
  it("answers ten distinct codes once, stores only hashes, and says how many remain", async () => {
    const person = await registerUser();
    expect(await status(person.token)).toEqual({ remaining: 0, total: 0, created_at: null });

    const codes = await generate(person);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(CODE_FORM);

    const after = await status(person.token);
    expect(after).toMatchObject({ remaining: 10, total: 10 });
    expect(Date.parse(after.created_at)).not.toBeNaN();
    expect(JSON.stringify(after)).not.toContain(codes[0]!.slice(0, 5));

    const { results } = await env.DB.prepare("SELECT * FROM recovery_codes WHERE user_id = ?").bind(person.id).all<Record<string, unknown>>();
    expect(results).toHaveLength(10);
    const stored = JSON.stringify(results);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace("-", ""));
    }
  });

  it("refuses a wrong password with 403 and keeps the old set", async () => {
    const person = await registerUser();
    const codes = await generate(person);
    const res = await call("POST", "/api/auth/recovery-codes", { token: person.token, body: { password: "not my password" } });
    await expectError(res, 403, "wrong_password");
    expect(await status(person.token)).toMatchObject({ remaining: 10, total: 10 });
    expect((await recover(person.email, codes[0]!)).status).toBe(200);
  });

  it("needs a signed-in person", async () => {
    await expectError(await call("GET", "/api/auth/recovery-codes"), 401, "unauthorized");
    await expectError(await call("POST", "/api/auth/recovery-codes", { body: { password: "whatever it is" } }), 401, "unauthorized");
  });

  it("a new set makes the old codes stop working", async () => {
    const person = await registerUser();
    const old = await generate(person);
    const fresh = await generate(person);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    expect(await status(person.token)).toMatchObject({ remaining: 10, total: 10 });
    for (const code of old.slice(0, 3)) await expectError(await recover(person.email, code), 401, "invalid_recovery_code");
    expect((await recover(person.email, fresh[0]!)).status).toBe(200);
  });
});

describe("recovering with a code", () => {
  it("sets the new password, signs in afresh, and spends the code", async () => {
    const person = await registerUser();
    const codes = await generate(person);
    // Typed loosely: lower case, no dash, spaces around.
    const typed = `  ${codes[0]!.replace("-", "").toLowerCase()} `;
    const res = await recover(person.email.toUpperCase(), typed);
    expect(res.status).toBe(200);
    const session = await json(res);
    expect(session.user).toMatchObject({ id: person.id, email: person.email });
    expect(session.token_type).toBe("Bearer");
    expect(session.refresh_token).toEqual(expect.any(String));
    expect((await call("GET", "/api/auth/me", { token: session.access_token })).status).toBe(200);

    await expectError(await login(person.email, person.password), 401, "invalid_credentials");
    expect((await login(person.email, NEW_PASSWORD)).status).toBe(200);
    expect(await status(session.access_token)).toMatchObject({ remaining: 9, total: 10 });
  });

  it("a code works once: the second use answers 401 and changes nothing", async () => {
    const person = await registerUser();
    const [code] = await generate(person);
    expect((await recover(person.email, code!)).status).toBe(200);
    await expectError(await recover(person.email, code!, "someone else's password"), 401, "invalid_recovery_code");
    expect((await login(person.email, NEW_PASSWORD)).status).toBe(200);
    await expectError(await login(person.email, "someone else's password"), 401);
  });

  it("of parallel uses of one code exactly one succeeds", async () => {
    const person = await registerUser();
    const [code] = await generate(person);
    const passwords = Array.from({ length: 5 }, (_, i) => `parallel password ${i}`);
    const results = await Promise.all(passwords.map((p) => recover(person.email, code!, p)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    // The password is the winner's, and only the winner's.
    const winner = passwords[statuses.indexOf(200)]!;
    const logins = await Promise.all(passwords.map((p) => login(person.email, p)));
    expect(logins.map((r) => r.status)).toEqual(passwords.map((p) => (p === winner ? 200 : 401)));
    const { results: rows } = await env.DB.prepare("SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NOT NULL")
      .bind(person.id)
      .all<{ n: number }>();
    expect(rows[0]!.n).toBe(1);
  });

  it("ends every session of the person", async () => {
    const person = await registerUser();
    const other = await login(person.email, person.password);
    const otherRefresh = (await json(other)).refresh_token as string;
    const [code] = await generate(person);

    const res = await recover(person.email, code!);
    expect(res.status).toBe(200);
    const session = await json(res);

    for (const token of [person.refreshToken, otherRefresh]) {
      await expectError(await call("POST", "/api/auth/refresh", { body: { refresh_token: token } }), 401);
    }
    const list = await json(await call("GET", "/api/auth/sessions", { token: session.access_token }));
    expect(list.sessions).toHaveLength(1);
    expect(list.sessions[0].current).toBe(true);
    expect((await call("POST", "/api/auth/refresh", { body: { refresh_token: session.refresh_token } })).status).toBe(200);
  });

  it("an unknown email, a wrong code and a spent code answer the same 401, and a failed try changes nothing", async () => {
    const person = await registerUser();
    const codes = await generate(person);
    expect((await recover(person.email, codes[0]!)).status).toBe(200);

    const unknown = await recover(`nobody-${crypto.randomUUID()}@example.com`, codes[1]!);
    const wrong = await recover(person.email, "ZZZZZ-ZZZZZ");
    const spent = await recover(person.email, codes[0]!);
    const errors = await Promise.all([unknown, wrong, spent].map((r) => expectError(r, 401, "invalid_recovery_code")));
    expect(new Set(errors.map((e) => JSON.stringify(e))).size).toBe(1);

    // The wrong tries neither changed the password nor ended the session they could not prove.
    const signedIn = await login(person.email, NEW_PASSWORD);
    expect(signedIn.status).toBe(200);
    const refresh = (await json(signedIn)).refresh_token as string;
    await expectError(await recover(person.email, "ZZZZZ-ZZZZY", "an attacker's password"), 401);
    expect((await call("POST", "/api/auth/refresh", { body: { refresh_token: refresh } })).status).toBe(200);
    expect((await login(person.email, NEW_PASSWORD)).status).toBe(200);
  });

  it("a disabled account keeps its password and its code: 403 account_disabled, nothing changed", async () => {
    const person = await registerUser();
    const [code] = await generate(person);
    const before = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(person.id).first("password_hash");
    await env.DB.prepare("UPDATE users SET disabled_at = ? WHERE id = ?").bind(Date.now(), person.id).run();
    await expectError(await recover(person.email, code!), 403, "account_disabled");
    expect(await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(person.id).first("password_hash")).toBe(before);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NOT NULL").bind(person.id).first("n")).toBe(0);
    // Someone without a valid code learns nothing about the account.
    await expectError(await recover(person.email, "AAAAA-AAAAA"), 401);
    // Enabled again, the old password still works, and so does the code.
    await env.DB.prepare("UPDATE users SET disabled_at = NULL WHERE id = ?").bind(person.id).run();
    expect((await login(person.email, person.password)).status).toBe(200);
    expect((await recover(person.email, code!)).status).toBe(200);
  });

  it("one person's codes never work for another's email", async () => {
    const [a, b] = await Promise.all([registerUser(), registerUser()]);
    const aCodes = await generate(a);
    await generate(b);
    for (const code of aCodes.slice(0, 3)) await expectError(await recover(b.email, code), 401, "invalid_recovery_code");
    expect((await login(b.email, b.password)).status).toBe(200);
    expect(await status(b.token)).toMatchObject({ remaining: 10 });
    // And the failed tries did not spend a's codes.
    const recovered = await recover(a.email, aCodes[0]!);
    expect(recovered.status).toBe(200);
    // Recovery ended a's sessions, the old access token's with them: the new sign-in reads the count.
    expect((await call("GET", "/api/auth/me", { token: a.token })).status).toBe(401);
    expect(await status((await json(recovered)).access_token)).toMatchObject({ remaining: 9 });
  });

  it("validates the body with 400s", async () => {
    const person = await registerUser();
    const bad: [unknown, string][] = [
      [{}, "email"],
      [{ email: "not an email", code: "ABCDE-FGHJK", new_password: NEW_PASSWORD }, "email"],
      [{ email: person.email, code: "ABC", new_password: NEW_PASSWORD }, "code"],
      [{ email: person.email, code: "ABCDE-FGHJU", new_password: NEW_PASSWORD }, "code"],
      [{ email: person.email, code: "A".repeat(100), new_password: NEW_PASSWORD }, "code"],
      [{ email: person.email, code: 12345, new_password: NEW_PASSWORD }, "code"],
      [{ email: person.email, code: "ABCDE-FGHJK", new_password: "short" }, "new_password"],
    ];
    for (const [body, field] of bad) {
      const error = await expectError(await call("POST", "/api/auth/recover", { body }), 400, "validation_failed");
      expect(error.details?.map((d) => d.path), JSON.stringify(body)).toContain(field);
    }
    await expectError(await call("POST", "/api/auth/recovery-codes", { token: person.token, body: {} }), 400, "validation_failed");
    await expectError(await call("POST", "/api/auth/recovery-codes", { token: person.token, body: { password: "" } }), 400, "validation_failed");
  });

  it("is rate-limited per address like sign-in, sharing its budget", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    // Fixed 60-second windows of 20: allow for one ending during the loop (see tests/auth.test.ts).
    for (let i = 0; i < 45; i++) {
      const res = await recover("nobody@example.com", "ABCDE-FGHJK", NEW_PASSWORD, ip);
      statuses.push(res.status);
      if (res.status === 429) {
        await expectError(res, 429, "rate_limited");
        expect(res.headers.get("retry-after")).toBe("60");
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    await expectError(await call("POST", "/api/auth/login", { ip, body: { email: "nobody@example.com", password: "x" } }), 429);
    expect((await recover("nobody@example.com", "ABCDE-FGHJK")).status).toBe(401);
  });
});
