// The RFC 4180 reader behind the Daylio import: quotes, line breaks, BOM, and damage reported by line.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../worker/import/csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks, each record with the line it starts on", () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x, y", 'say "hi"'] },
      { line: 3, fields: ["2", "two\nlines", "z"] },
      { line: 5, fields: ["3", "", ""] },
    ]);
  });

  it("takes CRLF, LF and CR line ends alike, strips a BOM, skips blank lines and keeps a last line without a line end", () => {
    expect(parseCsv('\uFEFFa,b\r\n"1\r\n2",x\r\n\r\n3,y\r4,z')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1\n2", "x"] },
      { line: 5, fields: ["3", "y"] },
      { line: 6, fields: ["4", "z"] },
    ]);
  });

  it("keeps an empty quoted field and a quoted field at the very end", () => {
    expect(parseCsv('a,""\n"",b')).toEqual([
      { line: 1, fields: ["a", ""] },
      { line: 2, fields: ["", "b"] },
    ]);
  });

  it("reports a stray quote or text after a closing quote on that record's line and reads on", () => {
    const records = parseCsv('a,b\nx,he said "hi"\n"q"tail,y\nok,fine\n');
    expect(records[0]).toEqual({ line: 1, fields: ["a", "b"] });
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringMatching(/quote appears inside an unquoted field/) });
    expect(records[2]).toMatchObject({ line: 3, error: expect.stringMatching(/follows a closing quote/) });
    expect(records[3]).toEqual({ line: 4, fields: ["ok", "fine"] });
  });

  it("answers a quote left open as one damaged record at the line it opened, after the good ones", () => {
    const records = parseCsv('a,b\n1,2\n3,"never closed\nmore\n');
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, error: expect.stringMatching(/never closed/) },
    ]);
  });

  it("splits on the delimiter it is given", () => {
    expect(parseCsv("a;b\n1;2", ";")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });
});
