// The safety screen's word lists, as data: slang and typos spelled out before matching, negators,
// who a sentence can be about, word families for the model, and the rules for stories of the past.
// The patterns themselves are in patterns.ts.

export type SafetyLevel = "none" | "concern" | "crisis";

/** Words and slang rewritten before matching, so that patterns are written once. */
export const REWRITES = new Map<string, string>([
  // Slang for suicide and self-harm that people use to get past filters or out of habit.
  ["kms", "kill myself"],
  ["kmsl", "laughing"], // "kill myself laughing": a joke, not a plan
  ["unaliving", "killing"],
  ["unalived", "killed"],
  ["sewerslide", "suicide"],
  ["suicided", "suicide"],
  ["selfharm", "self harm"],
  ["selfharming", "self harming"],
  ["myslef", "myself"],
  ["mysef", "myself"],
  ["meself", "myself"],
  ["kil", "kill"],
  ["kiling", "killing"],
  ["wanna", "want to"],
  ["wana", "want to"],
  ["wanted2", "wanted to"],
  ["want2", "want to"],
  ["gonna", "going to"],
  ["gona", "going to"],
  ["tryna", "trying to"],
  ["imma", "im going to"],
  ["ima", "im going to"],
  ["gotta", "got to"],
  ["idk", "i dont know"],
  ["idc", "i dont care"],
  ["ppl", "people"],

  ["ur", "your"],
  ["r", "are"],
  ["rn", "right now"],
  ["anymor", "anymore"],
  ["anymre", "anymore"],
  ["alvie", "alive"],
  ["aliv", "alive"],
  ["exsist", "exist"],
  ["exsit", "exist"],
  ["exisit", "exist"],
  ["becuase", "because"],
  ["cuz", "because"],
  ["bc", "because"],
  ["w", "with"],
  ["pils", "pills"],
  ["tabs", "tablets"],
  ["od", "overdose"],
  ["oding", "overdosing"],
  ["abt", "about"],
  ["bout", "about"],
  ["agen", "again"],
  ["agian", "again"],
  ["nite", "night"],
  ["tonite", "tonight"],
  ["yeet", "throw"],
  ["yeeting", "throwing"],
  ["havnt", "havent"],
  // Dropped final g in fast writing: "thinkin bout killin myself".
  ["thinkin", "thinking"],
  ["killin", "killing"],
  ["tryin", "trying"],
  ["goin", "going"],
  ["feelin", "feeling"],
  ["doin", "doing"],
  ["nothin", "nothing"],
  ["cuttin", "cutting"],
  ["hurtin", "hurting"],
  ["livin", "living"],
  ["dyin", "dying"],
  ["wantin", "wanting"],
  ["endin", "ending"],
  ["ded", "dead"],
  ["cutt", "cut"],
  ["sory", "sorry"],
  ["evryone", "everyone"],
  ["enuf", "enough"],
  ["u", "you"],
  ["b", "be"],
  ["anymoar", "anymore"],
  ["wnat", "want"],
  ["cuting", "cutting"],
  ["sui", "suicidal"],
  ["ctb", "kill myself"], // "catch the bus": forum slang for suicide
  ["unalive", "kill myself"],
]);

/** Key words whose typos are caught by edit distance rather than listed one by one. */
export const FUZZY_TARGETS: { word: string; minLength: number; maxEdits: number }[] = [
  // "sucide", "suicde", "suiside", "suacide": one slip of the finger. Two would reach "subside".
  { word: "suicide", minLength: 6, maxEdits: 1 },
  // "sucidal", "suicidel", "suisidal", "sucidial": nothing else in English lies this close.
  { word: "suicidal", minLength: 7, maxEdits: 2 },
];


/**
 * Words that open a sentence part of their own: a negation or a subject before them does not
 * reach a phrase after them ("I'm not okay and I want to die").
 */
export const CLAUSE_BREAKS = new Set(["but", "and", "because", "so", "though", "although", "yet", "except", "or", "then", "cause", "since", "when", "if", "while"]);

/** Words that negate what follows them within a few words. */
export const NEGATORS = new Set([
  "not",
  "never",
  "no",
  "dont",
  "doesnt",
  "didnt",
  "wont",
  "wouldnt",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "cant",
  "cannot",
  "couldnt",
  "shouldnt",
  "aint",
  "nor",
  "neither",
  "hardly",
  "havent",
  "hasnt",
  "hadnt",
]);

