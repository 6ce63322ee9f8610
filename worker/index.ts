// The Worker's entry point: HTTP goes to the Hono app, queue batches to their consumers; the
// Durable Object classes are exported from here so the runtime can find them.
import app from "./app.ts";
import { handleInsightBatch, INSIGHT_DEAD_LETTER_QUEUE } from "../queues/insight-jobs.ts";

export { EmotionalGraph } from "../durable-objects/emotional-graph.ts";
export type { AppType } from "./app.ts";

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue === INSIGHT_DEAD_LETTER_QUEUE) {
      for (const message of batch.messages) {
        console.error("insight-jobs-dlq: job gave up after retries", message.id, JSON.stringify(message.body));
        message.ack();
      }
      return;
    }
    await handleInsightBatch(batch, env);
  },
} satisfies ExportedHandler<Env>;
