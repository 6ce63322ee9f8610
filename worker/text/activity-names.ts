// One name for each activity. Writers (and the people who label sentences) name the same deed in
// different words: "gym" and "go to the gym", "sleep in" and "lie in", "message Jess" and "text Jess".
// The extractor answers the one name below, so the graph counts one activity, and the evaluation reads
// a label through the same map, so a naming choice is never scored as a miss. Only pure naming choices
// belong here; each is listed in tests/activities/README.md ("One name per activity").

/** Other names → the name the extractor uses (the shape of tests/activities/README.md's first notes). */
const SAME: Record<string, string> = Object.assign(Object.create(null), {
  gym: "go to the gym",
  "sleep in": "lie in",
  church: "go to church",
  mass: "go to church",
  mosque: "go to the mosque",
  temple: "go to the temple",
  gurdwara: "go to the gurdwara",
  synagogue: "go to synagogue",
  therapy: "go to therapy",
  counselling: "go to therapy",
  physio: "go to physio",
  "do physio exercises": "go to physio",
  "see the doctor": "go to the doctor",
  "see the gp": "go to the doctor",
  "see the dentist": "go to the dentist",
  "do laundry": "do the laundry",
  "do the crossword": "do a crossword",
  "do a jigsaw": "do a puzzle",
  "do the jigsaw": "do a puzzle",
  "take out the bins": "take the bins out",
  iron: "do the ironing",
  vacuum: "clean",
  hoover: "clean",
  "scroll social media": "scroll my phone",
  "order takeaway": "have a takeaway",
  "order a takeaway": "have a takeaway",
  "do the school run": "school run",
  "take a test": "take an exam",
  "go to a museum": "visit a museum",
  "go to the museum": "visit a museum",
  "go to a gallery": "visit a gallery",
  "go to the cinema": "watch a film",
  choir: "sing",
  zumba: "dance",
  "spin class": "cycle",
  "ice skate": "skate",
  "grocery shop": "shop",
  "repot a plant": "garden",
  "paint the room": "decorate",
  "paint the walls": "decorate",
  "breathing exercise": "do breathing exercises",
  "breathing exercises": "do breathing exercises",
  "have meetings": "have a meeting",
  "go to lectures": "go to a lecture",
  "do my taxes": "do paperwork",
  "get vaccinated": "get a vaccine",
  "have an eye test": "go to the optician",
  "go to the office": "work",
  "video call": "call",
  "meal prep": "cook",
  exercise: "work out",
  jog: "run",
  fly: "travel",
  "pick blackberries": "forage",
  "mark essays": "mark",
  "empty the dishwasher": "do the dishes",
  "load the dishwasher": "do the dishes",
  "write christmas cards": "write cards",
  // Names that start with a verb read as a verb when a reply says them ("having a driving lesson").
  "driving lesson": "have a driving lesson",
  "litter pick": "pick litter",
});

/**
 * The same deed named with a light verb or a longer phrase ("have a bath", "go swimming", "do yoga",
 * "watch the telly"): the short name. Read before SAME, whose names these then reach.
 */
