// Drizzle's view of the D1 tables created by migrations/*.sql (the SQL files are the source of
// truth; this file must be kept in step with them).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["user", "admin"] }).notNull().default("user"),
  passwordHash: text("password_hash").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordIterations: integer("password_iterations").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    familyId: text("family_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    rotatedAt: integer("rotated_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("refresh_tokens_user").on(t.userId), index("refresh_tokens_family").on(t.familyId)],
);

export const categories = sqliteTable(
  "categories",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("categories_user_name").on(t.userId, sql`${t.name} COLLATE NOCASE`)],
);

export const entries = sqliteTable(
  "entries",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    title: text("title"),
    content: text("content").notNull(),
    categoryId: text("category_id").references(() => categories.id, { onDelete: "set null" }),
    revision: integer("revision").notNull().default(1),
    primaryEmotion: text("primary_emotion"),
    valence: real("valence"),
    intensity: real("intensity"),
    isPositive: integer("is_positive", { mode: "boolean" }),
    /** JSON object of Ekman group -> score, from the local model at write time. */
    emotionScores: text("emotion_scores"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("entries_user_created").on(t.userId, t.createdAt, t.id),
    index("entries_user_category").on(t.userId, t.categoryId, t.createdAt),
  ],
);

export const replies = sqliteTable(
  "replies",
  {
    id: text("id").primaryKey(),
    entryId: text("entry_id").notNull().unique().references(() => entries.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    suggestedActions: text("suggested_actions").notNull(),
    triedAction: text("tried_action"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("replies_user_created").on(t.userId, t.createdAt)],
);

export const tags = sqliteTable(
  "tags",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("tags_user_name").on(t.userId, t.name)],
);

export const entryTags = sqliteTable(
  "entry_tags",
  {
    entryId: text("entry_id").notNull().references(() => entries.id, { onDelete: "cascade" }),
    tagId: text("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.tagId] }), index("entry_tags_user_tag").on(t.userId, t.tagId)],
);

export const settings = sqliteTable("settings", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  timezone: text("timezone").notNull().default("UTC"),
  theme: text("theme", { enum: ["system", "light", "dark"] }).notNull().default("system"),
  reminderTime: text("reminder_time"),
  aiAnalysis: integer("ai_analysis", { mode: "boolean" }).notNull().default(true),
  updatedAt: integer("updated_at").notNull(),
});

/** The FTS5 index over entries (migrations/0002); rowid is entries.seq. Read-only from drizzle. */
export const entriesFts = sqliteTable("entries_fts", {
  rowid: integer("rowid").notNull(),
  title: text("title"),
  content: text("content"),
});
