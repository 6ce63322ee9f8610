// The local emotion model: a small network trained on GoEmotions by model/train.ts, whose
// weights are committed in model/weights/emotion-model.ts and bundled into the Worker.
// Pure TypeScript (no node: imports, no Worker APIs); decoding happens once, lazily.
import weights from "../../model/weights/emotion-model.ts";
import {
  DEFAULT_FEATURE_CONFIG,
  decodeModel,
  extractFeatures,
  levelScores,
  predictFeatures,
  type DecodedModel,
  type PackedModel,
} from "./features.ts";
import {
  EKMAN_EMOTIONS,
  EKMAN_GROUPS,
  FINE_EMOTIONS,
  FINE_TO_EKMAN_INDEX,
  FINE_TO_SENTIMENT_INDEX,
  isNegativeEmotion,
  SENTIMENTS,
  type EkmanEmotion,
  type FineEmotion,
  type Sentiment,
} from "./taxonomy.ts";
import type { EmotionAnalysis, EmotionProvider } from "./types.ts";
import { readFeelings, type FeelingReading } from "./feelings.ts";
import { decodeFeelingsModel, FEELINGS_MODEL_CLASSES, feelingsModelScores, type DecodedFeelingsModel } from "./feelings-model.ts";
import journalReaderWeights from "./data/feelings-model.ts";

let cached: DecodedModel | undefined;

function model(): DecodedModel {
  cached ??= decodeModel(weights as PackedModel);
  return cached;
}

/**
 * Maps a raw probability p to a calibrated score with the class's decision threshold t landing
 * on 0.5 (score = p^(log 0.5 / log t)): monotone, 0..1, comparable across classes, and
 * "score >= 0.5" is exactly the tuned decision.
 */
function calibrate(p: number, t: number): number {
  if (!(p > 0)) return 0;
  if (p >= 1) return 1;
  const tt = Math.min(0.99, Math.max(0.01, t));
  return Math.pow(p, Math.log(0.5) / Math.log(tt));
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function toRecord<K extends string>(labels: readonly K[], scores: ArrayLike<number>, thr: readonly number[]): Record<K, number> {
  const out = {} as Record<K, number>;
  labels.forEach((label, i) => {
    out[label] = round4(calibrate(scores[i]!, thr[i] ?? 0.5));
  });
  return out;
}

function argmax<K extends string>(labels: readonly K[], rec: Record<K, number>): K {
  let best = labels[0]!;
  for (const l of labels) if (rec[l] > rec[best]) best = l;
  return best;
}

type LevelScores = { fine: Float32Array; ekman: Float32Array; sentiment: Float32Array };

function scoreText(text: string): LevelScores {
  const m = model();
  const raw = predictFeatures(m, extractFeatures(text, m.packed.features ?? DEFAULT_FEATURE_CONFIG));
  return levelScores(raw, FINE_TO_EKMAN_INDEX, FINE_TO_SENTIMENT_INDEX, m.packed.ekmanMix, m.packed.sentimentMix);
}

/** Journal entries run to several sentences; the model learned from short comments. A long entry is
 * read in at most a dozen spans of consecutive sentences, which bounds the cost and still reads all of
 * it (the input itself is cut at MAX_INPUT_CHARS). */
const MAX_SENTENCES = 12;
const MIN_SENTENCE_WORDS = 2;

export function sentencesOf(text: string): string[] {
  const sentences = text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= MIN_SENTENCE_WORDS);
  if (sentences.length <= MAX_SENTENCES) return sentences;
  const per = Math.ceil(sentences.length / MAX_SENTENCES);
  return Array.from({ length: Math.ceil(sentences.length / per) }, (_, i) => sentences.slice(i * per, (i + 1) * per).join(" "));
}

/**
 * The raw (uncalibrated) outputs of the model for a text: 28 fine, 7 Ekman, 4 sentiment. A text of
 * several sentences is read sentence by sentence: each emotion keeps its strongest sentence's reading,
 * so that one clearly anxious sentence is not drowned by a practical one ("I feel anxious about
 * tomorrow. I need to prepare."), and the neutral classes keep their lowest (the entry is neutral only
 * if every sentence is). Reading the whole text as well cost another pass for little: on the team's
 * journal dev sentences 0.714 with it, 0.712 without, and the median time for a four-sentence entry
 * fell from about 0.32 to 0.22 ms.
 */
