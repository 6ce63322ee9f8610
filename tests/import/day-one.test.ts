// Reading a Day One JSON export into import rows, from fixture files (tests/fixtures/import/).
import { describe, expect, it } from "vitest";
import { looksLikeDayOne, parseDayOne } from "../../worker/import/day-one.ts";
import { UnreadableFile } from "../../worker/import/types.ts";
import { validateRows } from "../../worker/import/validate.ts";
import good from "../fixtures/import/day-one.json?raw";
import malformed from "../fixtures/import/day-one-malformed.json?raw";

describe("parseDayOne", () => {
  it("turns each entry into Tideline's shape: text kept as written (Markdown, photo and audio references), tags tidied, starred as a tag", () => {
    const parsed = parseDayOne(JSON.parse(good));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        at: { index: 0 },
        entry: {
          content: "# Harbour\n\nWalked by the harbour after dinner and felt better.\n\n![](dayone-moment://4F2D8E6A1B3C)\n",
          tags: ["sea", "evening walk", "starred"],
          created_at: "2024-03-05T21:34:10.000Z",
        },
      },
      {
        at: { index: 1 },
        entry: {
          content: 'Voice memo from the train, the one about quitting, with commas, and "quotes".\n\n![](dayone-moment:/audio/9A8B7C6D5E4F)',
          tags: [],
          created_at: "2024-03-06T07:02:00.000Z",
        },
      },
      { at: { index: 2 }, entry: { content: "Lunch with Sam. Argued about the move; still tense.", tags: [], created_at: "2024-03-07T12:00:00.000Z" } },
    ]);
  });

  it("rejects each bad entry with its index and reason, and keeps the good ones", () => {
    const checked = validateRows(parseDayOne(JSON.parse(malformed)));
    expect(checked.rows.map((r) => r.at)).toEqual([{ index: 0 }, { index: 9 }]);
    // An offset is honoured; commas and # in tags are tidied away rather than refusing the entry.
    expect(checked.rows[1]!.entry).toMatchObject({ created_at: "2024-04-04T07:00:00.000Z", tags: ["work life", "gratitude"] });
    const reasons = Object.fromEntries(checked.rejected.map((r) => [r.index, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reasons[1]).toMatch(/creationDate is missing/);
    expect(reasons[2]).toMatch(/2024-02-30T10:00:00Z" is not a date/);
    expect(reasons[3]).toMatch(/"yesterday" is not a date/);
    expect(reasons[4]).toMatch(/no text/);
    expect(reasons[5]).toMatch(/no text \(only photos or audio\)/);
    expect(reasons[6]).toMatch(/creationDate/);
    // Checked with the entry route's own schema, message and all.
    expect(reasons[7]).toBe("created_at: An entry cannot be dated in the future.");
    expect(reasons[8]).toBeTruthy();
  });

  it("keeps at most twenty tags and says so", () => {
    const tags = Array.from({ length: 25 }, (_, i) => `tag ${i}`);
    const parsed = parseDayOne({ entries: [{ creationDate: "2024-01-01T00:00:00Z", text: "Many tags.", tags }] });
    expect(parsed.rows[0]!.entry.tags).toHaveLength(20);
    expect(parsed.warnings).toEqual([{ index: 0, reason: "Only the first 20 of its 25 tags were kept." }]);
  });

  it("is told apart by content, and refuses a file without an entries list as a whole", () => {
    expect(looksLikeDayOne(JSON.parse(good))).toBe(true);
    expect(looksLikeDayOne({ entries: [{ creationDate: "2024-01-01T00:00:00Z", text: "x" }] })).toBe(true);
    expect(looksLikeDayOne({ entries: [{ content: "x" }] })).toBe(false);
    expect(looksLikeDayOne([1, 2])).toBe(false);
    expect(() => parseDayOne({ metadata: {} })).toThrow(UnreadableFile);
  });
});
