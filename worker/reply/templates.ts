// The words of a reply: openings that name what the entry is about, one follow-up question that fits
// both that and the feeling, and the sentence that leads with the person's own evidence.
// Slots: {s} the subject as named ("your sister", "the run", "getting the job", "“work”"), {S} the
// same with a capital, {s's} its possessive. Questions never probe: they are for ordinary entries only
// (a crisis or concern reply is written in worker/safety/replies.ts and never reaches these).
import type { EkmanEmotion } from "../emotion/taxonomy.ts";
import { chooseQuestions } from "../insights/questions.ts";
import { possessive } from "./naming.ts";
import type { Feel, Subject } from "./reading.ts";

/** What a template is chosen by: the kind of subject, with events by their kind. */
export type SubjectKey = "achievement" | "milestone" | "loss" | "loss-person" | "upcoming" | "person" | "activity" | "topic" | "none";

export function subjectKey(subject: Subject | null): SubjectKey {
  if (!subject) return "none";
  if (subject.kind !== "event") return subject.kind;
  const e = subject.event;
  return e.kind === "loss" && e.person ? "loss-person" : e.kind;
}

type Table = Partial<Record<Feel, Partial<Record<SubjectKey, readonly string[]>>>>;

/** Openings without a subject, by feeling. */
export const OPENINGS: Record<Feel, readonly string[]> = {
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
    "That sounds unexpected! It can take a while to take in.",
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
  mixed: [
    "It sounds like a day of two halves: some of it was hard, and some of it was good.",
    "There's a bit of everything in this: the hard parts and the good ones both count.",
    "A mixed day, it seems. It's worth noticing the good bits without brushing past the rest.",
  ],
};

const LOSS = ["I'm so sorry about {s}. That's a lot to take in.", "I'm sorry. {S} is a lot to carry, and it makes sense that today feels heavy."];
const LOSS_PERSON = ["I'm so sorry about {s}.", "I'm so sorry. Losing {s} is a lot to carry.", "I'm so sorry about {s}. Grief comes in waves; be gentle with yourself."];
const AHEAD = [
  "It makes sense to feel on edge about {s}.",
  "{S} is a lot to hold in your head. It's understandable to feel nervous.",
  "Feeling anxious about {s} makes sense: it matters to you.",
];

