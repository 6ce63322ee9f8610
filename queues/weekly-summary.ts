// The weekly summary for one person: the emotional arc of their week, what helped, and the topics
// that came back. Stored once per week (an upsert, so a repeated job changes nothing) and announced.
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Database } from "../worker/db/client.ts";
import { entries, insights, weeklySummaries } from "../worker/db/schema.ts";
import { isNegativeEmotion } from "../worker/emotion/taxonomy.ts";
import { localDate, WEEK_MS, weekEndingOn } from "../worker/lib/time-zone.ts";
import { StoredTextListSchema, type WeeklySummaryData } from "../worker/schemas/insights.ts";
import { graphFor } from "../worker/services/graph.ts";
import { toSuggestedAction } from "../worker/services/journal.ts";
import { calendarSettings } from "../worker/services/settings.ts";
import type { WeeklySummaryJob } from "./messages.ts";

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export async function buildWeeklySummary(env: Env, db: Database, job: WeeklySummaryJob): Promise<string> {
  const rows = await db
    .select({ id: entries.id, createdAt: entries.createdAt, primaryEmotion: entries.primaryEmotion, valence: entries.valence, safetyLevel: entries.safetyLevel })
    .from(entries)
    .where(and(eq(entries.userId, job.userId), gte(entries.createdAt, job.until - WEEK_MS), lt(entries.createdAt, job.until)));
  if (rows.length === 0) return "no-entries";
  const { timeZone } = await calendarSettings(db, job.userId);

  const arc = weekEndingOn(job.weekEnd).map((date) => {
    const day = rows.filter((r) => localDate(r.createdAt, timeZone) === date);
    const valences = day.map((r) => r.valence).filter((v): v is number => v !== null);
    return {
      date,
      entries: day.length,
      mean_valence: valences.length ? Math.round((valences.reduce((a, b) => a + b, 0) / valences.length) * 1000) / 1000 : null,
      dominant_emotion: mostCommon(day.map((r) => r.primaryEmotion).filter((e): e is string => e !== null)),
    };
  });
  const emotions: Record<string, number> = {};
  for (const r of rows) if (r.primaryEmotion) emotions[r.primaryEmotion] = (emotions[r.primaryEmotion] ?? 0) + 1;

  const hardest = mostCommon(rows.map((r) => r.primaryEmotion).filter((e): e is string => e !== null && isNegativeEmotion(e)));
  const helped = hardest
    ? (await graphFor(env, job.userId).suggestions(hardest, 5)).filter((s) => s.source === "history" && (s.evidence?.worked ?? 0) > 0).slice(0, 3)
    : [];

  const topicCounts = new Map<string, number>();
  // Topics are the summary's highlights: a crisis entry's words are never brought back as one.
  const highlightable = rows.filter((r) => r.safetyLevel !== "crisis");
  for (let i = 0; i < highlightable.length; i += 90) {
    const ids = highlightable.slice(i, i + 90).map((r) => r.id);
    const ready = await db
      .select({ topics: insights.topics })
      .from(insights)
      .where(and(eq(insights.userId, job.userId), eq(insights.status, "ready"), inArray(insights.entryId, ids)));
    for (const r of ready) for (const t of StoredTextListSchema.parse(JSON.parse(r.topics ?? "[]"))) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
  }
  const recurring = [...topicCounts.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([topic, count]) => ({ topic, count }));

  const data: WeeklySummaryData = {
    week_end: job.weekEnd,
    entry_count: rows.length,
    arc,
    emotions,
    helped: helped.map(toSuggestedAction),
    recurring_topics: recurring,
  };
  await db
    .insert(weeklySummaries)
    .values({ id: crypto.randomUUID(), userId: job.userId, weekEnd: job.weekEnd, data: JSON.stringify(data), createdAt: Date.now() })
    .onConflictDoUpdate({ target: [weeklySummaries.userId, weeklySummaries.weekEnd], set: { data: JSON.stringify(data) } });
  await graphFor(env, job.userId).broadcast({ type: "weekly.ready", week_end: job.weekEnd });
  return "summarised";
}
