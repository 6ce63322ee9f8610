// Who an entry mentions: relations ("my sister", "the kids", "Mum"), titles with names ("Dr Patel",
// "Uncle Pete") and first names ("Sam"), as lower-case phrases the way the person wrote them.
import type { Token } from "./tokens.ts";

const DETERMINERS = new Set(["my", "our", "his", "her", "their", "your"]);

/** Relations and roles that name a person after "my", "her", … ("my sister", "their dad"). */
const RELATIONS = new Set(
  (
    "sister sisters brother brothers sibling siblings mum mom mam mother dad father parents son sons daughter daughters " +
    "husband wife partner boyfriend girlfriend bf gf fiance fiancé fiancee fiancée ex friend friends mate mates pal pals bestie " +
    "boss manager colleague colleagues coworker coworkers teacher teachers tutor coach therapist counsellor counselor doctor gp nurse " +
    "neighbour neighbours neighbor neighbors landlord landlady flatmate flatmates housemate housemates roommate roommates " +
    "cousin cousins aunt auntie aunty uncle niece nephew nan nana nanna gran grandma grandad granddad grandpa grandmother grandfather " +
    "granny grandparents grandson granddaughter grandkids grandchildren grandchild kids kid children child childrens baby babies " +
    "toddler twins family team boys girls lads guys stepdad stepmum stepmom stepson stepdaughter godson goddaughter godmother " +
    "students pupils class nonna nonno headteacher psychiatrist psychologist tutor mentor physio dentist vicar pastor priest " +
    "host family in-laws inlaws lead partner's uncles aunties aunts"
  ).split(" "),
);

/** Relations that "the" can introduce as people ("the kids", "the GP"), unlike "the doctor" (a place to go). */
const THE_RELATIONS = new Set(
  "kids children baby babies family team boys girls lads guys grandkids grandchildren twins landlord landlady gp neighbours neighbors in-laws neighbour neighbor cousins aunties uncles grandparents parents little one".split(" "),
);

/** Relations used as names, with no determiner ("Called Mum", "with Dad"). */
const BARE_RELATIONS = new Set(
  "mum mom mam mummy mommy dad daddy grandma grandad granddad grandpa gran nan nana nanna granny nonna nonno nani nanu amma appa papa mama ammi baba dadi auntie aunty uncle".split(" "),
);

/** Words that come before a relation without changing who it is ("my little sister" is "my sister"). */
const RELATION_ADJECTIVES = new Set("little big older younger elder eldest youngest baby lovely poor dear".split(" "));
/** Words that stay with a relation because they say which one ("my old manager", "the new neighbours", "the uni girls"). */
const RELATION_KEPT = new Set("old new uni work school host team ex".split(" "));
/** Group words that "the" plus a word before them makes people ("the uni girls", "the school mums"). */
const GROUP_HEADS = new Set("girls boys lads guys mums dads mates crew gang".split(" "));

const TITLES = new Set("dr doctor uncle aunt auntie aunty mr mrs ms miss nurse father pastor rabbi imam coach professor prof sister brother".split(" "));

/**
 * First names, many cultures. Ambiguous ones (also ordinary words) count only when written with a
 * capital or in a person's place ("with ruby", "called will").
 */
const NAMES = new Set(
  (
    "aaron abby abdul adam adil aditi adrian ahmed aidan aiden aisha alan alex alexa alfie ali alice alicia alison amara amelia amina " +
    "amir amira amit amy ana andre andrea andrew andy angela anika anita ann anna anne annie anthony archie arjun arthur asha ashley " +
    "aurora ava ayesha barbara barry becca becky ben bella beth bethany betty bex bilal billy bobby brenda brian bridget callum " +
    "cameron carla carlos caroline carys catherine charlie charlotte chen chloe chris christine claire clara colin connor craig " +
    "dan daniel danny darren dave david deb debbie declan deepa dev diana diane dylan ed eddie edward eileen elena eli elijah " +
    "eliza ella ellie elliot emily emma eric erin ethan eva evie ewan fatima felix fiona finn florence francesca fred freddie " +
    "freya gareth gary gemma george georgia gerald gill gillian graham greg hamza hannah harold harriet harry harvey hassan " +
    "helen henry ibrahim imogen isaac isabel isabella isla izzy jack jacob jade jake james jamie jan jane janet jasmine jason " +
    "jen jenny jess jessica jim jimmy jo joan joanne joe joel john jon jonathan jordan jose joseph josh joshua julia julie justin " +
    "kai karen kate katie kayla keith kelly kevin khadija kieran kim kyle lara laura lauren leah lee leila leo lewis liam lily " +
    "linda lisa liz lizzie logan lola louis louise lucas lucy luis luke lydia maddie maisie maria marie marcus margaret martin " +
    "mary matt matthew maya megan mel mia michael michelle mike millie milo mo mohammed molly mustafa nadia naomi nathan neil nia " +
    "niamh nick nicola noah nora ola oliver olivia ollie omar oscar owen paul paula pete peter phil phoebe priya rachel rahul raj " +
    "rebecca reece rhys richard rita rob robert rory rosie ross ryan sadie sally sam samantha samuel sanjay sara sarah scott sean " +
    "seb shaun sharon shona simon sofia sophie stacey stella steph stephen steve stuart susan tara ted theo thomas tim toby tom " +
    "tommy tony tyler uma vicky victoria wendy yasmin yusuf zac zach zara zainab zoe " +
    "will bill jean may june april rose grace joy hope mark pat ruby amber frank ray sky summer dawn faith penny bob sue " +
    "max ivy holly daisy poppy iris violet heather olive hazel robin carol jay"
  ).split(" "),
);

