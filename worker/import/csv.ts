// A strict RFC 4180 reader for imported CSV files (Daylio's export). Hand-written rather than a
// package: it is forty lines, it must say on which line each record starts (a rejected row is
// reported by its line), and it must refuse a broken quote instead of guessing; the npm parsers
// either hide line numbers or add kilobytes of streaming machinery this Worker never uses.

/** One record; `error` when it is damaged (then its fields are not to be trusted and are left out). */
export type CsvRecord =
  /** `line`: the physical line (1-based) the record starts on; a quoted field may span several lines. */
  { line: number; fields: string[]; error?: undefined } | { line: number; fields?: undefined; error: string };

/** Strips a UTF-8 byte-order mark, which spreadsheet programs put before the first header. */
export const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Splits CSV text into records. Fields are separated by `delimiter`; a field in double quotes may hold
 * the delimiter, line breaks and doubled quotes (""); records end at CRLF, LF or a lone CR. Blank lines
 * are skipped. A quote inside an unquoted field or text after a closing quote damages that record: it
 * is answered with its error and reading goes on at the next line. A quote left open swallows the
 * rest of the file, so that record is answered as damaged and reading ends there: guessing where the
 * field was meant to close could split one note into made-up records.
 */
export function parseCsv(input: string, delimiter = ","): CsvRecord[] {
  const text = withoutBom(input);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  /** The field being read started with a quote (and its closing quote has been seen when !quoted). */
  let wasQuoted = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty, unquoted field: no record.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  /** Records the damaged record and skips to the start of the next line. */
  const damaged = (reason: string) => {
    records.push({ line: recordLine, error: reason });
    fields = [];
    field = "";
    wasQuoted = false;
    while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
    recordLine = line;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\r" || ch === "\n") {
        // A line break inside quotes is part of the field, kept as LF whatever the file used.
        field += "\n";
        line++;
        i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (wasQuoted) {
      damaged("Text follows a closing quote: a field's quotes must enclose the whole field.");
      continue;
    }
    if (ch === '"') {
      if (field !== "") {
        damaged("A quote appears inside an unquoted field: quote the whole field and double the quote.");
        continue;
      }
      quoted = true;
      wasQuoted = true;
      i++;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted) records.push({ line: recordLine, error: "A quoted field opened here is never closed: the file ends inside quotes, so nothing after it could be read." });
  else if (field !== "" || fields.length > 0 || wasQuoted) endRecord();
  return records;
}
