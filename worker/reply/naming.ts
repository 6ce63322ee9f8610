// How a reply says back what the person wrote: "my sister" becomes "your sister", the activity `run`
// becomes "the run" (this entry) or "a run" (history), `call my sister` becomes "calling your sister".
// The activity lemmas come from worker/text/activities.ts; its verb table is the source of -ing forms.
import { verbReading } from "../text/verb-forms.ts";

/** First person to second person, word by word ("my sister" → "your sister", "myself" → "yourself"). */
const SECOND_PERSON: Record<string, string> = { my: "your", our: "your", me: "you", i: "you", myself: "yourself", ourselves: "yourselves", us: "you", mine: "yours" };

export function toSecondPerson(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => SECOND_PERSON[w] ?? w)
    .join(" ");
}

const capitalise = (w: string) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w);

/** Relations used as names ("Mum", "Grandad"): written with a capital, as a name. */
const BARE_RELATIONS = new Set("mum mom mam mummy mommy dad daddy grandma grandad granddad grandpa gran nan nana nanna granny".split(" "));
const DETERMINED = /^(my|our|his|her|their|your|the|a|an)\s/;

/** A person as the reply names them: "your sister", "the kids", "Mum", "Sam", "Dr Patel". */
export function personPhrase(person: string): string {
  const p = person.trim().toLowerCase();
  if (DETERMINED.test(p)) return toSecondPerson(p);
  if (BARE_RELATIONS.has(p)) return capitalise(p);
  return p.split(" ").map(capitalise).join(" ");
}

/** "your sister's", "Sam's", "the kids'". */
export const possessive = (phrase: string) => (/s$/.test(phrase) && !/^[A-Z]/.test(phrase) ? `${phrase}'` : `${phrase}'s`);

/** Activities that read as a noun with an article ("the run", "a swim"). */
const NOUN_ACTIVITIES = new Set(["run", "walk", "jog", "swim", "dip", "hike", "nap", "bath", "shower", "paddle", "stroll", "drive", "bike ride", "spin class", "face mask", "video call", "school run", "meal prep"]);
/** Activities that read as they are, with no article ("yoga", "tai chi"). */
const MASS_ACTIVITIES = new Set(["yoga", "pilates", "zumba", "tai chi", "sleep", "rest"]);

/** -ing forms the spelling rules below get wrong (British spellings, a "k" after "c"). */
const IRREGULAR_ING: Record<string, string> = { travel: "travelling", panic: "panicking", picnic: "picnicking", model: "modelling", be: "being", see: "seeing" };

/**
 * The -ing form of a verb lemma, by the spelling rules ("lie" → "lying", "bake" → "baking", a short
 * verb ending consonant-vowel-consonant doubles: "run" → "running"). The extractor's verb table
 * (worker/text/verb-forms.ts) reads forms, it does not write them.
 */
export function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR_ING[v]) return IRREGULAR_ING[v];
  if (v.endsWith("ie")) return `${v.slice(0, -2)}ying`;
  if (/(?:ee|oe|ye)$/.test(v)) return `${v}ing`;
  if (v.endsWith("e") && v.length > 2) return `${v.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v)) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

/**
 * An activity as a noun phrase. `article` is "the" for what this entry says ("the run") and "a" for
 * what the person's history says ("a run helped"). Verb phrases become -ing phrases in the second
 * person ("calling your sister"); anything the verb table does not know is quoted as written.
 */
export function activityPhrase(activity: string, article: "the" | "a"): string {
  const a = activity.trim().toLowerCase();
  if (NOUN_ACTIVITIES.has(a)) return `${article} ${a}`;
  if (MASS_ACTIVITIES.has(a)) return a;
  const [first = "", ...rest] = a.split(" ");
  if (verbReading(first)) return toSecondPerson([gerund(first), ...rest].join(" "));
  return `\u201C${a}\u201D`;
}

export const capitaliseFirst = capitalise;
