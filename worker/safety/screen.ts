// The safety screen: reads an entry, synchronously and locally, and says whether it sounds like a
// crisis (suicidal thoughts, self-harm, plans, goodbyes), a concern (hopelessness, numbness, feeling
// a burden) or neither. Every entry passes through it before the reply is written.
//
// Two readers: hand-written patterns (vocabulary.ts) for what is known precisely, then a small
// network (model.ts) for phrasings no pattern foresaw; the network may raise a level, never lower it.
// No NLP library: measured here, compromise takes about 7 ms for a three-sentence entry and
// wink-nlp with its English model adds about 1 MB gzipped to the Worker, against a budget of 0.2 ms
// for a 3,000-character entry. What a library would add (negation scope, who the subject is) is done
// within a few words of each phrase, which is what these phrases need.
import modelFile from "./data/safety-model.ts";
import { decodeSafetyModel, type SafetyModel } from "./model.ts";
import { normalisedSentences } from "./normalise.ts";
import { modelScores } from "./windows.ts";
import {
  CLAUSE_BREAKS,
  FIRST_PERSON,
  HISTORY,
  NEGATION_REVERSERS,
  NEGATION_WINDOW,
  NEGATORS,
  OTHER_PERSON,
  ANSWERED_NO,
  POSSESSIVES,
  QUESTIONED,
  RECOVERED,
  RETURNING,
  SUBJECT_WINDOW,
  THING_SUBJECTS,
  type SafetyLevel,
} from "./vocabulary.ts";
import { FRAGMENTS, PATTERNS, type SafetyPattern } from "./patterns.ts";

export type { SafetyLevel } from "./vocabulary.ts";
export const SAFETY_LEVELS = ["none", "concern", "crisis"] as const satisfies readonly SafetyLevel[];

const RANK: Record<SafetyLevel, number> = { none: 0, concern: 1, crisis: 2 };
export const higherLevel = (a: SafetyLevel, b: SafetyLevel): SafetyLevel => (RANK[a] >= RANK[b] ? a : b);

export interface SafetySignal {
  pattern: string;
  level: Exclude<SafetyLevel, "none">;
  /** The words that matched, in the normal form. */
  matched: string;
}

export interface SafetyScreen {
  level: SafetyLevel;
  signals: SafetySignal[];
}

interface CompiledPattern {
  source: SafetyPattern;
  re: RegExp;
  unless: RegExp | null;
  requires: RegExp | null;
}

function expand(source: string, fragments: Record<string, string>): string {
  return source.replace(/\{([A-Z]+)\}/g, (_, name: string) => {
    const fragment = fragments[name];
    if (fragment === undefined) throw new Error(`safety pattern uses an unknown fragment {${name}}`);
    return fragment;
  });
}

interface Compiled {
  patterns: CompiledPattern[];
  /** Word → bit mask of the patterns anchored on it (one bit per pattern, so at most 31 patterns). */
  anchors: ReadonlyMap<string, number>;
}

let compiled: Compiled | null = null;
function compiledPatterns(): Compiled {
  if (compiled) return compiled;
  if (PATTERNS.length > 31) throw new Error("safety patterns are tracked in a 31-bit mask: merge some before adding more");
  const anchors = new Map<string, number>();
  PATTERNS.forEach((p, i) => {
    for (const word of p.anchors) anchors.set(word, (anchors.get(word) ?? 0) | (1 << i));
  });
  compiled = {
    patterns: PATTERNS.map((p) => ({
      source: p,
      re: new RegExp(expand(p.pattern, FRAGMENTS), "g"),
      unless: p.unless ? new RegExp(expand(p.unless, FRAGMENTS)) : null,
      requires: p.requires ? new RegExp(expand(p.requires, FRAGMENTS)) : null,
    })),
    anchors,
  };
  return compiled;
}

const historyRe = new RegExp(HISTORY);
const recoveredRe = new RegExp(RECOVERED);
const returningRe = new RegExp(RETURNING);
const questionedRe = new RegExp(QUESTIONED);
const answeredNoRe = new RegExp(ANSWERED_NO);

/** Whether a negator stands within a few words before `index` in the same clause. */
function negatedBefore(words: string[], index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - NEGATION_WINDOW); i--) {
    const w = words[i]!;
    if (CLAUSE_BREAKS.has(w)) return false;
    if (NEGATORS.has(w) && !NEGATION_REVERSERS.has(words[i + 1] ?? "")) return true;
  }
  return false;
}

/**
 * Whether the nearest subject before `index` (in the same clause) is someone other than the
 * writer. With no subject in sight the writer is meant: a journal is written in the first person.
 */
