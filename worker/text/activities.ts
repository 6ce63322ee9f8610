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
//     and habits given up, each within its clause (activity-clauses.ts); idioms that only look like
//     deeds ("ran out of");
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
import {
  ADVERBS,
  BE_FORMS,
  clauseSubject,
  FIRST_PERSON,
  irrealisBefore,
  isObject,
  negatedBefore,
  NEGATORS,
  OTHER_PRONOUNS,
  PASSIVE_AUX,
  PAST_TIMES,
  subjectBefore,
  SUBORDINATORS,
  talkedAbout,
  usage,
  w,
  type Subject,
} from "./activity-clauses.ts";
import { canonicalActivity } from "./activity-names.ts";
import { ACTIVITY_NOUNS, gram, gerundRule, LIGHT_VERBS, NOUN_ACTIVITIES, DO_OBJECTS, PLAY_OBJECTS, ruleFor, RULES, SESSION_WORDS, type Hit } from "./activity-rules.ts";
import { isPersonWord, personAt, peopleIn } from "./people.ts";
import { clausesOf, type Token } from "./tokens.ts";
import { verbReading } from "./verb-forms.ts";

export interface ExtractedActivities {
  /** Lemma phrases, in the order written, without repeats ("run", "call my sister"). */
  activities: string[];
  /** People mentioned, lower case, as written ("my sister", "sam"). */
  people: string[];
}

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
