// Accounts: sign-up, sign-in, session refresh and sign-out, changing the password and deleting an
// account once the person confirms with their password. Failures are the errors a client can act on
// (409, 401, 403).
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { burnPasswordCheck, hashPassword, verifyUserPassword } from "../auth/password.ts";
import type { Device } from "../auth/device.ts";
import { findFamilyOf, revokeFamily, revokeOtherFamiliesStatements, revokeOwnFamily, rotateRefreshToken } from "../auth/refresh-tokens.ts";
import { issueSession, sessionFor } from "../auth/session.ts";
import type { Database } from "../db/client.ts";
import { settings, users } from "../db/schema.ts";
import { isUniqueViolation } from "../lib/db-errors.ts";
import { ApiError } from "../lib/errors.ts";
import type { ChangePasswordBodySchema, RegisterBodySchema } from "../schemas/auth.ts";
import { deleteAccountData } from "./account-deletion.ts";

const emailTaken = () => new ApiError(409, "email_taken", "An account with this email already exists.");
const invalidCredentials = () => new ApiError(401, "invalid_credentials", "That email and password do not match an account.");
const invalidRefreshToken = () => new ApiError(401, "invalid_refresh_token", "Your session has ended. Please sign in again.");

/** A new account with its settings row, signed in. */
export async function register(db: Database, secret: string, body: z.output<typeof RegisterBodySchema>, device: Device) {
  const { name, email, password } = body;
  const existing = await db.query.users.findFirst({ where: eq(users.email, email), columns: { id: true } });
  if (existing) throw emailTaken();
  const hashed = await hashPassword(password);
  const user = { id: crypto.randomUUID(), email, name, role: "user" as const };
  const now = Date.now();
  try {
    await db.batch([
      db.insert(users).values({
        ...user,
        passwordHash: hashed.hash,
        passwordSalt: hashed.salt,
        passwordIterations: hashed.iterations,
        createdAt: now,
      }),
      db.insert(settings).values({ userId: user.id, updatedAt: now }),
    ]);
  } catch (err) {
    // Two sign-ups for one email at once: the unique index decides, the loser gets 409.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  const session = await issueSession(db, secret, user, device);
  return { user, ...session };
}

/** Signs in with email and password; an unknown email costs as long as a wrong password. */
export async function signIn(db: Database, secret: string, email: string, password: string, device: Device) {
  const row = await db.query.users.findFirst({ where: eq(users.email, email) });
  if (!row) {
    await burnPasswordCheck(password);
    throw invalidCredentials();
  }
  if (!(await verifyUserPassword(password, row))) throw invalidCredentials();
  const user = { id: row.id, email: row.email, name: row.name, role: row.role };
  const session = await issueSession(db, secret, user, device);
  return { user, ...session };
}

/** Exchanges a refresh token for new tokens (see rotateRefreshToken for reuse detection). */
export async function refreshSession(db: Database, secret: string, refreshToken: string, device: Device) {
  const rotation = await rotateRefreshToken(db, refreshToken, device);
  if (!rotation.ok) throw invalidRefreshToken();
  const row = await db.query.users.findFirst({
    where: eq(users.id, rotation.userId),
    columns: { id: true, email: true, name: true, role: true },
  });
  if (!row) throw invalidRefreshToken();
  const session = await sessionFor(secret, row, rotation.familyId, rotation.refreshToken);
  return { user: row, ...session };
}

/**
 * Signs out: revokes the whole family of the person's refresh token (someone else's token: nothing),
 * or without a token the session the access token was issued in.
 */
export async function signOut(db: Database, userId: string, refreshToken: string | null, currentSessionId: string | null): Promise<void> {
  if (refreshToken !== null) {
    const familyId = await findFamilyOf(db, refreshToken, userId);
    if (familyId) await revokeFamily(db, familyId);
    return;
  }
  if (currentSessionId !== null) await revokeOwnFamily(db, userId, currentSessionId);
}

const wrongPassword = () => new ApiError(403, "wrong_password", "The password is not correct.");

/**
 * Sets a new password once the current one is confirmed, and ends every other session in the same
 * batch: whoever else held a session (perhaps the reason for the change) is signed out. The session
 * the request came in keeps working. Answers how many sessions ended.
 */
export async function changePassword(
  db: Database,
  userId: string,
  currentSessionId: string | null,
  body: z.output<typeof ChangePasswordBodySchema>,
): Promise<{ ended: number }> {
  const row = await db.query.users.findFirst({ where: eq(users.id, userId) });
  // 403, not 401: the session is fine, the confirmation is wrong (a client must not refresh and retry).
  if (!row || !(await verifyUserPassword(body.current_password, row))) throw wrongPassword();
  const hashed = await hashPassword(body.new_password);
  const now = Date.now();
  const [, , ended] = await db.batch([
    db
      .update(users)
      .set({ passwordHash: hashed.hash, passwordSalt: hashed.salt, passwordIterations: hashed.iterations })
      .where(eq(users.id, userId)),
    ...revokeOtherFamiliesStatements(db, userId, currentSessionId, now),
  ]);
  return { ended: ended.filter((s) => s.expiresAt > now).length };
}

/** Deletes the account and all its data once the password is confirmed. */
export async function deleteAccount(env: Env, db: Database, userId: string, password: string): Promise<void> {
  const row = await db.query.users.findFirst({ where: eq(users.id, userId) });
  // 403, not 401: the session is fine, the confirmation is wrong (a client must not refresh and retry).
  if (!row || !(await verifyUserPassword(password, row))) throw wrongPassword();
  await deleteAccountData(env, userId);
}
