// Calendar facts in a person's own time zone (the Worker itself runs in UTC).
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

// Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;

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

/** The instant a local day (YYYY-MM-DD) begins in the time zone (its first instant, DST included). */
export function startOfLocalDay(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The offset at noon is a first guess; the offset at that guessed midnight settles DST days.
  const guess = midnightUtc - offsetAt(midnightUtc + DAY_MS / 2, timeZone);
  return midnightUtc - offsetAt(guess, timeZone);
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
  return Array.from({ length: 7 }, (_, i) => new Date(end - (6 - i) * 86_400_000).toISOString().slice(0, 10));
}
