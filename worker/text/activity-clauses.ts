// How a word is used in its clause, and whose deed it is: a verb or an activity noun ("ran" against
// "a run"), the subject before it (I, we, the diary's dropped "I", or someone else), negation
// ("didn't go"), and what was only wished, planned, asked or dreamt ("going to try", "Sam asked me to
// go running"). Read by the activity extractor (activities.ts), within one clause (tokens.ts).
import { isPersonWord } from "./people.ts";
import type { Token } from "./tokens.ts";
import { verbReading, type VerbReading } from "./verb-forms.ts";

export const FIRST_PERSON = new Set(["i", "we", "me", "us", "myself", "ourselves"]);
/** Always someone else doing it. */
export const OTHER_PRONOUNS = new Set(["he", "she", "they"]);
/** Someone or something else, when a verb follows ("it rained", "money is running low"); else an object ("loved it"). */
const OTHER_SUBJECTS = new Set("it you everyone everybody someone somebody nobody people everything something nothing anything money time things life work".split(" "));
const FINITE = new Set("is was are were has had have 's will would did does do can could keeps kept".split(" "));
const DETERMINERS = new Set("the a an my our his her their your this that these those".split(" "));
/** Words a diary sentence may start with before its verb ("Finally cleaned", "Yesterday walked"). */
const LEAD_INS = new Set(
  (
    "then finally also just actually really first today yesterday tonight morning evening afternoon night later earlier eventually again " +
    "and n or but so after before lunchtime weekend monday tuesday wednesday thursday friday saturday sunday still even only never not " +
    "had have has did do does would will could should can might must to that which who when where while once since though"
  ).split(" "),
);
export const SUBORDINATORS = new Set(["before", "after", "until", "while", "whilst", "when", "once", "because", "though", "although", "which"]);
export const BE_FORMS = new Set(["am", "are", "was", "were", "is", "be", "been", "being"]);
export const PASSIVE_AUX = new Set(["was", "were", "is", "are", "am", "be", "been", "being", "get", "got", "gets", "getting"]);
export const ADVERBS = new Set(
  "just really actually finally also still even always usually often sometimes then now currently properly quickly briefly literally basically eventually again already only first later today yesterday".split(
    " ",
  ),
);
const MODAL_OR_LINK = new Set("to did do does will would could should can might must shall let us me and n also then".split(" "));
const NOUN_BEFORE = new Set(
  (
    "a an the my our his her their your some no quick long short nice lovely good great gentle brisk slow little big proper first " +
    "morning evening afternoon early late cold hot usual daily weekly sunday saturday 5k 10k solo family first-ever bit arvo"
  ).split(" "),
);
/** An -ing form after these is not something done ("waiting for swimming lessons", "loved fishing"). */
const ING_BLOCKERS = new Set(
  "about for of up to into without the a my his her their our your love loves loved like likes liked enjoy enjoys enjoyed hate hates hated miss misses missed fancy quit avoid avoided stop stopped that this".split(
    " ",
  ),
);
/** Nouns that are an activity on their own ("on my walk", "a quick swim", "no walk today"). */
const NOUN_OK = new Set(["run", "walk", "jog", "swim", "dip", "hike", "nap", "bath", "shower", "paddle", "stroll", "drive", "ride", "surf", "climb"]);
/** Times whose possessive presupposes a deed done ("stiff from yesterday's hike"). */
export const PAST_TIMES = /^(yesterday|today|tonight|morning|evening|afternoon|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)$/;

export const NEGATORS = new Set("not never no nor without skipped skip skipping cancelled canceled almost nearly barely hardly scarcely forgot forget failed avoided missed neither".split(" "));
const IRREALIS = new Set(
  (
    "want wants wanted wish wished wishing hope hoping hoped hopefully need needs needed should shall could would will " +
    "might may must meant supposed thinking considering consider if unless maybe perhaps ought can tempted meaning intend intending " +
    "fancy dreading booked forward " +
    // A dream, a daydream or a pretence: what happens in it was not done ("dreamt I was swimming").
    "dream dreams dreamt dreamed dreaming daydream daydreamed daydreaming nightmare imagine imagined imagining pretend pretended pretending"
  ).split(" "),
);
const FUTURE = new Set(["tomorrow", "soon", "someday", "tmrw"]);

