// Finds an intention the person states for themselves ("I want to start running three times a
// week", "I need to call mum more", "this year I will read twenty books") and drafts a goal from it,
// so the reply can offer "Make this a goal".
//
// What counts, per clause (questions are skipped):
//   - a first-person intention frame: I want / need / plan / intend / mean / hope / aim to, I'd like to,
//     I'm going / gonna / planning / determined to, I will / I'll / I shall / I must, I should (really),
//     I have (got) to, I've decided to, I promised myself to, my goal / plan / resolution is to;
//   - nothing before the frame that makes it someone else's, conditional or denied ("if", "whether",
//     "my mum says", "not", "never", "wish"), and nothing after it that makes it past or negative
//     ("I should have", "I want to not…"); past frames ("I wanted to", "I was going to") never match;
//   - and what follows reads as a goal, not an errand: it starts with a change ("start", "stop",
//     "learn", "get back into", "save", "cut down on", …), or says how often ("three times a week",
//     "every morning", "call mum more"), or by when ("this year", "by Christmas", "from now on").
// Anything the safety screen flags is never a goal, nor a clause of self-reproach ("I need to lose
// weight or nobody will love me"); the caller also offers none for a flagged entry.
import { clip, normaliseApostrophes, splitClauses, splitSentences } from "../insights/text.ts";
import { lifeAreaOf } from "../lib/life-areas.ts";
import { screenText } from "../safety/screen.ts";
import type { GoalOffer } from "../schemas/goals.ts";

/** The goal an intention becomes: the fields POST /api/goals takes, and how often (worker/schemas/goals.ts). */
export type GoalDraft = GoalOffer;
type CadencePeriod = NonNullable<GoalDraft["cadence"]>["per"];

const ADV = String.raw`(?:(?:really|finally|definitely|seriously|actually|honestly|just|also|truly|properly|still|absolutely) )*`;
const FRAME = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`i ${ADV}(?:want|need|plan|intend|mean|hope|aim|am going|am gonna|am planning|am determined|have decided|have got|have|promised myself|promise myself|decided) to`,
      String.raw`i(?:'m| am) ${ADV}(?:going|gonna|planning|determined) to`,
      String.raw`i'm gonna`,
      String.raw`i(?:'ve| have) ${ADV}(?:decided|got|promised myself) to`,
      String.raw`i(?:'d| would) ${ADV}(?:like|love) to`,
      String.raw`i ${ADV}(?:will|shall|must)`,
      String.raw`i'll ${ADV}`,
      String.raw`i ${ADV}should ${ADV}`,
      String.raw`my (?:main |big |new )?(?:goal|plan|aim|resolution|new year'?s resolution)(?: for (?:this|the) year| this year)? is to`,
    ].join("|") +
    String.raw`)\b\s*`,
);

