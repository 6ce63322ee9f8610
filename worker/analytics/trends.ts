// What changed in the last 30 days against the 90 before, in words and numbers, from the two
// windows' sums. Pure: unit-tested in tests/analytics-units.test.ts. A change is said only when it
// is large enough to notice and rests on more than a handful of entries.
import type { TrendChange, TrendWindow } from "../schemas/analytics.ts";

/** A rate must move by at least this share of itself to be called a change. */
const MIN_RELATIVE = 0.2;
/** An emotion's share of entries must move by at least this many points (of 100). */
const MIN_SHARE_POINTS = 0.05;
/** Mean valence must move by at least this much (on −1 … 1). */
const MIN_VALENCE = 0.1;
/** Entries each window needs before its shares and means are compared. */
const MIN_ENTRIES = 3;
/** How many emotions and activities to name at most. */
const MAX_EACH = 3;

export type ActivityDays = Record<string, number>;

const WORDS: Record<string, string> = {
  anger: "Anger",
  disgust: "Disgust",
  fear: "Fear",
  joy: "Joy",
  sadness: "Sadness",
  surprise: "Surprise",
  neutral: "Calm, neutral moods",
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const signedPct = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(Math.round(x * 100))}%`;
const one = (x: number) => Math.round(x * 10) / 10;
const three = (x: number) => Math.round(x * 1000) / 1000;
const perWeek = (count: number, days: number) => (count * 7) / days;

function relative(before: number, after: number): number | null {
  if (before <= 0) return null;
  const change = (after - before) / before;
  return Math.abs(change) >= MIN_RELATIVE ? change : null;
}

export function describeTrends(recent: TrendWindow, previous: TrendWindow, activities: { recent: ActivityDays; previous: ActivityDays }): TrendChange[] {
  if (recent.entries === 0 || previous.entries === 0) return [];
  const changes: TrendChange[] = [];

  // How often: writing days per week, each window over its own length.
  const daysBefore = perWeek(previous.writing_days, previous.days);
  const daysAfter = perWeek(recent.writing_days, recent.days);
  const often = relative(daysBefore, daysAfter);
  if (often !== null) {
    changes.push({
      key: "frequency",
      kind: "frequency",
      direction: often > 0 ? "up" : "down",
      before: one(daysBefore),
      after: one(daysAfter),
      unit: "per_week",
      text: `You wrote ${often > 0 ? "more" : "less"} often (${signedPct(often)}: ${one(daysAfter)} days a week, from ${one(daysBefore)}).`,
    });
  }

  if (recent.entries >= MIN_ENTRIES && previous.entries >= MIN_ENTRIES) {
    const lengthBefore = previous.words / previous.entries;
    const lengthAfter = recent.words / recent.entries;
    const longer = relative(lengthBefore, lengthAfter);
    if (longer !== null) {
      changes.push({
        key: "length",
        kind: "length",
        direction: longer > 0 ? "up" : "down",
        before: Math.round(lengthBefore),
        after: Math.round(lengthAfter),
        unit: "words",
        text: `Your entries got ${longer > 0 ? "longer" : "shorter"} (${signedPct(longer)}: ${Math.round(lengthAfter)} words on average, from ${Math.round(lengthBefore)}).`,
      });
    }

    if (recent.mean_valence !== null && previous.mean_valence !== null && Math.abs(recent.mean_valence - previous.mean_valence) >= MIN_VALENCE) {
      const up = recent.mean_valence > previous.mean_valence;
      changes.push({
        key: "mood",
        kind: "mood",
        direction: up ? "up" : "down",
        before: three(previous.mean_valence),
        after: three(recent.mean_valence),
        unit: "valence",
        text: `Your mood was ${up ? "brighter" : "lower"} on average (${three(recent.mean_valence)}, from ${three(previous.mean_valence)}, on a scale from −1 to 1).`,
      });
    }

    const emotions = new Set([...Object.keys(recent.emotions), ...Object.keys(previous.emotions)]);
    const shifts = [...emotions]
      .map((emotion) => ({ emotion, before: (previous.emotions[emotion] ?? 0) / previous.entries, after: (recent.emotions[emotion] ?? 0) / recent.entries }))
      .filter((s) => Math.abs(s.after - s.before) >= MIN_SHARE_POINTS)
      .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.emotion.localeCompare(b.emotion))
      .slice(0, MAX_EACH);
    for (const s of shifts) {
      const up = s.after > s.before;
      changes.push({
        key: `emotion:${s.emotion}`,
        kind: "emotion",
        direction: up ? "up" : "down",
        before: three(s.before),
        after: three(s.after),
        unit: "share",
        text: `${WORDS[s.emotion] ?? s.emotion} came up ${up ? "more" : "less"} (${pct(s.before)} → ${pct(s.after)} of entries).`,
      });
    }
  }

  // Activities: days with it per week, named only when it came up on a few days in either window.
  const names = new Set([...Object.keys(activities.recent), ...Object.keys(activities.previous)]);
  const moved = [...names]
    .map((name) => ({ name, before: perWeek(activities.previous[name] ?? 0, previous.days), after: perWeek(activities.recent[name] ?? 0, recent.days), days: Math.max(activities.previous[name] ?? 0, activities.recent[name] ?? 0) }))
    .filter((a) => a.days >= MIN_ENTRIES && (a.before === 0 ? a.after > 0 : Math.abs(a.after - a.before) / a.before >= MIN_RELATIVE * 2))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.name.localeCompare(b.name))
    .slice(0, MAX_EACH);
  for (const a of moved) {
    const up = a.after > a.before;
    changes.push({
      key: `activity:${a.name}`,
      kind: "activity",
      direction: up ? "up" : "down",
      before: one(a.before),
      after: one(a.after),
      unit: "per_week",
      text: `“${a.name}” came up ${up ? "more" : "less"} often (${one(a.after)} days a week, from ${one(a.before)}).`,
    });
  }
  return changes;
}
