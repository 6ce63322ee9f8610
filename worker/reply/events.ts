// Life events an entry reports, read with a small vocabulary so the reply can name them and never
// suggest what makes no sense for them ("do it again" after getting a job).
//
// The vocabulary, by kind (every event found here is a one-off: it is not repeated at will):
//   achievement  got the job/offer/place/promotion, passed an exam or test, graduated, got into
//                university, won a prize/race, finished a marathon/thesis, bought a home, got published
//   milestone    a birth ("was born", "had a baby", "became a dad"), an engagement, a wedding
//   loss         a death ("passed away", "died", "lost my dad", a funeral), losing a job, a break-up,
//                a divorce, a miscarriage
//   upcoming     a presentation, interview, exam, test, operation, appointment, deadline, speech…
//                ahead ("Monday's presentation", "the exam tomorrow", "dreading the interview")
// An achievement or milestone counts as the writer's own only when no one else is its subject
// ("my sister got the job" is still a one-off, but the reply does not congratulate the writer).
import { normaliseApostrophes } from "../insights/text.ts";
import { capitaliseFirst, possessive, toSecondPerson } from "./naming.ts";

export type LifeEventKind = "achievement" | "milestone" | "loss" | "upcoming";

export interface LifeEvent {
  kind: LifeEventKind;
  /** How the reply names it: "getting the job", "passing your driving test", "your grandad", "Monday's presentation". */
  phrase: string;
  /** For a loss: the person lost, when there is one (the reply may ask about a memory of them). */
  person: boolean;
  /** Whether it happened to the writer (an achievement or milestone whose subject is someone else is not). */
  own: boolean;
}

const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const WEEKDAY = new RegExp(`^(?:${DAYS})$`);
const KIN =
  "mum|mom|mam|dad|mother|father|grandad|granddad|grandpa|grandma|gran|nan|nana|nanna|granny|grandmother|grandfather|brother|sister|" +
  "husband|wife|partner|son|daughter|friend|best friend|uncle|aunt|auntie|cousin|dog|cat|pet|grandparent|boyfriend|girlfriend|fiance|fiancee";
const AHEAD =
  "presentation|job interview|interview|exams?|driving test|test|surgery|operation|appointment|deadline|results|hearing|audition|performance|" +
  "recital|speech|pitch|scan|biopsy|first day|viva|assessment|review|court case|flight|meeting";

interface Rule {
  kind: LifeEventKind;
  re: RegExp;
  phrase: (m: RegExpExecArray) => string;
  person?: boolean;
}

const your = (det: string | undefined) => (det ? toSecondPerson(det.trim()) : "your");

