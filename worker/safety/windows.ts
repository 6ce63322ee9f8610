// How the safety model reads an entry: short entries whole, longer ones a sentence and a pair of
// neighbouring sentences at a time, so one sentence buried in a long ordinary entry still stands out.
// Each sentence is hashed once; a span's score is built from its sentences' sums.
import { addEmbeddings, featureBuckets, spanProbabilities, type SafetyModel } from "./model.ts";

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
  // One buffer for every sentence's summed embedding, and one for the span being read.
  const sums = new Float32Array(sentences.length * h);
  const counts = new Array<number>(sentences.length);
  for (let i = 0; i < sentences.length; i++) {
    const buckets = featureBuckets(sentences[i]!, model.mask);
    addEmbeddings(model, buckets, sums, i * h);
    counts[i] = buckets.length;
  }
  let crisis = 0;
  let distress = 0;
  const span = new Float32Array(h);
  for (const indexes of spansOf(sentences.length)) {
    span.fill(0);
    let count = 0;
    for (const i of indexes) {
      for (let u = 0; u < h; u++) span[u]! += sums[i * h + u]!;
      count += counts[i]!;
    }
    const p = spanProbabilities(model, span, count);
    if (p.crisis > crisis) crisis = p.crisis;
    if (p.distress > distress) distress = p.distress;
  }
  return { crisis, distress };
}
