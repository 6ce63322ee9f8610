// Calendar facts in a person's own time zone: where a zone changes its clocks, found to the second.
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, localDate, offsetSpans, shiftDay, startOfLocalDay, startsOfLocalDays } from "../worker/lib/time-zone.ts";

describe("offsetSpans", () => {
  it("splits a range where the zone changes its clocks, to the second", () => {
    // New York left summer time on 1 November 2026 at 06:00 UTC (02:00 EDT became 01:00 EST).
    const from = Date.UTC(2026, 9, 30);
    const spans = offsetSpans("America/New_York", from, from + 5 * DAY_MS);
    expect(spans).toEqual([
      { until: Date.UTC(2026, 10, 1, 6), offsetMs: -4 * HOUR_MS },
      { until: Number.POSITIVE_INFINITY, offsetMs: -5 * HOUR_MS },
    ]);
  });

  it("keeps one span for a zone without clock changes, and for a range between changes", () => {
    expect(offsetSpans("Asia/Kolkata", Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toEqual([{ until: Number.POSITIVE_INFINITY, offsetMs: 5.5 * HOUR_MS }]);
    expect(offsetSpans("Europe/London", Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1))).toEqual([{ until: Number.POSITIVE_INFINITY, offsetMs: HOUR_MS }]);
  });

  it("agrees with the formatter's local date on every hour of a year with two changes", () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    const spans = offsetSpans("Europe/Berlin", from, to);
    expect(spans).toHaveLength(3);
    for (let t = from; t < to; t += HOUR_MS) {
      const offset = spans.find((s) => t < s.until)!.offsetMs;
      expect(new Date(t + offset).toISOString().slice(0, 10)).toBe(localDate(t, "Europe/Berlin"));
    }
  });
});

describe("startsOfLocalDays", () => {
  it("finds where each day of a year begins exactly as startOfLocalDay does, in zones with whole, half-hour and odd changes", () => {
    const days = Array.from({ length: 400 }, (_, i) => shiftDay("2025-12-01", i));
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "UTC"]) {
      expect(startsOfLocalDays(days, zone)).toEqual(days.map((d) => startOfLocalDay(d, zone)));
    }
    expect(startsOfLocalDays([], "UTC")).toEqual([]);
  });
});
