// Turns what a person types into a safe FTS5 query. Only words survive, each quoted as a phrase,
// so FTS syntax in the input (quotes, *, NEAR(, -, column filters, AND/OR) can never reach the parser.
const MAX_TERMS = 12;

/** Answers the MATCH expression, or null when the input holds no searchable words. */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, MAX_TERMS).map((w) => `"${w}"`);
  if (terms.length === 0) return null;
  // The last word may still be being typed, so it also matches as a prefix.
  terms[terms.length - 1] = `${terms[terms.length - 1]}*`;
  return terms.join(" ");
}

export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

/** Splits an FTS5 snippet marked with private-use characters into parts the client renders as text. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of snippet.split(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`)).entries()) {
    if (piece) parts.push({ text: piece, highlight: i % 2 === 1 });
  }
  return parts;
}
