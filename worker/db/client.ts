// One place that turns the D1 binding into a drizzle client, so the schema is always attached.
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.ts";

const makeClient = (binding: D1Database) => drizzle(binding, { schema });
export type Database = ReturnType<typeof makeClient>;

/**
 * The client is made once per binding and kept: making one walks the whole schema (drizzle's
 * relational config), which was about 3% of the CPU of every request when done each time.
 */
const clients = new WeakMap<D1Database, Database>();

export function getDb(env: Pick<Env, "DB">): Database {
  let db = clients.get(env.DB);
  if (!db) {
    db = makeClient(env.DB);
    clients.set(env.DB, db);
  }
  return db;
}
