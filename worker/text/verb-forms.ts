// Every written form of the common English verbs, mapped to the verb's lemma and the kind of form
// ("ran" → run, past; "swimming" → swim, -ing; "binged" → binge, past), so "ran", "running" and "runs"
// are one. Irregular verbs are listed with their past forms; regular ones only by their lemma, and
// their inflections are undone by rule (doubled consonants, -ied, -es, a dropped e), so a verb the
// list knows is read in any form a writer types.

export type VerbForm = "base" | "past" | "ing" | "s";

export interface VerbReading {
  lemma: string;
  form: VerbForm;
}

/** Irregular verbs: lemma, then its past forms (simple past and participle). */
const IRREGULAR = `run ran | swim swam swum | go went gone been | sleep slept | draw drew drawn | write wrote written |
eat ate eaten | drink drank drunk | sing sang sung | see saw seen | meet met | ring rang rung | read read | teach taught |
catch caught | fly flew flown | ride rode ridden | drive drove driven | make made | have had | do did done | get got gotten |
take took taken | spend spent | sit sat | feed fed | build built | buy bought | fall fell fallen | hang hung | win won |
lie lay lain | put put | sew sewed sewn | bring brought | give gave given | swing swung | dig dug | sweep swept | lead led |
hold held | leave left | stand stood | wake woke woken | pay paid | throw threw thrown | send sent | lend lent | light lit |
hit hit | babysit babysat | dive dove dived | think thought | tell told | speak spoke spoken | sell sold | find found |
feel felt | keep kept | know knew known | grow grew grown | come came | become became | begin began begun | break broke broken |
choose chose chosen | forget forgot forgotten | forgive forgave forgiven | freeze froze frozen | hear heard | hide hid hidden |
lose lost | mean meant | say said | set set | shake shook shaken | shoot shot | show showed shown | shut shut | sink sank sunk |
steal stole stolen | stick stuck | strike struck | swear swore sworn | tear tore torn | wear wore worn | understand understood |
fight fought | seek sought | bite bitten | blow blew blown | cut cut | deal dealt | dream dreamt | learn learnt |
burn burnt | spill spilt | spell spelt | kneel knelt | weep wept | creep crept | bend bent | bleed bled | breed bred | flee fled |
spin spun | cling clung | slide slid | spread spread | upset upset | quit quit | split split | hurt hurt | cost cost | let let |
bet bet | burst burst | cast cast | shine shone | rise rose risen | arise arose arisen | ring rang | stink stank | shrink shrank |
undo undid undone | redo redid redone | rewrite rewrote rewritten | rebuild rebuilt | reread reread | overeat overate overeaten |
oversleep overslept | withdraw withdrew withdrawn | lay laid | beat beaten |
sweat sweat | speed sped | handwrite handwrote | sunbathe | overthink overthought | outrun outran | bake`;

/**
 * Regular verbs, by lemma. Wide on purpose: a verb the extractor knows is also how it finds where a
 * clause's verb is, whose subject a person is and which word is an object, not only activities.
 */
