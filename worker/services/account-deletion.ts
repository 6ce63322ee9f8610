// Deleting an account: the D1 rows (every table cascades from users) and the person's Durable Object.
import { eq } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { graphFor } from "./graph.ts";

export async function deleteAccountData(env: Env, userId: string): Promise<void> {
  // The graph goes first: if it fails the account still exists and the person can try again.
  await graphFor(env, userId).deleteAll();
  await getDb(env).delete(users).where(eq(users.id, userId));
}