function aboutSomeoneElse(words: string[], index: number, explicit = false, previous: readonly string[] = []): boolean {
  for (let i = index - 1; i >= Math.max(0, index - SUBJECT_WINDOW); i--) {
    const w = words[i]!;
    if (POSSESSIVES.has(w)) continue;
    if (FIRST_PERSON.has(w)) return false;
    if (OTHER_PERSON.has(w)) return true;
    if (CLAUSE_BREAKS.has(w) && w !== "and") break;
  }
  // No subject in sight: the writer is meant, unless the pattern wants them named and the sentence
  // (or the one before it) is about someone else ("Mum's been gone a year. Overdose.").
  if (!explicit || words.some((w) => FIRST_PERSON.has(w) || POSSESSIVES.has(w))) return false;
  return [...words, ...previous].some((w) => OTHER_PERSON.has(w) || w === "mums" || w === "dads");
}

/** A thing just before a feeling word is what feels that way: "the house felt empty". */
const aboutAThing = (words: string[], index: number) => index > 0 && THING_SUBJECTS.has(words[index - 1]!);

/**
 * A question someone asked the writer ("the GP asked if I'd had thoughts of ending my life"),
 * answered no after it was asked, in the same sentence or the next one.
 */
function answeredNo(sentence: string, matchEnd: number, next: string): boolean {
  return questionedRe.test(sentence) && (answeredNoRe.test(sentence.slice(matchEnd)) || answeredNoRe.test(next));
}

/** What a sentence's reading may depend on beyond the sentence. */
interface EntryContext {
  /** The whole entry in the normal form. */
  readonly plain: string;
  /** The entry says that something from the past is back ("the thoughts are back"). */
  readonly returning: boolean;
}

const wordIndexAt = (sentence: string, offset: number) => {
  let n = 0;
  for (let i = 0; i < offset; i++) if (sentence.charCodeAt(i) === 32) n++;
  return n;
};

function screenSentence(sentence: string, mask: number, signals: SafetySignal[], entry: EntryContext, next: string, previous: readonly string[]): void {
  let words: string[] | null = null;
  const { patterns } = compiledPatterns();
  for (let i = 0; i < patterns.length; i++) {
    if ((mask & (1 << i)) === 0) continue;
    const { source, re, unless, requires } = patterns[i]!;
    if (requires && !requires.test(sentence)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (unless?.test(source.unlessInEntry ? entry.plain : sentence)) break;
      words ??= sentence.split(" ");
      const at = wordIndexAt(sentence, m.index);
      if (source.negatable && negatedBefore(words, at)) continue;
      if (source.self !== "inherent" && aboutSomeoneElse(words, at, source.self === "explicit", previous)) continue;
      if (source.level === "concern" && aboutAThing(words, at)) continue;
      if (answeredNo(sentence, m.index + m[0].length, next)) continue;
      // A crisis told as past history reads as concern (as nothing, when the story ends well),
      // unless the entry says it is back.
      const past = source.level === "crisis" && !entry.returning && historyRe.test(sentence);
      if (past && recoveredRe.test(entry.plain)) break;
      signals.push({ pattern: source.id, level: past ? "concern" : source.level, matched: m[0] });
      break;
    }
  }
}

let shipped: SafetyModel | null = null;
const shippedModel = () => (shipped ??= decodeSafetyModel(modelFile));

/**
 * Screens an entry's text (title and body together). Pure, synchronous, no network. The patterns
 * read first; the model may raise what they found (never lower it). `model: null` reads with the
 * patterns alone (for training the model).
 */
export function screenText(text: string, options: { model?: SafetyModel | null } = {}): SafetyScreen {
  const signals: SafetySignal[] = [];
  const sentences = normalisedSentences(text, compiledPatterns().anchors);
  if (sentences.some((s) => s.mask !== 0)) {
    // Each sentence joined once, when first needed; the whole entry (which entry-wide rules read)
    // only when a rule asks for it, since most entries never reach one.
    const texts: (string | undefined)[] = [];
    const textOf = (i: number) => (i < sentences.length ? (texts[i] ??= sentences[i]!.words.join(" ")) : "");
    let plain: string | undefined;
    let returning: boolean | undefined;
    const entry: EntryContext = {
      get plain() {
        return (plain ??= sentences.map((_, i) => textOf(i)).join(" . "));
      },
      get returning() {
        return (returning ??= returningRe.test(this.plain));
      },
    };
    sentences.forEach(({ mask }, i) => {
      if (mask !== 0) screenSentence(textOf(i), mask, signals, entry, textOf(i + 1), sentences[i - 1]?.words ?? []);
    });
  }
  let level = signals.reduce<SafetyLevel>((best, s) => higherLevel(best, s.level), "none");
  const model = options.model === undefined ? shippedModel() : options.model;
  if (model && level !== "crisis") {
    const scores = modelScores(
      model,
      sentences.map((s) => s.words),
    );
    if (scores.crisis >= model.thresholds.crisis) signals.push({ pattern: "model", level: "crisis", matched: `p=${scores.crisis.toFixed(2)}` });
    else if (level === "none" && scores.distress >= model.thresholds.distress) signals.push({ pattern: "model", level: "concern", matched: `p=${scores.distress.toFixed(2)}` });
    level = signals.reduce<SafetyLevel>((best, s) => higherLevel(best, s.level), level);
  }
  return { level, signals };
}