const REGULAR = `walk jog hike cycle bike dance paint sketch doodle cook clean tidy hoover vacuum mop dust declutter wash
garden weed plant mow water repot play watch listen call phone text message facetime skype hug cuddle visit help chat talk grab
study revise code program work volunteer pray meditate journal stretch nap rest relax stargaze camp climb surf ski snowboard
skate paddleboard kayak canoe sail fish shop wander stroll amble pack travel scroll answer lift train exercise shower bath bathe
finish start knit crochet embroider iron fix repair mend look potter skip cancel miss stay pull photograph film bowl paddle dip
order attend host pick drop change empty load unload fold scrub polish decorate wallpaper browse apply tutor cram swot blog
rehearse perform soak snorkel sledge skateboard rollerblade trampoline abseil forage box kickbox mark roast grill fry barbecue
prune rake sow harvest trek ramble wade doze snooze chill lounge quilt colour color zoom unpack birdwatch practise practice row
sprint spar boulder hoover sweep wipe launder defrost sort organise organize reorganise reorganize assemble varnish sand
stitch sculpt whittle scrapbook compose busk present email whatsapp argue row binge doomscroll stream game pace crash snack
brush groom bathe wrap clear explore sightsee picnic commute log file prepare prep plan mark interview knead roll chop
marinate bbq grocery thrift declutter hoard tile plaster caulk drill hammer screw glue weld carve mould mold fire glaze
serve dine feast brew toast blend bottle jar pickle preserve ferment forage hunt shoot archery fence golf jump hop skip
swing bounce kick throw bowl bat pitch dribble tackle score shoot race compete coach referee umpire train coach teach
lecture tutor mentor supervise manage lead chair minute present pitch negotiate sell invoice email phone ring call
moisturise moisturize shave wax pamper massage exfoliate floss nap laze loaf lounge unwind recharge destress decompress
volunteer donate fundraise campaign protest vote litter worship preach fast confess sing chant recite memorise memorize
revise research read reread skim annotate highlight note type print scan photocopy file sort shred recycle compost
declutter donate tidy hoover dust polish scrub rinse soak wring hang dry air iron steam fold sew darn patch knit
shop purchase order return collect deliver drop pick fetch carry lug haul move shift lift push drag load unload pack unpack
babysit nanny childmind foster adopt feed burp change bath dress settle rock soothe walk groom train vet muck
chat gossip natter laugh cry hug kiss cuddle snuggle date flirt propose marry celebrate toast party dance host entertain
invite welcome greet visit drop stop pop nip dash rush hurry wait queue sit stand kneel lie rest sleep wake dream doze
arrive leave return head drive cycle ride fly sail board land travel tour roam wander explore trek hike climb scramble camp
want need like love hate enjoy prefer hope wish plan intend decide try manage fail forget remember mean seem appear happen
ask answer reply tell explain describe mention suggest agree disagree refuse offer promise warn remind thank apologise apologize
cheer encourage support comfort console reassure listen watch look notice stare glance gaze peek observe check search
open close lock unlock turn switch press click tap touch hold grab squeeze stir pour mix bake fry boil steam grill roast
help assist serve save spend earn pay owe buy borrow lend rent hire book reserve cancel schedule reschedule postpone delay
use try test taste smell sound feel seem look watch hear listen notice realise realize recognise recognize wonder worry
stress panic freak calm relax breathe sigh yawn sneeze cough vomit faint shiver sweat ache hurt limp injure sprain
start stop continue keep quit finish complete end begin resume pause skip miss avoid dodge ignore delay procrastinate
allow let invite include involve join accompany follow lead guide show teach learn study practise improve progress
improve fix repair mend replace install update upgrade reset restart charge plug unplug connect download upload delete
post share like comment tweet blog vlog film record edit photograph snap stream watch binge scroll browse surf google
clean mop vacuum sweep dust wipe scrub polish bleach disinfect sanitise tidy declutter organise sort arrange rearrange
paint decorate wallpaper sand varnish stain tile grout plaster caulk seal insulate drill hammer screw nail saw cut build
garden weed dig rake mow prune trim hedge plant sow water harvest pick mulch compost repot feed spray fertilise
shower bathe wash brush comb dry style shave wax moisturise dress change undress wear pack unpack knock pop nip
juggle weave strum drum toboggan scuba windsurf kitesurf wrestle hoe glamp backpack descale vote nanny dine rollerskate hillwalk pot`;

const table = new Map<string, VerbReading>();
const lemmas = new Set<string>();
const add = (word: string, lemma: string, form: VerbForm) => {
  if (!table.has(word)) table.set(word, { lemma, form });
};