/** A negator followed by one of these does not negate: "I can't stop thinking about…". */
export const NEGATION_REVERSERS = new Set(["stop", "help", "shake", "stand", "bear", "resist", "escape", "get", "seem", "wait", "anymore", "longer"]);

/** How many words before a phrase a negator may stand and still negate it ("I'm really not …"). */
export const NEGATION_WINDOW = 4;
/** How far back the screen looks for who the sentence is about. */
export const SUBJECT_WINDOW = 12;

/** Words that make the speaker the subject. "we" counts: the writer is one of them. */
export const FIRST_PERSON = new Set(["i", "im", "ive", "id", "me", "myself", "we", "us"]);
/** Possessives do not decide who the subject is ("someone in my class overdosed"): the walk goes on past them. */
export const POSSESSIVES = new Set(["my", "our", "mine", "his", "her", "their", "your"]);

/**
 * Words that make someone else the subject: other people's struggles, told as news, worry or grief,
 * are not the writer's crisis ("my brother attempted suicide in 2019", "she wants to die").
 */
export const OTHER_PERSON = new Set([
  "he", "she", "they", "hes", "shes", "theyre", "theyve", "hed", "shed", "theyd", "him", "them", "hers",
  "theirs", "you", "youre", "someone", "somebody", "anyone", "people", "person", "friend", "friends", "mom", "mum", "mother",
  "mam", "dad", "father", "brother", "sister", "son", "daughter", "uncle", "aunt", "auntie", "cousin", "grandma", "grandpa",
  "grandmother", "grandfather", "nan", "nana", "grandad", "granddad", "wife", "husband", "partner", "boyfriend", "girlfriend",
  "bf", "gf", "ex", "colleague", "coworker", "boss", "manager", "student", "students", "client", "clients", "patient", "patients",
  "kid", "kids", "child", "children", "teen", "teens", "teenager", "teenagers", "character", "characters", "guy", "girl", "man",
  "woman", "neighbour", "neighbor", "roommate", "flatmate", "classmate", "teacher", "coach", "player", "singer", "actor",
  "author", "veteran", "veterans", "soldier", "niece", "nephew", "stepdad", "stepmom", "stepmum", "baby", "toddler", "dog",
  "cat", "puppy", "team", "company", "character", "protagonist", "narrator", "victim", "victims", "caller", "callers",
  "member", "members", "survivor", "survivors", "celebrity", "lad", "lads", "lass", "boy", "boys", "girls", "bloke", "mate",
  "mates", "neighbours", "neighbors", "gran", "granny", "grandson", "granddaughter", "hubby", "pupil", "pupils", "lecturer",
  "doctor", "nurse", "officer", "colleagues", "coworkers", "uncles", "aunts", "parents", "siblings", "twin", "fiance", "fiancee",
]);

/**
 * Things that can be the subject of "felt empty" or "is hopeless" without it being said of the
 * writer: "the house felt empty", "it was hopeless".
 */
export const THING_SUBJECTS = new Set([
  "house", "flat", "apartment", "room", "place", "office", "street", "town", "city", "party", "fridge",
  "inbox", "schedule", "week", "weekend", "evening", "morning", "afternoon", "bed", "car", "bus", "train", "station", "shop",
  "restaurant", "stadium", "church", "school", "classroom", "garden", "park", "beach", "road", "diary", "calendar", "situation",
  "traffic", "game", "film", "movie", "book", "show", "wifi", "printer",
]);

/**
 * A reported question ("the GP asked if I'd had thoughts of ending my life") answered no is not
 * the writer's crisis; the answer has to be there, after the question.
 */
export const QUESTIONED = "\\b(?:asked|asks|asking|ask)\\b|\\b(?:form|questionnaire|survey|screening|questions?|check in|check-in)\\b";
export const ANSWERED_NO = "\\b(?:no|not at all|none|never|nope|ticked no|said no|answered no|zero|a zero)\\b";

/**
 * Word families the model reads as concepts as well as words, so that what it learns from "pills"
 * carries to "tablets" and from "tonight" to "tomorrow". A crisis is usually a pairing: the self, a
 * death or harm word, a wish or plan, finality; the model sees which families meet in a sentence.
 */
