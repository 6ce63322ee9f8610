// Chooses the emotion provider from configuration: AI_PROVIDER = "workers-ai" (production) or
// "local" (development, tests, and any unknown value, so a typo never sends text off the machine).
import { LocalEmotionProvider } from "./local-model.ts";
import type { EmotionProvider } from "./types.ts";
import { WorkersAiEmotionProvider, type ProvenancedAnalysis } from "./workers-ai-provider.ts";

export interface ConfiguredProvider extends EmotionProvider {
  analyzeWithProvenance(text: string): Promise<ProvenancedAnalysis>;
}

class LocalWithProvenance extends LocalEmotionProvider implements ConfiguredProvider {
  async analyzeWithProvenance(text: string): Promise<ProvenancedAnalysis> {
    return { analysis: await this.analyze(text), provider: this.name, model: this.model };
  }
}

export function emotionProviderFor(env: Pick<Env, "AI" | "AI_PROVIDER">, options: { timeoutMs?: number } = {}): ConfiguredProvider {
  const local = new LocalWithProvenance();
  if (env.AI_PROVIDER === "workers-ai") return new WorkersAiEmotionProvider(env.AI, local, options.timeoutMs);
  return local;
}
