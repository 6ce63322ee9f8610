// Suggestions offered while a person's own history is too thin to say what helps them. Short enough
// to be a chip, concrete enough to do today, and kind: invitations, not prescriptions.
import type { EkmanEmotion } from "./taxonomy.ts";

const GENERIC: Record<EkmanEmotion, readonly string[]> = {
  sadness: [
    "take a slow walk outside, even ten minutes",
    "message someone who is easy to talk to",
    "make a warm drink and sit somewhere comfortable",
    "write down one small thing that went okay today",
    "put on a song you loved when you were younger",
    "step into daylight for a few minutes",
    "have a shower and change into something soft",
    "let yourself rest without earning it first",
    "tidy one small corner, just one",
  ],
  anger: [
    "walk it off: a brisk ten minutes outside",
    "write the unsendable letter, then keep it",
    "breathe out longer than you breathe in, five times",
    "put some distance before you reply",
    "move your body hard for a few minutes",
    "name what boundary felt crossed",
    "splash cold water on your face",
    "talk it through with someone who will just listen",
  ],
  fear: [
    "name five things you can see around you",
    "write down the worry, then the next small step",
    "breathe in for four, hold for four, out for six",
    "tell someone you trust what is on your mind",
    "plan just the next hour, not the whole week",
    "put your feet flat on the floor and notice them",
    "limit the news and the scrolling for tonight",
    "recall a time you got through something similar",
  ],
  disgust: [
    "step away from what set it off for a while",
    "get some fresh air",
    "write down what felt wrong and why it matters to you",
    "do something that feels clean and simple, like washing up",
    "spend time with something you find beautiful",
    "talk it over with someone who shares your values",
    "listen to music that settles you",
    "take a break from the feed or the thread",
  ],
  surprise: [
    "pause and write down what just changed",
    "give it a night before deciding anything",
    "tell someone what happened",
    "take a few slow breaths and let it land",
    "note what you want to find out next",
    "go for a short walk to think it over",
    "list what stays the same despite the change",
    "ask yourself what this makes possible",
  ],
  joy: [
    "write down what made today good, so you can come back to it",
    "share the good news with someone",
    "savour it: take a minute to notice how this feels",
    "thank someone who played a part",
    "take a photo to remember the moment",
    "do it again soon: put it in your calendar",
    "spend the energy on something you care about",
    "go outside and enjoy it a little longer",
  ],
  neutral: [
    "take a short walk and see what you notice",
    "write a little about what is on your mind",
    "check in with a friend",
    "drink a glass of water and stretch",
    "pick one small thing to look forward to",
    "spend ten minutes on something you enjoy",
    "step outside for some daylight",
    "note one thing you are grateful for",
  ],
};

export function genericSuggestions(emotion: EkmanEmotion): readonly string[] {
  return GENERIC[emotion];
}