const WORDIER: Record<string, string> = Object.assign(Object.create(null), {
  "have a bath": "bath", "take a bath": "bath", "have a soak": "bath", "have a shower": "shower", "take a shower": "shower",
  "have a nap": "nap", "take a nap": "nap", "have a swim": "swim", "go for a swim": "swim", "go swimming": "swim", "go for a dip": "swim",
  "go for a walk": "walk", "take a walk": "walk", "go walking": "walk", "go for a stroll": "walk", "go for a wander": "walk",
  "go for a run": "run", "go running": "run", "go for a jog": "run", "go jogging": "run", "go for a hike": "hike", "go hiking": "hike",
  "go cycling": "cycle", "go for a bike ride": "cycle", "go for a ride": "cycle", "ride a bike": "cycle", "ride my bike": "cycle", "bike": "cycle",
  "go shopping": "shop", "do the shopping": "shop", "do the food shop": "shop", "do the weekly shop": "shop", "do the big shop": "shop", "go to the shops": "shop",
  "go climbing": "climb", "go fishing": "fish", "go camping": "camp", "go skiing": "ski", "go skating": "skate", "go dancing": "dance", "go surfing": "surf",
  "go for a drive": "drive", "go sailing": "sail", "go kayaking": "kayak",
  "do yoga": "yoga", "do some yoga": "yoga", "go to yoga": "yoga", "do pilates": "pilates", "go to pilates": "pilates",
  "do some gardening": "garden", "do the gardening": "garden", "do gardening": "garden", "do some baking": "bake", "do the cooking": "cook",
  "do the cleaning": "clean", "do the hoovering": "clean", "do the housework": "clean", "clean the house": "clean", "clean up": "clean",
  "do the washing up": "do the dishes", "wash up": "do the dishes", "wash the dishes": "do the dishes", "do the washing": "do the laundry",
  "do a workout": "work out", "do exercise": "work out", "exercise": "work out", "do my homework": "do homework",
  "play the guitar": "play guitar", "play the piano": "play piano", "play the drums": "play drums", "play the violin": "play violin", "play the ukulele": "play ukulele",
  "play computer games": "play video games", "play games": "play video games", "play a board game": "play board games",
  "watch television": "watch tv", "watch the telly": "watch tv", "watch telly": "watch tv", "watch the tv": "watch tv", "watch netflix": "watch tv",
  "watch a movie": "watch a film", "watch films": "watch a film", "watch movies": "watch a film", "watch a film at the cinema": "watch a film",
  "read a book": "read", "write in my journal": "journal", "write in my diary": "journal",
  "cook dinner": "cook", "make dinner": "cook", "cook a meal": "cook", "bake a cake": "bake", "bake bread": "bake",
  "eat lunch": "have lunch", "eat breakfast": "have breakfast", "eat dinner": "have dinner",
  "have a coffee": "drink coffee", "have coffee": "drink coffee", "have a cup of coffee": "drink coffee", "have a cup of tea": "drink tea", "have a cuppa": "drink tea",
  "have a glass of wine": "drink wine", "have a beer": "drink beer", "have a pint": "drink beer", "get a takeaway": "have a takeaway",
  "go to sleep": "sleep", "go to bed": "sleep", "get some sleep": "sleep", "have an early night": "sleep", "have a lie in": "lie in", "have a lie-in": "lie in",
  "tidy up": "tidy", "walk to work": "walk", "have a meditation": "meditate", "do meditation": "meditate", "do a meditation": "meditate",
  "go to the gym": "go to the gym", "hit the gym": "go to the gym",
});

/** Groups named by a relation lose "my" in an activity: "saw my friends" is `see friends`. */
const GROUP = /^(my|our) (friends|mates|pals|family|girls|boys|lads|guys)$/;

/** Verb phrases whose person is named in another shape: the rule and what it becomes. */
const SHAPES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(phone|ring|facetime|skype|zoom|whatsapp) (.+)$/, (m) => `call ${m[2]}`],
  [/^(catch up with|meet up with|hang out with|meet with) (.+)$/, (m) => `see ${m[2]}`],
  [/^video call (.+)$/, (m) => `call ${m[1]}`],
  [/^message (.+)$/, (m) => `text ${m[1]}`],
  [/^meet (.+)$/, (m) => `see ${m[1]}`],
  [/^(talk|chat) (to|with) .+$/, () => "talk"],
  [/^write to .+$/, () => "write a letter"],
  [/^read to .+$/, () => "read"],
  [/^help .+ with (his |her |their |my )?homework$/, () => "help with homework"],
  [/^visit .+'s grave$/, () => "visit a grave"],
];

const named = new Map<string, string>();

/** The one name of an activity (a label read from text or written by a person). */
export function canonicalActivity(label: string): string {
  let known = named.get(label);
  if (known === undefined) {
    known = nameOf(label);
    if (named.size > 2000) named.clear();
    named.set(label, known);
  }
  return known;
}

function nameOf(label: string): string {
  let a = label.trim().toLowerCase().replace(/\s+/g, " ");
  for (const [pattern, shape] of SHAPES) {
    const m = a.match(pattern);
    if (m) {
      a = shape(m);
      break;
    }
  }
  a = WORDIER[a] ?? a;
  const see = a.match(/^see (.+)$/);
  if (see && GROUP.test(see[1]!)) a = `see ${see[1]!.replace(/^(my|our) /, "")}`;
  return SAME[a] ?? a;
}
