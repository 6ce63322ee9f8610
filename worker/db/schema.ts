// Drizzle's view of the D1 tables created by migrations/*.sql (the SQL files are the source of
// truth; this file must be kept in step with them).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { STATED_MOODS } from "../emotion/stated-mood.ts";

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["user", "admin"] }).notNull().default("user"),
  passwordHash: text("password_hash").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordIterations: integer("password_iterations").notNull(),
  createdAt: integer("created_at").notNull(),
  /** Set by an administrator: no sign-in, no refresh, and access tokens refused (migrations/0023). */
  disabledAt: integer("disabled_at"),
}, (t) => [index("users_created").on(t.createdAt, t.id)]);

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

/** A signed-in device: one row per refresh-token family, deleted when the family is revoked (migrations/0018). */
export const sessions = sqliteTable(
  "sessions",
  {
    /** The refresh-token family id. */
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    userAgent: text("user_agent"),
    city: text("city"),
    country: text("country"),
  },
  (t) => [index("sessions_user").on(t.userId, t.lastUsedAt)],
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
    /** What the safety screen made of the text (migrations/0009). */
    safetyLevel: text("safety_level", { enum: ["none", "concern", "crisis"] }).notNull().default("none"),
    safetySource: text("safety_source", { enum: ["local", "llama-guard"] }).notNull().default("local"),
    /** JSON arrays read from the text, less what the person removed (migrations/0010; worker/services/entry-noticed.ts). */
    activities: text("activities").notNull().default("[]"),
    people: text("people").notNull().default("[]"),
    noticedRemoved: text("noticed_removed").notNull().default('{"activities":[],"people":[]}'),
    /** The mood the person stated (an imported Daylio entry), kept over any reading (migrations/0017; worker/emotion/stated-mood.ts). */
    statedMood: text("stated_mood", { enum: STATED_MOODS }),
    /** Kept from the AI: never sent to Workers AI (migrations/0020; worker/services/ai-gate.ts). */
    private: integer("private", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** Words in `content`, kept by triggers (migrations/0022_analytics.sql); never written by the Worker. */
    wordCount: integer("word_count").notNull().default(0),
    /** The local day it was written on, in the person's time zone; kept by triggers (migrations/0027). */
    localDay: text("local_day"),
  },
  (t) => [
    index("entries_user_created").on(t.userId, t.createdAt, t.id),
    index("entries_user_category").on(t.userId, t.categoryId, t.createdAt),
    /** Covers every analytics aggregate (migrations/0022; worker/services/analytics*.ts). */
    index("entries_analytics").on(t.userId, t.createdAt, t.valence, t.primaryEmotion, t.isPositive, t.wordCount, t.safetyLevel, t.id, t.activities, t.people),
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
    /** The language-model follow-up that replaces `text`, and the entry revision it answers (migrations/0011). */
    refinedText: text("refined_text"),
    refinedAt: integer("refined_at"),
    refinedRevision: integer("refined_revision"),
    /** "Make this a goal": the goal drafted from the entry's intention (JSON, GoalOfferSchema) and the goal made from it (migrations/0012). */
    goalOffer: text("goal_offer"),
    goalId: text("goal_id").references(() => goals.id, { onDelete: "set null" }),
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
  (t) => [
    primaryKey({ columns: [t.entryId, t.tagId] }),
    index("entry_tags_user_tag").on(t.userId, t.tagId),
    index("entry_tags_user_entry").on(t.userId, t.entryId),
  ],
);

export const settings = sqliteTable("settings", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  timezone: text("timezone").notNull().default("UTC"),
  theme: text("theme", { enum: ["system", "light", "dark"] }).notNull().default("system"),
  reminderTime: text("reminder_time"),
  aiAnalysis: integer("ai_analysis", { mode: "boolean" }).notNull().default(true),
  /** 0 = Sunday … 6 = Saturday, in the person's time zone. */
  weeklySummaryDay: integer("weekly_summary_day").notNull().default(0),
  streaksEnabled: integer("streaks_enabled", { mode: "boolean" }).notNull().default(true),
  /** ISO 3166 alpha-2 for crisis lines; null follows the time zone. */
  country: text("country"),
  /** New entries are private (kept from the AI) unless they say otherwise (migrations/0020). */
  privateByDefault: integer("private_by_default", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at").notNull(),
});

/** The FTS5 index over entries (migrations/0002); rowid is entries.seq. Read-only from drizzle. */
export const entriesFts = sqliteTable("entries_fts", {
  rowid: integer("rowid").notNull(),
  title: text("title"),
  content: text("content"),
});

export const insights = sqliteTable(
  "insights",
  {
    entryId: text("entry_id").primaryKey().references(() => entries.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    status: text("status", { enum: ["pending", "ready", "failed"] }).notNull(),
    provider: text("provider"),
    model: text("model"),
    sentiment: text("sentiment"),
    primaryEmotion: text("primary_emotion"),
    sentimentScores: text("sentiment_scores"),
    ekmanScores: text("ekman_scores"),
    fineScores: text("fine_scores"),
    topics: text("topics"),
    summary: text("summary"),
    questions: text("questions"),
    beliefs: text("beliefs"),
    challenges: text("challenges"),
    actionItems: text("action_items"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** The topics this insight adds to the person's analytics counts; kept by triggers (migrations/0027). */
    topicsCounted: text("topics_counted"),
  },
  (t) => [index("insights_user_status").on(t.userId, t.status), index("insights_status_updated").on(t.status, t.updatedAt)],
);

export const weeklySummaries = sqliteTable(
  "weekly_summaries",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    weekEnd: text("week_end").notNull(),
    data: text("data").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("weekly_summaries_user_week").on(t.userId, t.weekEnd)],
);

/** The seeded prompt library (shared by everyone, read-only; migrations/0015 from worker/prompts/library.ts). */
export const prompts = sqliteTable("prompts", {
  id: integer("id").primaryKey(),
  category: text("category").notNull(),
  /** Offered right after a crisis entry (soft, grounding, never probing). */
  gentle: integer("gentle", { mode: "boolean" }).notNull().default(false),
  text: text("text").notNull(),
});

/** The Ekman emotions each prompt suits. */
export const promptMoods = sqliteTable(
  "prompt_moods",
  {
    promptId: integer("prompt_id").notNull().references(() => prompts.id, { onDelete: "cascade" }),
    mood: text("mood").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mood, t.promptId] }), index("prompt_moods_prompt").on(t.promptId)],
);

