// Finds the person's own beliefs, challenges and intentions by matching careful patterns on their
// clauses. Everything returned is a quote; when nothing matches, the lists stay empty.
import { clip, normaliseApostrophes, splitClauses } from "./text.ts";

export type StatementKind = "beliefs" | "challenges" | "action_items";

const I = String.raw`\bi`;
const IM = String.raw`\bi(?:'?m| am)`;
const CANT = String.raw`(?:can'?t|cannot|can not)`;

/** Absolute or self-judging statements: the raw material of a limiting belief. */
const BELIEF_FIRST_PERSON: string[] = [
  String.raw`${IM} (?:just |so |such |really |too )?(?:not (?:\w+ )?(?:good|smart|strong|clever|pretty|attractive|talented|worthy|capable|lovable|interesting|cut out)\b|(?:a |an )?(?:failure|loser|burden|fraud|idiot|disappointment|mess)\b|(?:worthless|useless|hopeless|stupid|unlovable|broken|pathetic|unwanted|invisible)\b)`,
  String.raw`${IM} not (?:(?!\w+ing\b)\w+ ){1,2}enough\b`,
  String.raw`${IM} too (?:\w+ )?(?:to|for)\b`,
  String.raw`${IM} (?:the (?:kind|type|sort) of person|someone|somebody) who\b`,
  // "I never thought I'd enjoy it" is delight, not a rule about oneself
  String.raw`(?:${I}|${IM}) (?:always|never)\b(?! (?:thought|expected|imagined|knew|reali[sz]ed|wanted|loved?|enjoyed)\b)`,
  String.raw`${I}(?:'ll| will) never\b`,
  String.raw`${I} (?:should(?:n'?t| not)?|ought to)\b`,
  String.raw`${I} (?:have to|must|need to) (?:be|look|stay) (?:perfect|strong|happy|fine|better|in control)\b`,
  String.raw`${I} ${CANT} (?:ever|do anything|get anything|do this|trust|change|be (?:happy|loved|myself|enough)|rely on)\b`,
  String.raw`${I} (?:don'?t|do not) (?:deserve|matter|belong)\b|${I} deserve\b`,
  String.raw`${I} (?:really |honestly |just )?believe\b`,
  String.raw`(?:${I} (?:really |honestly |just )?(?:think|feel like|know deep down)|${IM} (?:convinced|sure|certain)) (?:that )?(?:maybe )?(?:i'?m|i am|i'll never|i can'?t|i'?ve|i was|nobody|no one|everyone|everybody|people|they|he|she|it's all|my|life|the world)\b`,
];

/** Generalisations about other people, the world or blame. */
const BELIEF_GENERAL: string[] = [
  String.raw`\b(?:nobody|no one|everyone|everybody|people)\s+(?:\w+\s+)?(?:always|never|really\s+)?(?:cares?|likes?|loves?|understands?|listens?|notices?|wants?|hates?|judges?|leaves?|gets it|can'?t|won'?t|don'?t|doesn'?t)\b`,
  String.raw`\b(?:life|the world|things) (?:is|are|will|never|always)\b.{0,30}\b(?:unfair|against me|never|always|pointless|hopeless)\b`,
  String.raw`\b(?:it'?s|it is|it was) (?:all )?my fault\b`,
];

interface Pattern {
  source: string;
  /** Whether "not", "never" or "no" nearby cancels it ("it wasn't hard", "no problem"). */
  negatable: boolean;
}

/** Difficulties; adjectives such as "hard" count only where they describe a struggle, not effort. */
const CHALLENGE: Pattern[] = [
  { source: String.raw`\b(?:struggl\w*|overwhelm\w*|exhaust\w*|burn(?:ed|t)? ?out|insomnia|panic\w*|frustrat\w*|anxious|anxiety|lonely|loneliness|stress(?:ed|ful|ing)?)\b`, negatable: true },
  { source: String.raw`\b(?:(?:is|was|are|were|been|be|being|so|really|too|very|pretty|getting|seems?|feels?|felt|find it)\s+(?:\w+\s+)?(?:hard|tough|difficult)|hard (?:time|for me|to)|difficult|tough (?:time|day|week))\b`, negatable: true },
  { source: String.raw`\b(?:${CANT}|couldn'?t|unable to)\b(?! (?:wait|believe|be happier|have asked|stop (?:smiling|laughing)))`, negatable: false },
  { source: String.raw`\b(?:worr(?:y|ied|ies|ying)|scared|afraid|terrified|dread\w*|nervous)\b`, negatable: true },
  { source: String.raw`\b(?:problem|issue|conflict|fight|fought|argu\w*|trouble|pain|hurts?|sick|ill|lost my|too much|pressure|deadline|behind on|falling apart|fail(?:ed|ing|ure)?)\b`, negatable: true },
];

