// The local memory embedding: a text becomes a 384-dimension vector of hashed features (stemmed
// words, adjacent word pairs, character trigrams, the journal concepts of worker/memories/concepts.ts,
// the feelings lexicon's emotion groups, and the activities the extractor reads), L2-normalised and
// quantised to int8. It runs in the Worker in well under a millisecond per entry, needs no model file,
// and is what search by meaning uses wherever Vectorize is not bound (development, tests, fallback).
import { FEELINGS } from "../emotion/data/feelings-lexicon.ts";
import { extractActivities } from "../text/activities.ts";
import { verbReading } from "../text/verb-forms.ts";
import { conceptWords } from "./concepts.ts";

export const EMBEDDING_DIMS = 384;
/** Stored with every vector: a vector of another model or version is never compared, only replaced. */
export const LOCAL_EMBEDDING_MODEL = "tideline-hashed-v1";

/** Words that say nothing about what an entry is about. */
const FUNCTION_WORDS = new Set(
  `a an the and or but if so as at by for from in into of on onto to up with about over after before than then that this
these those there here i me my mine myself we us our you your he him his she her they them their it its is am are was were
be been being have has had do does did not no nor just very too also only even still again really quite rather some any
all each every what which who whom when where why how will would shall should can could may might must im ive id dont
didnt cant wont isnt wasnt couldnt wouldnt oh yeah ok okay lot lots bit thing things stuff`.split(/\s+/),
);

/**
 * Words a journal is full of: kept, but worth little, the way an inverse document frequency would
 * weigh them over any journal (a fixed prior, since one person's history is too small to estimate it).
 */
const COMMON_WORDS = new Set(
  `today day time get go feel make think know want need say tell week got went felt made thought knew wanted needed
said told come came take took try tried start started keep kept look looked seem seemed way back much more little
long first last next new old good bad one two week weekend yesterday tomorrow`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;

const undouble = (s: string) => (/([b-df-hj-km-np-tv-z])\1$/.test(s) && !/(ll|ss|zz)$/.test(s) ? s.slice(0, -1) : s);

/** A light stemmer: verbs through the extractor's verb forms, other words by their common suffixes. */
export function stem(word: string): string {
  const verb = verbReading(word);
  if (verb) return verb.lemma;
  if (word.length <= 3) return word;
  let s = word;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("ing") && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith("ed") && s.length > 4) s = undouble(s.slice(0, -2));
  else if (s.endsWith("ly") && s.length > 5) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("e") && s.length > 3) s = s.slice(0, -1);
  return s;
}

/** Lower-case words of a text, apostrophes dropped ("didn't" → "didnt"). */
export const wordsOf = (text: string): string[] => text.normalize("NFKC").toLowerCase().replace(/['’]/g, "").match(WORD) ?? [];

/** The content words of a text (function words left out), unstemmed. */
export const contentWords = (text: string): string[] => wordsOf(text).filter((w) => !FUNCTION_WORDS.has(w));

/** Whether a word is one a journal is full of (it still counts, but for little). */
export const isCommonWord = (word: string): boolean => COMMON_WORDS.has(word) || COMMON_WORDS.has(stem(word));

// Concept lookups by stem, built once per isolate from the hand map and the feelings lexicon.
let conceptIndex: Map<string, string[]> | null = null;
function conceptsOf(s: string): string[] {
  if (!conceptIndex) {
    conceptIndex = new Map();
    const add = (word: string, concept: string) => {
      const key = word.split("_").map(stem).join("_");
      const list = conceptIndex!.get(key) ?? [];
      if (!list.includes(concept)) list.push(concept);
      conceptIndex!.set(key, list);
    };
    for (const [name, words] of conceptWords()) for (const w of words) add(w, `c:${name}`);
    // One-word feelings the hand map does not name join their emotion group (and fine emotion).
    for (const [phrase, group, fine] of FEELINGS) {
      if (phrase.includes(" ")) continue;
      const key = stem(phrase);
      if (conceptIndex.get(key)?.some((c) => c.startsWith("c:"))) continue;
      add(phrase, `g:${group}`);
      if (fine) add(phrase, `f:${fine}`);
    }
  }
  return conceptIndex.get(s) ?? [];
}

const WEIGHTS = { word: 1, concept: 3, feeling: 0.8, pair: 0.3, trigram: 0.15, activity: 1 } as const;

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The weighted features of a text, before hashing (exported for tests and the evaluation). */
export function featuresOf(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  const stems: string[] = [];
  for (const word of contentWords(text)) {
    const s = stem(word);
    const scale = isCommonWord(word) ? 0.25 : 1;
    stems.push(s);
    add(`w:${s}`, WEIGHTS.word * scale);
    for (const concept of conceptsOf(s)) add(concept, (concept.startsWith("c:") ? WEIGHTS.concept : WEIGHTS.feeling) * scale);
    const padded = `#${s}#`;
    const grams = Math.max(1, padded.length - 2);
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, (WEIGHTS.trigram * scale) / Math.sqrt(grams));
  }
  for (let i = 1; i < stems.length; i++) {
    const pair = `${stems[i - 1]}_${stems[i]}`;
    add(`p:${pair}`, WEIGHTS.pair);
    for (const concept of conceptsOf(pair)) add(concept, WEIGHTS.concept);
  }
  for (const activity of extractActivities(text).activities) {
    add(`a:${activity}`, WEIGHTS.activity);
    for (const concept of conceptsOf(stem(activity.split(" ")[0]!))) add(concept, WEIGHTS.concept / 2);
  }
  return features;
}

/** The float vector of a text, L2-normalised (all zeros for a text without content words). */
export function embedText(text: string): Float32Array {
  const vector = new Float32Array(EMBEDDING_DIMS);
  for (const [key, weight] of featuresOf(text)) {
    const h = hash(key);
    // A repeated feature counts less than its repetitions: sqrt dampens the term frequency.
    vector[h % EMBEDDING_DIMS]! += (h & 0x80000000 ? -1 : 1) * Math.log1p(weight);
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/** Int8 quantisation: each vector scaled by its own largest component (cosine does not see the scale). */
export function quantise(vector: Float32Array): Int8Array {
  let max = 0;
  for (const v of vector) max = Math.max(max, Math.abs(v));
  const out = new Int8Array(vector.length);
  if (max === 0) return out;
  for (let i = 0; i < vector.length; i++) out[i] = Math.round((vector[i]! / max) * 127);
  return out;
}

export function encodeVector(vector: Int8Array): string {
  const bytes = new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The stored vector back as int8, or null when it is not one of this model's vectors. */
export function decodeVector(text: string): Int8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length !== EMBEDDING_DIMS) return null;
  const out = new Int8Array(EMBEDDING_DIMS);
  for (let i = 0; i < EMBEDDING_DIMS; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

/** Cosine between a normalised float query and a stored int8 vector (0 when either is empty). */
export function cosine(query: Float32Array, stored: Int8Array): number {
  let dot = 0;
  let norm = 0;
  for (let i = 0; i < stored.length; i++) {
    const v = stored[i]!;
    dot += query[i]! * v;
    norm += v * v;
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm);
}
