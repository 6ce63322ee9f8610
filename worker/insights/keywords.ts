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
  /** Per sentence, how much of what the entry keeps returning to it carries (for the summary). */
  sentenceWeights: number[];
  /** Per sentence, its number of words. */
  sentenceWords: number[];
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
  if (w.length < 3 || w.length > MAX_WORD_CHARS || STOPWORDS.has(w)) return false;
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return false; // "2nd", "10pm", "2024"
  if (w.length >= 5 && w.endsWith("ed") && !w.endsWith("eed")) return false;
  if (w.length >= 7 && w.endsWith("ly") && !LY_NOUNS.has(w)) return false;
  return true;
}

/** A phrase after one of these is probably a noun phrase ("my sister", "the interview"). */
const DETERMINERS = new Set(["a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those"]);

interface PhraseTally {
  keys: string[];
  count: number;
  nounLike: boolean;
  first: number;
  surface: string;
  /** Only when the phrase was written more than one way ("sister", "sisters"). */
  surfaces?: Map<string, number>;
  score: number;
}

function preferredSurface(p: PhraseTally): string {
  if (!p.surfaces) return p.surface;
  return [...p.surfaces.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

const before = (a: PhraseTally, b: PhraseTally) =>
  a.score > b.score || (a.score === b.score && (a.count > b.count || (a.count === b.count && a.first < b.first)));

/** The best n in one pass: a long entry's thousands of one-off phrases are never sorted. */
function topN(pool: Iterable<PhraseTally>, n: number): PhraseTally[] {
  const top: PhraseTally[] = [];
  for (const p of pool) {
    if (top.length === n && !before(p, top[n - 1]!)) continue;
    let i = Math.min(top.length, n - 1);
    while (i > 0 && before(p, top[i - 1]!)) i--;
    top.splice(i, 0, p);
    if (top.length > n) top.pop();
  }
  return top;
}

/** Phrases looked at to fill the topics, allowing for ones already covered by a longer phrase. */
const MAX_LOOKS = 40;

/** Collects the entry's candidate phrases and word frequencies in one pass over its words. */
class PhraseCollector {
  readonly freq = new Map<string, number>();
  readonly phrases = new Map<string, PhraseTally>();
  /** Per entry, the same words recur: each distinct word is judged and folded once. */
  private readonly keyCache = new Map<string, string | null>();
  private runKeys: string[] = [];
  private runWords: string[] = [];
  private runNounLike = false;
  private order = 0;

  keyOf(word: string): string | null {
    let key = this.keyCache.get(word);
    if (key === undefined) this.keyCache.set(word, (key = isContentWord(word) ? fold(word) : null));
    return key;
  }

  push(key: string, word: string, afterDeterminer: boolean): void {
    if (this.runKeys.length === 0) this.runNounLike = afterDeterminer;
    this.runKeys.push(key);
    this.runWords.push(word);
    this.freq.set(key, (this.freq.get(key) ?? 0) + 1);
  }

  /** Ends the current run of content words; a run too long to be a key phrase counts word by word. */
  flush(): void {
    const n = this.runKeys.length;
    if (n === 0) return;
    if (n > MAX_PHRASE_WORDS) for (let i = 0; i < n; i++) this.add([this.runKeys[i]!], this.runWords[i]!, false);
    else this.add(this.runKeys, n === 1 ? this.runWords[0]! : this.runWords.join(" "), this.runNounLike);
    this.runKeys = [];
    this.runWords = [];
  }

  private add(keys: string[], surface: string, nounLike: boolean): void {
    const id = keys.length === 1 ? keys[0]! : keys.join(" ");
    const tally = this.phrases.get(id);
    if (!tally) {
      this.phrases.set(id, { keys, count: 1, nounLike, first: this.order++, surface, score: 0 });
      return;
    }
    tally.count++;
    tally.nounLike ||= nounLike;
    if (tally.surfaces || surface !== tally.surface) {
      tally.surfaces ??= new Map([[tally.surface, tally.count - 1]]);
      tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
    }
  }
}

export function analyseWords(sentences: readonly string[], limit: number, maxChars: number): WordStats {
  const c = new PhraseCollector();
  const sentenceKeys: string[][] = [];
  const sentenceWords: number[] = [];
  for (const sentence of sentences) {
    const text = normaliseApostrophes(sentence).toLowerCase();
    const keys: string[] = [];
    let words = 0;
    let previous = "";
    let lastEnd = 0;
    forEachWord(text, (start, end) => {
      words++;
      // anything but one space between two words (a comma, a dash, a bracket) ends the phrase
      const joined = start === lastEnd + 1 ? text.charCodeAt(lastEnd) === 32 : !/\S/.test(text.slice(lastEnd, start));
      if (!joined) c.flush();
      lastEnd = end;
      const word = text.slice(start, end);
      const key = c.keyOf(word);
      if (key === null) c.flush();
      else {
        c.push(key, word, joined && DETERMINERS.has(previous));
        keys.push(key);
      }
      previous = word;
    });
    c.flush();
    sentenceKeys.push(keys);
    sentenceWords.push(words);
  }

  // RAKE sums its words' weights, so "job interview" outranks "interview" and then covers it;
  // frequency as the weight favours what the entry keeps coming back to
  for (const p of c.phrases.values()) {
    let s = p.nounLike ? 0.5 : 0;
    for (const k of p.keys) s += c.freq.get(k) ?? 0;
    p.score = s;
  }
  const topics: string[] = [];
  const covered = new Set<string>();
  for (const p of limit > 0 ? topN(c.phrases.values(), MAX_LOOKS) : []) {
    if (topics.length >= limit) break;
    // "interview" adds nothing once "job interview" is a topic
    if (p.keys.every((k) => covered.has(k))) continue;
    const surface = preferredSurface(p);
    if (surface.length > maxChars || topics.includes(surface)) continue;
    topics.push(surface);
    for (const k of p.keys) covered.add(k);
  }

  // each sentence's weight: the entry-wide frequency of its distinct content words
  const lastSeenIn = new Map<string, number>();
  const sentenceWeights = sentenceKeys.map((keys, i) => {
    let w = 0;
    for (const k of keys) {
      if (lastSeenIn.get(k) === i) continue;
      lastSeenIn.set(k, i);
      w += c.freq.get(k) ?? 0;
    }
    return w;
  });
  return { topics, sentenceWeights, sentenceWords };
}