export type Subject = "first" | "other";

export const w = (toks: Token[], i: number) => toks[i]?.w ?? "";

/** The nearest word before `i` that is not an adverb, or -1. */
function previousWord(toks: Token[], i: number): number {
  let p = i - 1;
  while (p >= 0 && ADVERBS.has(toks[p]!.w)) p--;
  return p;
}

/**
 * Whether the words ending at `p` are a noun phrase that can be a subject ("the dog", "my nose", "the
 * washing machine", "Tom"): a person, a capitalised name, or a noun after a determiner.
 */
function subjectPhraseAt(toks: Token[], p: number): boolean {
  const t = toks[p];
  if (!t || FIRST_PERSON.has(t.w) || ADVERBS.has(t.w) || /^(that|which|who|there|here|so|too|very|not)$/.test(t.w)) return false;
  if (isPersonWord(toks, p) || (t.cap && !t.joined) || OTHER_PRONOUNS.has(t.w)) return true;
  if (verbReading(t.w) && !DETERMINERS.has(w(toks, p - 1))) return false;
  for (let k = p - 1; k >= Math.max(0, p - 3); k--) {
    const x = w(toks, k);
    if (FIRST_PERSON.has(x) || OTHER_PRONOUNS.has(x) || x === "that") return false;
    if (DETERMINERS.has(x)) return k === 0 || !/^(in|on|at|with|to|for|from|by|of|about|into|over|under|after|before|through|during|without|near)$/.test(w(toks, k - 1));
    if (verbReading(x) && verbReading(x)!.form !== "ing") return false;
  }
  return false;
}

/** "Myself and my cousin went", "Jas and I went": a subject the writer is part of. */
function withMe(toks: Token[], p: number): boolean {
  const before = toks.slice(Math.max(0, p - 4), p + 1);
  return before.some((t) => FIRST_PERSON.has(t.w)) && before.some((t) => t.w === "and" || t.w === "n");
}

