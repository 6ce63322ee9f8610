// Crisis resources for a person's country: the national lines from data/crisis-lines.ts, always followed
// by the international directories, so nobody in distress is ever shown an empty list.
import { z } from "zod";
import { CRISIS_LINES } from "./data/crisis-lines.ts";
import { TIME_ZONE_COUNTRIES } from "./data/time-zones.ts";

/** The country code of the international rows (ISO 3166 user-assigned "unknown or unspecified"). */
const FALLBACK_COUNTRY = "ZZ";

const httpsUrl = z.url({ protocol: /^https$/ });

/** One row of data/crisis-lines.ts. */
export const CrisisLineSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, "An ISO 3166-1 alpha-2 code, or ZZ for the international rows."),
    name: z.string().trim().min(1),
    phone: z
      .string()
      .regex(/^\+?\d[\d ]*\d$|^\d$/, "Dialable as written: digits and spaces, an optional leading +.")
      .optional(),
    text: z.string().regex(/^\d+$/, "The number to send an SMS to, digits only.").optional(),
    url: httpsUrl.optional(),
    hours: z.string().trim().min(1).optional(),
    source: httpsUrl,
    checked: z.iso.date(),
  })
  .strict();
export type CrisisLine = z.infer<typeof CrisisLineSchema>;

/** What the API returns for a crisis line. */
export const SafetyResourceSchema = CrisisLineSchema.pick({
  name: true,
  phone: true,
  text: true,
  url: true,
  hours: true,
});
export type SafetyResource = z.infer<typeof SafetyResourceSchema>;

const toResource = ({ name, phone, text, url, hours }: CrisisLine): SafetyResource => ({
  name,
  ...(phone === undefined ? {} : { phone }),
  ...(text === undefined ? {} : { text }),
  ...(url === undefined ? {} : { url }),
  ...(hours === undefined ? {} : { hours }),
});

const linesOf = (country: string): SafetyResource[] =>
  CRISIS_LINES.filter((line) => line.country === country).map(toResource);

/** Countries with at least one national line, sorted. */
export const SUPPORTED_COUNTRIES: string[] = [...new Set(CRISIS_LINES.map((line) => line.country))]
  .filter((country) => country !== FALLBACK_COUNTRY)
  .sort();

/** Whether `s` looks like an ISO 3166-1 alpha-2 code; any is a valid setting, since the fallback covers the rest. */
export function isCountryCode(s: string): boolean {
  return /^[A-Z]{2}$/.test(s) && s !== FALLBACK_COUNTRY;
}

/** The country an IANA time zone belongs to, or null for unknown and countryless zones (UTC, Etc/*). */
export function countryForTimeZone(tz: string): string | null {
  return Object.hasOwn(TIME_ZONE_COUNTRIES, tz) ? (TIME_ZONE_COUNTRIES[tz] ?? null) : null;
}

/** The country's own lines first, then the international directories (only those when the country is unknown). */
export function resourcesFor(country: string | null | undefined): SafetyResource[] {
  const code = country?.trim().toUpperCase() ?? "";
  const national = isCountryCode(code) ? linesOf(code) : [];
  return [...national, ...linesOf(FALLBACK_COUNTRY)];
}
