// Turns an entry into the plain form the safety patterns are written against: lower case, no
// apostrophes ("don't" → "dont"), slang and common misspellings spelled out, one space between
// words, split into sentences. People in distress write fast, in lower case, without punctuation and
// with typos; the patterns should not have to know any of that.
//
// It runs on every entry, so it is written for speed: two passes over the whole text, then one loop
// over the words, and only sentences holding a word some pattern is anchored on are kept.
import { FUZZY_TARGETS, REWRITES } from "./vocabulary.ts";

// Apostrophes and the asterisks people put in words to soften them ("s*icidal") are dropped.
const IN_WORD_MARKS = /['’‘`´*]/g;
/**
 * Everything but letters, digits, spaces and sentence ends becomes a space. Spaces themselves are
 * left alone (replacing each of them is most of the cost on a long entry); empty words are skipped.
 */
const NOT_WORD = /[^a-z0-9 .!?;:\n]+/g;
/** A sentence end becomes a word of its own, so the text is split once. */
const BREAKS = /[.!?;:\n]+/g;
const BREAK = "|";
/** Letters repeated three or more times ("soooo", "diiiie") are written once. */
const ELONGATION = /([a-z])\1{2,}/g;

/** Whether a word has a letter three times in a row; a plain loop, far cheaper than a regex with a back-reference. */
function isElongated(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2) && c >= 97 && c <= 122) return true;
  }
  return false;
}

/**
 * Damerau–Levenshtein distance with an early exit above `max`: enough to recognise "sucidal",
 * "suicidel" or "suiside" without listing every typo.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** For each target, which of the 26 letters it holds. */
const targetLetters = new Map(
  FUZZY_TARGETS.map((t) => {
    const has = new Uint8Array(26);
    for (let i = 0; i < t.word.length; i++) has[t.word.charCodeAt(i) - 97] = 1;
    return [t.word, has];
  }),
);
const fuzzyFirst = new Set(FUZZY_TARGETS.map((t) => t.word.charCodeAt(0)));
const fuzzySecond = new Set(FUZZY_TARGETS.flatMap((t) => [t.word.charCodeAt(1), t.word.charCodeAt(2)]));
const fuzzyMinLength = Math.min(...FUZZY_TARGETS.map((t) => t.minLength));

/** Cheap test before the edit distance: a near miss is made mostly of the target's letters. */
function mostlyLettersOf(token: string, word: string, maxEdits: number): boolean {
  const has = targetLetters.get(word)!;
  let foreign = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i) - 97;
    if ((c < 0 || c > 25 || has[c] === 0) && ++foreign > maxEdits) return false;
  }
  return true;
}

/**
 * Typos keep the first letter and, nearly always, the second or third ("sucide", "sicidal"): a test
 * on character codes that turns away almost every other word before any real work.
 */
const worthFuzzyMatching = (token: string) =>
  token.length >= fuzzyMinLength && fuzzyFirst.has(token.charCodeAt(0)) && fuzzySecond.has(token.charCodeAt(1));

/** The nearest fuzzy target within its edit budget; on a tie, the one ending like the token. */
function nearestTarget(token: string): string | null {
  let best: { word: string; distance: number } | null = null;
  for (const target of FUZZY_TARGETS) {
    if (token[0] !== target.word[0] || token.length < target.minLength || Math.abs(token.length - target.word.length) > target.maxEdits) continue;
    if (!mostlyLettersOf(token, target.word, target.maxEdits)) continue;
    const distance = editDistance(token, target.word, target.maxEdits);
    if (distance > target.maxEdits) continue;
    const better = !best || distance < best.distance || (distance === best.distance && target.word.at(-1) === token.at(-1));
    if (better) best = { word: target.word, distance };
  }
  return best?.word ?? null;
}

export function fixToken(token: string): string {
  const rewritten = REWRITES.get(token);
  if (rewritten !== undefined) return rewritten;
  return worthFuzzyMatching(token) ? (nearestTarget(token) ?? token) : token;
}

/** The plain text: lower case, one space for any run of characters that are not part of a word. */
export const plainText = (text: string) => text.toLowerCase().replace(IN_WORD_MARKS, "").replace(NOT_WORD, " ");



export interface NormalSentence {
  words: string[];
  /** The union of the anchor masks of its words: which patterns are worth trying on it (0: none). */
  mask: number;
}

/** A word as the text writes it → its normal form, split into words, with their anchor masks together. */
interface Known {
  words: string[];
  mask: number;
}
/**
 * For each anchor map, every word whose normal form is known without work: the rewrites and the
 * anchors themselves. One lookup a word instead of two, on every word of every entry.
 */
const knownWords = new WeakMap<ReadonlyMap<string, number>, Map<string, Known>>();
function knownFor(anchors: ReadonlyMap<string, number>): Map<string, Known> {
  let known = knownWords.get(anchors);
  if (known) return known;
  known = new Map();
  const maskOf = (words: string[]) => words.reduce((m, w) => m | (anchors.get(w) ?? 0), 0);
  for (const [word, mask] of anchors) if (!REWRITES.has(word)) known.set(word, { words: [word], mask });
  for (const [raw, rewritten] of REWRITES) {
    const words = rewritten.split(" ").filter(Boolean);
    known.set(raw, { words, mask: maskOf(words) });
  }
  knownWords.set(anchors, known);
  return known;
}

/**
 * Every sentence of the entry as words in the normal form, each with the patterns its words are
 * anchors of (`anchors` maps a word to a bit mask of patterns).
 */
export function normalisedSentences(text: string, anchors: ReadonlyMap<string, number>): NormalSentence[] {
  const known = knownFor(anchors);
  const sentences: NormalSentence[] = [];
  let words: string[] = [];
  let mask = 0;
  for (const raw of plainText(text).replace(BREAKS, ` ${BREAK} `).split(" ")) {
    if (raw === BREAK) {
      if (words.length > 0) sentences.push({ words, mask });
      words = [];
      mask = 0;
      continue;
    }
    if (raw === "") continue;
    const token = raw.length > 2 && isElongated(raw) ? raw.replace(ELONGATION, "$1") : raw;
    const hit = known.get(token);
    if (hit !== undefined) {
      mask |= hit.mask;
      if (hit.words.length === 1) words.push(hit.words[0]!);
      else for (const w of hit.words) words.push(w);
      continue;
    }
    // Not a known word: a typo of a word the patterns need, or itself.
    const fixed = worthFuzzyMatching(token) ? nearestTarget(token) : null;
    if (fixed === null) words.push(token);
    else {
      mask |= anchors.get(fixed) ?? 0;
      words.push(fixed);
    }
  }
  if (words.length > 0) sentences.push({ words, mask });
  return sentences;
}

/** Every sentence of the entry as words in the normal form (for the model and its training). */
export const sentenceWords = (text: string): string[][] => normalisedSentences(text, NO_ANCHORS).map((s) => s.words);
const NO_ANCHORS: ReadonlyMap<string, number> = new Map();
