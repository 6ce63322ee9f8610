// The product's local reading, loaded into Node to time it (workerd's clocks do not move during
// synchronous code, so it cannot be timed inside the Worker; Node runs the same V8). Loaded at run time:
// the Worker's modules are typed against the Workers runtime, not Node.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./app.ts";

export interface Product {
  /** The local emotion model alone. */
  analyzeEmotion(text: string): unknown;
  /** What every write runs: the safety screen, the model and the feelings vocabulary. */
  readLocally(entry: { title: string | null; content: string }): unknown;
}

const load = async (file: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(root, file)).href) as Promise<Record<string, unknown>>;

export async function loadProduct(): Promise<Product> {
  const [emotion, model] = await Promise.all([load("worker/services/entry-emotion.ts"), load("worker/emotion/local-model.ts")]);
  const pick = <T>(mod: Record<string, unknown>, name: string, file: string): T => {
    if (typeof mod[name] !== "function") throw new Error(`bench: ${file} no longer exports ${name}(); update bench/lib/product.ts`);
    return mod[name] as T;
  };
  return {
    analyzeEmotion: pick(model, "analyzeEmotion", "worker/emotion/local-model.ts"),
    readLocally: pick(emotion, "readLocally", "worker/services/entry-emotion.ts"),
  };
}
