// Drives the Worker's queue handler directly with constructed batches, as the runtime would.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../worker/index.ts";

let counter = 0;

export async function deliver(body: unknown, options: { attempts?: number; queue?: string; env?: Env } = {}) {
  const batch = createMessageBatch(options.queue ?? "insight-jobs", [
    { id: `msg-${++counter}`, timestamp: new Date(), attempts: options.attempts ?? 1, body },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, options.env ?? env, ctx);
  return getQueueResult(batch, ctx);
}

export const insightRow = (entryId: string) =>
  env.DB.prepare("SELECT * FROM insights WHERE entry_id = ?").bind(entryId).first<Record<string, any>>();

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` answers a value (the real queue delivers after its batch timeout). */
export async function eventually<T>(check: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(100);
  }
}

/**
 * A batch that records what the consumer asked for, delays included: getQueueResult from the test
 * plugin drops retry delays, and the delays are what the backoff tests are about.
 */
export async function deliverRecording(body: unknown, attempts: number, workerEnv: Env = env) {
  const outcome: { acked: boolean; retried: boolean; delaySeconds?: number } = { acked: false, retried: false };
  const message = {
    id: `rec-${++counter}`,
    timestamp: new Date(),
    attempts,
    body,
    ack: () => void (outcome.acked = true),
    retry: (options?: { delaySeconds?: number }) => {
      outcome.retried = true;
      outcome.delaySeconds = options?.delaySeconds;
    },
  };
  const batch = { queue: "insight-jobs", messages: [message], ackAll: () => {}, retryAll: () => {} };
  await worker.queue(batch as unknown as MessageBatch, workerEnv, createExecutionContext());
  return outcome;
}
