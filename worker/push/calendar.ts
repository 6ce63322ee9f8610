// The daily writing reminder as a calendar file (RFC 5545): one event a day at the person's chosen
// time in their own time zone, so every calendar app reminds them with no server and no account.
// The event names the zone with its IANA id (TZID), which Apple, Google and Outlook calendars read
// without a VTIMEZONE block; the time stays at the chosen hour across daylight-saving changes.

const CRLF = "\r\n";

/** Text values escape backslashes, semicolons, commas and line breaks (RFC 5545 section 3.3.11). */
const escapeText = (value: string) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Lines longer than 75 octets are folded: CRLF and a space before each continuation. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const utcStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export interface ReminderCalendar {
  /** "HH:MM", the person's reminder time. */
  time: string;
  /** IANA time zone. */
  timeZone: string;
  /** The local date the recurrence starts on, "YYYY-MM-DD". */
  startDate: string;
  /** Stable per person, so importing the file again updates the event instead of adding one. */
  uid: string;
  appUrl: string;
  now: number;
}

export function reminderCalendar(r: ReminderCalendar): string {
  const [hour, minute] = r.time.split(":");
  const start = `${r.startDate.replace(/-/g, "")}T${hour}${minute}00`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tideline//Daily reminder//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-TIMEZONE:${r.timeZone}`,
    "BEGIN:VEVENT",
    `UID:${r.uid}`,
    `DTSTAMP:${utcStamp(r.now)}`,
    `DTSTART;TZID=${r.timeZone}:${start}`,
    "DURATION:PT10M",
    "RRULE:FREQ=DAILY",
    `SUMMARY:${escapeText("Write in Tideline")}`,
    `DESCRIPTION:${escapeText(`A few minutes for yourself: how was today?\n${r.appUrl}`)}`,
    `URL:${r.appUrl}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText("Time to write in Tideline")}`,
    "TRIGGER:PT0M",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}