export function rawEmotionScores(text: string): LevelScores {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return scoreText(text);
  const parts = sentences.map(scoreText);
  const pooled = parts[0]!;
  const neutral = { fine: FINE_EMOTIONS.indexOf("neutral"), ekman: EKMAN_EMOTIONS.indexOf("neutral"), sentiment: SENTIMENTS.indexOf("neutral") };
  for (const level of ["fine", "ekman", "sentiment"] as const) {
    const target = pooled[level];
    for (const part of parts.slice(1)) {
      for (let i = 0; i < target.length; i++) target[i] = i === neutral[level] ? Math.min(target[i]!, part[level][i]!) : Math.max(target[i]!, part[level][i]!);
    }
  }
  return pooled;
}

/**
 * Analyses a text synchronously. Scores are calibrated so that 0.5 is each class's decision
 * threshold (tuned on the GoEmotions dev split).
 */
export function analyzeEmotion(text: string): EmotionAnalysis {
  const m = model();
  const input = typeof text === "string" ? text : "";
  const s = rawEmotionScores(input);
  const thr = m.packed.thresholds;
  const fine_scores = toRecord<FineEmotion>(FINE_EMOTIONS, s.fine, thr.fine);
  const ekman_scores = toRecord<EkmanEmotion>(EKMAN_EMOTIONS, s.ekman, thr.ekman);
  const sentiment_scores = toRecord<Sentiment>(SENTIMENTS, s.sentiment, thr.sentiment);
  const feelings = readFeelings(input);
  const decision = withJournalReader(input, ekman_scores);
  const stated = foldFeelings(feelings, decision, fine_scores, ekman_scores, sentiment_scores);

  const hasText = input.trim().length > 0;
  let primary_emotion: EkmanEmotion = stated ?? argmax(EKMAN_EMOTIONS, decision);
  if (!hasText || (!stated && decision[primary_emotion] < FEELING_BLEND.decisionFloor)) primary_emotion = "neutral";
  // A sentence that says "I feel …" is about a feeling even when the word is not in the vocabulary:
  // the model's strongest non-neutral reading names it when there is any real sign of one.
  if (primary_emotion === "neutral" && feelings.statement) {
    const best = argmax(FEELING_GROUPS, decision);
    if (decision[best] >= FEELING_BLEND.statementFloor) primary_emotion = best;
  }
  let sentiment: Sentiment = argmax(SENTIMENTS, sentiment_scores);
  if (!hasText || sentiment_scores[sentiment] < 0.5) sentiment = "neutral";
  // A reading must agree with itself: a fearful or sad entry is not "positive" because another
  // sentence in it was upbeat, and a joyful one is not "negative".
  if (isNegativeEmotion(primary_emotion) && sentiment === "positive") sentiment = sentiment_scores.negative >= 0.5 ? "negative" : "ambiguous";
  if (primary_emotion === "joy" && sentiment === "negative") sentiment = sentiment_scores.positive >= 0.5 ? "positive" : "ambiguous";

  const pos = sentiment_scores.positive;
  const neg = sentiment_scores.negative;
  let valence = hasText ? pos - neg : 0;
  // keep the sign consistent with the winning polarity
  if (sentiment === "positive") valence = Math.max(valence, 0.05);
  if (sentiment === "negative") valence = Math.min(valence, -0.05);
  valence = round4(Math.max(-1, Math.min(1, valence)));

  let strongest = 0;
  for (const e of EKMAN_EMOTIONS) if (e !== "neutral") strongest = Math.max(strongest, ekman_scores[e]);
  const intensity = hasText ? round4(Math.max(0, Math.min(1, strongest * (1 - 0.5 * ekman_scores.neutral)))) : 0;

  return {
    fine_scores,
    ekman_scores,
    sentiment_scores,
    primary_emotion,
    sentiment,
    is_positive: sentiment === "positive",
    valence,
    intensity,
  };
}

const FEELING_GROUPS = EKMAN_EMOTIONS.filter((e) => e !== "neutral");

/**
 * How the feelings vocabulary's reading is folded into the model's calibrated scores. Chosen on
 * dair-emotion validation and the team's journal dev sentences (decisions only; nothing is trained
 * on them), with GoEmotions dev checked so that Reddit comments are read as before.
 */
export const FEELING_BLEND = {
  /** How much a stated feeling quiets the other (non-neutral) groups: 0 none, 1 entirely. */
  damp: 0.5,
  /** Loose words (outside a frame) damp less. */
  looseDamp: 0.5,
  /** Below this, a feeling statement with no vocabulary word stays neutral. */
  statementFloor: 0.2,
  /** A denied feeling ("I'm not angry") is held below the decision threshold. */
  deniedCap: 0.4,
  /** Weight of a feeling word outside a frame. */
  looseWeight: 0.9,
  /** Each later feeling named in the text weighs this much less than the one before. */
  firstLead: 0.05,
  /**
   * Weight of the journal-sentence reader in the primary-emotion decision, and the scale of its
   * probabilities. 0.5 since the reader was trained on rounds d to g (journal dev 0.737 -> 0.803,
   * dair-emotion 0.653 either way, against 0.4).
   */
  readerWeight: 0.5,
  readerScale: 1.5,
  /**
   * The decision score below which nothing stated reads as neutral. 0.4 since the reader weighs 0.5:
   * at 0.5 the journal dev sentences lost their quieter anger and disgust to neutral (dev 0.803 ->
   * 0.825, dair-emotion 0.653 -> 0.652).
   */
  decisionFloor: 0.4,
};

