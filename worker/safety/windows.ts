// How the safety model reads an entry: short entries whole, longer ones a sentence and a pair of
// neighbouring sentences at a time, so one sentence buried in a long ordinary entry still stands out.
// Each sentence is hashed once; a span's score is built from its sentences' sums.
import { addWordEmbeddings, featureBuckets, probability, SPAN_LOGITS, spanLogits, type SafetyModel } from "./model.ts";

/** An entry of up to this many sentences is read as one span. */
const WHOLE_SENTENCES = 3;
/**
 * A sentence longer than this is read in pieces of this many words (neighbouring pieces are also
 * read in pairs, so a phrase cut in two is still read whole). Without it an entry written without
 * punctuation is one sentence whose crisis phrase is drowned by the rest, and a long run of one word
 * piles up its weight ("İİİ…" read as a crisis).
 */
const PIECE_WORDS = 24;

/** The sentences as the model reads them: long ones in pieces (see PIECE_WORDS). */
export function modelSentences(sentences: readonly string[][]): string[][] {
  if (sentences.every((s) => s.length <= PIECE_WORDS)) return sentences as string[][];
  return sentences.flatMap((s) => {
    if (s.length <= PIECE_WORDS) return [s];
    const pieces: string[][] = [];
    for (let i = 0; i < s.length; i += PIECE_WORDS) pieces.push(s.slice(i, i + PIECE_WORDS));
    return pieces;
  });
}

/** The spans an entry is read as, by sentence index. */
export function spansOf(sentenceCount: number): number[][] {
  if (sentenceCount <= WHOLE_SENTENCES) return [Array.from({ length: sentenceCount }, (_, i) => i)];
  const spans: number[][] = [];
  for (let i = 0; i < sentenceCount; i++) {
    spans.push([i]);
    if (i + 1 < sentenceCount) spans.push([i, i + 1]);
  }
  return spans;
}

/** The feature buckets of a span of sentences (for training, which needs them one by one). */
export const spanBuckets = (sentences: readonly string[][], span: readonly number[], mask: number) => span.flatMap((i) => featureBuckets(sentences[i]!, mask));

/** The highest crisis and distress probabilities over the entry's spans. */
export function modelScores(model: SafetyModel, written: readonly string[][]): { crisis: number; distress: number } {
  const sentences = modelSentences(written);
  const h = model.hidden;
  const n = sentences.length;
  // Each sentence's summed embedding, then (after them) the span being read.
  const sums = new Float32Array((n + 1) * h);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) counts[i] = addWordEmbeddings(model, sentences[i]!, sums, i * h);
  let crisis = -Infinity;
  let distress = -Infinity;
  const read = (offset: number, count: number) => {
    spanLogits(model, sums, offset, count);
    if (SPAN_LOGITS[0]! > crisis) crisis = SPAN_LOGITS[0]!;
    if (SPAN_LOGITS[1]! > distress) distress = SPAN_LOGITS[1]!;
  };
  const pair = n * h;
  if (n <= WHOLE_SENTENCES) {
    // The whole entry is one span.
    let count = 0;
    for (let i = 0; i < n; i++) {
      for (let u = 0; u < h; u++) sums[pair + u]! += sums[i * h + u]!;
      count += counts[i]!;
    }
    read(pair, count);
  } else {
    // Each sentence, and each pair of neighbours (as spansOf lists them).
    for (let i = 0; i < n; i++) {
      read(i * h, counts[i]!);
      if (i + 1 < n) {
        for (let u = 0; u < h; u++) sums[pair + u] = sums[i * h + u]! + sums[(i + 1) * h + u]!;
        read(pair, counts[i]! + counts[i + 1]!);
      }
    }
  }
  return n === 0 ? { crisis: 0, distress: 0 } : { crisis: probability(crisis), distress: probability(distress) };
}
