// The crisis-line data is well-formed and fresh, covers the countries it must, and every time zone the
// runtime knows leads either to a country or, for countryless zones, to the international fallback.
import { describe, expect, it } from "vitest";
import { CRISIS_LINES } from "../../worker/safety/data/crisis-lines.ts";
import { TIME_ZONE_COUNTRIES } from "../../worker/safety/data/time-zones.ts";
import {
  CrisisLineSchema,
  SafetyResourceSchema,
  SUPPORTED_COUNTRIES,
  countryForTimeZone,
  isCountryCode,
  resourcesFor,
} from "../../worker/safety/resources.ts";

const DAY_MS = 86_400_000;
const MAX_AGE_DAYS = 2 * 365;

// English-speaking countries and the most populous ones that have a verified national line.
const ENGLISH_SPEAKING = [
  "US", "GB", "IE", "CA", "AU", "NZ", "ZA", "IN", "SG", "PH", "NG", "KE", "JM", "TT", "GH", "MT", "GY", "BB", "FJ",
  "ZM",
];
const POPULOUS = [
  "CN", "IN", "US", "ID", "PK", "NG", "BR", "RU", "MX", "JP", "PH", "DE", "IR", "TH", "GB", "FR", "IT", "ZA", "KR",
  "ES", "AR", "CO", "PL", "UA", "CA",
];

/** Zones that name no country (UTC and its aliases, fixed offsets, the old POSIX-style rules, Factory). */
const isCountryless = (tz: string) =>
  /^(Etc\/.+|UTC|UCT|GMT([+-]?0)?|Greenwich|Universal|Zulu|Factory|[A-Z]{3}|[A-Z]{3}\d[A-Z]{3})$/.test(tz);

const fallback = CRISIS_LINES.filter((line) => line.country === "ZZ").map((line) => line.name);

describe("CRISIS_LINES", () => {
  it("every row parses, offers a way to reach someone and was checked within two years", () => {
    const today = Date.now();
    for (const line of CRISIS_LINES) {
      const parsed = CrisisLineSchema.safeParse(line);
      expect(parsed.error, `${line.country} ${line.name}`).toBeUndefined();
      expect(line.phone ?? line.text ?? line.url, `${line.country} ${line.name}`).toBeDefined();
      const checked = Date.parse(`${line.checked}T00:00:00Z`);
      expect(checked, `${line.name} checked in the future`).toBeLessThanOrEqual(today);
      expect(today - checked, `${line.name} is stale: re-check it`).toBeLessThan(MAX_AGE_DAYS * DAY_MS);
    }
  });

  it("covers at least 30 countries and has international fallback rows with urls", () => {
    expect(SUPPORTED_COUNTRIES.length).toBeGreaterThanOrEqual(30);
    expect(SUPPORTED_COUNTRIES).not.toContain("ZZ");
    expect(SUPPORTED_COUNTRIES).toEqual([...SUPPORTED_COUNTRIES].sort());
    expect(fallback.length).toBeGreaterThanOrEqual(2);
    for (const line of CRISIS_LINES.filter((l) => l.country === "ZZ")) expect(line.url).toMatch(/^https:\/\//);
  });

  it("includes the English-speaking and most populous countries", () => {
    for (const country of new Set([...ENGLISH_SPEAKING, ...POPULOUS])) expect(SUPPORTED_COUNTRIES).toContain(country);
  });
});

describe("time zones", () => {
  it("maps every zone the runtime knows to a country, or the zone names none", () => {
    const unmapped = Intl.supportedValuesOf("timeZone").filter((tz) => {
      const country = countryForTimeZone(tz);
      return country === null ? !isCountryless(tz) : !/^[A-Z]{2}$/.test(country);
    });
    expect(unmapped).toEqual([]);
  });

  it("maps common zones and their old names", () => {
    expect(countryForTimeZone("Europe/London")).toBe("GB");
    expect(countryForTimeZone("America/New_York")).toBe("US");
    expect(countryForTimeZone("Asia/Kolkata")).toBe("IN");
    expect(countryForTimeZone("Australia/Sydney")).toBe("AU");
    expect(countryForTimeZone("Asia/Calcutta")).toBe("IN");
    expect(countryForTimeZone("Europe/Kiev")).toBe("UA");
    expect(countryForTimeZone("US/Eastern")).toBe("US");
    expect(countryForTimeZone("Asia/Saigon")).toBe("VN");
    expect(countryForTimeZone("America/Buenos_Aires")).toBe("AR");
  });

  it("gives no country for countryless or unknown zones", () => {
    for (const tz of ["UTC", "Etc/UTC", "Etc/GMT+5", "GMT", "Factory", "Mars/Olympus_Mons", "constructor", ""]) {
      expect(countryForTimeZone(tz), tz).toBeNull();
    }
    for (const country of Object.values(TIME_ZONE_COUNTRIES)) expect(country).toMatch(/^[A-Z]{2}$/);
  });
});

describe("resourcesFor", () => {
  it("lists a country's own lines first and the international fallback last", () => {
    const gb = resourcesFor("GB");
    const own = CRISIS_LINES.filter((line) => line.country === "GB").map((line) => line.name);
    expect(own.length).toBeGreaterThan(0);
    expect(gb.map((r) => r.name)).toEqual([...own, ...fallback]);
    expect(gb[0]).toMatchObject({ name: "Samaritans", phone: "116 123" });
    for (const resource of gb) expect(SafetyResourceSchema.safeParse(resource).success).toBe(true);
    expect(gb[0]).not.toHaveProperty("source");
  });

  it("gives only the fallback for unknown or absent countries", () => {
    for (const country of ["XX", "ZZ", null, undefined, "", "not a country"]) {
      expect(resourcesFor(country).map((r) => r.name), String(country)).toEqual(fallback);
    }
  });

  it("accepts a lower-case setting", () => {
    expect(resourcesFor("gb")).toEqual(resourcesFor("GB"));
  });
});

describe("isCountryCode", () => {
  it("accepts any valid-looking alpha-2 code, supported or not", () => {
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("XK")).toBe(true);
    for (const s of ["gb", "GBR", "G", "", "ZZ", "1A"]) expect(isCountryCode(s), s).toBe(false);
  });
});
