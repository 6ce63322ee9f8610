// A mood the person stated themselves (Daylio's five-point scale), as Tideline stores a mood. A
// stated mood is the person's own word: it is kept over what the local model or the deep analysis
// reads in the text (migrations/0017_stated_mood.sql).
import type { EkmanEmotion } from "./taxonomy.ts";

/** Daylio's five default moods, best first. */
export const STATED_MOODS = ["rad", "good", "meh", "bad", "awful"] as const;
export type StatedMood = (typeof STATED_MOODS)[number];

export interface StatedMoodReading {
  primary_emotion: EkmanEmotion;
  is_positive: boolean;
  valence: number;
  intensity: number;
  emotion_scores: Record<string, number>;
}

/**
 * The mapping. Daylio's scale is one axis, from awful to rad; it names no emotion. So:
 * - valence spreads the five points evenly over [-1, 1] but stops short of the ends (±0.9): "rad" is
 *   the top of a five-point scale, not the most anyone can feel, and the local model rarely reads ±1;
 * - the Ekman emotion is the one group that a plain good or low day belongs to: joy above the middle,
 *   neutral at "meh", sadness below. Sadness, not anger or fear, because GoEmotions groups the general
 *   low feelings (disappointment, grief, remorse) under sadness, and a "bad" day says nothing about
 *   being angry or afraid: guessing either would invent what the person never said, and would send
 *   the graph's suggestions after the wrong kind of day;
 * - intensity grows with the distance from "meh"; the scores give the emotion that share and leave the
 *   rest to neutral, so a "good" day is clearly joy but less strongly than a "rad" one.
 */
const MAPPING: Record<StatedMood, { emotion: EkmanEmotion; valence: number; intensity: number }> = {
  rad: { emotion: "joy", valence: 0.9, intensity: 0.9 },
  good: { emotion: "joy", valence: 0.5, intensity: 0.6 },
  meh: { emotion: "neutral", valence: 0, intensity: 0.2 },
  bad: { emotion: "sadness", valence: -0.5, intensity: 0.6 },
  awful: { emotion: "sadness", valence: -0.9, intensity: 0.9 },
};

export function statedMoodReading(mood: StatedMood): StatedMoodReading {
  const { emotion, valence, intensity } = MAPPING[mood];
  return {
    primary_emotion: emotion,
    is_positive: valence > 0,
    valence,
    intensity,
    emotion_scores: emotion === "neutral" ? { neutral: 1 } : { [emotion]: intensity, neutral: Math.round((1 - intensity) * 1000) / 1000 },
  };
}

/** A Daylio mood label, if it is one of the five (case and spaces ignored). */
export function statedMoodOf(label: string): StatedMood | null {
  const key = label.trim().toLowerCase();
  return STATED_MOODS.find((m) => m === key) ?? null;
}
