// Telling the import formats apart by content alone, and the whole-file refusals.
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../worker/import/detect.ts";
import { UnreadableFile } from "../../worker/import/types.ts";
import dayOne from "../fixtures/import/day-one.json?raw";
import badJson from "../fixtures/import/day-one-bad-json.json?raw";
import daylio from "../fixtures/import/daylio.csv?raw";
import bomCrlf from "../fixtures/import/daylio-bom-crlf.csv?raw";
import semicolon from "../fixtures/import/daylio-semicolon.csv?raw";
import notJournal from "../fixtures/import/not-a-journal.csv?raw";

const refusal = (text: string) => {
  try {
    detectFormat(text);
  } catch (err) {
    if (err instanceof UnreadableFile) return err.message;
    throw err;
  }
  throw new Error("expected the file to be refused");
};

describe("detectFormat", () => {
  it("knows each format by what the file holds", () => {
    expect(detectFormat(dayOne).format).toBe("day-one");
    expect(detectFormat(daylio).format).toBe("daylio");
    expect(detectFormat(bomCrlf).format).toBe("daylio");
    expect(detectFormat(JSON.stringify({ format: "tideline-export", version: 1, entries: [] })).format).toBe("tideline");
    // A file that names a format is held to Tideline's schema, which then says what is wrong with it.
    expect(detectFormat('\uFEFF  {"format": "other"}').format).toBe("tideline");
  });

  it("refuses bad JSON, a Daylio export with the wrong delimiter, other CSV, other JSON and an empty file, saying why", () => {
    expect(refusal(badJson)).toMatch(/^The file is not valid JSON/);
    expect(refusal(semicolon)).toMatch(/separated by semicolons; Daylio separates them by commas/);
    expect(refusal(notJournal)).toMatch(/not one Tideline can import/);
    expect(refusal('{"entries": [{"content": "x"}]}')).toMatch(/neither a Tideline nor a Day One export/);
    expect(refusal("[1, 2, 3]")).toMatch(/neither a Tideline nor a Day One export/);
    expect(refusal("\uFEFF \n ")).toMatch(/empty/);
  });
});
