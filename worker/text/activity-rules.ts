// What each verb means as an activity, given the words after it: "went for a run" → run, "called my
// sister" → call my sister, "ran out of milk" → nothing. A rule sees the clause's tokens and the
// verb's position and answers the activity (a lemma phrase) and where its words end, or null.
import { personAt, type PersonMatch } from "./people.ts";
import type { Token } from "./tokens.ts";
import { verbReading } from "./verb-forms.ts";

export interface Hit {
  activity: string;
  /** Index after the last token the activity used. */
  end: number;
  /** Someone else did it (the word before the verb is its subject). */
  other?: boolean;
  /** A second activity the same words name ("met Sarah for lunch"). */
  also?: string[];
}

export type Rule = (toks: Token[], i: number, asNoun: boolean) => Hit | null;

const w = (toks: Token[], i: number) => toks[i]?.w ?? "";

/** Words that end a noun phrase ("a walk | by the river"); "of" does not ("a cup of tea"). */
const PHRASE_END = new Set(
  "in on at with for to from by about into near round around over through while during like than until before after because up down out off".split(" "),
);

/**
 * Finds the first key of `table` (one to three words) among the next `span` words, stopping where
 * the noun phrase ends. Answers the table's value and the index after the key.
 */
export function lookup(toks: Token[], from: number, table: Record<string, string>, span = 6): Hit | null {
  for (let j = from; j < Math.min(toks.length, from + span); j++) {
    for (let len = 3; len >= 1; len--) {
      if (j + len > toks.length) continue;
      const key = toks
        .slice(j, j + len)
        .map((t) => t.w)
        .join(" ");
      const value = table[key];
      if (value !== undefined) return value ? { activity: value, end: j + len } : null;
    }
    if (j > from - 1 && PHRASE_END.has(w(toks, j + 1)) && !startsKey(toks, j + 1, table)) return null;
  }
  return null;
}

const startsKey = (toks: Token[], j: number, table: Record<string, string>) =>
  [1, 2, 3].some((len) => table[toks.slice(j, j + len).map((t) => t.w).join(" ")] !== undefined);

const table = (spec: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const line of spec.split(";")) {
    const [keys, value] = line.split("=");
    if (!keys || value === undefined) continue;
    for (const key of keys.split(",")) out[key.trim()] = value.trim();
  }
  return out;
};

/** Nouns that name an activity after "go for a", "have a", "take a", "on my", "a quick …". */
export const NOUN_ACTIVITIES = table(`
  run,runs,jog,5k,10k,half marathon,marathon=run; walk,walks,stroll,wander,ramble=walk; swim,dip,cold dip=swim; paddle=paddle;
  bike ride,cycle,cycle ride,bike=cycle; drive=drive; hike=hike; nap,power nap,snooze=nap; bath,soak=bath; shower=shower;
  lie in=lie in; picnic=have a picnic; workout,work out=work out; date=go on a date; massage=get a massage;
  coffee,coffees=drink coffee; tea,cuppa,brew=drink tea; wine,prosecco=drink wine; beer,beers,pint,pints,cider=drink beer;
  water=drink water; drink,drinks=have a drink; lunch,sunday lunch=have lunch; breakfast=have breakfast; dinner,meal,tea out=have dinner;
  brunch=have brunch; takeaway=have a takeaway; barbecue,bbq=have a barbecue; kickabout=play football; round of golf=play golf;
  meeting,meetings=have meetings; haircut,hair cut=get a haircut; jogging=run; meditation=meditate; yoga=yoga; sauna=sauna;
  chat,natter,catch up=talk; lesson=; trip=travel; holiday,break away=travel; facial=get a facial; manicure=get my nails done;
  video call,facetime=video call; phone call=call; pizza=have a takeaway; curry=have dinner; roast=have dinner; swim session=swim;
  hot chocolate=drink hot chocolate; interview=have an interview; sleepover=have a sleepover; one to one,one-to-one,call with=have meetings; smoothie=; snack=; sleep,kip,good sleep=sleep; early night=sleep; shave=; sandwich=have lunch;
`);

/** Places one goes to (or is at), and the activity that is. */
const PLACES = table(`
  gym=go to the gym; cinema,movies,pictures=go to the cinema; library=go to the library; church,mass,chapel=go to church;
  mosque=go to the mosque; temple=go to the temple; synagogue=go to synagogue; gurdwara=go to the gurdwara;
  doctor,doctors,doctor's,gp,surgery=go to the doctor; dentist,dentists,dentist's=go to the dentist; beach,seaside=go to the beach;
  park=go to the park; pub=go to the pub; party=go to a party; funeral=go to a funeral; wedding=go to a wedding;
  gig,concert=go to a concert; festival=go to a festival; theatre,theater,musical,panto,ballet,opera=go to the theatre;
  museum=visit a museum; gallery,art gallery,exhibition,tate=visit a gallery; zoo=go to the zoo; mountains=go to the mountains;
  disco,school disco=go to a disco; club,nightclub=go clubbing; bowls club,bowls=play bowls; memory cafe=go to the memory cafe;
  cafe,café,coffee shop=go to a cafe; restaurant=go to a restaurant; soft play=go to soft play; parents evening=go to parents evening;
  choir=sing; yoga,yoga class=yoga; pilates,pilates class=pilates; zumba,zumba class=zumba; spin,spin class=spin class;
  pool,swimming pool,baths,lido=swim; market,shops,supermarket,shopping centre,mall,tesco,sainsbury's,asda,aldi,lidl=shop;
  bed=sleep; work,office,the office=work; therapy,counselling,therapist=go to therapy; book club=go to book club;
  allotment=garden; hairdresser,hairdressers,hairdresser's,barber,barbers,barber's,salon=get a haircut; vet=; class=; school=;
  quiz,pub quiz=do a pub quiz; spa=go to a spa; bowling alley=go bowling; skatepark=skate; climbing wall=climb;
  aquarium=go to the aquarium; physio,physiotherapist,physiotherapy=go to physio; optician,opticians=go to the optician;
  hospital=go to the hospital; post office=go to the post office; bank=go to the bank; car boot,car boot sale,boot sale=shop;
  farmers market,farmer's market,garden centre,shopping=shop; bookshop,charity shops,charity shop=shop; lecture,lectures=go to lectures;
  comedy,comedy club,comedy show=go to a comedy show; match,football match,game=go to a match; beach hut=go to the beach; woods,forest=walk;
  lake=go to the lake; countryside=go to the countryside; seaside town=go to the beach; baby shower=go to a baby shower; christening=go to a christening;
  barbecue,bbq=go to a barbecue; birthday party=go to a party; sauna=go to the sauna; the pool=swim; leisure centre=swim; swimming baths=swim;
  karaoke=sing; salsa,salsa class,dance class,ballet class=dance; art class=paint; pottery class=do pottery; book group=go to book club;
  support group=go to a support group; bingo=play bingo; boxing=box; driving range=play golf; karate,judo,taekwondo=do martial arts; meeting,meetings=; town,city,shops=shop; in town=; uni,college=; nursery=;
`);

