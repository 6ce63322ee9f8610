// Topic extraction without a model: RAKE-style candidate phrases (runs of content words between
// stopwords and punctuation), scored by how often their words recur in the entry.
import { STOPWORDS } from "./stopwords.ts";
import { forEachWord, normaliseApostrophes } from "./text.ts";

const MAX_PHRASE_WORDS = 3;
const MAX_WORD_CHARS = 24;
/** Long "-ly" words that are nouns, not adverbs. */
const LY_NOUNS = new Set(["assembly", "butterfly", "melancholy", "monopoly", "anomaly"]);

export interface WordStats {
  /** Ranked key phrases, lowercase, as written (most common spelling). */
  topics: string[];
  /** Occurrences of each normalised content word in the entry. */
  freq: ReadonlyMap<string, number>;
  /** The normalised content words of each sentence, for scoring sentences. */
  sentenceKeys: string[][];
}

/** Light normalisation so "sister" and "sisters", "party" and "parties" count together. */
function fold(word: string): string {
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

/**
 * Without a tagger, past-tense verbs and adverbs are recognised by their endings; they break a
 * phrase rather than becoming part of a topic.
 */
function isContentWord(w: string): boolean {
  if (w.length < 3 || w.length > MAX_WORD_CHARS || STOPWORDS.has(w) || /^[\p{N}'-]+$/u.test(w)) return false;
  if (w.length >= 5 && w.endsWith("ed") && !w.endsWith("eed")) return false;
  if (w.length >= 7 && w.endsWith("ly") && !LY_NOUNS.has(w)) return false;
  return true;
}

/** A phrase after one of these is probably a noun phrase ("my sister", "the interview"). */
const DETERMINERS = new Set(["a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those"]);

interface Candidate {
  keys: string[];
  surface: string;
  afterDeterminer: boolean;
}

/** Per entry, the same words recur: each distinct word is judged and folded once. */
type WordCache = Map<string, string | null>;

function keyOf(word: string, cache: WordCache): string | null {
  let key = cache.get(word);
  if (key === undefined) cache.set(word, (key = isContentWord(word) ? fold(word) : null));
  return key;
}

function candidatesOf(sentence: string, cache: WordCache): Candidate[] {
  const text = normaliseApostrophes(sentence).toLowerCase();
  const out: Candidate[] = [];
  let run: { key: string; word: string }[] = [];
  let runAfterDeterminer = false;
  let previous = "";
  let lastEnd = 0;
  const flush = () => {
    if (run.length > MAX_PHRASE_WORDS) for (const r of run) out.push({ keys: [r.key], surface: r.word, afterDeterminer: false });
    else if (run.length > 0)
      out.push({ keys: run.map((r) => r.key), surface: run.map((r) => r.word).join(" "), afterDeterminer: runAfterDeterminer });
    run = [];
  };
  forEachWord(text, (start, end) => {
    // anything but one space between two words (a comma, a dash, a bracket) ends the phrase
    const joined = start === lastEnd + 1 ? text.charCodeAt(lastEnd) === 32 : !/\S/.test(text.slice(lastEnd, start));
    if (!joined) flush();
    lastEnd = end;
    const word = text.slice(start, end);
    const key = keyOf(word, cache);
    if (key !== null) {
      if (run.length === 0) runAfterDeterminer = joined && DETERMINERS.has(previous);
      run.push({ key, word });
    } else flush();
    previous = word;
  });
  flush();
  return out;
}

interface PhraseTally {
  keys: string[];
  count: number;
  nounLike: boolean;
  first: number;
  surfaces: Map<string, number>;
}

export function analyseWords(sentences: readonly string[], limit: number, maxChars: number): WordStats {
  const freq = new Map<string, number>();
  const phrases = new Map<string, PhraseTally>();
  const sentenceKeys: string[][] = [];
  const cache: WordCache = new Map();
  let order = 0;
  for (const sentence of sentences) {
    const keys: string[] = [];
    for (const c of candidatesOf(sentence, cache)) {
      for (const k of c.keys) {
        freq.set(k, (freq.get(k) ?? 0) + 1);
        keys.push(k);
      }
      const id = c.keys.join(" ");
      let tally = phrases.get(id);
      if (!tally) phrases.set(id, (tally = { keys: c.keys, count: 0, nounLike: false, first: order++, surfaces: new Map() }));
      tally.count++;
      tally.nounLike ||= c.afterDeterminer;
      tally.surfaces.set(c.surface, (tally.surfaces.get(c.surface) ?? 0) + 1);
    }
    sentenceKeys.push(keys);
  }

  // RAKE sums its words' weights, so "job interview" outranks "interview" and then covers it;
  // frequency as the weight favours what the entry keeps coming back to
  const score = (p: PhraseTally) => p.keys.reduce((s, k) => s + (freq.get(k) ?? 0), 0) + (p.nounLike ? 0.5 : 0);
  const ranked = [...phrases.values()]
    .map((p) => ({ p, score: score(p) }))
    .sort((a, b) => b.score - a.score || b.p.count - a.p.count || a.p.first - b.p.first);

  const topics: string[] = [];
  const covered = new Set<string>();
  for (const { p } of ranked) {
    if (topics.length >= limit) break;
    // "interview" adds nothing once "job interview" is a topic
    if (p.keys.every((k) => covered.has(k))) continue;
    const surface = [...p.surfaces.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
    if (surface.length > maxChars || topics.includes(surface)) continue;
    topics.push(surface);
    for (const k of p.keys) covered.add(k);
  }
  return { topics, freq, sentenceKeys };
}
