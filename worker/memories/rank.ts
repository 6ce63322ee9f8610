// How search by meaning ranks: a blend of the meaning score (cosine of embeddings) and the word score
// (FTS5's BM25 over the query's content words, any of them), so an entry that says the same thing in
// other words is found and one that also shares the words comes first. Pure, so that the evaluation
// (scripts/eval-memories.ts) ranks exactly as the Worker does.
import { conceptWords } from "./concepts.ts";
import { contentWords, featuresOf, isCommonWord } from "./embedding.ts";

/** Share of the meaning score in the blend; the rest is the word score. */
export const MEANING_WEIGHT = 0.65;
/** An entry found only by meaning must be at least this close to the query to be shown. */
export const MIN_MEANING = 0.12;
/** How many candidates each side contributes before blending. */
export const CANDIDATES = 50;
const MAX_QUERY_WORDS = 12;

export interface MeaningHit {
  entryId: string;
  /** Cosine similarity, -1..1. */
  score: number;
}
export interface WordHit {
  entryId: string;
  /** FTS5 bm25(): lower (more negative) is better. */
  bm25: number;
}
export interface BlendedHit {
  entryId: string;
  score: number;
  meaning: number;
  words: number;
}

/**
 * The FTS5 MATCH expression for the word side: the query's telling words, any of them, each quoted
 * (they are runs of letters and digits only, so no FTS syntax survives); null when there are none.
 */
export function wordsMatch(query: string): string | null {
  const all = [...new Set(contentWords(query))];
  // Words every other entry has ("felt", "today") would let any entry match; alone, they still count.
  const telling = all.filter((w) => !isCommonWord(w));
  const words = (telling.length > 0 ? telling : all).slice(0, MAX_QUERY_WORDS);
  return words.length > 0 ? words.map((w) => `"${w}"`).join(" OR ") : null;
}

/**
 * What the local index scores per search, so that a search costs the same at any length of history:
 * the most recent MEANING_POOL entries that share a word or a concept with the query, the RECENT_POOL
 * most recent entries, and the entries the word search ranked best (CANDIDATES, by BM25 over all of
 * the history). Most recent first rather than by BM25: FTS5 then reads only as far as it needs.
 */
export const MEANING_POOL = 200;
export const RECENT_POOL = 100;
/** The word side ranks the most recent this many entries that hold any of the query's words. */
export const WORD_WINDOW = 1000;
const MAX_POOL_TERMS = 64;

let wordsOfConcept: Map<string, readonly string[]> | null = null;

/**
 * The FTS5 MATCH expression for the pool: the query's own words and every word of the journal concepts
 * it touches ("the sea" brings harbour, beach, coast...), any of them. An entry it does not match
 * shares no word, stem or concept with the query: its meaning score could only come from spelling
 * (character trigrams) or feelings. Null when the query has no words.
 */
export function meaningPoolMatch(query: string): string | null {
  wordsOfConcept ??= new Map(conceptWords().map(([name, words]) => [`c:${name}`, words]));
  const terms = new Set(contentWords(query));
  for (const feature of featuresOf(query).keys()) for (const word of wordsOfConcept.get(feature) ?? []) terms.add(word.replace(/_/g, " "));
  const list = [...terms].slice(0, MAX_POOL_TERMS);
  return list.length > 0 ? list.map((w) => `"${w}"`).join(" OR ") : null;
}

/** Blends the two candidate lists: best first, ties broken by the word score, then the id. */
export function blend(meaning: readonly MeaningHit[], words: readonly WordHit[]): BlendedHit[] {
  const best = words.reduce((max, w) => Math.max(max, -w.bm25), 0);
  const byId = new Map<string, BlendedHit>();
  const hit = (entryId: string) => {
    let h = byId.get(entryId);
    if (!h) byId.set(entryId, (h = { entryId, score: 0, meaning: 0, words: 0 }));
    return h;
  };
  for (const m of meaning) hit(m.entryId).meaning = Math.max(0, m.score);
  for (const w of words) hit(w.entryId).words = best > 0 ? Math.max(0, -w.bm25) / best : 0;
  const out: BlendedHit[] = [];
  for (const h of byId.values()) {
    if (h.words === 0 && h.meaning < MIN_MEANING) continue;
    h.score = MEANING_WEIGHT * h.meaning + (1 - MEANING_WEIGHT) * h.words;
    out.push(h);
  }
  return out.sort((a, b) => b.score - a.score || b.words - a.words || (a.entryId < b.entryId ? -1 : 1));
}

/** The best `k` of the meaning scores (a bounded selection, not a sort of everything scanned). */
export function topMeaning(hits: Iterable<MeaningHit>, k: number): MeaningHit[] {
  const top: MeaningHit[] = [];
  for (const h of hits) {
    if (top.length < k) {
      top.push(h);
      if (top.length === k) top.sort((a, b) => b.score - a.score);
    } else if (h.score > top[k - 1]!.score) {
      let i = k - 1;
      while (i > 0 && top[i - 1]!.score < h.score) {
        top[i] = top[i - 1]!;
        i--;
      }
      top[i] = h;
    }
  }
  return top.sort((a, b) => b.score - a.score);
}
