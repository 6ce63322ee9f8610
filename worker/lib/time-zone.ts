// Calendar facts in a person's own time zone (the Worker itself runs in UTC), and the one home of
// the day and week lengths the rest of the code counts in.
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** A person's time zone until they choose one in Settings (the settings row's default). */
export const DEFAULT_TIME_ZONE = "UTC";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of an instant, in the given IANA time zone (years 1–9999). */
export function localDate(ms: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  // en-CA writes a year before 1000 with fewer digits ("999-06-15"): pad it to four.
  return format.format(ms).padStart(10, "0");
}

/** How far the time zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    clockFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** One stretch of time over which a time zone keeps one offset from UTC: [previous until, until). */
export interface OffsetSpan {
  /** The first instant after the span (Infinity for the last). */
  until: number;
  offsetMs: number;
}

/**
 * The time zone's offsets over [from, to): one span per offset, split where the zone changes its
 * clocks (found to the second). Sampled a week apart (no zone changes its clocks twice within a
 * week: the closest pairs, such as a summer-time pause for Ramadan, are about a month apart), so a
 * year costs about eighty formatter calls whatever it holds.
 */
export function offsetSpans(timeZone: string, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let at = from;
  let offset = offsetAt(at, timeZone);
  while (at < to) {
    const next = Math.min(at + WEEK_MS, to);
    const nextOffset = offsetAt(next, timeZone);
    if (nextOffset !== offset) {
      // The change lies in (at, next]: narrow it to the second.
      let low = at;
      let high = next;
      while (high - low > 1000) {
        const mid = low + Math.floor((high - low) / 2000) * 1000;
        if (offsetAt(mid, timeZone) === offset) low = mid;
        else high = mid;
      }
      spans.push({ until: high, offsetMs: offset });
      offset = nextOffset;
    }
    at = next;
  }
  spans.push({ until: Number.POSITIVE_INFINITY, offsetMs: offset });
  return spans;
}

/** The offset in force at an instant, from spans that cover it. */
const offsetIn = (spans: readonly OffsetSpan[], ms: number): number => (spans.find((s) => ms < s.until) ?? spans[spans.length - 1]!).offsetMs;

/**
 * The instants a run of local days (YYYY-MM-DD, oldest first) begin, as `startOfLocalDay` finds
 * them one by one, from one reading of the zone's offsets over the run (a year of days is ~80
 * formatter calls instead of ~800).
 */
export function startsOfLocalDays(days: readonly string[], timeZone: string): number[] {
  if (days.length === 0) return [];
  const first = Date.parse(`${days[0]}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  const spans = offsetSpans(timeZone, first - 2 * DAY_MS, last + 2 * DAY_MS);
  return days.map((day) => {
    const midnightUtc = Date.parse(`${day}T00:00:00Z`);
    const guess = midnightUtc - offsetIn(spans, midnightUtc + DAY_MS / 2);
    return midnightUtc - offsetIn(spans, guess);
  });
}

/** The instant a local day (YYYY-MM-DD) begins in the time zone (its first instant, DST included). */
export function startOfLocalDay(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The offset at noon is a first guess; the offset at that guessed midnight settles DST days.
  const guess = midnightUtc - offsetAt(midnightUtc + DAY_MS / 2, timeZone);
  return midnightUtc - offsetAt(guess, timeZone);
}

/**
 * The instant a local wall-clock time (YYYY-MM-DD and HH:MM) has in the time zone. A time that a
 * clock change skips or repeats still gives one instant within the hour of the change: an imported
 * diary time is never refused for a daylight-saving quirk.
 */
export function instantOfLocalTime(day: string, time: string, timeZone: string): number {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** The local day before or after a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export const shiftDay = (day: string, by: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday, in the given time zone. */
export function localWeekday(ms: number, timeZone: string): number {
  return WEEKDAYS.indexOf(new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(ms));
}

/** The dates of the seven days ending on `lastDay` (YYYY-MM-DD), oldest first. */
export function weekEndingOn(lastDay: string): string[] {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(end - (6 - i) * DAY_MS).toISOString().slice(0, 10));
}
