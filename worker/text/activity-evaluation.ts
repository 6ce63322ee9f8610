// Scores the activity extractor on labelled sentences (tests/activities/sentences.tsv and the
// independently written sentences.dev-2.tsv): precision and recall of activities and of people, over
// the dev or the test split. Shared by the eval script and the Worker test that holds the figures.
// Labels are compared by their one name (activity-names.ts), so "gym" and "go to the gym" are one.
import { canonicalActivity } from "./activity-names.ts";
import { extractActivities } from "./activities.ts";

export interface LabelledSentence {
  /** Row number among the data rows (0-based), which decides the split. */
  index: number;
  text: string;
  activities: string[];
  people: string[];
}

export const TARGETS = { precision: 0.85, recall: 0.7 } as const;

export type Split = "dev" | "test";

/** Every third row (index % 3 == 2) is held out for measuring; the rest is for developing. */
export const splitOf = (index: number): Split => (index % 3 === 2 ? "test" : "dev");

const list = (field: string | undefined) =>
  (field ?? "")
    .split("|")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

export function parseSentences(tsv: string): LabelledSentence[] {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim());
  const [header, ...rows] = lines;
  if (!header?.startsWith("text\t")) throw new Error("sentences.tsv must start with the header text\\tactivities\\tpeople");
  return rows.map((line, index) => {
    const [text, activities, people] = line.split("\t");
    return { index, text: text ?? "", activities: list(activities), people: list(people) };
  });
}

export interface Score {
  truePositives: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
}

export interface Miss {
  index: number;
  text: string;
  kind: "activities" | "people";
  expected: string[];
  found: string[];
}

export interface Report {
  rows: number;
  activities: Score;
  people: Score;
  misses: Miss[];
}

function score(tp: number, predicted: number, expected: number): Score {
  return {
    truePositives: tp,
    predicted,
    expected,
    // Nothing predicted is nothing wrong; nothing expected is nothing missed.
    precision: predicted === 0 ? 1 : tp / predicted,
    recall: expected === 0 ? 1 : tp / expected,
  };
}

/** Micro-averaged precision and recall over every (sentence, label) pair. */
export function evaluate(rows: LabelledSentence[]): Report {
  const counts = { activities: { tp: 0, predicted: 0, expected: 0 }, people: { tp: 0, predicted: 0, expected: 0 } };
  const misses: Miss[] = [];
  for (const row of rows) {
    const found = extractActivities(row.text);
    for (const kind of ["activities", "people"] as const) {
      const name = kind === "activities" ? canonicalActivity : (label: string) => label;
      const expected = new Set(row[kind].map(name));
      const got = new Set(found[kind].map(name));
      const c = counts[kind];
      c.expected += expected.size;
      c.predicted += got.size;
      for (const label of got) if (expected.has(label)) c.tp++;
      const same = expected.size === got.size && [...got].every((label) => expected.has(label));
      if (!same) misses.push({ index: row.index, text: row.text, kind, expected: [...expected], found: [...got] });
    }
  }
  return {
    rows: rows.length,
    activities: score(counts.activities.tp, counts.activities.predicted, counts.activities.expected),
    people: score(counts.people.tp, counts.people.predicted, counts.people.expected),
    misses,
  };
}
