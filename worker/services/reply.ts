// Writes Tideline's reply to an entry: it names something the person wrote (an event, a person, an
// activity, a topic), answers the feeling (or both feelings, for a mixed entry), leads with what
// helped this person before (with the evidence), suggests only what fits the entry, brings back now
// and then a past entry they recovered from, and asks one follow-up question. Varied across entries
// but deterministic for a given entry and previous reply, so a reload never changes a reply, and
// never the same text as the person's previous reply. Pure: everything it reads is bounded by the
// entry, never by the person's history. The pieces live in worker/reply/.
import type { Suggestion } from "../../durable-objects/graph-types.ts";
import { genericSuggestions } from "../emotion/generic-suggestions.ts";
import { isNegativeEmotion, type EkmanEmotion } from "../emotion/taxonomy.ts";
import { fnv1a } from "../lib/hash.ts";
import { DAY_MS, HOUR_MS } from "../lib/time-zone.ts";
import { fitSuggestions } from "../reply/fit.ts";
import type { GoalDraft } from "../reply/intentions.ts";
import { activityPhrase } from "../reply/naming.ts";
import { eventValence } from "../reply/events.ts";
import { feelOf, readEntry, subjectOf, type Feel } from "../reply/reading.ts";
import { followUpQuestion, intentionOpening, opening, pick } from "../reply/templates.ts";
import { CONCERN_ACTIONS, concernReply, crisisReply } from "../safety/replies.ts";
import type { SafetyResource } from "../safety/resources.ts";
import type { SafetyLevel } from "../safety/screen.ts";

export interface ReplyMemory {
  writtenAt: number;
  /** The person's time zone: the memory is dated as they lived it. */
  timeZone: string;
  excerpt: string;
  recoveredAfterMs: number;
}

export interface ReplyGoal {
  title: string;
  progress: number;
  stepsDone: number;
  steps: number;
}

export interface ReplyInput {
  entryId: string;
  emotion: EkmanEmotion;
  intensity: number;
  isPositive: boolean;
  suggestions: Suggestion[];
  memory: ReplyMemory | null;
  /** What the entry says: its text, the activities and people read from it (worker/text), its tags. */
  entry?: { text: string; activities: readonly string[]; people: readonly string[]; tags?: readonly string[] };
  /** An active goal the entry touches on, if any. */
  goal?: ReplyGoal | null;
  /** A goal drafted from an intention the entry states (worker/reply/intentions.ts), offered as a chip. */
  goalOffer?: GoalDraft | null;
  /** The text of the person's previous reply: this one must not say the same. */
  previousText?: string | null;
  /** The Ekman scores, to notice an entry that holds both something hard and something good. */
  scores?: Partial<Record<EkmanEmotion, number>>;
  /** What the safety screen made of the entry, and the crisis lines for the person's country. */
  safety?: { level: SafetyLevel; resources: SafetyResource[] };
}

export interface BuiltReply {
  text: string;
  suggested_actions: Suggestion[];
  goal_offer: GoalDraft | null;
}

const INTENSE_ADDITIONS: Partial<Record<EkmanEmotion, string>> = {
  sadness: "If it ever feels like too much, reaching out to someone you trust can help.",
  fear: "One slow breath at a time is enough for now.",
  anger: "It's okay to pause before you act on it.",
};

const SUGGESTION_LIMIT = 3;
/** The score of an action with no evidence either way (durable-objects/graph-algorithms.ts). */
const GENERIC_PRIOR = 0.5;

const rotate = <T>(items: readonly T[], seed: number): T[] => {
  const k = items.length ? seed % items.length : 0;
  return [...items.slice(k), ...items.slice(0, k)];
};
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 55) return minutes <= 1 ? "a minute or so" : `about ${minutes} minutes`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 20) return hours <= 1 ? "about an hour" : `about ${hours} hours`;
  const days = Math.round(ms / DAY_MS);
  return days <= 1 ? "about a day" : `about ${days} days`;
}

/** A history action as the reply names it: "a run", "calling your sister", "yoga". */
const helped = (action: string) => activityPhrase(action, "a");

/** "Last time you felt like this, a run helped — 3 of 4 times, usually within a day." */
function evidenceSentence(s: Suggestion, seed: number): string {
  const ev = s.evidence!;
  const within = ev.medianRecoveryMs !== null ? describeDuration(ev.medianRecoveryMs).replace(/^about (?=an? )/, "") : null;
  const when = within ? `, usually within ${within}` : "";
  const times = `${ev.worked} of ${ev.tried} ${ev.tried === 1 ? "time" : "times"}`;
  return pick(
    [
      `Last time you felt like this, ${helped(s.action)} helped \u2014 ${times}${when}.`,
      `When you've felt this way before, ${helped(s.action)} helped ${times}${when}.`,
      `From your own history: ${helped(s.action)} has helped ${times} when you felt like this${when}.`,
    ],
    seed,
    3,
  );
}

/** The day a memory was written, in the person's zone: "14 March". */
export const memoryDate = (m: Pick<ReplyMemory, "writtenAt" | "timeZone">) =>
  new Date(m.writtenAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: m.timeZone });

function memorySentence(m: ReplyMemory, seed: number): string {
  const date = memoryDate(m);
  const after = describeDuration(m.recoveredAfterMs);
  return pick(
    [
      `On ${date} you wrote "${m.excerpt}", and ${after} later you were feeling better. This can pass too.`,
      `You've been somewhere like this before: on ${date} ("${m.excerpt}"). Things brightened ${after} after.`,
    ],
    seed,
    7,
  );
}