let journalReader: DecodedFeelingsModel | undefined;

/** The journal-sentence reader votes on the primary emotion of every text (a copy of the scores; the scores themselves stay the model's). */
function withJournalReader(text: string, ekman: Record<EkmanEmotion, number>): Record<EkmanEmotion, number> {
  const decision = { ...ekman };
  const beta = FEELING_BLEND.readerWeight;
  if (beta <= 0) return decision;
  journalReader ??= decodeFeelingsModel(journalReaderWeights);
  const p = feelingsModelScores(text, journalReader);
  FEELINGS_MODEL_CLASSES.forEach((e, k) => {
    decision[e] = (1 - beta) * ekman[e] + beta * Math.min(1, p[k]! * FEELING_BLEND.readerScale);
  });
  return decision;
}

const groupSentiment = (group: EkmanEmotion): Sentiment => (group === "joy" ? "positive" : group === "surprise" ? "ambiguous" : "negative");

/**
 * Folds the stated feelings into the scores and returns the feeling the person states, if any.
 * The scores (what each emotion's bar shows, and multi-label decisions) are raised only by feelings
 * stated in a frame, and held down for denied ones. The primary emotion is decided on a copy in which
 * a stated feeling also quiets the others in proportion and loose feeling words count a little less:
 * what a person says they feel comes first, without erasing what else the model read.
 */
function foldFeelings(
  reading: FeelingReading,
  decision: Record<EkmanEmotion, number>,
  fine: Record<FineEmotion, number>,
  ekman: Record<EkmanEmotion, number>,
  sentiment: Record<Sentiment, number>,
): EkmanEmotion | undefined {
  if (reading.hits.length === 0 && reading.denied.length === 0) return undefined;
  // the first feeling named leads a little: "I feel angry and then sad" is mostly angry
  const hits = reading.hits.map((h, i) => ({ ...h, weighed: h.strength * (h.framed ? 1 : FEELING_BLEND.looseWeight) * (1 - FEELING_BLEND.firstLead * Math.min(i, 4)) }));
  const stated = new Map<EkmanEmotion, number>();
  let quiet = 0;
  for (const hit of hits) {
    stated.set(hit.group, Math.max(stated.get(hit.group) ?? 0, hit.weighed));
    quiet = Math.max(quiet, hit.weighed * (hit.framed ? FEELING_BLEND.damp : FEELING_BLEND.looseDamp));
  }
  const denied = reading.denied.filter((g) => !stated.has(g));
  for (const e of FEELING_GROUPS) {
    const s = stated.get(e);
    decision[e] = s === undefined ? decision[e] * (1 - quiet) : Math.max(decision[e], s);
  }
  for (const group of denied) decision[group] = Math.min(decision[group], FEELING_BLEND.deniedCap);

  let strongest = 0;
  for (const hit of hits) {
    if (!hit.framed) continue;
    strongest = Math.max(strongest, hit.strength);
    ekman[hit.group] = round4(Math.max(ekman[hit.group], hit.strength));
    if (hit.fine) fine[hit.fine] = round4(Math.max(fine[hit.fine], hit.strength));
    const side = groupSentiment(hit.group);
    sentiment[side] = round4(Math.max(sentiment[side], hit.strength));
  }
  ekman.neutral = round4(Math.min(ekman.neutral, 1 - strongest));
  fine.neutral = round4(Math.min(fine.neutral, 1 - strongest));
  sentiment.neutral = round4(Math.min(sentiment.neutral, 1 - strongest));
  for (const group of denied) {
    ekman[group] = Math.min(ekman[group], FEELING_BLEND.deniedCap);
    for (const f of EKMAN_GROUPS[group]) fine[f] = Math.min(fine[f], FEELING_BLEND.deniedCap);
  }
  const best = argmax(FEELING_GROUPS, decision);
  return stated.size > 0 && decision[best] >= 0.5 ? best : undefined;
}

export class LocalEmotionProvider implements EmotionProvider {
  readonly name = "local";
  readonly model = "goemotions-embbag-mlp-v1";

  analyze(text: string): Promise<EmotionAnalysis> {
    return Promise.resolve(analyzeEmotion(text));
  }
}
