// Writes Tideline's reply to an entry: it reflects the feeling, names what helped this person
// before (with the evidence), and now and then brings back a past entry from which they recovered.
// Varied across entries but deterministic for a given entry, so a reload never changes a reply.
import type { Suggestion } from "../../durable-objects/graph-types.ts";
import { isNegativeEmotion, type EkmanEmotion } from "../emotion/taxonomy.ts";
import { CONCERN_ACTIONS, concernReply, crisisReply } from "../safety/replies.ts";
import type { SafetyResource } from "../safety/resources.ts";
import type { SafetyLevel } from "../safety/screen.ts";
import { fnv1a } from "../lib/hash.ts";

export interface ReplyMemory {
  writtenAt: number;
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
  /** An active goal the entry touches on, if any. */
  goal?: ReplyGoal | null;
  /** The Ekman scores, to notice an entry that holds both something hard and something good. */
  scores?: Partial<Record<EkmanEmotion, number>>;
  /** What the safety screen made of the entry, and the crisis lines for the person's country. */
  safety?: { level: SafetyLevel; resources: SafetyResource[] };
}

const OPENINGS: Record<EkmanEmotion, string[]> = {
  sadness: [
    "That sounds heavy, and it makes sense that it weighs on you.",
    "I'm sorry today feels this low. Thank you for writing it down.",
    "It sounds like a sad stretch. You don't have to carry it alone on the page.",
    "There's a lot of hurt in what you wrote. Be gentle with yourself tonight.",
    "Days like this are hard. Writing about it is already a kind thing to do for yourself.",
  ],
  anger: [
    "That sounds really frustrating, and your anger makes sense.",
    "It sounds like something crossed a line for you. It's fair to feel this.",
    "You sound fed up, and with reason.",
    "That would get under anyone's skin. Thanks for getting it out here first.",
    "There's a lot of heat in this. Let's give it somewhere to go.",
  ],
  fear: [
    "That sounds worrying. It's understandable to feel on edge.",
    "Uncertainty like this is hard to sit with. You're not wrong to feel anxious.",
    "It sounds like a lot is weighing on your mind right now.",
    "Feeling scared about this makes sense. Let's make it a little smaller.",
    "That's a lot of worry to hold. Writing it down is a good first step.",
  ],
  disgust: [
    "That sounds really off-putting. It's okay to want distance from it.",
    "It sounds like something clashed with what you value.",
    "No wonder you feel put off by that.",
    "That sounds unpleasant to deal with. Your reaction is telling you something.",
  ],
  surprise: [
    "That sounds unexpected! How are you taking it in?",
    "Quite a turn of events. It can take a moment to land.",
    "Surprises like that can shake things up, in good ways and bad.",
    "That came out of nowhere, it seems. Give yourself a moment with it.",
  ],
  joy: [
    "This is lovely to read. I'm glad you had this.",
    "What a good moment. It's worth holding on to.",
    "You sound happy, and it suits you.",
    "That's wonderful. Let it sink in for a bit.",
    "It's good to hear you this bright.",
  ],
  neutral: [
    "Thanks for checking in.",
    "Noted, and thank you for taking a moment to write.",
    "A quieter entry today. Those count too.",
    "Thanks for writing. Even ordinary days tell a story.",
  ],
};

const MIXED_OPENINGS = [
  "It sounds like a day of two halves: some of it was hard, and some of it was good.",
  "There's a bit of everything in this: the hard parts and the good ones both count.",
  "A mixed day, it seems. It's worth noticing the good bits without brushing past the rest.",
];

/** Both a clearly negative emotion and joy are present: neither reading alone would be fair. */
const MIXED_THRESHOLD = 0.6;
function isMixed(scores: ReplyInput["scores"]): boolean {
  if (!scores) return false;
  const negative = Math.max(scores.sadness ?? 0, scores.anger ?? 0, scores.fear ?? 0, scores.disgust ?? 0);
  return (scores.joy ?? 0) >= MIXED_THRESHOLD && negative >= MIXED_THRESHOLD;
}

const INTENSE_ADDITIONS: Partial<Record<EkmanEmotion, string>> = {
  sadness: "If it ever feels like too much, reaching out to someone you trust can help.",
  fear: "One slow breath at a time is enough for now.",
  anger: "It's okay to pause before you act on it.",
};

/** A stable small number to choose wording with, from the entry id. */
const seedOf = fnv1a;

const pick = <T>(items: readonly T[], seed: number, salt: number): T => items[(seed >>> salt) % items.length]!;

export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 55) return minutes <= 1 ? "a minute or so" : `about ${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 20) return hours <= 1 ? "about an hour" : `about ${hours} hours`;
  const days = Math.round(ms / 86_400_000);
  return days <= 1 ? "about a day" : `about ${days} days`;
}

function evidenceSentence(s: Suggestion, seed: number): string {
  const ev = s.evidence!;
  const when = ev.medianRecoveryMs !== null ? `, usually within ${describeDuration(ev.medianRecoveryMs)}` : "";
  return pick(
    [
      `When you've felt like this before, "${s.action}" helped ${ev.worked} of ${ev.tried} times${when}.`,
      `Something from your own history: "${s.action}" lifted things ${ev.worked} out of ${ev.tried} times${when}.`,
      `Last times you felt this way, "${s.action}" worked ${ev.worked} of ${ev.tried} times${when}. Might be worth a try?`,
    ],
    seed,
    3,
  );
}

function memorySentence(m: ReplyMemory, seed: number): string {
  const date = new Date(m.writtenAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
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

export function buildReply(input: ReplyInput): { text: string; suggested_actions: Suggestion[] } {
  const seed = seedOf(input.entryId);
  // A crisis gets care and a way to reach people, nothing else; a concern gets gentleness and people.
  if (input.safety?.level === "crisis") return { text: crisisReply(input.safety.resources), suggested_actions: [] };
  if (input.safety?.level === "concern") return { text: concernReply(seed), suggested_actions: concernSuggestions };
  const parts = [pick(isMixed(input.scores) ? MIXED_OPENINGS : OPENINGS[input.emotion], seed, 0)];
  const low = !input.isPositive && isNegativeEmotion(input.emotion);
  if (low && input.intensity >= 0.75 && INTENSE_ADDITIONS[input.emotion]) parts.push(INTENSE_ADDITIONS[input.emotion]!);

  const proven = input.suggestions.find((s) => s.source === "history" && s.evidence && s.evidence.worked > 0);
  if (low && proven) parts.push(evidenceSentence(proven, seed));
  else if (low && input.suggestions[0]) parts.push(`If it helps, you could ${input.suggestions[0].action}.`);
  else if (input.emotion === "joy" && input.suggestions[0]) parts.push(`Maybe ${input.suggestions[0].action}.`);

  if (input.goal) parts.push(goalSentence(input.goal, input.isPositive, seed));
  if (low && input.memory && recallsMemory(seed)) parts.push(memorySentence(input.memory, seed));
  return { text: parts.join(" "), suggested_actions: input.suggestions.slice(0, 3) };
}
