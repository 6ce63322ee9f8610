// One place that turns the D1 binding into a drizzle client, so the schema is always attached.
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.ts";

export function getDb(env: Pick<Env, "DB">) {
  return drizzle(env.DB, { schema });
}

export type Database = ReturnType<typeof getDb>;
