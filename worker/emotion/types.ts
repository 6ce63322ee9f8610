import type { EkmanEmotion, FineEmotion, Sentiment } from "./taxonomy.ts";

export type { EkmanEmotion, FineEmotion, Sentiment } from "./taxonomy.ts";

export interface EmotionAnalysis {
  /** Probability-like score per fine GoEmotions label, 0..1 each. */
  fine_scores: Record<FineEmotion, number>;
  /** Score per Ekman group (+ neutral), 0..1 each. */
  ekman_scores: Record<EkmanEmotion, number>;
  /** Score per sentiment group (+ neutral), 0..1 each. */
  sentiment_scores: Record<Sentiment, number>;
  /** Ekman group with the highest score; neutral when nothing clears its threshold. */
  primary_emotion: EkmanEmotion;
  /** Winning sentiment group. */
  sentiment: Sentiment;
  /** True when the positive sentiment wins. */
  is_positive: boolean;
  /** -1 (negative) .. 1 (positive). */
  valence: number;
  /** 0 (flat / neutral) .. 1 (strong emotion). */
  intensity: number;
}

export interface EmotionProvider {
  readonly name: string;
  readonly model: string;
  analyze(text: string): Promise<EmotionAnalysis>;
}
