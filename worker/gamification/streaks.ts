// The writing streak, with one missed day a calendar week forgiven, as a fold over writing days.
// The same fold serves the pure answer for a set of days (tests) and the per-person row kept as
// entries arrive (services/gamification.ts), so the incremental state never drifts from the rule.
//
// The rule: a streak is a run of local days in which every day has an entry, except that a single
// missed day between two writing days is forgiven, at most one per calendar week (Monday to Sunday,
// in the person's time zone). Its length counts the days written, not the day forgiven. Today
// without an entry yet never breaks it; a missed yesterday is forgiven as soon as today begins when
// the week still allows it (the person has until the end of today to keep going).
import { DAY_MS, shiftDay } from "../lib/time-zone.ts";

export interface StreakState {
  /** The latest local day (YYYY-MM-DD) with an entry, or null before the first. */
  lastDay: string | null;
  /** Days written in the run that ends on lastDay. */
  run: number;
  /** Days written since the run's latest forgiven day (all of the run when none was forgiven). */
  sinceForgiven: number;
  /** The run's latest forgiven day, or null. */
  forgiven: string | null;
  /** The longest run so far. */
  longest: number;
}

export const EMPTY_STREAK: StreakState = { lastDay: null, run: 0, sinceForgiven: 0, forgiven: null, longest: 0 };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** The Monday that begins the calendar week of a day. */
export const weekOf = (day: string): string => shiftDay(day, -((new Date(Date.parse(`${day}T00:00:00Z`)).getUTCDay() + 6) % 7));

/** The state after one more writing day; a day not after lastDay (already counted, or older) changes nothing. */
export function foldDay(state: StreakState, day: string): StreakState {
  if (state.lastDay === null) return { lastDay: day, run: 1, sinceForgiven: 1, forgiven: null, longest: Math.max(state.longest, 1) };
  const gap = dayNumber(day) - dayNumber(state.lastDay);
  if (gap <= 0) return state;
  let next: StreakState;
  if (gap === 1) {
    next = { ...state, lastDay: day, run: state.run + 1, sinceForgiven: state.sinceForgiven + 1 };
  } else if (gap === 2) {
    const missed = shiftDay(state.lastDay, 1);
    // A second miss in the same week: the run now starts just after the first one.
    const sameWeek = state.forgiven !== null && weekOf(state.forgiven) === weekOf(missed);
    next = { ...state, lastDay: day, run: (sameWeek ? state.sinceForgiven : state.run) + 1, sinceForgiven: 1, forgiven: missed };
  } else {
    next = { ...state, lastDay: day, run: 1, sinceForgiven: 1, forgiven: null };
  }
  return { ...next, longest: Math.max(next.longest, next.run) };
}

export interface CurrentStreak {
  current: number;
  longest: number;
  /** The forgiven day of the current run, or null. */
  forgiven: string | null;
}

/** The streak as it stands on `today` (the person's local date). */
export function currentStreak(state: StreakState, today: string): CurrentStreak {
  const none = { current: 0, longest: state.longest, forgiven: null };
  if (state.lastDay === null) return none;
  const gap = dayNumber(today) - dayNumber(state.lastDay);
  if (gap <= 1) return { current: state.run, longest: state.longest, forgiven: state.forgiven };
  if (gap === 2) {
    const missed = shiftDay(today, -1);
    const sameWeek = state.forgiven !== null && weekOf(state.forgiven) === weekOf(missed);
    return { current: sameWeek ? state.sinceForgiven : state.run, longest: state.longest, forgiven: missed };
  }
  return none;
}

/** Current and longest streak of a set of writing days (YYYY-MM-DD, the person's local days). */
export function streaksOf(days: Iterable<string>, today: string): CurrentStreak {
  return currentStreak([...new Set(days)].sort().reduce(foldDay, EMPTY_STREAK), today);
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const weekdayName = (day: string): string => WEEKDAY_NAMES[new Date(Date.parse(`${day}T00:00:00Z`)).getUTCDay()]!;

/** The forgiven day of the current run when it falls in this calendar week, else null. */
export function forgivenThisWeek(streak: CurrentStreak, today: string): string | null {
  return streak.current > 0 && streak.forgiven !== null && weekOf(streak.forgiven) === weekOf(today) ? streak.forgiven : null;
}

/** What the person reads about a forgiven day this week, or null. */
export function forgivenNote(forgiven: string | null, today: string): string | null {
  if (forgiven === null) return null;
  const when = forgiven === shiftDay(today, -1) ? "yesterday" : weekdayName(forgiven);
  return `Streak kept: you missed ${when}, and one day a week is forgiven.`;
}
