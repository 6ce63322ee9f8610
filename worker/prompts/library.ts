// The writing prompt library, as data: migrations/0015_prompt_library.sql is generated from this file
// by scripts/prompt-library-sql.ts, and tests/prompt-library.test.ts checks that the two agree.
// Ids are stable (the daily prompt remembers which ids a person was shown): add new prompts with new
// ids at the end of their category, never renumber.
import { z } from "zod";
import { EKMAN_EMOTIONS, type EkmanEmotion } from "../emotion/taxonomy.ts";

export const PROMPT_CATEGORIES = [
  "gratitude",
  "relationships",
  "work",
  "health",
  "growth",
  "reflection",
  "difficult-days",
  "dreams",
  "creativity",
  "body",
  "values",
] as const;

export const PromptCategorySchema = z.enum(PROMPT_CATEGORIES);
export type PromptCategory = z.infer<typeof PromptCategorySchema>;
export const PromptMoodSchema = z.enum(EKMAN_EMOTIONS);

export const LibraryPromptSchema = z.object({
  id: z.number().int().positive(),
  category: PromptCategorySchema,
  /** The Ekman emotions of a recent entry this prompt suits. */
  moods: z.array(PromptMoodSchema).min(1),
  /**
   * Soft, grounding, never probing: the only prompts offered right after a crisis entry. Only
   * "difficult-days" prompts are gentle.
   */
  gentle: z.boolean(),
  text: z.string().min(10).max(200),
});
export type LibraryPrompt = z.infer<typeof LibraryPromptSchema>;

const ALL: EkmanEmotion[] = [...EKMAN_EMOTIONS];
/** Good or even days. */
const UP: EkmanEmotion[] = ["joy", "surprise", "neutral"];
/** Low days of any kind. */
const LOW: EkmanEmotion[] = ["sadness", "fear", "anger", "disgust"];
/** Everything but the hardest feelings: fine on an ordinary or a mildly off day. */
const STEADY: EkmanEmotion[] = ["joy", "surprise", "neutral", "sadness"];

type Row = [moods: EkmanEmotion[], text: string, gentle?: "gentle"];

