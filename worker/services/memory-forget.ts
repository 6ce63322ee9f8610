// Deleted entries leave the production memory index too (kept apart from memories.ts, which reads
// entries, so that the entry service can call this without an import cycle).
import { vectorizeIndexOf, type MemoryBindings } from "../memories/vectorize.ts";

/** Vectorize takes at most this many ids per delete. */
const DELETE_BATCH = 1_000;

/**
 * Takes deleted entries out of Vectorize, where it is bound (the local vectors go with their rows).
 * Best effort: a failure is logged, and what stays behind is never shown, since D1 decides what may be.
 */
export async function forgetEntryMemories(env: MemoryBindings, entryIds: readonly string[]): Promise<void> {
  const remote = vectorizeIndexOf(env);
  if (!remote || entryIds.length === 0) return;
  for (let i = 0; i < entryIds.length; i += DELETE_BATCH) {
    await remote.remove(entryIds.slice(i, i + DELETE_BATCH)).catch((err: unknown) => console.warn("memories: Vectorize delete failed", err instanceof Error ? err.message : err));
  }
}
