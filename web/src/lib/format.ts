// Small display helpers shared by the views: dates, durations, evidence in words, valence in words.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatDay(iso: string): string {
  // A bare date ("2026-03-04") is a calendar day: show it without shifting it by the time zone.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** "walk, Sea Air ,, work" → ["walk", "sea air", "work"]: the API lowercases and dedupes too. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((t) => t.trim().replace(/^#+/, "").toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** 5_400_000 → "about 2 hours"; rounded the way a person would say it. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "unknown";
  const minutes = ms / 60_000;
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return plural(Math.round(minutes), "minute");
  const hours = minutes / 60;
  if (hours < 36) return `about ${plural(Math.round(hours), "hour")}`;
  const days = hours / 24;
  if (days < 14) return `about ${plural(Math.round(days), "day")}`;
  return `about ${plural(Math.round(days / 7), "week")}`;
}

export const plural = (n: number, word: string) =>
  `${n.toLocaleString()} ${n === 1 ? word : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? "–" : `${Math.round(share * 100)}%`;

export interface Evidence {
  tried: number;
  worked: number;
  median_recovery_ms: number | null;
}

/** The evidence behind a suggestion, as a sentence fragment: "helped 4 of 5 times, within about 2 hours". */
export function evidenceWords(evidence: Evidence | null, source: "history" | "generic"): string {
  if (!evidence || source === "generic" || evidence.tried === 0) return "a general idea, not yet tried by you";
  const base = `helped ${evidence.worked} of ${plural(evidence.tried, "time")}`;
  if (evidence.median_recovery_ms === null || evidence.worked === 0) return base;
  const within = evidence.median_recovery_ms < 60_000 ? "a minute" : formatDuration(evidence.median_recovery_ms);
  return `${base}, usually within ${within}`;
}

/** Mean valence in [-1, 1] in words. */
export function valenceWord(valence: number | null | undefined): string {
  if (valence === null || valence === undefined) return "no entries";
  if (valence >= 0.5) return "very positive";
  if (valence >= 0.15) return "positive";
  if (valence > -0.15) return "mixed or neutral";
  if (valence > -0.5) return "low";
  return "very low";
}

/** Valence in [-1, 1] to one of nine steps, -4 … 4, for colour classes. */
export function valenceStep(valence: number): number {
  return Math.max(-4, Math.min(4, Math.round(valence * 4)));
}

/** An entry's title, or its first words when it has none (journal entries rarely do). */
export function entryTitle(entry: { title: string | null; content: string }): string {
  if (entry.title?.trim()) return entry.title;
  const words = entry.content.trim().split(/\s+/);
  const start = words.slice(0, 8).join(" ");
  return words.length > 8 ? `${start.replace(/[.,;:!?]+$/, "")}…` : start || "Untitled entry";
}
