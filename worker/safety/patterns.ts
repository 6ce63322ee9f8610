// The safety screen's patterns, as data: what each one catches, the words it is anchored on, the
// guards that keep ordinary uses out, and why it exists. Patterns are regular expressions over the
// normal form made by normalise.ts (lower case, apostrophes dropped: "dont", "im"; slang spelled out;
// one sentence at a time). When a phrasing is missed or misread, the fix belongs here, with a line in
// the evaluation phrasings.
import type { SafetyLevel } from "./vocabulary.ts";

/** Adverbs that may sit between words of a phrase: "I just really want to die". */
const ADV =
  "(?:(?:really|just|honestly|seriously|actually|literally|truly|sometimes|often|kinda|kind of|sort of|so|even|still|simply|genuinely|fucking|fking|fkn|freaking|frankly|almost|probably|maybe|definitely|totally|completely|all|quite|very|now|again|finally|ever|low key|lowkey|secretly|badly|desperately) )*";
/** Verbs of wanting, planning or being about to: what turns a word into an intention. */
const WANT =
  "(?:want|wants|wanted|wanting|need|needed|wish|wished|wishing|ready|deserve|deserved|hope|hoping|longing|begging|praying|pray|plan|planning|planned|decided|trying|tried|try|tempted|would like|like|rather)";
const SELF = "(?:myself|my self|my own self)";
const PILLS =
  "(?:pills|tablets|meds|medication|medicine|sleeping pills|sleeping tablets|heart tablets|heart pills|painkillers|pain meds|paracetamol|tylenol|ibuprofen|aspirin|antidepressants|insulin|xanax|oxy|oxycodone|opioids|tramadol|codeine|co codamol|cocodamol|amitriptyline|morphine|sertraline|fluoxetine|citalopram|diazepam|lithium|benzos|prescription)";
const FAMILY =
  "(?:mum|mom|mam|mother|dad|father|family|sister|brother|kids|son|daughter|wife|husband|partner|friends|everyone|them|him|her|my \\w+)";

/** A sentence that talks about help, a film or statistics mentions suicide without being about the writer. */
const MEDIA =
  "\\b(?:prevention|awareness|hotline|helpline|lifeline|crisis line|crisis text|samaritans|documentary|film|movie|show|series|book|novel|article|podcast|training|course|workshop|statistics|rates?|research|study|squad|bomber|bombing|volunteer\\w*|fundraiser|charity|memorial|song|lyrics|episode|essay|lecture|seminar|policy|news|headline|campaign|talk about|talking about|talked about|conversation about|survivors? of)\\b";
const ACCIDENT =
  "\\b(?:accident\\w*|hike|bramble|brambles|thorn|thorns|nettles?|branch|fence|rose bush|chef|knife skills|nick|julienne|shaving|shave|chopping|chop|slicing|slice|cooking|kitchen|knife slipped|paper|can of|tin|glass|stove|oven|iron|pan|kettle|curling|gym|workout|exercise|training|playing|football|soccer|rugby|skiing|skating|hiking|climbing|fell|fall|falling|slipped|tripped|stairs|ice|running|lifting|bike|cycling|garden|gardening|hedge|saw|drill|diy|tool|nail|splinter|mosquito|bites|itch\\w*|eczema|rash)\\b";

/** Named parts that patterns share, written {ADV}, {WANT}, … in a pattern. */
export const FRAGMENTS: Record<string, string> = { ADV, WANT, SELF, PILLS, FAMILY, MEDIA, ACCIDENT };

export interface SafetyPattern {
  id: string;
  level: Exclude<SafetyLevel, "none">;
  /** Words of the normal form of which a sentence must hold at least one for the pattern to be tried (cheap). */
  anchors: string[];
  /** Regular-expression source over a normalised sentence; {ADV}, {WANT}, {SELF}, {PILLS}, {FAMILY}, {MEDIA}, {ACCIDENT} expand. */
  pattern: string;
  /**
   * "inherent": the phrase names the writer ("kill myself"); "subject": it holds only when the
   * writer is its subject, not someone else ("she wants to die"); "explicit": the writer must be
   * named in the sentence ("Overdose." after a line about a friend is the friend's).
   */
  self: "inherent" | "subject" | "explicit";
  /** Whether a negator just before it cancels it ("I'm not suicidal"). */
  negatable: boolean;
  /** A sentence matching this is an ordinary use of the same words ("my fingers are numb from the cold"). */
  unless?: string;
  /** Whether `unless` is tested against the whole entry rather than the sentence (a leaving party named earlier). */
  unlessInEntry?: boolean;
  /** The pattern only counts in a sentence that also matches this ("wanted to jump" with a bridge in it). */
  requires?: string;
  /** Why the pattern exists: what it catches, and what it must not. */
  why: string;
}