/** Whether a verb form at `i` is used as a verb, as an activity noun ("a run"), or neither. */
export function usage(toks: Token[], i: number, reading: VerbReading, joiner: string | null): "verb" | "noun" | "other" | null {
  const p = previousWord(toks, i);
  const prev = p >= 0 ? toks[p]!.w : null;
  // "before work", "after lunch": a bare word opening a subordinate clause is a noun, not a deed.
  if (prev === null && (reading.form === "base" || reading.form === "s") && joiner && SUBORDINATORS.has(joiner)) return null;
  // "yesterday's hike": an activity the sentence takes as done.
  if (toks[i - 1]?.poss && PAST_TIMES.test(w(toks, i - 1)) && NOUN_OK.has(reading.lemma)) return "noun";
  if (toks[i]!.cap && reading.form === "base") return null;
  // "before going into the office": not yet done when the sentence is about.
  if (prev === null && reading.form === "ing" && joiner === "before") return null;
  switch (reading.form) {
    case "past":
      if (prev && (PASSIVE_AUX.has(prev) || NOUN_BEFORE.has(prev))) return null;
      // "a fast and mostly fun read": an article before, with no verb between, makes it a noun.
      for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
        if (/^(a|an)$/.test(w(toks, k))) return null;
        if (verbReading(w(toks, k)) || FIRST_PERSON.has(w(toks, k)) || OTHER_PRONOUNS.has(w(toks, k))) break;
      }
      // "So relaxed after my massage": "so" opens a clause, and "relaxed" there is how one felt.
      if (prev === null && joiner === "so" && /^(relax|rest|stretch|cook)$/.test(reading.lemma)) return null;
      // "so relaxed", "felt rested": a participle used as an adjective.
      if (prev && /^(so|very|too|quite|pretty|more|less|most|feel|felt|feeling|feels|totally|completely|fully|well|super|bit|properly|really|getting)$/.test(w(toks, i - 1))) return null;
      // "The dog slept all day": a noun phrase right before a past verb is its subject; diary
      // sentences that leave "I" out start with the verb ("Batch cooked soups").
      if (prev && p === i - 1 && !LEAD_INS.has(prev) && subjectPhraseAt(toks, p) && !withMe(toks, p)) return "other";
      // "only what worked", "whoever cooked": the relative pronoun is the subject.
      if (prev && p === i - 1 && /^(what|whatever|whoever|which|who)$/.test(prev)) return "other";
      return "verb";
    case "ing":
      // "ended up getting a drink" is done; "taking up running" is not.
      if (prev === "up" && /^(ended|end|ends|wound)$/.test(w(toks, p - 1))) return "verb";
      // "running shoes", "walking boots", "in great running shape": the -ing describes a thing.
      if (/^(shoes|trainers|boots|costume|costumes|kit|gear|shape|bag|poles|mat|stick|buddy|partner|watch|app|route|machine|pants|leggings|socks|shorts|top|jacket|style|references|room|stuff|things|group|club)$/.test(w(toks, i + 1))) return null;
      // "saw people running", "watched the kids playing": the -ing is theirs.
      if (prev && p === i - 1 && (/^(everyone|everybody|someone|somebody|people|them|others)$/.test(prev) || (isPersonWord(toks, p) && isObject(toks, p)) || /^(saw|seen|watched|watching|heard|noticed|see|watch|hear)$/.test(w(toks, p - 1)))) return "other";
      if (prev && p === i - 1 && /^(difficulty|difficulties|trouble|problems|struggle|struggled|struggling|issues)$/.test(prev)) return null;
      // "Cooking always calms me down": a gerund as the subject of a present habit.
      if (prev === null && talkedAbout(toks, i, i + 1)) return null;
      // "got round to clearing out the loft" is done.
      if (prev === "to" && /^(round|around)$/.test(w(toks, p - 1))) return "verb";
      if (prev && ING_BLOCKERS.has(prev)) return null;
      if (prev && toks[p]!.poss) return null;
      return "verb";
    default:
      // "to work" is mostly a place ("walk to work"); "need to work" is a plan anyway.
      if (prev === "to" && reading.lemma === "work") return null;
      // "Work was a nightmare": a bare word before "was" is its subject, not a deed.
      if (prev === null) return /^(is|was|were|are|has|had|will|would|can|could|seems|seemed)$/.test(w(toks, i + 1)) ? null : "verb";
      if (FIRST_PERSON.has(prev) || BE_FORMS.has(prev) || MODAL_OR_LINK.has(prev)) return "verb";
      // "a playlist for the drive" is about a drive to come; "a run of bad luck" is no run.
      if (NOUN_BEFORE.has(prev) || /^(\d+|minute|minutes|mile|miles|hour|km|k)$/.test(prev)) {
        return NOUN_OK.has(reading.lemma) && w(toks, p - 1) !== "for" && w(toks, i + 1) !== "of" && !toks[i]!.cap ? "noun" : null;
      }
      // "got her to sleep", "let them play": the verb is theirs.
      if (prev === "to" && (/^(him|her|them|it)$/.test(w(toks, p - 1)) || (isPersonWord(toks, p - 1) && isObject(toks, p - 1)))) return "other";
      // "helped Mum shower": the verb is the person's, not the writer's.
      if (isPersonWord(toks, p) && isObject(toks, p)) return "other";
      if (OTHER_PRONOUNS.has(prev) || OTHER_SUBJECTS.has(prev) || isPersonWord(toks, p)) return "verb";
      return null;
  }
}

