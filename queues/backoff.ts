// Retry delays for failed jobs: exponential in the attempt number, with ±25% jitter so retries of a
// burst of failures spread out instead of arriving together, capped at ten minutes.
const BASE_SECONDS = 5;
const MAX_SECONDS = 600;

export function retryDelaySeconds(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.round(exponential * (0.75 + random() * 0.5)));
}
