// The journal-language concepts the local memory embedding shares between words that mean the same
// kind of thing ("harbour", "beach" and "the sea" are one place; "calm", "relaxed" and "better" one
// state), so that a search finds an entry written in other words. Written by hand for this project from
// general English; no lexicon or dataset was copied. Words are written plainly: the embedding puts
// them through the same stemming as the text (worker/memories/embedding.ts).
//
// Two-word phrases are joined by "_" ("work_out"): they count beside the words they are made of.
// A word may sit in two concepts ("walk" is exercise and being outdoors). Keep each list to words
// that, in a journal, nearly always carry that meaning.
const CONCEPTS: Record<string, string> = {
  sea: "sea seaside harbour harbor beach coast coastal shore seafront waves wave tide pier bay cove sand sandy ocean surf marina boats promenade cliffs",
  water: "river lake canal stream pond waterfall swim swimming pool",
  nature: "park woods wood forest trees tree hills hill mountain mountains countryside fields meadow garden flowers outdoors outside fresh air trail hike hiking",
  walk: "walk walked stroll wander ramble hike amble",
  exercise: "run running jog jogging gym workout exercise yoga cycle cycling bike swim pilates stretch stretching training fit fitter fitness sweat parkrun marathon work_out",
  calm: "calm calmer peaceful peace relaxed relaxing relax better settled serene quiet tranquil ease unwind unwound rested soothed soothing content still lighter",
  joy: "happy happier joy joyful delighted cheerful glad elated thrilled wonderful lovely brilliant great laughed laughing laughter smile smiled fun",
  grateful: "grateful gratitude thankful thanks appreciate appreciated blessed lucky",
  sad: "sad sadness down low blue miserable unhappy gloomy tearful cried cry crying tears heartbroken grief grieving",
  lonely: "lonely alone isolated lonesome nobody unseen loneliness invisible ignored left_out",
  anxious: "anxious anxiety nervous worried worry worrying panic panicky dread uneasy restless jittery tense",
  stress: "stress stressed stressful pressure overwhelmed swamped deadline deadlines busy hectic frantic rushed",
  angry: "angry anger furious annoyed irritated frustrated frustration livid fuming snapped resentful",
  tired: "tired exhausted drained sleepy knackered worn fatigue fatigued weary burnt burnout",
  sleep: "sleep slept insomnia awake nap bed bedtime woke dream dreams nightmare rest",
  work: "work job office boss manager colleague colleagues coworker meeting meetings deadline project shift client clients career promotion email emails",
  family: "family mum mom mother dad father parents sister brother sibling grandma grandad grandmother grandfather aunt uncle cousin son daughter kids children",
  partner: "partner boyfriend girlfriend husband wife spouse fiance date dating relationship",
  friends: "friend friends mate mates pal buddy catch neighbour neighbor",
  food: "dinner lunch breakfast brunch meal cook cooked cooking bake baked baking recipe soup pasta curry cake restaurant cafe ate eat eating",
  coffee: "coffee tea cafe latte espresso",
  home: "home house flat apartment room kitchen sofa cosy cozy",
  move: "move moving moved boxes packing unpack unpacking removal landlord lease",
  rain: "rain rainy raining storm stormy grey gray drizzle wet downpour thunder",
  sun: "sun sunny sunshine warm summer bright sunset sunrise",
  winter: "winter snow snowy cold frost frosty icy freezing",
  health: "ill sick illness flu cold fever doctor gp hospital appointment pain ache headache migraine injury medication",
  therapy: "therapy therapist counsellor counselor counselling session sessions",
  money: "money bills bill rent debt broke savings budget overdraft pay payday salary expensive afford",
  music: "music song songs sing singing guitar piano concert gig band playlist album",
  reading: "read reading book books novel chapter library poetry poem",
  creative: "paint painting draw drawing sketch art write writing journal knit knitting craft pottery",
  pet: "dog puppy cat kitten pet vet",
  travel: "travel trip holiday vacation train flight plane airport abroad journey trip hotel",
  celebration: "birthday party celebrate celebrated celebration anniversary wedding married marry christmas festival",
  achievement: "proud achievement accomplished finished passed won promotion success succeeded milestone",
  failure: "failed failure mistake messed rejected rejection",
  conflict: "argument argued row fight fought shouted yelled disagreement conflict",
  love: "love loved hug hugged cuddle kiss affection",
  morning: "morning sunrise dawn breakfast early",
  evening: "evening dusk sunset night tonight",
  study: "study studying exam exams revision revise homework essay course class lecture university school",
  screen: "phone scrolling scrolled social instagram tiktok netflix tv telly series episode binge",
  loss: "funeral died death passed grief loss miss missing anniversary",
};

const lists = Object.entries(CONCEPTS).map(([name, words]) => [name, words.split(/\s+/).filter(Boolean)] as const);

/** Every concept and its words, for the embedding to index once. */
export function conceptWords(): ReadonlyArray<readonly [string, readonly string[]]> {
  return lists;
}
