// How much better (or worse) the days with an activity or a person are than the person's other
// days, from sums SQL kept (count, sum, sum of squares of daily mean valence), with a 95% interval
// that is honest about small numbers. Pure: no I/O, unit-tested in tests/analytics-units.test.ts.
import type { Effect } from "../schemas/analytics.ts";

/** Days on each side below which the answer is "too few days to tell". */
export const MIN_DAYS = 5;

/** Student's t, two-sided 95% (the 0.975 quantile), for 1 to 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z975 = 1.959964;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (fractional df from Welch's
 * formula are rounded down, which widens the interval a little). Beyond 30, the Cornish–Fisher
 * expansion, within 0.001 of the exact value.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Number.POSITIVE_INFINITY;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = Z975;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}

/** Count, sum and sum of squares of a set of daily mean valences. */
export interface Sums {
  n: number;
  sum: number;
  sumSquares: number;
}

const mean = (s: Sums) => (s.n > 0 ? s.sum / s.n : null);
/** The sample variance (n − 1), never negative (rounding in the sums can make it a hair below 0). */
const variance = (s: Sums) => (s.n > 1 ? Math.max(0, (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1)) : null);


const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The days with it against all the person's other days (total minus with): the difference of the
 * two means, and Welch's 95% interval for it, t with Welch–Satterthwaite degrees of freedom. Each day
 * counts once (its mean valence), however many entries it holds.
 */
export function effectOf(withIt: Sums, total: Sums): Effect {
  const without: Sums = { n: total.n - withIt.n, sum: total.sum - withIt.sum, sumSquares: total.sumSquares - withIt.sumSquares };
  const mWith = mean(withIt);
  const mWithout = mean(without);
  const difference = mWith !== null && mWithout !== null ? mWith - mWithout : null;
  const vWith = variance(withIt);
  const vWithout = variance(without);
  let interval: Effect["interval"] = null;
  if (difference !== null && vWith !== null && vWithout !== null) {
    const a = vWith / withIt.n;
    const b = vWithout / without.n;
    const se = Math.sqrt(a + b);
    // Both sides constant: no spread to measure; the interval is the point itself.
    const df = se > 0 ? (a + b) ** 2 / ((a * a) / (withIt.n - 1) + (b * b) / (without.n - 1)) : withIt.n + without.n - 2;
    const half = tQuantile975(df) * se;
    interval = { low: round3(difference - half), high: round3(difference + half) };
  }
  const enough = withIt.n >= MIN_DAYS && without.n >= MIN_DAYS && interval !== null;
  return {
    days: withIt.n,
    other_days: without.n,
    mean_with: mWith === null ? null : round3(mWith),
    mean_without: mWithout === null ? null : round3(mWithout),
    difference: difference === null ? null : round3(difference),
    interval,
    enough,
    clear: enough && interval !== null && (interval.low > 0 || interval.high < 0),
  };
}
