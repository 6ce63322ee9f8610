// A small seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same sequence.
// For choices that must repeat (a person's prompts, the benchmark's histories, training splits), never
// for anything secret (crypto.getRandomValues is for that).
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
