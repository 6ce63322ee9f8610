// Text the API accepts must be valid Unicode. A JSON "\ud800" escape decodes to a lone surrogate,
// which no UTF-8 store can hold: D1 and the Durable Object's SQLite would keep three replacement
// characters instead, so what was stored would differ from what was accepted (and outgrow limits).

/** Matches a surrogate that is not half of a pair (with the u flag a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

export interface MalformedText {
  path: string;
  message: string;
}

/** Every string (or object key) in a parsed input that holds a lone surrogate, with its path. */
export function malformedText(value: unknown, path: (string | number)[] = [], out: MalformedText[] = []): MalformedText[] {
  if (out.length >= 20) return out;
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) out.push({ path: path.map(String).join("."), message: "The text is not valid Unicode (it holds a lone surrogate)." });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => malformedText(item, [...path, i], out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) out.push({ path: [...path, key].map(String).join("."), message: "The key is not valid Unicode." });
      malformedText(item, [...path, key], out);
    }
  }
  return out;
}
