// Reflective questions chosen by the entry's Ekman emotion, one of them about its main topic.
// Written to be open and kind rather than clinical; the entry's hash picks among them, so an entry
// always gets the same questions while different entries get different ones.
import type { EkmanEmotion } from "../emotion/taxonomy.ts";

interface Templates {
  /** Each has a {topic} slot, filled with the entry's main topic. */
  about: readonly string[];
  open: readonly string[];
}

const TEMPLATES: Readonly<Record<EkmanEmotion, Templates>> = {
  sadness: {
    about: [
      "What feels heaviest for you when you think about {topic}?",
      "If a close friend wrote this about {topic}, what would you want them to hear?",
      "What would a little more support around {topic} look like this week?",
    ],
    open: [
      "What is one small thing that might bring you some comfort today?",
      "Who could you reach out to, even briefly, while you carry this?",
      "What do you need most right now: rest, company, or something else?",
      "How might you offer yourself the gentleness you would give someone you love?",
    ],
  },
  joy: {
    about: [
      "What about {topic} made this feel so good?",
      "What part of {topic} would you most like to remember?",
      "What does {topic} tell you about what matters to you?",
    ],
    open: [
      "What did you do that helped this good moment happen?",
      "Who would you like to share this with, and why them?",
      "How might you hold on to this feeling on a harder day?",
      "What would you like to thank yourself for today?",
    ],
  },
  anger: {
    about: [
      "What about {topic} felt most unfair, or crossed a line for you?",
      "What do you wish the people involved in {topic} understood?",
      "What response to {topic} would you still feel good about a week from now?",
    ],
    open: [
      "What need or value of yours might this anger be protecting?",
      "What helps your body settle when you feel this fired up?",
      "Is there a boundary you would like to set, and what could a first step be?",
      "What would you say if you knew you would be heard?",
    ],
  },
  fear: {
    about: [
      "Which part of {topic} worries you most?",
      "What do you already know about getting through something like {topic}?",
      "If {topic} went reasonably well, what would that look like?",
    ],
    open: [
      "Which parts of this are within your control, and which are not?",
      "What has helped you through uncertain times before?",
      "What would help you feel a little safer right now?",
      "What would you tell a friend who was facing this?",
    ],
  },
  disgust: {
    about: [
      "What about {topic} clashed with what you value?",
      "How would you like to relate to {topic} from here on?",
      "What distance from {topic} would feel right for you?",
    ],
    open: [
      "What does this reaction tell you about what you care about?",
      "Is this something to step away from, or something to speak up about?",
      "What would help you feel settled again?",
    ],
  },
  surprise: {
    about: [
      "What did {topic} change about what you expected?",
      "How do you feel about {topic} now that it has had time to sink in?",
      "What might {topic} open up for you?",
    ],
    open: [
      "Was this a welcome surprise, an unsettling one, or a bit of both?",
      "What did your first reaction tell you about yourself?",
      "What would you like to do with what you now know?",
    ],
  },
  neutral: {
    about: [
      "What stands out to you about {topic} as you look back on it?",
      "How do you feel about {topic} now that you have written it down?",
      "What would you like to remember about {topic} a month from now?",
    ],
    open: [
      "What was the most meaningful moment of your day, however small?",
      "Is there anything here you would like to give more attention to?",
      "What do you notice in yourself as you read this back?",
    ],
  },
};

/** Quoted, because a bare key phrase ("job interview") does not always read as a noun phrase. */
const slot = (template: string, topic: string) => template.replace("{topic}", `\u201C${topic}\u201D`);

/** Three questions when there is a topic to ask about, two otherwise. */
export function chooseQuestions(emotion: EkmanEmotion, topic: string | undefined, seed: number): string[] {
  const t = TEMPLATES[emotion] ?? TEMPLATES.neutral;
  const first = seed % t.open.length;
  const second = (first + 1 + ((seed >>> 8) % (t.open.length - 1))) % t.open.length;
  const open = [t.open[first]!, t.open[second]!];
  if (!topic) return open;
  return [slot(t.about[(seed >>> 16) % t.about.length]!, topic), ...open];
}