/** Whose doing the word at `i` is: the nearest subject before it, or null when the clause has none. */
export function subjectBefore(toks: Token[], i: number): Subject | null {
  for (let j = i - 1; j >= 0; j--) {
    const t = toks[j]!.w;
    if (FIRST_PERSON.has(t)) return "first";
    if (OTHER_PRONOUNS.has(t)) return "other";
    // "things run smoothly", "watching people work": a plural subject right before a present verb.
    if (OTHER_SUBJECTS.has(t) && (isSubjectPosition(toks, j) || (j === i - 1 && /^(base|s)$/.test(verbReading(w(toks, i))?.form ?? "")))) return "other";
    // "then it just lifted", "it finally cleared": only adverbs between a subject pronoun and the verb.
    if (/^(it|everything|something|nothing|everyone|everybody|nobody)$/.test(t) && j < i - 1 && toks.slice(j + 1, i).every((x) => /^(just|really|actually|finally|suddenly|slowly|eventually|kind|sort|of|totally|completely|never|always)$/.test(x.w)) && verbReading(w(toks, i))?.form === "past" && !verbReading(w(toks, j - 1))) return "other";
    if (isPersonWord(toks, j) && !isObject(toks, j)) return "other";
    // "my nose has been running", "the washing machine ran all night".
    if (isSubjectPosition(toks, j, true) && !isPersonWord(toks, j) && (!verbReading(t) || DETERMINERS.has(w(toks, j - 1))) && !toks[j]!.cap && subjectPhraseAt(toks, j) && !toks[j]!.poss) return "other";
  }
  return null;
}

/** The subject of a clause's first verb, read forwards: "we watched Mamma Mia" is ours, whoever Mia is. */
export function clauseSubject(toks: Token[]): Subject | null {
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j]!.w;
    if (FIRST_PERSON.has(t)) return "first";
    if (OTHER_PRONOUNS.has(t)) return "other";
    if (OTHER_SUBJECTS.has(t) && isSubjectPosition(toks, j)) return "other";
    if (isPersonWord(toks, j) && !isObject(toks, j)) return withMe(toks, Math.min(toks.length - 1, j + 3)) ? "first" : "other";
    const reading = verbReading(t);
    // A verb before any subject: the diary's dropped "I" (or an imperative), decided by the caller.
    if (reading && (reading.form === "past" || reading.form === "base") && !DETERMINERS.has(w(toks, j - 1))) return subjectBefore(toks, j);
  }
  return subjectBefore(toks, toks.length);
}

/** A word followed by a finite verb is the subject of it ("it helped", "time is flying"). */
function isSubjectPosition(toks: Token[], j: number, strict = false): boolean {
  const next = toks[j + 1];
  if (!next) return false;
  if (FINITE.has(next.w)) return true;
  const reading = verbReading(next.w);
  // A plural noun looks like a verb's -s form ("the Christmas presents"), so a noun subject needs more.
  return !!reading && (reading.form === "past" || (!strict && reading.form === "s"));
}

/** A person mentioned after a preposition or a verb is an object ("with Dad", "called my sister"). */
export function isObject(toks: Token[], j: number): boolean {
  let k = j;
  while (k > 0 && /^(my|our|his|her|their|your|the|little|best|older|younger|baby|old|new)$/.test(toks[k - 1]!.w)) k--;
  const before = toks[k - 1];
  if (!before) return false;
  return /^(with|to|for|at|about|of|from|on|by|after|like|than|without|near|and|n|round|over)$/.test(before.w) || !!verbReading(before.w) || before.poss;
}

function hasBefore(toks: Token[], i: number, words: Set<string>): boolean {
  for (let j = 0; j < i; j++) if (words.has(toks[j]!.w)) return true;
  return false;
}

export function negatedBefore(toks: Token[], i: number): boolean {
  if (hasBefore(toks, i, NEGATORS)) return true;
  for (let j = 0; j < i; j++) {
    // "too tired to cook", "too bad for walking", "instead of going for a run"
    if (toks[j]!.w === "too" && /^(to|for)$/.test(w(toks, j + 2))) return true;
    if (toks[j]!.w === "instead" && w(toks, j + 1) === "of") return true;
  }
  return false;
}