function goalSentence(goal: ReplyGoal, positive: boolean, seed: number): string {
  const steps = goal.steps > 0 ? ` (${goal.stepsDone} of ${goal.steps} steps done)` : "";
  if (goal.progress >= 100) return `And your goal "${goal.title}" is complete. That deserves noticing.`;
  return pick(
    positive
      ? [
          `This fits your goal "${goal.title}", now ${goal.progress}% of the way${steps}.`,
          `Nice step for "${goal.title}": you're ${goal.progress}% there${steps}.`,
        ]
      : [
          `Your goal "${goal.title}" is still ${goal.progress}% of the way${steps}; a hard day doesn't undo that.`,
          `You've come ${goal.progress}% of the way on "${goal.title}"${steps}. One small step can wait until you feel ready.`,
        ],
    seed,
    13,
  );
}

/** Whether this entry's reply brings back a memory: about one entry in three. */
const recallsMemory = (seed: number) => (seed >>> 11) % 3 === 0;

const concernSuggestions: Suggestion[] = CONCERN_ACTIONS.map((action) => ({ action, source: "generic", score: 0.5, evidence: null }));

/** How many other wordings are tried before the last resort, when a reply would repeat the previous one. */
const VARIANTS = 8;
const variant = (seed: number, v: number) => (seed ^ Math.imul(v, 0x9e3779b9)) >>> 0;
const same = (a: string, b: string | null | undefined) => !!b && a.trim() === b.trim();

/** The first wording unlike `previous`; if every wording is the same, it says so kindly. */
function unlike(previous: string | null | undefined, seed: number, write: (seed: number) => string): string {
  let text = write(seed);
  for (let v = 1; v < VARIANTS && same(text, previous); v++) text = write(variant(seed, v));
  return same(text, previous) ? `${text} Thank you for writing again.` : text;
}

const LOW_SUGGESTION = ["If it helps, you could {a}.", "One small idea, if it fits: {a}."];
const GOOD_SUGGESTION = ["Maybe {a}.", "If you feel like it, {a}."];

interface Composition {
  input: ReplyInput;
  feel: Feel;
  low: boolean;
  /** The entry is about an intention the reply offers to make a goal (on a day that is not hard). */
  aboutIntention: boolean;
  subject: ReturnType<typeof subjectOf>;
  suggestions: Suggestion[];
}

function compose({ input, feel, low, aboutIntention, subject, suggestions }: Composition, seed: number): string {
  const question = followUpQuestion(feel, subject, !!input.goalOffer, seed);
  const parts = [aboutIntention ? intentionOpening(input.goalOffer!, seed) : opening(feel, subject, question.names, seed)];
  if (low && input.intensity >= 0.75 && feel !== "mixed" && INTENSE_ADDITIONS[feel]) parts.push(INTENSE_ADDITIONS[feel]!);

  const proven = suggestions.find((s) => s.source === "history" && s.evidence && s.evidence.worked > 0);
  const first = suggestions[0];
  if (low && proven) parts.push(evidenceSentence(proven, seed));
  else if (low && first) parts.push(pick(LOW_SUGGESTION, seed, 9).replace("{a}", first.action));
  else if (feel === "joy" && first) parts.push(pick(GOOD_SUGGESTION, seed, 9).replace("{a}", first.action));

  if (input.goal) parts.push(goalSentence(input.goal, input.isPositive, seed));
  if (low && input.memory && recallsMemory(seed)) parts.push(memorySentence(input.memory, seed));
  parts.push(question.text);
  return parts.join(" ");
}

export function buildReply(input: ReplyInput): BuiltReply {
  const seed = fnv1a(input.entryId);
  // A crisis gets care and a way to reach people, nothing else: the same calm words every time.
  if (input.safety?.level === "crisis") return { text: crisisReply(input.safety.resources), suggested_actions: [], goal_offer: null };
  // A concern gets gentleness and people; no question, no goal.
  if (input.safety?.level === "concern") {
    return { text: unlike(input.previousText, seed, (s) => concernReply(s)), suggested_actions: concernSuggestions, goal_offer: null };
  }

  const reading = readEntry(input.entry?.text ?? "", input.entry?.activities ?? [], input.entry?.people ?? [], input.entry?.tags ?? []);
  const feel = feelOf(input.emotion, input.scores, reading);
  // The graph ranked its suggestions for the emotion it recorded; when the words say otherwise (good
  // news read as fear), the reply draws only on generic ideas for the feeling it answers.
  // Where history has evidence that an action helps more often than not, it leads; generic ideas follow,
  // in an order that varies by entry (they are equally good guesses).
  const fromGraph = feel === input.emotion || feel === "mixed" ? input.suggestions : [];
  const proven = fromGraph.filter((s) => s.source === "history" && s.evidence && s.evidence.worked > 0 && s.score >= GENERIC_PRIOR);
  const generic = rotate(genericSuggestions(feel === "mixed" ? input.emotion : feel), seed);
  const subject = subjectOf(reading, feel);
  const low = feel !== "mixed" && isNegativeEmotion(feel) && !(feel === input.emotion && input.isPositive);
  // An intention on an ordinary day is what the entry is about, and the goal is the offer (ideas for
  // savouring a moment would fit no moment); on a hard day, the feeling comes first.
  const aboutIntention = !!input.goalOffer && !low && feel !== "mixed" && subject?.kind !== "event";
  const context = { done: reading.done, oneOff: reading.oneOff, news: reading.events.some((e) => eventValence(e) > 0) };
  const suggestions = aboutIntention ? [] : fitSuggestions(proven, generic, context, SUGGESTION_LIMIT);
  const composition: Composition = { input, feel, low, aboutIntention, subject, suggestions };
  return { text: unlike(input.previousText, seed, (s) => compose(composition, s)), suggested_actions: suggestions, goal_offer: input.goalOffer ?? null };
}
