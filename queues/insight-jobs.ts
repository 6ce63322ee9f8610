// The insight-jobs queue's message contract and its consumers. The deep analysis itself arrives with
// the background-insights issue; until then each valid job is acknowledged and logged, and a
// malformed message is acknowledged (never retried forever) with the reason logged.
import { z } from "zod";

export const InsightJobSchema = z.object({
  type: z.literal("analyze-entry"),
  entryId: z.uuid(),
  userId: z.uuid(),
  revision: z.number().int().positive(),
});
export type InsightJob = z.infer<typeof InsightJobSchema>;

export const INSIGHT_QUEUE = "insight-jobs";
export const INSIGHT_DEAD_LETTER_QUEUE = "insight-jobs-dlq";

export async function handleInsightBatch(batch: MessageBatch<unknown>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    const job = InsightJobSchema.safeParse(message.body);
    if (!job.success) {
      console.warn("insight-jobs: dropping malformed message", message.id, z.prettifyError(job.error));
    }
    message.ack();
  }
}
