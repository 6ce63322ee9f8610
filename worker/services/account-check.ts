// The signed-in person's account as the authentication guard reads it on every request: one row by
// primary key, with the token's session beside it, through a statement built once per client
// (building it was a visible share of a request's CPU). So a deleted or disabled account, and a
// session that was ended (signed out, ended from another device, a password change), are refused at
// once rather than when the access token expires.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { sessions, users } from "../db/schema.ts";
import type { AuthenticatedUser } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";

const prepare = (db: Database) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, sessionId: sessions.id })
    .from(users)
    .leftJoin(sessions, and(eq(sessions.id, sql.placeholder("sid")), eq(sessions.userId, users.id)))
    .where(eq(users.id, sql.placeholder("id")))
    .prepare();

const statements = new WeakMap<Database, ReturnType<typeof prepare>>();

async function accountRow(db: Database, userId: string, sessionId: string | null = null) {
  let statement = statements.get(db);
  if (!statement) {
    statement = prepare(db);
    statements.set(db, statement);
  }
  return statement.get({ id: userId, sid: sessionId });
}

/**
 * The account behind an access token; null when it is gone, an administrator disabled it, or the
 * token's session has ended (a token without a session, from before sessions were named, has none to end).
 */
export async function findAccount(db: Database, userId: string, sessionId: string | null = null): Promise<AuthenticatedUser | null> {
  const row = await accountRow(db, userId, sessionId);
  if (!row || row.disabledAt !== null) return null;
  if (sessionId !== null && row.sessionId === null) return null;
  const { disabledAt: _, sessionId: __, ...account } = row;
  return account;
}

export const accountDisabled = () =>
  new ApiError(403, "account_disabled", "This account has been disabled. Contact the people who run this Tideline to have it enabled again.");

/** Refuses a new session (sign-in, recovery, passkey) for an account an administrator disabled. */
export async function assertNotDisabled(db: Database, userId: string): Promise<void> {
  const row = await accountRow(db, userId);
  if (row && row.disabledAt !== null) throw accountDisabled();
}
