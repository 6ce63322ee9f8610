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
  /** Joined to the word before by a hyphen ("lie-in", "litter-picked", "mother-in-law"). */
  joined?: boolean;
}

/** Contractions and shorthand, spelled out (the apostrophe already straightened or dropped). */
const EXPANSIONS: Record<string, string> = Object.assign(Object.create(null), {
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
  hw: "homework",
  wouldve: "would have",
  couldve: "could have",
  shouldve: "should have",
  "would've": "would have",
  "could've": "could have",
  "should've": "should have",
  b4: "before",
  brekkie: "breakfast",
  xmas: "christmas",
});

const BINOMIALS = new Set(
  (
    "hide seek|back forth|fish chips|up down|on off|in out|now then|bits bobs|pros cons|rock roll|trial error|snakes ladders|salt pepper|" +
    "here there|black white|mix match|bread butter|bed breakfast|pick mix|odds ends|wear tear|rest relaxation|peace quiet|song dance|sing dance"
  )
    .split("|")
    .map((pair) => pair.replace(" ", " ")),
);

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
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*|[&+]/gu;

/** The entry as clauses of tokens, in order. */
export function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  // Abbreviated titles keep their sentence: "Dr. Patel" is not two sentences.
  const sentences = text
    .replace(/\b(Dr|Mr|Mrs|Ms|St|Prof)\.\s/g, "$1 ")
    .replace(/\b1:1s?\b/g, "one to one")
    // Apostrophes lost to a space ("didn t", "i m"): put back, so the contraction reads as one.
    .replace(/\b(haven|don|didn|can|won|isn|wasn|couldn|wouldn|shouldn|aren|weren|hasn|hadn|doesn|ain) t\b/gi, "$1't")
    .replace(/\b(i|you|we|they) (d|ll|m|ve|re)\b/gi, "$1'$2")
    // Set phrases keep their "and" ("hide and seek", "back and forth"): it joins no clauses.
    .replace(/\b(\w+) and (\w+)\b/g, (all, a: string, b: string) => (BINOMIALS.has(`${a.toLowerCase()} ${b.toLowerCase()}`) ? `${a}-and-${b}` : all))
    .split(SENTENCE_END);
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
        const pieces = match[0].includes("-") ? match[0].split("-") : [match[0]];
        for (let k = 0; k < pieces.length; k++) {
        const hyphenated = k > 0;
        const raw = pieces[k]!.replace(/’/g, "'");
        const lower = raw.toLowerCase();
        const poss = /'s$/.test(lower) && !EXPANSIONS[lower];
        const base = poss ? lower.slice(0, -2) : lower.replace(/'$/, "");
        // "2" means "to" only between words ("went 2 the cinema"), never in "ran 2 miles".
        const spelled = base === "2" && /^(go|went|going|walked|came|come|drove)$/.test(current.tokens.at(-1)?.w ?? "") ? "to" : (EXPANSIONS[base] ?? base);
        const first = raw[0] ?? "";
        const upper = first !== first.toLowerCase() && raw !== "I" && !raw.startsWith("I'");
        const cap = upper && !atStart;
        atStart = false;
        for (const w of spelled.includes(" ") ? spelled.split(" ") : [spelled]) {
          // "looked after Oscar" is one clause; "felt better after talking to Chris" is two.
          const joins = CLAUSE_WORDS.has(w) && !hyphenated && !(w === "after" && /^look/.test(current.tokens.at(-1)?.w ?? ""));
          if (joins && current.tokens.length > 0) {
            clauses.push(current);
            current = { tokens: [], joiner: w, sentence: sentenceIndex };
            continue;
          }
          if (joins) {
            current.joiner = w;
            continue;
          }
          current.tokens.push(hyphenated ? { w, cap, upper, poss, joined: true } : { w, cap, upper, poss });
        }
        // A possessive belongs to the word it is on.
        if (poss) current.tokens.at(-1)!.poss = true;
        }
      }
      if (current.tokens.length > 0) clauses.push(current);
    }
  }
  return clauses;
}
