// The arithmetic of the life-balance chart: a trend line's SVG path over a run of 0–1 scores (gaps
// where a period has no score), and the trend in words for the table beside it.
export const SPARK = { width: 160, height: 36, pad: 3 } as const;

/** Where the i-th of n scores sits in the chart. */
function pointAt(i: number, n: number, score: number) {
  const x = n > 1 ? SPARK.pad + (i * (SPARK.width - 2 * SPARK.pad)) / (n - 1) : SPARK.width / 2;
  return { x, y: SPARK.pad + (1 - score) * (SPARK.height - 2 * SPARK.pad) };
}

/** An SVG path through the scores, one segment per unbroken run of them. */
export function sparkPath(scores: (number | null)[]): string {
  let path = "";
  let drawing = false;
  scores.forEach((s, i) => {
    if (s === null) {
      drawing = false;
      return;
    }
    const { x, y } = pointAt(i, scores.length, s);
    path += `${drawing ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)} `;
    drawing = true;
  });
  return path.trim();
}

/** The last scored point of the line, for a dot that marks where it ends. */
export function lastPoint(scores: (number | null)[]): { x: number; y: number } | null {
  const i = scores.findLastIndex((s) => s !== null);
  return i < 0 ? null : pointAt(i, scores.length, scores[i]!);
}

/** A score as a whole percentage, or a dash without one. */
export const percent = (score: number | null) => (score === null ? "—" : `${Math.round(score * 100)}%`);

/** The trend from the first to the last scored period, in words: "rising, 20% → 60%". */
export function trendWords(scores: (number | null)[]): string {
  const scored = scores.filter((s): s is number => s !== null);
  if (scored.length < 2) return "not enough periods yet";
  const first = scored[0]!;
  const last = scored[scored.length - 1]!;
  const change = last - first;
  const way = Math.abs(change) < 0.05 ? "steady" : change > 0 ? "rising" : "falling";
  return `${way}, ${percent(first)} → ${percent(last)}`;
}
