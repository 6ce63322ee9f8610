// Which suggestions fit an entry. Two rules:
//   1. Never suggest what the person just did. An entry's activities (lemma phrases from
//      worker/text/activities.ts) are compared with what a suggestion would have them do, read by the
//      same extractor, and by kind: after a walk, "take a slow walk" is a repeat, and so is "step
//      outside" (both are time outdoors).
//   2. Nothing that makes no sense for what happened: after a one-off event (worker/reply/events.ts),
//      such as getting a job, no "do it again: put it in your calendar"; nor "do it again" when the
//      entry did nothing to repeat, nor "share the good news" when there is no news.
import type { Suggestion } from "../../durable-objects/graph-types.ts";
import { extractActivities } from "../text/activities.ts";

/**
 * Kinds of doing. An activity belongs to a kind by its lemma or its verb ("call my sister" by
 * "call"); a suggestion belongs to one by its words (a generic suggestion is a sentence, not a lemma).
 */
const KINDS: Record<string, { activities: string[]; words: RegExp }> = {
  outdoors: {
    activities: ["walk", "run", "jog", "hike", "stroll", "wander", "ramble", "trek", "cycle", "bike", "go outside", "garden", "swim", "dip", "paddle", "sunbathe", "camp", "play football", "school run"],
    words: /\b(walk|outside|outdoors|fresh air|daylight|garden|stroll)\b/,
  },
  movement: {
    activities: ["run", "jog", "hike", "cycle", "bike", "swim", "go to the gym", "exercise", "train", "lift", "yoga", "pilates", "zumba", "dance", "climb", "spin class", "box", "kickbox", "stretch", "play football", "walk"],
    words: /\b(walk|move your body|brisk|exercise|stretch|run|workout)\b/,
  },
  company: {
    activities: ["call", "phone", "ring", "talk", "chat", "text", "message", "facetime", "video call", "meet", "visit", "hug"],
    words: /\b(message someone|tell someone|talk it (?:through|over)|check in with|share the good news|a friend|someone who is easy to talk to)\b/,
  },
  rest: { activities: ["nap", "sleep", "rest", "relax", "doze", "snooze", "chill", "lounge"], words: /\b(rest|nap|sleep|lie down)\b/ },
  wash: { activities: ["shower", "bath", "bathe", "soak", "face mask"], words: /\b(shower|bath)\b/ },
  calm: { activities: ["meditate", "pray", "breathe", "yoga", "tai chi"], words: /\b(breathe|breath|breaths|meditat\w*)\b/ },
  music: { activities: ["listen to music", "sing", "play music", "play the guitar", "play the piano"], words: /\b(song|music)\b/ },
  tidy: { activities: ["tidy", "clean", "declutter", "hoover", "vacuum", "mop", "dust", "wash up", "do the laundry", "do the dishes"], words: /\b(tidy|washing up|clean)\b/ },
  write: { activities: ["write", "journal", "write a letter"], words: /\b(write|journal)\b/ },
  drink: { activities: ["drink tea", "drink coffee", "make tea", "make a drink"], words: /\b(warm drink|cup of tea|coffee)\b/ },
};

const verbOf = (activity: string) => activity.split(" ")[0] ?? activity;

function kindsOfActivity(activity: string, into: Set<string>): void {
  for (const [kind, k] of Object.entries(KINDS)) if (k.activities.includes(activity) || k.activities.includes(verbOf(activity))) into.add(kind);
}

/** What an entry's activities say the person already did: the lemmas and their kinds. */
export function doneKeys(activities: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const raw of activities) {
    const a = raw.trim().toLowerCase();
    keys.add(a);
    kindsOfActivity(a, keys);
  }
  return keys;
}

/**
 * Suggestions are few and mostly the same strings (the generic lists, a person's few actions), so
 * their keys are remembered; the cache is cleared when full, so it stays small in a long-lived isolate.
 */
const KEYS_CACHE = new Map<string, Set<string>>();
const KEYS_CACHE_MAX = 500;

/** What a suggestion would have the person do, in the same terms as doneKeys. */
export function suggestionKeys(action: string): Set<string> {
  const text = action.trim().toLowerCase();
  const cached = KEYS_CACHE.get(text);
  if (cached) return cached;
  if (KEYS_CACHE.size >= KEYS_CACHE_MAX) KEYS_CACHE.clear();
  const keys = readSuggestion(text);
  KEYS_CACHE.set(text, keys);
  return keys;
}

function readSuggestion(text: string): Set<string> {
  // a history suggestion is already a lemma ("run", "call my sister"); a generic one is a sentence,
  // read like an entry
  const lemmas = extractActivities(text).activities;
  const keys = doneKeys(text.split(" ").length <= 3 ? [text, ...lemmas] : lemmas);
  for (const [kind, k] of Object.entries(KINDS)) if (k.words.test(text)) keys.add(kind);
  return keys;
}

/** Suggestions that mean doing the same thing again: wrong for a one-off event, and for an entry that did nothing to repeat. */
const REPEATING = /\b(again|calendar|next time|habit|routine|every (?:day|week)|regularly)\b/;

/** Suggestions that presume news to share. */
const NEWS = /\bgood news\b/;

export interface FitContext {
  /** doneKeys of the entry's activities. */
  done: Set<string>;
  /** Whether the entry reports a one-off event (an achievement, a milestone, a loss, something ahead). */
  oneOff: boolean;
  /** Whether the entry reports good news of the writer's own. */
  news: boolean;
}

export function fits(action: string, context: FitContext): boolean {
  const text = action.toLowerCase();
  if ((context.oneOff || context.done.size === 0) && REPEATING.test(text)) return false;
  if (!context.news && NEWS.test(text)) return false;
  for (const key of suggestionKeys(action)) if (context.done.has(key)) return false;
  return true;
}

/**
 * The suggestions that fit, best first, topped up from `fallback` (generic ideas for the feeling
 * the reply answers) when too few are left. Pure: the cost is a few tens of microseconds per
 * suggestion, and the lists are short and bounded, whatever the person's history.
 */
export function fitSuggestions(suggestions: readonly Suggestion[], fallback: readonly string[], context: FitContext, limit: number): Suggestion[] {
  const chosen: Suggestion[] = [];
  const seen = new Set<string>();
  const take = (s: Suggestion) => {
    const key = s.action.trim().toLowerCase();
    if (chosen.length >= limit || seen.has(key) || !fits(s.action, context)) return;
    seen.add(key);
    chosen.push(s);
  };
  suggestions.forEach(take);
  for (const action of fallback) take({ action, source: "generic", score: 0.5, evidence: null });
  return chosen;
}