/** Openings that name the subject (each has {s} or {S}). */
const NAMED_OPENINGS: Table = {
  joy: {
    achievement: ["Congratulations on {s}!", "{S}: what wonderful news. Congratulations!", "Congratulations on {s}. That's a big moment, and it's lovely to read."],
    milestone: ["Congratulations on {s}!", "What joyful news: congratulations on {s}.", "Congratulations on {s}. What a day to write down."],
    activity: ["It sounds like {s} did you good.", "{S} sounds like just what you needed.", "Lovely to read about {s}: it sounds like it lifted you."],
    person: ["It's lovely to read about {s}.", "It sounds like {s} brightened things today.", "What a good moment with {s}."],
    topic: ["This is lovely to read, especially {s}.", "It sounds like {s} made today brighter."],
  },
  sadness: {
    loss: LOSS,
    "loss-person": LOSS_PERSON,
    upcoming: AHEAD,
    person: ["It sounds like things with {s} are weighing on you.", "That sounds hard, with {s} so much on your mind.", "I'm sorry. It sounds like {s} is very much on your mind today."],
    activity: ["It sounds like a heavy day, even with {s} in it.", "I'm sorry today feels this low, even after {s}."],
    topic: ["That sounds heavy: {s} is clearly weighing on you.", "It sounds like {s} has been hard to carry."],
  },
  anger: {
    loss: ["I'm sorry about {s}. Anger is a very human part of it."],
    "loss-person": ["I'm so sorry about {s}. Anger can be part of grief too."],
    upcoming: AHEAD,
    person: ["That sounds really frustrating with {s}, and your anger makes sense.", "It sounds like {s} crossed a line. It's fair to feel this.", "No wonder you're fed up with {s}."],
    activity: ["That sounds really frustrating, even after {s}."],
    topic: ["{S} sounds really frustrating, and your anger makes sense.", "It sounds like {s} crossed a line for you."],
  },
  fear: {
    loss: LOSS,
    "loss-person": LOSS_PERSON,
    upcoming: AHEAD,
    person: ["It sounds like things with {s} have you on edge.", "It's understandable to feel uneasy, with {s} on your mind."],
    activity: ["It sounds like the worry stayed with you, even after {s}.", "Worry can linger, even after {s}."],
    topic: ["It's understandable that {s} has you on edge.", "{S} sounds like a lot to hold in your head right now."],
  },
  disgust: {
    loss: LOSS,
    "loss-person": LOSS_PERSON,
    upcoming: AHEAD,
    person: ["It sounds like {s} really clashed with what you value.", "No wonder you feel put off by {s}."],
    topic: ["{S} sounds really off-putting.", "It sounds like {s} clashed with what you value."],
    activity: ["That sounds unpleasant, even with {s} in the day."],
  },
  surprise: {
    upcoming: ["{S} sounds like it has your attention."],
    person: ["That sounds like quite a surprise from {s}.", "It sounds like {s} caught you off guard."],
    topic: ["{S} sounds like it came out of nowhere.", "Quite a turn of events with {s}."],
    activity: ["Quite a day, with {s} in it too.", "That sounds unexpected. Thanks for writing about it, {s} and all."],
  },
  neutral: {
    upcoming: ["Thanks for writing. {S} sounds like it's on your mind."],
    activity: ["Thanks for writing about {s}.", "Thanks for checking in, {s} and all."],
    person: ["Thanks for writing about {s}."],
    topic: ["Thanks for writing about {s}."],
  },
  mixed: {
    achievement: ["Congratulations on {s}, and it makes sense that not everything feels light right now.", "{S} is good news, even with the harder parts of today. Both count."],
    milestone: ["Congratulations on {s}, and it makes sense that it's not all simple.", "{S} is big news, and big news can bring a bit of everything."],
    loss: ["I'm sorry about {s}. It sounds like there was some light in the day too, and both can be true."],
    "loss-person": ["I'm so sorry about {s}. It sounds like there was some warmth in the day too, and both can be true."],
    upcoming: ["It sounds like a day of two halves, with {s} on your mind as well."],
    person: ["It sounds like a day of two halves, with {s} in the middle of it.", "There's a bit of everything in this, {s} included. The hard parts and the good ones both count."],
    activity: ["It sounds like a day of two halves, with {s} in it too.", "There's a bit of everything in this, {s} included. The hard parts and the good ones both count."],
    topic: ["It sounds like a day of two halves, with {s} in the middle of it.", "There's a bit of everything in this, {s} included."],
  },
};

/** Follow-up questions that name the subject. */
const QUESTIONS: Table = {
  joy: {
    achievement: ["What part of {s} are you proudest of?", "How would you like to mark {s}?", "Who would you most like to tell about {s}?"],
    milestone: ["What moment of {s} do you most want to remember?", "How would you like to mark {s}?"],
    activity: ["What was the best part of {s}?", "How did you feel just after {s}?", "What made {s} feel so good today?"],
    person: ["What did you enjoy most about the time with {s}?", "What do you appreciate most about {s} today?"],
  },
  sadness: {
    "loss-person": ["What's a memory of {s} you'd like to hold on to?", "Who could keep you company while you miss {s}?", "What would help you be gentle with yourself while you grieve {s}?"],
    loss: ["What would be a gentle thing to do for yourself after {s}?", "Who could keep you company while you take in {s}?"],
    person: ["Is there something you wish you could say to {s}?", "What would you want {s} to know about how you feel?", "What would help you feel a little closer to {s} right now?"],
    activity: ["Did {s} ease things at all, even a little?", "How did you feel during {s}?"],
  },
  anger: {
    person: ["What do you wish {s} understood about how this felt?", "What would you say to {s} if you knew you'd be heard?", "What would a fair next step with {s} look like?"],
    activity: ["Did {s} take the edge off at all?"],
  },
  fear: {
    upcoming: ["What's the smallest part of {s} you could prepare tonight?", "What would help you feel a little more ready for {s}?", "If {s} went reasonably well, what would that look like?"],
    person: ["What would help you feel steadier around {s}?", "What do you need from {s} right now?"],
    activity: ["Did {s} settle your mind at all, even for a moment?"],
  },
  surprise: {
    person: ["How are you feeling about {s's} news now it has had a moment to land?", "What's your first instinct about the news from {s}?"],
  },
  disgust: { person: ["What distance from {s} would feel right for you?"] },
  mixed: {
    achievement: ["What would help you enjoy {s}, even with everything else going on?", "How are you holding {s} alongside the harder parts?"],
    milestone: ["What would help you enjoy {s}, even with everything else going on?"],
    loss: ["What helped you through today, alongside {s}?"],
    "loss-person": ["What's a memory of {s} you'd like to hold on to?"],
    person: ["How are you holding things with {s} alongside everything else?"],
    activity: ["Which part of today, {s} included, do you want to carry with you?"],
    none: ["Which part of today do you want to carry with you?", "What helped you hold the good and the hard together today?"],
  },
};
// Fear's loss questions are sadness's; an upcoming event asks the same whatever the low feeling.
for (const feel of ["fear", "anger", "disgust"] as const) {
  const own = (QUESTIONS[feel] ??= {});
  own.loss ??= QUESTIONS.sadness!.loss;
  own["loss-person"] ??= QUESTIONS.sadness!["loss-person"];
}
for (const feel of ["sadness", "anger", "disgust", "neutral", "surprise"] as const) (QUESTIONS[feel] ??= {}).upcoming ??= QUESTIONS.fear!.upcoming;

