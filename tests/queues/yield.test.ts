// A batch of insight jobs lets other work in while it runs: a timer set when the batch starts fires
// before the batch is done (workerd looks at sockets and timers only when nothing else is ready, and
// locally every step of a job stays inside the process; see worker/lib/yield.ts).
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index.ts";
import { call, createEntry, registerUser } from "../helpers/api.ts";

const JOBS = 6;

/** A batch whose acknowledgements are counted as they happen. */
function countingBatch(bodies: unknown[]) {
  const progress = { acked: 0, retried: 0 };
  const messages = bodies.map((body, i) => ({
    id: `yield-${i}`,
    timestamp: new Date(),
    attempts: 1,
    body,
    ack: () => void progress.acked++,
    retry: () => void progress.retried++,
  }));
  return { progress, batch: { queue: "insight-jobs", messages, ackAll: () => {}, retryAll: () => {} } as unknown as MessageBatch };
}

describe("the insight-jobs consumer", () => {
  it("lets a timer set at the start of a batch fire before the batch is done", async () => {
    const user = await registerUser();
    // Analysis off: the test delivers the jobs itself.
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const bodies = [];
    for (let i = 0; i < JOBS; i++) {
      const entry = await createEntry(user.token, { content: `Felt low and tired all day, missing home (${i}).` });
      bodies.push({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
    }
    const { progress, batch } = countingBatch(bodies);
    const done = worker.queue(batch, env, createExecutionContext());
    let ackedWhenTimerFired: number | null = null;
    setTimeout(() => void (ackedWhenTimerFired = progress.acked), 0);
    await done;
    expect(progress).toEqual({ acked: JOBS, retried: 0 });
    expect(ackedWhenTimerFired).not.toBeNull();
    // The first job's first step at most: the timer did not wait for the batch.
    expect(ackedWhenTimerFired!).toBeLessThanOrEqual(1);
  });
});
