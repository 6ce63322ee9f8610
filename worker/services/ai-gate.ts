// The one way a person's words reach Workers AI: a private entry is refused (the caller uses the
// local path), and everything else is redacted first (worker/privacy/redact.ts) with the names of
// the people this person writes about, so the model sees placeholders and the answer gets the names back.
import { and, desc, eq, inArray } from "drizzle-orm";
import { checkOnly } from "../db/check-only.ts";
import type { Database } from "../db/client.ts";
import { entries } from "../db/schema.ts";
import { NoticedListSchema, noticedIn } from "./entry-noticed.ts";
import { nameWordsOf } from "../text/people.ts";
import { createRedactor, type NameToHide, type Redactor } from "../privacy/redact.ts";

/** How many of the person's newest entries lend their people's names (bounded, whatever the history). */
export const KNOWN_NAMES_FROM = 500;

export type AiGate = Redactor;

/** Whether an entry's words may be sent to Workers AI at all. */
export const mayReachAi = (entry: { private: boolean }): boolean => !entry.private;

/** Names in a list of people as stored (entries.people), without the relations ("my sister"). */
export function namesOfPeople(people: readonly string[]): NameToHide[] {
  return people.flatMap(nameWordsOf);
}

/**
 * The names of the people this person has written about: the people lists of their newest entries
 * (private ones too: a name from a private entry is hidden everywhere), plus whoever the texts about
 * to be sent mention, read locally now.
 */
export async function knownNames(db: Database, userId: string, texts: readonly string[]): Promise<NameToHide[]> {
  const rows = await db
    .select({ people: entries.people })
    .from(entries)
    .where(eq(entries.userId, userId))
    .orderBy(desc(entries.createdAt))
    .limit(KNOWN_NAMES_FROM);
  const people = new Set<string>();
  for (const row of rows) for (const p of NoticedListSchema.parse(JSON.parse(row.people))) people.add(p);
  for (const text of texts) for (const p of noticedIn(text).people) people.add(p);
  return namesOfPeople([...people]);
}

/** A redactor for this person and these texts: call `redact` on what is sent, `restore` on what comes back. */
export async function openAiGate(db: Database, userId: string, texts: readonly string[]): Promise<AiGate> {
  return createRedactor(await knownNames(db, userId, texts));
}

/**
 * The gate for one entry: null when the entry is private (the caller then stays local), else the
 * entry's text as it may be sent and the gate to restore the answer with.
 */
export async function gateEntry(db: Database, userId: string, entry: { private: boolean; text: string }): Promise<{ text: string; gate: AiGate } | null> {
  if (!mayReachAi(entry)) return null;
  const gate = await openAiGate(db, userId, [entry.text]);
  return { text: gate.redact(entry.text), gate };
}

/** Which of these entries are private (to leave them out of what is sent). */
export async function privateEntryIds(db: Database, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: entries.id })
    .from(entries)
    .where(and(inArray(entries.id, [...ids]), checkOnly(and(eq(entries.userId, userId), eq(entries.private, true))!)));
  return new Set(rows.map((r) => r.id));
}
