// What identifies a person or someone they wrote about is replaced by placeholders before any text
// goes to Workers AI ([EMAIL_1], [PHONE_1], [ADDRESS_1], [CARD_1], [PERSON_1]); the names are put
// back into what the model answers, the rest stay placeholders. Pure: worker/services/ai-gate.ts
// decides what is sent and with which names.

export type PlaceholderKind = "EMAIL" | "CARD" | "PHONE" | "ADDRESS" | "PERSON";

/** A name to hide; `ordinary` names are also everyday words ("Will", "May"), hidden only when capitalised. */
export interface NameToHide {
  word: string;
  ordinary?: boolean;
}

export interface Redactor {
  /** The text with every identifier replaced; the same value always gets the same placeholder. */
  redact(text: string): string;
  /** Puts the names back into a model's answer; emails, phones, addresses and cards stay placeholders. */
  restore(text: string): string;
  /** `restore` on every string inside a value (a parsed model answer). */
  restoreDeep<T>(value: T): T;
  /** Placeholder → the value it hides (what the model never saw). */
  readonly placeholders: ReadonlyMap<string, string>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** 13 to 19 digits, in groups split by single spaces or dashes (a payment card, an account number). */
const CARD = /(?<![\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
const PHONE_PATTERNS = [
  // International: +44 7700 900123, +1 (555) 123-4567, +33 1 23 45 67 89.
  /\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}(?![\p{N}])/gu,
  // National with a trunk 0: 07700 900123, 020 7946 0958, (01632) 960 001, 07700900123.
  /(?<![\p{N}])\(?0\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\p{N}])/gu,
  // North American: (555) 123-4567, 555-123-4567, 555.123.4567.
  /(?<![\p{N}])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\p{N}])/gu,
];
const STREET_WORDS = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Boulevard|Blvd|Close|Way|Court|Ct|Place|Crescent|Terrace|Gardens|Grove|Square|Sq";
/** Words that never name a street, so "3 miles down the road" is not an address. */
const NOT_STREET_NAME = new Set(
  "the a an my our his her their this that to of on in at up down along round around by from for and or with pm am miles mile km minutes mins hours times more other".split(" "),
);
// A number, then one to four words, then a street word: "12 Baker Street", "221b Baker St.", "5 elm road".
const ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,5}[a-zA-Z]?,?\\s+((?:[\\p{L}'-]+\\s+){1,4})(?:${STREET_WORDS})\\b\\.?`, "giu");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Span {
  start: number;
  end: number;
  kind: PlaceholderKind;
  key: string;
  value: string;
}

function matches(text: string, pattern: RegExp, kind: PlaceholderKind, keyOf: (value: string) => string, accept: (m: RegExpExecArray) => boolean = () => true): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    if (!accept(m)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind, key: keyOf(m[0]), value: m[0] });
  }
  return found;
}

const digits = (s: string) => s.replace(/\D/g, "");

/** A street name with no capital is accepted only when none of its words is an ordinary one. */
function looksLikeStreet(m: RegExpExecArray): boolean {
  const words = (m[1] ?? "").trim().split(/\s+/);
  return words.every((w) => !NOT_STREET_NAME.has(w.toLowerCase()));
}

export function createRedactor(names: readonly NameToHide[]): Redactor {
  const byKey = new Map<string, string>();
  const placeholders = new Map<string, string>();
  const counts = new Map<PlaceholderKind, number>();
  const personNames = new Map<string, string>();

  // Longest first, so "Mary Jane" is hidden whole before "Mary".
  const unique = [...new Map(names.map((n) => [n.word.trim().toLowerCase(), n])).values()].filter((n) => n.word.trim().length > 1);
  unique.sort((a, b) => b.word.length - a.word.length);
  const namePatterns = unique.map((n) => {
    const words = n.word.trim().toLowerCase().split(/\s+/).map(escape);
    const source = `(?<![\\p{L}\\p{N}_])${words.join("\\s+")}(?![\\p{L}\\p{N}_])`;
    return { pattern: new RegExp(source, "giu"), ordinary: n.ordinary === true };
  });

  const placeholderFor = (span: Span): string => {
    const key = `${span.kind}:${span.key}`;
    let placeholder = byKey.get(key);
    if (!placeholder) {
      const n = (counts.get(span.kind) ?? 0) + 1;
      counts.set(span.kind, n);
      placeholder = `[${span.kind}_${n}]`;
      byKey.set(key, placeholder);
      placeholders.set(placeholder, span.value);
      if (span.kind === "PERSON") personNames.set(placeholder, span.value);
    }
    return placeholder;
  };

  const redact = (text: string): string => {
    // Every kind is found on the original text; an earlier kind wins where two overlap.
    const candidates: Span[] = [
      ...matches(text, EMAIL, "EMAIL", (v) => v.toLowerCase()),
      ...matches(text, CARD, "CARD", digits, (m) => digits(m[0]).length >= 13 && digits(m[0]).length <= 19),
      ...PHONE_PATTERNS.flatMap((p) => matches(text, p, "PHONE", digits, (m) => digits(m[0]).length >= 7)),
      ...matches(text, ADDRESS, "ADDRESS", (v) => v.toLowerCase().replace(/\s+/g, " "), looksLikeStreet),
      ...namePatterns.flatMap(({ pattern, ordinary }) =>
        matches(text, pattern, "PERSON", (v) => v.toLowerCase().replace(/\s+/g, " "), (m) => !ordinary || /^\p{Lu}/u.test(m[0])),
      ),
    ];
    const taken: Span[] = [];
    for (const span of candidates) {
      if (!taken.some((t) => span.start < t.end && t.start < span.end)) taken.push(span);
    }
    taken.sort((a, b) => a.start - b.start);
    let out = "";
    let at = 0;
    for (const span of taken) {
      out += text.slice(at, span.start) + placeholderFor(span);
      at = span.end;
    }
    return out + text.slice(at);
  };

  const restore = (text: string): string => text.replace(/\[PERSON_\d+\]/g, (p) => personNames.get(p) ?? p);

  const restoreDeep = <T>(value: T): T => {
    if (typeof value === "string") return restore(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => restoreDeep(v)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v)])) as T;
    return value;
  };

  return { redact, restore, restoreDeep, placeholders };
}
