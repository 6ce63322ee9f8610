// Reads first-person feeling statements ("I feel rotten", "I'm so fed up", "feeling over the moon",
// "it made me really anxious") with the team's feelings vocabulary (data/feelings-lexicon.ts).
//
// Why: the local model learned from Reddit comments, and a journal is not Reddit. When a person names
// a feeling about themselves, that word is the best evidence there is of what they feel, so it is read
// directly: the statement's frame ("I feel", "I'm", "makes me"), the modifiers after it ("so", "a bit",
// "kind of"), negation ("not", "don't", "no longer") and the feeling phrase, longest match first, with
// "and"/"or" chaining ("cranky and blue"). A negated good feeling ("I don't feel good") reads as a mild
// low one; a negated bad feeling ("I'm not angry") only keeps that feeling from winning.
// A frame with no word from the vocabulary ("I feel like nobody listens") still says the sentence is
// about a feeling, which the caller uses to avoid calling it neutral.
// Pure TypeScript, no Worker APIs; the cost is a pass over the tokens (a few µs per entry).
import { FEELINGS, type FeelingEntry } from "./data/feelings-lexicon.ts";
import type { EkmanEmotion, FineEmotion } from "./taxonomy.ts";

export type FeelingGroup = Exclude<EkmanEmotion, "neutral">;

export interface FeelingHit {
  phrase: string;
  group: FeelingGroup;
  fine: FineEmotion | null;
  /** 0..1: the vocabulary's intensity, raised by intensifiers and lowered by hedges. */
  strength: number;
  /** True when the word came after a statement frame ("I feel", "I'm"), false when loose in a sentence
   * (the caller weighs loose words less). */
  framed: boolean;
}

export interface FeelingReading {
  hits: FeelingHit[];
  /** Groups the person said they do not feel ("I'm not angry, just tired"). */
  denied: FeelingGroup[];
  /** Whether the text makes a first-person statement about a feeling at all. */
  statement: boolean;
}

/** Strength of a framed hit by the vocabulary's intensity (1 mild, 2 clear, 3 strong). */
const BASE_STRENGTH = [0, 0.66, 0.78, 0.9] as const;
const INTENSIFIED = 0.07;
const HEDGED = -0.08;
/**
 * Outside a frame these words are more often about things than feelings ("the airline lost my bag",
 * "the internet's down", "I used to love painting", "great, another flat tyre"), so they count only
 * after one.
 */
const FRAMED_ONLY = new Set(
  (
    "lost down free funny broken better bad good great love lovely alone shook wound up rubbish positive perfect low blue off cold hurt sick sore " +
    // also: "I ghosted him", "my hero", "fried rice", "the roof is crumbling", "coping strategies", "a lazy Sunday"
    "crumbling sinking overlooked ghosted dumped replaceable disposable distant withdrawn doormat zombie robot " +
    "lazy fried fool coward soaring thriving coping hero triggered targeted dismissed smothered"
  ).split(" "),
);
/** "I don't feel good": a mild low feeling. */
const NEGATED_GOOD = { group: "sadness", fine: "sadness", strength: 0.62 } as const;

const INTENSIFIERS = new Set(
  (
    "so very really too super extremely incredibly totally completely utterly absolutely truly deeply terribly awfully " +
    "genuinely seriously properly proper bloody damn damned fucking freaking hella mega insanely ridiculously crazy " +
    "increasingly especially particularly overwhelmingly massively hugely soo sooo reallyy rly rlly v most more " +
    "much lot lots way total utter complete"
  ).split(" "),
);
const HEDGES = new Set(
  "bit little slightly somewhat rather quite pretty fairly kinda sorta kind sort mildly vaguely lowkey tad touch".split(" "),
);
/** Words that may sit between a frame and the feeling without changing it. */
const FILLERS = new Set(
  (
    "a of just still also all only even now again today tonight lately recently honestly actually literally " +
    "oddly strangely weirdly suddenly already always sometimes often generally mostly simply basically " +
    "like as being getting feeling been becoming growing starting beginning ever such um uh ugh"
  ).split(" "),
);
const NEGATORS = new Set("not never no dont didnt doesnt cant cannot isnt wasnt arent werent aint hardly barely nt neither".split(" "));
/** "no longer", "not any more" also negate; "not only" does not. */
const NOT_NEGATING_AFTER = new Set(["only", "just", "even"]);

