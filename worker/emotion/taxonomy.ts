// GoEmotions taxonomy (Demszky et al., 2020): 27 fine emotions + neutral, grouped into
// Ekman's six basic emotions (+ neutral) and into sentiment groups (+ neutral).
// Order of FINE_EMOTIONS is the label-id order of the dataset's emotions.txt.

export const FINE_EMOTIONS = [
  "admiration",
  "amusement",
  "anger",
  "annoyance",
  "approval",
  "caring",
  "confusion",
  "curiosity",
  "desire",
  "disappointment",
  "disapproval",
  "disgust",
  "embarrassment",
  "excitement",
  "fear",
  "gratitude",
  "grief",
  "joy",
  "love",
  "nervousness",
  "optimism",
  "pride",
  "realization",
  "relief",
  "remorse",
  "sadness",
  "surprise",
  "neutral",
] as const;

export type FineEmotion = (typeof FINE_EMOTIONS)[number];

export const EKMAN_EMOTIONS = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"] as const;

export type EkmanEmotion = (typeof EKMAN_EMOTIONS)[number];

export const SENTIMENTS = ["positive", "negative", "ambiguous", "neutral"] as const;

export type Sentiment = (typeof SENTIMENTS)[number];

/** Ekman group -> its fine emotions (from GoEmotions ekman_mapping.json; neutral stays neutral). */
export const EKMAN_GROUPS: Readonly<Record<EkmanEmotion, readonly FineEmotion[]>> = {
  anger: ["anger", "annoyance", "disapproval"],
  disgust: ["disgust"],
  fear: ["fear", "nervousness"],
  joy: [
    "joy",
    "amusement",
    "approval",
    "excitement",
    "gratitude",
    "love",
    "optimism",
    "relief",
    "pride",
    "admiration",
    "desire",
    "caring",
  ],
  sadness: ["sadness", "disappointment", "embarrassment", "grief", "remorse"],
  surprise: ["surprise", "realization", "confusion", "curiosity"],
  neutral: ["neutral"],
};

/** Sentiment group -> its fine emotions (from GoEmotions sentiment_dict.json; neutral stays neutral). */
export const SENTIMENT_GROUPS: Readonly<Record<Sentiment, readonly FineEmotion[]>> = {
  positive: [
    "amusement",
    "excitement",
    "joy",
    "love",
    "desire",
    "optimism",
    "caring",
    "pride",
    "admiration",
    "gratitude",
    "relief",
    "approval",
  ],
  negative: [
    "fear",
    "nervousness",
    "remorse",
    "embarrassment",
    "disappointment",
    "sadness",
    "grief",
    "disgust",
    "anger",
    "annoyance",
    "disapproval",
  ],
  ambiguous: ["realization", "surprise", "curiosity", "confusion"],
  neutral: ["neutral"],
};

function invert<G extends string>(groups: Readonly<Record<G, readonly FineEmotion[]>>): Record<FineEmotion, G> {
  const out = {} as Record<FineEmotion, G>;
  for (const group of Object.keys(groups) as G[]) {
    for (const fine of groups[group]) out[fine] = group;
  }
  return out;
}

/** Fine emotion -> Ekman group. */
export const FINE_TO_EKMAN: Readonly<Record<FineEmotion, EkmanEmotion>> = invert(EKMAN_GROUPS);

/** Fine emotion -> sentiment group. */
export const FINE_TO_SENTIMENT: Readonly<Record<FineEmotion, Sentiment>> = invert(SENTIMENT_GROUPS);

/** Index lookups (fine id -> Ekman id / sentiment id), convenient for array-based code. */
export const FINE_TO_EKMAN_INDEX: readonly number[] = FINE_EMOTIONS.map((f) => EKMAN_EMOTIONS.indexOf(FINE_TO_EKMAN[f]));
export const FINE_TO_SENTIMENT_INDEX: readonly number[] = FINE_EMOTIONS.map((f) =>
  SENTIMENTS.indexOf(FINE_TO_SENTIMENT[f]),
);

/** The Ekman groups that make a low state: what "what helped" and recovery are measured from. */
export const NEGATIVE_EMOTIONS: ReadonlySet<string> = new Set<EkmanEmotion>(["anger", "disgust", "fear", "sadness"]);

export const isNegativeEmotion = (emotion: string | null | undefined): boolean => NEGATIVE_EMOTIONS.has(emotion ?? "");
