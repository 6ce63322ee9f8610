// Where search by meaning finds its candidates: the local index (int8 vectors in D1, a bounded pool
// of them scored; see worker/services/memories.ts) or Vectorize with Workers AI's bge-small embeddings in production.
import type { MeaningHit } from "./rank.ts";

export interface IndexableEntry {
  id: string;
  userId: string;
  revision: number;
  title: string | null;
  content: string;
  safetyLevel: "none" | "concern" | "crisis";
  /** Kept from the AI: never embedded by Workers AI (worker/services/ai-gate.ts). */
  private?: boolean;
}

export interface MemoryIndex {
  readonly kind: "local" | "vectorize";
  /**
   * The person's entries nearest the query by meaning, best first, at most `topK`. `alsoScore`: entries
   * the word search found, which an index that scores a pool of entries scores as well.
   */
  query(userId: string, text: string, topK: number, alsoScore?: readonly string[]): Promise<MeaningHit[]>;
  /** Stores (or replaces) the entry's vector for its revision. */
  upsert(entry: IndexableEntry): Promise<void>;
}