/** Frames: a first-person subject and a linking verb, or a causative ("makes me"). */
const SUBJECT = new Set(["i", "im", "ive", "id", "me", "myself"]);
const LINKING = new Set(
  "feel feels felt feeling am m was been be get got getting become became grow grew stay stayed remain remained seem seemed keep kept go went turn turned".split(
    " ",
  ),
);
const CAUSATIVE = new Set(["make", "makes", "made", "making", "leave", "leaves", "left", "leaving", "got", "gets", "getting", "keep", "keeps", "kept"]);
/** Someone else is the subject: their feelings are not the writer's. */
const OTHERS = new Set(
  (
    "he she they you we his her their your him them hes shes theyre youre u ur baby babies kid kids children son daughter " +
    "mum mom dad husband wife partner boyfriend girlfriend boss friend brother sister everyone everybody people someone somebody team"
  ).split(" "),
);
const ACTIVE_BEFORE = new Set(["i", "ive", "id", "we", "weve", "you", "they", "he", "she", "have", "has", "had", "just"]);
/** "I've never felt better": a negated comparison of a good feeling is a good feeling. */
const NEVER_BETTER = new Set(["better", "happier", "calmer", "stronger", "healthier", "fitter", "more alive"]);
const FEEL = new Set(["feel", "feels", "felt", "feeling"]);
/** A sentence that opens with these is about the writer even without "I" ("feeling low", "so tired"). */
const OPENERS = new Set(["not", "feeling", "feel", "felt", "so", "just", "really", "very", "bit", "kinda", "totally", "absolutely", "still", "super", "quite", "pretty"]);

interface LexiconIndex {
  /** first word -> entries starting with it, longest first */
  byFirst: Map<string, { words: string[]; entry: FeelingEntry }[]>;
}

let index: LexiconIndex | undefined;

function lexicon(): LexiconIndex {
  if (index) return index;
  const byFirst = new Map<string, { words: string[]; entry: FeelingEntry }[]>();
  for (const entry of FEELINGS) {
    const words = entry[0].split(" ");
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, entry });
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  index = { byFirst };
  return index;
}

/** The longest vocabulary phrase starting at token i, if any. */
function phraseAt(tokens: readonly string[], i: number): { words: string[]; entry: FeelingEntry } | undefined {
  const candidates = lexicon().byFirst.get(tokens[i]!);
  if (!candidates) return undefined;
  return candidates.find((c) => c.words.every((w, k) => tokens[i + k] === w));
}

