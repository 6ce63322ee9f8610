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

/** One normalised content word: "sister" and "sisters" share it. */
interface KeyStat {
  key: string;
  freq: number;
  /** The last sentence that counted it, so a sentence's weight counts each word once. */
  seenIn: number;
}

/** What a written word is: a content word's stat, or null for a word that ends a phrase. */
interface WordInfo {
  stat: KeyStat | null;
  determiner: boolean;
}

interface PhraseTally {
  stats: KeyStat[];
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

/**
 * Collects the entry's candidate phrases and word frequencies in one pass over its words, with one
 * map lookup per word (a long entry has thousands; this is the extractor's hot loop).
 */
class PhraseCollector {
  readonly phrases = new Map<string, PhraseTally>();
  private readonly words = new Map<string, WordInfo>();
  private readonly stats = new Map<string, KeyStat>();
  private run: KeyStat[] = [];
  private runWords: string[] = [];
  private runNounLike = false;
  private order = 0;

  info(word: string): WordInfo {
    let info = this.words.get(word);
    if (info === undefined) {
      let stat: KeyStat | null = null;
      if (isContentWord(word)) {
        const key = fold(word);
        stat = this.stats.get(key) ?? null;
        if (!stat) this.stats.set(key, (stat = { key, freq: 0, seenIn: -1 }));
      }
      this.words.set(word, (info = { stat, determiner: DETERMINERS.has(word) }));
    }
    return info;
  }

  push(stat: KeyStat, word: string, afterDeterminer: boolean): void {
    if (this.run.length === 0) this.runNounLike = afterDeterminer;
    this.run.push(stat);
    this.runWords.push(word);
    stat.freq++;
  }

  /** Ends the current run of content words; a run too long to be a key phrase counts word by word. */
  flush(): void {
    const n = this.run.length;
    if (n === 0) return;
    if (n > MAX_PHRASE_WORDS) for (let i = 0; i < n; i++) this.add([this.run[i]!], this.runWords[i]!, false);
    else this.add(this.run, n === 1 ? this.runWords[0]! : this.runWords.join(" "), this.runNounLike);
    this.run = [];
    this.runWords = [];
  }

  private add(stats: KeyStat[], surface: string, nounLike: boolean): void {
    const id = stats.length === 1 ? stats[0]!.key : stats.map((s) => s.key).join(" ");
    const tally = this.phrases.get(id);
    if (!tally) {
      this.phrases.set(id, { stats, count: 1, nounLike, first: this.order++, surface, score: 0 });
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
  const sentenceStats: KeyStat[][] = [];
  const sentenceWords: number[] = [];
  for (const sentence of sentences) {
    const text = normaliseApostrophes(sentence).toLowerCase();
    const stats: KeyStat[] = [];
    let words = 0;
    let afterDeterminer = false;
    let lastEnd = 0;
    forEachWord(text, (start, end) => {
      words++;
      // anything but one space between two words (a comma, a dash, a bracket) ends the phrase
      const joined = start === lastEnd + 1 ? text.charCodeAt(lastEnd) === 32 : !/\S/.test(text.slice(lastEnd, start));
      if (!joined) c.flush();
      lastEnd = end;
      const word = text.slice(start, end);
      const info = c.info(word);
      if (info.stat === null) c.flush();
      else {
        c.push(info.stat, word, joined && afterDeterminer);
        stats.push(info.stat);
      }
      afterDeterminer = info.determiner;
    });
    c.flush();
    sentenceStats.push(stats);
    sentenceWords.push(words);
  }

  // RAKE sums its words' weights, so "job interview" outranks "interview" and then covers it;
  // frequency as the weight favours what the entry keeps coming back to
  for (const p of c.phrases.values()) {
    let s = p.nounLike ? 0.5 : 0;
    for (const k of p.stats) s += k.freq;
    p.score = s;
  }
  const topics: string[] = [];
  const covered = new Set<KeyStat>();
  for (const p of limit > 0 ? topN(c.phrases.values(), MAX_LOOKS) : []) {
    if (topics.length >= limit) break;
    // "interview" adds nothing once "job interview" is a topic
    if (p.stats.every((k) => covered.has(k))) continue;
    const surface = preferredSurface(p);
    if (surface.length > maxChars || topics.includes(surface)) continue;
    topics.push(surface);
    for (const k of p.stats) covered.add(k);
  }

  // each sentence's weight: the entry-wide frequency of its distinct content words
  const sentenceWeights = sentenceStats.map((stats, i) => {
    let w = 0;
    for (const k of stats) {
      if (k.seenIn === i) continue;
      k.seenIn = i;
      w += k.freq;
    }
    return w;
  });
  return { topics, sentenceWeights, sentenceWords };
}
