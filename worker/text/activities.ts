// What the person did, and who they mention, read from an entry's words: "went for a long run by
// the river" → `run`, "called my sister" → `call my sister` and `my sister`. Plans ("I want to run
// tomorrow"), negations ("didn't go to the gym") and other people's doings ("my sister ran a
// marathon") are not activities. It runs on every write, so it is pure TypeScript with no Worker API.
//
// Why no NLP library (measured on this machine, a 4-sentence entry, bundles minified and gzipped):
//   compromise (full)   141 KB gz, ~10.5 ms per entry with verbs().toInfinitive(): over both budgets,
//                       and its lemmas are not the activity ("went for a long run" → "go"; "crocheted"
//                       stays "crocheted").
//   compromise/two      123 KB gz (the tagger), ~2 ms per entry: over the time budget.
//   compromise/one       32 KB gz, ~200 µs per entry: a tokeniser only (sentences, terms, contractions),
//                       which is all it adds; it also ends a sentence at "Mr." and leaves "didnt" whole.
//   wink-nlp + model   ~1.03 MB gz (~62 µs): far over the 150 KB budget; wink-lemmatizer alone ~590 KB.
// What decides accuracy here is the table of what counts as an activity and how journal writers
// phrase it, which no library ships; a hand-written tokeniser (tokens.ts) and verb table
// (verb-forms.ts) do the rest in a few tens of microseconds and ~10 KB gz. Figures: README, "Activities".
import { gerundRule, RULES, type Hit } from "./activity-rules.ts";
import { isPersonWord, peopleIn } from "./people.ts";
import { clausesOf, type Token } from "./tokens.ts";
import { verbReading, type VerbReading } from "./verb-forms.ts";

export interface ExtractedActivities {
  /** Lemma phrases, in the order written, without repeats ("run", "call my sister"). */
  activities: string[];
  /** People mentioned, lower case, as written ("my sister", "sam"). */
  people: string[];
}

const FIRST_PERSON = new Set(["i", "we", "me", "us", "myself", "ourselves"]);
/** Always someone else doing it. */
const OTHER_PRONOUNS = new Set(["he", "she", "they"]);
/** Someone or something else, when a verb follows ("it rained", "money is running low"); else an object ("loved it"). */
const OTHER_SUBJECTS = new Set("it you everyone everybody someone somebody nobody people everything something money time things life work".split(" "));
const FINITE = new Set("is was are were has had have 's will would did does do can could keeps kept".split(" "));
/** Words a diary sentence may start with before its verb ("Finally cleaned", "Yesterday walked"). */
const LEAD_INS = new Set(
  (
    "then finally also just actually really first today yesterday tonight morning evening afternoon night later earlier eventually again " +
    "and n or but so after before lunchtime weekend monday tuesday wednesday thursday friday saturday sunday still even only never not " +
    "had have has did do does would will could should can might must to that which who when where while once since though"
  ).split(" "),
);
const SUBORDINATORS = new Set(["before", "after", "until", "while", "whilst", "when", "once", "because", "though", "although", "which"]);
const BE_FORMS = new Set(["am", "are", "was", "were", "is", "be", "been", "being"]);
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "be", "been", "being", "get", "got", "gets", "getting"]);
const ADVERBS = new Set(
  "just really actually finally also still even always usually often sometimes then now currently properly quickly briefly literally basically eventually again already only first later today yesterday".split(
    " ",
  ),
);
const MODAL_OR_LINK = new Set("to did do does will would could should can might must shall let us me and n also then".split(" "));
const NOUN_BEFORE = new Set(
  (
    "a an the my our his her their your some no quick long short nice lovely good great gentle brisk slow little big proper first " +
    "morning evening afternoon early late cold hot usual daily weekly sunday saturday 5k 10k solo family first-ever bit"
  ).split(" "),
);
/** An -ing form after these is not something done ("waiting for swimming lessons", "loved fishing"). */
const ING_BLOCKERS = new Set(
  "about for of up to into without the a my his her their our your love loves loved like likes liked enjoy enjoys enjoyed hate hates hated miss misses missed fancy quit avoid avoided stop stopped".split(
    " ",
  ),
);
/** Nouns that are an activity on their own ("on my walk", "a quick swim", "no walk today"). */
const NOUN_OK = new Set(["run", "walk", "jog", "swim", "dip", "hike", "nap", "bath", "shower", "paddle", "stroll", "drive"]);

