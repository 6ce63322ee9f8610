// The content of a deep insight, shared by the local extractor and the Workers AI one, so the
// queue consumer stores and the web shows one shape whichever provider answered.
import { z } from "zod";

export interface InsightContent {
  /** 1–5 short lowercase keywords or key phrases the entry is about (none for an empty entry). */
  topics: string[];
  /** One sentence, at most INSIGHT_LIMITS.summaryChars; empty only for an empty entry. */
  summary: string;
  /** 2–3 reflective questions tailored to the entry's emotion and topics. */
  questions: string[];
  /** The person's own statements of a belief about self, others or the world. */
  beliefs: string[];
  /** Difficulties the person describes. */
  challenges: string[];
  /** Things the person says they will, need or plan to do. */
  action_items: string[];
}

export const INSIGHT_LIMITS = {
  topics: 5,
  topicChars: 48,
  summaryChars: 200,
  minQuestions: 2,
  questions: 3,
  questionChars: 220,
  items: 3,
  itemChars: 200,
} as const;

const Line = (max: number) => z.string().trim().min(1).max(max);
const Items = z.array(Line(INSIGHT_LIMITS.itemChars)).max(INSIGHT_LIMITS.items);

export const InsightContentSchema = z.object({
  topics: z
    .array(Line(INSIGHT_LIMITS.topicChars).refine((t) => t === t.toLowerCase(), "topics are lowercase"))
    .max(INSIGHT_LIMITS.topics)
    .refine((ts) => new Set(ts).size === ts.length, "topics are unique"),
  summary: z.string().trim().max(INSIGHT_LIMITS.summaryChars),
  questions: z.array(Line(INSIGHT_LIMITS.questionChars)).min(INSIGHT_LIMITS.minQuestions).max(INSIGHT_LIMITS.questions),
  beliefs: Items,
  challenges: Items,
  action_items: Items,
});

// Keeps the hand-written interface and the schema from drifting apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameShape: Same<z.infer<typeof InsightContentSchema>, InsightContent> = true;
void _sameShape;
