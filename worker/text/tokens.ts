// Splits journal text into sentences, clauses and lower-case word tokens for the activity extractor,
// spelling out contractions and the shorthand people type ("didnt", "w", "2 the", "wnet").
// Hand-written rather than a library's tokeniser: see the measurements in activities.ts.

export interface Token {
  /** Lower case, apostrophes straightened, shorthand spelled out. */
  w: string;
  /** Written with a capital letter where a sentence does not start (a name, a title). */
  cap: boolean;
  /** Written with a capital letter anywhere, a sentence's first word included. */
  upper: boolean;
  /** Written with a trailing 's ("Tom's", "my aunt's"). */
  poss: boolean;
}

/** Contractions and shorthand, spelled out (the apostrophe already straightened or dropped). */
const EXPANSIONS: Record<string, string> = {
  "don't": "do not",
  dont: "do not",
  "doesn't": "does not",
  doesnt: "does not",
  "didn't": "did not",
  didnt: "did not",
  "can't": "can not",
  cant: "can not",
  cannot: "can not",
  "couldn't": "could not",
  couldnt: "could not",
  "won't": "will not",
  wont: "will not",
  "wouldn't": "would not",
  wouldnt: "would not",
  "shouldn't": "should not",
  shouldnt: "should not",
  "wasn't": "was not",
  wasnt: "was not",
  "weren't": "were not",
  werent: "were not",
  "isn't": "is not",
  isnt: "is not",
  "aren't": "are not",
  arent: "are not",
  "haven't": "have not",
  havent: "have not",
  "hasn't": "has not",
  hasnt: "has not",
  "hadn't": "had not",
  hadnt: "had not",
  "ain't": "am not",
  "i'm": "i am",
  im: "i am",
  "i've": "i have",
  ive: "i have",
  "i'd": "i would",
  "i'll": "i will",
  "we're": "we are",
  "we've": "we have",
  "we'd": "we would",
  "we'll": "we will",
  "you're": "you are",
  "they're": "they are",
  "they've": "they have",
  "it's": "it is",
  "let's": "let us",
  "she's": "she is",
  "he's": "he is",
  "that's": "that is",
  "there's": "there is",
  gonna: "going to",
  wanna: "want to",
  gotta: "have to",
  w: "with",
  n: "and",
  "&": "and",
  "+": "and",
  til: "until",
  till: "until",
  bc: "because",
  cos: "because",
  coz: "because",
  cuz: "because",
  wnet: "went",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tomoz: "tomorrow",
  "2day": "today",
  "2nite": "tonight",
  tonite: "tonight",
  shoppin: "shopping",
  runnin: "running",
  walkin: "walking",
  nothin: "nothing",
};

/** Words that end a clause: what comes after may have its own subject, negation or plan. */
const CLAUSE_WORDS = new Set(["and", "but", "then", "so", "while", "whilst", "because", "though", "although", "or", "until", "before", "after", "when", "once", "plus", "which"]);

export interface Clause {
  tokens: Token[];
  /** The word that opened the clause ("and", "but", …), or null at a sentence start or after punctuation. */
  joiner: string | null;
  /** Clauses of one sentence share an index, so a subject can carry over "and" within it. */
  sentence: number;
}

const SENTENCE_END = /([.!?…]+|\n+)\s*/;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[&+]/gu;

/** The entry as clauses of tokens, in order. */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  // Abbreviated titles keep their sentence: "Dr. Patel" is not two sentences.
  const sentences = text.replace(/\b(Dr|Mr|Mrs|Ms|St|Prof)\.\s/g, "$1 ").split(SENTENCE_END);
  let sentenceIndex = 0;
  for (let s = 0; s < sentences.length; s += 2) {
    const sentence = sentences[s];
    if (!sentence || !sentence.trim()) continue;
    sentenceIndex++;
    // Punctuation inside a sentence (commas, semicolons, dashes, brackets) ends a clause too.
    const parts = sentence.split(/\s*(?:[,;:()"“”]|\s[-–—]+\s)\s*/);
    let atStart = true;
    for (const part of parts) {
      let current: Clause = { tokens: [], joiner: null, sentence: sentenceIndex };
      for (const match of part.matchAll(WORD)) {
        const raw = match[0].replace(/’/g, "'");
        const lower = raw.toLowerCase();
        const poss = /'s$/.test(lower) && !EXPANSIONS[lower];
        const base = poss ? lower.slice(0, -2) : lower.replace(/'$/, "");
        // "2" means "to" only between words ("went 2 the cinema"), never in "ran 2 miles".
        const spelled = base === "2" && /^(go|went|going|walked|came|come|drove)$/.test(current.tokens.at(-1)?.w ?? "") ? "to" : (EXPANSIONS[base] ?? base);
        const upper = /^\p{Lu}/u.test(raw) && raw !== "I" && !/^I'/.test(raw);
        const cap = upper && !atStart;
        atStart = false;
        for (const w of spelled.split(" ")) {
          // "looked after Oscar" is one clause; "felt better after talking to Chris" is two.
          const joins = CLAUSE_WORDS.has(w) && !(w === "after" && /^look/.test(current.tokens.at(-1)?.w ?? ""));
          if (joins && current.tokens.length > 0) {
            clauses.push(current);
            current = { tokens: [], joiner: w, sentence: sentenceIndex };
            continue;
          }
          if (joins) {
            current.joiner = w;
            continue;
          }
          current.tokens.push({ w, cap, upper, poss });
        }
        // A possessive belongs to the word it is on.
        if (poss) current.tokens.at(-1)!.poss = true;
      }
      if (current.tokens.length > 0) clauses.push(current);
    }
  }
  return clauses;
}
