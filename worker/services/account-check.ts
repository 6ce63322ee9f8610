// The signed-in person's account as the authentication guard reads it on every request: one row by
// primary key, through a statement built once per client (building it was a visible share of a
// request's CPU), so a deleted or disabled account is refused at once rather than when its token expires.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema.ts";
import type { AuthenticatedUser } from "../lib/context.ts";
import { ApiError } from "../lib/errors.ts";

const prepare = (db: Database) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare();

const statements = new WeakMap<Database, ReturnType<typeof prepare>>();

async function accountRow(db: Database, userId: string) {
  let statement = statements.get(db);
  if (!statement) {
    statement = prepare(db);
    statements.set(db, statement);
  }
  return statement.get({ id: userId });
}

/** The account behind an access token; null when it is gone or an administrator disabled it. */
export async function findAccount(db: Database, userId: string): Promise<AuthenticatedUser | null> {
  const row = await accountRow(db, userId);
  if (!row || row.disabledAt !== null) return null;
  const { disabledAt: _, ...account } = row;
  return account;
}

/** Refuses a new session (sign-in, recovery, passkey) for an account an administrator disabled. */
export async function assertNotDisabled(db: Database, userId: string): Promise<void> {
  const row = await accountRow(db, userId);
  if (row && row.disabledAt !== null) {
    throw new ApiError(403, "account_disabled", "This account has been disabled. Contact the people who run this Tideline to have it enabled again.");
  }
}