export function irrealisBefore(toks: Token[], i: number): boolean {
  if (hasBefore(toks, i, IRREALIS)) return true;
  for (let j = 0; j < i; j++) {
    const t = toks[j]!.w;
    // "going to try", "trying to", "about to", "used to", "like to"; not "going to the gym".
    if (/^(going|try|trying|tried|about|used|like|love|plan|plans|planned|planning|time|signed|sign|remember|reminder|remind)$/.test(t) && /^(to|up|on)$/.test(w(toks, j + 1)) && !/^(the|a|an|my|bed|work|church|school|yoga|town)$/.test(w(toks, j + 2))) {
      // "signed up for" a race is a plan; "tried to" is an attempt, not a deed.
      if ((w(toks, j + 1) === "up" && !/^sign/.test(t)) || (w(toks, j + 1) === "on" && !/^plan/.test(t))) continue;
      return true;
    }
    // "let's see if I go", "see if", "if I get time".
    if (t === "see" && w(toks, j + 1) === "if") return true;
    // "I feel like I've run a marathon", "as if I'd swum the Channel": a likeness, not a deed.
    if ((t === "like" && FIRST_PERSON.has(w(toks, j + 1))) || (t === "as" && /^(if|though)$/.test(w(toks, j + 1)))) return true;
    // "Sam asked me to go running", "the doctor told me to walk more": asked, not done.
    if (/^(ask|asks|asked|tell|tells|told|want|wants|wanted|remind|reminded|begged|encouraged|advised|invited|suggested|persuaded|expects|expected)$/.test(t) && /^(me|us)$/.test(w(toks, j + 1)) && w(toks, j + 2) === "to") return true;
  }
  // "I'd love for my girls to read": a verb after "to" under a liking or a wish.
  if (w(toks, i - 1) === "to" && toks.slice(0, i - 1).some((t) => /^(love|loves|like|likes|would|hate|prefer|want|wants|wish|able|hoping|hope)$/.test(t.w))) return true;
  // "Going for a run later": later, of a deed not told in the past.
  const form = verbReading(w(toks, i))?.form;
  if (form !== "past" && toks.some((t, j) => t.w === "later" && j > 0 && w(toks, j + 1) !== "on")) return true;
  // "I'm seeing Hannah on Friday", "we're going out later": the present progressive with a time to come.
  const verb = toks[i];
  if (verb && verbReading(verb.w)?.form === "ing" && /^(am|are|is)$/.test(w(toks, previousWord(toks, i)))) {
    if (toks.some((t, j) => /^(later|tonight|weekend)$/.test(t.w) || (t.w === "on" && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(w(toks, j + 1))))) return true;
  }
  return toks.some((t, j) => (FUTURE.has(t.w) && !t.poss) || (t.w === "next" && /^(week|month|year|weekend|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(w(toks, j + 1))));
}

/** Verbs of liking, wanting and missing: what follows them is talked about, not done. */
const ATTITUDES = /^(love|loves|loved|like|likes|liked|hate|hates|hated|miss|misses|missed|enjoy|enjoys|enjoyed|prefer|prefers|need|needs|want|wants|recommend|recommended|suggested|suggest|fancy|fancied|into|about|of)$/;

/** "I love yoga", "Yoga always helps": an activity named as a liking or a habit in general, not a deed. */
export function talkedAbout(toks: Token[], from: number, end: number): boolean {
  const p = previousWord(toks, from);
  if (p >= 0 && ATTITUDES.test(w(toks, p))) return true;
  // "with your prayers", "his yoga": someone else's.
  if (/^(your|his|her|their)$/.test(w(toks, from - 1))) return true;
  let n = end;
  while (ADVERBS.has(w(toks, n)) || /^(always|never|really|genuinely|honestly)$/.test(w(toks, n))) n++;
  const next = verbReading(w(toks, n));
  return (next?.form === "s" && !/^(class|classes|session|sessions|lessons)$/.test(w(toks, n))) || /^(is|are)$/.test(w(toks, n));
}
