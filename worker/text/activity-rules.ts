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
  /** Taken as done by the sentence whoever's it is ("stiff from yesterday's hike"). */
  presupposed?: boolean;
  /** The cause of how the writer feels ("sore from the hike", "knackered after football"). */
  cause?: boolean;
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
      const value = table[gram(toks, j, len)];
      if (value !== undefined) return { activity: value, end: j + len };
    }
    if (PHRASE_END.has(w(toks, j + 1)) && !toks[j + 1]!.joined && !startsKey(toks, j + 1, table)) return null;
    // A noun phrase ends at the next verb in the past ("had not played the piano"), not at "a cut".
    if (verbReading(w(toks, j + 1))?.form === "past" && !/^(a|an|the|my|some|this|that|quick|little)$/.test(w(toks, j)) && !startsKey(toks, j + 1, table)) return null;
  }
  return null;
}

const startsKey = (toks: Token[], j: number, table: Record<string, string>) =>
  j < toks.length && (table[gram(toks, j, 1)] !== undefined || table[gram(toks, j, 2)] !== undefined || table[gram(toks, j, 3)] !== undefined);

const grams = new WeakMap<Token[], string[]>();

/** The words `j` to `j + len` of a clause joined by spaces, worked out once per clause (len 1 to 3). */
export function gram(toks: Token[], j: number, len: number): string {
  let cached = grams.get(toks);
  if (!cached) grams.set(toks, (cached = []));
  const at = j * 3 + len - 1;
  let key = cached[at];
  if (key === undefined) {
    key = toks[j]?.w ?? "";
    for (let k = 1; k < len; k++) key += ` ${toks[j + k]?.w ?? ""}`;
    cached[at] = key;
  }
  return key;
}

const tables = new Map<string, Record<string, string>>();

/** Tables joined into one (later ones win), with no prototype either. */
const merge = (...parts: Record<string, string>[]): Record<string, string> => Object.assign(Object.create(null), ...parts);

