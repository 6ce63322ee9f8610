// What a reply needs to know about the words of an entry: the life events it reports, the one thing
// to name back (an event, a person, an activity or a topic), whether it is clearly both good and hard,
// and the feeling the reply answers. Pure and local; bounded by the entry, never by the history.
import type { EkmanEmotion } from "../emotion/taxonomy.ts";
import { isNegativeEmotion } from "../emotion/taxonomy.ts";
import { readFeelings } from "../emotion/feelings.ts";
import { analyseWords } from "../insights/keywords.ts";
import { splitSentences } from "../insights/text.ts";
import { eventValence, findLifeEvents, type LifeEvent } from "./events.ts";
import { doneKeys } from "./fit.ts";
import { activityPhrase, personPhrase } from "./naming.ts";

/** The feeling a reply answers: an Ekman emotion, or "mixed" for an entry clearly both good and hard. */
export type Feel = EkmanEmotion | "mixed";

export type Subject =
  | { kind: "event"; event: LifeEvent; phrase: string }
  | { kind: "person"; phrase: string }
  | { kind: "activity"; phrase: string }
  | { kind: "topic"; phrase: string };

export interface EntryReading {
  events: LifeEvent[];
  /** doneKeys of the entry's activities and tags: what suggestions must not repeat. */
  done: Set<string>;
  /** A one-off event is reported (no "do it again"). */
  oneOff: boolean;
  people: string[];
  activities: string[];
  /** The entry's best key phrase that is not a feeling word, a number or a time. */
  topic: string | null;
  /** The writer says in words that it was both ("mixed feelings", "bittersweet", "happy and sad"). */
  saysMixed: boolean;
  /** Feelings the writer states about themselves ("I'm terrified", "so happy"), by group. */
  stated: Set<string>;
}

const SAYS_MIXED =
  /\b(?:mixed (?:feelings|emotions|bag|day)|bittersweet|ups and downs|highs and lows|(?:happy|glad|excited|relieved|proud) (?:and|but) (?:sad|scared|nervous|anxious|worried|angry|upset|gutted)|(?:sad|scared|nervous|anxious|worried|upset|gutted) (?:and|but) (?:happy|glad|excited|relieved|proud)|at the same time|on the one hand)\b/i;

/** "Overwhelmed with love" is not a hard feeling, whatever "overwhelmed" means on its own. */
const GOOD_OVERWHELM = /\boverwhelmed (?:with|by) (?:love|joy|happiness|gratitude|pride|kindness)\b/i;

/** Key phrases that name nothing worth saying back. */
const VAGUE = new Set(
  (
    "today tonight yesterday tomorrow morning evening afternoon night day days week weekend time times lot bit thing things stuff way " +
    "one two three four five six seven eight nine ten minutes hours hour feel feeling feelings head mind anymore everything something nothing " +
    "moment life people really pretty kind sort " +
    // verbs the extractor cannot tell from nouns (it knows regular "-ed" forms only)
    "miss want need love hate think know wish hope keep make get go come take see say tell try seem look let put " +
    "broke went came got made took saw said told felt left lost ran began kept thought knew found gave sat stood fell held " +
    "brought bought caught taught wrote spoke drove rode ate drank slept woke won hit set cut hurt met paid sent spent built meant heard"
  ).split(" "),
);

/** Activities worth naming after a hard day: ones meant to help ("even after the walk"), not "work". */
const SOOTHING_KINDS = new Set(["outdoors", "movement", "company", "rest", "wash", "calm", "music", "tidy"]);

/**
 * The keyword extractor has no tagger, so a verb can be a key phrase ("I miss her" → "miss"). A topic
 * worth naming is written as a noun at least once: after a determiner or a preposition ("my manager",
 * "about work", "the exam").
 */
