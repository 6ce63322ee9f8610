// One piece of data a view shows, with its loading and error states. The loader throws a Problem
// (from the API's error envelope) or anything else (a network failure), and both become words.
import { problemFromError, problemFromResponse, type Problem } from "./errors.ts";

const isProblem = (value: unknown): value is Problem =>
  typeof value === "object" && value !== null && "message" in value && "fields" in value;

export class Resource<T> {
  data = $state<T | null>(null);
  problem = $state<Problem | null>(null);
  loading = $state(false);
  #generation = 0;

  constructor(private readonly loader: () => Promise<T>) {}

  async load(): Promise<void> {
    const mine = ++this.#generation;
    this.loading = true;
    this.problem = null;
    try {
      const data = await this.loader();
      if (mine === this.#generation) this.data = data;
    } catch (err) {
      if (mine === this.#generation) this.problem = isProblem(err) ? err : problemFromError(err);
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }
}

/** For loaders: `if (!res.ok) throw await failure(res)`. */
export const failure = (res: Response): Promise<Problem> => problemFromResponse(res);