const NEGATORS = new Set("not never no nor without skipped skip skipping cancelled canceled almost nearly forgot forget failed avoided missed neither".split(" "));
const IRREALIS = new Set(
  (
    "want wants wanted wish wished wishing hope hoping hoped hopefully plan plans planning planned need needs needed should shall could would will " +
    "might may must meant supposed thinking considering consider if unless maybe perhaps ought can tempted meaning intend intending " +
    "fancy dreading booked forward"
  ).split(" "),
);
const FUTURE = new Set(["tomorrow", "soon", "someday"]);

/** Noun phrases that are an activity wherever a clause about the person mentions them. */
const KEYWORDS: Record<string, string> = {
  yoga: "yoga",
  pilates: "pilates",
  zumba: "zumba",
  "tai chi": "tai chi",
  parkrun: "run",
  "spin class": "spin class",
  meditation: "meditate",
  prayers: "pray",
  choir: "sing",
  kickabout: "play football",
  "bike ride": "cycle",
  "feet up": "rest",
  "with a book": "read",
  "supermarket trip": "shop",
  gaming: "play video games",
  "meal prep": "meal prep",
  "meal prepped": "meal prep",
  "morning coffee": "drink coffee",
  "cup of coffee": "drink coffee",
  "cup of tea": "drink tea",
  "at a wedding": "go to a wedding",
  "at the wedding": "go to a wedding",
  "in wedding": "go to a wedding",
  "at a funeral": "go to a funeral",
  "at the funeral": "go to a funeral",
  "at the gym": "go to the gym",
  "school run": "school run",
  "face mask": "face mask",
  "video call": "video call",
};

type Subject = "first" | "other";

/** Figures of speech built on activity verbs (the first word is matched as a lemma; "*" is any word). */
const IDIOMS: string[][] = [
  "spin plates", "climb the walls", "dance around the", "dance round the", "run in circles", "run around in circles", "run me ragged", "run him ragged",
  "run her ragged", "paint into a corner", "paint myself into", "walk a tightrope", "walk a fine line", "sail close", "tidy loose ends",
  "shop around", "cook the books", "dance on the ceiling", "skate by", "skate over", "swim with the sharks", "draw the line", "play catch up",
  "play the victim", "play it", "run the show", "run rings", "run its course", "walk it off", "sleep it off", "sleep on it", "go off the rails",
  "walk away from", "run away from", "fly off the handle", "drive me", "drive up the wall", "read too much", "read into", "paint a picture",
  "clean slate", "work myself up", "work up", "run my mouth", "walk me through", "talk me through", "talk myself", "call it a day", "call it a night",
  "call me", "play up", "swim against",
].map((s) => s.split(" "));

const w = (toks: Token[], i: number) => toks[i]?.w ?? "";

/** The nearest word before `i` that is not an adverb, or -1. */
function previousWord(toks: Token[], i: number): number {
  let p = i - 1;
  while (p >= 0 && ADVERBS.has(toks[p]!.w)) p--;
  return p;
}