for (const group of IRREGULAR.split("|")) {
  const [lemma, ...pasts] = group.trim().split(/\s+/);
  if (!lemma) continue;
  lemmas.add(lemma);
  for (const past of pasts) if (past !== lemma || past === "read" || past === "put" || past === "hit" || past === "set" || past === "cut") add(past, lemma, "past");
}
for (const lemma of REGULAR.split(/\s+/)) if (lemma) lemmas.add(lemma);
// The odd ones out: forms that are not the rule, and spellings people type.
const SPECIAL: [string, string, VerbForm][] = [
  ["does", "do", "s"], ["goes", "go", "s"], ["has", "have", "s"], ["journalled", "journal", "past"], ["journalling", "journal", "ing"],
  ["travelled", "travel", "past"], ["travelling", "travel", "ing"], ["cancelled", "cancel", "past"], ["cancelling", "cancel", "ing"],
  ["facetimed", "facetime", "past"], ["facetiming", "facetime", "ing"], ["skyped", "skype", "past"], ["gaming", "game", "ing"],
  ["bbqed", "bbq", "past"], ["bbq'd", "bbq", "past"], ["whatsapped", "whatsapp", "past"], ["panicked", "panic", "past"],
  ["panicking", "panic", "ing"], ["picnicked", "picnic", "past"], ["picnicking", "picnic", "ing"], ["modelled", "model", "past"],
  ["labelled", "label", "past"], ["levelled", "level", "past"], ["shopping", "shop", "ing"], ["shopped", "shop", "past"],
  ["bingeing", "binge", "ing"], ["learned", "learn", "past"], ["dreamed", "dream", "past"], ["burned", "burn", "past"],
  ["spilled", "spill", "past"], ["dived", "dive", "past"], ["lit", "light", "past"], ["lighted", "light", "past"],
  ["lying", "lie", "ing"], ["dying", "die", "ing"], ["tying", "tie", "ing"], ["laid", "lay", "past"], ["laying", "lay", "ing"],
  ["lays", "lay", "s"], ["lies", "lie", "s"], ["lied", "lie", "past"], ["saw", "see", "past"], ["sawed", "saw", "past"],
  ["skied", "ski", "past"], ["skiing", "ski", "ing"], ["skis", "ski", "s"], ["binged", "binge", "past"],
];
for (const [word, lemma, form] of SPECIAL) {
  lemmas.add(lemma);
  add(word, lemma, form);
}

const CONSONANT_DOUBLE = /([bdfgklmnprstvz])\1$/;

/** Undoes a regular inflection when what is left is a verb the list knows. */
function inflected(word: string): VerbReading | undefined {
  const tries = (stems: string[], form: VerbForm) => {
    for (const s of stems) if (s.length > 1 && lemmas.has(s)) return { lemma: s, form };
    return undefined;
  };
  if (word.endsWith("ing") && word.length > 4) {
    const s = word.slice(0, -3);
    return tries([s, `${s}e`, CONSONANT_DOUBLE.test(s) ? s.slice(0, -1) : "", s.endsWith("y") ? s : ""], "ing");
  }
  if (word.endsWith("ed") && word.length > 3) {
    const s = word.slice(0, -2);
    return tries([s, word.slice(0, -1), CONSONANT_DOUBLE.test(s) ? s.slice(0, -1) : "", word.endsWith("ied") ? `${word.slice(0, -3)}y` : ""], "past");
  }
  if (word.endsWith("s") && word.length > 2 && !word.endsWith("ss")) {
    if (word.endsWith("ies")) return tries([`${word.slice(0, -3)}y`, word.slice(0, -1)], "s");
    return tries([word.slice(0, -1), /(s|sh|ch|x|z|o)es$/.test(word) ? word.slice(0, -2) : ""], "s");
  }
  return undefined;
}

/** The verb a word is a form of, if the extractor knows it. */
export function verbReading(word: string): VerbReading | undefined {
  const known = table.get(word);
  if (known) return known;
  if (lemmas.has(word)) return { lemma: word, form: "base" };
  const reading = inflected(word);
  if (reading) table.set(word, reading);
  return reading;
}

/** Whether a word is the lemma of a verb the extractor knows. */
export const isVerbLemma = (word: string): boolean => lemmas.has(word);