/** What "go …ing" and a gerund at a clause's start mean ("went wild swimming" → swim). */
const GERUND_PHRASES = table(`
  wild swimming,sea swimming,open water swimming=swim; rock climbing,bouldering=climb; ice skating=ice skate; roller skating=skate;
  horse riding=ride a horse; bike riding=cycle; window shopping,food shopping=shop; bowling=go bowling; clubbing=go clubbing;
  drinking=have a drink; birdwatching,bird watching=birdwatch; skinny dipping=swim; trail running,fell running=run; mountain biking=cycle;
  sea kayaking=kayak; scuba diving,diving,snorkelling,snorkeling=dive; sledging,sledding,tobogganing=sledge; boxing,kickboxing=box;
  rollerblading,rollerskating=skate; skateboarding=skateboard; trampolining=trampoline; abseiling=abseil; foraging,blackberry picking=forage;
  house hunting=; job hunting=apply for jobs; christmas shopping,online shopping,grocery shopping=shop; power walking,hill walking,dog walking=walk;
  weightlifting,weight lifting=lift weights; spinning=spin class;
`);

/** Objects of "do" (and "have a go at", "finish"): "did some yoga", "did the crossword". */
const DO_OBJECTS = table(`
  yoga,yoga video,yoga class=yoga; pilates,pilates class=pilates; zumba,zumba class=zumba; tai chi=tai chi; spin class,spin=spin class;
  stretching,stretches,stretch=stretch; meditation,meditating=meditate; gardening,garden,weeding=garden; crossword,crosswords=do a crossword;
  jigsaw,puzzle,jigsaw puzzle=do a puzzle; dishes,washing up,washing-up=do the dishes; laundry,washing=do the laundry; ironing=do the ironing;
  hoovering,vacuuming,cleaning,housework=clean; weekly shop,food shop,big shop,shopping,shop=shop; homework,coursework,essay=do homework;
  parkrun,5k,10k,run=run; walk=walk; hike=hike; swim=swim; bike ride=cycle; workout,hiit,exercise,exercises,circuits,crossfit=work out;
  karate,judo,taekwondo,martial arts,kickboxing=do martial arts; prayers,namaz,salah=pray; clean,deep clean,big clean=clean; revision=study; pub quiz,quiz=do a pub quiz; breathing exercises=do breathing exercises;
  overtime,work,some work=work; flowers,church flowers=arrange flowers; quran,quran reading=read the quran; pottery=do pottery;
  painting=paint; drawing=draw; writing=write; reading=read; baking=bake; cooking=cook; knitting=knit; sewing=sew; crochet=crochet;
  journaling,journalling=journal; colouring,coloring=colour; meal prep=meal prep; nothing,anything=; school run=school run; diy=diy;
  mindfulness,body scan=meditate; physio,physio exercises=do physio exercises; presentation=give a presentation; interview=have an interview;
  face mask=face mask; lengths,laps=swim; press ups,press-ups,push ups,sit ups,squats,plank=work out; weights=lift weights; boxing=box;
  admin,paperwork,taxes,tax return=do paperwork; bills=pay bills; hoovering=clean; dusting=clean; decorating=decorate; vacuuming=clean;
  bins=take the bins out; recycling=take the bins out; shift,night shift,double,double shift=work; lesson,lessons=;
`);

const HAVE_OBJECTS = { ...NOUN_ACTIVITIES, ...table(`go at pottery=do pottery; early night=sleep; lie=lie in; jogging=run`) };

const GET_OBJECTS = table(`
  sleep,some sleep,early night,good night's sleep,kip=sleep; haircut,hair cut=get a haircut; massage=get a massage;
  drink,drinks=have a drink; coffee=drink coffee; work,some work=work; fresh air=go outside; takeaway=have a takeaway;
  nails done=get my nails done; hair done,hair cut=get my hair done; jab,vaccine,flu jab=get a vaccine; 
`);

const TAKE_OBJECTS = table(`
  medication,meds,tablets,pills=take my medication; bins,bin,recycling,rubbish=take the bins out; kids to school,children to school=school run;
  lesson,class=; kids,children=;
  bus=take the bus; train=take the train; tube=take the tube; ferry=take the ferry; photos,photo,pictures,picture,photographs=take photos;
  exam,test,mock=take an exam; bath=bath; shower=shower; nap=nap; walk,stroll=walk; break=rest; memory lane=; up=;
`);

const MAKE_OBJECTS = table(`
  bread,banana bread,cake,cakes,birthday cake,cookies,biscuits,muffins,scones,brownies,cupcakes,pie=bake;
  pancakes,dinner,lunch,breakfast,soup,curry,a meal,meal,chilli,pasta,roast,stew,lasagne,pizza,risotto,salad,tea=cook;
  playlist=make a playlist; yoga=yoga; homework=do homework; meditation=meditate; music=make music; smoothie=;
  jam=cook; sandwiches=cook; cocktails=; bed,the bed,beds=make the bed; card,cards=make a card; collage=make a collage;
`);

