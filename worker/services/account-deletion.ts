// Deleting an account: the D1 rows (every table cascades from users), the person's Durable Object,
// and their entries' vectors in Vectorize where it is bound.
import { eq } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { entries, users } from "../db/schema.ts";
import { graphFor } from "./graph.ts";
import { forgetEntryMemories } from "./memory-forget.ts";

export async function deleteAccountData(env: Env, userId: string): Promise<void> {
  const db = getDb(env);
  // The graph goes first: if it fails the account still exists and the person can try again.
  await graphFor(env, userId).deleteAll();
  // Vectorize keeps no link to D1's rows: the entries' vectors are named before the rows go.
  const ids = await db.select({ id: entries.id }).from(entries).where(eq(entries.userId, userId));
  await forgetEntryMemories(env, ids.map((r) => r.id));
  await db.delete(users).where(eq(users.id, userId));
}
