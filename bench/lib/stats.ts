// Small statistics for the benchmark: medians and percentiles, and the fit that says whether a cost
// stays flat, grows with the logarithm of the history or grows linearly with it.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}

export const median = (values: number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export type Growth = "flat" | "logarithmic" | "linear";

export interface GrowthFit {
  growth: Growth;
  /** cost at the largest size over cost at the smallest. */
  ratio: number;
  /** Exponent k of cost ∝ n^k between the smallest and the largest size (0 flat, 1 proportional). */
  exponent: number;
  /** Relative squared error of the two growing models (lower is the better fit). */
  error: { logarithmic: number; linear: number };
  /** The chosen model's growth in words, e.g. "+0.41 ms per 1,000 entries". */
  slope: string;
}

/** Least squares for y = a + b·x. */
function lineFit(xs: number[], ys: number[]) {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b = sxx === 0 ? 0 : sxy / sxx;
  const a = my - b * mx;
  // Errors relative to each point, so that a big cost does not outweigh the small ones.
  const error = xs.reduce((s, x, i) => s + ((a + b * x - ys[i]!) / ys[i]!) ** 2, 0);
  return { a, b, error };
}

/**
 * Classifies how a cost grows with the history size. Flat when the largest history costs at most
 * `flatWithin` more than the smallest (the target is 20%); otherwise the better of
 * cost = a + b·ln(n) and cost = a + b·n, by relative squared error.
 */
export function classifyGrowth(sizes: number[], costs: number[], unit = "", flatWithin = 0.2): GrowthFit {
  const first = costs[0]!;
  const last = costs.at(-1)!;
  const ratio = last / first;
  const exponent = Math.log(ratio) / Math.log(sizes.at(-1)! / sizes[0]!);
  const log = lineFit(sizes.map(Math.log), costs);
  const lin = lineFit(sizes, costs);
  const error = { logarithmic: log.error, linear: lin.error };
  if (ratio <= 1 + flatWithin) {
    return { growth: "flat", ratio, exponent, error, slope: `${signed((ratio - 1) * 100, 0)}% from ${sizes[0]} to ${sizes.at(-1)}` };
  }
  if (log.error < lin.error) {
    return { growth: "logarithmic", ratio, exponent, error, slope: `${signed(log.b * Math.LN2, 2)}${unit} per doubling` };
  }
  return { growth: "linear", ratio, exponent, error, slope: `${signed(lin.b * 1000, 3)}${unit} per 1,000 entries` };
}

const signed = (n: number, digits: number) => `${n >= 0 ? "+" : ""}${n.toFixed(digits)}`;
