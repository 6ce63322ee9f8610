// The content of a deep insight, shared by the local extractor and the Workers AI one, so the
// queue consumer stores and the web shows one shape whichever provider answered.
import { z } from "zod";

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
  /** 1–5 short lowercase keywords or key phrases the entry is about (none for an empty entry). */
  topics: z
    .array(Line(INSIGHT_LIMITS.topicChars).refine((t) => t === t.toLowerCase(), "topics are lowercase"))
    .max(INSIGHT_LIMITS.topics)
    .refine((ts) => new Set(ts).size === ts.length, "topics are unique"),
  /** One sentence, at most INSIGHT_LIMITS.summaryChars; empty only for an empty entry. */
  summary: z.string().trim().max(INSIGHT_LIMITS.summaryChars),
  /** 2–3 reflective questions tailored to the entry's emotion and topics. */
  questions: z.array(Line(INSIGHT_LIMITS.questionChars)).min(INSIGHT_LIMITS.minQuestions).max(INSIGHT_LIMITS.questions),
  /** The person's own statements of a belief about self, others or the world. */
  beliefs: Items,
  /** Difficulties the person describes. */
  challenges: Items,
  /** Things the person says they will, need or plan to do. */
  action_items: Items,
});
export type InsightContent = z.infer<typeof InsightContentSchema>;