/** Whether a verb form at `i` is used as a verb, as an activity noun ("a run"), or neither. */
function usage(toks: Token[], i: number, reading: VerbReading, joiner: string | null): "verb" | "noun" | "other" | null {
  const p = previousWord(toks, i);
  const prev = p >= 0 ? toks[p]!.w : null;
  // "before work", "after lunch": a bare word opening a subordinate clause is a noun, not a deed.
  if (prev === null && (reading.form === "base" || reading.form === "s") && joiner && SUBORDINATORS.has(joiner)) return null;
  switch (reading.form) {
    case "past":
      if (prev && (PASSIVE_AUX.has(prev) || NOUN_BEFORE.has(prev))) return null;
      // "The dog slept all day": a word right before a past verb, not a pronoun, time word or
      // conjunction, is that verb's subject; diary sentences that leave "I" out start with the verb.
      if (prev && p === i - 1 && !FIRST_PERSON.has(prev) && !LEAD_INS.has(prev) && !verbReading(prev) && !/^\d/.test(prev)) return "other";
      return "verb";
    case "ing":
      // "ended up getting a drink" is done; "taking up running" is not.
      if (prev === "up" && /^(ended|end|ends|wound)$/.test(w(toks, p - 1))) return "verb";
      if (prev && ING_BLOCKERS.has(prev)) return null;
      return "verb";
    default:
      // "to work" is mostly a place ("walk to work"); "need to work" is a plan anyway.
      if (prev === "to" && reading.lemma === "work") return null;
      if (prev === null) return "verb";
      if (FIRST_PERSON.has(prev) || BE_FORMS.has(prev) || MODAL_OR_LINK.has(prev)) return "verb";
      // "a playlist for the drive" is about a drive to come; "a run of bad luck" is no run.
      if (NOUN_BEFORE.has(prev) || /^(\d+|minute|minutes|mile|miles|hour|km|k)$/.test(prev)) {
        return NOUN_OK.has(reading.lemma) && w(toks, p - 1) !== "for" && w(toks, i + 1) !== "of" ? "noun" : null;
      }
      if (OTHER_PRONOUNS.has(prev) || OTHER_SUBJECTS.has(prev) || isPersonWord(toks, p)) return "verb";
      return null;
  }
}

/** Whose doing the word at `i` is: the nearest subject before it, or null when the clause has none. */
function subjectBefore(toks: Token[], i: number): Subject | null {
  for (let j = i - 1; j >= 0; j--) {
    const t = toks[j]!.w;
    if (FIRST_PERSON.has(t)) return "first";
    if (OTHER_PRONOUNS.has(t)) return "other";
    if (OTHER_SUBJECTS.has(t) && isSubjectPosition(toks, j)) return "other";
    if (isPersonWord(toks, j) && !isObject(toks, j)) return "other";
  }
  return null;
}

/** A word followed by a finite verb is the subject of it ("it helped", "time is flying"). */
function isSubjectPosition(toks: Token[], j: number): boolean {
  const next = toks[j + 1];
  if (!next) return false;
  if (FINITE.has(next.w)) return true;
  const reading = verbReading(next.w);
  return !!reading && (reading.form === "past" || reading.form === "s");
}

/** A person mentioned after a preposition or a verb is an object ("with Dad", "called my sister"). */
function isObject(toks: Token[], j: number): boolean {
  let k = j;
  while (k > 0 && /^(my|our|his|her|their|your|the|little|best|older|younger|baby)$/.test(toks[k - 1]!.w)) k--;
  const before = toks[k - 1];
  if (!before) return false;
  return /^(with|to|for|at|about|of|from|on|by|after|like|than|without|near|and|n|round|over)$/.test(before.w) || !!verbReading(before.w) || before.poss;
}

function hasBefore(toks: Token[], i: number, words: Set<string>): boolean {
  for (let j = 0; j < i; j++) if (words.has(toks[j]!.w)) return true;
  return false;
}

function negatedBefore(toks: Token[], i: number): boolean {
  if (hasBefore(toks, i, NEGATORS)) return true;
  for (let j = 0; j < i; j++) {
    // "too tired to cook", "too bad for walking", "instead of going for a run"
    if (toks[j]!.w === "too" && /^(to|for)$/.test(w(toks, j + 2))) return true;
    if (toks[j]!.w === "instead" && w(toks, j + 1) === "of") return true;
  }
  return false;
}

