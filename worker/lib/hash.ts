// FNV-1a, 32-bit: a fast, stable hash of a string, for choosing wording deterministically and for
// hashing words into feature buckets. Not for anything secret.
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
