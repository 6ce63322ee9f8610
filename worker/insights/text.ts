// Small text utilities for the local insight extractor: a bounded view of the entry, sentence and
// clause splitting that keeps the person's own wording, clipping, and a stable hash.
import { fnv1a } from "../lib/hash.ts";

/** Work is capped here so a pasted novel costs the same as a long entry. */
export const MAX_ANALYSED_CHARS = 20_000;

/**
 * Curly and modifier apostrophes become "'" so one set of patterns matches phones and keyboards.
 * One character maps to one character, so offsets found on the normalised copy hold for the original.
 */
const ODD_APOSTROPHE = /[\u2018\u2019\u02BC\u2032`]/;
const ODD_APOSTROPHES = /[\u2018\u2019\u02BC\u2032`]/g;

export function normaliseApostrophes(s: string): string {
  return ODD_APOSTROPHE.test(s) ? s.replace(ODD_APOSTROPHES, "'") : s;
}

const SENTENCE_END = /([.!?\u2026]+["'\u201D\u2019)\]]*)(?=\s|$)|\n+/g;
/** A full stop after these is not the end of a sentence. */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "vs", "prof", "jr", "sr", "approx", "e.g", "i.e", "mt"]);

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 8), dotIndex))?.[1]?.toLowerCase() ?? "";
  // a lone capital is an initial ("J. Smith"), except the pronoun "I"
  return ABBREVIATIONS.has(before) || (before.length === 1 && before !== "i" && /\p{Lu}/u.test(text[dotIndex - 1] ?? ""));
}

/** Sentences in order, trimmed; line breaks also end a sentence, since journals are often written in lines. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (m[1] === "." && isAbbreviation(text, m.index)) continue;
    const piece = text.slice(start, m.index + (m[1]?.length ?? 0)).trim();
    if (piece) out.push(piece);
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

// each alternative starts with a definite character, so the scan does not try every position
const CLAUSE_BREAK = /[;:\u2014\u2013]|\s-\s|,?\sbut\s|,\s*(?:and|so|yet|although|though|because)\s/gi;
/** Most clauses have none of these, and skip the slower split. */
const MAY_BREAK = /[;:,\u2014\u2013-]|\sbut\s/i;
const LEADING_LINK = /^(?:and|but|so|yet|also|plus|then|because|although|though|anyway)\b[\s,]*/i;

/** Clauses of a sentence, so a belief and an intention in one sentence are quoted apart. */
export function splitClauses(sentence: string): string[] {
  if (!MAY_BREAK.test(sentence)) return [sentence.trim().replace(LEADING_LINK, "")].filter((c) => c.length > 0);
  const out: string[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    out.push(sentence.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(sentence.slice(start));
  return out.map((c) => c.trim().replace(LEADING_LINK, "")).filter((c) => c.length > 0);
}

/** Cuts at a word boundary and marks the cut, so a quote is never silently truncated mid-word. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  let cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.\-\u2013\u2014]+$/, "")}\u2026`;
}

/** A stable seed so the same entry always gets the same questions. */
export const hash32 = fnv1a;

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** ASCII letters and digits, looked up rather than tested: this runs for every character. */
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0));

function isWordChar(code: number): boolean {
  return code < 128 ? ASCII_WORD_CHAR[code] === 1 : NON_ASCII_WORD_CHAR.test(String.fromCharCode(code));
}

/**
 * Calls back with the [start, end) of each word: letters and digits, joined across an inner
 * apostrophe or hyphen ("don't", "well-being"). A hand-written scan: a Unicode regex costs
 * several times more on a long entry.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? text.charCodeAt(i) : 32;
    if (isWordChar(code)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && (code === 39 || code === 45) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) continue;
    if (start >= 0) visit(start, i);
    start = -1;
  }
}
