// Scores the safety screen on a labelled set of phrasings: shared by `npm run eval:safety` and the
// test that holds the screen to its targets, so both report the same figures.
import { z } from "zod";
import { SAFETY_LEVELS, screenText, type SafetyLevel } from "./screen.ts";

export const LabelledPhrasingSchema = z.object({ level: z.enum(SAFETY_LEVELS), kind: z.string().min(1), text: z.string().min(1) });
export type LabelledPhrasing = z.infer<typeof LabelledPhrasingSchema>;

/** Targets from the safety issue: crisis recall, and ordinary text called crisis. */
export const TARGETS = { crisisRecall: 0.97, ordinaryCalledCrisis: 0.03 } as const;

/** Parses a `level<TAB>kind<TAB>text` file with a header line; a malformed line is an error, not a skip. */
export function parsePhrasings(tsv: string): LabelledPhrasing[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.slice(1).map((line, i) => {
    const [level, kind, text, ...extra] = line.split("\t");
    if (extra.length > 0) throw new Error(`line ${i + 2}: more than three fields`);
    return LabelledPhrasingSchema.parse({ level, kind, text });
  });
}

export interface Miss {
  expected: SafetyLevel;
  got: SafetyLevel;
  kind: string;
  text: string;
  patterns: string[];
}

export interface SafetyReport {
  total: number;
  counts: Record<SafetyLevel, number>;
  /** confusion[expected][got] */
  confusion: Record<SafetyLevel, Record<SafetyLevel, number>>;
  /** Crisis phrasings screened as crisis. */
  crisisRecall: number;
  /** Crisis or concern phrasings screened as at least concern (nobody in distress gets nothing). */
  distressRecall: number;
  /** Concern phrasings screened as exactly concern or above. */
  concernRecall: number;
  /** Ordinary phrasings screened as crisis. */
  ordinaryCalledCrisis: number;
  /** Ordinary phrasings screened as concern or crisis. */
  ordinaryFlagged: number;
  misses: Miss[];
}

const zeroRow = (): Record<SafetyLevel, number> => ({ none: 0, concern: 0, crisis: 0 });
const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

export function evaluate(rows: LabelledPhrasing[], options: { patternsOnly?: boolean } = {}): SafetyReport {
  const confusion = { none: zeroRow(), concern: zeroRow(), crisis: zeroRow() };
  const misses: Miss[] = [];
  for (const row of rows) {
    const screen = screenText(row.text, options.patternsOnly ? { model: null } : {});
    confusion[row.level][screen.level]++;
    if (screen.level !== row.level) {
      misses.push({ expected: row.level, got: screen.level, kind: row.kind, text: row.text, patterns: screen.signals.map((s) => s.pattern) });
    }
  }
  const counts = { none: 0, concern: 0, crisis: 0 };
  for (const level of SAFETY_LEVELS) counts[level] = Object.values(confusion[level]).reduce((a, b) => a + b, 0);
  return {
    total: rows.length,
    counts,
    confusion,
    crisisRecall: share(confusion.crisis.crisis, counts.crisis),
    distressRecall: share(confusion.crisis.crisis + confusion.crisis.concern + confusion.concern.concern + confusion.concern.crisis, counts.crisis + counts.concern),
    concernRecall: share(confusion.concern.concern + confusion.concern.crisis, counts.concern),
    ordinaryCalledCrisis: share(confusion.none.crisis, counts.none),
    ordinaryFlagged: share(confusion.none.crisis + confusion.none.concern, counts.none),
    misses,
  };
}
