// Calendar facts in a person's own time zone (the Worker itself runs in UTC).
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** YYYY-MM-DD of an instant, in the given IANA time zone. */
export function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);
}

/** 0 = Sunday … 6 = Saturday, in the given time zone. */
export function localWeekday(ms: number, timeZone: string): number {
  return WEEKDAYS.indexOf(new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(ms));
}

/** The dates of the seven days ending on `lastDay` (YYYY-MM-DD), oldest first. */
export function weekEndingOn(lastDay: string): string[] {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(end - (6 - i) * 86_400_000).toISOString().slice(0, 10));
}
