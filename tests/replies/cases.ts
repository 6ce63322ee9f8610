// The table behind tests/replies/replies.test.ts: journal entries, each written by a fresh person
// (after an optional history), with what the reply must mention and what it must not say or suggest.
// The checks are about what the reply does with the words (names, questions, fitting suggestions),
// so they hold whatever the emotion model's exact scores are.

export interface ReplyCase {
  name: string;
  /** Entries written first, in order (a constructed history for the graph's evidence). */
  history?: { content: string; tags?: string[] }[];
  entry: string;
  tags?: string[];
  /** The reply text must match every one of these. */
  mentions: RegExp[];
  /** The reply text must match none of these. */
  never?: RegExp[];
  /** No suggested action may match these. */
  neverSuggest?: RegExp[];
  /** The first suggested action, when history must lead. */
  leads?: { action: string; tried: number; worked: number };
  /** The goal offered (a subset of its fields), or null for none; unchecked when absent. */
  goal?: Record<string, unknown> | null;
  /** The safety level the entry must get; "none" unless said. */
  safety?: "crisis" | "concern";
}

const SAD = "I feel so sad and lonely tonight. I miss her terribly and the evening drags on.";
const RAN_HAPPY = "Went for a run this morning and felt wonderful, so happy.";
const HAPPY = "Such a wonderful, happy day! I'm so grateful and excited, we laughed a lot.";

/** Suggestions that only make sense for something that can be repeated at will. */
const AGAIN = /\bagain\b|calendar|next time/i;
/** Time outdoors or moving, which a walk or a run already was. */
const OUTDOORS = /\b(walk|run|outside|fresh air|daylight|move your body)\b/i;