const AMBIGUOUS_NAMES = new Set(
  "will bill jean may june april rose grace joy hope mark pat ruby amber frank ray sky summer dawn faith penny bob sue max ivy holly daisy poppy iris violet heather olive hazel robin carol jay".split(
    " ",
  ),
);

/** Capitalised words that are never people: days, months, places and things people write with capitals. */
const NOT_PEOPLE = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october " +
    "november december christmas easter eid diwali ramadan netflix youtube tiktok instagram zoom whatsapp facetime spotify lego " +
    "english french spanish german maths i"
  ).split(" "),
);

/** Words after which a capitalised or ambiguous word is a person ("with Amira", "called Will"). */
const PERSON_CUES = new Set(
  ("with and called rang phoned texted messaged met saw hugged visited facetimed thanked helped told asked invited sent emailed skyped whatsapped " +
    "babysat see visit meet kissed married dated drove picked fed bathed").split(" "),
);

export interface PersonMatch {
  phrase: string;
  /** Index after the last token of the mention. */
  end: number;
}

const isName = (toks: Token[], i: number): boolean => {
  const t = toks[i];
  if (!t || NOT_PEOPLE.has(t.w)) return false;
  const cue = PERSON_CUES.has(toks[i - 1]?.w ?? "");
  // A name in a shop's or a brand's name ("Trader Joe's", "Papa John's"): a possessive straight after
  // another capitalised word that is neither a name nor a title.
  const previous = toks[i - 1];
  if (t.poss && previous?.cap && !NAMES.has(previous.w) && !TITLES.has(previous.w)) return false;
  if (NAMES.has(t.w)) return !AMBIGUOUS_NAMES.has(t.w) || t.cap || cue || (t.upper && t.poss);
  // A capitalised word nobody listed counts when something says it is a person ("with Amira").
  return t.cap && cue && /^\p{L}+$/u.test(t.w) && t.w.length > 1;
};

const found = new WeakMap<Token[], (PersonMatch | null)[]>();

/** The person mentioned at `i`, if one is (worked out once per clause and position). */
export function personAt(toks: Token[], i: number): PersonMatch | null {
  let known = found.get(toks);
  if (!known) found.set(toks, (known = []));
  let match = known[i];
  if (match === undefined) known[i] = match = readPerson(toks, i);
  return match;
}

