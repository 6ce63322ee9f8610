// Lets other work in between the steps of a background job. workerd reads its sockets only when
// nothing in the process is ready to run, and locally (Miniflare, wrangler dev) a job's calls to D1,
// the Durable Object and the queue never leave the process: a consumer that goes from step to step
// without a pause keeps every request to every Worker of that process waiting until its whole batch
// is done (the benchmark's backlog scenario saw reads 20-30 times slower while an import's jobs
// drained). A timer is such a pause: the event loop looks at its sockets before it fires one.
export const yieldToOtherWork = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
