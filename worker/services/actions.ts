// Action items as a person's open intentions: kept from each ready insight ("I need to talk to my
// manager"), listed and marked done or dropped, followed up gently a day or more later, and, once
// done, counted in the emotional graph like a tried suggestion.
import { and, desc, eq, gte, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { actionItems, entries } from "../db/schema.ts";
import { fnv1a } from "../lib/hash.ts";
import { notFound } from "../lib/errors.ts";
import { DAY_MS, localDate, localWeekday, shiftDay } from "../lib/time-zone.ts";
import { normaliseApostrophes } from "../insights/text.ts";
import type { ACTION_STATUSES } from "../schemas/actions.ts";
import { encodeCursor, keysetAfter } from "../lib/keyset-cursor.ts";
import { markTried } from "./journal.ts";
import { calendarSettings } from "./settings.ts";

type ActionStatus = (typeof ACTION_STATUSES)[number];
type ActionRow = typeof actionItems.$inferSelect;

/** Intentions older than this are not brought up again: the moment has passed. */
const FOLLOW_UP_WITHIN_MS = 30 * DAY_MS;
/** The graph names an action in at most 80 characters (durable-objects/graph-types.ts). */
const GRAPH_ACTION_CHARS = 80;

// ---------------------------------------------------------------------------------------------
// The words of an intention

/** Leading words that say when or join the clause on, before the "I will" ("Tomorrow, I'll …"). */
const LEAD = /^(?:(?:so|and|but|then|ok|okay|anyway|also|tomorrow|tonight|today|this (?:morning|afternoon|evening|weekend)|next (?:week|time|month)|from now on|on \w+day),?\s+)+/i;
const FRAME = new RegExp(
  String.raw`^(?:i|we)(?:'ll| will| shall| must| should| ought to|'m (?:going|gonna|planning|about|trying) to| am (?:going|gonna|planning|about|trying) to|'m gonna| (?:(?:really|still|also|just|definitely|finally) )*(?:need|have|plan|intend|want|mean|promised(?: myself)?|decided|got) to|(?:'ve| have) (?:decided|got|promised myself) to)\s+(?:(?:really|definitely|finally|just|actually|try to|try and) )*`,
  "i",
);
const GENERAL_FRAME = /^(?:note to self:?|remind myself to|to-?do:?|my (?:plan|goal|next step) is(?: to)?)\s*/i;
/** When words at the end: right for the day it was written, wrong a day later ("call mum tomorrow"). */
const TRAILING_WHEN = /\s+(?:(?:first thing )?(?:today|tonight|tomorrow(?: morning| evening| night)?|this (?:morning|afternoon|evening|weekend|week)|next (?:week|month)|(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))|soon|later|asap)$/i;

/** "I need to talk to my manager tomorrow." → "talk to my manager"; null when no frame is found. */
export function intentionPhrase(text: string): string | null {
  const plain = normaliseApostrophes(text).replace(/^\u2026/, "").replace(/[.!\s]+$/, "").trim().replace(LEAD, "");
  const frame = FRAME.exec(plain) ?? GENERAL_FRAME.exec(plain);
  if (!frame) return null;
  const rest = plain.slice(frame[0].length).replace(TRAILING_WHEN, "").trim();
  return /\p{L}/u.test(rest) ? rest : null;
}

const SECOND_PERSON: Record<string, string> = { i: "you", me: "you", my: "your", mine: "yours", myself: "yourself", "i'm": "you're", "i've": "you've", "i'll": "you'll", "i'd": "you'd", we: "you", us: "you", our: "your", ours: "yours", ourselves: "yourselves" };

/** The phrase spoken back to the person: "talk to my manager" → "talk to your manager". */
export const secondPerson = (phrase: string) => phrase.replace(/\b[\p{L}']+\b/gu, (w) => SECOND_PERSON[w.toLowerCase()] ?? w);

const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** A day the words name, counted from the day they were written in the person's time zone. */
export function dueDateOf(text: string, writtenAt: number, timeZone: string): string | null {
  const t = normaliseApostrophes(text).toLowerCase();
  const today = localDate(writtenAt, timeZone);
  if (/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/.test(t)) return today;
  if (/\btomorrow\b/.test(t)) return shiftDay(today, 1);
  const weekday = localWeekday(writtenAt, timeZone);
  if (/\bthis weekend\b/.test(t)) return shiftDay(today, weekday === 0 ? 0 : 6 - weekday);
  if (/\bnext week\b/.test(t)) return shiftDay(today, (8 - weekday) % 7 || 7);
  const named = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.exec(t);
  if (named) return shiftDay(today, (WEEKDAY_NAMES.indexOf(named[1]!) - weekday + 7) % 7 || 7);
  return null;
}

/** A stable id for an entry's intention, so that a re-analysis finding it again keeps its row. */
async function itemId(entryId: string, text: string): Promise<string> {
  const key = `${entryId}\n${normaliseApostrophes(text).toLowerCase().replace(/\s+/g, " ").trim()}`;
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key))).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: a name-based id of our own making
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Writing them from a ready insight

/**
 * Keeps the intentions of an entry's ready insight. Idempotent per revision: the entry's items still
 * open are replaced by this revision's, and the ones the person marked done or dropped stay as they
 * are (an intention found again keeps its row and its status). A crisis entry keeps none.
 */
export async function keepActionItems(db: Database, job: { userId: string; entryId: string; revision: number }, texts: readonly string[]) {
  const { userId, entryId, revision } = job;
  const entry = await db.query.entries.findFirst({
    where: and(eq(entries.id, entryId), eq(entries.userId, userId)),
    columns: { revision: true, safetyLevel: true, createdAt: true },
  });
  if (!entry || entry.revision > revision) return;
  const mine = and(eq(actionItems.userId, userId), eq(actionItems.entryId, entryId), eq(actionItems.status, "open"), lte(actionItems.revision, revision));
  const kept = entry.safetyLevel === "crisis" ? [] : texts.map((t) => t.trim()).filter(Boolean);
  if (kept.length === 0) {
    await db.delete(actionItems).where(mine);
    return;
  }
  const { timeZone } = await calendarSettings(db, userId);
  const now = Date.now();
  const rows = await Promise.all(
    kept.map(async (text) => ({
      id: await itemId(entryId, text),
      userId,
      entryId,
      revision,
      text,
      dueDate: dueDateOf(text, entry.createdAt, timeZone),
      createdAt: now,
      updatedAt: now,
    })),
  );
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  await db.batch([
    db.delete(actionItems).where(and(mine, notInArray(actionItems.id, unique.map((r) => r.id)))),
    db
      .insert(actionItems)
      .values(unique)
      .onConflictDoUpdate({
        target: actionItems.id,
        set: { revision, dueDate: sql`excluded.due_date`, updatedAt: now },
        setWhere: and(eq(actionItems.userId, userId), eq(actionItems.status, "open"), lte(actionItems.revision, revision)),
      }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Reading and marking them

export function toActionView(row: ActionRow) {
  return {
    id: row.id,
    entry_id: row.entryId,
    text: row.text,
    status: row.status,
    due_date: row.dueDate,
    created_at: new Date(row.createdAt).toISOString(),
    updated_at: new Date(row.updatedAt).toISOString(),
  };
}

/** A page of the person's items, newest first (all, or those with one status), by the (user_id, status?, created_at, id) indexes. */
export async function actionPage(db: Database, userId: string, query: { status?: ActionStatus | undefined; cursor?: string | undefined; limit: number }) {
  const rows = await db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.userId, userId), query.status ? eq(actionItems.status, query.status) : undefined, keysetAfter(query.cursor, actionItems.createdAt, actionItems.id)))
    .orderBy(desc(actionItems.createdAt), desc(actionItems.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toActionView), next_cursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** The graph's name for a done intention: its phrase as the person wrote it, "talk to my manager". */
export function graphActionOf(text: string): string {
  const phrase = (intentionPhrase(text) ?? text).toLowerCase().replace(/\s+/g, " ").trim();
  if (phrase.length <= GRAPH_ACTION_CHARS) return phrase;
  const cut = phrase.slice(0, GRAPH_ACTION_CHARS);
  return (cut.slice(0, cut.lastIndexOf(" ")) || cut).trim();
}

/**
 * Marks an item open, done or dropped. The first time it is done it counts in the graph as an action
 * tried after the entry that stated it, exactly as a tried suggestion does (markTried), and never again.
 */
export async function setActionStatus(env: Env, db: Database, userId: string, id: string, status: ActionStatus) {
  const [row] = await db
    .update(actionItems)
    .set({ status, updatedAt: Date.now() })
    .where(and(eq(actionItems.id, id), eq(actionItems.userId, userId)))
    .returning();
  if (!row) throw notFound("action item");
  if (status === "done" && row.creditedAt === null) {
    // markTried is idempotent (the state's tried action is set, the award keyed by entry), so two
    // PATCHes at once cost nothing extra; the flag keeps a later done → open → done from counting again.
    await markTried(env, db, userId, row.entryId, graphActionOf(row.text));
    await db
      .update(actionItems)
      .set({ creditedAt: Date.now() })
      .where(and(eq(actionItems.id, id), eq(actionItems.userId, userId), isNull(actionItems.creditedAt)));
  }
  return toActionView(row);
}

const FOLLOW_UPS = ["You meant to {p} \u2014 how did it go?", "A little while ago you wanted to {p}. How did that go?"];
const QUOTED_FOLLOW_UP = "You wrote \u201C{t}\u201D \u2014 how did it go?";

export function followUpText(item: Pick<ActionRow, "id" | "text">): string {
  const phrase = intentionPhrase(item.text);
  if (!phrase) return QUOTED_FOLLOW_UP.replace("{t}", item.text);
  return FOLLOW_UPS[fnv1a(item.id) % FOLLOW_UPS.length]!.replace("{p}", secondPerson(phrase));
}

/**
 * At most one gentle follow-up: the newest open intention written a day or more ago (within a month,
 * and not before the day it names), from an ordinary entry, and only while the person's latest entry
 * is ordinary too: never on or after a crisis or concern. Two small reads by index.
 */
export async function actionFollowUp(db: Database, userId: string, now = Date.now()) {
  const [latest] = await db
    .select({ safety: entries.safetyLevel })
    .from(entries)
    .where(eq(entries.userId, userId))
    .orderBy(desc(entries.createdAt), desc(entries.id))
    .limit(1);
  if (!latest || latest.safety !== "none") return { follow_up: null };
  const { timeZone } = await calendarSettings(db, userId);
  const [row] = await db
    .select({ item: actionItems })
    .from(actionItems)
    .innerJoin(entries, and(eq(entries.id, actionItems.entryId), eq(entries.userId, actionItems.userId)))
    .where(
      and(
        eq(actionItems.userId, userId),
        eq(actionItems.status, "open"),
        lte(actionItems.createdAt, now - DAY_MS),
        gte(actionItems.createdAt, now - FOLLOW_UP_WITHIN_MS),
        or(isNull(actionItems.dueDate), lte(actionItems.dueDate, localDate(now, timeZone))),
        eq(entries.safetyLevel, "none"),
      ),
    )
    .orderBy(desc(actionItems.createdAt), desc(actionItems.id))
    .limit(1);
  if (!row) return { follow_up: null };
  return { follow_up: { text: followUpText(row.item), item: toActionView(row.item) } };
}