const PLAY_OBJECTS = table(`
  guitar=play guitar; piano,keyboard=play piano; drums=play drums; violin=play violin; ukulele,uke=play ukulele; bass=play bass;
  cello=play cello; flute=play flute; saxophone,sax=play saxophone; trumpet=play trumpet;
  football,footy,soccer,five a side,5 a side=play football; tennis=play tennis; badminton=play badminton; basketball=play basketball;
  golf,round of golf=play golf; cricket=play cricket; rugby=play rugby; netball=play netball; hockey=play hockey; squash=play squash;
  volleyball=play volleyball; table tennis,ping pong=play table tennis; pool,snooker=play pool; darts=play darts; chess=play chess;
  cards,poker=play cards; bowls=play bowls; frisbee=play frisbee; padel=play padel; pickleball=play pickleball; baseball=play baseball;
  video games,videogames,computer games,fortnite,minecraft,roblox,fifa,xbox,playstation,ps5,switch,mario kart,zelda=play video games;
  board game,board games,boardgame,monopoly,scrabble,cluedo,catan,uno=play board games; lego=play lego; it safe=; blinder=;
`);

const WATCH_OBJECTS = table(`
  tv,telly,television,netflix,show,shows,series,documentary,box set,episode,episodes,youtube,iplayer,bake off,love island,soaps,soap=watch tv;
  news,programme,program,telly,the telly=watch tv; stars=stargaze; play,musical=go to the theatre;
  film,films,movie,movies=watch a film; sunset=watch the sunset; sunrise=watch the sunrise;
  football,match,game,rugby,cricket,tennis,f1,grand prix,snooker,darts,golf,olympics,boxing=watch sport; birds=; kids=;
`);

const LISTEN_OBJECTS = table(`news=listen to the radio; meditation,guided meditation=meditate; 
  music,album,albums,song,songs,radio,playlist,record,records,vinyl,band,classical,jazz=listen to music; podcast,podcasts=listen to a podcast;
  audiobook,audiobooks,audio book=listen to an audiobook; birds=; 
`);

const WRITE_OBJECTS = table(`code=code; song,songs,music=write music; blog,blog post=write; poem,poems,poetry,story,stories,novel,pages=write; letter,letters,card,cards=write a letter; email,emails=answer emails; journal,diary=journal; essay,homework=do homework; list=;`);

/** A person as the object of "call", "meet", … after optional "up with", "to", "in with". */
function objectPerson(toks: Token[], j: number): PersonMatch | null {
  let k = j;
  while (/^(up|with|to|in|back|round|over)$/.test(w(toks, k)) && k < j + 3) k++;
  return personAt(toks, k);
}

/** "see my friends" is "see friends": groups lose the "my"; one person keeps it ("call my sister"). */
const GROUPS = /^(my|our) (friends|mates|pals|family|girls|boys|lads|guys)$/;
const groupless = (phrase: string) => (GROUPS.test(phrase) ? phrase.replace(/^(my|our) /, "") : phrase);

const CALL_MEDIUM = /^(zoom|facetime|video|skype|teams|video call|videocall)$/;

/** Somebody reached by voice or video: "call my sister", "video call anna" ("over Zoom"). */
function callOf(toks: Token[], i: number, verb: string): Hit | null {
  const person = objectPerson(toks, i + 1);
  if (!person) return null;
  const video = verb === "video call" || toks.slice(person.end, person.end + 4).some((t) => CALL_MEDIUM.test(t.w));
  return { activity: `${video ? "video call" : verb} ${person.phrase}`, end: person.end };
}

const onThePhone = (toks: Token[], from: number) => toks.slice(from, from + 6).some((t, k, list) => t.w === "phone" && list[k - 1]?.w === "the");

/** Where one went (or is): a place on the list, or nothing ("went to Leeds" says too little). */
function placeAfter(toks: Token[], j: number): Hit | null {
  return lookup(toks, j, PLACES, 4);
}

const simple =
  (activity: string): Rule =>
  (_toks, i) => ({ activity, end: i + 1 });

const RUN_IDIOMS = /^(out|into|late|low|short|through|away|over|around|round|down|up|off|empty|dry|behind|amok|riot|wild|rings|errands)$/;