const NOUN_BEFORE = /(?:^|[^\p{L}'])(?:the|a|an|my|our|your|his|her|their|this|that|these|those|some|about|with|at|of|for|from|on|in|into|over|after|before|during|around)\s+$/u;

function writtenAsNoun(lower: string, topic: string): boolean {
  for (let at = lower.indexOf(topic); at >= 0; at = lower.indexOf(topic, at + 1)) {
    if (NOUN_BEFORE.test(lower.slice(Math.max(0, at - 12), at))) return true;
  }
  return false;
}

function topicOf(bounded: string, feelingWords: string[], skip: string[]): string | null {
  const lower = bounded.toLowerCase();
  const topics = analyseWords(splitSentences(bounded), 5, 40).topics;
  return (
    topics.find((t) => {
      const words = t.split(" ");
      if (words.every((w) => VAGUE.has(w) || w.length < 3) || VAGUE.has(words.at(-1)!)) return false;
      if (feelingWords.some((f) => t.includes(f) || f.includes(t))) return false;
      if (skip.some((s) => s.includes(t) || t.includes(s))) return false;
      return writtenAsNoun(lower, t);
    }) ?? null
  );
}

/** What a reply names comes from the start of an entry; a pasted novel costs the same as a long entry. */
const READ_CHARS = 2_000;

/** `tags` count as done (the graph takes them as actions) but are never named: "#evening" is no deed. */
export function readEntry(text: string, activities: readonly string[], people: readonly string[], tags: readonly string[] = []): EntryReading {
  const bounded = text.slice(0, READ_CHARS);
  const events = findLifeEvents(bounded);
  const feelings = readFeelings(bounded).hits;
  return {
    events,
    done: doneKeys([...activities, ...tags]),
    oneOff: events.length > 0,
    people: [...people],
    activities: [...activities],
    topic: topicOf(
      bounded,
      feelings.map((h) => h.phrase.toLowerCase()),
      [...activities, ...people.map((p) => p.replace(/^(?:my|our|the) /, ""))],
    ),
    saysMixed: SAYS_MIXED.test(bounded),
    stated: new Set(feelings.filter((h) => h.framed && !(GOOD_OVERWHELM.test(bounded) && h.phrase.includes("overwhelm"))).map((h) => h.group)),
  };
}

/** Both a clearly negative emotion and joy are strong in the scores. */
const MIXED_THRESHOLD = 0.6;
function scoresMixed(scores: Partial<Record<EkmanEmotion, number>> | undefined): boolean {
  if (!scores) return false;
  const negative = Math.max(scores.sadness ?? 0, scores.anger ?? 0, scores.fear ?? 0, scores.disgust ?? 0);
  return (scores.joy ?? 0) >= MIXED_THRESHOLD && negative >= MIXED_THRESHOLD;
}

/**
 * The feeling the reply answers. The model's reading, corrected by what the words report: good news
 * of one's own is met with joy (unless the writer states a hard feeling with it: then mixed), a loss
 * is never met with joy, and good news beside bad news, a stated good feeling beside a stated hard
 * one, or the writer's own "mixed feelings", is mixed.
 */
export function feelOf(emotion: EkmanEmotion, scores: Partial<Record<EkmanEmotion, number>> | undefined, reading: EntryReading): Feel {
  const valences = new Set(reading.events.map(eventValence));
  const statesHard = [...reading.stated].some(isNegativeEmotion);
  if (reading.saysMixed || (valences.has(1) && valences.has(-1)) || (reading.stated.has("joy") && statesHard)) return "mixed";
  if (valences.has(1)) return statesHard || (isNegativeEmotion(emotion) && (scores?.joy ?? 0) < 0.5) ? "mixed" : "joy";
  if (valences.has(-1)) return emotion === "joy" ? "mixed" : isNegativeEmotion(emotion) ? emotion : "sadness";
  return scoresMixed(scores) ? "mixed" : emotion;
}

/** The one thing the reply names, chosen by what matters most for the feeling. */
export function subjectOf(reading: EntryReading, feel: Feel): Subject | null {
  const event = reading.events.find((e) => e.own && e.kind !== "upcoming") ?? reading.events.find((e) => e.kind === "upcoming");
  if (event && (event.kind !== "upcoming" || feel !== "joy")) return { kind: "event", event, phrase: event.phrase };
  const person = reading.people[0];
  const activity = reading.activities[0];
  const soothing = reading.activities.find((a) => [...doneKeys([a])].some((k) => SOOTHING_KINDS.has(k)));
  const named: (Subject | null)[] = [];
  const personSubject: Subject | null = person ? { kind: "person", phrase: personPhrase(person) } : null;
  const topicSubject: Subject | null = reading.topic ? { kind: "topic", phrase: `\u201C${reading.topic}\u201D` } : null;
  if (feel === "mixed" || isNegativeEmotion(feel)) {
    named.push(personSubject, soothing ? { kind: "activity", phrase: activityPhrase(soothing, "the") } : null, topicSubject);
  } else {
    // on a good day, the people in it come first ("the kids" before "baking")
    named.push(personSubject, activity ? { kind: "activity", phrase: activityPhrase(activity, "the") } : null, topicSubject);
  }
  return named.find((s) => s !== null) ?? null;
}