/** Intentions and obligations the person states for themselves. */
const ACTION_FIRST_PERSON: string[] = [
  String.raw`${I}(?:'ll| will| shall)\b(?! (?:never|always|probably|likely|be (?:fine|ok|okay|alright)|see how|miss)\b)`,
  String.raw`${IM} (?:going|gonna|planning|about) to\b|${I}'?m gonna\b`,
  String.raw`${I} (?:really |still |also |just )?(?:need|have|plan|intend|want|am planning|am trying|promised(?: myself)?) to\b(?! (?:admit|say|be honest|vent)\b)`,
  String.raw`${I}(?:'ve| have)? decided to\b|${I} must\b`,
  String.raw`\b(?:tomorrow|tonight|next (?:week|time|month)|this weekend|from now on),? i\b`,
];

const ACTION_GENERAL: string[] = [
  String.raw`\b(?:my (?:plan|goal|next step) is|note to self|remind myself to|to-?do)\b`,
];

/** Wanting is only an intention when it names a step ("I want to start running"). */
const WANT_STEP = /\bi (?:really |still |also |just )?want to (?:start|stop|try|begin|make|get back|spend|call|talk|write|go|finish|ask|tell|book|sign up|work on|practi[cs]e)\b/i;

const NEGATED_BEFORE = /(?:\b(?:not|never|no|without)|n't)\s+(?:\w+\s+)?$/i;
const NEGATION = /\b(?:not|never|no)\b|n't/i;

/**
 * Each kind's patterns become one alternation, so a clause costs one scan per kind; each pattern is
 * a capturing group, to tell which one matched.
 */
const anyOf = (sources: string[], flags: string) => new RegExp(sources.map((src) => `(${src})`).join("|"), flags);
const BELIEF_I = anyOf(BELIEF_FIRST_PERSON, "i");
const BELIEF_ANY = anyOf(BELIEF_GENERAL, "i");
const ACTION_I = anyOf(ACTION_FIRST_PERSON, "i");
const ACTION_ANY = anyOf(ACTION_GENERAL, "i");
const CHALLENGE_RE = anyOf(CHALLENGE.map((p) => p.source), "gi");
/** Most first-person patterns cannot match a clause without an "I", and this check is cheap. */
const HAS_I = /\bi\b/i;

function challengeIn(clause: string): RegExpExecArray | null {
  CHALLENGE_RE.lastIndex = 0;
  for (let m = CHALLENGE_RE.exec(clause); m; m = CHALLENGE_RE.exec(clause)) {
    const negatable = CHALLENGE[m.findIndex((g, i) => i > 0 && g !== undefined) - 1]?.negatable ?? true;
    if (negatable && (NEGATION.test(m[0]) || NEGATED_BEFORE.test(clause.slice(Math.max(0, m.index - 24), m.index)))) continue;
    return m;
  }
  return null;
}

function classify(norm: string): { kind: StatementKind; at: number } | null {
  const firstPerson = HAS_I.test(norm);
  const belief = (firstPerson && BELIEF_I.exec(norm)) || BELIEF_ANY.exec(norm);
  if (belief) return { kind: "beliefs", at: belief.index };
  const action = (firstPerson && ACTION_I.exec(norm)) || ACTION_ANY.exec(norm);
  if (action && (!/\bwant to\b/i.test(action[0]) || WANT_STEP.test(norm))) return { kind: "action_items", at: action.index };
  const challenge = challengeIn(norm);
  if (challenge) return { kind: "challenges", at: challenge.index };
  return null;
}

/** Quotes the clause; a very long clause (no punctuation) is quoted from just before the match. */
function quote(clause: string, at: number, maxChars: number): string {
  let text = clause;
  if (clause.length > maxChars && at > 40) {
    const from = clause.lastIndexOf(" ", at - 30) + 1;
    text = `\u2026${clause.slice(from)}`;
  }
  const t = clip(text, maxChars).replace(/[\s,;:.]+$/, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const keyOf = (s: string) => normaliseApostrophes(s).toLowerCase().replace(/[^\p{L}\p{N}']+/gu, " ").trim();

export function extractStatements(
  sentences: readonly string[],
  perKind: number,
  maxChars: number,
): Record<StatementKind, string[]> {
  const out: Record<StatementKind, string[]> = { beliefs: [], challenges: [], action_items: [] };
  const seen: Record<StatementKind, string[]> = { beliefs: [], challenges: [], action_items: [] };
  for (const sentence of sentences) {
    if (out.beliefs.length >= perKind && out.challenges.length >= perKind && out.action_items.length >= perKind) break;
    for (const clause of splitClauses(sentence)) {
      // a question ("should I quit?") is not a statement of belief or intent
      if (clause.endsWith("?")) continue;
      const hit = classify(normaliseApostrophes(clause));
      if (!hit || out[hit.kind].length >= perKind) continue;
      const text = quote(clause, hit.at, maxChars);
      const key = keyOf(text);
      if (key.length < 4 || seen[hit.kind].some((k) => k.includes(key) || key.includes(k))) continue;
      seen[hit.kind].push(key);
      out[hit.kind].push(text);
    }
  }
  return out;
}
