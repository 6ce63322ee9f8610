// The benchmark's journal text: sentences people write, tags, search words and a small seeded
// generator. No Node or Miniflare import, so the Worker tests can use it too (tests/load-correctness).
import { seededRandom } from "../../worker/lib/seeded-random.ts";

/** Sentences people write in a journal, good days and bad, with things they did and people they saw. */
export const SENTENCES = [
  "Felt low and tired all day, missing home.",
  "A wonderful morning, laughed with friends and felt grateful.",
  "Anxious about the deadline, could not sleep well.",
  "So annoyed at the meeting, nobody listened again.",
  "Quiet day. Did the shopping and read a bit.",
  "Happy and proud, the run went really well today!",
  "Sad news from the family, I cried a little.",
  "Went for a long walk by the river and my head cleared.",
  "Called my sister and we talked for an hour, it helped.",
  "Work was overwhelming and I snapped at a colleague.",
  "Cooked dinner with Sam, we played music and danced in the kitchen.",
  "I'm so tired of feeling behind on everything.",
  "Meditated for ten minutes before bed and slept better.",
  "The presentation went fine, I was nervous for nothing.",
  "Lonely evening, scrolled my phone for hours.",
  "Went to the gym after work, felt strong afterwards.",
  "My mum is ill again and I feel helpless.",
  "Had coffee with an old friend, so good to catch up.",
  "Frustrated with the landlord, the heating is still broken.",
  "Spent the afternoon gardening, calm and content.",
  "I feel like I'm failing at my job.",
  "Finished the book I was reading, what an ending.",
  "Argued with my partner about money, still upset.",
  "Took the dog to the park, the sun was out.",
  "Scared about the test results next week.",
  "Played football with the kids, exhausted but happy.",
  "Nothing much happened, watched a film and went to bed.",
  "Wrote a long letter to my grandfather.",
  "Ate too much junk food and feel sluggish.",
  "Got a message from my brother that made me laugh.",
  "The commute was awful and I was late again.",
  "Went swimming in the morning, the water was freezing.",
  "Feeling hopeful about the new project at work.",
  "Couldn't focus, my mind kept drifting to the argument.",
  "Yoga class in the evening, my back feels better.",
  "Disappointed that the trip was cancelled.",
  "Baked bread for the first time, it actually worked!",
  "Worried about my friend who hasn't answered in days.",
  "Cleaned the whole flat and it feels lighter.",
  "Jealous of my colleague's promotion, I hate that I feel this way.",
  "Long phone call with dad about the old days.",
  "Rainy day, stayed in and painted for a while.",
] as const;

export const TAGS = ["work", "family", "friends", "health", "sleep", "exercise", "home", "money"] as const;

/** Words the search scenario looks for: common, uncommon and rare in the histories above. */
export const SEARCH_TERMS = ["tired", "walk", "sister", "friend", "deadline", "music", "garden", "letter"] as const;

/** A small deterministic generator, so that every run writes the same histories. */
export const rng = seededRandom;

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function entryText(random: () => number): { content: string; tags: string[] } {
  const n = 1 + Math.floor(random() * 3);
  const content = Array.from({ length: n }, () => pick(random, SENTENCES)).join(" ");
  const tagCount = Math.floor(random() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(random, TAGS)))];
  return { content, tags };
}