export const RULES: Record<string, Rule> = {
  run(toks, i, asNoun) {
    const next = w(toks, i + 1);
    if (asNoun) return { activity: "run", end: i + 1 };
    if (next === "errands") return { activity: "run errands", end: i + 2 };
    if (/^(late|on)$/.test(next) && /^(late|empty|fumes|autopilot)$/.test(w(toks, i + 2) || next)) return null;
    if (RUN_IDIOMS.test(next)) return null;
    // "third weekend running", "two days running".
    if (/^(weekend|week|day|night|year|time|month|days|weeks|nights|weekends)$/.test(w(toks, i - 1))) return null;
    const obj = lookup(toks, i + 1, table(`workshop=run a workshop; meeting=run a meeting; session=run a session; class=run a class; course=run a course; bath=bath; business=; marathon,race,half,5k,10k,half marathon=run`), 4);
    if (obj) return obj.activity ? obj : null;
    if (/^(a|the|my|our|his|her)$/.test(next) && !/^\d/.test(w(toks, i + 2))) {
      // "ran a tight ship", "ran the house": a run needs a distance or a race, not just any object.
      const after = w(toks, i + 2);
      if (!/^(marathon|race|5k|10k|half|mile|miles|lap|laps|loop|quick|slow|short|long|couple|few)$/.test(after)) return null;
    }
    return { activity: "run", end: i + 1 };
  },
  walk(toks, i, asNoun) {
    const next = w(toks, i + 1);
    if (!asNoun && /^(all|into|away|out|over|off|on)$/.test(next) && !/^(the|a)$/.test(w(toks, i + 2))) return null;
    if (next === "straight" && w(toks, i + 2) === "into") return null;
    const rest = toks.slice(i + 1, i + 5).map((t) => t.w);
    if (rest.includes("dog") || rest.includes("dogs")) return { activity: "walk the dog", end: i + 1 + rest.indexOf(rest.includes("dog") ? "dog" : "dogs") + 1 };
    // "walk to work" is a walk; the work is another matter.
    if (next === "to" && /^(work|school|uni|college|the)$/.test(w(toks, i + 2))) return { activity: "walk", end: i + 3 };
    if (next === "home") return { activity: "walk", end: i + 2 };
    return { activity: "walk", end: i + 1 };
  },
  jog: simple("run"),
  swim(toks, i) {
    if (w(toks, i + 1) === "against" || (w(toks, i + 1) === "in" && /^(debt|paperwork|work|emails|it)$/.test(w(toks, i + 2)))) return null;
    if (w(toks, i + 1) === "lessons" || w(toks, i + 1) === "lesson") return null;
    return { activity: "swim", end: i + 1 };
  },
  dip: (toks, i, asNoun) => (asNoun ? { activity: "swim", end: i + 1 } : null),
  paddle: simple("paddle"),
  hike: simple("hike"),
  cycle(toks, i) {
    if (/^(through|between)$/.test(w(toks, i + 1))) return null;
    return { activity: "cycle", end: i + 1 };
  },
  bike: simple("cycle"),
  ride(toks, i) {
    const obj = lookup(toks, i + 1, table(`bike,bikes,bicycle=cycle; horse,horses,pony=ride a horse; bus=take the bus; train=take the train`), 4);
    return obj;
  },
  drive(toks, i) {
    if (/^(me|us|him|her)$/.test(w(toks, i + 1))) return null;
    return { activity: "drive", end: i + 1 };
  },
  dance: simple("dance"),
  sing: simple("sing"),
  paint(toks, i) {
    const obj = lookup(toks, i + 1, table(`fence=paint the fence; wall,walls=paint the walls; room,bedroom,kitchen,bathroom,lounge,living room,hallway=paint the room; door,shed=paint the shed; nails=`), 4);
    if (obj) return obj.activity ? obj : null;
    return { activity: "paint", end: i + 1 };
  },
  draw(toks, i) {
    if (w(toks, i + 1) === "a" && /^(blank|line|bath|conclusion)$/.test(w(toks, i + 2))) return w(toks, i + 2) === "bath" ? { activity: "bath", end: i + 3 } : null;
    if (/^(up|on|out|back|attention|breath|near|closer|together)$/.test(w(toks, i + 1))) return null;
    return { activity: "draw", end: i + 1 };
  },
  sketch: simple("draw"),
  doodle: simple("draw"),
  knit: simple("knit"),
  crochet: simple("crochet"),
  sew: simple("sew"),
  embroider: simple("embroider"),
  bake: simple("bake"),
  cook(toks, i) {
    if (w(toks, i + 1) === "up") return null;
    return { activity: "cook", end: i + 1 };
  },
  clean(toks, i) {
    if (/^(teeth|my teeth)$/.test(w(toks, i + 1))) return null;
    return { activity: "clean", end: i + 1 };
  },
  tidy: simple("tidy"),
  hoover: simple("clean"),
  vacuum: simple("clean"),
  mop: simple("clean"),
  declutter: simple("clean"),
  iron: simple("do the ironing"),
  wash(toks, i) {
    return lookup(toks, i + 1, table(`car=wash the car; up,dishes,pots,pans=do the dishes; clothes,washing=do the laundry; hair,face,hands=`), 4);
  },
  garden: simple("garden"),
  weed: simple("garden"),
  plant(toks, i) {
    if (/^(a|the)$/.test(w(toks, i + 1)) && /^(seed|idea|thought)$/.test(w(toks, i + 2))) return null;
    return { activity: "garden", end: i + 1 };
  },
  potter: simple("garden"),
  mow: simple("mow the lawn"),
  water(toks, i) {
    return lookup(toks, i + 1, table(`plants,plant,garden,flowers,tomatoes,veg=water the plants`), 4);
  },
  repot: simple("repot a plant"),
  pull(toks, i) {
    return lookup(toks, i + 1, table(`weeds=garden`), 4);
  },
  meditate: simple("meditate"),
  pray: simple("pray"),
  journal: simple("journal"),
  stretch: simple("stretch"),
  nap: simple("nap"),
  rest: simple("rest"),
  relax: simple("rest"),
  sunbathe: simple("sunbathe"),
  stargaze: simple("stargaze"),
  camp: simple("camp"),
  climb(toks, i) {
    if (/^(into|in|out|up|down|onto|on)$/.test(w(toks, i + 1)) && /^(bed|the|my)$/.test(w(toks, i + 2))) return null;
    return { activity: "climb", end: i + 1 };
  },
  surf(toks, i) {
    if (/^(the|web|internet|net|channels)$/.test(w(toks, i + 1))) return null;
    return { activity: "surf", end: i + 1 };
  },
  ski: simple("ski"),
  snowboard: simple("snowboard"),
  skate(toks, i) {
    if (w(toks, i + 1) === "on" || w(toks, i + 1) === "over") return null;
    return { activity: w(toks, i - 1) === "ice" ? "ice skate" : "skate", end: i + 1 };
  },
  paddleboard: simple("paddleboard"),
  kayak: simple("kayak"),
  canoe: simple("kayak"),
  sail: simple("sail"),
  fish(toks, i) {
    if (/^(for|around|out)$/.test(w(toks, i + 1))) return null;
    return { activity: "fish", end: i + 1 };
  },
  bowl: (toks, i) => (w(toks, i) === "bowling" ? { activity: "go bowling", end: i + 1 } : null),
  shop: simple("shop"),
  wander(toks, i) {
    const rest = toks.slice(i + 1, i + 4).map((t) => t.w);
    if (rest.includes("shops") || rest.includes("market")) return { activity: "shop", end: i + 1 + rest.indexOf(rest.includes("shops") ? "shops" : "market") + 1 };
    if (w(toks, i + 1) === "off") return null;
    return { activity: "walk", end: i + 1 };
  },
  stroll: simple("walk"),
  amble: simple("walk"),
  babysit: simple("babysit"),
  pack(toks, i) {
    if (/^(up|in)$/.test(w(toks, i + 1)) && /^(work|job|it|smoking)$/.test(w(toks, i + 2))) return null;
    return { activity: "pack", end: i + 1 };
  },
  travel: simple("travel"),
  fly(toks, i) {
    if (/^(to|out|off|home|back|abroad)$/.test(w(toks, i + 1))) return { activity: "travel", end: i + 2 };
    return null;
  },
  scroll: simple("scroll my phone"),
  answer: (toks, i) => lookup(toks, i + 1, table(`email,emails=answer emails`), 4),
  lift: (toks, i) => lookup(toks, i + 1, table(`weights=lift weights`), 3),
  exercise: simple("work out"),
  train(toks, i) {
    if (/^(at|for|hard|with)$/.test(w(toks, i + 1)) || i + 1 >= toks.length) return { activity: "work out", end: i + 1 };
    return null;
  },
  shower: simple("shower"),
  bath: (toks, i, asNoun) => (asNoun || /^(the|a|my)$/.test(w(toks, i + 1)) === false ? { activity: "bath", end: i + 1 } : null),
  study(toks, i) {
    const next = w(toks, i + 1);
    if (/^(english|french|spanish|german|italian|japanese|chinese|mandarin|arabic|welsh|portuguese|russian|korean)$/.test(next)) return { activity: `study ${next}`, end: i + 2 };
    return { activity: "study", end: i + 1 };
  },
  revise: simple("study"),
  code: simple("code"),
  program: simple("code"),
  teach: simple("teach"),
  volunteer: simple("volunteer"),
  work(toks, i) {
    const next = w(toks, i + 1);
    if (next === "out") return /^(what|how|why|whether|if|where|who|that|it|things)$/.test(w(toks, i + 2)) ? null : { activity: "work out", end: i + 2 };
    if (/^(up|through)$/.test(next)) return null;
    return { activity: "work", end: i + 1 };
  },
  game: simple("play video games"),
  babysat: simple("babysit"),
  kickabout: simple("play football"),

  // Verbs whose object says what was done.
  call: (toks, i) => callOf(toks, i, "call"),
  phone: (toks, i) => callOf(toks, i, "call"),
  ring: (toks, i) => callOf(toks, i, "call"),
  facetime: (toks, i) => callOf(toks, i, "video call"),
  skype: (toks, i) => callOf(toks, i, "video call"),
  text(toks, i) {
    const person = objectPerson(toks, i + 1);
    return person ? { activity: `text ${person.phrase}`, end: person.end } : null;
  },
  message(toks, i) {
    const person = objectPerson(toks, i + 1);
    return person ? { activity: `text ${person.phrase}`, end: person.end } : null;
  },
  talk(toks, i) {
    if (!/^(to|with)$/.test(w(toks, i + 1))) return null;
    const person = objectPerson(toks, i + 1);
    if (person && onThePhone(toks, person.end)) return { activity: `call ${person.phrase}`, end: person.end };
    return { activity: "talk", end: person?.end ?? i + 2 };
  },
  speak: (toks, i) => RULES.talk!(toks, i, false),
  chat: (toks, i) => RULES.talk!(toks, i, false),
  hug(toks, i) {
    const person = objectPerson(toks, i + 1);
    return person ? { activity: `hug ${person.phrase}`, end: person.end } : null;
  },
  cuddle: (toks, i) => RULES.hug!(toks, i, false),
  meet(toks, i) {
    const person = objectPerson(toks, i + 1);
    if (!person) return null;
    // "Met up with Sarah for lunch" is two things done.
    const meal = w(toks, person.end) === "for" ? lookup(toks, person.end + 1, NOUN_ACTIVITIES, 3) : null;
    return { activity: `meet ${groupless(person.phrase)}`, end: meal?.end ?? person.end, also: meal?.activity ? [meal.activity] : undefined };
  },
  see(toks, i) {
    if (/^(dr|doctor|the|my|a)$/.test(w(toks, i + 1)) && /^(dr|doctor|gp|nurse|physio|consultant|specialist)$/.test(w(toks, i + 1) === "dr" || w(toks, i + 1) === "doctor" ? "dr" : w(toks, i + 2))) {
      return { activity: "go to the doctor", end: i + 3 };
    }
    if (/^(my|a|the)$/.test(w(toks, i + 1)) && /^(therapist|counsellor|counselor)$/.test(w(toks, i + 2))) return { activity: "go to therapy", end: i + 3 };
    const person = personAt(toks, i + 1);
    if (person) return { activity: `see ${groupless(person.phrase)}`, end: person.end };
    const obj = lookup(toks, i + 1, table(`sunset=watch the sunset; sunrise=watch the sunrise; film,movie=watch a film; show,play,musical,panto=go to the theatre; gig,concert,band=go to a concert`), 4);
    return obj;
  },
  hang(toks, i) {
    if (lookup(toks, i + 1, { washing: "x", laundry: "x" }, 3)) return { activity: "do the laundry", end: i + 3 };
    if (w(toks, i + 1) !== "out") return null;
    const person = objectPerson(toks, i + 2);
    return person ? { activity: `see ${groupless(person.phrase)}`, end: person.end } : null;
  },
  catch(toks, i) {
    if (w(toks, i + 1) === "up") {
      const person = objectPerson(toks, i + 2);
      if (!person) return null;
      if (toks.slice(person.end, person.end + 4).some((t) => CALL_MEDIUM.test(t.w))) return { activity: `video call ${person.phrase}`, end: person.end };
      if (onThePhone(toks, person.end)) return { activity: `call ${person.phrase}`, end: person.end };
      return { activity: `see ${groupless(person.phrase)}`, end: person.end };
    }
    return lookup(toks, i + 1, table(`bus=take the bus; train=take the train; waves,wave=surf`), 4);
  },
  visit(toks, i) {
    const person = personAt(toks, i + 1);
    if (person && toks[person.end - 1]?.poss && w(toks, person.end) === "grave") return { activity: "visit a grave", end: person.end + 1 };
    const place = lookup(toks, i + 1, table(`grave,cemetery=visit a grave; museum=visit a museum; gallery,exhibition,tate,national gallery=visit a gallery; castle=visit a castle`), 4);
    if (place) return place;
    if (person) return { activity: `visit ${person.phrase}`, end: person.end };
    return null;
  },
  help(toks, i) {
    const rest = toks.slice(i + 1, i + 7).map((t) => t.w);
    if (rest.includes("bank") || rest.includes("charity") || rest.includes("shelter")) return { activity: "volunteer", end: i + 2 };
    if (rest.includes("homework")) return { activity: "help with homework", end: i + 2 + rest.indexOf("homework") };
    return null;
  },
  feed(toks, i) {
    return lookup(toks, i + 1, table(`baby=feed the baby; ducks=feed the ducks; birds=feed the birds`), 4);
  },
  build: (toks, i) => lookup(toks, i + 1, table(`sandcastle,sandcastles=build sandcastles; lego=play lego; den=build a den; snowman=build a snowman`), 4),
  fix: (toks, i) => lookup(toks, i + 1, table(`bike,puncture=fix the bike`), 6),
  repair: (toks, i) => RULES.fix!(toks, i, false),
  mend: (toks, i) => RULES.fix!(toks, i, false),
  finish(toks, i) {
    return lookup(toks, i + 1, table(`essay,homework,coursework=do homework; book,novel=read; puzzle,jigsaw=do a puzzle; crossword=do a crossword`), 5);
  },
  start(toks, i) {
    return lookup(toks, i + 1, { run: "run", walk: "walk", swim: "swim" }, 3);
  },
  look(toks, i) {
    const next = w(toks, i + 1);
    if (next === "after") {
      const person = personAt(toks, i + 2) ?? personAt(toks, i + 3);
      return person ? { activity: "babysit", end: person.end } : null;
    }
    if (next === "at") return lookup(toks, i + 2, table(`photos,photo,pictures,photographs,albums,album=look at photos; stars=stargaze`), 4);
    return null;
  },
  read(toks, i) {
    const next = w(toks, i + 1);
    if (next === "between" || next === "into" || next === "up") return null;
    const obj = lookup(toks, i + 1, table(`quran,koran=read the quran; bible=read the bible; room=; signs=; mind=`), 4);
    if (obj) return obj.activity ? obj : null;
    return { activity: "read", end: i + 1 };
  },
  write(toks, i) {
    if (/^(off|it off|down)$/.test(w(toks, i + 1))) return null;
    const obj = lookup(toks, i + 1, WRITE_OBJECTS, 5);
    if (obj) return obj;
    if (w(toks, i + 1) === "in" && /^(my|a)$/.test(w(toks, i + 2)) && /^(journal|diary|notebook)$/.test(w(toks, i + 3))) return { activity: "journal", end: i + 4 };
    return { activity: "write", end: i + 1 };
  },
  listen(toks, i) {
    if (w(toks, i + 1) !== "to") return null;
    const obj = lookup(toks, i + 2, LISTEN_OBJECTS, 5);
    if (obj) return obj.activity ? obj : null;
    // A band or a singer ("listened to Adele") is music; a person one knows is not.
    const k = /^(some|old|the|my)$/.test(w(toks, i + 2)) ? i + 3 : i + 2;
    if (toks[k]?.cap && !personAt(toks, k)) return { activity: "listen to music", end: k + 1 };
    return null;
  },
  watch(toks, i) {
    const obj = lookup(toks, i + 1, WATCH_OBJECTS, 5);
    if (obj) return obj.activity ? obj : null;
    // A title nobody listed ("Watched Countdown") is most often a programme.
    if (toks[i + 1]?.cap && !personAt(toks, i + 1)) return { activity: "watch tv", end: i + 2 };
    return null;
  },
  play(toks, i) {
    const next = w(toks, i + 1);
    if (next === "with") {
      if (/^(the|my)$/.test(w(toks, i + 2)) && /^(dog|dogs|puppy|cat|kitten)$/.test(w(toks, i + 3))) return { activity: `play with the ${w(toks, i + 3)}`, end: i + 4 };
      const person = personAt(toks, i + 2);
      if (person && /^(the|my) (kids|children|baby|toddler)$/.test(person.phrase)) return { activity: "play with the kids", end: person.end };
      return null;
    }
    if (/^(along|down|up|dead|it|out|on|a)$/.test(next) && !/^(game|round|board)$/.test(w(toks, i + 2))) {
      if (!(next === "a" && lookup(toks, i + 1, PLAY_OBJECTS, 4)?.activity)) return null;
    }
    const obj = lookup(toks, i + 1, PLAY_OBJECTS, 5);
    return obj?.activity ? obj : null;
  },
  go(toks, i) {
    let j = i + 1;
    if (/^(out|off|down|back)$/.test(w(toks, j)) && w(toks, j + 1) === "for") j++;
    const next = w(toks, j);
    if (next === "for" || next === "on") {
      const obj = lookup(toks, j + 1, NOUN_ACTIVITIES, 5);
      if (obj?.activity) return obj;
      if (next === "on" && lookup(toks, j + 1, { trip: "travel", holiday: "travel" }, 4)) return { activity: "travel", end: j + 3 };
      return null;
    }
    if (next === "to" || next === "into" || next === "2") {
      const verb = toks[j + 1];
      // "I go to walk with my dog": the verb after says what was done; "going to call" is a plan.
      const reading = verb ? verbReading(verb.w) : undefined;
      if (reading?.form === "base" && RULES[reading.lemma] && !PLACES[verb!.w]) return w(toks, i) === "going" ? null : RULES[reading.lemma]!(toks, j + 1, false);
      return placeAfter(toks, j + 1);
    }
    if (next === "round" || next === "around") return lookup(toks, j + 1, table(`shops,market=shop`), 3);
    // "went swimming", "went wild swimming".
    const gerundPhrase = lookup(toks, j, GERUND_PHRASES, 2);
    if (gerundPhrase) return gerundPhrase;
    for (const k of [j, j + 1]) {
      const t = w(toks, k);
      if (!t.endsWith("ing")) continue;
      const rule = gerundRule(t);
      if (rule) return rule(toks, k, false);
    }
    return null;
  },
  have(toks, i) {
    const next = w(toks, i + 1);
    if (next === "to" || next === "got" || next === "been" || next === "no") return null;
    if (next === "my" && /^(hair|nails|teeth|eyebrows|eyes)$/.test(w(toks, i + 2))) {
      const part = w(toks, i + 2);
      if (part === "teeth") return { activity: "go to the dentist", end: i + 4 };
      if (part === "eyes") return { activity: "go to the optician", end: i + 4 };
      return { activity: part === "nails" ? "get my nails done" : "get my hair done", end: i + 4 };
    }
    const chat = lookup(toks, i + 1, { chat: "talk", natter: "talk", "catch up": "talk", call: "talk" }, 4);
    if (chat) {
      const person = objectPerson(toks, chat.end);
      if (person && onThePhone(toks, person.end)) return { activity: `call ${person.phrase}`, end: person.end };
      return { activity: "talk", end: person?.end ?? chat.end };
    }
    const obj = lookup(toks, i + 1, HAVE_OBJECTS, 6);
    return obj?.activity ? obj : null;
  },
  do(toks, i) {
    const next = w(toks, i + 1);
    if (/^(not|it|that|this|so|well|badly|fine|okay|ok|ok?|great|too)$/.test(next)) return null;
    const obj = lookup(toks, i + 1, DO_OBJECTS, 6);
    if (obj) return obj.activity ? obj : null;
    const gerund = toks.slice(i + 1, i + 4).find((t) => t.w.endsWith("ing") && gerundRule(t.w));
    return gerund ? gerundRule(gerund.w)!(toks, toks.indexOf(gerund), false) : null;
  },
  get(toks, i) {
    const next = w(toks, i + 1);
    if (next === "round" && w(toks, i + 2) === "to") return lookup(toks, i + 3, DO_OBJECTS, 5);
    if (/^(up|out|home|back|to|into|on|over|through|away|by|lost|worse|better|angry|upset|stressed|worked)$/.test(next)) return null;
    const obj = lookup(toks, i + 1, GET_OBJECTS, 6);
    return obj?.activity ? obj : null;
  },
  take(toks, i) {
    const next = w(toks, i + 1);
    if (/^(up|off|over|on|care|part|place|it|time|ages)$/.test(next)) return null;
    if (next === "the" && w(toks, i + 2) === "dog") {
      if (w(toks, i + 3) === "to" && w(toks, i + 5) === "vet") return { activity: "take the dog to the vet", end: i + 6 };
      if (w(toks, i + 3) === "to" && w(toks, i + 4) === "the" && w(toks, i + 5) === "vet") return { activity: "take the dog to the vet", end: i + 6 };
      return { activity: "walk the dog", end: i + 3 };
    }
    // "took the kids to the park": where they went is what was done.
    const person = personAt(toks, i + 1);
    if (person && w(toks, person.end) === "to") return lookup(toks, person.end + 1, PLACES, 4);
    const obj = lookup(toks, i + 1, TAKE_OBJECTS, 5);
    return obj?.activity ? obj : null;
  },
  make(toks, i) {
    const next = w(toks, i + 1);
    if (/^(me|us|him|her|them|it|sure|time|plans|a start|an effort|do)$/.test(next)) return null;
    const obj = lookup(toks, i + 1, MAKE_OBJECTS, 5);
    if (!obj?.activity) return null;
    if (obj.activity === "do homework" && toks.slice(obj.end, obj.end + 4).some((t) => t.w === "with")) return { activity: "help with homework", end: obj.end };
    return obj;
  },
  spend(toks, i) {
    // "Spent the afternoon in the garden", "spent the morning at soft play", "with my feet up".
    for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
      const t = w(toks, j);
      if (t === "in" && w(toks, j + 1) === "the" && w(toks, j + 2) === "garden") return { activity: "garden", end: j + 3 };
      if (t === "at") return placeAfter(toks, j + 1);
      if (t === "money" || verbReading(t)?.form === "ing") return null;
    }
    return null;
  },
  sit(toks, i) {
    const next = w(toks, i + 1);
    if (next === "in" && w(toks, i + 2) === "the" && w(toks, i + 3) === "garden") return { activity: "sit in the garden", end: i + 4 };
    const exam = lookup(toks, i + 1, table(`exam,exams,test,mock,paper=take an exam`), 4);
    return exam;
  },
  be(toks, i) {
    // "I'm at the gym": being somewhere is going there.
    if (w(toks, i + 1) !== "at") return null;
    return placeAfter(toks, i + 2);
  },
  fall(toks, i) {
    return w(toks, i + 1) === "asleep" ? { activity: "sleep", end: i + 2 } : null;
  },
  sleep(toks, i) {
    const next = w(toks, i + 1);
    if (next === "in") return { activity: "lie in", end: i + 2 };
    if (/^(on|over|around|with|through)$/.test(next)) return null;
    return { activity: "sleep", end: i + 1 };
  },
  lie: (toks, i) => (w(toks, i + 1) === "in" ? { activity: "lie in", end: i + 2 } : null),
  stay(toks, i) {
    if (w(toks, i + 1) !== "up") return null;
    const gaming = toks.slice(i + 2, i + 7).find((t) => t.w === "gaming");
    return gaming ? { activity: "play video games", end: toks.indexOf(gaming) + 1 } : null;
  },
  put(toks, i) {
    if (/^(the|a|some)$/.test(w(toks, i + 1)) && /^(washing|laundry|wash)$/.test(w(toks, i + 2))) return { activity: "do the laundry", end: i + 3 };
    if (w(toks, i + 1) === "up" && /^(shelves|shelf|pictures|curtains|blinds)$/.test(w(toks, i + 2))) return { activity: "diy", end: i + 3 };
    return /^(my|our)$/.test(w(toks, i + 1)) && w(toks, i + 2) === "feet" && w(toks, i + 3) === "up" ? { activity: "rest", end: i + 4 } : null;
  },
  drink(toks, i) {
    const obj = lookup(toks, i + 1, table(`water=drink water; tea,cuppa=drink tea; coffee=drink coffee; wine=drink wine; beer,pint,pints,cider=drink beer`), 6);
    if (obj) return obj;
    if (/^(too|a|at|loads|lots)$/.test(w(toks, i + 1)) || i + 1 >= toks.length) return { activity: "have a drink", end: i + 1 };
    return null;
  },
  eat(toks, i) {
    const obj = lookup(toks, i + 1, table(`breakfast=have breakfast; lunch=have lunch; dinner,tea=have dinner; brunch=have brunch; out=eat out; takeaway=have a takeaway`), 4);
    return obj;
  },
  photograph: simple("take photos"),
  practise(toks, i) {
    const obj = lookup(toks, i + 1, { ...PLAY_OBJECTS, yoga: "yoga", mindfulness: "meditate", meditation: "meditate", "tai chi": "tai chi", spanish: "study spanish", french: "study french" }, 4);
    return obj?.activity ? obj : null;
  },
  practice: (toks, i) => RULES.practise!(toks, i, false),
  pay: (toks, i) => lookup(toks, i + 1, table(`bills,bill,rent,council tax,credit card,invoices=pay bills`), 4),
  grab(toks, i) {
    const obj = lookup(toks, i + 1, NOUN_ACTIVITIES, 5);
    return obj?.activity && /^(drink|have)/.test(obj.activity) ? obj : null;
  },
  order: (toks, i) => lookup(toks, i + 1, table(`takeaway,pizza,chinese,indian,curry=have a takeaway`), 4),
  hit: (toks, i) => (w(toks, i + 1) === "the" && w(toks, i + 2) === "gym" ? { activity: "go to the gym", end: i + 3 } : null),
  attend(toks, i) {
    return placeAfter(toks, i + 1) ?? lookup(toks, i + 1, table(`service,mass=go to church; class,course,lecture=go to a class`), 4);
  },
  host: (toks, i) => lookup(toks, i + 1, table(`dinner,dinner party,party,barbecue,bbq,brunch,lunch=host a dinner`), 4),
  send(toks, i) {
    const person = personAt(toks, i + 1);
    if (person && /^(a|an)$/.test(w(toks, person.end)) && /^(text|message|voice|email)$/.test(w(toks, person.end + 1))) return { activity: `text ${person.phrase}`, end: person.end + 2 };
    return lookup(toks, i + 1, table(`emails,email=answer emails`), 4);
  },
  give: (toks, i) => lookup(toks, i + 1, table(`presentation,talk,speech=give a presentation; blood=give blood`), 4),
  pick(toks, i) {
    if (lookup(toks, i + 1, table(`kids,children,son,daughter,boys,girls=school run`), 5)) return { activity: "school run", end: i + 2 };
    return lookup(toks, i + 1, table(`blackberries,apples,strawberries,berries=forage`), 4);
  },
  drop(toks, i) {
    return lookup(toks, i + 1, table(`kids,children,son,daughter=school run`), 4);
  },
  change: (toks, i) => lookup(toks, i + 1, table(`bed,beds,sheets,bedding=change the bed`), 4),
  empty: (toks, i) => lookup(toks, i + 1, table(`dishwasher=do the dishes; bins,bin=take the bins out`), 4),
  load: (toks, i) => lookup(toks, i + 1, table(`dishwasher=do the dishes; washing machine=do the laundry`), 4),
  unload: (toks, i) => lookup(toks, i + 1, table(`dishwasher=do the dishes`), 4),
  fold: (toks, i) => lookup(toks, i + 1, table(`laundry,washing,clothes=do the laundry`), 4),
  sweep: simple("clean"),
  scrub: simple("clean"),
  polish: simple("clean"),
  decorate: simple("decorate"),
  wallpaper: simple("decorate"),
  browse: (toks, i) => lookup(toks, i + 1, table(`shops,bookshop,market,charity shops=shop`), 4),
  apply: (toks, i) => lookup(toks, i + 1, table(`jobs,job=apply for jobs`), 4),
  tutor: simple("teach"),
  cram: simple("study"),
  swot: simple("study"),
  learn(toks, i) {
    const next = w(toks, i + 1);
    if (/^(english|french|spanish|german|italian|japanese|chinese|mandarin|arabic|welsh|portuguese|korean)$/.test(next)) return { activity: `study ${next}`, end: i + 2 };
    return null;
  },
  blog: simple("write"),
  rehearse: simple("rehearse"),
  perform: simple("perform"),
  soak: (toks, i) => (/^(in)$/.test(w(toks, i + 1)) && /^(the|a)$/.test(w(toks, i + 2)) && /^(bath|tub)$/.test(w(toks, i + 3)) ? { activity: "bath", end: i + 4 } : null),
  dive: simple("dive"),
  snorkel: simple("dive"),
  sledge: simple("sledge"),
  skateboard: simple("skateboard"),
  rollerblade: simple("skate"),
  trampoline: simple("trampoline"),
  abseil: simple("abseil"),
  forage: simple("forage"),
  box: (toks, i) => (w(toks, i) === "boxing" ? { activity: "box", end: i + 1 } : null),
  kickbox: simple("box"),
  mark: (toks, i) => lookup(toks, i + 1, table(`essays,books,papers,homework,tests,exams,coursework=mark`), 4),
  fast: () => null,
  roast: simple("cook"),
  grill: simple("cook"),
  fry: simple("cook"),
  barbecue: simple("have a barbecue"),
  prune: simple("garden"),
  rake: simple("garden"),
  sow: simple("garden"),
  harvest: simple("garden"),
  trek: simple("hike"),
  ramble: simple("walk"),
  wade: simple("paddle"),
  doze: simple("nap"),
  snooze: simple("nap"),
  chill(toks, i) {
    return /^(out|on)$/.test(w(toks, i + 1)) || i + 1 >= toks.length ? { activity: "rest", end: i + 1 } : null;
  },
  lounge: simple("rest"),
  quilt: simple("sew"),
  colour: simple("colour"),
  zoom: (toks, i) => callOf(toks, i, "video call"),
  unpack: simple("unpack"),
  birdwatch: simple("birdwatch"),
  film: () => null,
  skip: () => null,
  cancel: () => null,
  miss: () => null,
  bathe: simple("bath"),
  buy: () => null,
};

/** The rule for an -ing word on its own ("Cooking dinner", "went swimming"). */
export function gerundRule(word: string): Rule | null {
  if (GERUND_PHRASES[word]) return (_t, i) => ({ activity: GERUND_PHRASES[word]!, end: i + 1 });
  const reading = verbReading(word);
  if (reading?.form !== "ing" || LIGHT_VERBS.has(reading.lemma)) return null;
  return RULES[reading.lemma] ?? null;
}

/** Verbs that say little on their own: "going", "having", "doing" are not an activity after "went". */
export const LIGHT_VERBS = new Set("go have do get take make spend sit be look fall stay put help start finish skip cancel miss buy film".split(" "));

