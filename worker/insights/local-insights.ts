// The insight content without a language model: key phrases, an extractive summary, reflective
// questions by emotion, and the person's own beliefs, challenges and intentions. Deterministic, no
// network, and cheap enough to run for every entry as the fallback when Workers AI is unavailable.
import type { EmotionAnalysis } from "../emotion/types.ts";
import { analyseWords, type WordStats } from "./keywords.ts";
import { chooseQuestions } from "./questions.ts";
import { extractStatements } from "./statements.ts";
import { STOPWORDS } from "./stopwords.ts";
import { MAX_ANALYSED_CHARS, clip, forEachWord, hash32, normaliseApostrophes, splitSentences } from "./text.ts";
import { INSIGHT_LIMITS, type InsightContent } from "./types.ts";

/**
 * The sentence that best carries the entry's recurring words, per word it spends; very short
 * sentences and questions rarely stand for a whole entry, and the opening often sets the scene.
 */
function pickSummary(sentences: readonly string[], stats: WordStats): string {
  let best = -1;
  let bestScore = -1;
  sentences.forEach((sentence, i) => {
    const words = stats.sentenceWords[i] ?? 0;
    let score = ((stats.sentenceWeights[i] ?? 0) + 0.1) / Math.sqrt(Math.max(words, 8));
    if (words < 4) score *= 0.5;
    if (sentence.endsWith("?")) score *= 0.7;
    if (i === 0) score *= 1.15;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best < 0 ? "" : clip(sentences[best]!, INSIGHT_LIMITS.summaryChars);
}

/**
 * Text typed without any punctuation arrives as one endless "sentence"; starting a new piece where
 * the writer starts a new thought about themselves ("... i need to sleep more") keeps quotes short.
 */
function splitRunOns(sentences: string[], punctuated: boolean): string[] {
  if (punctuated) return sentences;
  return sentences.flatMap((s) => (s.split(/\s+/).length > 12 ? s.split(/\s+(?=i(?:'?m|'?ve|'ll)?\s)/i) : [s]));
}

/**
 * English function words make up a third or more of English prose; far fewer means another
 * language, where English stopwords cannot pick topics and an English question should not quote them.
 */
function looksEnglish(text: string): boolean {
  const sample = normaliseApostrophes(text.slice(0, 3_000)).toLowerCase();
  let words = 0;
  let common = 0;
  forEachWord(sample, (start, end) => {
    words++;
    if (STOPWORDS.has(sample.slice(start, end))) common++;
  });
  return words < 6 || common / words >= 0.15;
}

export function extractInsightLocally(text: string, analysis: EmotionAnalysis): InsightContent {
  const input = (typeof text === "string" ? text : "").slice(0, MAX_ANALYSED_CHARS);
  const punctuated = /[.!?\u2026;]/.test(input);
  const sentences = splitRunOns(splitSentences(input), punctuated).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const stats = analyseWords(sentences, looksEnglish(input) ? INSIGHT_LIMITS.topics : 0, INSIGHT_LIMITS.topicChars);
  const statements = extractStatements(sentences, INSIGHT_LIMITS.items, INSIGHT_LIMITS.itemChars);
  return {
    topics: stats.topics,
    summary: pickSummary(sentences, stats),
    questions: chooseQuestions(analysis.primary_emotion, stats.topics[0], (hash32(input.slice(0, 4_000)) ^ input.length) >>> 0),
    beliefs: statements.beliefs,
    challenges: statements.challenges,
    action_items: statements.action_items,
  };
}