export const CONCEPTS: Record<string, string[]> = {
  self: ["i", "im", "ive", "id", "me", "myself", "my"],
  other: ["he", "she", "they", "hes", "shes", "theyre", "his", "her", "their", "friend", "mum", "mom", "dad", "brother", "sister", "someone", "character", "people"],
  death: ["die", "died", "dying", "dead", "death", "alive", "live", "living", "exist", "existing", "existence", "suicide", "suicidal", "kill", "killing", "killed", "funeral", "grave", "gone", "life", "breathe", "wake", "woke", "born"],
  harm: ["cut", "cutting", "cuts", "burn", "burning", "blade", "blades", "razor", "bleed", "bleeding", "blood", "scars", "marks", "hurt", "hurting", "harm", "bruises", "wounds", "starve", "starving", "purge", "sick"],
  means: ["pills", "tablets", "meds", "medication", "overdose", "paracetamol", "insulin", "rope", "noose", "knot", "belt", "gun", "shotgun", "pistol", "bridge", "jump", "edge", "ledge", "roof", "balcony", "platform", "train", "tracks", "traffic", "motorway", "river", "sea", "drown", "hang", "fall", "height", "floor", "car", "swerve", "crash"],
  wish: ["want", "wanted", "wish", "hope", "hoping", "pray", "praying", "ready", "need", "longing", "tempted", "urge", "urges", "rather", "deserve"],
  plan: ["plan", "planned", "planning", "decided", "decision", "going", "gonna", "will", "tonight", "tomorrow", "soon", "weekend", "friday", "date", "spot", "method", "researching", "googled", "looked", "practising", "tested", "checked", "arranged", "arrangements", "sorted", "letters", "note"],
  final: ["last", "final", "goodbye", "bye", "forever", "permanently", "anymore", "longer", "over", "end", "ending", "done", "never", "again", "after", "away", "leave", "leaving", "gave", "giving"],
  burden: ["burden", "better", "without", "easier", "relieved", "weight", "drain", "problem", "fault", "sorry"],
  despair: ["hopeless", "pointless", "point", "empty", "numb", "hollow", "nothing", "matters", "tired", "exhausted", "trapped", "worthless", "ghost", "shell", "cant", "give", "up"],
  ordinary: ["lol", "haha", "literally", "joking", "kidding", "game", "film", "movie", "episode", "song", "book", "work", "meeting", "exam", "deadline", "class", "gym", "dinner", "recipe", "news", "documentary", "volunteer", "training", "prevention", "awareness"],
  negation: ["not", "never", "no", "dont", "didnt", "wont", "wouldnt", "isnt", "wasnt", "havent", "hasnt", "cant", "cannot", "nothing", "nobody"],
};

/**
 * A sentence that tells of the past ("clean for two years", "when I was sixteen") and not of a
 * return: a crisis phrase there reads as concern, since the person is telling their story.
 */
export const HISTORY =
  "\\b(?:used to|years ago|months ago|in the past|when i was (?:\\d{1,2}|younger|a teen|a teenager|a kid|in (?:school|college|high school|uni))|as a (?:teen|teenager|kid)|clean (?:for|since)|been clean|recovered|in recovery|back then|at (?:sixteen|fifteen|seventeen|fourteen|thirteen|eighteen|nineteen)|survived|younger me|this time last year|last year|since i tried|teenage|in high school|hospitali[sz]ed|(?:self harm|harm) free|free (?:from|of) (?:self harm|cutting)|(?:days|weeks|months|years) (?:clean|free|sober))\\b";
/** A story of the past that ends well ("five years clean today and proud") is not a crisis at all. */
export const RECOVERED =
  "\\b(?:clean|free|sober|recovered|proud|glad (?:im|i am) still here|so glad|graduated|my story|gets better|it got better|im \\d{1,2} now|now im|wedding|half marathon)\\b";

/** …unless the sentence says it is back ("the thoughts are back", "again tonight"). */
export const RETURNING = "\\b(?:again|are back|is back|its back|came back|coming back|returning|relaps\\w*|(?:urge|urges|thoughts?) (?:is|are|has|have) (?:back|returned))\\b";