const BY_CATEGORY: Record<PromptCategory, [firstId: number, rows: Row[]]> = {
  gratitude: [
    1,
    [
      [ALL, "Name three small things that went right today."],
      [ALL, "Who made your day a little easier, and how?"],
      [STEADY, "What is something ordinary you'd miss if it were gone?"],
      [UP, "What made you smile today, and can you make room for more of it?"],
      [ALL, "What is one comfort you could easily overlook: a warm drink, a soft jumper, a quiet minute?"],
      [UP, "Think of someone who taught you something you still use. What was it?"],
      [STEADY, "What did your home give you today?"],
      [ALL, "Which sound, smell or taste do you feel thankful for this week?"],
      [UP, "What went better than you expected recently?"],
      [["sadness", "fear", "neutral"], "Even on a heavy day, is there one thing that held you up a little?"],
      [UP, "Who would you like to thank, if you knew they'd read it? Write them a few lines here."],
      [STEADY, "What is something your body let you do today that you took for granted?"],
      [UP, "What is a small luxury you can afford and enjoy?"],
      [["joy", "neutral", "surprise", "anger"], "What is a problem you don't have, that you once did?"],
      [UP, "Which place are you glad exists?"],
    ],
  ],
  relationships: [
    101,
    [
      [ALL, "Who have you been thinking about lately, and why?"],
      [["neutral", "fear", "anger", "sadness"], "Is there a conversation you have been putting off? What would you want to say first?"],
      [STEADY, "When did you last feel truly listened to?"],
      [UP, "Who do you feel most like yourself around?"],
      [UP, "Describe a recent moment with someone that you'd like to keep."],
      [["anger", "disgust", "sadness", "neutral"], "Is someone taking more from you than they give back? What would a fairer balance look like?"],
      [STEADY, "Who would you call if you had good news today?"],
      [ALL, "What do you wish the people close to you knew about how you're doing?"],
      [UP, "What is something a friend does that you admire?"],
      [["sadness", "neutral", "joy"], "Who do you miss? What would you tell them about your week?"],
      [["anger", "disgust", "neutral"], "What did someone do that bothered you? What need of yours did it step on?"],
      [UP, "How did you show care for someone this week, in a small way?"],
      [STEADY, "Who could you reach out to this week, just to say hello?"],
      [["joy", "neutral", "surprise", "fear"], "What kind of friend are you trying to be?"],
      [["neutral", "sadness", "anger"], "Where do you give in to keep the peace, and how does that feel afterwards?"],
    ],
  ],
  work: [
    201,
    [
      [ALL, "What took most of your energy at work or in your studies today?"],
      [UP, "What part of your work would you happily do even if nobody noticed?"],
      [["fear", "neutral", "sadness"], "What is one task you keep avoiding? What would the first tiny step be?"],
      [UP, "What did you finish recently that you're quietly proud of?"],
      [["anger", "fear", "disgust", "neutral"], "What is the hardest part of your work right now, and who could share it?"],
      [STEADY, "What does a good working day look like for you, from morning to evening?"],
      [["anger", "sadness", "neutral"], "Where is the line between your work and the rest of your life, and is it where you want it?"],
      [UP, "Who at work or school makes things better, and have you told them?"],
      [["fear", "neutral", "surprise"], "What would you do differently if you weren't worried about getting it wrong?"],
      [STEADY, "What are you learning from the work you do right now?"],
      [["joy", "neutral", "sadness", "surprise"], "If your work had one more hour of attention this week, where would you spend it?"],
      [["anger", "disgust", "fear", "sadness", "neutral"], "What could you say no to, or hand back, to make next week lighter?"],
      [UP, "What skill have you used today without thinking about it?"],
      [["neutral", "surprise", "joy", "sadness"], "What do you want your work to give you besides money?"],
    ],
  ],
  health: [
    301,
    [
      [ALL, "How have you been sleeping, and what is it telling you?"],
      [ALL, "What did you eat today that made you feel good?"],
      [STEADY, "How much time did you spend outside this week? What would a little more look like?"],
      [["fear", "sadness", "neutral", "anger"], "What is one thing you could do tonight to make tomorrow morning easier?"],
      [UP, "What kind of movement do you actually enjoy, rather than feel you should do?"],
      [ALL, "How is your energy today, from one to ten, and what's behind that number?"],
      [["sadness", "fear", "neutral"], "What helps you rest, really rest, rather than just stop?"],
      [STEADY, "Which small habit has been good for you lately?"],
      [["neutral", "sadness", "anger", "fear"], "Is there something about your health you've been meaning to look after? What's one step?"],
      [UP, "When did you last feel properly well? What was different then?"],
      [["anger", "fear", "disgust", "neutral"], "How much of your day went to screens, and how did it leave you feeling?"],
      [STEADY, "What does a kind evening routine look like for you?"],
      [ALL, "Have you had enough water, food and rest today? What's missing?"],
      [UP, "What would you like your health to let you do a year from now?"],
    ],
  ],
  growth: [
    401,
    [
      [ALL, "What is one thing you handled better than you would have a year ago?"],
      [STEADY, "What are you learning right now, even slowly?"],
      [UP, "What would you try if you knew no one was watching?"],
      [UP, "What helped today go well, and how could you do it again?"],
      [["neutral", "sadness", "fear", "surprise"], "What mistake taught you something useful?"],
      [["fear", "neutral", "joy"], "What is something that scared you a little but you did anyway?"],
      [UP, "Which habit would your future self thank you for starting this week?"],
      [["sadness", "anger", "neutral"], "What old story about yourself might not be true any more?"],
      [STEADY, "What feedback stayed with you recently, and what did you do with it?"],
      [UP, "What is a skill you'd like to have in five years? What's a first small step?"],
      [["neutral", "surprise", "joy", "fear"], "Where are you being too hard on yourself, and what would a fairer view be?"],
      [UP, "Who do you look up to, and which of their qualities are you growing into?"],
      [["surprise", "neutral", "joy"], "What changed your mind recently?"],
      [STEADY, "What does progress look like for you right now, if not perfection?"],
      [["anger", "neutral", "sadness"], "What would you like to let go of this month?"],
    ],
  ],
  reflection: [
    501,
    [
      [ALL, "What is taking up most of the room in your mind today?"],
      [ALL, "What did today ask of you, and what did you give?"],
      [UP, "If today had a title, what would it be?"],
      [["surprise", "neutral", "joy"], "What surprised you about yourself this week?"],
      [UP, "Which moment from today would you like to remember in a year?"],
      [["sadness", "fear", "anger", "neutral"], "What are you carrying that isn't yours to carry?"],
      [STEADY, "What was the best part of your week, and the hardest?"],
      [["surprise", "neutral", "joy", "fear"], "What caught you off guard today, and how did you respond?"],
      [ALL, "What would you like to tell yourself from a week ago?"],
      [["anger", "disgust", "neutral"], "What annoyed you today? Is there something underneath the annoyance?"],
      [UP, "What has been quietly going well that you haven't stopped to notice?"],
      [STEADY, "What did you do today only because you wanted to?"],
      [["neutral", "sadness", "surprise"], "How are you, really? Take a few lines to answer honestly."],
      [ALL, "Which feeling visited you most today? Where did it come from, do you think?"],
      [UP, "Look back over the past month. What are you glad you did?"],
    ],
  ],
  "difficult-days": [
    601,
    [
      [LOW, "What would feel like a kind thing to do for yourself tonight?", "gentle"],
      [LOW, "Is there one worry you could set down until tomorrow? Write it here so you don't have to hold it.", "gentle"],
      [LOW, "What do you need right now that you haven't asked for?"],
      [LOW, "What has helped you through a day like this before?"],
      [[...LOW, "neutral"], "Describe where you are right now, using all your senses.", "gentle"],
      [LOW, "If a friend felt the way you do, what would you tell them?", "gentle"],
      [[...LOW, "neutral"], "What is within your control today, and what isn't?"],
      [LOW, "Name five things you can see, four you can hear and three you can touch.", "gentle"],
      [LOW, "Take three slow breaths. Then write one word for how you feel now.", "gentle"],
      [LOW, "What is the smallest next step that would make the next hour a little easier?", "gentle"],
      [LOW, "Who is someone you could be near today, even without talking about how you feel?", "gentle"],
      [LOW, "What would make this evening ten percent softer?", "gentle"],
      [LOW, "Write down one thing you got through today, however small.", "gentle"],
      [LOW, "What is one comforting thing within reach right now: a blanket, a song, a cup of tea?", "gentle"],
      [LOW, "You don't have to fix anything today. What would it feel like to simply rest?", "gentle"],
      [LOW, "What would you like someone to say to you right now? Write it to yourself.", "gentle"],
      [["anger", "disgust", "fear"], "If this feeling had a colour and a shape, what would it look like?"],
      [["anger", "disgust"], "Write out the angry version, unedited. Nobody else will read it. How do you feel afterwards?"],
      [["fear", "sadness"], "What is the worry saying? What would a calmer voice answer it?"],
      [["sadness", "fear"], "What has got you through hard times before, that you could lean on again?"],
      [LOW, "Is there a place, real or imagined, where you feel safe? Describe it slowly.", "gentle"],
      [["sadness", "fear", "neutral"], "What would you tell yourself tomorrow morning, if you could leave a note tonight?", "gentle"],
      [["anger", "sadness", "fear"], "Which part of today would you gladly leave behind, and what do you want to keep?"],
      [LOW, "Who or what has shown you kindness lately, even in a small way?", "gentle"],
    ],
  ],
  dreams: [
    701,
    [
      [ALL, "What are you looking forward to, however small?"],
      [STEADY, "What would make tomorrow a good day?"],
      [UP, "What would you like more of in the coming month?"],
      [UP, "If you could spend a whole free day exactly as you wished, how would it go?"],
      [UP, "What did you dream of doing as a child? Does any of it still call to you?"],
      [["joy", "surprise", "neutral", "sadness"], "Where would you like to be, and who with, this time next year?"],
      [UP, "What is a trip, a project or an adventure you keep coming back to in your mind?"],
      [["neutral", "fear", "joy"], "What is one small step you could take this week towards something you want?"],
      [UP, "Describe a perfectly ordinary day five years from now that would make you happy."],
      [["surprise", "neutral", "joy"], "Did you remember a dream recently? What stayed with you from it?"],
      [STEADY, "What would you do with an extra hour every day?"],
      [UP, "What is something you'd love to learn just for the joy of it?"],
      [["neutral", "sadness", "fear"], "What have you stopped hoping for that you might let yourself want again?"],
      [UP, "If a year from now you wrote to thank yourself, what would you be thankful for?"],
    ],
  ],
  creativity: [
    801,
    [
      [UP, "Describe your day as if it were the opening of a novel."],
      [STEADY, "What did you notice today that most people would walk past?"],
      [UP, "What have you made recently, with your hands or your head?"],
      [["neutral", "joy", "surprise", "sadness"], "Write about a colour that matches your mood, and why."],
      [UP, "If you had a free afternoon to make something, what would it be?"],
      [STEADY, "Describe a room you love in enough detail that someone could draw it."],
      [["surprise", "joy", "neutral"], "What song, book or film has been on your mind? What does it stir in you?"],
      [UP, "Write a short letter to the person you were at fifteen."],
      [["neutral", "joy", "surprise", "anger"], "Describe something small and ordinary as if you were seeing it for the very first time."],
      [UP, "What would you make if you knew it didn't have to be good?"],
      [STEADY, "Write six words that sum up this week."],
      [["joy", "surprise", "neutral", "sadness"], "Which season feels most like you right now? Describe it."],
      [UP, "What idea keeps tapping you on the shoulder?"],
      [["neutral", "sadness", "joy"], "Describe a place from your childhood using only smells and sounds."],
    ],
  ],
  body: [
    901,
    [
      [ALL, "How did your body feel today? Where did you notice tension or ease?"],
      [ALL, "Scan slowly from your head to your feet. What do you notice?"],
      [["anger", "fear", "neutral", "disgust"], "Where do you hold stress in your body, and what helps it let go?"],
      [UP, "When did your body feel strong or capable recently?"],
      [STEADY, "What does your body need more of this week: rest, movement, food, touch, quiet?"],
      [["fear", "anger", "sadness", "neutral"], "Unclench your jaw and drop your shoulders. How does that change things?"],
      [UP, "Which movement made you feel good recently: a walk, a stretch, a dance in the kitchen?"],
      [STEADY, "How does your body let you know you're tired, before your mind admits it?"],
      [["sadness", "neutral", "joy"], "What is one kind thing you could say to your body today?"],
      [["fear", "anger", "disgust", "neutral", "sadness"], "Where in your body do you feel today's mood? Describe it without judging it."],
      [UP, "What physical sensation did you enjoy today: sun on your skin, a hot shower, a good stretch?"],
      [STEADY, "How do you feel after time outdoors, compared with a day inside?"],
      [ALL, "What does comfortable feel like for you right now?"],
      [["neutral", "sadness", "fear"], "If your body could tell you one thing today, what might it say?"],
    ],
  ],
  values: [
    1001,
    [
      [ALL, "When did you feel most like yourself recently?"],
      [ALL, "What mattered most to you today?"],
      [["anger", "neutral", "sadness", "disgust"], "What is something you said yes to that you wish you had said no to?"],
      [UP, "Which three words would you like people to use about you? Did today fit them?"],
      [["anger", "disgust", "neutral"], "What crossed a line for you recently? What does that tell you about what you value?"],
      [STEADY, "What do you want to spend more of your time on, and less?"],
      [UP, "What are you proud to stand for, even when it's inconvenient?"],
      [["neutral", "surprise", "fear"], "Which choice in front of you would you make differently if you followed your values?"],
      [STEADY, "What does a good life look like to you, in a few plain sentences?"],
      [UP, "Who lives in a way you admire? What is it they get right?"],
      [["neutral", "sadness", "joy"], "What is something you believe now that you didn't five years ago?"],
      [["anger", "neutral", "fear"], "Where do your days and your priorities not quite line up?"],
      [UP, "What is a small act of kindness that felt right to you recently?"],
      [STEADY, "What would you like to be remembered for by the people close to you?"],
    ],
  ],
};

/** Every prompt, in id order. */
export const PROMPT_LIBRARY: readonly LibraryPrompt[] = Object.entries(BY_CATEGORY)
  .flatMap(([category, [firstId, rows]]) =>
    rows.map(([moods, text, gentle], i) =>
      LibraryPromptSchema.parse({ id: firstId + i, category, moods: EKMAN_EMOTIONS.filter((m) => moods.includes(m)), gentle: gentle === "gentle", text }),
    ),
  )
  .sort((a, b) => a.id - b.id);
