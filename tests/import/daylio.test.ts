// Reading a Daylio CSV export into import rows, from fixture files (tests/fixtures/import/).
import { describe, expect, it } from "vitest";
import { statedMoodReading } from "../../worker/emotion/stated-mood.ts";
import { clockTime, parseDaylio } from "../../worker/import/daylio.ts";
import { UnreadableFile } from "../../worker/import/types.ts";
import { validateRows } from "../../worker/import/validate.ts";
import good from "../fixtures/import/daylio.csv?raw";
import bomCrlf from "../fixtures/import/daylio-bom-crlf.csv?raw";
import malformed from "../fixtures/import/daylio-malformed.csv?raw";

describe("parseDaylio", () => {
  it("turns rows into entries: the mood as stated mood and tag, activities split on |, title and note, local time in the person's zone", () => {
    const parsed = parseDaylio(good, "Europe/Berlin");
    expect(parsed.rejected).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows.map((r) => r.at)).toEqual([{ line: 2 }, { line: 3 }, { line: 5 }, { line: 6 }, { line: 7 }]);
    const [rad, good2, meh, bad, awful] = parsed.rows.map((r) => r.entry);
    expect(rad).toEqual({
      title: "Great day",
      content: "Played football with Ana, then pizza.",
      tags: ["mood:rad"],
      // 21:34 in Berlin (UTC+1 in March).
      created_at: "2024-03-05T20:34:00.000Z",
      activities: ["friends", "sport", "good sleep"],
      stated_mood: "rad",
      analyse: true,
    });
    // "9:05 pm"; a quoted note with a line break and doubled quotes.
    expect(good2).toMatchObject({ content: 'Read on the balcony.\nTwo chapters, "finally".', created_at: "2024-03-04T20:05:00.000Z", stated_mood: "good", title: undefined });
    // A mood with nothing written: put into words, and not sent to the deep analysis.
    expect(meh).toMatchObject({ content: "Mood: meh.", activities: [], stated_mood: "meh", analyse: false });
    expect(bad).toMatchObject({ stated_mood: "bad", activities: ["work", "overtime"] });
    expect(awful).toMatchObject({ title: "Rough", stated_mood: "awful" });
  });

  it("reads an export with a byte-order mark and CRLF line ends the same way", () => {
    expect(bomCrlf.charCodeAt(0)).toBe(0xfeff);
    expect(bomCrlf).toContain("\r\n");
    const parsed = parseDaylio(bomCrlf, "UTC");
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((r) => r.entry)).toEqual([
      { title: undefined, content: "Morning walk, cold but bright.\nCoffee after.", tags: ["mood:good"], created_at: "2024-05-10T07:30:00.000Z", activities: ["walk", "coffee"], stated_mood: "good", analyse: true },
      { title: undefined, content: "Pancakes with everyone", tags: ["mood:rad"], created_at: "2024-05-11T10:00:00.000Z", activities: ["family"], stated_mood: "rad", analyse: true },
    ]);
  });

  it("rejects each damaged row with its line and reason, imports the rest, and keeps an unknown mood as a tag with a warning", () => {
    const checked = validateRows(parseDaylio(malformed, "UTC"));
    expect(checked.rows.map((r) => r.at)).toEqual([{ line: 2 }, { line: 5 }, { line: 9 }]);
    const unknown = checked.rows[1]!.entry;
    expect(unknown.stated_mood).toBeUndefined();
    expect(unknown.tags).toEqual(["mood:ecstatic"]);
    expect(checked.warnings).toEqual([{ line: 5, reason: expect.stringContaining('"ecstatic" is not one of Daylio\'s five') }]);
    expect(checked.rejected).toEqual([
      { line: 3, reason: 'full_date "2024-13-40" is not a date (YYYY-MM-DD).' },
      { line: 4, reason: 'time "25:99" is not a time of day.' },
      { line: 6, reason: "The mood is empty." },
      { line: 7, reason: "The row has 9 fields; the header has 8." },
      { line: 8, reason: expect.stringMatching(/quote appears inside an unquoted field/) },
      { line: 10, reason: expect.stringMatching(/never closed/) },
    ]);
  });

  it("refuses a file whose header is not Daylio's as a whole", () => {
    expect(() => parseDaylio("id,created_at,content\n1,2024-01-01,Hello\n", "UTC")).toThrow(UnreadableFile);
    expect(() => parseDaylio("", "UTC")).toThrow(UnreadableFile);
  });

  it("reads 24-hour and 12-hour clock times and refuses others", () => {
    expect(["21:34", "9:05", "9:05 pm", "12:10 AM", "12:10 p.m.", "07:30:15"].map(clockTime)).toEqual(["21:34", "09:05", "21:05", "00:10", "12:10", "07:30"]);
    expect(["25:00", "13:00 pm", "noon", "9.30", ""].map(clockTime)).toEqual([null, null, null, null, null]);
  });
});

describe("the stated moods", () => {
  it("map Daylio's scale onto valence and an Ekman emotion, best to worst", () => {
    const readings = (["rad", "good", "meh", "bad", "awful"] as const).map(statedMoodReading);
    expect(readings.map((r) => r.primary_emotion)).toEqual(["joy", "joy", "neutral", "sadness", "sadness"]);
    expect(readings.map((r) => r.valence)).toEqual([0.9, 0.5, 0, -0.5, -0.9]);
    expect(readings.map((r) => r.is_positive)).toEqual([true, true, false, false, false]);
  });
});