/** The opening for an entry that states an intention: it names the intention, in the person's words. */
const INTENTION_OPENINGS = [
  "\u201C{g}\u201D sounds like a good thing to want for yourself.",
  "It's good to hear what you'd like to change: {g}.",
  "That's a lovely intention: {g}.",
];

export const intentionOpening = (goal: { title: string }, seed: number) => {
  const g = goal.title.charAt(0).toLowerCase() + goal.title.slice(1);
  return pick(INTENTION_OPENINGS, seed, 0).replace("\u201C{g}\u201D", `\u201C${goal.title}\u201D`).replace("{g}", g);
};

/** The question when the entry states an intention the reply offers to make a goal. */
const GOAL_QUESTIONS = [
  "What would make the first small step towards this easy this week?",
  "When in your week could that fit most easily?",
  "What would help you keep going on the days you don't feel like it?",
];

const capitalise = (s: string) => s.replace(/^([^\p{L}]*)(\p{L})/u, (_, lead: string, c: string) => `${lead}${c.toUpperCase()}`);

export function fill(template: string, subject: Subject | null): string {
  const s = subject?.phrase ?? "";
  return template.replaceAll("{s's}", possessive(s)).replaceAll("{S}", capitalise(s)).replaceAll("{s}", s);
}

export const pick = <T>(items: readonly T[], seed: number, salt: number): T => items[(seed >>> salt) % items.length]!;

/** The follow-up question, and whether it names the subject (when not, the opening must). */
export function followUpQuestion(feel: Feel, subject: Subject | null, offersGoal: boolean, seed: number): { text: string; names: boolean } {
  const key = subjectKey(subject);
  // a loss comes first; otherwise a stated intention is what the person will want to talk about
  if (offersGoal && key !== "loss" && key !== "loss-person") return { text: pick(GOAL_QUESTIONS, seed, 17), names: false };
  const own = QUESTIONS[feel]?.[key];
  if (own?.length) return { text: fill(pick(own, seed, 17), subject), names: key !== "none" };
  // a topic, or nothing to name: the reflective questions of the insight (one quoting the topic)
  const emotion: EkmanEmotion = feel === "mixed" ? "neutral" : feel;
  const topic = subject?.kind === "topic" ? subject.phrase.replace(/^\u201C|\u201D$/g, "") : undefined;
  const mixedNone = feel === "mixed" ? QUESTIONS.mixed!.none! : null;
  if (mixedNone && !topic) return { text: pick(mixedNone, seed, 17), names: false };
  return { text: chooseQuestions(emotion, topic, seed >>> 3)[0]!, names: topic !== undefined };
}

/** The opening: one that names the subject when the question does not. */
export function opening(feel: Feel, subject: Subject | null, questionNames: boolean, seed: number): string {
  const named = NAMED_OPENINGS[feel]?.[subjectKey(subject)] ?? [];
  if (subject && named.length && (!questionNames || subject.kind === "event" || (seed >>> 5) % 2 === 0)) return fill(pick(named, seed, 0), subject);
  return pick(OPENINGS[feel], seed, 0);
}