/** Before the frame: someone else's wish, a condition, a denial or a question about it. */
const NOT_AN_INTENTION_BEFORE = /\b(?:not|never|no|if|whether|unless|wish|wonder|wondering|says|said|tells|told|thinks|thought|wants|expects|asked|because|why|how|what|when|whenever|doubt|should i|do i|did i)\b|n't\b/;
/** Right after the frame: past ("should have"), negated ("not…"), or a feeling rather than a deed. */
const NOT_AN_INTENTION_AFTER = /^(?:have|'ve|not|never|no longer|be (?:fine|ok|okay|alright|honest|sick|late)|see|say|admit|vent|rant|cry|scream|die|kill|hurt|disappear|explode|lose it|lose my mind|throw up|puke|get this off|think about it|sleep on it|go to bed|bed|sleep now|probably|likely|miss|survive)\b/;

/** A change, stated at the start of what follows the frame. */
const CHANGE = /^(?:start|begin|stop|quit|learn|take up|get back into|get back to|give up|cut down|cut back|cut out|work on|improve|practi[cs]e|train for|save|pay off|lose|build|get fit|get better at|get healthier|get in shape|eat (?:more|less|better|healthier)|drink (?:more|less)|spend (?:more|less) time|make (?:more )?time|prioriti[sz]e|finish (?:my|the) (?:book|novel|degree|thesis|course|dissertation|project)|write (?:a|my) (?:book|novel)|run (?:a|my first) (?:marathon|half marathon|5k|10k)|sign up for|apply for|find a new|look for a new|volunteer|go back to (?:uni|university|school|college|therapy)|see a (?:therapist|counsellor|counselor)|be (?:more|less|kinder|better|nicer|gentler))\b/;
/** A goal set out of self-reproach is not one to hand back ("…or nobody will love me"). */
const SELF_REPROACH = /\b(?:(?:nobody|no one) (?:will|would|could|is going to) (?:ever )?(?:love|like|want)|hate myself|worthless|disgusting|pathetic|useless|a failure)\b/;
/** How often. */
const HOW_OFTEN = /\b(?:(?:once|twice|\w+ times) (?:a|per|each|every) (?:day|week|month)|every (?:day|morning|evening|night|week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|each (?:day|morning|evening|week)|daily|weekly|monthly|regularly|more often|less often|from now on)\b/;
/** "call mum more", "read more", "eat less sugar": more or less of a deed, not more of a thing to buy. */
const MORE_OR_LESS = /^(?!(?:buy|get|grab|order|pick|bring|pack|print|add|fetch|send|make)\b)\w+ (?:(?:[\w']+ ){0,2}(?:more|less)$|(?:more|less) \w+)/;
/** By when. */
const BY_WHEN = /\b(?:this|next) (?:year|month|summer|spring|autumn|winter)\b|\bby (?:the end of (?:the|this) (?:year|month)|christmas|summer|next year|the time)\b|\bbefore i turn \d+\b|\bin 20\d\d\b/;
/** A frame opened by one of these states a resolution, whatever follows ("This year I will…"). */
const RESOLUTION_LEAD = /\b(?:this year|from now on|starting (?:today|tomorrow|now|on monday)|going forward|new year|next year|in 20\d\d)\b/;

/** Where what follows the frame stops being the intention ("…because", "…but", "…if I can"). */
const TAIL = /\s+(?:because|cause|cos|since|so that|so i|but|though|although|if|unless|when|whenever|otherwise|or|and i|and then|i think|i guess|tbh|lol|haha)\b.*$/;
const LEADING_FILLER = /^(?:(?:try to|try and|actually|really|finally|just|at least|definitely|seriously|properly|somehow|like) )+/;

const NUMBER_WORDS: Record<string, number> = { once: 1, one: 1, twice: 2, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

function cadenceOf(text: string): GoalDraft["cadence"] {
  const m = /\b(once|twice|one|two|three|four|five|six|seven|\d+)(?: times?)? (?:a|per|each|every) (day|week|month)\b/.exec(text);
  if (m) {
    const times = NUMBER_WORDS[m[1]!] ?? Number(m[1]);
    if (times > 0 && times <= 50) return { times, per: m[2] as CadencePeriod };
  }
  if (/\b(?:every|each) (?:day|morning|evening|night)\b|\bdaily\b/.test(text)) return { times: 1, per: "day" };
  if (/\b(?:every|each) (?:week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bweekly\b/.test(text)) return { times: 1, per: "week" };
  if (/\b(?:every|each) month\b|\bmonthly\b/.test(text)) return { times: 1, per: "month" };
  return null;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
/** The last day of a month (1–12). */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Phrases that become the due date, and are then left out of the title. Dates are UTC. */
const DUE: { re: RegExp; date: (now: Date) => string | null }[] = [
  { re: /\s*\b(?:this year|by the end of (?:the|this) year|before the year is out)\b/, date: (n) => iso(n.getUTCFullYear(), 12, 31) },
  { re: /\s*\b(?:this month|by the end of (?:the|this) month)\b/, date: (n) => iso(n.getUTCFullYear(), n.getUTCMonth() + 1, lastDay(n.getUTCFullYear(), n.getUTCMonth() + 1)) },
  {
    re: /\s*\bby christmas\b/,
    date: (n) => {
      const christmas = iso(n.getUTCFullYear(), 12, 25);
      return christmas >= n.toISOString().slice(0, 10) ? christmas : iso(n.getUTCFullYear() + 1, 12, 25);
    },
  },
];

const MAX_TITLE_CHARS = 80;

/**
 * A clause as written (apostrophes made plain, spaces folded) beside its lower-case copy, cut
 * together so that the title keeps the person's capitals ("Learn Spanish").
 */
class Words {
  readonly text: string;
  readonly lower: string;

  constructor(text: string, lower: string) {
    this.text = text;
    this.lower = lower;
  }

  static of(clause: string): Words {
    const text = normaliseApostrophes(clause).replace(/\s+/g, " ").trim();
    const lower = text.toLowerCase();
    // a letter whose lower case is longer would shift the offsets: match on the lower case alone
    return new Words(lower.length === text.length ? text : lower, lower);
  }

  slice(from: number, to = this.lower.length): Words {
    return new Words(this.text.slice(from, to), this.lower.slice(from, to));
  }

  /** Without the first match of `re` (matched on the lower case). */
  without(re: RegExp): Words {
    const m = re.exec(this.lower);
    if (!m) return this;
    const cut = (s: string) => `${s.slice(0, m.index)}${s.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim();
    return new Words(cut(this.text), cut(this.lower));
  }
}

/** The goal in the clause, or null when the clause states none. */
function draftFrom(clause: string, sentence: string, now: Date): GoalDraft | null {
  const words = Words.of(clause);
  const frame = FRAME.exec(words.lower);
  if (!frame) return null;
  const before = words.lower.slice(0, frame.index);
  if (NOT_AN_INTENTION_BEFORE.test(before)) return null;
  let rest = words
    .slice(frame.index + frame[0].length)
    .without(/[.!…]+$/)
    .without(TAIL)
    .without(LEADING_FILLER);
  if (!rest.lower || NOT_AN_INTENTION_AFTER.test(rest.lower)) return null;
  const resolution = RESOLUTION_LEAD.test(before) || /^(?:from now on|this year)\b/.test(rest.lower);
  const goalLike = CHANGE.test(rest.lower) || HOW_OFTEN.test(rest.lower) || MORE_OR_LESS.test(rest.lower) || BY_WHEN.test(rest.lower) || resolution;
  if (!goalLike || SELF_REPROACH.test(words.lower) || screenText(clause).level !== "none") return null;

  let due: string | null = null;
  for (const d of DUE) {
    if (!d.re.test(rest.lower) && !d.re.test(before)) continue;
    due = d.date(now);
    rest = rest.without(d.re);
    break;
  }
  rest = rest.without(/^(?:from now on|this year),?\s*/).without(/\s*\b(?:from now on|this year)$/);
  if (rest.lower.split(" ").length < 2 && !CHANGE.test(rest.lower)) return null;
  const title = clip(rest.text.charAt(0).toUpperCase() + rest.text.slice(1), MAX_TITLE_CHARS).replace(/[\s,;:]+$/, "");
  return {
    title,
    life_area: lifeAreaOf(rest.lower),
    cadence: cadenceOf(rest.lower),
    due_date: due,
    description: `From your journal: \u201C${clip(sentence.trim(), 300)}\u201D`,
  };
}

/** The first intention an entry states, as a goal draft; null when it states none. */
export function detectIntention(text: string, now: number): GoalDraft | null {
  const date = new Date(now);
  // intentions are stated in a sentence or two; a pasted novel is not read to the end
  for (const sentence of splitSentences(text.slice(0, 4_000)).slice(0, 40)) {
    if (sentence.trim().endsWith("?")) continue;
    for (const clause of splitClauses(sentence)) {
      const draft = draftFrom(clause, sentence, date);
      if (draft) return draft;
    }
  }
  return null;
}
