// What an entry says the person did and who it mentions ("We noticed: run, my sister"): read from the
// text on every write, less what the person removed, stored on the entry as JSON, and given to the
// emotional graph as the entry's actions beside its tags.
import { z } from "zod";
import { extractActivities } from "../text/activities.ts";

/** The stored shape of entries.activities and entries.people. */
export const NoticedListSchema = z.array(z.string());
/** The stored shape of entries.noticed_removed: what the person took away. */
export const NoticedRemovedSchema = z.object({ activities: z.array(z.string()), people: z.array(z.string()) });
export type NoticedRemoved = z.infer<typeof NoticedRemovedSchema>;

export interface Noticed {
  activities: string[];
  people: string[];
}

export const NOTHING_REMOVED: NoticedRemoved = { activities: [], people: [] };

/** The graph takes at most this many actions per state (durable-objects/graph-types.ts). */
const MAX_ACTIONS = 40;

export interface StoredNoticed {
  activities: string;
  people: string;
  noticedRemoved: string;
}

/** An entry row's lists, checked against their schemas. */
export function noticedOf(row: StoredNoticed): Noticed & { removed: NoticedRemoved } {
  return {
    activities: NoticedListSchema.parse(JSON.parse(row.activities)),
    people: NoticedListSchema.parse(JSON.parse(row.people)),
    removed: NoticedRemovedSchema.parse(JSON.parse(row.noticedRemoved)),
  };
}

const without = (list: string[], removed: string[]) => list.filter((item) => !removed.includes(item));

/** What the text says, less what the person removed. */
export function noticedIn(text: string, removed: NoticedRemoved = NOTHING_REMOVED): Noticed {
  const found = extractActivities(text);
  return { activities: without(found.activities, removed.activities), people: without(found.people, removed.people) };
}

/** Lists given from elsewhere (an imported export), tidied and held to what was removed. */
export function givenNoticed(given: Noticed, removed: NoticedRemoved): Noticed {
  const tidy = (list: string[]) => [...new Set(list.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  return { activities: without(tidy(given.activities), removed.activities), people: without(tidy(given.people), removed.people) };
}

/** Drizzle column values for the lists (and the removals, when they change). */
export function noticedColumns(noticed: Noticed, removed?: NoticedRemoved) {
  return {
    activities: JSON.stringify(noticed.activities),
    people: JSON.stringify(noticed.people),
    ...(removed ? { noticedRemoved: JSON.stringify(removed) } : {}),
  };
}

/** An entry's actions as the graph sees them: its tags, then the activities its words name. */
export const actionsOf = (tags: string[], activities: string[]): string[] => [...new Set([...tags, ...activities])].slice(0, MAX_ACTIONS);
