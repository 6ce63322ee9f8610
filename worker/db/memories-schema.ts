// Drizzle's view of migrations/0016_entry_embeddings.sql: the local memory embedding of each entry
// (worker/memories/embedding.ts), kept for the revision it was made from.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { entries, users } from "./schema.ts";

export const entryEmbeddings = sqliteTable(
  "entry_embeddings",
  {
    entryId: text("entry_id")
      .primaryKey()
      .references(() => entries.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    model: text("model").notNull(),
    /** Base64 of EMBEDDING_DIMS int8 components. */
    vector: text("vector").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("entry_embeddings_user").on(t.userId, t.entryId)],
);
