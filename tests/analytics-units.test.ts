// The pure parts of the analytics: the interval arithmetic, the trend sentences, the matrix.
import { describe, expect, it } from "vitest";
import { effectOf, MIN_DAYS, tQuantile975, type Sums } from "../worker/analytics/effects.ts";
import { transitionMatrix } from "../worker/analytics/transitions.ts";
import { describeTrends } from "../worker/analytics/trends.ts";
import type { TrendWindow } from "../worker/schemas/analytics.ts";

const sums = (values: number[]): Sums => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((a, b) => a + b * b, 0) });
const plus = (a: Sums, b: Sums): Sums => ({ n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares });

describe("tQuantile975", () => {
  it("matches Student's t table and tends to the normal 1.96", () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(8)).toBeCloseTo(2.306, 3);
    expect(tQuantile975(8.9)).toBeCloseTo(2.306, 3); // fractional df round down: a little wider
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("effectOf", () => {
  it("gives Welch's interval for the difference of the two day means", () => {
    const withIt = sums([1, 2, 3, 4, 5]);
    const without = sums([0, 1, 2, 3, 4]);
    const e = effectOf(withIt, plus(withIt, without));
    // Each side: variance 2.5 over 5 days, so se = 1 and Welch's df = 8 (t = 2.306).
    expect(e).toEqual({ days: 5, other_days: 5, mean_with: 3, mean_without: 2, difference: 1, interval: { low: -1.306, high: 3.306 }, enough: true, clear: false });
  });

  it("marks a clear difference, and refuses to tell from a few days", () => {
    const clear = effectOf(sums([0.6, 0.7, 0.5, 0.6, 0.7, 0.6]), plus(sums([0.6, 0.7, 0.5, 0.6, 0.7, 0.6]), sums([0, 0.1, -0.1, 0, 0.1, 0])));
    expect(clear).toMatchObject({ enough: true, clear: true });
    expect(clear.interval!.low).toBeGreaterThan(0);
    const few = effectOf(sums([0.9, 0.8]), plus(sums([0.9, 0.8]), sums([0, 0.1, -0.1, 0, 0.1, 0])));
    expect(few.days).toBeLessThan(MIN_DAYS);
    expect(few).toMatchObject({ enough: false, clear: false });
    // Two days make a very wide interval (t with about one degree of freedom).
    expect(few.interval!.high - few.interval!.low).toBeGreaterThan(0.5);
    const one = effectOf(sums([0.9]), plus(sums([0.9]), sums([0, 0.1, -0.1])));
    expect(one).toMatchObject({ days: 1, interval: null, enough: false, difference: 0.9 });
    const all = effectOf(sums([0.2, 0.3]), sums([0.2, 0.3]));
    expect(all).toMatchObject({ other_days: 0, mean_without: null, difference: null, interval: null });
  });
});

const windowOf = (over: Partial<TrendWindow>): TrendWindow => ({ from: "", to: "", days: 30, entries: 0, writing_days: 0, words: 0, mean_valence: null, emotions: {}, ...over });

describe("describeTrends", () => {
  it("names changes large enough to notice, in words and numbers", () => {
    const previous = windowOf({ days: 90, entries: 18, writing_days: 15, words: 1800, mean_valence: 0.1, emotions: { sadness: 4, joy: 10, neutral: 4 } });
    const recent = windowOf({ entries: 11, writing_days: 7, words: 1100, mean_valence: 0.15, emotions: { sadness: 1, joy: 6, neutral: 4 } });
    const changes = describeTrends(recent, previous, { recent: { walk: 4 }, previous: { walk: 3 } });
    const texts = changes.map((c) => c.text);
    // 15 days in 90 is 1.17 a week; 7 in 30 is 1.63: +40%.
    expect(texts).toContain("You wrote more often (+40%: 1.6 days a week, from 1.2).");
    expect(texts).toContain("Sadness came up less (22% → 9% of entries).");
    expect(texts).toContain("Calm, neutral moods came up more (22% → 36% of entries).");
    // Same length, mood within 0.1: not said.
    expect(changes.map((c) => c.kind)).not.toContain("length");
    expect(changes.map((c) => c.kind)).not.toContain("mood");
    expect(changes.find((c) => c.key === "activity:walk")).toMatchObject({ direction: "up", before: 0.2, after: 0.9 });
  });

  it("says nothing without both windows, or about a handful of entries' shares", () => {
    expect(describeTrends(windowOf({ entries: 3, writing_days: 3 }), windowOf({ days: 90 }), { recent: {}, previous: {} })).toEqual([]);
    const few = describeTrends(windowOf({ entries: 2, writing_days: 2, emotions: { anger: 2 } }), windowOf({ days: 90, entries: 2, writing_days: 2, emotions: { joy: 2 } }), { recent: {}, previous: {} });
    expect(few.map((c) => c.kind)).toEqual(["frequency"]);
  });
});

describe("transitionMatrix", () => {
  it("lays the edges out in the taxonomy's order, with row probabilities", () => {
    const m = transitionMatrix([
      { from: "sadness", to: "joy", count: 3 },
      { from: "sadness", to: "sadness", count: 1 },
      { from: "joy", to: "sadness", count: 2 },
      { from: "unknown", to: "joy", count: 5 },
    ]);
    const i = (e: string) => m.emotions.indexOf(e as (typeof m.emotions)[number]);
    expect(m.counts[i("sadness")]![i("joy")]).toBe(3);
    expect(m.probabilities[i("sadness")]![i("joy")]).toBe(0.75);
    expect(m.probabilities[i("joy")]![i("sadness")]).toBe(1);
    expect(m.probabilities[i("anger")]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(m.totals[i("sadness")]).toBe(4);
    expect(m.total_transitions).toBe(6);
  });
});