export const PATTERNS: SafetyPattern[] = [
  // ---- crisis: suicidal thoughts and intent -------------------------------------------------
  {
    id: "kill-self",
    level: "crisis",
    anchors: ["myself", "self", "log", "logging", "signing", "alt", "irl", "respawn", "sleep", "less", "bullet", "life"],
    pattern:
      "\\b(?:kill+|killing|killed|kills|murder|off|offing|top|topping|neck|necking|do|doing|end|ending|hang|hanging|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning|suffocate|strangle|electrocute|overdose|remove|removing|delete|deleting|erase|erasing) {SELF}\\b(?!(?: \\w+)? (?:from (?:the )?(?:group|chat|list|team|thread|situation|conversation|equation of the meeting)))(?<!\\bdo(?:ing)? {SELF}(?! in\\b))(?<!\\btop(?:ping)? {SELF}(?! (?:off|tonight|now|soon)\\b|$))|\\bself (?:delete|deleting|deletion|destruct)\\b|\\b(?:log|logging|sign|signing) off (?:permanently|for good|forever|from life)\\b|\\balt f4\\b|\\bgame over irl\\b|\\bno respawn\\b|\\bthe big sleep\\b|\\bone less me\\b|\\bwant (?:me|myself) to (?:stop|end|die|disappear)\\b|\\b(?:eat|eating|ate) (?:a|the) bullet\\b|\\bcheck(?:ing)? out early\\b|\\bend (?:your|ones) (?:own )?life\\b",
    self: "inherent",
    negatable: true,
    // Hyperbole and idiom: killing yourself at work or laughing, nearly killing yourself lifting a pot.
    unless:
      "\\b(?:killing {SELF} (?:at|over|with|on|to (?:get|finish|meet|make|keep|pass)|trying|working|studying|training|for (?:work|this|that|them|nothing))|kill+ {SELF} (?:laughing|for (?:forgetting|not|being|that|missing|saying|doing|eating|buying|letting|leaving))|(?:nearly|almost|practically) kill+(?:ed)? {SELF}|shoot {SELF} in the foot|(?:meeting|traffic|queue|homework|lecture|call|hold music|spreadsheet|budget)\\b.*\\bshoot {SELF}|shoot {SELF}\\b.*\\b(?:lol|haha|lmao)|laughing|(?:remove|removing|delete|deleting|erase|erasing) {SELF} from (?:the )?(?:group|chat|list|team|thread|mailing|app|situation|whatsapp|server))\\b",
    why: "Naming the act against oneself is the clearest sign there is, in any tense or mood.",
  },
  {
    id: "end-life",
    level: "crisis",
    anchors: ["life", "end", "ending", "ended", "existence", "suffering"],
    pattern: "\\b(?:end|ending|ended|take|taking|took|finish) (?:my|my own) life\\b|\\bend it all\\b|\\bend (?:my|this) (?:existence|suffering)\\b",
    self: "subject",
    negatable: true,
    why: "Ending one's life in the common words ('end it all', 'take my own life').",
  },
  {
    id: "end-it",
    level: "crisis",
    anchors: ["end", "ending", "ended"],
    pattern:
      "\\bend(?:ing)? (?:it|everything|things) (?:all|tonight|today|now|for good|forever|soon|once and for all)\\b|\\b(?:then|and then|just|to|going to|will|could|should|might|want to|before i|when i|if i|once i|ready to|decided to|plan to|planning to|gonna|about|finally|im) {ADV}(?:end|ended|ending) (?:it|things|everything)\\b(?! (?:with|between|there|here at|for (?:him|her|them|us)|off))",
    self: "subject",
    negatable: true,
    unless: "\\b(?:relationship|boyfriend|girlfriend|husband|wife|partner|marriage|engagement|contract|subscription|lease|friendship|call|meeting|conversation|argument|fight|affair|situationship|dating|date|him|her|them|job|diet|project|season|series|book|chapter|game|match|shift|day|week)\\b",
    why: "'End it' and 'end things' mean ending one's life unless a relationship, a job or a call is what ends.",
  },
  {
    id: "suicide-act",
    level: "crisis",
    anchors: ["suicide", "sewer"],
    pattern:
      "\\b(?:commit|commits|committing|commited|committed|attempt|attempting|attempted|try|tried|trying|consider|considering|considered|contemplat\\w*|thinking about|thinking of|thought about|thought of|thoughts of|think about|planning|planned|plan|about to|do|doing|resort to|resorting to|my) suicide\\b|\\bsuicide (?:attempt|note|plan|letter|method)s?\\b|\\bsewer slide\\b|\\bsuicide (?:is|keeps|has been|was) (?:all i think about|on my mind|in my head|the only|my only|the answer|an option|a normal option|popping|creeping|tempting)|\\b(?:close|near) (?:i came )?to (?:suicide|killing myself|ending it|ending my life)\\b|\\bgo through with suicide\\b",
    self: "subject",
    negatable: true,
    unless: "{MEDIA}",
    why: "Suicide named as something the writer considers, plans or attempted (not someone else's, not a film or a campaign).",
  },
  {
    id: "suicidal",
    level: "crisis",
    anchors: ["suicidal"],
    pattern: "\\bsuicidal\\b(?! (?:teens?|people|patients?|clients?|friends?|characters?|person|callers?|youth|men|women|kids|students?))",
    self: "subject",
    negatable: true,
    unless: "{MEDIA}",
    why: "Feeling suicidal, stated of oneself.",
  },
  {
    id: "want-die",
    level: "crisis",
    anchors: ["die", "dying", "death", "dead"],
    pattern:
      "\\b{WANT} {ADV}to {ADV}die\\b(?! (?:of|from|laughing|laughter|than|on this hill|a little|inside))|\\bi (?:should|will) {ADV}die\\b(?= (?:now|tonight|today|and|so|already)|$)|\\b(?:think|thinking|thought|thoughts) (?:about|of) (?:dying|being dead|not being alive|not existing|not being here|my (?:own )?death)\\b|\\bbetter if i (?:die|died|was dead|were dead|just died)\\b|\\bim going to die\\b(?! (?:of|if|from|laughing|when|before|alone|old|happy|eventually|one day|someday))|\\b(?:fantasi[sz]\\w*|dream\\w*|longing) (?:about|of) (?:my own death|my death|dying|being dead)\\b|\\bdeath would be (?:such )?(?:a |an )?(?:relief|release|mercy|welcome|easier|blessing|gift)\\b|\\blooking forward to (?:dying|death|being dead|it all ending)\\b|\\bnot (?:scared|afraid) of (?:dying|death) anymore\\b|\\ball i (?:want|wanna) (?:is )?(?:to )?(?:do is )?die\\b|\\b(?:cant|cannot) i (?:just )?die\\b|\\bjust die already\\b|\\b(?:then|and then) (?:i can|ill|i will) (?:finally )?die\\b",
    self: "subject",
    negatable: true,
    unless: "\\b(?:going to die (?:of|if)|die (?:of|from) (?:embarrassment|boredom|laughter|cringe|shame|happiness))\\b",
    why: "Wanting to die, hoping to, deserving to, or thinking about being dead: in plain words.",
  },
  {
    id: "be-dead",
    level: "crisis",
    anchors: ["dead", "died", "die", "born", "exist", "existed", "alive", "being", "feet", "funeral", "join", "existing", "rest", "forever", "stop"],
    pattern:
      "\\b(?:better off|rather be|{WANT} {ADV}(?:to )?be|wish i (?:was|were)|should be|deserve to be|would be|id be|want me|if i (?:was|were)|when im|after im|once im) {ADV}dead\\b|\\bwish (?:i|id) (?:was|were|had|could|d)? ?{ADV}(?:died|die|never (?:been born|born|existed|woken up|woke up)|not (?:been born|born|exist)|undo being (?:alive|born))\\b|\\bwish i (?:didnt|did not|wouldnt) exist\\b|\\b(?:stop|quit|undo) being alive\\b|\\b(?:is|imagine|imagining|picture|picturing|about|of|for|like) being dead\\b|\\b(?:me|i was|im|i am|i were) six feet under\\b|\\bme not (?:existing|being here|being alive|being around)\\b|\\bnot being (?:here|alive|around)(?= anymore| any more| for good| at all|$)|\\b(?:picture|picturing|imagine|imagining|planning|plan for|paid for|paid off) (?:the \\w+ (?:on|for) )?my (?:own )?funeral\\b|\\b(?:ready to go|time i went|go and|gone to|going to go and) (?:and )?(?:join|be with) \\w+|\\b(?:ill|i will|going to|want to) (?:join|be with) (?:her|him|them|mum|mom|dad|\\w+)\\b(?=.*\\b(?:death|died|grave|heaven|again)\\b)|\\b(?:death|died|grave|heaven)\\b.*\\b(?:ill|i will|going to|want to) (?:join|be with) (?:her|him|them)\\b|\\b(?:then|and then) (?:i can|ill|i will) (?:finally )?(?:stop|go|rest|leave|end it|be done) (?:for good|forever)\\b",
    self: "subject",
    negatable: true,
    why: "Wishing to be dead or never to have been born; picturing life after one's death.",
  },
  {
    id: "not-alive",
    level: "crisis",
    anchors: ["alive", "live", "living", "exist", "here", "wake", "breathe", "around", "earth", "world", "doubt", "shouldnt", "past", "beyond", "see", "morning", "plan", "intend", "expect", "burden", "problem", "survive", "make", "belong", "continue", "ever"],
    pattern:
      "\\b(?:dont|do not|didnt|no longer|not sure i|dont know if i|dont think i|never|not|hardly) {ADV}(?:want|wish|feel like|care|trying|planning|see (?:a |any )?(?:reason|point)) {ADV}to {ADV}(?:be alive|stay alive|live(?: anymore| any more| any longer| another day)?(?! (?:with|in|at|near|there|here|like|alone|abroad|on|off|by|for|through|under|without|together|close|far|somewhere|a|my|the))|exist|be here (?:anymore|any more|any longer)|go on living|keep living|continue living|be on this earth|be in this world|breathe anymore|be around anymore|wake up(?: (?:tomorrow|again|anymore|any more|ever))?(?! (?:early|at|for|before|so early|this early|in the morning for)))\\b|\\b(?:not|wont|will not|never) (?:going to )?be (?:alive|around|here) (?:for|by|next|at|much longer|to see|anymore|any more|this time next)\\b|\\bif i (?:wasnt|werent|was not|were not) (?:here|around|alive) (?:anymore|any more|any longer)\\b|\\b(?:dont think|doubt|do not think) (?:ill|i will|id|i would) (?:still )?be (?:alive|around|here) (?:by|for|at|next|in|much|to see)\\b|\\bwhy am i (?:still )?alive\\b|\\bi (?:shouldnt|should not) (?:still )?be (?:alive|here)\\b|\\b(?:not|wont|will not) (?:be )?(?:around|here|alive) to (?:see|watch)\\b|\\b(?:not|wont|will not|never) (?:going to )?(?:live|make it|survive|be alive) (?:past|beyond|to see)\\b|\\bwant to not (?:exist|be here|be alive|wake up)\\b|\\b(?:wont|will not|not going to) be (?:alive|around|here)(?: anymore| any more)?$|\\b(?:wont|will not|not going to) (?:see|make it to|live to see) (?:the morning|tomorrow|christmas|my birthday|next (?:week|month|year)|the new year|spring|summer|autumn|winter)\\b|\\b(?:dont|do not) (?:plan|intend|expect) (?:on|to) (?:be|being) (?:here|around|alive)\\b|\\bwont be (?:a burden|around|here|a problem)(?: to anyone)? (?:for long|much longer|soon)\\b|\\b(?:not|wont|never) (?:going to )?survive (?:this week|this weekend|the night|tonight|the year|much longer)\\b|\\b(?:dont think|doubt) (?:ill|i will) (?:see|make it to|live to see)\\b|\\b(?:dont|do not) belong (?:on this earth|in this world|here anymore)\\b|\\b(?:not|stop) (?:to )?continu\\w* (?:my|this) life\\b|\\b(?:last|final) (?:one|time|christmas|birthday|summer) (?:ill|i will|im going to) ever see\\b",
    self: "subject",
    negatable: false,
    unless: "(?<!not because of )\\b(?:trip|travel\\w*|flight|holiday|vacation|visiting|moving|move|abroad|away|office|work|shift|party|wedding|meeting|conference)\\b",
    why: "Not wanting to be alive, to exist or to wake up; not expecting to be alive by a date.",
  },
  {
    id: "not-wake-up",
    level: "crisis",
    anchors: ["wake", "woke", "waking", "sleep", "asleep", "god", "jesus", "allah", "lord", "death", "universe", "survived", "alive", "died", "swim", "swimming", "walking", "past", "wouldnt", "never", "come"],
    pattern:
      "\\b(?:hope|hoping|wish|pray|praying) (?:that )?i {ADV}(?:dont|do not|wont|will not|never|didnt|wouldnt) {ADV}(?:wake up(?! (?:before|until|till|early|at|the|anyone|everyone|my|him|her|them|in time|late))|make it (?:through|to))\\b|\\b(?:sleep|asleep) and (?:never|not) wake up\\b|\\bnever wake up (?:again|ever)\\b|\\bsleep forever\\b|\\b(?:wouldnt|would not|wont) mind (?:if i )?(?:not waking up|never waking up|dying|died|if i died|not being here|not existing)\\b|\\bif i (?:{ADV})?(?:died|didnt wake up|did not wake up|dont wake up|never woke up)\\b(?= (?:tonight|tomorrow|in my sleep)|.*\\b(?:fine|relieved|relief|okay|ok|good|better|glad)\\b)|\\b(?:disappointed|sad|upset|angry|gutted|annoyed) (?:that |to )?(?:i )?(?:woke up|wake up|am still alive|im still alive|still woke up|didnt die|survived|still here)\\b|\\b(?:god|jesus|allah|the lord|death|the universe|someone|something) (?:will |would |to |could |would just |to just )?take me\\b(?=.*\\b(?:sleep|pray|hope|wish|please|away|home|now|tonight)\\b)|\\btake me in my sleep\\b|\\bsleep (?:for good|and not come back)\\b|\\b(?:walk|swim|keep walking|keep swimming|keep going) out (?:past|until|into|to sea)\\b|\\bnot (?:to )?come back from the (?:swim|walk|sea)\\b|\\b(?:pray|praying|prayed|hope|hoping|wish|begging|beg|ask|asking)\\b.*\\b(?:god|jesus|allah|the lord|death|the universe) (?:will |would |to |could |would just |to just |just )?(?:take|come for) me\\b|\\bif i {ADV}(?:not|dont|do not|never|didnt) wake up\\b(?! (?:early|on time|in time|before|until|till))|\\b(?:and|to) (?:not|never) wake up\\b(?! (?:early|before|until|till|the))|\\bjust never get up again\\b|\\b(?:go|going|walk|drive|leave)\\b.{0,40}\\band (?:not|never) come back\\b(?! (?:for|until|till|before))",
    self: "subject",
    negatable: false,
    why: "Hoping not to wake up, or to be taken: passive wishes to die are still wishes to die.",
  },
  {
    id: "no-reason-to-live",
    level: "crisis",
    anchors: ["live", "living", "alive", "existing", "exist", "existence", "life", "point", "done", "waking", "breathing", "stay", "why"],
    pattern:
      "\\b(?:nothing|nothing left|no one|nobody|no reason|nothing else) to live for\\b|\\bno (?:reason|point|purpose) (?:to|in|for) (?:live|living|be alive|being alive|go on living|staying alive|stay alive|exist|existing|me being here|me to be here)\\b|\\b(?:whats|what is) (?:even )?the point (?:of|in) (?:living|being alive|going on|existing|staying alive|me being alive|my existence|life)\\b|\\blife (?:is not|isnt|aint|is no longer|no longer|wasnt|was never) worth (?:living|it)\\b|\\bnot worth living\\b|\\b(?:tired|sick) of (?:being alive|living|existing)\\b|\\bdone with (?:life|living|being alive|existing)\\b|\\bdone (?:living|being alive|existing)\\b|\\b(?:tired|sick) of (?:waking up|breathing)\\b(?! (?:at|early|for|to|so|before|in))|\\bno reason to stay\\b|\\b(?:why am i still|why am i even) (?:here|alive|breathing)\\b(?! (?:at|in|on|because|so late|this late|\\d))",
    self: "subject",
    negatable: true,
    why: "Seeing no reason to stay alive is suicidal thinking, even when it is phrased as a question.",
  },
  {
    id: "better-off-without-me",
    level: "crisis",
    anchors: ["without", "dead", "gone", "here", "around", "alive", "born", "died", "disappeared", "exist", "picture", "lives", "wasnt", "werent", "different", "another", "kindest", "best", "right", "deserve"],
    pattern:
      "\\b(?:better off|better|happier|easier|lighter|freer|fine) without me\\b(?! (?:on the team|at work|in the team|in the band|in the group))|\\b(?:better|easier|happier|lighter|simpler|relieved|fine|free|freer)(?: \\w+){0,3} if i (?:was|were) (?:dead|gone|not here|not around|never born)\\b|\\b(?:better|easier|happier|lighter|simpler|relieved|fine|free|freer)(?: \\w+){0,3} if i {ADV}(?:wasnt|werent|was not|were not) (?:here|around|in it|alive|in (?:the|their|his|her|your) (?:picture|lives|life)|born)\\b|\\b(?:better|easier|happier|relieved)(?: \\w+){0,3} if i (?:died|disappeared|didnt exist|had never been born)\\b|\\bbetter (?:off )?(?:when|once) im (?:gone|dead)\\b|\\bbetter off with (?:a different|another|someone else|a new) (?:mother|mum|mom|father|dad|parent|wife|husband|partner)\\b|\\bout of the picture (?:for good|permanently|forever)\\b|\\b(?:kindest|best|right) thing (?:i could do|to do|i can do|for everyone)\\b.*\\b(?:die|dying|be gone|disappear|not be here)\\b|\\bdeserve (?:a|better than) (?:mother|mum|mom|father|dad|parent|wife|husband|partner) (?:who isnt|than) me\\b",
    self: "inherent",
    negatable: true,
    unless: "\\b(?:since i (?:left|quit|resigned)|now that i (?:left|quit)|at work|on the team|in the office)\\b",
    why: "Believing others would be better off without you is one of the strongest warning signs.",
  },
  {
    id: "want-it-over",
    level: "crisis",
    anchors: ["end", "over", "stop", "exist", "existing", "disappear", "vanish", "here", "permanently", "forever", "literally", "vanished", "disappeared"],
    pattern:
      "\\b(?:want|wish|wanting|need|ready for) (?:it all|everything|my life|life|all of it|all of this) to (?:end|be over|stop forever)\\b|\\b(?:disappear|vanish)\\w* (?:forever|permanently|for good)\\b|\\b(?:stop|cease) (?:to )?exist(?:ing)?\\b|\\bnot (?:be|being) here (?:anymore|any more|tomorrow)\\b|\\b(?:disappear|vanish)\\b.*\\b(?:permanently|forever|for good|literally)\\b",
    self: "subject",
    negatable: true,
    why: "Wanting everything to end or to stop existing.",
  },
  {
    id: "passive-harm",
    level: "crisis",
    anchors: ["hit", "killed", "care", "notice", "miss", "hits", "kill", "car", "bus", "train", "truck", "lorry", "plane", "van", "anyone", "anybody", "caring", "cared", "accident", "crash", "attack", "disappointed", "put", "worry", "deal", "prove"],
    pattern:
      "\\b(?:hope|wish|pray|praying|hoping) (?:that )?(?:i )?(?:get|got|gets) (?:hit|run over|killed)\\b|\\b(?:dont|do not|didnt) care (?:if|whether) i (?:live|die|died|wake up|make it)\\b|\\b(?:no one|nobody|noone) would {ADV}(?:care|notice|miss me) if i (?:died|was dead|were dead|killed myself|was gone)\\b|\\b(?:bus|car|train|truck|lorry) (?:hit|hits|ran over|runs over|killed|kills) me\\b(?=.*\\b(?:wouldnt|would not|wish|hope|fine|okay|ok|relief|relieved|get out of the way|not move|let it)\\b)|\\b(?:hope|hoping|wish|pray|praying) (?:that )?(?:a|the) (?:car|bus|train|truck|lorry|plane|van) (?:doesnt stop|does not stop|hits me|will hit me|goes down|crashes|runs me over)\\b|\\b(?:hit|run over|killed) by (?:a|the) (?:bus|car|train|truck|lorry|van)\\b(?=.*\\b(?:wouldnt mind|would not mind|hope|wish|fine|okay|relief|relieved|honestly|glad)\\b)|\\b(?:anyone|anybody) (?:would|will) {ADV}(?:care|notice|miss me|find me) if i (?:died|was dead|were dead|killed myself|was gone)\\b|\\bcar\\w* (?:if|whether) i (?:live|die|wake up|make it)\\b|\\b(?:hope|hoping|wish|pray|praying) for a (?:fatal |deadly |bad )?(?:accident|crash|heart attack|stroke)\\b|\\bdisappointed (?:that )?(?:it|the \\w+) (?:stopped|missed|didnt hit)\\b|\\b(?:nobody|no one) will (?:have to )?(?:put up with|worry about|deal with|look after) me (?:soon|much longer|anymore|for long)\\b|\\b(?:nobody|no one) will miss me\\b.*\\bprove it\\b",
    self: "inherent",
    negatable: false,
    why: "Hoping an accident takes you, or not caring whether you live.",
  },
  // ---- crisis: self-harm, done, ongoing or planned -------------------------------------------
  {
    id: "self-harm-named",
    level: "crisis",
    anchors: ["self", "sh", "cut", "cutting", "bleed", "burn", "relapsed", "relapse", "clean", "deeper", "cuts", "scars", "burns", "bruises", "marks", "covered", "bathroom", "bedroom", "happened"],
    pattern:
      "\\bself (?:harm|harmed|harming|harms|injury|injure|injured|injuring|mutilation|mutilate)\\b|\\brelaps\\w* (?:on |with |into )?(?:sh|cutting)\\b|\\b(?:urge|urges|want|wanted|need|itch|tempted|craving|crave) to (?:cut|sh|bleed|burn myself)\\b(?! (?:my hair|it|out|back|down|ties|the|a|some|off|costs|sugar|carbs|him|her|them|class|school|work|ties|corners|in|through|across))|\\b(?:been|started|start|keep|kept|back to|stop|resist|resisting|resisted) (?:cutting|cut)(?= (?:again|most|every|last|at night|tonight|lately|more|deeper|myself)\\b| and|$)|\\b(?:cutting|cut) again\\b|\\brelaps\\w*\\b.*\\b(?:cutting|cut|self harm|sh|razor|blade)\\b|\\b(?:days|weeks|months) clean\\b.*\\b(?:razor|blade|cut|cutting|relapse\\w*|ruined)\\b|\\bcuts? deeper\\b|\\b(?:going|gonna|need|want) to cut (?:tonight|again|myself|once|when|after)\\b|\\bthe (?:cuts|marks|burns|scars) (?:were|are|was) from\\b|\\b(?:covered in|full of) (?:cuts|scars|burns|bruises)\\b|\\b(?:bruises|cuts|burns|marks) i gave myself\\b|\\bcutting (?:on )?my (?:stomach|thighs?|arms?|legs?|hips?|wrists?)\\b|\\b(?:bathroom|bedroom)\\b.*\\band cut$|\\b(?:only thing|all that|what)\\b.*\\bis (?:cutting|hurting myself|burning myself)$|\\b(?:cant|cannot|couldnt) tell anyone how (?:it|they) happened\\b",
    self: "subject",
    negatable: true,
    unless: "{MEDIA}|\\b(?:hair|fringe|bangs|nails|grass|lawn|hedge|fabric|wood|budget|costs|hours|sugar|carbs|meat|dairy|caffeine|coffee|calories|back on|corners|roadmap|items|bill|bills|phone|power|electric\\w*|ties)\\b",
    why: "Self-harm named as such, the urge to cut, or cutting kept up or started again.",
  },
  {
    id: "self-harm-act",
    level: "crisis",
    anchors: ["myself", "self", "arms", "arm", "wrists", "wrist", "legs", "leg", "thighs", "thigh", "skin", "stomach", "hips", "hip", "body", "veins", "throat", "again", "deeper", "until", "till", "purpose", "deliberately", "intentionally", "fresh", "sharpener", "against", "hide", "hiding", "cover", "covering", "nails", "wall", "walls", "knuckles", "forearm", "forearms", "ankles", "belly", "chest", "stopped", "skipping", "skipped", "cuts", "marks", "scars", "burns", "candle", "lighter", "cigarette", "spoon"],
    pattern:
      "\\b(?:cut|cutting|cuts|carve|carved|carving|burn|burning|burnt|burned|scratch|scratched|scratching|hit|hitting|punch|punched|punching|bang|banging|bruise|bruising|stab|stabbed|stabbing|hurt|hurting|harm|harming|punish|punishing|starve|starving|bleed) (?:{SELF}|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body))(?! (?:off|short|some slack|a break|a slice|a piece|loose|out|free|with a paper))\\b|\\bcut (?:again|deeper|last night|tonight)\\b|\\b(?:slit|slitting|slash|slashing|open|opening) my (?:wrists?|veins|arms?|throat)\\b|\\buntil (?:it|i|they|my (?:knuckles|hands?|fists?|skin|arms?|head)) (?:bled|bleed|split|bruised|was bleeding|were bleeding)\\b|\\b(?:hit|hitting|banged|banging|cut|cutting|burn\\w*|hurt|hurting|punch\\w*|scratch\\w*|starv\\w*|bit|biting)\\b.*\\b(?:on purpose|deliberately|intentionally)\\b|\\b(?:hit|hitting|banged|banging|bang|smash|smashed|smashing) my head (?:against|on|into) (?:the |a )?(?:wall|walls|floor|desk|door)\\b(?=.*\\b(?:until|till|over and over|on purpose|again|because|so hard|when)\\b)|\\b(?:new|fresh) (?:cuts|marks|scars|burns|wounds)\\b|\\bblades? out of (?:my |a |the )?(?:pencil )?sharpener\\b|\\b(?:carve|carved|carving|scratch|scratched|etched|cut|cutting) (?:\\w+ ){1,4}into my (?:arm|arms|skin|leg|legs|thigh|thighs|wrist|hand|stomach)\\b|\\b(?:press|pressing|pressed|held|holding|hold|put|putting) (?:a |the |my )?(?:hot |lit )?(?:spoon|lighter|cigarette|candle|iron|knife|blade|match|arm|hand|wrist) (?:against|to|on|into|over) (?:my (?:skin|arm|arms|leg|legs|wrist|hand|thigh)|the (?:candle|flame|lighter|hob|stove))\\b|\\b(?:marks|cuts|scars|burns) on my (?:arms?|legs?|thighs?|wrists?|stomach|skin)\\b(?=.*\\b(?:hide|hiding|asked|said it was|lied|sleeves|nobody|noone|no one|new|fresh|again)\\b)|\\b(?:hide|hiding|cover|covering) (?:the |my )?(?:scars|cuts|marks|burns)\\b|\\bdug my nails into\\b|\\b(?:punch|punched|punching|hit|hitting|kick|kicked|kicking) (?:the |a )?(?:\\w+ )?walls?\\b.*\\b(?:until|till|so i|to feel)\\b|\\buntil my (?:hand|knuckles|fist|wrist) (?:broke|cracked|bled|bleed)\\b|\\b(?:cutting|cut|burning|burn|scratching|scratch) my (?:forearms?|upper arms?|ankles?|belly|chest|hips?)\\b|\\b(?:stopped taking|not taking|skipping|skipped|took|take|taking)\\b.*\\b(?:on purpose|deliberately|intentionally)\\b(?=.*\\b(?:insulin|tablets|pills|meds|medication|dose|doses|overdose)\\b|.*$)",
    self: "inherent",
    negatable: true,
    unless: "{ACCIDENT}|\\b(?:cast|fracture|patient|client|(?:cat|dog|kitten|puppy) (?:scratched|bit)|her arms|his arms|their arms|on her|on his|(?:cut|cutting|trim|trimmed) (?:my |her |his )?(?:hair|nails)|haircut|hairdresser|fringe|bangs|grass|lawn|fabric|wood|budget|costs|hours|sugar|carbs|meat|dairy|caffeine|coffee|calories|back on|took the long way|walked|ignored|forgot)\\b",
    why: "Hurting oneself on purpose: cutting, burning, hitting. Accidents in the kitchen or the gym are not.",
  },
  {
    id: "self-harm-burn",
    level: "crisis",
    anchors: ["held", "holding", "hold", "cigarette", "lighter", "boiling", "iron", "purpose", "flame", "stove", "candle", "hob", "bit", "bite", "biting", "bleeds"],
    pattern:
      "\\b(?:held|holding|hold|put|putting) my (?:hand|arm|wrist|fingers|palm) (?:over|on|in|into|against) (?:the |a )?(?:candle|flame|lighter|hob|stove|burner|iron|fire|kettle)\\b|\\b(?:stub|stubbed|stubbing|put|putting|press|pressed|pressing) (?:out )?(?:a |the |my )?(?:lit )?cigarettes? (?:out )?(?:on|into|against) my\\b|\\b(?:poured|pour|pouring) (?:boiling|hot) water (?:on|over) my\\b|\\bon purpose\\b.*\\bmy (?:hand|hands|arm|arms|wrist|wrists|skin|leg|legs|thigh|thighs|stomach|face)\\b|\\bmy (?:hand|hands|arm|arms|wrist|wrists|skin|leg|legs|thigh|thighs|stomach|face)\\b.*\\bon purpose\\b|\\b(?:bite|bit|biting) my (?:arm|arms|hand|hands|wrist|lip|cheek) until (?:it|they) (?:bleeds?|bled|bruises?|bruised)\\b",
    self: "inherent",
    negatable: true,
    unless: "\\b(?:accident\\w*|by mistake|cooking|baking|ironing|straighteners|didnt mean|did not mean|oops|ouch)\\b",
    why: "Burning or biting oneself on purpose, which the accident list of the other self-harm pattern would otherwise excuse.",
  },
  // ---- crisis: means and plans ----------------------------------------------------------------
  {
    id: "means-pills",
    level: "crisis",
    anchors: ["pills", "tablets", "meds", "medication", "medicine", "painkillers", "paracetamol", "tylenol", "ibuprofen", "aspirin", "antidepressants", "insulin", "xanax", "oxy", "oxycodone", "opioids", "tramadol", "drugs", "dose", "overdose", "kill", "enough", "saved", "stockpiled", "counted", "ready", "purpose", "tramadol", "codeine", "cocodamol", "amitriptyline", "morphine", "sertraline", "fluoxetine", "citalopram", "diazepam", "lithium", "benzos", "prescription", "need", "keeping", "staring", "stared", "looking", "sat", "pill", "tablet", "every", "taking", "swallowing", "downing"],
    pattern:
      "\\b(?:stockpiling|stockpile|stockpiled|saving up|saved up|saving|hoarding|hoarded|collecting|hiding|hidden|lined up|lining up|got together) (?:all |enough |some )?(?:of )?(?:my |the |those |these |some |his |her )?{PILLS}\\b|\\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing|downed|overdose on|overdosing on) (?:all|every one|each|the whole bottle|a whole bottle|whole bottle|a bottle|a box|two boxes|the rest|a handful|handfuls|a bunch|enough|loads|lots|a lot|too many|way too many|way more|far more) (?:of )?(?:my |the |those |these |some |his |her )?{PILLS}\\b|\\b(?:take|taking|took|swallow|swallowing|swallowed) (?:my |the |those |these |some |his |her )?{PILLS} (?:to (?:die|end it|not wake up|sleep forever)|on purpose|deliberately)\\b|\\benough {PILLS} to\\b|\\benough to (?:not wake up|never wake up|die|kill me|end it|do it|not come back)\\b|\\b(?:take|swallow|down) (?:all|every one|the lot|the whole) (?:of )?(?:them|it|the box|the bottle|the packet)\\b(?=.*\\b(?:{PILLS}|tablets|pills|stop|die|sleep)\\b)|\\bhow (?:many|much) (?:of )?(?:my |the |these |those )?\\w+ (?:it )?(?:would|will|does|did|to) (?:it )?(?:take to )?(?:kill|die)\\b|\\b(?:which|what) (?:drugs|pills|tablets|dose) (?:and how much )?(?:would|will|could) kill me\\b|\\b(?:how much|how many|dose|pills|tablets|drugs|fall|drop|height|jump|enough|overdose|lethal)\\b.*\\b(?:would|will|could|might|to) (?:definitely |actually |really )?kill me\\b|\\bhow (?:many|much) .{0,40}(?:take|need|have) to (?:die|not wake up|never wake up|kill|end it|overdose)\\b|\\bhow much (?:would be|is|would count as) too much\\b|\\b(?:too|to) many {PILLS} on purpose\\b|\\b(?:tablets|pills|meds) (?:saved up|saved|stockpiled|counted out|lined up|ready)\\b|\\bcounted out (?:all )?(?:of )?(?:my |the )?{PILLS}|\\b(?:stopped|stop|not|quit) taking (?:my )?(?:\\w+ )?{PILLS}?\\s?(?:properly )?on purpose\\b|\\bhow (?:many|much) .{0,40}(?:would it take|does it take|it takes|would kill|would be enough)\\b|\\btake them all\\b(?=.*\\b(?:tonight|at once|now|then|and)\\b)|\\b(?:pills|tablets|meds|morphine|rope|gun|blade|razor)\\b.*\\bif i need (?:them|it)\\b|\\bkeeping (?:it|them) for me\\b|\\b(?:staring|stared|looking|looked|sat) at (?:the |my |those |all the )?{PILLS}\\b.*\\b(?:hour|hours|ages|long time|again)\\b|\\b(?:counted|count|counting) (?:out )?(?:every|all the) (?:pill|tablet|pills|tablets)\\b|\\b(?:taking|swallowing|downing) (?:all|every one) of them\\b",
    self: "subject",
    negatable: true,
    unless: "\\b(?:accident\\w*|by mistake|prescribed|doctor said|pharmacist|as directed|with food|mum would kill me|dad would kill me|would kill me if|dosette|pill ?box|organi[sz]er|for the week|weekly)\\b",
    why: "Gathering or taking pills to die, or working out the dose: the means matter as much as the words.",
  },
  {
    id: "overdose",
    level: "crisis",
    anchors: ["overdose", "overdosed", "overdosing"],
    pattern: "\\boverdos(?:e|ed|ing)\\b(?! (?:on|of)\\b)|\\boverdos(?:e|ed|ing) (?:on|of) (?:my |the |some |his |her |a bunch of |all (?:my |the )?)?{PILLS}",
    self: "explicit",
    negatable: true,
    unless: "{MEDIA}|\\b(?:naloxone|narcan|epidemic|crisis|deaths)\\b",
    why: "An overdose taken or planned by the writer (not a sugar overdose, not the news).",
  },
  {
    id: "method-question",
    level: "crisis",
    anchors: ["ways", "way", "method", "methods", "plan", "date", "highest", "tallest", "googling", "googled", "searched", "searching", "researched", "researching", "nerve", "courage", "guts", "lethal", "painless", "suicide", "overdose", "through", "weight", "far", "tall", "check", "painful", "drop", "fall", "height", "distance", "second", "timing", "where", "exactly", "looked", "body", "jumped", "overdosed", "tonight", "peace", "keeps", "asleep", "empty", "accident", "pesticide", "poison", "weedkiller", "bleach", "antifreeze", "planning", "tree", "beam", "branch", "rope", "door", "exit", "bridge", "whoever", "finds", "wonder", "checking", "tonights", "boot", "finish", "almost", "nearly", "high"],
    pattern:
      "\\b(?:way|ways|method|methods) to (?:die|end it|kill myself|do it painlessly|end my life|commit suicide)\\b|\\bhow to (?:kill myself|end my life|end it all|die painlessly|die quickly|commit suicide|overdose)\\b|\\b(?:have|made|got|making|figured out|worked out|know) (?:a|the|my) (?:plan|way) (?:to|for how to|of how to|for how i|how to) (?:die|end it|kill|do it|go through with it|end my life)\\b|\\b(?:set|picked|pick|chose|chosen|choose|decided on) (?:a|the) (?:date|day|time|place|method) (?:to|for when i|when i) (?:die|do it|end it|go)\\b|\\bgo through with it\\b(?=.*\\b(?:tonight|plan|pills|rope|bridge|note|end)\\b)|\\b(?:which|what) (?:bridge|building|car park|multi storey|roof|cliff) is (?:the )?(?:highest|tallest|high enough)\\b|\\b(?:the )?(?:highest|tallest) (?:bridge|building|car park|multi storey|roof|cliff)\\b(?=.*\\b(?:jump|fall|end|die)\\b)|\\b(?:looked up|googled|googling|searched|searching|researched|researching) (?:how long it takes to die|how long it takes|how (?:many|much)|lethal|the lethal|ways to die|painless)\\b|\\b(?:nerve|courage|guts) to (?:jump|do it|end it|go through with it|let go|step off|pull the trigger)\\b|\\bi know the plan\\b(?=.*\\b(?:day|date|night)\\b)|\\b(?:belt|rope|cord|scarf|cable|bar|rail) (?:would|will|could|can) (?:hold|take) my weight\\b|\\bhow (?:high|far down|tall) (?:it is|the bridge|the building|the drop|the fall)\\b(?=.*\\b(?:jump|fall|end|die|check\\w*)\\b)|\\bcheck how high\\b|\\bleast painful (?:way|method)\\b|\\b(?:working out|work out|worked out|measuring|measured|timing|timed|checking|checked) (?:the|how long the|how far the|how high the) (?:drop|fall|height|distance)\\b|\\b(?:planning|plan|planned) (?:a|my) (?:second|another|next) (?:go|attempt|try)\\b|\\bbeen timing it\\b(?=.*\\b(?:train|crossing|express|lorry)\\b)|\\b(?:decided|know|worked out) (?:how and where|how and when|where and when|exactly how)\\b|\\bhow high .{0,40}(?:to make sure|to die|to be sure|needs to be)\\b|\\b(?:almost|nearly) (?:didnt|did not) (?:turn|brake|stop|swerve)\\b|\\b(?:would|will|could|can) (?:hold|take|support) my weight\\b(?<!(?:ice|ladder|chair|hammock|branch|stool|table|floor|boat|bridge|shelf|bed|sofa) (?:would|will|could|can) (?:hold|take|support) my weight)|\\bwhich (?:bridge|building|cliff|train|method|rope|pills|tablets) (?:id|i would|i will|ill|to) use\\b|\\bfind my body\\b|\\bif i (?:jumped|did it|overdosed|hanged myself|drowned myself|took them all)\\b.*\\b(?:quick|hurt|painless|notice|miss|cry|find)\\b|\\b(?:do|doing) it (?:tonight|tomorrow|this weekend|on \\w+day|then)\\b.*\\b(?:asleep|nobody|no one|empty|alone|away)\\b|\\b(?:asleep|empty|away)\\b.*\\b(?:im|i will|ill|i am) (?:doing|going to do) it\\b|\\btonights? (?:is )?the night (?:i|to) (?:finally )?(?:do it|end it|go|die|leave)\\b|\\bmade my peace\\b.*\\bready to go\\b|\\b(?:a|the) way out\\b.*\\b(?:take it|going to take|ill take)\\b|\\blet go for good\\b|\\b(?:know|knows) where (?:my )?\\w+ keeps (?:his|her|their|the) (?:gun|rifle|pistol|shotgun|pills|tablets)\\b|\\b(?:look|looks|looked|seem|seems) like an accident\\b|\\b(?:pesticide|poison|weedkiller|bleach|antifreeze)\\b.*\\b(?:only way|way out|drink it|drinking it|answer)\\b|\\b(?:tonight|today|this week)\\b.*\\bplanning not to\\b|\\bjust (?:not|never) (?:drive|come|walk|swim|go) back\\b|\\b(?:buy|buying|bought|get|getting|got|have|had) (?:everything |all )?(?:what )?i need to (?:finish|end|do) (?:this|it)\\b|\\b(?:got|have|had|ive got) everything i need\\b.*\\b(?:box|boot|bag|drawer|waiting|right night|ready)\\b|\\b(?:tree|beam|branch|rope|bridge) (?:ill|i will|id|to) use\\b|\\b(?:way|door|exit) out of (?:this life|life)\\b|\\b(?:going|go|went) to the bridge\\b.*\\b(?:instead|tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday|again|alone|still)\\b|\\bstill going to the bridge\\b|\\bwhoever finds me\\b|\\b(?:the person|whoever|who) (?:will )?finds? me\\b(?= (?:first|dead|wont|will)|$)|\\b(?:they|he|she|you|nobody|no one) (?:wont|will not|doesnt|dont) have to wonder why\\b|\\bchecking out (?:of (?:life|everything))\\b|\\bchecking out\\b.*\\bof everything\\b",
    self: "subject",
    negatable: true,
    why: "Searching for a method or naming a date: a plan is an emergency.",
  },
  {
    id: "means-violent",
    level: "crisis",
    anchors: ["noose", "rope", "brains", "gun", "throw", "myself", "jump", "jumping", "step", "stepping", "walking", "driving", "crash", "crashing", "swerve", "fall", "pointed", "aimed", "loaded", "railing", "edge", "ledge", "blades", "blade", "razor", "razors", "engine", "garage", "rifle", "pistol", "shotgun", "barrel", "firearm", "wrists", "cigarette", "lighter", "match", "spoon", "iron", "candle", "river", "sea", "water", "lake", "ocean", "road", "cliff", "bridge", "train", "sharpener", "front", "down", "drop", "whole"],
    pattern:
      "\\bnoose\\b|\\brope (?:around|round) my neck\\b|\\b(?:tie|tied|tying|bought|buy|buying|got) (?:a |the )?rope (?:to|for) (?:hang|end|die)\\b|\\bblow my (?:brains|head) out\\b|\\bgun (?:to|in) my (?:head|mouth)\\b|\\bthrow {SELF} (?:off|from|in front of|under|into)\\b|\\blet (?:myself|go and) (?:fall|drop|slip)\\b|\\b(?:point|pointed|pointing|aim|aimed|aiming|held|holding|turn|turned|turning|use|used|using) (?:(?:it|the gun|a gun|a knife|the knife|the blade|a blade|my (?:pistol|gun|rifle)|the (?:pistol|rifle)) )?(?:at|on|to|against) (?:{SELF}|my (?:head|chest|temple|wrist|wrists|throat))\\b|\\b(?:kept|keeping|hid|hide|hiding|hidden|stash|stashed|saved) (?:the |some |my )?(?:razor blades|razors|blades)\\b|\\b(?:jump|jumping|step|stepping|walk|walking|drive|driving|crash|crashing|swerve|swerving|steer|fall|falling) (?:my car |the car |myself )?(?:off|from|in front of|into|under) (?:a |the |that |this |an |oncoming )?(?:bridge|building|roof|rooftop|balcony|cliff|ledge|tower|overpass|train|bus|lorry|truck|car|traffic|tracks|river|sea|tree|wall|window|motorway|highway|express|tube)\\b(?=.*\\b(?:and (?:end|die)|to (?:end|die)|end it|on purpose|never come back|be done|let myself|one of these days|next time|might not)\\b)|\\b(?:stood|standing|stand) (?:at|on|by) the (?:edge|railing|ledge|side)\\b(?=.*\\b(?:jump|nerve|on purpose|fall|let myself|end)\\b)|\\b(?:engine|car) running in the (?:closed |shut |locked )?garage\\b|\\b(?:rifle|gun|pistol|shotgun|barrel|firearm)\\b.*\\b(?:against|to|in) my (?:chin|temple|head|mouth|heart)\\b|\\b(?:thinking|think|thought|keep thinking) about my wrists\\b|\\b(?:press|pressing|pressed|stub|stubbing|stubbed|burn|burning|burnt|burned|hold|holding|held) (?:a |the |my )?(?:lit )?(?:cigarette|lighter|match|hot spoon|iron|candle)\\b.*\\bmy (?:skin|arm|arms|hand|hands|wrist|wrists|leg|legs|thigh|thighs)\\b|\\bknow what (?:id|i would|im going to|i will|i d) (?:do with|use) (?:it|them)\\b(?=.*\\b(?:for)?\\b)|\\b(?:ill|i will|going to|gonna) (?:just )?(?:walk|drive|jump) (?:into|off|in front of) (?:the |a )?(?:river|sea|water|lake|ocean|road|traffic|train|cliff|bridge)\\b|\\bengine running\\b.*\\bgarage\\b|\\bgarage\\b.*\\bengine running\\b|\\b(?:a |the |my )?(?:blade|blades|razor|razors) (?:hidden|stashed|hid)\\b|\\bpencil sharpener\\b.*\\bblade\\b|\\bblade\\b.*\\bpencil sharpener\\b|\\b(?:bought|buy|got) (?:a |some |the )?rope\\b.*\\b(?:didnt tell|nobody knows|no one knows|not for|for me|told)\\b|\\bwalk\\w* into the (?:lake|sea|river|water|ocean)\\b.*\\buntil\\b|\\b(?:step|stepping|jump|jumping|throw myself|lie|lying) (?:down )?in front of (?:a|the|one|an|oncoming)\\b(?=.*\\b(?:train|bus|truck|lorry|traffic|car|tube|express|one)\\b)|\\bthrow {SELF} down\\b|\\b(?:thinking|think|thought|staring|looking) (?:about|at) the drop\\b|\\b(?:swallow\\w*|down\\w*|tak\\w*) (?:the|a) whole (?:bottle|box|packet|pack)\\b(?! of (?:wine|water|vodka|beer|coke|juice|milk|squash|prosecco|whisky|gin|rum|champagne|sauce|ketchup|shampoo|cider|cereal|biscuits|crisps|chocolates))",
    self: "inherent",
    negatable: true,
    why: "Naming a violent means, or a jump, fall or crash meant to end one's life.",
  },
  {
    id: "means-intent",
    level: "crisis",
    anchors: ["jump", "jumping", "step", "stepping", "walk", "walking", "drive", "driving", "crash", "crashing", "swerve", "swerving", "steer", "steering"],
    pattern:
      "\\b(?:want|wanted|wanting|going|thinking about|thought about|think about|planning|plan|tempted|urge|urges|could just|should just|might just|imagine|imagined|imagining|considered|considering|keep thinking about|about|wanna|ill|i will) (?:to )?(?:jump|jumping|step|stepping|walk|walking|drive|driving|crash|crashing|swerve|swerving|steer|steering) (?:my car |the car |myself )?(?:off|from|in front of|into|under|onto) (?:a |the |that |this |an |oncoming )?\\w+",
    self: "subject",
    negatable: true,
    unless: "\\b(?:bungee|swim|swimming|dive|diving|lake|pool|parachute|zip ?line|fun|dare|trampoline|queue|conclusions|hoops|bandwagon|rocks|waterhole|swimming hole|jetty|pier into|pontoon|dock|camera|audience|crowd|class|mirror|stage|spotlight|role|shoes|meeting|conversation|gym|office|shop|store|room|kitchen|shower|bed|garden|park|woods|sunshine|rain|snow|puddles?|waves|boat|ship|plane|gunwale|song|lyrics|line about|film|movie|book|game|scene|episode|character)\\b",
    why: "Wanting to jump from a height or step in front of traffic (cliff diving with friends is not).",
  },
  {
    id: "jump-near-height",
    level: "crisis",
    anchors: ["jump", "jumping"],
    pattern: "\\b(?:want|wanted|wanting|urge|urges|tempted|wanna|thought about|thinking about|think about|nerve|whether to|deciding|decide|if i should|should i) (?:to )?jump(?:ing)?\\b",
    requires: "\\b(?:bridge|river|roof|rooftop|building|ledge|balcony|cliff|window|platform|train|edge|height|top floor|car park|multi storey|tracks|overpass)\\b",
    self: "subject",
    negatable: true,
    unless: "\\b(?:bungee|swim|swimming|dive|diving|lake|pool|parachute|zip ?line|fun|dare|trampoline|queue|conclusions|hoops|bandwagon|joy|excitement|dance|party|concert|gig)\\b",
    why: "The wish to jump, in a sentence that names a height: the two together are what matters.",
  },
  // ---- crisis: goodbyes -------------------------------------------------------------------------
  {
    id: "goodbye",
    level: "crisis",
    anchors: ["last", "final", "read", "reads", "finds", "sees", "goodbye", "bye", "farewell", "tell", "note", "letter", "message", "wont", "goodbyes", "good", "gone", "dead", "keeping", "entry", "fault", "coming", "needing", "watch", "open", "letters", "notes", "passwords", "envelope", "die"],
    pattern:
      "\\b(?:this is|this will be|this would be|this may be|this might be|these are) (?:my|the) (?:last|final) (?:journal |diary )?(?:entry|entries|post|message|note|letter|goodbye|night|time writing|words|page)\\b|\\bby the time (?:you|anyone|someone|they|somebody|people) (?:read|reads|find|finds|see|sees) this\\b|\\b(?:goodbye|bye|farewell) (?:to everyone|cruel world)\\b|\\b(?:goodbye|bye|farewell) (?:world|everyone|forever|for good)(?= (?:i|im|and|love|sorry)\\b|$)|\\b(?:tell|please tell) {FAMILY} (?:that )?i (?:love|loved|am sorry|was sorry|m sorry|im sorry)\\b|\\b(?:suicide|goodbye|farewell) (?:note|letter|message)s?\\b(?= (?:to|for)|$)|\\b(?:final|last) (?:note|letter|message)s? (?:to|for) (?:everyone|them|you all|my (?:family|kids|children|mum|mom|dad|wife|husband|partner|friends|parents|sister|brother))\\b|\\b(?:wrote|written|writing|left|leaving) (?:the|a|my) note\\b(?=.*\\b(?:kill|die|end|suicide|gone|pencil case|drawer|find it|under|pillow|for them)\\b)|\\b(?:wont|will not) (?:be )?(?:here|around|alive) (?:much longer|for much longer|by (?:tomorrow|morning|the weekend|next week)|next (?:week|month|year))\\b|\\bthis is goodbye\\b|\\bsaid my (?:final |last )?goodbyes\\b(?=.*\\b(?:quietly|without|realis\\w*|knowing|secretly|nobody|no one|anyone)\\b)|\\b(?:before|when|after|once) i (?:go|leave|am gone) for good\\b|\\b(?:wont need|no point keeping|no use for|dont need)\\b.*\\b(?:where im going|after (?:tonight|tomorrow|next week|this weekend|i kill|im gone|im dead))\\b|\\b(?:look after|take care of|feed|walk|love) \\w+ (?:for me )?(?:when|after|once) im (?:gone|dead|not here)\\b|\\b(?:this is|this will be) (?:probably|likely|maybe|definitely|almost certainly) (?:my|the) (?:last|final) (?:entry|post|message|note|letter|goodbye|words|page)\\b|^(?:final|last) entry$|\\b(?:tell|let) \\w+ (?:that )?(?:it wasnt|it was not|its not|it isnt|it is not) (?:her|his|their|your|anyones|anybodys|their) fault\\b|\\b(?:letters|notes|passwords|pin|envelope|instructions)\\b.*\\bfor after\\b|\\b(?:after|when|once) (?:i die|im dead|im gone|im not here|i am gone|i am dead|i am not here)\\b(?=.*\\b(?:delete|accounts|passwords|letters|sorted|feeding|look after|take care|sorry|fault|envelope|pin|bank|funeral|playlist|need it|have my|can have)\\b)|\\b(?:delete|close) my accounts after i (?:die|am gone|m gone)\\b|\\b(?:and )?(?:wont|will not|not) (?:be )?coming back\\b(?=.*\\b(?:tonight|tomorrow|quarry|cliff|coast|sea|river|bridge|drive|driving|walk)\\b)|\\b(?:hear|see|hug|hold) (?:his|her|their|your|them|him) (?:voices? )?one last time\\b|\\bone last time\\b(?=.*\\b(?:didnt know|doesnt know|no idea|realise|realize)\\b)|\\bwont (?:be )?need(?:ing)? (?:them|it|any of it|these|those)\\b(?=.*\\b(?:where im going|much longer|after|soon|anymore)\\b)|\\bfor (?:the girls|the boys|the kids|them|my kids|my children) to (?:watch|read|open) after\\b",
    self: "inherent",
    negatable: false,
    unless:
      "\\b(?:for (?:today|tonight|now|a while|the (?:week|year|month|weekend))|of (?:the|this) (?:year|month|week|notebook|journal|book|diary)|in this (?:notebook|journal|book|diary)|before (?:the|my|our) (?:holiday|trip|move|vacation|flight|surgery|exams?)|trip|travel\\w*|flight|holiday|vacation|visiting|moving (?:to|out|abroad)|office|retire\\w*|leaving (?:for|the|do|party|drinks)|new job|graduat\\w*|hospital stay|rehab|deployment|deployed|uni|university|abroad|last day|job|colleagues|card|host family|exchange|airport|school|term|class|team|flying|home from|shift)\\b",
    unlessInEntry: true,
    why: "Goodbyes and last words: a note, a last entry, messages for the family, arrangements for after.",
  },
  {
    id: "after-gone",
    level: "crisis",
    anchors: ["gone", "dead", "die", "here"],
    pattern: "\\b(?:after|when|once) (?:i die|im dead|im gone|im not here|i am gone|i am dead|i am not here|i go)\\b",
    requires:
      "\\b(?:delete|deleted|accounts|passwords|letters|sort\\w*|feeding|look after|take care|sorry|fault|envelope|pin|bank|funeral|playlist|need it|have my|can have|things|card|gets what|running|cancel\\w*|less to|what to do with|my stuff|belongings|will)\\b",
    self: "inherent",
    negatable: true,
    unless: "\\b(?:holiday|trip|vacation|work|office|uni|university|abroad|moving|retire\\w*|when im old|one day|someday|in (?:\\d+|fifty|forty|thirty) years)\\b",
    why: "Arranging what happens to things and people after one's death: a goodbye in deeds.",
  },
  // ---- concern: despair without intent ---------------------------------------------------------
  {
    id: "hopeless",
    level: "concern",
    anchors: ["hopeless", "hopelessness", "hope", "hoping", "never", "wont", "ever", "nothing", "doubt", "future", "ahead", "failed"],
    pattern:
      "\\bhopeless(?:ness)?\\b(?! (?:at|with|romantic|case at))|\\bno hope (?:left|anymore|any more|for me|for the future|of (?:it|things) getting better)\\b|\\b(?:lost|losing|lose) (?:all )?hope\\b|\\b(?:given|give|gave) up (?:on )?hop(?:e|ing)\\b|\\bnothing left to hope for\\b|\\b(?:will|is going to|wont ever|will never|is never going to|never going to|never|wont) (?:ever )?(?:get|be|feel) (?:any )?better\\b|\\bnothing (?:is |will )?(?:ever )?(?:going to |will )?(?:get better|change|improve|be (?:ok|okay|fine|alright|different|better))\\b|\\b(?:dont think|do not think|doubt|cant see how|cannot see how) (?:that )?(?:things|it|life|anything|i) (?:will|is going to|are going to|am going to|ll|can) (?:ever )?(?:be|feel|get) (?:ok|okay|alright|fine|better|good|happy)\\b|\\b(?:dont|do not|cant|cannot) see (?:a |any )?(?:future|way forward|way out|anything ahead)\\b|\\bcant see anything (?:ahead|in front of me)\\b|\\bno way (?:back|out|forward)\\b|\\bfailed at (?:life|everything)\\b",
    self: "subject",
    negatable: true,
    unless: "\\b(?:hopelessly (?:in love|romantic|devoted|addicted|lost in|optimistic)|traffic|team|wifi|internet|printer|weather|game|match|score|recipe|cake|knee|ankle|back pain|cold|flu|cough|rash)\\b",
    why: "Hopelessness, the belief that nothing will change, is the common ground of depression and suicide risk.",
  },
  {
    id: "nothing-matters",
    level: "concern",
    anchors: ["matters", "matter", "point", "pointless", "meaningless", "bother", "care", "difference"],
    pattern:
      "\\bnothing (?:really |even )?matters\\b|\\bnone of (?:it|this|that) (?:even |really )?matters\\b|\\b(?:nothing|it|life) (?:doesnt|does not|dont) matter (?:anymore|any more)\\b|\\bwhat does (?:it|anything) (?:even |really )?matter\\b|\\b(?:whats|what is) (?:even )?the point(?: (?:of|in) (?:anything|trying|it all|any of (?:this|it)|everything|going on|getting up|even trying|me|carrying on)| anymore)?$|\\bno point (?:in )?(?:anything|trying|any of (?:this|it)|getting up|going on|carrying on)\\b|\\b(?:dont|do not|cant) see (?:the|any) point\\b(?! (?:of|in) (?:the|this|that|a|an|his|her|their|going to|buying|paying))|\\b(?:everything|life|it all|my life|all of it|existence) (?:feels|seems|is) (?:so |completely |totally |just )?(?:pointless|meaningless)\\b|\\bwhy (?:do i )?(?:even )?bother\\b|\\b(?:dont|do not) care about (?:anything|anyone|anybody)(?: anymore| any more)?\\b|\\bnothing i do (?:makes|will make|matters|changes|helps)\\b",
    self: "subject",
    negatable: true,
    unless: "\\b(?:why bother (?:cooking|with (?:the|a) (?:meeting|recipe|cake)|ironing|dressing up)|meeting|memo|email|meetings)\\b",
    why: "Feeling that nothing matters or there is no point.",
  },
  {
    id: "numb-empty",
    level: "concern",
    anchors: ["numb", "empty", "hollow", "emptiness", "nothing", "anything", "dead", "thing", "reaches", "touches"],
    pattern:
      "\\b(?:feel|feeling|felt|im|i am|ive been|been|so|completely|totally|just|emotionally|utterly|and|always|constantly|going|nobody|too) (?:so |completely |totally |just |really |kind of |kinda |pretty |very |utterly |emotionally |numb and |empty and )?(?:numb|empty|hollow|dead inside)\\b(?! (?:flat|house|room|fridge|stomach|inbox|office|street|streets|car park|bottle|glass|cup|seat|chair|page|promises?|threats?|words|nest))|\\b(?:empty|dead|hollow) inside\\b|\\bemptiness\\b|\\b(?:feel|feeling|felt) nothing\\b|\\b(?:cant|cannot|dont|do not) feel (?:anything|a thing)(?: anymore| any more| at all)?\\b(?! (?:for|about|in my))|\\bnothing (?:reaches|touches|moves|gets through to) me\\b|^(?:so |just |feeling |feel |still )?(?:numb|hollow|empty)(?: again| today| inside| for \\w+| all the time)?$|\\bnumb for (?:months|weeks|days|ages|a long time)\\b",
    self: "subject",
    negatable: true,
    unless:
      "\\b(?:fingers?|hands?|feet|foot|toes?|legs?|arms?|lips?|face|jaw|mouth|tongue|cold|dentist|anaesthe\\w*|anesthe\\w*|novocaine|injection|numbing|frozen|freezing|asleep|tingl\\w*|battery|anything for (?:him|her|them))\\b",
    why: "Numbness and emptiness, said of oneself (not of cold fingers or an empty house).",
  },
  {
    id: "burden",
    level: "concern",
    anchors: ["burden", "waste", "drain", "weight", "drag", "dragging", "bring", "bringing", "space", "chair", "much"],
    pattern:
      "\\b(?:im|i am|i feel like (?:im |i am )?|feel like (?:im |i am )?|i feel (?:like )?|feeling like (?:im |i am )?|i have become|ive become|ill be|i will be|i was|being|such|just|always|nothing but) (?:a |such a |just a |nothing but a |an |the |one big |a huge |a massive )?(?:\\w+ )?(?:burden|drain|dead weight)\\b|\\b(?:burden|drain|weight) (?:to|on|for) (?:everyone|everybody|them|my family|people|others|the people|the team|my (?:parents|family|partner|friends|kids|wife|husband|mum|mom|dad))\\b|\\bwaste of (?:space|air|oxygen|a life)\\b|\\b(?:drag|dragging|bring|bringing) (?:them|everyone|everybody|people|my friends|my family|you) down\\b|\\bim too much for (?:people|everyone|them|anyone)\\b|\\btaking up (?:space|a chair|room|air|oxygen)\\b",
    self: "subject",
    negatable: true,
    unless: "\\b(?:project|paperwork|workload|mortgage|loan|debt|cost|costs|bills|admin|commute|task|tasks|tax|taxes|rent|battery|phone|car|boiler|bag|suitcase|luggage)\\b",
    why: "Feeling a burden to others: a warning sign in its own right.",
  },
  {
    id: "cant-go-on",
    level: "concern",
    anchors: ["cant", "cannot", "tired", "sick", "exhausted", "trapped", "disappear", "vanish", "hide", "tether", "apart", "breaking", "longer", "here", "give"],
    pattern:
      "\\b(?:cant|cannot|can not|dont think i can|unable to|cant even) (?:do|take|handle|cope|cope with|bear|stand|deal with|keep doing|carry) (?:this|it|any of this|this life|life|everything|all this|all of this)? ?(?:anymore|any more|any longer|much more|much longer)\\b|\\b(?:cant|cannot|can not) keep (?:doing this|going like this|living like this)\\b|\\b(?:cant|cannot|can not) (?:go on|keep going|carry on)\\b(?! (?:to|with|about|at|for|till|until|without (?:coffee|sleep)))|\\b(?:dont|do not) know how (?:to|much longer i can) (?:go on|keep going|carry on|cope|keep living|carry|take|do)\\b|\\bhow much longer (?:i )?can (?:i )?(?:carry|take|do|keep|go on|hold|cope|handle|last)\\b|\\bgive up on (?:everything|life|myself|living)\\b|\\bi (?:just )?give up$|\\b(?:tired|sick|exhausted) of (?:everything|life|fighting|trying|it all|being me)\\b|\\btrapped in (?:my (?:own )?(?:life|head|mind|body)|this life)\\b|\\b(?:want|wish i could|wanna) (?:just )?(?:disappear|vanish|hide forever)\\b|\\b(?:dont|do not) want to be here\\b|\\bend of my tether\\b|\\b(?:falling apart|breaking point|cant hold it together)\\b",
    self: "subject",
    negatable: false,
    unless: "\\b(?:party|meeting|class|lecture|queue|traffic|office|shop|wedding|concert|gym|this job interview)\\b",
    why: "Despair at carrying on, without words of intent.",
  },
  {
    id: "worthless",
    level: "concern",
    anchors: ["worthless", "unlovable", "hate", "care", "notice", "miss", "better", "happier"],
    pattern:
      "\\b(?:im|i am|i feel|feel|feeling|felt|so|completely|totally|utterly) (?:so |completely |totally |utterly |just |really )?(?:worthless|unlovable)\\b|\\bi (?:really |just |fucking |truly |honestly )?hate (?:myself|who i am|being me|being alive|my life)\\b(?! for (?:eating|forgetting|missing|not|buying|saying|that|being late))|\\b(?:no one|nobody|noone) would {ADV}(?:care|notice|miss me) if i (?:disappeared|vanished|wasnt here|was gone|were gone|left)\\b|\\b(?:everyone|everybody|they|the world) would be (?:better|happier) if i (?:left|disappeared|went away)\\b",
    self: "subject",
    negatable: true,
    why: "Self-hatred and feeling worthless or unmissed.",
  },
  {
    id: "affairs",
    level: "concern",
    anchors: ["order", "away", "gone", "dead"],
    pattern:
      "\\b(?:my )?(?:affairs|things) in order\\b|\\b(?:giving|gave|give) away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions|pets?|cat|dog)\\b|\\b(?:when|after|once) im (?:gone|dead)\\b",
    self: "inherent",
    negatable: true,
    unless: "\\b(?:charity|donat\\w*|declutter\\w*|moving|move|holiday|trip|vacation|spring clean\\w*|kondo|sale|sell|selling|garage|will and|solicitor|lawyer|estate|pension|retire\\w*)\\b",
    why: "Putting affairs in order and giving things away can come before an attempt; alone they are not one.",
  },
];

