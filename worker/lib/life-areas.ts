// Words that tie a piece of writing to a life area: used to say which active goal an entry touches
// on, and which area a goal drafted from an entry's intention belongs to. Pure, no database.
import type { LIFE_AREAS } from "../db/schema.ts";

export type LifeArea = (typeof LIFE_AREAS)[number];

/** Words that tie text to a life area, beyond a goal's own title. */
export const AREA_WORDS: Record<LifeArea, string[]> = {
  health: ["run", "running", "gym", "exercise", "sleep", "walk", "workout", "yoga", "diet", "health", "swim", "doctor", "fit", "fitness", "marathon", "cycling", "weight", "smoking", "stretch"],
  relationships: ["friend", "friends", "partner", "family", "mum", "mom", "dad", "sister", "brother", "date", "wife", "husband", "kids", "grandma", "grandad", "nan"],
  work: ["work", "job", "boss", "meeting", "project", "career", "deadline", "colleague", "office", "interview", "promotion"],
  growth: ["learn", "learning", "study", "course", "read", "reading", "practice", "practise", "skill", "language", "spanish", "french", "piano", "guitar", "books"],
  mind: ["meditate", "meditation", "anxiety", "calm", "therapy", "mindful", "breathe", "stress", "journal", "journaling", "gratitude", "scrolling"],
  leisure: ["hobby", "paint", "painting", "drawing", "music", "game", "travel", "holiday", "garden", "cook", "cooking", "bake", "baking"],
  finance: ["money", "budget", "save", "saving", "savings", "debt", "rent", "bills", "spending"],
  other: [],
};

/** The words of a text, lower case, three letters or more, without a plural "s". */
export const wordsOf = (text: string) => new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map((w) => w.replace(/s$/, "")));

/** The area whose words a text shares most, or "other" when it shares none. */
export function lifeAreaOf(text: string): LifeArea {
  const words = wordsOf(text);
  let best: { area: LifeArea; score: number } = { area: "other", score: 0 };
  for (const [area, list] of Object.entries(AREA_WORDS) as [LifeArea, string[]][]) {
    const score = list.filter((w) => words.has(w.replace(/s$/, ""))).length;
    if (score > best.score) best = { area, score };
  }
  return best.area;
}