const RULES: Rule[] = [
  // achievements
  {
    kind: "achievement",
    re: /\b(?:got|landed|bagged|been offered|was offered|got offered|accepted|secured) (?:the|a|my|that|this) (?:new |dream |first |full-time )?(job|role|position|offer|place|apprenticeship|internship|scholarship|grant|contract|funding|promotion)\b/,
    phrase: (m) => (m[1] === "promotion" ? "the promotion" : `getting the ${m[1]}`),
  },
  { kind: "achievement", re: /\b(?:got|been|was|finally got) promoted\b/, phrase: () => "getting promoted" },
  {
    kind: "achievement",
    re: /\b(?:passed|aced|smashed|nailed) (my |the |our |all my |both )?((?:[a-z]+ ){0,2}?(?:exams?|test|finals|viva|assessment|audition|interview|probation|dissertation|thesis|mot|course|module))\b/,
    phrase: (m) => `passing ${your(m[1])} ${m[2]}`,
  },
  { kind: "achievement", re: /\bgraduated\b|\bgot my (?:degree|diploma|phd|masters)\b/, phrase: () => "graduating" },
  {
    kind: "achievement",
    re: /\b(?:got|been|was) (?:in|into|accepted (?:in)?to|accepted at) ((?:my first choice |the )?(?:university|uni|college|med school|law school|grad school|the course|the programme|the program|[a-z]+ (?:university|college)))\b/,
    phrase: (m) => `getting into ${m[1]}`,
  },
  { kind: "achievement", re: /\bwon (?:the|a|an|first|my) ((?:[a-z]+ ){0,2}?(?:award|prize|race|competition|match|final|tournament|championship|medal|trophy|case))\b/, phrase: (m) => `winning the ${m[1]}` },
  { kind: "achievement", re: /\b(?:finished|completed|ran) (?:my|the|a|our) (?:first |whole )?(marathon|half marathon|ultra|thesis|dissertation|novel|phd|degree)\b/, phrase: (m) => `finishing the ${m[1]}` },
  { kind: "achievement", re: /\b(?:bought|got the keys to|completed on|moved into) (?:a|our|my|the) (?:first |new |own )?(house|home|flat|apartment)\b/, phrase: (m) => `your new ${m[1]}` },
  { kind: "achievement", re: /\b(?:got|been|was|is|has been) published\b/, phrase: () => "getting published" },
  // milestones
  {
    kind: "milestone",
    re: /\b(my|our) ((?:little |baby |new )?(?:son|daughter|baby|grandson|granddaughter|niece|nephew|twins|girl|boy))(?: [a-z]+)? (?:was|were|got) born\b/,
    phrase: (m) => `the arrival of ${your(m[1])} ${m[2]}`,
  },
  { kind: "milestone", re: /\b(?:gave birth|had (?:a|the|our) baby|(?:the|our) baby (?:is here|arrived|came)|baby (?:girl|boy) (?:arrived|is here))\b/, phrase: () => "the new baby" },
  { kind: "milestone", re: /\bbecame (?:a )?(mum|mom|dad|mother|father|parent|grandma|grandad|granny|grandpa|grandparent|auntie|aunt|uncle)\b/, phrase: (m) => `becoming a ${m[1]}` },
  { kind: "milestone", re: /\b(?:got|are|we're|i'm|just got|finally) engaged\b|\b(?:he|she|they) proposed\b|\bproposed to (?:him|her|them)\b|\b(?:she|he) said yes\b/, phrase: () => "getting engaged" },
  { kind: "milestone", re: /\bgot married\b|\bwe(?:'re| are) married\b|\bour wedding (?:day )?(?:was|today|yesterday)\b/, phrase: () => "getting married" },
  // losses
  {
    kind: "loss",
    re: new RegExp(String.raw`\b(my|our) ((?:[a-z]+ )?(?:${KIN}))\b[^.!?]{0,24}?\b(?:passed away|died|passed|is gone|has gone|had to be put down|was put down|lost (?:her|his|their) (?:fight|battle))\b`),
    phrase: (m) => `${your(m[1])} ${m[2]}`,
    person: true,
  },
  { kind: "loss", re: new RegExp(String.raw`\b(?:lost|losing) (my|our) ((?:[a-z]+ )?(?:${KIN}))\b`), phrase: (m) => `${your(m[1])} ${m[2]}`, person: true },
  { kind: "loss", re: /\b(?:put|putting) (my|our) (dog|cat|pet|rabbit|horse) (?:down|to sleep)\b/, phrase: (m) => `${your(m[1])} ${m[2]}`, person: true },
  { kind: "loss", re: /\b(?:got|been|was|am being|i'm being) (?:fired|sacked|laid off|made redundant|let go)\b|\blost my job\b/, phrase: () => "losing your job" },
  { kind: "loss", re: /\b(?:broke up|broken up|split up|got dumped|dumped me|ended things with me|(?:she|he|they) left me)\b/, phrase: () => "the break-up" },
  { kind: "loss", re: /\b(?:getting divorced|got divorced|the divorce|my divorce)\b/, phrase: () => "the divorce" },
  { kind: "loss", re: /\bmiscarr(?:iage|ied)\b/, phrase: () => "your loss" },
  { kind: "loss", re: /\b(?:the|his|her|their|a|grandad's|grandma's|mum's|dad's) funeral\b/, phrase: () => "the funeral" },
  // what lies ahead
  {
    kind: "upcoming",
    re: new RegExp(String.raw`\b(${DAYS}|tomorrow|tonight|next week|friday)'s ((?:[a-z]+ )?(?:${AHEAD}))\b`),
    phrase: (m) => `${possessive(WEEKDAY.test(m[1]!) ? capitaliseFirst(m[1]!) : m[1]!)} ${m[2]}`,
  },
  {
    kind: "upcoming",
    re: new RegExp(String.raw`\b(?:the|my|this|our|a|that) ((?:[a-z]+ )?(?:${AHEAD}))\b[^.!?]{0,20}?\b(tomorrow|tonight|on (?:${DAYS})|next week|this (?:afternoon|evening|week)|later today|in the morning)\b`),
    phrase: (m) => {
      const when = m[2]!;
      if (when === "tomorrow" || when === "tonight") return `${when}'s ${m[1]}`;
      if (when.startsWith("on ")) return `${capitaliseFirst(when.slice(3))}'s ${m[1]}`;
      if (when === "next week") return `next week's ${m[1]}`;
      return `the ${m[1]}`;
    },
  },
  {
    kind: "upcoming",
    re: new RegExp(String.raw`\b(?:dread\w*|nervous (?:about|for)|anxious about|worried about|scared (?:about|of)|terrified (?:about|of)|panicking about|stressing about|stressed about) (the|my|this|our) ((?:[a-z]+ )?(?:${AHEAD}))\b`),
    phrase: (m) => `${m[1] === "my" || m[1] === "our" ? your(m[1]) : "the"} ${m[2]}`,
  },
];

/** Words before an achievement that make it someone else's ("my sister got the job", "he passed"). */
const OTHER_SUBJECT = /\b(?:he|she|they|his|her|their|my (?:[a-z]+ )?(?:sister|brother|mum|mom|dad|friend|son|daughter|partner|husband|wife|boyfriend|girlfriend|colleague|flatmate|cousin|niece|nephew)|[a-z]+ (?:has|had))\s+(?:\w+\s+){0,2}$/;
/** A past achievement is not an upcoming event ("passed the exam", "after the interview"). */
const PAST_AHEAD = /\b(?:passed|failed|did|finished|after|survived|had|aced|smashed|nailed|went to|got through)\s+(?:\w+\s+){0,2}$/;

/** The life events the text reports, in the order written (one per rule at most). */
export function findLifeEvents(text: string): LifeEvent[] {
  const lower = normaliseApostrophes(text.slice(0, 4_000)).toLowerCase();
  const found: { event: LifeEvent; at: number; end: number; rank: number }[] = [];
  RULES.forEach((rule, rank) => {
    const m = rule.re.exec(lower);
    if (!m) return;
    const before = lower.slice(Math.max(0, m.index - 40), m.index);
    if (rule.kind === "upcoming" && PAST_AHEAD.test(before)) return;
    // words two rules of a kind both read are one event, named by the rule listed first
    const end = m.index + m[0].length;
    if (found.some((f) => f.event.kind === rule.kind && f.at < end && m.index < f.end)) return;
    const own = rule.kind === "loss" || rule.kind === "upcoming" || !OTHER_SUBJECT.test(before.split(/[.!?,;]/).at(-1) ?? "");
    found.push({ event: { kind: rule.kind, phrase: rule.phrase(m), person: rule.person ?? false, own }, at: m.index, end, rank });
  });
  return found.sort((a, b) => a.at - b.at || a.rank - b.rank).map((f) => f.event);
}

/** Whether an event is good news for the writer, bad news, or neither (what lies ahead). */
export const eventValence = (e: LifeEvent): 1 | -1 | 0 => (e.kind === "loss" ? -1 : e.kind === "upcoming" ? 0 : e.own ? 1 : 0);