export const CASES: ReplyCase[] = [
  // achievements and milestones: congratulated by name, never "do it again"
  { name: "joy: getting the job", entry: "I got the job!!! I can't believe it, I start in March.", mentions: [/getting the job/, /congratulations/i], never: [/sorry|heavy/i, AGAIN], neverSuggest: [AGAIN] },
  { name: "joy: passing a driving test", entry: "Passed my driving test today on the first try!", mentions: [/passing your driving test/], never: [AGAIN], neverSuggest: [AGAIN] },
  { name: "joy: an engagement", entry: "We got engaged last night! She said yes!", mentions: [/getting engaged/], never: [AGAIN], neverSuggest: [AGAIN] },
  { name: "joy: a birth, even read as overwhelm", entry: "My daughter was born this morning. I'm overwhelmed with love.", mentions: [/your daughter/, /congratulations/i], never: [/sorry|worr|on edge|anxious/i], neverSuggest: [AGAIN, /breath|five things/i] },
  { name: "joy: graduating", entry: "Graduated today! Mum cried in the front row.", mentions: [/graduating/], neverSuggest: [AGAIN] },
  { name: "joy: a promotion", entry: "Got the promotion at work today, finally!", mentions: [/the promotion/], neverSuggest: [AGAIN] },
  { name: "joy: getting into university", entry: "Just found out I got into university, I'm over the moon!", mentions: [/getting into university/], neverSuggest: [AGAIN] },
  { name: "someone else's achievement is not the writer's", entry: "My sister got the job she wanted, I'm so proud of her.", mentions: [/your sister/], never: [/congratulations on getting the job/i], neverSuggest: [AGAIN] },

  // activities done: named, never suggested again
  { name: "joy: a run", entry: "Went for a run by the river and it cleared my head. Feeling great.", mentions: [/the run/], neverSuggest: [OUTDOORS] },
  { name: "joy: a walk", entry: "Went for a long walk by the harbour this evening, feeling calm and happy.", mentions: [/the walk/], neverSuggest: [OUTDOORS] },
  { name: "joy: baking", entry: "Baked bread with the kids this afternoon, it was lovely.", mentions: [/the kids/] },
  { name: "joy: yoga", entry: "Did yoga this morning and I feel so calm and happy.", mentions: [/yoga/] },
  { name: "joy: a swim", entry: "Went swimming after work and felt so much better.", mentions: [/swimming|the swim/], neverSuggest: [OUTDOORS] },
  { name: "joy: cleaning the flat", entry: "Spent the whole day cleaning the flat and honestly it feels great.", mentions: [/cleaning/], neverSuggest: [/tidy|clean|washing up/i] },
  { name: "sadness: a walk that did not lift it", entry: "Went for a walk but I still feel so sad and lonely.", mentions: [/the walk/], neverSuggest: [OUTDOORS] },
  { name: "sadness: a tagged walk is a walk done", entry: "Still feel low and lonely tonight.", tags: ["walk"], mentions: [/\?$/], neverSuggest: [OUTDOORS] },
  { name: "sadness: a bath that did not lift it", entry: "Had a long bath and cried. Everything feels heavy today.", mentions: [/the bath/], neverSuggest: [/shower|bath/i] },
  { name: "fear: meditating and still anxious", entry: "Meditated for ten minutes and still felt anxious about work.", mentions: [/meditating/], neverSuggest: [/breath|meditat/i] },

  // people named
  { name: "sadness: a sister moving away", entry: "Had a long call with my sister. She's moving to Australia and I'm so sad.", mentions: [/your sister/], never: [AGAIN], neverSuggest: [/message someone|talk it (through|over)|tell someone|check in with/i] },
  { name: "anger: a manager", entry: "Work was awful, my manager yelled at me in front of everyone. I'm furious.", mentions: [/your manager/], never: [/congratulations|lovely/i], neverSuggest: [/good news|savour/i] },
  { name: "anger: a flatmate", entry: "I'm so frustrated with my flatmate, he never cleans up after himself.", mentions: [/your flatmate/] },
  { name: "anger: a boss, after the gym", entry: "Went to the gym to blow off steam after the argument with my boss, still fuming.", mentions: [/your boss/], neverSuggest: [/move your body|brisk|walk it off/i] },
  { name: "surprise: news from Sam", entry: "Sam just told me he's moving out. I did not see that coming at all.", mentions: [/Sam/] },
  { name: "surprise: an old teacher", entry: "Out of nowhere my old teacher emailed me after ten years. Totally unexpected!", mentions: [/your (old )?teacher/] },
  { name: "joy: lunch with a grandma", entry: "Lovely lunch with my grandma today, she told me stories about her childhood and I laughed so much.", mentions: [/your grandma/] },
  { name: "fear: a dad's test results", entry: "I'm worried about my dad, his test results come back next week.", mentions: [/your dad/] },

  // losses: sorry, by name, no cheer
  { name: "sadness: a grandad died", entry: "My grandad passed away this morning. I keep thinking about him.", mentions: [/your grandad/, /sorry/i], never: [/congratulations|lovely/i, AGAIN], neverSuggest: [AGAIN, /good news|savour/i] },
  { name: "sadness: a cat died, read as neutral", entry: "My cat died last night and I can't stop crying.", mentions: [/your cat/, /sorry/i], never: [/thanks for checking in|congratulations/i], neverSuggest: [AGAIN] },
  { name: "sadness: putting the dog down", entry: "We had to put our dog down today. The house is so quiet.", mentions: [/your dog/, /sorry/i], neverSuggest: [AGAIN] },
  { name: "sadness: a break-up", entry: "I got dumped today. I feel awful.", mentions: [/break-up/] },
  { name: "sadness: losing a job", entry: "Got made redundant today after eight years. I don't know what to do.", mentions: [/losing your job/, /sorry/i], neverSuggest: [AGAIN] },

  // what lies ahead
  { name: "fear: Monday's presentation", entry: "I'm dreading Monday's presentation. What if I freeze in front of everyone?", mentions: [/Monday's presentation/, /prepare|ready|went reasonably well/] },
  { name: "fear: tomorrow's exam", entry: "I'm so anxious about the exam tomorrow.", mentions: [/tomorrow's exam/] },
  { name: "fear: Friday's interview", entry: "Nervous about my job interview on Friday, I really want this one.", mentions: [/Friday's job interview/] },

  // disgust
  { name: "disgust: a topic", entry: "The restaurant kitchen was filthy, there was mould on the bread. Disgusting.", mentions: [/restaurant kitchen|mould|bread/], never: [/lovely|congratulations/i] },
  { name: "disgust: a colleague", entry: "My colleague made a really gross comment about a client and I felt sick.", mentions: [/your colleague/], never: [/lovely|congratulations/i] },

  // topics and ordinary days
  { name: "anger: a topic", entry: "The train was cancelled again and I was late for the third time this week, so annoyed.", mentions: [/\u201C[^\u201D]+\u201D/] },
  { name: "neutral: an ordinary day", entry: "Did some laundry, had lunch, nothing much happened today.", mentions: [/laundry|lunch/], never: [/sorry|congratulations/i] },
  { name: "neutral: working from home", entry: "Worked from home, answered emails, cooked pasta for dinner.", mentions: [/working|answering|cooking/], never: [/sorry|congratulations/i] },
  { name: "joy: a happy day with nothing to name", entry: HAPPY, mentions: [/\?$/], never: [/sorry|heavy|good news|again/i], neverSuggest: [/good news|again|calendar/i] },

  // mixed
  { name: "mixed: a promotion and a friend moving away", entry: "Got the promotion but my best friend is moving away. Happy and sad at the same time.", mentions: [/the promotion/, /good news|harder|both|not everything/i], never: [/^Congratulations on the promotion!/] },
  { name: "mixed: a funeral with cousins", entry: "Mixed feelings today: the funeral was so sad, but it was lovely to see all my cousins again.", mentions: [/funeral|your cousins/, /two halves|both|bit of everything|some light/i], never: [/congratulations/i] },
  { name: "mixed: university and fear of leaving", entry: "I got into university! But I'm terrified of moving away from home.", mentions: [/getting into university/, /not everything|harder|both/i], never: [/one slow breath/i] },

  // history leads, and is never what the entry already did
  {
    name: "history: a run helped before, and leads",
    history: [SAD, RAN_HAPPY, SAD, RAN_HAPPY, SAD, RAN_HAPPY].map((content) => ({ content })),
    entry: SAD,
    mentions: [/a run (has )?helped/, /3 of 3 times/, /usually within/],
    never: [/"run"/],
    leads: { action: "run", tried: 3, worked: 3 },
  },
  {
    name: "history: a run helped before, but they just ran",
    history: [SAD, RAN_HAPPY, SAD, RAN_HAPPY, SAD, RAN_HAPPY].map((content) => ({ content })),
    entry: "Went for a run but I still feel so sad and lonely tonight.",
    mentions: [/the run/],
    never: [/a run (has )?helped/],
    neverSuggest: [/^run$/, OUTDOORS],
  },
  {
    name: "history: a tagged walk helped, work never did",
    history: [0, 1, 2].flatMap(() => [{ content: SAD, tags: ["work"] }, { content: HAPPY, tags: ["walk"] }]),
    entry: SAD,
    mentions: [/a walk (has )?helped/, /3 of 3 times/],
    neverSuggest: [/^work$/],
    leads: { action: "walk", tried: 3, worked: 3 },
  },

  // intentions become goal offers
  { name: "intention: running three times a week", entry: "I want to start running three times a week.", mentions: [/start running three times a week/i], goal: { title: "Start running three times a week", life_area: "health", cadence: { times: 3, per: "week" } } },
  { name: "intention: calling mum more", entry: "I need to call mum more.", mentions: [/call mum more/i], goal: { title: "Call mum more", life_area: "relationships" } },
  { name: "intention: learning Spanish this year", entry: "I'm going to learn Spanish this year.", mentions: [/learn Spanish/i], goal: { title: "Learn Spanish", life_area: "growth", due_date: `${new Date().getUTCFullYear()}-12-31` } },
  { name: "a past intention is not a goal", entry: "I wanted to go running but it rained all day.", mentions: [/\?$/], goal: null },

  // crisis and concern: unchanged, with nothing else
  { name: "crisis", entry: "I want to die. I can't do this anymore.", mentions: [/emergency number/], never: [/\?/], neverSuggest: [/./], goal: null, safety: "crisis" },
  { name: "crisis with an intention", entry: "I don't want to be alive anymore. I need to stop being a burden.", mentions: [/support/], never: [/\?/, /goal/i], neverSuggest: [/./], goal: null, safety: "crisis" },
  { name: "concern", entry: "I feel numb and empty.", mentions: [/someone you trust/], never: [/\?/], neverSuggest: [/^(?!reach out to someone you trust|talk it through with a support line).*/], goal: null, safety: "concern" },
  { name: "concern with an intention", entry: "I feel so hopeless lately. I need to start running again.", mentions: [/someone you trust/], never: [/\?/, /running/], goal: null, safety: "concern" },
];