/** Sentences (and clauses after "but") as lower-case word tokens, apostrophes dropped ("I'm" → "im"). */
export function clauseTokens(text: string): string[][] {
  const clean = text.toLowerCase().replace(/['’‘`]/g, "");
  const out: string[][] = [];
  for (const sentence of clean.split(/[.!?;:\n()]+|\s[-–—]\s|\bbut\b|\bthough\b|\balthough\b/)) {
    const tokens = sentence.match(/[a-z0-9]+/g);
    if (tokens && tokens.length > 0) out.push(tokens);
  }
  return out;
}

interface Scan {
  strength: number;
  negated: boolean;
  at: number;
}

/** Skips modifiers after a frame, noting intensifiers, hedges and negation; returns where the feeling may start. */
function skipModifiers(tokens: readonly string[], from: number, negatedBefore: boolean): Scan {
  let adjust = 0;
  let negated = negatedBefore;
  let i = from;
  for (let steps = 0; i < tokens.length && steps < 5; i++, steps++) {
    const t = tokens[i]!;
    if (phraseAt(tokens, i) && !(t === "like" || t === "a")) break;
    if (INTENSIFIERS.has(t)) adjust = Math.max(adjust, INTENSIFIED);
    else if (HEDGES.has(t)) adjust = Math.min(adjust, HEDGED);
    else if (NEGATORS.has(t)) {
      if (!NOT_NEGATING_AFTER.has(tokens[i + 1] ?? "")) negated = !negated;
    } else if (t === "longer" && tokens[i - 1] === "no") continue;
    else if (!FILLERS.has(t)) break;
  }
  return { strength: adjust, negated, at: i };
}

/** Reads the feelings a text states about its writer. */
export function readFeelings(text: string): FeelingReading {
  const hits: FeelingHit[] = [];
  const denied = new Set<FeelingGroup>();
  let statement = false;
  const used = new Set<string>();

  let clause = 0;
  const take = (tokens: readonly string[], scan: Scan, framed: boolean): number => {
    let i = scan.at;
    let negated = scan.negated;
    let found = false;
    for (;;) {
      const match = i < tokens.length ? phraseAt(tokens, i) : undefined;
      if (!match) break;
      found = true;
      const [phrase, group, fine, intensity] = match.entry;
      const key = `${clause}:${i}`;
      if (!used.has(key)) {
        for (let k = 0; k < match.words.length; k++) used.add(`${clause}:${i + k}`);
        const strength = Math.min(0.97, Math.max(0.5, BASE_STRENGTH[intensity] + scan.strength));
        const neverBetter = negated && NEVER_BETTER.has(phrase) && tokens.slice(Math.max(0, i - 4), i).includes("never");
        if (!negated || neverBetter) hits.push({ phrase, group, fine: fine === "" ? null : fine, strength, framed });
        else if (group === "joy") hits.push({ phrase: `not ${phrase}`, ...NEGATED_GOOD, strength: NEGATED_GOOD.strength, framed });
        else denied.add(group);
      }
      i += match.words.length;
      // chains: "cranky and blue", "tired, sad", "angry or just hurt"
      if (tokens[i] === "and" || tokens[i] === "or" || tokens[i] === "nor") {
        const next = skipModifiers(tokens, i + 1, false);
        if (next.negated) negated = !negated;
        i = next.at;
        continue;
      }
      break;
    }
    return found ? i : scan.at;
  };

  for (const tokens of clauseTokens(text)) {
    clause++;
    const firstPerson = tokens.some((t) => SUBJECT.has(t) || t === "my");
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      let frameEnd = -1;
      let negatedBefore = false;
      if (SUBJECT.has(t) && t !== "me" && t !== "myself") {
        // "i (really / dont / have) feel", "im", "i am", "ive been", "i was getting"
        let j = i + 1;
        // "im" is a frame by itself; "ive" and "id" need a verb after them ("ive been", "id felt"),
        // or "ive abandoned the plan" would read as a feeling
        if (t === "im") frameEnd = j;
        const negators: number[] = [];
        for (let steps = 0; j < tokens.length && steps < 4; j++, steps++) {
          const w = tokens[j]!;
          if (NEGATORS.has(w)) negators.push(j);
          else if (LINKING.has(w)) frameEnd = j + 1;
          else if (!(INTENSIFIERS.has(w) || FILLERS.has(w) || w === "have" || w === "has" || w === "had" || w === "do" || w === "did" || w === "will" || w === "would" || w === "can" || w === "could")) break;
        }
        // negators inside the frame ("i dont feel"); those after it are read with the modifiers
        negatedBefore = negators.filter((at) => at < frameEnd).length % 2 === 1;
      } else if (FEEL.has(t)) {
        // "to feel", "and feeling", "ended up feeling", "without feeling", "dont feel"
        frameEnd = i + 1;
        const before = tokens[i - 1] ?? "";
        negatedBefore = NEGATORS.has(before) || before === "without" || (NEGATORS.has(tokens[i - 2] ?? "") && FILLERS.has(before));
      } else if (CAUSATIVE.has(t) && tokens[i + 1] === "me") {
        frameEnd = tokens[i + 2] === "feel" ? i + 3 : i + 2;
      } else if (i === 0 && OPENERS.has(t)) {
        frameEnd = t === "feeling" || t === "feel" || t === "felt" ? 1 : 0;
      }
      if (frameEnd < 0) continue;
      if (tokens[i + 1] === "feel" || tokens[i + 1] === "felt" || tokens[i + 1] === "feeling" || t === "feeling" || tokens.slice(i, frameEnd).some((w) => w === "feel" || w === "felt" || w === "feeling")) statement = true;
      const scan = skipModifiers(tokens, frameEnd, negatedBefore);
      const end = take(tokens, scan, true);
      if (end > scan.at) {
        statement = true;
        i = end - 1;
      }
    }
    // Loose: a feeling word elsewhere in a sentence about the writer ("ugh, furious at my boss"), or
    // in one about nobody else ("honestly excited"), but not "she was furious".
    if (!firstPerson && tokens.some((t) => OTHERS.has(t))) continue;
    for (let i = 0; i < tokens.length; i++) {
      const candidate = used.has(`${clause}:${i}`) ? undefined : phraseAt(tokens, i);
      // a phrase that overlaps one already read ("like a zombie" after "i feel like a zombie") is skipped
      const match = candidate?.words.every((_, k) => !used.has(`${clause}:${i + k}`)) ? candidate : undefined;
      if (!match || (match.words.length === 1 && FRAMED_ONLY.has(match.words[0]!))) continue;
      // right after a subject or "have" it is a verb the writer did ("I abandoned the plan", "I've dismissed it")
      if (ACTIVE_BEFORE.has(tokens[i - 1] ?? "")) continue;
      const scan = skipModifiers(tokens, i, NEGATORS.has(tokens[i - 1] ?? "") || NEGATORS.has(tokens[i - 2] ?? ""));
      take(tokens, { ...scan, at: i }, false);
    }
  }
  return { hits, denied: [...denied], statement };
}