function irrealisBefore(toks: Token[], i: number): boolean {
  if (hasBefore(toks, i, IRREALIS)) return true;
  for (let j = 0; j < i; j++) {
    const t = toks[j]!.w;
    // "going to try", "trying to", "about to", "used to", "like to"; not "going to the gym".
    if (/^(going|try|trying|tried|about|used|like|love|planned)$/.test(t) && w(toks, j + 1) === "to" && !/^(the|a|an|my|bed|work|church|school|yoga|town)$/.test(w(toks, j + 2))) return true;
  }
  return toks.some((t, j) => FUTURE.has(t.w) || (t.w === "next" && /^(week|month|year|weekend|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(w(toks, j + 1))));
}

/** The activity a rule or a keyword finds at `i`, if any. */
function activityAt(toks: Token[], i: number, joiner: string | null): Hit | null {
  const t = toks[i]!;
  for (let len = 3; len >= 1; len--) {
    const key = toks
      .slice(i, i + len)
      .map((x) => x.w)
      .join(" ");
    if (KEYWORDS[key] && toks.slice(i, i + len).length === len) return { activity: KEYWORDS[key]!, end: i + len };
  }
  if (BE_FORMS.has(t.w) || t.w === "am") return RULES.be!(toks, i, false);
  const reading = verbReading(t.w);
  if (!reading) return null;
  const rule = reading.form === "ing" ? (gerundRule(t.w) ?? RULES[reading.lemma]) : RULES[reading.lemma];
  if (!rule) return null;
  if (IDIOMS.some((idiom) => idiom.every((word, k) => word === "*" || word === w(toks, i + k) || (k === 0 && verbReading(w(toks, i))?.lemma === word)))) return null;
  const use = usage(toks, i, reading, joiner);
  if (!use) return null;
  const hit = rule(toks, i, use === "noun");
  return hit && use === "other" ? { ...hit, other: true } : hit;
}

interface ClauseState {
  sentence: number;
  subject: Subject;
  negated: boolean;
  irrealis: boolean;
  verb: Token | null;
}

/** Reads an entry's activities and the people it mentions. */
export function extractActivities(text: string): ExtractedActivities {
  const activities: string[] = [];
  const people: string[] = [];
  let previous: ClauseState | null = null;
  for (const clause of clausesOf(text)) {
    const sameSentence = previous?.sentence === clause.sentence;
    let toks = clause.tokens;
    peopleIn(toks, people);
    // "Had a shower and a coffee": the second object shares the first one's verb.
    const coordinated = sameSentence && (clause.joiner === "and" || clause.joiner === "or");
    if (coordinated && previous?.verb && /^(a|an|some|the)$/.test(w(toks, 0)) && !verbReading(w(toks, 1))) toks = [previous.verb, ...toks];
    const ownSubject = subjectBefore(toks, toks.length);
    const inherits = coordinated && ownSubject === null && !toks.some((t) => t.w === "instead" || t.w === "anyway");
    const state: ClauseState = {
      sentence: clause.sentence,
      subject: ownSubject ?? (sameSentence && previous ? previous.subject : "first"),
      negated: inherits && !!previous?.negated,
      irrealis: inherits && !!previous?.irrealis,
      verb: null,
    };
    for (let i = 0; i < toks.length; i++) {
      const hit = activityAt(toks, i, clause.joiner);
      if (!hit || !hit.activity) continue;
      const subject = hit.other ? "other" : (subjectBefore(toks, i) ?? (sameSentence && previous ? previous.subject : "first"));
      const negated = state.negated || negatedBefore(toks, i);
      const irrealis = state.irrealis || irrealisBefore(toks, i);
      if (subject === "first" && !negated && !irrealis) {
        for (const activity of [hit.activity, ...(hit.also ?? [])]) if (!activities.includes(activity)) activities.push(activity);
      }
      if (verbReading(toks[i]!.w)) state.verb = toks[i]!;
      i = Math.max(i, hit.end - 1);
    }
    state.negated ||= toks.some((t) => NEGATORS.has(t.w));
    state.irrealis ||= irrealisBefore(toks, toks.length);
    previous = state;
  }
  return { activities, people };
}

