// What the person did, and who they mention, read from an entry's words: "went for a long run by
// the river" → `run`, "called my sister" → `call my sister` and `my sister`. Plans ("I want to run
// tomorrow"), negations ("didn't go to the gym") and other people's doings ("my sister ran a
// marathon") are not activities. It runs on every write, so it is pure TypeScript with no Worker API.
//
// How it reads, in general rules rather than one author's sentences:
//   - a wide verb lexicon (verb-forms.ts: every form of several hundred verbs, regular inflections
//     undone by rule) and what each verb means as an activity (activity-rules.ts: the verb itself,
//     the verb with the object that makes it one, a person it is done with, a place it is done at);
//   - light verbs with activity nouns ("went for a X", "had a X", "did some X", "took a X", "hit the X",
//     "got my X in"), and the diary's verbless sentences ("Tennis with Dad this morning.");
//   - whose deed it is (I, we, or the diary's dropped "I" versus anyone else), negation, plans, wishes
//     and habits given up, each within its clause; idioms that only look like deeds ("ran out of");
//   - one name per activity (activity-names.ts).
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
// (verb-forms.ts) do the rest in tens of microseconds. Figures: README, "Activities from the words".
import { canonicalActivity } from "./activity-names.ts";
import { ACTIVITY_NOUNS, gram, gerundRule, LIGHT_VERBS, NOUN_ACTIVITIES, DO_OBJECTS, PLAY_OBJECTS, ruleFor, RULES, SESSION_WORDS, type Hit } from "./activity-rules.ts";
import { isPersonWord, personAt, peopleIn } from "./people.ts";
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
const SUBORDINATORS = new Set(["before", "after", "until", "while", "whilst", "when", "once", "because", "though", "although", "which"]);
const BE_FORMS = new Set(["am", "are", "was", "were", "is", "be", "been", "being"]);
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "am", "be", "been", "being", "get", "got", "gets", "getting"]);
const ADVERBS = new Set(
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
const PAST_TIMES = /^(yesterday|today|tonight|morning|evening|afternoon|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)$/;

const NEGATORS = new Set("not never no nor without skipped skip skipping cancelled canceled almost nearly barely hardly scarcely forgot forget failed avoided missed neither".split(" "));
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

/** Noun phrases that are an activity wherever a clause about the person mentions them. */
const KEYWORDS: Record<string, string> = Object.assign(Object.create(null), {
  yoga: "yoga",
  pilates: "pilates",
  zumba: "dance",
  "tai chi": "tai chi",
  parkrun: "run",
  "spin class": "cycle",
  meditation: "meditate",
  prayers: "pray",
  choir: "sing",
  kickabout: "play football",
  "bike ride": "cycle",
  "feet up": "rest",
  "with a book": "read",
  "with a film": "watch a film",
  "with a movie": "watch a film",
  "supermarket trip": "shop",
  gaming: "play video games",
  "meal prep": "cook",
  "meal prepped": "cook",
  "meal planned": "meal plan",
  "morning coffee": "drink coffee",
  "cup of coffee": "drink coffee",
  "cup of tea": "drink tea",
  "at a wedding": "go to a wedding",
  "at the wedding": "go to a wedding",
  "in wedding": "go to a wedding",
  "at a funeral": "go to a funeral",
  "at the funeral": "go to a funeral",
  "at the gym": "go to the gym",
  "at church": "go to church",
  "at mass": "go to church",
  "at the mosque": "go to the mosque",
  "at the temple": "go to the temple",
  "driving range": "play golf",
  "school run": "school run",
  "face mask": "skincare",
  "video call": "video call",
  "bedtime stories": "read",
  "bedtime story": "read",
  "box breathing": "meditate",
  "foam rolled": "stretch",
  "foam rolling": "stretch",
  "on duolingo": "study",
});

type Subject = "first" | "other";

/** Figures of speech built on activity verbs (the first word is matched as a lemma; "*" is any word). */
const IDIOMS: string[][] = [
  "spin plates", "climb the walls", "dance around the issue", "dance around the subject", "dance around the question", "dance round the issue",
  "run in circles", "run around in circles", "run me ragged", "run him ragged",
  "run her ragged", "paint into a corner", "paint myself into", "walk a tightrope", "walk a fine line", "sail close", "tidy loose ends",
  "shop around", "cook the books", "dance on the ceiling", "skate by", "skate over", "swim with the sharks", "draw the line", "play catch up",
  "play the victim", "play it", "run the show", "run rings", "run its course", "walk it off", "sleep it off", "sleep on it", "go off the rails",
  "walk away from", "run away from", "fly off the handle", "drive me", "drive up the wall", "read too much", "read into", "paint a picture",
  "clean slate", "work myself up", "work up", "run my mouth", "walk me through", "talk me through", "talk myself", "call it a day", "call it a night",
  "call me", "play up", "swim against", "read the room", "read the situation", "read somewhere", "call the shots", "call all the shots", "call * shots",
  "walk on eggshells", "walk right into", "walk straight into", "walk into that", "walk into it", "run for the bus", "run for a bus", "run for the train",
  "run for council", "run for office", "run for the council", "run for the local", "run for mayor", "run behind", "cook up", "go through the motions",
  "walk us through", "walk him through", "walk her through", "walk them through", "play by ear", "shop me", "draw a blank", "sleep through the alarm",
  "work through it", "clean up my act", "clean up your act", "fish for compliments", "climb the ladder", "climb the career", "run a temperature",
  "run a fever", "run a bath", "read my mind", "paint the town", "bake in this", "bake in the", "garden leave", "walk on air", "walk on sunshine", "write off", "write me off", "write it off", "play with fire", "play with my food", "play with my hair",
  "play on my mind", "call it *", "paddle * own canoe", "paddle my own", "go for it", "go for broke", "go to pieces", "go to waste", "go to sleep", "hit the ground running", "drive a hard bargain",
  "draw the short straw", "draw a line under", "sing * praises", "cook on gas", "cook on all", "walk the talk", "run the gauntlet", "run out",
  // Read on unseen writing (dev-3): a card game, a doorway and a fast pace that are no deed.
  "play * cards right", "play my cards", "play our cards", "play your cards", "walk in on", "run on fumes", "run on empty",
].map((s) => s.split(" "));

/** The idioms by their first word, so a verb is checked against its own few. */
const IDIOMS_BY_VERB = new Map<string, string[][]>();
for (const idiom of IDIOMS) IDIOMS_BY_VERB.set(idiom[0]!, [...(IDIOMS_BY_VERB.get(idiom[0]!) ?? []), idiom]);
const KEYWORD_FIRST = new Set(Object.keys(KEYWORDS).map((k) => k.split(" ")[0]!));

const w = (toks: Token[], i: number) => toks[i]?.w ?? "";

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
function usage(toks: Token[], i: number, reading: VerbReading, joiner: string | null): "verb" | "noun" | "other" | null {
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
function subjectBefore(toks: Token[], i: number): Subject | null {
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
function clauseSubject(toks: Token[]): Subject | null {
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
function isObject(toks: Token[], j: number): boolean {
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

/** Nouns that take their person in a verbless sentence ("Zoom with the cousins", "Appointment with my psychiatrist"). */
const PERSON_NOUNS: Record<string, string> = Object.assign(Object.create(null), {
  zoom: "call",
  facetime: "call",
  skype: "call",
  "video call": "call",
  "whatsapp video": "call",
  "whatsapp call": "call",
  "phone call": "call",
  call: "call",
  appointment: "see",
  "catch up": "see",
  "catch-up": "see",
});

const FRAGMENT_NEXT = new Set(
  (
    "with w at in on by before after this today tonight yesterday for then and n was were again first last time like till until from to " +
    "morning evening afternoon night arvo lunchtime done over all w/ b4 4 2 round around near by up down along together alone earlier"
  ).split(" "),
);

/** Words a verbless diary sentence may open with before its activity ("Morning swim", "Long walk"). */
const FRAGMENT_LEAD = new Set(
  (
    "a an another my our the quick long short lovely nice gentle brisk slow little big proper good great amazing early late first last solo " +
    "family morning evening afternoon arvo night lunchtime weekend sunday saturday monday tuesday wednesday thursday friday today yesterday " +
    "tonight's today's sunday's saturday's monday's tuesday's wednesday's thursday's friday's weekly usual daily hard easy gruelling brutal " +
    "two three four five six ten twenty hour minute minutes min mins hour-long back to back outdoor indoor hot cold more some fun"
  ).split(" "),
);

function fixedKey(toks: Token[], j: number, table: Record<string, string>): Hit | null {
  for (let len = 3; len >= 1; len--) {
    if (j + len > toks.length) continue;
    const value = table[gram(toks, j, len)];
    if (value !== undefined) return { activity: value, end: j + len };
  }
  return null;
}

/**
 * A verbless diary sentence that names what was done: "Tennis with Dad this morning.", "Therapy
 * today.", "Morning swim", "Dentist at 9.", "Zoom with the cousins". Not when the noun is the subject
 * of a present or future verb ("Tennis is my favourite"), nor when it is followed by someone's verb.
 */
function fragmentAt(toks: Token[]): Hit | null {
  let j = 0;
  while (j < toks.length && (FRAGMENT_LEAD.has(w(toks, j)) || /^\d+$/.test(w(toks, j)))) j++;
  if (j >= toks.length || (j > 0 && verbReading(w(toks, j - 1)) && !/^(morning|evening)$/.test(w(toks, j - 1)))) return null;
  const personal = fixedKey(toks, j, PERSON_NOUNS);
  if (personal && w(toks, personal.end) === "with") {
    const person = personAt(toks, personal.end + 1);
    if (person) return { activity: `${personal.activity} ${person.phrase}`, end: person.end };
  }
  const hit = fixedKey(toks, j, ACTIVITY_NOUNS);
  if (!hit || !hit.activity) return null;
  let end = hit.end;
  while (SESSION_WORDS.has(w(toks, end))) end++;
  // What may follow: nothing, where or when or with whom, or "was" (it happened); not "machine" in
  // "the coffee machine is broken", not "is" in "tennis is my thing".
  let next = w(toks, end);
  // "The run this morning cleared my head", "Yoga really helped": a deed that did something.
  let after = end;
  while (ADVERBS.has(w(toks, after)) || /^(this|last|morning|evening|afternoon|night|really|honestly|totally|properly|definitely|genuinely)$/.test(w(toks, after))) after++;
  if (verbReading(w(toks, after))?.form === "past" && !PASSIVE_AUX.has(w(toks, after)) && !/^go (to|on) /.test(hit.activity)) next = "";
  if (next && !FRAGMENT_NEXT.has(next) && !/^\d/.test(next)) return null;
  // A meal or a drink on its own names no deed ("Lunch was rushed"); with someone or somewhere it does.
  if (/^(have (lunch|dinner|breakfast|brunch|a drink)|drink )/.test(hit.activity) && !/^(with|w|at)$/.test(next)) return null;
  return { activity: hit.activity, end };
}

/** Verbs of liking, wanting and missing: what follows them is talked about, not done. */
const ATTITUDES = /^(love|loves|loved|like|likes|liked|hate|hates|hated|miss|misses|missed|enjoy|enjoys|enjoyed|prefer|prefers|need|needs|want|wants|recommend|recommended|suggested|suggest|fancy|fancied|into|about|of)$/;

/** "I love yoga", "Yoga always helps": an activity named as a liking or a habit in general, not a deed. */
function talkedAbout(toks: Token[], from: number, end: number): boolean {
  const p = previousWord(toks, from);
  if (p >= 0 && ATTITUDES.test(w(toks, p))) return true;
  // "with your prayers", "his yoga": someone else's.
  if (/^(your|his|her|their)$/.test(w(toks, from - 1))) return true;
  let n = end;
  while (ADVERBS.has(w(toks, n)) || /^(always|never|really|genuinely|honestly)$/.test(w(toks, n))) n++;
  const next = verbReading(w(toks, n));
  return (next?.form === "s" && !/^(class|classes|session|sessions|lessons)$/.test(w(toks, n))) || /^(is|are)$/.test(w(toks, n));
}

/**
 * "Knackered after football", "still buzzing from the gig", "so relaxed after my massage": the cause of
 * a feeling is a deed done. Not a meal or the working day ("after lunch", "after work", "after practice").
 */
function causeAt(toks: Token[], from: number): Hit | null {
  const j = /^(the|my|a|our|that|this)$/.test(w(toks, from)) ? from + 1 : from;
  const cause = fixedKey(toks, j, ACTIVITY_NOUNS) ?? fixedKey(toks, j, NOUN_ACTIVITIES);
  if (!cause?.activity || /^(have (lunch|dinner|breakfast|brunch|a drink)|drink .*|work|go to class|have a meeting|sleep|argue)$/.test(cause.activity) || /^(school|work|practice|practise|class|lessons|lesson)$/.test(w(toks, j))) return null;
  let end = cause.end;
  while (SESSION_WORDS.has(w(toks, end))) end++;
  return { activity: cause.activity, end, cause: true };
}

/** The activity a rule or a keyword finds at `i`, if any. */
function activityAt(toks: Token[], i: number, joiner: string | null): Hit | null {
  const t = toks[i]!;
  if (KEYWORD_FIRST.has(t.w)) {
    for (let len = 3; len >= 1; len--) {
      if (i + len > toks.length) continue;
      const keyword = KEYWORDS[gram(toks, i, len)];
      if (keyword) return talkedAbout(toks, i, i + len) ? { activity: "", end: i + len } : { activity: keyword, end: i + len };
    }
  }
  // "on the phone to Vodafone", "on the phone with Mei", "did the crossword with Grandpa over the phone".
  if (t.w === "phone" && w(toks, i - 1) === "the" && /^(on|over)$/.test(w(toks, i - 2))) {
    if (/^(to|with)$/.test(w(toks, i + 1))) {
      const person = personAt(toks, i + 2);
      if (person) return { activity: `call ${person.phrase}`, end: person.end };
      if (toks[i + 2]?.cap) return { activity: `call ${w(toks, i + 2)}`, end: i + 3 };
    }
    for (let j = i - 3; j > 0; j--) {
      const person = w(toks, j - 1) === "with" ? personAt(toks, j) : null;
      if (person) return { activity: `call ${person.phrase}`, end: i + 1 };
    }
  }
  // ("Doreen from church" is where Doreen is from.)
  if ((t.w === "after" || t.w === "from") && !verbReading(w(toks, i + 1)) && !(i > 0 && (isPersonWord(toks, i - 1) || toks[i - 1]!.cap))) {
    const cause = causeAt(toks, i + 1);
    if (cause) return cause;
  }
  if (BE_FORMS.has(t.w)) return RULES.be!(toks, i, false);
  const reading = verbReading(t.w);
  if (!reading) return null;
  const rule = reading.form === "ing" ? (gerundRule(t.w) ?? ruleFor(reading.lemma)) : ruleFor(reading.lemma);
  if (!rule) return null;
  const idiom = IDIOMS_BY_VERB.get(reading.lemma)?.find((words) => words.every((word, k) => k === 0 || word === "*" || word === w(toks, i + k)));
  // The idiom's words are used up: "hit the ground running" has no run in it.
  if (idiom) return { activity: "", end: i + idiom.length };
  const use = usage(toks, i, reading, joiner);
  if (!use) return null;
  const hit = rule(toks, i, use === "noun");
  // "yesterday's hike", "after my run", "sore from the hike": a deed the sentence takes as the writer's.
  if (hit && use === "noun" && ((toks[i - 1]?.poss && PAST_TIMES.test(w(toks, i - 1))) || (/^(my|our)$/.test(w(toks, i - 1)) && /^(after|from|on|during|since)$/.test(w(toks, i - 2))) || (w(toks, i - 1) === "the" && /^(after|from)$/.test(w(toks, i - 2))))) {
    return { ...hit, presupposed: true };
  }
  return hit && use === "other" ? { ...hit, other: true } : hit;
}

interface ClauseState {
  sentence: number;
  subject: Subject;
  negated: boolean;
  irrealis: boolean;
  /** The verb (and its preposition) whose object a coordinated noun shares ("went for a sauna and cold plunge"). */
  frame: Token[] | null;
  /** What someone else did in this clause ("the baby slept through, so did I"). */
  others: string[];
}

/** Whether a clause (after "and") opens with a noun phrase that can share the previous verb. */
function sharesObject(toks: Token[]): boolean {
  if (/^(a|an|some|the|my)$/.test(w(toks, 0))) return !verbReading(w(toks, 1)) || verbReading(w(toks, 1))!.form === "base";
  // A verb of its own ("and stretch", "and swam") is a deed of its own.
  if (verbReading(w(toks, 0))) return false;
  return !!(fixedKey(toks, 0, NOUN_ACTIVITIES)?.activity || fixedKey(toks, 0, DO_OBJECTS)?.activity || fixedKey(toks, 0, PLAY_OBJECTS)?.activity);
}

/** Reads an entry's activities and the people it mentions. */
export function extractActivities(text: string): ExtractedActivities {
  const activities: string[] = [];
  /** The sentence each activity was read in. */
  const foundIn: number[] = [];
  const people: string[] = [];
  let previous: ClauseState | null = null;
  let previousWords = "";
  let listHead = false;
  let headWords = "";
  const clauses = clausesOf(text);
  // "Swimming tonight, can't wait": a sentence that looks forward makes its unfinished deeds plans.
  const ahead = new Set<number>();
  for (const c of clauses) {
    for (let j = 0; j < c.tokens.length; j++) {
      const t = c.tokens[j]!.w;
      if ((t === "not" && w(c.tokens, j + 1) === "wait" && /^(can|could)$/.test(w(c.tokens, j - 1))) || (t === "looking" && w(c.tokens, j + 1) === "forward")) ahead.add(c.sentence);
    }
  }
  // "with Jamal and Ade", "Raj and Meena went": people joined by "and" stay in one clause.
  for (let k = clauses.length - 1; k > 0; k--) {
    const here = clauses[k]!;
    const before = clauses[k - 1]!;
    if (here.sentence !== before.sentence || !/^(and|n|&)$/.test(here.joiner ?? "")) continue;
    const start = (personAt([{ w: "and", cap: false, upper: false, poss: false }, ...here.tokens], 1)?.end ?? 1) - 1;
    if (start <= 0 || (start < here.tokens.length && !/^(at|in|for|from|on|to|this|last|yesterday|today|went|came|were|are|have|had|got|both|all)$/.test(w(here.tokens, start)))) continue;
    const alone = before.tokens.length === 1 && FIRST_PERSON.has(w(before.tokens, 0));
    if (!alone && !before.tokens.some((_t, j) => personAt(before.tokens, j)?.end === before.tokens.length)) continue;
    before.tokens = [...before.tokens, { w: "and", cap: false, upper: false, poss: false }, ...here.tokens];
    clauses.splice(k, 1);
  }
  for (const clause of clauses) {
    const sameSentence = previous?.sentence === clause.sentence;
    // "Note to self: go for a walk", "To do: call the bank": what follows is a list of things to do.
    if (sameSentence && !listHead && /^(note to self|reminder|to do|todo|tomorrow|plan|plans|goals?|tasks?)$/.test(previousWords)) headWords = previousWords;
    listHead = sameSentence && (listHead || /^(note to self|reminder|to do|todo|tomorrow|plan|plans|goals?|tasks?)$/.test(previousWords));
    previousWords = clause.tokens.map((t) => t.w).join(" ");
    let toks = clause.tokens;
    peopleIn(toks, people);
    const coordinated = sameSentence && (clause.joiner === "and" || clause.joiner === "or" || clause.joiner === "n");
    // "so did I", "me too": what someone else just did, the writer did too.
    if (previous && toks.length === 2 && ((/^(so|and)$/.test(clause.joiner ?? "") && /^(did|do|have|had|was|am)$/.test(w(toks, 0)) && FIRST_PERSON.has(w(toks, 1))) || gram(toks, 0, 2) === "me too")) {
      for (const activity of previous.others)
        if (!activities.includes(activity)) {
          activities.push(activity);
          foundIn.push(clause.sentence);
        }
      continue;
    }
    // "Had a shower and a coffee": the second object shares the first one's verb.
    if (coordinated && previous?.frame && sharesObject(toks)) toks = [...previous.frame, ...toks];
    const ownSubject = clauseSubject(toks);
    const inherits = coordinated && ownSubject === null && !toks.some((t) => t.w === "instead" || t.w === "anyway");
    const state: ClauseState = {
      sentence: clause.sentence,
      subject: ownSubject ?? (sameSentence && previous ? previous.subject : "first"),
      negated: inherits && !!previous?.negated,
      irrealis: inherits && !!previous?.irrealis,
      frame: null,
      others: [],
    };
    const record = (hit: Hit, start: number) => {
      // "Note to self: go for a walk", "To do: call the bank": a list of things to do, not deeds. (A bare
      // verb opening a sentence is read as done: diaries drop "I", and suggestions are read as deeds.)
      if (start === 0 && clause.joiner === null && listHead && hit !== fragment && verbReading(w(toks, 0))?.form === "base" && !toks[0]!.joined) return;
      // "Tomorrow: gym, laundry": under a heading that looks ahead, a bare name is a plan too.
      if (hit === fragment && listHead && /^(tomorrow|tmrw|plan|plans|to do|todo|goals?|note to self|reminder)$/.test(headWords)) return;
      // A cause ("sore from the hike") is the writer's unless a person is the one who felt it.
      const subject = hit.presupposed ? "first" : hit.other ? "other" : hit.cause ? (toks.slice(0, start).some((t, k) => OTHER_PRONOUNS.has(t.w) || (isPersonWord(toks, k) && !isObject(toks, k))) || (start === 0 && sameSentence && previous?.subject === "other") ? "other" : "first") : (subjectBefore(toks, start) ?? (sameSentence && previous ? previous.subject : "first"));
      if (state.irrealis || irrealisBefore(toks, start)) return;
      if (state.negated || negatedBefore(toks, start)) {
        // "Sat down with a book and didn't read a word": a deed read earlier in the sentence and then
        // denied was not done.
        for (const activity of [hit.activity, ...(hit.also ?? [])].map(canonicalActivity)) {
          const k = activities.indexOf(activity);
          if (k >= 0 && foundIn[k] === clause.sentence) {
            activities.splice(k, 1);
            foundIn.splice(k, 1);
          }
        }
        return;
      }
      if (ahead.has(clause.sentence) && verbReading(w(toks, start))?.form !== "past") return;
      // "Choir was cancelled", "the match got rained off", "the pool was shut": named, and then it did not happen.
      for (let k = hit.end; k < Math.min(toks.length, hit.end + 4); k++) if (/^(cancelled|canceled|postponed|rained|scrapped|shut|closed)$/.test(w(toks, k)) || (w(toks, k) === "called" && w(toks, k + 1) === "off")) return;
      const found = [hit.activity, ...(hit.also ?? [])].map(canonicalActivity);
      if (subject === "other") state.others.push(...found);
      else
        for (const activity of found)
          if (!activities.includes(activity)) {
            activities.push(activity);
            foundIn.push(clause.sentence);
          }
    };
    // After "after" a clause may be just its cause ("felt better after a chat with Mum").
    const fragment = clause.joiner === "after" && !verbReading(w(toks, 0)) ? causeAt(toks, 0) : clause.joiner && SUBORDINATORS.has(clause.joiner) ? null : fragmentAt(toks);
    if (fragment) record(fragment, 0);
    for (let i = fragment?.end ?? 0; i < toks.length; i++) {
      const hit = activityAt(toks, i, clause.joiner);
      if (!hit) continue;
      if (!hit.activity) {
        const lemma = verbReading(toks[i]!.w)?.lemma;
        if (!lemma || hit.end <= i + 1) continue;
        // "Had a look round and a coffee": a light verb's object that is no activity still lends its verb.
        if (LIGHT_VERBS.has(lemma)) state.frame = /^(for|to|on)$/.test(w(toks, i + 1)) ? [toks[i]!, toks[i + 1]!] : [toks[i]!];
        i = hit.end - 1;
        continue;
      }
      record(hit, i);
      if (verbReading(toks[i]!.w)) state.frame = /^(for|to|on)$/.test(w(toks, i + 1)) ? [toks[i]!, toks[i + 1]!] : [toks[i]!];
      i = Math.max(i, hit.end - 1);
    }
    state.negated ||= toks.some((t) => NEGATORS.has(t.w));
    state.irrealis ||= irrealisBefore(toks, toks.length);
    previous = state;
  }
  return { activities, people };
}
