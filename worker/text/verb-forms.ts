// Every written form of the verbs the activity extractor knows, mapped to the verb's lemma and the
// kind of form ("ran" → run, past; "swimming" → swim, -ing), so "ran", "running" and "runs" are one.

export type VerbForm = "base" | "past" | "ing" | "s";

export interface VerbReading {
  lemma: string;
  form: VerbForm;
}

/** Irregular verbs: lemma, then its past forms (simple past and participle). */
const IRREGULAR = `run ran | go been | swim swam swum | go went gone | sleep slept | draw drew drawn | write wrote written | eat ate eaten |
drink drank drunk | sing sang sung | see saw seen | meet met | ring rang rung | read read | teach taught | catch caught |
fly flew flown | ride rode ridden | drive drove driven | make made | have had | do did done | get got gotten | take took taken |
spend spent | sit sat | feed fed | build built | buy bought | fall fell fallen | hang hung | win won | lie lay lain | put put |
sew sewed sewn | bring brought | give gave given | swing swung | dig dug | sweep swept | lead led |
hold held | leave left | stand stood | wake woke woken | pay paid | throw threw thrown | send sent | lend lent |
light lit | hit hit | babysit babysat | dive dove dived | think thought | tell told | speak spoke spoken | sell sold | find found | do does | go goes | have has`;

/** Regular verbs; a trailing "+" doubles the last consonant ("jog+" → jogged, jogging). */
const REGULAR = `walk jog+ hike cycle bike dance paint sketch doodle cook bake clean tidy hoover vacuum mop dust declutter wash
garden weed plant mow water repot+ play watch listen call phone text message facetime skype hug+ cuddle visit help chat+ talk grab+
study revise code program work teach volunteer pray meditate journal stretch nap+ rest relax sunbathe stargaze camp
climb surf ski snowboard skate paddleboard kayak canoe sail fish shop+ wander stroll amble babysit pack travel scroll
answer lift train exercise shower bath bathe finish start knit+ crochet embroider iron fix repair mend look potter
skip+ cancel miss stay pull photograph film bowl paddle dip+ order attend host pick drop change empty load unload fold
scrub+ polish decorate wallpaper browse apply tutor cram+ swot+ learn blog+ rehearse perform soak snorkel sledge skateboard
rollerblade trampoline abseil forage box kickbox mark roast grill fry barbecue prune rake sow harvest trek+ ramble wade
doze snooze chill lounge quilt colour zoom unpack birdwatch practise practice host attend`;

const table = new Map<string, VerbReading>();
const add = (word: string, lemma: string, form: VerbForm) => {
  if (!table.has(word)) table.set(word, { lemma, form });
};

const VOWEL = /[aeiou]/;

function addRegular(spec: string) {
  const double = spec.endsWith("+");
  const raw = double ? spec.slice(0, -1) : spec;
  const lemma = raw;
  const stem = double ? raw + raw.at(-1) : raw;
  add(raw, lemma, "base");
  if (raw.endsWith("e")) {
    add(`${raw}d`, lemma, "past");
    add(`${raw.slice(0, -1)}ing`, lemma, "ing");
    add(`${raw}s`, lemma, "s");
  } else if (raw.endsWith("y") && !VOWEL.test(raw.at(-2) ?? "")) {
    add(`${raw.slice(0, -1)}ied`, lemma, "past");
    add(`${raw}ing`, lemma, "ing");
    add(`${raw.slice(0, -1)}ies`, lemma, "s");
  } else {
    add(`${stem}ed`, lemma, "past");
    add(`${stem}ing`, lemma, "ing");
    add(/(s|sh|ch|x|z)$/.test(raw) ? `${raw}es` : `${raw}s`, lemma, "s");
  }
}

for (const group of IRREGULAR.split("|")) {
  const [lemma, ...pasts] = group.trim().split(/\s+/);
  if (!lemma) continue;
  for (const past of pasts) add(past, lemma, past === "does" || past === "goes" || past === "has" ? "s" : "past");
}
for (const spec of REGULAR.split(/\s+/)) if (spec) addRegular(spec);
// Irregular verbs still take regular -ing and -s forms ("running", "slept" but "sleeping").
for (const [lemma, ing] of Object.entries({
  run: "running", swim: "swimming", go: "going", sleep: "sleeping", draw: "drawing", write: "writing", eat: "eating",
  drink: "drinking", sing: "singing", see: "seeing", meet: "meeting", ring: "ringing", read: "reading", teach: "teaching",
  catch: "catching", fly: "flying", ride: "riding", drive: "driving", make: "making", have: "having", do: "doing", get: "getting",
  take: "taking", spend: "spending", sit: "sitting", feed: "feeding", build: "building", buy: "buying", fall: "falling",
  hang: "hanging", win: "winning", lie: "lying", put: "putting", sew: "sewing", bring: "bringing", give: "giving", dig: "digging",
  sweep: "sweeping", lead: "leading", hold: "holding", leave: "leaving", stand: "standing", wake: "waking",
  pay: "paying", throw: "throwing", send: "sending", lend: "lending", light: "lighting", hit: "hitting", think: "thinking",
  tell: "telling", speak: "speaking", sell: "selling", find: "finding", dive: "diving",
})) {
  add(lemma, lemma, "base");
  add(ing, lemma, "ing");
  add(`${lemma}s`, lemma, "s");
}
// Spellings people type.
add("journalled", "journal", "past");
add("journalling", "journal", "ing");
add("travelled", "travel", "past");
add("travelling", "travel", "ing");
add("doomscrolled", "scroll", "past");
add("doomscrolling", "scroll", "ing");
add("facetimed", "facetime", "past");
add("gaming", "game", "ing");
add("gamed", "game", "past");

/** The verb a word is a form of, if the extractor knows it. */
export const verbReading = (word: string): VerbReading | undefined => table.get(word);
