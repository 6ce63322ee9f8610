// Drizzle's view of migrations/0027_analytics_rollups.sql and 0029_valence_bins.sql: the running
// totals the whole-history analytics read, kept by triggers on every write (never written by the Worker, except the time zone
// offsets and the zone the days were counted in: worker/services/zone-days.ts).
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./schema.ts";

const owner = () =>
  text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/** The person's UTC offsets: `offsetMs` holds for instants before `untilMs` (and after the previous row's). */
export const zoneSpans = sqliteTable("zone_spans", { userId: owner(), untilMs: integer("until_ms").notNull(), offsetMs: integer("offset_ms").notNull() }, (t) => [
  primaryKey({ columns: [t.userId, t.untilMs] }),
]);

export const analyticsTotals = sqliteTable("analytics_totals", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  entries: integer("entries").notNull().default(0),
  words: integer("words").notNull().default(0),
  valenceSum: real("valence_sum").notNull().default(0),
  valenceN: integer("valence_n").notNull().default(0),
  days: integer("days").notNull().default(0),
  moodDays: integer("mood_days").notNull().default(0),
  moodSum: real("mood_sum").notNull().default(0),
  moodSquares: real("mood_squares").notNull().default(0),
  daysZone: text("days_zone"),
});

export const analyticsDays = sqliteTable(
  "analytics_days",
  {
    userId: owner(),
    day: text("day").notNull(),
    entries: integer("entries").notNull().default(0),
    valenceSum: real("valence_sum").notNull().default(0),
    valenceN: integer("valence_n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export const analyticsDayMoods = sqliteTable(
  "analytics_day_moods",
  {
    userId: owner(),
    day: text("day").notNull(),
    /** The entries' primary emotion; "" for entries without one. */
    emotion: text("emotion").notNull(),
    entries: integer("entries").notNull().default(0),
    valenceSum: real("valence_sum").notNull().default(0),
    valenceN: integer("valence_n").notNull().default(0),
    /** Entries read as positive, and entries read at all (is_positive not null). */
    positive: integer("positive").notNull().default(0),
    analysed: integer("analysed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day, t.emotion] })],
);

export const ANALYTICS_ITEM_KINDS = ["activity", "person", "tag", "topic"] as const;
export type AnalyticsItemKind = (typeof ANALYTICS_ITEM_KINDS)[number];

export const analyticsItems = sqliteTable(
  "analytics_items",
  {
    userId: owner(),
    kind: text("kind", { enum: ANALYTICS_ITEM_KINDS }).notNull(),
    /** The activity, the person, the topic, or the tag's id. */
    name: text("name").notNull(),
    entries: integer("entries").notNull().default(0),
    days: integer("days").notNull().default(0),
    moodSum: real("mood_sum").notNull().default(0),
    moodSquares: real("mood_squares").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.name] })],
);

export const analyticsDayItems = sqliteTable(
  "analytics_day_items",
  {
    userId: owner(),
    day: text("day").notNull(),
    kind: text("kind", { enum: ANALYTICS_ITEM_KINDS }).notNull(),
    name: text("name").notNull(),
    entries: integer("entries").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day, t.kind, t.name] })],
);

/** How the person's entries spread over valence (migrations/0029): bin = round((valence + 1) * 20). */
export const valenceBins = sqliteTable(
  "valence_bins",
  { userId: owner(), bin: integer("bin").notNull(), entries: integer("entries").notNull().default(0) },
  (t) => [primaryKey({ columns: [t.userId, t.bin] })],
);
/** Bins per unit of valence (so each is 0.05 wide). */
export const VALENCE_BINS_PER_UNIT = 20;