/** "a,b=x; c=y" as { a: "x", b: "x", c: "y" } (read once per spec); an empty value blocks a reading. */
const table = (spec: string): Record<string, string> => {
  const known = tables.get(spec);
  if (known) return known;
  // No prototype: a word like "constructor" must not find Object's.
  const out: Record<string, string> = Object.create(null);
  tables.set(spec, out);
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
  jogs=run; sprint,sprints=run; trail run=run; lengths,laps=swim; sea swim,wild swim=swim; plunge,cold plunge,ice bath=cold plunge; sauna,steam=sauna;
  ride,bike ride,long ride,cycle ride=cycle; spin=cycle; row=argue; argument,fight,falling out=argue; scroll=scroll my phone;
  brekkie,breakfast=have breakfast; supper=have dinner; dumplings=eat out; afternoon tea=have afternoon tea; cake=;
  appraisal,1:1,1 1,catch-up call,zoom call,team meeting,check-in=have a meeting; blood test=have a blood test; eye test=go to the optician;
  smear test,check up,checkup,check-up=go to the doctor; scan=; jab,flu jab,booster=get a vaccine; trim=get a haircut; pedicure=get my nails done;
  driving lesson=driving lesson; lesson,lessons,class,session=; practice=; boogie,dance=dance; singalong,sing-song,sing song,karaoke=sing;
  jam,jam session=play music; party=go to a party; gig=go to a concert; road trip=drive; day out,day trip=travel; barbie=have a barbecue;
  game of chess=play chess; game of cards=play cards; game of pool=play pool; game of tennis=play tennis; game of golf=play golf;
  knock about,knockabout=play football; paddleboard=paddleboard; surf=surf; kayak=kayak; skate=skate; climb=climb; sunbathe=sunbathe;
  pray,prayer,prayers=pray; meditation,meditate=meditate; stretch,good stretch=stretch; yoga session=yoga; gym session=go to the gym;
  workout,work-out,work out,hiit session=work out; massage,back massage=get a massage; facial=get a facial; cry,good cry=; think=; look=; go=;
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
  rock pool,lido,sea,lake=swim; climbing wall,bouldering wall,climbing centre,bouldering gym,crag=climb; rink,ice rink=skate; driving range=play golf;
  football,the football,rugby,the rugby,cricket,the cricket,match=go to a match; lecture=go to a lecture; evening class,class,my class,night class=go to class;
  graduation=go to a graduation; conference=go to a conference; recital,school play,nativity=go to a recital; office,the office=work; allotment=garden; mall,thrift shop,thrift store,charity shop=shop;
  spinning,spinning class=cycle; farm shop,corner shop=shop; tip,the tip,dump,the dump,recycling centre=declutter; farmers market,farmers' market,sunday market,market,street market,food market=shop; botanical gardens,gardens=go to the botanical gardens; garden centre=shop;
  gp,doctor's,surgery,walk-in centre=go to the doctor; opticians,optician's=go to the optician; vet=; physio=go to physio; therapist=go to therapy;
  temple,mandir=go to the temple; church,chapel,cathedral,mass,service,evensong,communion,church service,sunday service,midnight mass,carol service=go to church; mosque,masjid,jummah=go to the mosque; spin class=cycle;
  barre,barre class=barre; pottery class,pottery=pottery; open mic,open mic night=play music; karaoke,karaoke bar=sing; escape room=do an escape room;
  bed=sleep; sauna=sauna; spa=go to a spa; date=go on a date; gym class,gym session=go to the gym; yoga studio=yoga; pool hall=play pool;
  hairdresser,hairdressers,barber,barbers,salon=get a haircut; funeral=go to a funeral; concert,gig,festival,show=go to a concert;
`);

/** What "go …ing" and a gerund at a clause's start mean ("went wild swimming" → swim). */
const GERUND_PHRASES = table(`
  wild swimming,sea swimming,open water swimming=swim; rock climbing,bouldering=climb; ice skating=ice skate; roller skating=skate;
  horse riding=ride a horse; bike riding=cycle; window shopping,food shopping=shop; bowling=go bowling; clubbing=go clubbing;
  drinking=have a drink; birdwatching,bird watching=birdwatch; skinny dipping=swim; trail running,fell running=run; mountain biking=cycle;
  sea kayaking=kayak; scuba diving,diving,snorkelling,snorkeling=dive; sledging,sledding,tobogganing=sledge; boxing,kickboxing=box;
  rollerblading,rollerskating=skate; skateboarding=skateboard; trampolining=trampoline; abseiling=abseil; foraging,blackberry picking=forage;
  house hunting=; job hunting=apply for jobs; christmas shopping,online shopping,grocery shopping=shop; power walking,hill walking,dog walking=walk;
  weightlifting,weight lifting=lift weights; spinning=spin class; thrifting,thrift shopping,charity shopping=shop; ice skating=skate;
  horse riding,horseback riding,pony riding=ride; hill walking,nordic walking=walk; cold water swimming,sea swimming=swim; litter picking=litter pick;
  aqua aerobics=aqua aerobics; pole dancing,ballroom dancing,salsa dancing,line dancing=dance; doomscrolling=scroll my phone; stargazing=stargaze;
  sightseeing=explore; canoeing=kayak; grocery shopping=shop;
`);

/** Objects of "do" (and "have a go at", "finish"): "did some yoga", "did the crossword". */
export const DO_OBJECTS = table(`
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
  loads of laundry,load of laundry,load of washing,loads of washing,a wash=do the laundry; sun salutations,downward dog,yoga flow=yoga;
  barre=barre; aqua aerobics,aquafit=aqua aerobics; puja,pooja,namaz,salat,salah,prayers,prayer,fajr,isha,maghrib=pray; karaoke=sing;
  embroidery=embroider; stitching,sewing=sew; knitting=knit; crochet=crochet; shopping,the shopping=shop; school pickup,school pick up,school drop off,drop off,pickup=school run;
  5k,10k,half marathon,marathon,park run,parkrun,couch to 5k=run; lengths,laps,a few lengths=swim; weights,deadlifts,squats,bench=lift weights;
  wordle,connections,sudoku=play wordle; online course,course,module,duolingo,spanish,french,german,italian=study; timesheets,expenses,invoices,accounts=do paperwork;
  tax return,taxes,my taxes=do paperwork; face mask,skincare,skin care,my skincare=skincare; nails,my nails=paint my nails; hair,my hair=;
  washing up,the washing up,the dishes,dishes,the pots,pots,pans=do the dishes; hoovering,the hoovering,vacuuming=clean; dusting=clean; mopping=clean;
  ironing,the ironing=do the ironing; food shop,big shop,weekly shop,grocery shop,supermarket shop,tesco shop=shop; garden,the garden,gardening,weeding=garden;
  grocery run,food run,supermarket run,shop run,shopping run=shop; supply run,beer run,snack run,milk run,coffee run,tip run,airport run,station run=;
  a bit of everything=; nothing,anything,something,absolutely nothing=; sport,sports,some sport,exercise,some exercise,cardio,some cardio=work out; ride,long ride,bike ride=cycle; row=row; sauna=sauna; hike=hike;
  jigsaw,puzzle,the jigsaw=do a puzzle; crossword,the crossword,his crossword,her crossword=do a crossword; quiz,pub quiz=do a pub quiz;
  escape room=do an escape room; litter pick=litter pick; presentation=give a presentation; breathing exercise,breathing exercises,breathwork,box breathing=do breathing exercises; meal plan,meal planning=meal plan; flashcards=study;
`);



const GET_OBJECTS = table(`
  sleep,some sleep,early night,good night's sleep,kip=sleep; haircut,hair cut=get a haircut; massage=get a massage;
  drink,drinks=have a drink; coffee=drink coffee; work,some work=work; fresh air=go outside; takeaway=have a takeaway;
  nails done=get my nails done; hair done=get my hair done; hair cut,haircut,trim=get a haircut; jab,vaccine,flu jab,booster,covid jab=get a vaccine;
  steps,my steps,steps in,my steps in=walk; run in,a run in,workout in=run; eyes tested,eyes checked=go to the optician; teeth cleaned=go to the dentist;
  groceries,the groceries,shopping,the shopping,food shop,the food shop=shop; massage=get a massage; facial=get a facial; blood test=have a blood test;
  lunch,breakfast,dinner,brunch=; ice cream=; 
`);

const TAKE_OBJECTS = table(`
  medication,meds,tablets,pills=take my medication; bins,bin,recycling,rubbish=take the bins out; kids to school,children to school=school run;
  lesson,class=; kids,children=;
  bus=take the bus; train=take the train; tube=take the tube; ferry=take the ferry; photos,photo,pictures,picture,photographs=take photos;
  exam,test,mock=take an exam; bath=bath; shower=shower; nap=nap; walk,stroll=walk; break=rest; memory lane=; up=;
  kayak,canoe=kayak; paddleboard,board=paddleboard; bike,the bike=cycle; minutes=take minutes; notes=; selfie,selfies=take photos;
  plane,flight=fly; tram=take the tram; coach=take the coach; boat=take the boat; lift=; dip=swim; swim=swim; lesson,class=;
`);

const MAKE_OBJECTS = table(`
  bread,banana bread,cake,cakes,birthday cake,cookies,biscuits,muffins,scones,brownies,cupcakes,pie=bake;
  pancakes,dinner,lunch,breakfast,soup,curry,a meal,meal,chilli,pasta,roast,stew,lasagne,pizza,risotto,salad,tea=cook;
  playlist=make a playlist; yoga=yoga; homework=do homework; meditation=meditate; music=make music; smoothie=;
  jam=make jam; den,a den,fort,a fort=build a den; picnic,a picnic=have a picnic; sandwiches=cook; cocktails=; bed,the bed,beds=make the bed; card,cards,birthday card=make a card; collage=make a collage;
  dal,rice,kimchi,fresh pasta,pasta,sauce,stir fry,noodles,dumplings,sunday roast,a roast,roast dinner,pie=cook;
  cake,banana bread,cinnamon rolls,buns,pastries,muffins,flapjacks,cookies,brownies,biscuits,scones,sourdough,cupcakes,crumble,tart,bread,loaf=bake;
  scrapbook=make a scrapbook; spreadsheet=make a spreadsheet; flashcards=study; playlist=make a playlist; tea,a cup of tea,a cuppa,chai,coffee=;
  dinner,lunch,breakfast,brunch,pancakes,soup,soups,curry,chilli,stew,lasagne,pizza,risotto,salad,meal,a meal=cook; up,it up=; friends=; a list,list=;
`);

export const PLAY_OBJECTS = table(`
  guitar=play guitar; piano,keyboard=play piano; drums=play drums; violin=play violin; ukulele,uke=play ukulele; bass=play bass;
  cello=play cello; flute=play flute; saxophone,sax=play saxophone; trumpet=play trumpet;
  football,footy,soccer,five a side,5 a side=play football; tennis=play tennis; badminton=play badminton; basketball=play basketball;
  catch=play catch; golf,round of golf=play golf; cricket=play cricket; rugby=play rugby; netball=play netball; hockey=play hockey; squash=play squash;
  volleyball=play volleyball; table tennis,ping pong=play table tennis; pool,snooker=play pool; darts=play darts; chess=play chess;
  cards,poker=play cards; bowls=play bowls; frisbee=play frisbee; padel=play padel; pickleball=play pickleball; baseball=play baseball;
  video games,videogames,computer games,fortnite,minecraft,roblox,fifa,xbox,playstation,ps5,switch,mario kart,zelda=play video games;
  board game,board games,boardgame,monopoly,scrabble,cluedo,catan,uno=play board games; lego=play lego; it safe=; blinder=;
  five-a-side,five a side,5-a-side,walking football,futsal=play football; charades=play charades; wordle=play wordle; bridge=play cards;
  mario kart,zelda,call of duty,pokemon,animal crossing,the sims,tetris=play video games; ukulele,the ukulele=play ukulele; a song,songs,music,a gig,gig=play music;
  mahjong=play mahjong; bingo=play bingo; dominoes=play dominoes; crazy golf,mini golf=play golf; rounders=play rounders; catch,fetch,hide and seek,tag,football in the garden=;
`);

const WATCH_OBJECTS = table(`
  tv,telly,television,netflix,show,shows,series,documentary,box set,episode,episodes,youtube,iplayer,bake off,love island,soaps,soap=watch tv;
  news,programme,program,telly,the telly=watch tv; stars=stargaze; play,musical=go to the theatre;
  film,films,movie,movies=watch a film; sunset=watch the sunset; sunrise=watch the sunrise;
  football,match,game,rugby,cricket,tennis,f1,grand prix,snooker,darts,golf,olympics,boxing=watch sport; birds=; kids=;
  youtube,youtube videos,videos,a video,yt=watch youtube; tiktok,tiktoks,reels,shorts,instagram=scroll my phone; them,him,her=; the rain=; paddington,mamma mia,love actually=watch a film;
  a film,a movie,the film,the movie=watch a film; an episode,episodes,the last episode,a documentary,a show,succession,strictly=watch tv;
`);

const LISTEN_OBJECTS = table(`news=listen to the radio; meditation,guided meditation=meditate; 
  music,album,albums,song,songs,radio,playlist,record,records,vinyl,band,classical,jazz=listen to music; podcast,podcasts=listen to a podcast;
  audiobook,audiobooks,audio book=listen to an audiobook; birds=; 
`);

/**
 * Nouns that are an activity on their own, in a diary's verbless sentence ("Tennis with Dad this
 * morning.", "Therapy today.", "Morning swim, afternoon nap, evening Netflix."), after "tried", and
 * before "class", "session" and the like.
 */
export const ACTIVITY_NOUNS: Record<string, string> = merge(PLAY_OBJECTS, {
  ...table(`
    yoga,hot yoga,yoga class=yoga; pilates,reformer pilates=pilates; barre=barre; zumba=dance; tai chi=tai chi; aqua aerobics,aquafit=aqua aerobics;
    spin,spin class=cycle; boxing,kickboxing=box; karate,judo,taekwondo,jiu jitsu,martial arts=do martial arts; hiit,crossfit,circuits,bootcamp,boot camp=work out;
    gym,the gym=go to the gym; parkrun,park run,run,jog,5k,10k=run; swim,dip,sea swim=swim; walk,stroll,long walk=walk; dog walk=walk the dog; hike=hike;
    ride,bike ride=cycle; nap,power nap,kip=nap; lie in=lie in; bath=bath; sauna=sauna; cold plunge=cold plunge; massage=get a massage; facial=get a facial;
    therapy,counselling,counseling,therapy session=go to therapy; physio=go to physio; dentist=go to the dentist; doctor,gp,doctors=go to the doctor; optician,opticians=go to the optician;
    church,mass=go to church; temple=go to the temple; mosque,jummah=go to the mosque; gurdwara=go to the gurdwara; choir,choir practice=sing; karaoke=sing;
    date,first date,date night=go on a date; drinks=have a drink; coffee=drink coffee; lunch=have lunch; dinner=have dinner; brunch=have brunch; breakfast=have breakfast;
    picnic=have a picnic; bbq,barbecue,barbie=have a barbecue; meetings,meeting,one to one,appraisal,team meeting,standup,stand up=have a meeting;
    interview,job interview=have an interview; lecture,lectures=go to a lecture; class,evening class=go to class; driving lesson=driving lesson;
    movie night,film night,cinema=watch a film; netflix,telly,tv=watch tv; road trip=drive; pottery,pottery class=pottery; pub quiz,quiz night,quiz=do a pub quiz;
    gig=go to a concert; haircut=get a haircut; horse riding,riding=ride; ice skating,skating=skate; bouldering,climbing=climb; surf=surf;
    swimming,running,cycling,walking,hiking=; sleep=sleep; early night=sleep; night sleep,good night sleep,lie in=sleep;
    chat,natter,catch up,heart to heart,long chat=talk; gig,concert=go to a concert; party=go to a party; massage=get a massage;
  `),
});

const HAVE_OBJECTS = merge(ACTIVITY_NOUNS, NOUN_ACTIVITIES, table(`go at pottery=do pottery; early night=sleep; lie=lie in; jogging=run; walking=walk; running=run; swimming=swim; cycling=cycle; shopping=shop; pottery class=pottery`));

const WRITE_OBJECTS = table(`code=code; song,songs,music=write music; blog,blog post=write; poem,poems,poetry,story,stories,novel,pages=write; letter,letters=write a letter; christmas cards,cards,card=write cards; email,emails=answer emails; journal,diary=journal; essay,homework=do homework; list=; it here,this,it down,here=; report,the report=write a report; dissertation,thesis,my dissertation,my thesis=write my dissertation;`);

/** A person as the object of "call", "meet", … after optional "up with", "to", "in with". */
function objectPerson(toks: Token[], j: number): PersonMatch | null {
  let k = j;
  while (/^(up|with|to|in|back|round|over|out)$/.test(w(toks, k)) && k < j + 3) k++;
  return personAt(toks, k);
}

/** The people joined to a person by "and" ("Jamal and Ade", "Mum and Dad"), each as an activity. */
function withOthers(toks: Token[], person: PersonMatch, label: (phrase: string) => string): Hit {
  const also: string[] = [];
  let end = person.end;
  while (/^(and|n|&)$/.test(w(toks, end))) {
    const next = personAt(toks, end + 1);
    if (!next) break;
    also.push(label(next.phrase));
    end = next.end;
  }
  return { activity: label(person.phrase), end, also: also.length ? also : undefined };
}

/** "the bank", "the council", "the recruiter": an organisation or a role reached, named as written. */
function theOne(toks: Token[], j: number): { phrase: string; end: number } | null {
  if (w(toks, j) !== "the" || !/^\p{L}+$/u.test(w(toks, j + 1)) || verbReading(w(toks, j + 1)) || /^(shots|whole|rest|kids|police)$/.test(w(toks, j + 1))) return null;
  const after = w(toks, j + 2);
  return after === "" || PHRASE_END.has(after) || /^(and|again|back|today|this|first)$/.test(after) ? { phrase: `the ${w(toks, j + 1)}`, end: j + 2 } : null;
}

/** "see my friends" is "see friends": groups lose the "my"; one person keeps it ("call my sister"). */
const GROUPS = /^(my|our) (friends|mates|pals|family|girls|boys|lads|guys)$/;
const groupless = (phrase: string) => (GROUPS.test(phrase) ? phrase.replace(/^(my|our) /, "") : phrase);

const CALL_MEDIUM = /^(zoom|facetime|video|skype|teams|video call|videocall)$/;

/** Somebody reached by voice or video: "call my sister", "video call anna" ("over Zoom"), "called the bank". */
function callOf(toks: Token[], i: number, verb: string): Hit | null {
  const person = objectPerson(toks, i + 1);
  if (!person) {
    const one = theOne(toks, i + 1);
    return one ? { activity: `call ${one.phrase}`, end: one.end } : null;
  }
  const video = verb === "video call" || toks.slice(person.end, person.end + 4).some((t) => CALL_MEDIUM.test(t.w));
  return withOthers(toks, person, (p) => `${video ? "video call" : verb} ${p}`);
}

const onThePhone = (toks: Token[], from: number) => toks.slice(from, from + 6).some((t, k, list) => t.w === "phone" && list[k - 1]?.w === "the");

/** Where one went (or is): a place on the list, or nothing ("went to Leeds" says too little). */
function placeAfter(toks: Token[], j: number): Hit | null {
  // "a spinning class", "my boxing session": the activity before the session word says what.
  for (let k = j; k < Math.min(toks.length, j + 4); k++) {
    if (!SESSION_WORDS.has(w(toks, k + 1)) || k + 1 === j || /^(lunch|dinner|breakfast|coffee|tea|book|supper)$/.test(w(toks, k))) continue;
    const what = ACTIVITY_NOUNS[w(toks, k)] ?? GERUND_PHRASES[w(toks, k)] ?? (gerundRule(w(toks, k)) ? gerundRule(w(toks, k))!(toks, k, false)?.activity : undefined);
    if (what) return { activity: what, end: k + 2 };
  }
  const place = lookup(toks, j, PLACES, 4);
  if (place) return place;
  return somePlace(toks, j);
}

/** Places that are not an outing: going there is no activity. */
const NOT_OUTINGS = new Set(
  "exam exams test interview appointment toilet loo bathroom kitchen bedroom lounge car door window station airport stop front back top bottom end side office desk sofa fridge corner house home flat room hall landing garage loft attic stairs shop point meeting trouble sleep pieces waste work school uni college nursery hospital vet vets".split(" "),
);

/**
 * "went to a coffee morning", "went to the garden centre": an outing the lists do not know, named as
 * written (the place's own words, lower case); not a proper name ("went to the Red Lion") and not a
 * room or a stop on the way ("went to the kitchen", "went to the station").
 */
function somePlace(toks: Token[], j: number): Hit | null {
  const det = w(toks, j);
  const bare = det !== "a" && det !== "the" && det !== "an";
  const words: string[] = [];
  let k = bare ? j : j + 1;
  while (k < toks.length && words.length < 3 && !PHRASE_END.has(w(toks, k)) && /^[\p{L}\d']+$/u.test(w(toks, k)) && !/^(and|n|but|so|then|today|tonight|yesterday|again|this|for)$/.test(w(toks, k))) {
    if (toks[k]!.cap || verbReading(w(toks, k))?.form === "past") return null;
    words.push(w(toks, k++));
  }
  const head = words.at(-1);
  if (!head || NOT_OUTINGS.has(head) || words.length > 2) return null;
  // Without "the" or "a", only a gathering by its kind: "baby group", "band practice", "quiz night".
  if (bare) return /^(group|club|practice|rehearsal|fair|night|morning|choir|service|assembly|meetup)$/.test(head) && words.length === 2 ? { activity: `go to ${words.join(" ")}`, end: k } : null;
  if (/^(shop|shops|market|supermarket|store|stores|mall|boutique|bakery|butchers|butcher's)$/.test(head)) return { activity: "shop", end: k };
  return { activity: `go to ${det} ${words.join(" ")}`, end: k };
}

const simple =
  (activity: string): Rule =>
  (_toks, i) => ({ activity, end: i + 1 });

const RUN_IDIOMS = /^(out|into|late|low|short|through|away|over|around|round|down|up|off|empty|dry|behind|amok|riot|wild|rings|errands)$/;

export const RULES: Record<string, Rule> = Object.assign(Object.create(null), {
  run(toks, i, asNoun) {
    const next = w(toks, i + 1);
    if (asNoun) return { activity: "run", end: i + 1 };
    // "ran it past my manager", "ran me to the station".
    if (/^(it|that|this|them|him|her|me|us|things)$/.test(next)) return null;
    // "ran errands", "ran some errands", "ran a few errands" (the first notes count an errand round).
    for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
      if (w(toks, k) === "errands") return { activity: "run errands", end: k + 1 };
      if (!/^(some|a|few|couple|of|my|the|more|two|three|several|boring|quick|last|usual)$/.test(w(toks, k))) break;
    }
    // "running on four hours of sleep", "running on no sleep": what keeps one going, not a run.
    if (next === "on" && (/^(\d+|one|two|three|four|five|six|no|little|zero|barely|hardly|broken|half|an)$/.test(w(toks, i + 2)) || toks.slice(i + 2, i + 5).some((t) => /^(sleep|hours?)$/.test(t.w)))) return null;
    if (/^(late|on)$/.test(next) && /^(late|empty|fumes|autopilot|adrenaline|caffeine|coffee|no|nothing|sugar|vapours|willpower|fear|auto)$/.test(w(toks, i + 2) || next)) return null;
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
    if (!asNoun && /^(all|into|away|out|over|off|on)$/.test(next) && !(next === "into" ? /^(town|the village|village|the city|the woods|the hills)$/ : /^(the|a|town|school|work)$/).test(w(toks, i + 2))) return null;
    if (next === "straight" && w(toks, i + 2) === "into") return null;
    const rest = toks.slice(i + 1, i + 5).map((t) => t.w);
    if (rest.includes("dog") || rest.includes("dogs")) return { activity: "walk the dog", end: i + 1 + rest.indexOf(rest.includes("dog") ? "dog" : "dogs") + 1 };
    // "Walked Luna along the river": someone walked by name who is not a person is a dog.
    if (!asNoun && toks[i + 1]?.cap && !personAt(toks, i + 1) && !PHRASE_END.has(next)) return { activity: "walk the dog", end: i + 2 };
    // "walk to work" is a walk; the work is another matter; "walked to the shops" is both.
    if (next === "to" && /^(work|school|uni|college|the|my)$/.test(w(toks, i + 2))) {
      const place = placeAfter(toks, i + 2);
      return place?.activity && !/^(work|go to class)$/.test(place.activity) ? { activity: "walk", end: place.end, also: [place.activity] } : { activity: "walk", end: i + 3 };
    }
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
    if (/^(me|us|him|her|myself|them|everyone|people)$/.test(w(toks, i + 1))) return null;
    return { activity: "drive", end: i + 1 };
  },
  dance: simple("dance"),
  sing: simple("sing"),
  paint(toks, i) {
    const obj = lookup(toks, i + 1, table(`fence=paint the fence; wall,walls=paint the walls; room,bedroom,kitchen,bathroom,lounge,living room,hallway,spare room=paint the room; door,shed=paint the shed; nails,my nails=paint my nails; face,my face=`), 4);
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
  // "I pray that you…", "praying it goes well": a hope, not a prayer said.
  pray: (toks, i) => (/^(that|you|he|she|they|it|everything|things|we)$/.test(w(toks, i + 1)) ? null : { activity: "pray", end: i + 1 }),
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
  travel: simple("travel"),
  scroll: simple("scroll my phone"),
  answer: (toks, i) => lookup(toks, i + 1, table(`email,emails=answer emails`), 4),
  exercise: simple("work out"),
  train(toks, i) {
    if (/^(at|for|hard|with)$/.test(w(toks, i + 1)) || i + 1 >= toks.length) return { activity: "work out", end: i + 1 };
    return null;
  },
  shower: simple("shower"),
  study(toks, i) {
    const next = w(toks, i + 1);
    if (/^(english|french|spanish|german|italian|japanese|chinese|mandarin|arabic|welsh|portuguese|russian|korean)$/.test(next)) return { activity: `study ${next}`, end: i + 2 };
    return { activity: "study", end: i + 1 };
  },
  revise: simple("study"),
  code: simple("code"),
  program: simple("code"),
  // "Taught a yoga class": the class is what was taught, not what the writer did.
  teach: (toks, i) => ({ activity: "teach", end: /^(a|an|my|the|some)$/.test(w(toks, i + 1)) ? Math.min(toks.length, i + 4) : i + 1 }),
  volunteer: simple("volunteer"),
  work(toks, i) {
    const next = w(toks, i + 1);
    if (next === "out") return /^(what|how|why|whether|if|where|who|that|it|things)$/.test(w(toks, i + 2)) ? null : { activity: "work out", end: i + 2 };
    if (/^(up|through|myself|yourself|ourselves|it|things|out)$/.test(next)) return null;
    if (next === "on" && /^(the|my)$/.test(w(toks, i + 2)) && /^(garden|allotment|veg|vegetable)$/.test(w(toks, i + 3))) return { activity: "garden", end: i + 4 };
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
  speak: (toks, i) => RULES.talk!(toks, i, false),
  chat: (toks, i) => RULES.talk!(toks, i, false),
  cuddle: (toks, i) => RULES.hug!(toks, i, false),
  look(toks, i) {
    const next = w(toks, i + 1);
    if (next === "after") {
      const person = personAt(toks, i + 2) ?? personAt(toks, i + 3);
      // "looked after my neighbour's cat" is minding a pet, not a child.
      return person && !toks[person.end - 1]?.poss ? { activity: "babysit", end: person.end } : null;
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
  do(toks, i) {
    const next = w(toks, i + 1);
    if (/^(not|it|that|this|so|well|badly|fine|okay|ok|ok?|great|too)$/.test(next)) return null;
    const obj = lookup(toks, i + 1, DO_OBJECTS, 6);
    if (obj) {
      while (SESSION_WORDS.has(w(toks, obj.end))) obj.end++;
      return obj.activity ? obj : null;
    }
    const gerund = toks.slice(i + 1, i + 4).find((t) => t.w.endsWith("ing") && gerundRule(t.w));
    return gerund ? gerundRule(gerund.w)!(toks, toks.indexOf(gerund), false) : null;
  },
  fall(toks, i) {
    return w(toks, i + 1) === "asleep" ? { activity: "sleep", end: i + 2 } : null;
  },
  stay(toks, i) {
    if (w(toks, i + 1) !== "up") return null;
    const gaming = toks.slice(i + 2, i + 7).find((t) => t.w === "gaming");
    return gaming ? { activity: "play video games", end: toks.indexOf(gaming) + 1 } : null;
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
    const obj = lookup(toks, i + 1, PRACTISE_OBJECTS, 4);
    return obj?.activity ? obj : null;
  },
  practice: (toks, i) => RULES.practise!(toks, i, false),
  pay: (toks, i) => lookup(toks, i + 1, table(`bills,bill,rent,council tax,credit card,invoices=pay bills`), 4),
  order: (toks, i) => lookup(toks, i + 1, table(`takeaway,pizza,chinese,indian,curry=have a takeaway`), 4),
  host: (toks, i) => lookup(toks, i + 1, table(`dinner,dinner party,party,barbecue,bbq,brunch,lunch=host a dinner`), 4),
  send(toks, i) {
    const person = personAt(toks, i + 1);
    if (person && /^(a|an)$/.test(w(toks, person.end)) && /^(text|message|voice|email)$/.test(w(toks, person.end + 1))) return { activity: `text ${person.phrase}`, end: person.end + 2 };
    if (person && /^(a|an|some)$/.test(w(toks, person.end)) && /^(card|letter|postcard|note)$/.test(w(toks, person.end + 1))) return { activity: "write a letter", end: person.end + 2 };
    return lookup(toks, i + 1, table(`emails,email=answer emails`), 4);
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
  polish: simple("clean"),
  decorate: simple("decorate"),
  wallpaper: simple("decorate"),
  browse: (toks, i) => lookup(toks, i + 1, table(`shops,bookshop,market,charity shops=shop`), 4),
  apply: (toks, i) => lookup(toks, i + 1, table(`jobs,job=apply for jobs`), 4),
  tutor: simple("teach"),
  cram: simple("study"),
  swot: simple("study"),
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
  buy: () => null,

  clean(toks, i) {
    let j = i + 1;
    if (/^(out|up|off)$/.test(w(toks, j))) j++;
    // What is cleaned is kept when it is not the home itself ("cleaned the car", not "cleaned the kitchen").
    const obj = lookup(toks, j, CLEAN_OBJECTS, 5);
    if (obj) return obj.activity ? obj : null;
    return { activity: "clean", end: i + 1 };
  },
  scrub(toks, i) {
    const obj = lookup(toks, i + 1, table(`pan,pans,pot,pots,dishes,the dishes,roasting tin,oven tray=do the dishes`), 5);
    return obj?.activity ? obj : { activity: "clean", end: i + 1 };
  },
  fix(toks, i) {
    if (/^(it|things|myself|me|that|this|up|everything|a|an)$/.test(w(toks, i + 1)) && !/^(puncture|flat)$/.test(w(toks, i + 2))) return null;
    const obj = lookup(toks, i + 1, FIX_OBJECTS, 6);
    if (obj) return obj.activity ? obj : null;
    const thing = objectNoun(toks, i + 1);
    return thing ? { activity: `fix ${thing.phrase}`, end: thing.end } : null;
  },
  repair: (toks, i) => RULES.fix!(toks, i, false),
  mend: (toks, i) => RULES.fix!(toks, i, false),
  assemble: (toks, i) => ({ activity: "build furniture", end: i + 1 }),
  clear: (toks, i) => lookup(toks, /^(out|up)$/.test(w(toks, i + 1)) && !/^(of)$/.test(w(toks, i + 2)) ? i + 2 : i + 1, table(`emails,inbox,my emails,my inbox=answer emails; gutters=clear the gutters; shed,garage,loft,attic,cupboards,cupboard,wardrobe,drawers,spare room,fridge=tidy; snow=clear the snow; leaves,weeds,brambles=garden; head,my head,the air,throat,my throat,name,my name,up,out,table,the table,desk,my desk=`), 5),
  wrap: (toks, i) => lookup(toks, i + 1, table(`presents,gifts,christmas presents,birthday presents,present,gift=wrap presents`), 5),
  groom: (toks, i) => lookup(toks, i + 1, PET_OBJECTS("groom"), 3),
  brush: (toks, i) => lookup(toks, i + 1, PET_OBJECTS("groom"), 3),
  feed(toks, i) {
    const obj = lookup(toks, i + 1, FEED_OBJECTS, 4);
    return obj?.activity ? obj : null;
  },
  bath(toks, i, asNoun) {
    if (asNoun) return { activity: "bath", end: i + 1 };
    // "bathed the baby" is caring for someone; "had a bath" is a bath.
    const person = personAt(toks, i + 1);
    if (person) return { activity: `bath ${person.phrase}`, end: person.end };
    return /^(the|a|my)$/.test(w(toks, i + 1)) ? null : { activity: "bath", end: i + 1 };
  },
  bathe: (toks, i) => RULES.bath!(toks, i, false),
  lift(toks, i) {
    const obj = lookup(toks, i + 1, table(`weights,dumbbells,kettlebells,barbell,heavy,heavy weights=lift weights; a finger,me,my spirits,my mood,the mood,the lid,the box,it=`), 4);
    if (obj) return obj.activity ? obj : null;
    // "Lifted at home", "lifted for an hour": with nothing lifted it is the gym.
    const next = w(toks, i + 1);
    return next === "" || /^(at|for|in|this|today|tonight|with|before|after|again|properly)$/.test(next) ? { activity: "lift weights", end: i + 1 } : null;
  },
  pack(toks, i) {
    const next = w(toks, i + 1);
    if (/^(up|in)$/.test(next) && /^(work|job|it|smoking|drinking)$/.test(w(toks, i + 2))) return null;
    // Packing for a trip, not packing parcels at work.
    if (next === "" || next === "for" || next === "up") return { activity: "pack", end: i + 1 };
    const obj = lookup(toks, i + 1, table(`bag,bags,suitcase,suitcases,case,cases,rucksack,stuff,things,car,the car,boxes,clothes,house,the house,room,my room,kit=pack; lunch,lunches,picnic=`), 4);
    return obj?.activity ? obj : null;
  },
  put(toks, i) {
    const j = /^(the|a|some|my|our)$/.test(w(toks, i + 1)) ? i + 2 : i + 1;
    const next = w(toks, j);
    if (/^(bins|bin|rubbish|recycling)$/.test(next)) return { activity: "take the bins out", end: j + 1 };
    if (/^(washing|laundry|wash)$/.test(next)) return { activity: "do the laundry", end: j + 1 };
    if (w(toks, i + 1) === "up" && /^(shelves|shelf|pictures|curtains|blinds|a shelf|the tree|decorations|the decorations)$/.test(w(toks, i + 2))) return { activity: w(toks, i + 2) === "decorations" || w(toks, i + 2) === "tree" ? "decorate" : "diy", end: i + 3 };
    if (/^(my|our)$/.test(w(toks, i + 1)) && w(toks, i + 2) === "feet" && w(toks, i + 3) === "up") return { activity: "rest", end: i + 4 };
    // "put the kids to bed", "put the baby down".
    const person = personAt(toks, i + 1);
    if (person && (w(toks, person.end) === "down" || (w(toks, person.end) === "to" && w(toks, person.end + 1) === "bed"))) return { activity: `put ${person.phrase} to bed`, end: person.end + 1 };
    // "put on a record", "put some music on".
    const on = w(toks, i + 1) === "on" ? i + 2 : i + 1;
    const music = lookup(toks, on, table(`record,a record,music,some music,an album,the album,a playlist,the radio,radio,vinyl,a song,tunes=listen to music; podcast,a podcast=listen to a podcast; film,a film,a movie=watch a film; the telly,the tv,tv,telly=watch tv`), 3);
    return music?.activity ? music : null;
  },
  bring: (toks, i) => lookup(toks, i + 1, table(`washing,the washing,laundry,the laundry=do the laundry; bins,the bins=take the bins out`), 3),
  sort(toks, i) {
    const j = w(toks, i + 1) === "out" || w(toks, i + 1) === "through" ? i + 2 : i + 1;
    return lookup(toks, j, table(`cupboards,cupboard,drawers,drawer,wardrobe,garage,loft,shed,desk,room,bedroom,spice rack,kitchen,fridge,pantry,paperwork,papers,files=tidy; clothes,toys,books,kids' clothes,old clothes=declutter; out,it,things,myself,my life,my head=`), 5);
  },
  mark: (toks, i) => lookup(toks, i + 1, table(`essays,books,papers,homework,tests,exams,coursework,scripts,mocks=mark`), 5),
  hit(toks, i) {
    const obj = lookup(toks, i + 1, table(`gym,the gym=go to the gym; the hay,the sack,the pillow=sleep; the books=study; the pool=swim; the shops=shop; the slopes=ski; the waves,the surf=surf; the trails,the trail=hike`), 3);
    return obj?.activity && obj.end <= i + 3 ? obj : null;
  },
  knock(toks, i) {
    if (w(toks, i + 1) !== "out" && w(toks, i + 1) !== "off") return null;
    const obj = lookup(toks, i + 2, DO_OBJECTS, 5);
    return obj?.activity ? obj : null;
  },
  crash(toks, i) {
    const next = w(toks, i + 1);
    if (next === "on" && /^(sofa|couch|settee|bed)$/.test(w(toks, i + 3) || w(toks, i + 2))) return { activity: "nap", end: i + 3 };
    return next === "out" ? { activity: "sleep", end: i + 2 } : null;
  },
  log: (toks, i) => (/^(on|in)$/.test(w(toks, i + 1)) && !/^(to)$/.test(w(toks, i + 2)) ? { activity: "work", end: i + 2 } : null),
  open: (toks, i) => lookup(toks, i + 1, table(`shop,the shop,cafe,the cafe,bar,the bar,salon,the salon,store,the store,pharmacy,the pharmacy,library,the library,office,the office=work`), 3),
  file: (toks, i) => lookup(toks, i + 1, table(`tax return,taxes,return,expenses,accounts,paperwork,timesheets=do paperwork`), 4),
  prepare(toks, i) {
    const obj = lookup(toks, i + 1, table(`pitch,presentation,talk,speech,slides=prepare a presentation; exam,exams,test,mock,finals=study; interview=prepare for an interview; lunches,lunch,dinner,meals,food,veg,vegetables,the veg,tea,breakfast=cook`), 6);
    return obj?.activity ? obj : null;
  },
  prep: (toks, i) => RULES.prepare!(toks, i, false),
  say: (toks, i) => lookup(toks, i + 1, table(`prayer,prayers,a prayer,a quick prayer,grace,my prayers,rosary,the rosary=pray`), 3),
  give(toks, i) {
    const person = personAt(toks, i + 1);
    if (person && w(toks, person.end) === "a" && w(toks, person.end + 1) === "lift") return { activity: `drive ${person.phrase}`, end: person.end + 2 };
    // "gave Dad a ring", "gave the kids a bath".
    if (person && /^(a|their|his|her)$/.test(w(toks, person.end)) && /^(ring|call|bell|buzz)$/.test(w(toks, person.end + 1))) return { activity: `call ${person.phrase}`, end: person.end + 2 };
    if (person && /^(a|their|his|her)$/.test(w(toks, person.end)) && /^(bath|wash)$/.test(w(toks, person.end + 1))) return { activity: `bath ${person.phrase}`, end: person.end + 2 };
    if (person && /^(a|their|his|her)$/.test(w(toks, person.end)) && /^(hug|cuddle)$/.test(w(toks, person.end + 1))) return { activity: `hug ${person.phrase}`, end: person.end + 2 };
    return lookup(toks, i + 1, table(`presentation,talk,speech,the presentation,a talk=give a presentation; blood=give blood`), 4);
  },
  help(toks, i) {
    const rest = toks.slice(i + 1, i + 7).map((t) => t.w);
    if (rest.includes("bank") || rest.includes("charity") || rest.includes("shelter") || rest.includes("langar")) return { activity: "volunteer", end: i + 2 };
    const person = personAt(toks, i + 1);
    if (rest.includes("homework")) return { activity: person ? `help ${person.phrase} with homework` : "help with homework", end: i + 2 + rest.indexOf("homework") };
    if (person && !/^(out|myself)$/.test(person.phrase)) return { activity: `help ${person.phrase}`, end: person.end };
    return null;
  },
  pick(toks, i) {
    if (w(toks, i - 1) === "litter" && toks[i]?.joined) return { activity: "litter pick", end: i + 1 };
    const j = w(toks, i + 1) === "up" ? i + 2 : i + 1;
    const person = personAt(toks, j);
    if (person && /^(the|my|our) (kids|children|boys|girls|son|daughter|twins|little one|grandkids)$/.test(person.phrase)) return { activity: "pick up the kids", end: person.end };
    return lookup(toks, i + 1, table(`blackberries,apples,strawberries,berries,raspberries,plums,sloes,mushrooms=forage`), 4);
  },
  fly(toks, i) {
    if (/^(a|my|the)$/.test(w(toks, i + 1)) && w(toks, i + 2) === "kite") return { activity: "fly a kite", end: i + 3 };
    if (w(toks, i + 1) === "kite" || w(toks, i + 1) === "kites") return { activity: "fly a kite", end: i + 2 };
    if (/^(to|out|off|home|back|abroad|up|down|over|overnight|in)$/.test(w(toks, i + 1))) return { activity: "travel", end: i + 2 };
    return null;
  },
  row(toks, i, asNoun) {
    if (asNoun) return null;
    const person = w(toks, i + 1) === "with" ? personAt(toks, i + 2) : null;
    if (person) return { activity: `argue with ${person.phrase}`, end: person.end };
    return { activity: "row", end: i + 1 };
  },
  argue(toks, i) {
    const person = /^(with|at)$/.test(w(toks, i + 1)) ? personAt(toks, i + 2) : null;
    return { activity: person ? `argue with ${person.phrase}` : "argue", end: person?.end ?? i + 1 };
  },
  email(toks, i) {
    const person = objectPerson(toks, i + 1);
    if (person) return { activity: `email ${person.phrase}`, end: person.end };
    return null;
  },
  whatsapp: (toks, i) => RULES.text!(toks, i, false),
  pop: (toks, i) => moveTo(toks, i),
  nip: (toks, i) => moveTo(toks, i),
  head: (toks, i) => moveTo(toks, i),
  dash: (toks, i) => moveTo(toks, i),
  try(toks, i) {
    // "Tried a barre class", "tried a new recipe": something done for the first time.
    if (w(toks, i + 1) === "to") return null;
    const obj = lookup(toks, i + 1, TRY_OBJECTS, 4);
    return obj?.activity ? obj : null;
  },
  pot: (toks, i) => (/^(up|on|out)$/.test(w(toks, i + 1)) || /^(plants|seedlings|bulbs|cuttings|tomatoes|herbs)$/.test(w(toks, i + 2) || w(toks, i + 1)) ? { activity: "garden", end: i + 2 } : null),
  dig: (toks, i) => lookup(toks, i + 1, table(`patch,vegetable patch,veg patch,bed,beds,border,borders,garden,allotment,potatoes,the garden,over=garden; out,up,deep,in,into,through,myself=`), 4),
  move: (toks, i) => lookup(toks, i + 1, table(`house,flats,flat,home,out=move house`), 2),
  text(toks, i) {
    const person = objectPerson(toks, i + 1);
    if (person) return withOthers(toks, person, (p) => `text ${p}`);
    // "messaged the group chat".
    return lookup(toks, i + 1, table(`group chat,the group chat,the group,groupchat,the groupchat,everyone,the girls,the lads=text friends`), 3);
  },
  message: (toks, i) => RULES.text!(toks, i, false),
  talk(toks, i) {
    // "talking on (the) phone with my mother".
    if (w(toks, i + 1) === "on" && (w(toks, i + 2) === "phone" || w(toks, i + 3) === "phone")) {
      const k = w(toks, i + 2) === "phone" ? i + 3 : i + 4;
      const person = /^(to|with)$/.test(w(toks, k)) ? personAt(toks, k + 1) : null;
      if (person) return { activity: `call ${person.phrase}`, end: person.end };
    }
    if (!/^(to|with)$/.test(w(toks, i + 1))) return null;
    const person = objectPerson(toks, i + 1);
    if (person && onThePhone(toks, person.end)) return { activity: `call ${person.phrase}`, end: person.end };
    // "chatting with my friend on WhatsApp" is messaging.
    if (person && toks.slice(person.end, person.end + 3).some((t) => /^(whatsapp|text|messenger|instagram|snapchat|discord|online)$/.test(t.w))) return { activity: `text ${person.phrase}`, end: person.end };
    return { activity: person ? `talk to ${person.phrase}` : "talk", end: person?.end ?? i + 2 };
  },
  hug(toks, i) {
    const person = objectPerson(toks, i + 1);
    return person ? withOthers(toks, person, (p) => `hug ${p}`) : null;
  },
  meet(toks, i) {
    const person = objectPerson(toks, i + 1);
    if (!person) return null;
    const hit = withOthers(toks, person, (p) => `see ${groupless(p)}`);
    // "Met up with Sarah for lunch" is two things done.
    const meal = w(toks, hit.end) === "for" ? lookup(toks, hit.end + 1, NOUN_ACTIVITIES, 3) : null;
    return meal?.activity ? { ...hit, end: meal.end, also: [...(hit.also ?? []), meal.activity] } : hit;
  },
  see(toks, i) {
    if (/^(dr|doctor|the|my|a)$/.test(w(toks, i + 1)) && /^(dr|doctor|gp|nurse|physio|consultant|specialist)$/.test(w(toks, i + 1) === "dr" || w(toks, i + 1) === "doctor" ? "dr" : w(toks, i + 2))) {
      return { activity: "go to the doctor", end: i + 3 };
    }
    if (/^(the|a)$/.test(w(toks, i + 1)) && /^(dentist|optician|physio)$/.test(w(toks, i + 2))) return { activity: `go to the ${w(toks, i + 2)}`, end: i + 3 };
    if (/^(my|a|the)$/.test(w(toks, i + 1)) && /^(therapist|counsellor|counselor)$/.test(w(toks, i + 2))) return { activity: "go to therapy", end: i + 3 };
    if (/^(if|how|what|why|whether|that|it|the point)$/.test(w(toks, i + 1))) return null;
    const person = personAt(toks, i + 1);
    if (person) return withOthers(toks, person, (p) => `see ${groupless(p)}`);
    const obj = lookup(toks, i + 1, table(`sunset=watch the sunset; sunrise=watch the sunrise; film,movie=watch a film; show,play,musical,panto=go to the theatre; gig,concert,band=go to a concert`), 4);
    return obj;
  },
  hang(toks, i) {
    if (lookup(toks, i + 1, table(`washing,laundry=x`), 3)) return { activity: "do the laundry", end: i + 3 };
    if (w(toks, i + 1) !== "out") return null;
    const person = objectPerson(toks, i + 2);
    return person ? withOthers(toks, person, (p) => `see ${groupless(p)}`) : null;
  },
  catch(toks, i) {
    if (w(toks, i + 1) === "up" && w(toks, i + 2) === "on") {
      return lookup(toks, i + 3, table(`sleep,some sleep=sleep; emails,email,my emails,my inbox,inbox=answer emails; work,admin,paperwork=work; reading=read; telly,tv,the telly,netflix,a series,my shows=watch tv; the news=; homework=do homework; housework=clean`), 3);
    }
    if (w(toks, i + 1) === "up") {
      const person = objectPerson(toks, i + 2);
      if (!person) return null;
      if (toks.slice(person.end, person.end + 4).some((t) => CALL_MEDIUM.test(t.w))) return { activity: `video call ${person.phrase}`, end: person.end };
      if (onThePhone(toks, person.end)) return { activity: `call ${person.phrase}`, end: person.end };
      return withOthers(toks, person, (p) => `see ${groupless(p)}`);
    }
    return lookup(toks, i + 1, table(`bus=take the bus; train=take the train; ferry=take the ferry; plane,flight=fly; tube=take the tube; tram=take the tram; waves,wave,a wave=surf`), 4);
  },
  visit(toks, i) {
    const person = personAt(toks, i + 1);
    if (person && toks[person.end - 1]?.poss && w(toks, person.end) === "grave") return { activity: "visit a grave", end: person.end + 1 };
    const place = lookup(toks, i + 1, table(`grave,cemetery=visit a grave; museum=visit a museum; gallery,exhibition,tate,national gallery=visit a gallery; castle=visit a castle`), 4);
    if (place) return place;
    if (person) return withOthers(toks, person, (p) => `visit ${p}`);
    return null;
  },
  build(toks, i) {
    const obj = lookup(toks, i + 1, table(`sandcastle,sandcastles=build sandcastles; lego=play lego; den,a den=build a den; snowman=build a snowman; furniture,bookshelf,wardrobe,desk,flatpack,flat pack,shelves=build furniture; up,it,my confidence,confidence,trust,muscle,bridges,a case=`), 4);
    if (obj) return obj.activity ? obj : null;
    const thing = objectNoun(toks, i + 1);
    return thing ? { activity: `build ${thing.phrase}`, end: thing.end } : null;
  },
  finish(toks, i) {
    return lookup(toks, i + 1, table(`shift,my shift,the shift,work=work; essay,homework,coursework=do homework; book,novel=read; puzzle,jigsaw=do a puzzle; crossword=do a crossword; report,the report,quarterly report=write a report; dissertation,thesis=write my dissertation; run,walk,swim,workout=`), 5);
  },
  start(toks, i) {
    // "Started a new jigsaw", "started a run" (and stopped): begun is done.
    const obj = lookup(toks, i + 1, START_OBJECTS, 4);
    return obj?.activity && obj.activity !== "work" ? obj : null;
  },
  play(toks, i) {
    const next = w(toks, i + 1);
    if (next === "with") {
      if (/^(the|my)$/.test(w(toks, i + 2)) && /^(dog|dogs|puppy|cat|kitten)$/.test(w(toks, i + 3))) return { activity: `play with the ${w(toks, i + 3)}`, end: i + 4 };
      const person = personAt(toks, i + 2);
      if (person && /^(the|my) (kids|children|baby|toddler)$/.test(person.phrase)) return { activity: "play with the kids", end: person.end };
      if (person) return withOthers(toks, person, (p) => `play with ${p}`);
      return null;
    }
    // Children's games are time with the child: "played hide and seek with Rosie and Finn".
    const game = lookup(toks, i + 1, table(`fetch=play with the dog; catch,hide and seek,tag,peekaboo,pretend,make believe,dolls,cars,trains,dinosaurs,in the paddling pool,in the garden,outside=with`), 1);
    if (game?.activity) {
      if (game.activity !== "with") return game;
      const withAt = toks.findIndex((t, k) => k >= game.end && k < game.end + 3 && t.w === "with");
      const person = withAt > 0 ? personAt(toks, withAt + 1) : null;
      if (person && /^(the|my) (kids|children|baby|toddler)$/.test(person.phrase)) return { activity: "play with the kids", end: person.end };
      return person ? withOthers(toks, person, (p) => `play with ${p}`) : null;
    }
    if (/^(along|down|up|dead|it|out|on|a)$/.test(next) && !/^(game|round|board)$/.test(w(toks, i + 2))) {
      if (!(next === "a" && lookup(toks, i + 1, PLAY_OBJECTS, 4)?.activity)) return null;
    }
    const obj = lookup(toks, i + 1, PLAY_OBJECTS, 5);
    if (obj) return obj.activity ? obj : null;
    // A game nobody listed, played by name ("played cornhole"): one plain word right after the verb.
    const named = w(toks, i + 1);
    if (/^\p{Ll}+$/u.test(named) && !toks[i + 1]!.cap && !verbReading(named) && !PHRASE_END.has(named) && !/^(well|badly|fair|dirty|hard|nice|safe|games|game|music|along|around|away|about|together|silly|dumb|tricks|havoc|host|catch|fetch|it|that|this|them|him|her|me|us|some|the|my|his|her|their|our|your|an|all|both|everything|anything|something|nothing|again|today|online|outside|alongside|against|around|back|down|up|out|off|over|through|fine|cool|dead|aside|inside|offline|live|there|here|now|tonight|more|less|too|very|really|just|only|mostly|loads|lots|any|each|every|first|last|next|solo|alone|host|to|with|in|for|by|at|from)$/.test(named)) {
      const after = w(toks, i + 2);
      if (after === "" || PHRASE_END.has(after) || /^(and|for|till|until|today|tonight|again|all)$/.test(after)) return { activity: `play ${named}`, end: i + 2 };
    }
    return null;
  },
  go(toks, i) {
    let j = i + 1;
    if (/^(straight|right|just|then|finally|all|also)$/.test(w(toks, j)) && /^(to|for|into|out|back|down|swimming|running)$/.test(w(toks, j + 1))) j++;
    if (/^(out|off|down|back|over|up|round)$/.test(w(toks, j)) && /^(for|to|into)$/.test(w(toks, j + 1))) j++;
    const next = w(toks, j);
    if (next === "for" || next === "on") {
      const obj = lookup(toks, j + 1, HAVE_OBJECTS, 5);
      if (obj?.activity && w(toks, obj.end) !== "of") return obj;
      if (next === "on" && lookup(toks, j + 1, table(`trip,holiday=travel`), 4)) return { activity: "travel", end: j + 3 };
      return null;
    }
    if (next === "to" || next === "into" || next === "2") {
      const verb = toks[j + 1];
      // "I go to walk with my dog": the verb after says what was done; "going to call" is a plan.
      const reading = verb ? verbReading(verb.w) : undefined;
      if (reading?.form === "base" && ruleFor(reading.lemma) && !PLACES[verb!.w]) {
        if (w(toks, i) === "going") return null;
        // "went to see Eleanor in hospital" is a visit.
        const person = reading.lemma === "see" ? personAt(toks, j + 2) : null;
        if (person) return { activity: `visit ${person.phrase}`, end: person.end };
        return ruleFor(reading.lemma)!(toks, j + 1, false);
      }
      // "went to Tom's", "went to my brother's": a visit, unless something else was done there ("for dinner").
      const host = personAt(toks, j + 1);
      if (host && toks[host.end - 1]?.poss && (host.end >= toks.length || PHRASE_END.has(w(toks, host.end)) || /^(and|place|house|flat)$/.test(w(toks, host.end)))) {
        if (w(toks, host.end) === "for") {
          const what = lookup(toks, host.end + 1, HAVE_OBJECTS, 3);
          if (what) return what.activity ? what : null;
        }
        return { activity: `visit ${host.phrase}`, end: host.end };
      }
      // "I go to swimming", "went to dancing": the -ing says what.
      if (verb && verbReading(verb.w)?.form === "ing" && gerundRule(verb.w)) return gerundRule(verb.w)!(toks, j + 1, false);
      return placeAfter(toks, j + 1);
    }
    if (next === "round" || next === "around") return lookup(toks, j + 1, table(`shops,market=shop`), 3);
    // "After office I go gym": the place without "to", as many learners write it.
    if (/^(gym|church|temple|mosque|market|park|beach|pool|cinema|library|shopping)$/.test(next)) return placeAfter(toks, j) ?? lookup(toks, j, HAVE_OBJECTS, 1);
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
    if (/^(to|got|been|no|not|never|nothing|had)$/.test(next)) return null;
    if (next === "my" && /^(hair|nails|teeth|eyebrows|eyes)$/.test(w(toks, i + 2))) {
      const part = w(toks, i + 2);
      if (part === "hair" && /^(cut|trimmed)$/.test(w(toks, i + 3))) return { activity: "get a haircut", end: i + 4 };
      if (part === "teeth") return { activity: "go to the dentist", end: i + 4 };
      if (part === "eyes") return { activity: "go to the optician", end: i + 4 };
      return { activity: part === "nails" ? "get my nails done" : "get my hair done", end: i + 4 };
    }
    // "had the neighbours round", "had Sam over": company at home.
    const guest = personAt(toks, i + 1) ?? (/^(friends|people|mates|guests)$/.test(next) ? { phrase: next, end: i + 2 } : null);
    if (guest && /^(round|over|around)$/.test(w(toks, guest.end))) {
      // "had friends over for dinner": the meal is what the sentence names; else the company.
      const meal = w(toks, guest.end + 1) === "for" ? lookup(toks, guest.end + 2, NOUN_ACTIVITIES, 3) : null;
      if (meal?.activity) return meal;
      return personAt(toks, i + 1) ? { activity: `see ${groupless(guest.phrase)}`, end: guest.end + 1 } : null;
    }
    const call = lookup(toks, i + 1, table(`phone call,call,video call,zoom call,facetime,zoom=call`), 4);
    if (call && w(toks, call.end) === "with") {
      const person = personAt(toks, call.end + 1) ?? theOne(toks, call.end + 1);
      if (person) return { activity: `call ${person.phrase}`, end: person.end };
    }
    const chat = lookup(toks, i + 1, table(`chat,natter,catch up,call,heart to heart=talk`), 4);
    if (chat) {
      const person = objectPerson(toks, chat.end);
      if (person && onThePhone(toks, person.end)) return { activity: `call ${person.phrase}`, end: person.end };
      return { activity: person ? `talk to ${person.phrase}` : "talk", end: person?.end ?? chat.end };
    }
    const obj = lookup(toks, i + 1, HAVE_OBJECTS, 6);
    if (!obj) return null;
    // A key with no activity: its words are used up, and no other reading takes them.
    if (!obj.activity) return obj;
    while (SESSION_WORDS.has(w(toks, obj.end))) obj.end++;
    // "a run of bad luck" is no run; "a row with Liam" is an argument with him.
    if (w(toks, obj.end) === "of" && /^(run|walk)$/.test(obj.activity)) return null;
    if (obj.activity === "argue" && w(toks, obj.end) === "with") {
      const person = personAt(toks, obj.end + 1);
      if (person) return { activity: `argue with ${person.phrase}`, end: person.end };
    }
    return obj;
  },
  get(toks, i) {
    const next = w(toks, i + 1);
    if (next === "round" && w(toks, i + 2) === "to") return lookup(toks, i + 3, DO_OBJECTS, 5);
    if (next === "through" && toks.slice(i + 2, i + 7).some((t) => /^(inbox|emails|email)$/.test(t.w))) return { activity: "answer emails", end: i + 3 };
    // "got to the gym", "got to yoga in the end".
    if (next === "to" && !verbReading(w(toks, i + 2))?.form?.startsWith("b")) return placeAfter(toks, i + 2);
    if (/^(up|out|home|back|to|into|on|over|through|away|by|lost|worse|better|angry|upset|stressed|worked|ready|dressed)$/.test(next)) return null;
    const obj = lookup(toks, i + 1, GET_OBJECTS, 6);
    return obj?.activity ? obj : null;
  },
  take(toks, i) {
    const next = w(toks, i + 1);
    if (/^(up|off|over|on|care|part|place|it|time|ages|forever|a while|me|us|him|her|them)$/.test(next)) return null;
    if (next === "the" && w(toks, i + 2) === "dog") {
      if (w(toks, i + 3) === "to" && /^(vet|vets|vet's)$/.test(w(toks, i + 5) || w(toks, i + 4))) return { activity: "take the dog to the vet", end: i + 6 };
      return { activity: "walk the dog", end: i + 3 };
    }
    // "took myself to the botanical gardens": went there.
    if (next === "myself" && w(toks, i + 2) === "to") return placeAfter(toks, i + 3) ?? { activity: "go out", end: i + 3 };
    // "took three bags to the charity shop": clearing out.
    if (toks.slice(i + 1, i + 8).some((t, k, list) => t.w === "shop" && list[k - 1]?.w === "charity") || toks.slice(i + 1, i + 8).some((t) => t.w === "tip")) return { activity: "declutter", end: i + 2 };
    const person = personAt(toks, i + 1);
    // "Took Mum out for afternoon tea": time with her.
    if (person && w(toks, person.end) === "out") return { activity: `see ${groupless(person.phrase)}`, end: person.end + 1 };
    // "took the kids swimming", "took my mum shopping": what they went to do.
    if (person && w(toks, person.end).endsWith("ing") && gerundRule(w(toks, person.end))) return gerundRule(w(toks, person.end))!(toks, person.end, false);
    if (person && w(toks, person.end) === "to") {
      // Taking someone to an appointment is caring for them; to the park, what they did there.
      const care = toks.slice(person.end + 1, person.end + 5).find((t) => /^(doctor|doctors|doctor's|hospital|dentist|appointment|gp|clinic)$/.test(t.w));
      if (care) {
        const where = care.w === "dentist" ? "the dentist" : /^(doctor|doctors|doctor's|gp|clinic)$/.test(care.w) ? "the doctor" : "hospital";
        return { activity: `take ${person.phrase} to ${where}`, end: toks.indexOf(care) + 1 };
      }
      return lookup(toks, person.end + 1, PLACES, 4);
    }
    // "Took Biscuit to the vet": a pet by name.
    if (toks[i + 1]?.cap && !person && w(toks, i + 2) === "to" && toks.slice(i + 3, i + 6).some((t) => /^(vet|vets|vet's)$/.test(t.w))) return { activity: "take the dog to the vet", end: i + 6 };
    if (/^(the|my)$/.test(next) && /^(bike|kayak|canoe|boat|paddleboard)$/.test(w(toks, i + 2)) && w(toks, i + 3) !== "out") return null;
    const obj = lookup(toks, i + 1, TAKE_OBJECTS, 5);
    if (obj?.activity === "take minutes" && obj.end > i + 3) return null;
    return obj?.activity ? obj : null;
  },
  make(toks, i) {
    const next = w(toks, i + 1);
    // "made up with Liam".
    if (next === "up" && w(toks, i + 2) === "with") {
      const person = personAt(toks, i + 3);
      return person ? { activity: `make up with ${person.phrase}`, end: person.end } : null;
    }
    if (next === "it" && w(toks, i + 2) === "to") return placeAfter(toks, i + 3);
    if (/^(me|us|him|her|them|it|sure|time|plans|a start|an effort|do)$/.test(next)) return null;
    // "I make yoga", "make the homework", "make sport": "make" for "do", as many learners write it.
    const obj = lookup(toks, i + 1, MAKE_OBJECTS, 5) ?? lookup(toks, i + 1, DO_OBJECTS, 4);
    // "made a cup of tea": what is made and not done stays unread (and its words used up).
    if (!obj?.activity) return obj ? { activity: "", end: Math.max(obj.end, i + 2) } : null;
    if (obj.activity === "do homework" && toks.slice(obj.end, obj.end + 4).some((t) => t.w === "with")) return { activity: "help with homework", end: obj.end };
    return obj;
  },
  spend(toks, i) {
    // "Spent the afternoon in the garden", "at soft play", "at my brother's", "on Duolingo", "on the phone with Mei".
    for (let j = i + 1; j < Math.min(toks.length, i + 6); j++) {
      const t = w(toks, j);
      if (t === "in" && w(toks, j + 1) === "the" && /^(garden|greenhouse|allotment|veg patch)$/.test(w(toks, j + 2))) return { activity: "garden", end: j + 3 };
      if (t === "at") {
        const host = personAt(toks, j + 1);
        if (host && toks[host.end - 1]?.poss) return { activity: `visit ${host.phrase}`, end: host.end };
        return placeAfter(toks, j + 1);
      }
      if (t === "on" && w(toks, j + 1) !== "the") return lookup(toks, j + 1, DO_OBJECTS, 2);
      if (t === "money" || verbReading(t)?.form === "ing") return null;
    }
    return null;
  },
  sit(toks, i) {
    const next = w(toks, i + 1);
    // "sat in the garden", "sitting on the beach": time spent outdoors somewhere.
    if (/^(in|on|by)$/.test(next) && w(toks, i + 2) === "the" && /^(garden|beach|sun|balcony|terrace|patio|park|grass|lawn|porch|deck|dunes|harbour|river|sea|lake)$/.test(w(toks, i + 3))) {
      return { activity: `sit ${next} the ${w(toks, i + 3)}`, end: i + 4 };
    }
    // Sitting with someone in hospital or a hospice is visiting them.
    if (next === "with") {
      const person = personAt(toks, i + 2);
      if (person && toks.slice(person.end, person.end + 6).some((t) => /^(hospice|hospital|ward|home|bedside)$/.test(t.w))) return { activity: `visit ${person.phrase}`, end: person.end };
    }
    const exam = lookup(toks, i + 1, table(`exam,exams,test,mock,paper=take an exam`), 4);
    return exam;
  },
  be(toks, i) {
    // "I'm at the gym": being somewhere is going there; being at work is where one was, not a deed.
    if (w(toks, i + 1) !== "at") return null;
    const host = personAt(toks, i + 2);
    if (host && toks[host.end - 1]?.poss) return { activity: `visit ${host.phrase}`, end: host.end };
    const place = placeAfter(toks, i + 2);
    return place?.activity === "work" ? null : place;
  },
  sleep(toks, i) {
    const next = w(toks, i + 1);
    if (next === "in") return { activity: "lie in", end: i + 2 };
    // "slept through" (the night) is sleep; "slept through the alarm" is not.
    if (next === "through" && /^(the|my|it)$/.test(w(toks, i + 2))) return null;
    if (/^(on|over|around|with)$/.test(next)) return null;
    return { activity: "sleep", end: i + 1 };
  },
  // "had a lie-in", "lay in till ten"; not "lay in bed" or "lay in the hammock".
  lie: (toks, i) => (w(toks, i + 1) === "in" && w(toks, i + 2) === "the" && w(toks, i + 3) === "sun" ? { activity: "sunbathe", end: i + 4 } : w(toks, i + 1) === "in" && !/^(the|a|my|our|bed|wait|front|it|there|here|bath)$/.test(w(toks, i + 2)) ? { activity: "lie in", end: i + 2 } : null),
  grab(toks, i) {
    const food = lookup(toks, i + 1, table(`groceries,some groceries,the groceries,shopping,the shopping,a few bits=shop`), 3);
    if (food?.activity) return food;
    const obj = lookup(toks, i + 1, NOUN_ACTIVITIES, 5);
    return obj?.activity && /^(drink|have)/.test(obj.activity) ? obj : null;
  },
  attend(toks, i) {
    const event = lookup(toks, i + 1, table(`service,mass=go to church; course=go to class; webinar,seminar,workshop,training=attend a webinar`), 4);
    return event?.activity ? event : placeAfter(toks, i + 1);
  },
  learn(toks, i) {
    const next = w(toks, i + 1);
    if (/^(english|french|spanish|german|italian|japanese|chinese|mandarin|arabic|welsh|portuguese|korean|hindi|urdu)$/.test(next)) return { activity: `study ${next}`, end: i + 2 };
    // "learned three new chords on the guitar".
    for (let j = i + 1; j < Math.min(toks.length, i + 8); j++) {
      const instrument = PLAY_OBJECTS[w(toks, j)];
      if (instrument && /^play (guitar|piano|drums|violin|ukulele|bass|cello|flute|saxophone|trumpet)$/.test(instrument)) return { activity: instrument, end: j + 1 };
    }
    return null;
  },
} satisfies Record<string, Rule>);

/** Objects of "clean" that stay in the activity; rooms and the house itself are just `clean`. */
const CLEAN_OBJECTS = table(`
  car,the car,my car,the van=clean the car; litter tray,the litter tray,litter box,cat litter=clean the litter tray; hutch,rabbit hutch,the hutch,cage,the cage=clean the hutch;
  headstone,the headstone,gravestone,grave=clean the headstone; teeth,my teeth,face,my face,myself,up after,glasses,my glasses=; bike,my bike=clean the bike;
`);

const FIX_OBJECTS = table(`bike,puncture,flat=fix the bike; my hair,my makeup,drink,coffee,dinner,lunch,breakfast,snack=`);

const PET_OBJECTS = (verb: string) =>
  table(`dog,the dog,dogs,the dogs,puppy,the puppy=${verb} the dog; cat,the cat,cats,the cats,kitten=${verb} the cat; horse,the horse,pony=${verb} the horse; rabbit,rabbits,the rabbit,the rabbits=${verb} the rabbit;
    chickens,the chickens,hens,the hens=${verb} the chickens; fish,the fish=${verb} the fish; teeth,my teeth,hair,my hair,the hair=`);

const PRACTISE_OBJECTS = merge(PLAY_OBJECTS, table(`yoga=yoga; mindfulness,meditation=meditate; tai chi=tai chi; spanish=study spanish; french=study french`));
const FEED_OBJECTS = merge(PET_OBJECTS("feed"), table(`baby,the baby=feed the baby; ducks,the ducks=feed the ducks; birds,the birds=feed the birds; myself,us,me,the kids,everyone=`));
const TRY_OBJECTS = merge(table(`recipe,new recipe,a new recipe,dish=cook`), ACTIVITY_NOUNS);
const START_OBJECTS = merge(DO_OBJECTS, table(`run=run; walk=walk; swim=swim`));


/** Small words that come between a verb and the noun it acts on ("fixed the leaky tap"). */
const OBJECT_SKIP = new Set("the a an my our his her their your some all this that these those old new little big small whole entire leaky broken wobbly spare front back dripping leaking blocked clogged squeaky creaky loose cracked".split(" "));

/** The noun a verb acts on, kept in the activity with "the" ("fixed her gate" → "the gate"). */
function objectNoun(toks: Token[], from: number): { phrase: string; end: number } | null {
  let j = from;
  if (!/^(the|a|an|my|our|his|her|their|some|this|that|all)$/.test(w(toks, j)) && !toks[j]?.poss) return null;
  const article = /^(a|an)$/.test(w(toks, j)) ? w(toks, j) : "the";
  while (OBJECT_SKIP.has(w(toks, j)) || toks[j]?.poss) j++;
  const words: string[] = [];
  while (j < toks.length && words.length < 2 && !PHRASE_END.has(w(toks, j)) && /^\p{L}+$/u.test(w(toks, j)) && !/^(that|which|who|it|itself|myself|and|again|today|yesterday|was|were|is|are|maybe|because)$/.test(w(toks, j)) && !(toks[j]!.cap)) {
    const reading = verbReading(w(toks, j));
    if (reading && reading.form !== "base") break;
    words.push(w(toks, j));
    j++;
  }
  if (words.length === 0 || personAt(toks, from)) return null;
  return { phrase: `${article} ${words.join(" ")}`, end: j };
}

/** "Popped to the market", "headed to the gym", "nipped into town": where one went is what was done. */
function moveTo(toks: Token[], i: number): Hit | null {
  let j = i + 1;
  if (/^(out|down|over|round|back|up|off)$/.test(w(toks, j))) j++;
  if (!/^(to|into)$/.test(w(toks, j))) return null;
  return placeAfter(toks, j + 1);
}


/** Words after an activity noun that name its session ("boxing class", "choir practice", "cricket nets"). */
export const SESSION_WORDS = new Set("class classes lesson lessons session sessions practice training nets match game club night".split(" "));

/**
 * Verbs whose activity is the verb itself, whatever follows ("baked sourdough" → bake), with the name
 * it goes by where that is another ("sprinted" → run). Verbs with a rule above are read by their rule.
 */
const BARE: Record<string, string> = Object.assign(Object.create(null), Object.fromEntries(
  `sprint>run boulder>climb spar>box thrift>shop stitch>sew darn>sew color>colour sculpt whittle>carve carve research>study
  mentor>teach explore sightsee>explore compost>garden mulch>garden disinfect>clean busk>perform doomscroll>scroll_my_phone
  binge>watch_tv defrost>clean organise>tidy organize>tidy reorganise>tidy reorganize>tidy launder>do_the_laundry
  hoover>vacuum vacuum mop>clean dust>clean declutter unwind>rest laze>rest loaf>rest picnic>have_a_picnic bbq>have_a_barbecue
  volunteer babysit commute>travel tour>travel roam>walk hoard>declutter fundraise>volunteer worship>pray chant>pray
  juggle weave strum>play_guitar drum>play_drums golf>play_golf toboggan>sledge scuba>dive windsurf kitesurf wrestle hoe>garden
  glamp>camp backpack>travel descale>clean vote nanny>babysit dine>eat_out gossip>talk natter>talk rollerskate>skate hillwalk>walk
  knead>bake vlog>film_a_vlog moisturise>skincare exfoliate>skincare snuggle>hug`
    .trim()
    .split(/\s+/)
    .map((spec) => {
      const [lemma, label] = spec.split(">");
      return [lemma!, (label ?? lemma!).replace(/_/g, " ")];
    }),
));

const bareRule = new Map<string, Rule>();

/** The rule that reads a verb: its own, or the verb as its activity. */
export function ruleFor(lemma: string): Rule | null {
  const own = RULES[lemma];
  if (own) return own;
  const label = BARE[lemma];
  if (!label) return null;
  let rule = bareRule.get(lemma);
  if (!rule) bareRule.set(lemma, (rule = simple(label)));
  return rule;
}

/** The rule for an -ing word on its own ("Cooking dinner", "went swimming"). */
export function gerundRule(word: string): Rule | null {
  if (GERUND_PHRASES[word]) return (_t, i) => ({ activity: GERUND_PHRASES[word]!, end: i + 1 });
  const reading = verbReading(word);
  if (reading?.form !== "ing" || LIGHT_VERBS.has(reading.lemma)) return null;
  return ruleFor(reading.lemma);
}

/** Verbs that say little on their own: "going", "having", "doing" are not an activity after "went". */
export const LIGHT_VERBS = new Set("go have do get take make spend sit be look fall stay put help start finish skip cancel miss buy film".split(" "));

