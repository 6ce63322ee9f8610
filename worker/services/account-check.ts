// The signed-in person's account as the authentication guard reads it on every request: one row by
// primary key, through a statement built once per client (building it was a visible share of a
// request's CPU), so a deleted account is refused at once rather than when its token expires.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema.ts";
import type { AuthenticatedUser } from "../lib/context.ts";

const prepare = (db: Database) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare();

const statements = new WeakMap<Database, ReturnType<typeof prepare>>();

export async function findAccount(db: Database, userId: string): Promise<AuthenticatedUser | null> {
  let statement = statements.get(db);
  if (!statement) {
    statement = prepare(db);
    statements.set(db, statement);
  }
  return (await statement.get({ id: userId })) ?? null;
}