/** A person's daily prompt per local day (YYYY-MM-DD), kept for the no-repeat window. */
export const promptsShown = sqliteTable(
  "prompts_shown",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    promptId: integer("prompt_id").notNull().references(() => prompts.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/** The fingerprint of a person's last generated prompt list, so that the next one differs. */
export const promptGenerations = sqliteTable("prompt_generations", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  seq: integer("seq").notNull(),
  listHash: text("list_hash").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const LIFE_AREAS = ["health", "relationships", "work", "growth", "mind", "leisure", "finance", "other"] as const;

export const goals = sqliteTable(
  "goals",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    lifeArea: text("life_area", { enum: LIFE_AREAS }).notNull(),
    targetEmotion: text("target_emotion"),
    status: text("status", { enum: ["active", "completed", "archived"] }).notNull().default("active"),
    dueDate: text("due_date"),
    completedAt: integer("completed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("goals_user_status").on(t.userId, t.status, t.updatedAt)],
);

export const goalTasks = sqliteTable(
  "goal_tasks",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id").notNull().references(() => goals.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    done: integer("done", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull(),
    createdAt: integer("created_at").notNull(),
    doneAt: integer("done_at"),
  },
  (t) => [index("goal_tasks_user_goal").on(t.userId, t.goalId, t.position)],
);

export const goalProgress = sqliteTable(
  "goal_progress",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id").notNull().references(() => goals.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    progress: integer("progress").notNull(),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("goal_progress_user_goal").on(t.userId, t.goalId, t.createdAt)],
);

export const pointTransactions = sqliteTable(
  "point_transactions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    points: integer("points").notNull(),
    reason: text("reason").notNull(),
    ref: text("ref").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("point_transactions_award").on(t.userId, t.reason, t.ref), index("point_transactions_user_created").on(t.userId, t.createdAt)],
);

/** A person's points total, kept in step with the ledger by a trigger (migrations/0013_points_total.sql). */
export const userPoints = sqliteTable("user_points", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  total: integer("total").notNull().default(0),
});

export const achievements = sqliteTable(
  "achievements",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    earnedAt: integer("earned_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

/** The kept writing streak and achievement records, one row a person (migrations/0021; worker/services/gamification.ts). */
export const gamificationProgress = sqliteTable("gamification_progress", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  timeZone: text("time_zone").notNull(),
  throughAt: integer("through_at").notNull().default(0),
  lastDay: text("last_day"),
  run: integer("run").notNull().default(0),
  sinceForgiven: integer("since_forgiven").notNull().default(0),
  forgivenDay: text("forgiven_day"),
  longest: integer("longest").notNull().default(0),
  /** Bumped by triggers on entries when the row cannot be folded forward; differs from builtChanges while stale. */
  changes: integer("changes").notNull().default(0),
  builtChanges: integer("built_changes").notNull().default(-1),
  morningWeekdays: integer("morning_weekdays").notNull().default(0),
  /** JSON array of activity names (ActivitiesSeenSchema). */
  activitiesSeen: text("activities_seen").notNull().default("[]"),
});

/** Single-use recovery codes, only their keyed hashes (migrations/0019, worker/auth/recovery-codes.ts). */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** A person's open intentions, from their insights' action items (migrations/0023; worker/services/actions.ts). */
export const actionItems = sqliteTable(
  "action_items",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    entryId: text("entry_id").notNull().references(() => entries.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ["open", "done", "dropped"] }).notNull().default("open"),
    dueDate: text("due_date"),
    creditedAt: integer("credited_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("action_items_user_status").on(t.userId, t.status, t.createdAt, t.id),
    index("action_items_user_created").on(t.userId, t.createdAt, t.id),
    index("action_items_entry").on(t.entryId, t.status),
  ],
);

/** Each person's entry count and last entry, kept by triggers on entries (migrations/0023), for operators. */
export const userActivity = sqliteTable("user_activity", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  entries: integer("entries").notNull().default(0),
  lastEntryAt: integer("last_entry_at"),
});

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    key: text("idempotency_key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    status: integer("status"),
    contentType: text("content_type"),
    body: text("body"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created").on(t.createdAt)],
);

/** Browsers subscribed to the daily reminder by Web Push (migrations/0026; worker/services/reminders.ts). */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    endpoint: text("endpoint").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    userAgent: text("user_agent"),
    createdAt: integer("created_at").notNull(),
    lastRemindedOn: text("last_reminded_on"),
  },
  (t) => [index("push_subscriptions_user").on(t.userId)],
);
