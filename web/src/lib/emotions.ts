// The seven emotion groups as the app shows them: a word, a short description for people, and
// whether the group counts as a low state. Colour is only ever an extra (see EmotionIcon).
export const EMOTIONS = ["joy", "surprise", "neutral", "sadness", "fear", "anger", "disgust"] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const NEGATIVE_EMOTIONS = ["sadness", "fear", "anger", "disgust"] as const satisfies readonly Emotion[];

const WORDS: Record<Emotion, string> = {
  joy: "Joy",
  surprise: "Surprise",
  neutral: "Calm",
  sadness: "Sadness",
  fear: "Worry",
  anger: "Anger",
  disgust: "Aversion",
};

export const isEmotion = (value: unknown): value is Emotion => typeof value === "string" && (EMOTIONS as readonly string[]).includes(value);

/** "sadness" → "Sadness"; unknown names are shown as they are, capitalised. */
export function emotionWord(name: string | null | undefined): string {
  if (!name) return "Unknown";
  return isEmotion(name) ? WORDS[name] : name.charAt(0).toUpperCase() + name.slice(1);
}

/** The API's names (fear, neutral, disgust) are kept where they mean the same in plain words. */
export function emotionLabel(name: string | null | undefined): string {
  if (!name) return "Unknown";
  const word = emotionWord(name);
  return word.toLowerCase() === name ? word : `${word} (${name})`;
}
