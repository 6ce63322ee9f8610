// The person's side of safety: which country's crisis lines they are shown (their setting, else the
// country of their time zone), and the `safety` part of every entry view and journal reply.
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { entries, settings } from "../db/schema.ts";
import { countryForTimeZone, resourcesFor, type SafetyResource } from "../safety/resources.ts";
import type { SafetyLevel } from "../safety/screen.ts";
import { graphFor } from "./graph.ts";

export interface SafetyView {
  level: SafetyLevel;
  resources: SafetyResource[];
}

/** The country chosen in Settings, else the one of the person's time zone, else null (international lines). */
export const effectiveCountry = (row: { country: string | null; timezone: string } | undefined): string | null =>
  row?.country ?? (row ? countryForTimeZone(row.timezone) : null);

export async function countryOf(db: Database, userId: string): Promise<string | null> {
  const row = await db.query.settings.findFirst({ where: eq(settings.userId, userId), columns: { country: true, timezone: true } });
  return effectiveCountry(row);
}

/** The resources for the person's country: what the "Get help now" page shows. */
export async function resourcesOf(db: Database, userId: string) {
  const country = await countryOf(db, userId);
  return { country, resources: resourcesFor(country) };
}

/**
 * The `safety` part of entry views: resources only where the level calls for them, and the
 * person's country looked up only then (most pages hold no such entry and cost nothing more), unless
 * the caller already knows it.
 */
export async function safetyViewsFor(db: Database, userId: string, levels: SafetyLevel[], country?: string | null): Promise<SafetyView[]> {
  const resources = levels.some((l) => l !== "none") ? resourcesFor(country !== undefined ? country : await countryOf(db, userId)) : [];
  return levels.map((level) => ({ level, resources: level === "none" ? [] : resources }));
}

/**
 * Llama Guard found self-harm in an entry the local screen called ordinary: the entry becomes a
 * concern (only that revision, only from none) and the person's open tabs are offered the lines.
 */
export async function raiseToConcern(env: Env, db: Database, userId: string, entryId: string, revision: number): Promise<boolean> {
  const raised = await db
    .update(entries)
    .set({ safetyLevel: "concern", safetySource: "llama-guard" })
    .where(and(eq(entries.id, entryId), eq(entries.userId, userId), eq(entries.revision, revision), eq(entries.safetyLevel, "none")))
    .returning({ id: entries.id });
  if (raised.length === 0) return false;
  const { resources } = await resourcesOf(db, userId);
  await graphFor(env, userId).broadcast({ type: "safety.concern", entry_id: entryId, revision, level: "concern", resources });
  return true;
}
