// The production memory index: Workers AI's bge-small-en-v1.5 embeddings in a Vectorize index, one
// vector per entry (id = entry id, so an edit replaces it), filtered on query by the person's id.
// Both what the model answers and what Vectorize answers are parsed with zod before use. Crisis
// entries are never sent to the model nor stored here: they are found only by their words, and only
// when the person asks for them (see worker/services/memories.ts). Private entries are never sent
// either; the rest arrive here already redacted (worker/services/ai-gate.ts).
import { z } from "zod";
import type { IndexableEntry, MemoryIndex } from "./memory-index.ts";
import type { MeaningHit } from "./rank.ts";

export const BGE_MODEL = "@cf/baai/bge-small-en-v1.5";
export const BGE_DIMS = 384;
/** bge-small reads at most 512 tokens; a long entry is embedded from its beginning. */
const MAX_EMBED_CHARS = 2_000;

/**
 * The bindings search by meaning may use. MEMORIES is commented out in wrangler.toml until a
 * Vectorize index exists (there is no local simulator): absent, the local index is used.
 */
export interface MemoryBindings {
  AI: Ai;
  AI_PROVIDER: string;
  MEMORIES?: Vectorize;
}

const EmbeddingsSchema = z.object({ data: z.array(z.array(z.number()).length(BGE_DIMS)).min(1) });
const MatchesSchema = z.object({ matches: z.array(z.object({ id: z.string(), score: z.number() })) });

export class VectorizeMemoryIndex implements MemoryIndex {
  readonly kind = "vectorize";
  constructor(
    private readonly ai: Ai,
    private readonly index: Vectorize,
  ) {}

  private async embed(text: string): Promise<number[]> {
    const output = await this.ai.run(BGE_MODEL, { text: [text.slice(0, MAX_EMBED_CHARS)] });
    return EmbeddingsSchema.parse(output).data[0]!;
  }

  async query(userId: string, text: string, topK: number): Promise<MeaningHit[]> {
    const vector = await this.embed(text);
    const found = MatchesSchema.parse(await this.index.query(vector, { topK, filter: { user_id: userId }, returnMetadata: "none" }));
    return found.matches.map((m) => ({ entryId: m.id, score: m.score }));
  }

  /** Takes entries' vectors out of the index (deleted entries, or a deleted account's). */
  async remove(entryIds: string[]): Promise<void> {
    await this.index.deleteByIds(entryIds);
  }

  async upsert(entry: IndexableEntry): Promise<void> {
    if (entry.safetyLevel === "crisis" || entry.private === true) {
      // A crisis or private entry that was indexed before an edit made it one leaves the index.
      await this.index.deleteByIds([entry.id]);
      return;
    }
    const values = await this.embed(entry.title ? `${entry.title}. ${entry.content}` : entry.content);
    await this.index.upsert([{ id: entry.id, values, metadata: { user_id: entry.userId, revision: entry.revision } }]);
  }
}

/** The Vectorize index when it is bound and the Worker uses Workers AI; null means the local index. */
export function vectorizeIndexOf(env: MemoryBindings): VectorizeMemoryIndex | null {
  return env.MEMORIES && env.AI_PROVIDER === "workers-ai" ? new VectorizeMemoryIndex(env.AI, env.MEMORIES) : null;
}