function readPerson(toks: Token[], i: number): PersonMatch | null {
  const t = toks[i];
  if (!t) return null;
  if (DETERMINERS.has(t.w)) {
    let j = i + 1;
    const kept: string[] = [];
    while ((RELATION_ADJECTIVES.has(toks[j]?.w ?? "") || RELATION_KEPT.has(toks[j]?.w ?? "")) && j < i + 3) {
      if (RELATION_KEPT.has(toks[j]!.w) && RELATIONS.has(toks[j + 1]?.w ?? "") || (RELATION_KEPT.has(toks[j]!.w) && RELATION_KEPT.has(toks[j + 1]?.w ?? ""))) kept.push(toks[j]!.w);
      j++;
    }
    if (toks[j]?.w === "best" && /^friends?$/.test(toks[j + 1]?.w ?? "")) kept.push(toks[j++]!.w);
    if (toks[j]?.w === "in" && toks[j + 1]?.w === "laws") return { phrase: `${t.w} in-laws`, end: j + 2 };
    const head = toks[j];
    // "my mother-in-law", "my team lead".
    if (head && toks[j + 1]?.joined && toks[j + 1]?.w === "in" && toks[j + 2]?.w === "law") return { phrase: [t.w, ...kept, `${head.w}-in-law`].join(" "), end: j + 3 };
    if (head?.w === "team" && /^(lead|leader)$/.test(toks[j + 1]?.w ?? "")) return { phrase: [t.w, ...kept, `team ${toks[j + 1]!.w}`].join(" "), end: j + 2 };
    if (head && RELATIONS.has(head.w)) return { phrase: [t.w, ...kept, head.w].join(" "), end: j + 1 };
    return null;
  }
  if (t.w === "the") {
    if (toks[i + 1]?.w === "in" && toks[i + 2]?.w === "laws") return { phrase: "the in-laws", end: i + 3 };
    if (toks[i + 1]?.w === "little" && toks[i + 2]?.w === "one") return { phrase: "the little one", end: i + 3 };
    // "the uni girls", "the new neighbours".
    const second = toks[i + 2]?.w ?? "";
    if (toks[i + 1] && /^\p{L}+$/u.test(toks[i + 1]!.w) && !THE_RELATIONS.has(toks[i + 1]!.w) && (GROUP_HEADS.has(second) || (RELATION_KEPT.has(toks[i + 1]!.w) && THE_RELATIONS.has(second)))) {
      return { phrase: `the ${toks[i + 1]!.w} ${second}`, end: i + 3 };
    }
    const head = toks[i + 1];
    if (!head || !THE_RELATIONS.has(head.w)) return null;
    // "the guys from work" is who they are.
    if (/^(guys|people)$/.test(head.w) && toks[i + 2]?.w === "from" && /^(work|school|church|uni|college|the office)$/.test(toks[i + 3]?.w ?? "")) {
      return { phrase: `the ${head.w} from ${toks[i + 3]!.w}`, end: i + 4 };
    }
    return { phrase: `the ${head.w}`, end: i + 2 };
  }
  if (TITLES.has(t.w) && (t.w !== "miss" || t.upper) && toks[i + 1] && (toks[i + 1]!.cap || NAMES.has(toks[i + 1]!.w)) && !NOT_PEOPLE.has(toks[i + 1]!.w)) {
    // "Dr Patel", "Uncle Pete"; a relation word alone ("sister") is not a title.
    if (!RELATIONS.has(t.w) || t.cap || t.w === "uncle" || t.w.startsWith("aunt")) return { phrase: `${t.w} ${toks[i + 1]!.w}`, end: i + 2 };
  }
  // "Called Mum" is a person; "a rubbish mum" is the writer describing themself.
  const before = [toks[i - 1]?.w, toks[i - 2]?.w];
  if (BARE_RELATIONS.has(t.w) && !DETERMINERS.has(before[0] ?? "") && before[0] !== "the" && !before.includes("a") && !before.includes("an")) return { phrase: t.w, end: i + 1 };
  if (t.w === "little" && isName(toks, i + 1)) return { phrase: toks[i + 1]!.w, end: i + 2 };
  if (isName(toks, i)) return { phrase: t.w, end: i + 1 };
  return null;
}

/** Whether the token at `i` can head a mention of a person (used to find who does what). */
export const isPersonWord = (toks: Token[], i: number): boolean => {
  const t = toks[i];
  return !!t && (RELATIONS.has(t.w) || BARE_RELATIONS.has(t.w) || isName(toks, i));
};

/** Every person a run of tokens mentions, in order, without repeats. */
export function peopleIn(toks: Token[], into: string[]): void {
  for (let i = 0; i < toks.length; i++) {
    const found = personAt(toks, i);
    if (!found) continue;
    if (!into.includes(found.phrase)) into.push(found.phrase);
    i = found.end - 1;
  }
}

/**
 * The words of a mention that name someone ("dr patel" → ["patel"], "uncle pete" → ["pete"], "sam"),
 * none for a relation ("my sister", "mum", "the kids"), with whether each is also an ordinary word
 * ("will", "may"): what worker/privacy/redact.ts hides from a language model.
 */
export function nameWordsOf(phrase: string): { word: string; ordinary: boolean }[] {
  const words = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 || DETERMINERS.has(words[0]!) || words[0] === "the") return [];
  return words
    .filter((w) => !RELATIONS.has(w) && !BARE_RELATIONS.has(w) && !TITLES.has(w) && !RELATION_ADJECTIVES.has(w) && !NOT_PEOPLE.has(w) && w !== "little")
    .filter((w) => /^\p{L}[\p{L}'-]*$/u.test(w) && w.length > 1)
    .map((word) => ({ word, ordinary: AMBIGUOUS_NAMES.has(word) }));
}
