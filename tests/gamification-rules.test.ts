// The pure rules of gamification: the level curve, and the forgiving streak as a fold over writing
// days, checked against a plain walk backwards over constructed date sets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACHIEVEMENTS } from "../worker/gamification/achievements.ts";
import { levelFor, levelStartsAt } from "../worker/gamification/levels.ts";
import { forgivenNote, forgivenThisWeek, streaksOf, weekOf } from "../worker/gamification/streaks.ts";
import { shiftDay } from "../worker/lib/time-zone.ts";

describe("levels", () => {
  it("follows the documented curve", () => {
    expect([1, 2, 3, 4, 5, 10].map(levelStartsAt)).toEqual([0, 100, 300, 600, 1000, 4500]);
    expect(levelFor(0)).toEqual({ level: 1, current_level_at: 0, next_level_at: 100, points_into_level: 0, points_to_next: 100, progress: 0 });
    expect(levelFor(99).level).toBe(1);
    expect(levelFor(100)).toMatchObject({ level: 2, points_into_level: 0, points_to_next: 200 });
    expect(levelFor(450)).toMatchObject({ level: 3, current_level_at: 300, next_level_at: 600, progress: 0.5 });
    expect(levelFor(-5).level).toBe(1);
    expect(levelFor(Number.NaN).level).toBe(1);
  });

  it("places every total inside its level, and never goes down as points grow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 10_000 }), (points, more) => {
        const l = levelFor(points);
        expect(l.current_level_at).toBeLessThanOrEqual(points);
        expect(points).toBeLessThan(l.next_level_at);
        expect(l.points_into_level + l.points_to_next).toBe(l.next_level_at - l.current_level_at);
        expect(l.progress).toBeGreaterThanOrEqual(0);
        expect(l.progress).toBeLessThan(1);
        expect(levelFor(points + more).level).toBeGreaterThanOrEqual(l.level);
      }),
    );
  });
});

/** The rule written as plainly as possible: walk back from `end`, forgiving single missed days, one per week. */
function walkBack(days: Set<string>, end: string, today: string): number {
  let count = 0;
  const used = new Set<string>();
  let d = end;
  if (end === today && !days.has(today)) d = shiftDay(today, -1);
  for (let steps = 0; steps < 2000; steps++) {
    if (days.has(d)) {
      count++;
    } else if (count > 0 || d === shiftDay(today, -1)) {
      const before = shiftDay(d, -1);
      if (used.has(weekOf(d)) || !days.has(before)) break;
      used.add(weekOf(d));
    } else {
      break;
    }
    d = shiftDay(d, -1);
  }
  return count;
}

const TODAY = "2026-11-26"; // a Thursday
const daySets = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 45 }).map((offsets) => new Set(offsets.map((o) => shiftDay(TODAY, -o))));

describe("streaksOf", () => {
  it("forgives one missed day a calendar week, and counts only the days written", () => {
    // Wed 4 November missed between the 3rd and the 5th: forgiven, the run is four days written.
    const dates = new Set(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-20", "2026-11-21"]);
    expect(streaksOf(dates, "2026-11-22")).toMatchObject({ current: 2, longest: 4 });
    expect(streaksOf(new Set([...dates, "2026-11-22"]), "2026-11-22")).toMatchObject({ current: 3, longest: 4 });
    // Yesterday missed, today not written yet: still kept, the missed day named.
    expect(streaksOf(dates, "2026-11-23")).toEqual({ current: 2, longest: 4, forgiven: "2026-11-22" });
    expect(streaksOf(dates, "2026-11-24")).toMatchObject({ current: 0, longest: 4 });
    expect(streaksOf(new Set(), "2026-11-24")).toEqual({ current: 0, longest: 0, forgiven: null });
  });

  it("forgives a second miss only in another week, and never two days in a row", () => {
    // Mon 23, miss Tue 24, Wed 25, miss Thu 26, Fri 27: the second miss in one week restarts after the first.
    expect(streaksOf(["2026-11-23", "2026-11-25", "2026-11-27"], "2026-11-27")).toEqual({ current: 2, longest: 2, forgiven: "2026-11-26" });
    // Sat 21, miss Sun 22 (one week), Mon 23, miss Tue 24 (the next week), Wed 25: all one run.
    expect(streaksOf(["2026-11-21", "2026-11-23", "2026-11-25"], "2026-11-25")).toMatchObject({ current: 3, longest: 3 });
    // Two days in a row missed: broken.
    expect(streaksOf(["2026-11-20", "2026-11-23"], "2026-11-23")).toMatchObject({ current: 1, longest: 1 });
  });

  it("says which day it forgave this week", () => {
    const streak = streaksOf(["2026-11-23", "2026-11-25"], "2026-11-26");
    expect(forgivenThisWeek(streak, "2026-11-26")).toBe("2026-11-24");
    expect(forgivenNote("2026-11-24", "2026-11-26")).toBe("Streak kept: you missed Tuesday, and one day a week is forgiven.");
    expect(forgivenNote("2026-11-25", "2026-11-26")).toBe("Streak kept: you missed yesterday, and one day a week is forgiven.");
    // A day forgiven last week is not this week's.
    expect(forgivenThisWeek(streaksOf(["2026-11-21", "2026-11-23"], "2026-11-24"), "2026-11-24")).toBeNull();
  });

  it("agrees with the plain walk back, for the current and the longest run", () => {
    fc.assert(
      fc.property(daySets, (days) => {
        const s = streaksOf(days, TODAY);
        expect(s.current).toBe(walkBack(days, TODAY, TODAY));
        const longest = Math.max(0, ...[...days].map((d) => walkBack(days, d, "9999-12-31")));
        expect(s.longest).toBe(longest);
        expect(s.current).toBeLessThanOrEqual(s.longest);
      }),
    );
  });

  it("never shortens when a day with an entry is added", () => {
    fc.assert(
      fc.property(daySets, fc.integer({ min: 0, max: 60 }), (days, extra) => {
        const before = streaksOf(days, TODAY);
        const after = streaksOf([...days, shiftDay(TODAY, -extra)], TODAY);
        expect(after.current).toBeGreaterThanOrEqual(before.current);
        expect(after.longest).toBeGreaterThanOrEqual(before.longest);
      }),
    );
  });

  it("gives the same answer whatever order the days come in (the kept row folds them as they arrive)", () => {
    fc.assert(
      fc.property(daySets, (days) => {
        const list = [...days];
        expect(streaksOf(list.reverse(), TODAY)).toEqual(streaksOf(days, TODAY));
      }),
    );
  });
});

describe("the achievements", () => {
  it("are at least twenty, each with a unique code, a title and a criterion", () => {
    expect(ACHIEVEMENTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ACHIEVEMENTS.map((a) => a.code)).size).toBe(ACHIEVEMENTS.length);
    for (const a of ACHIEVEMENTS) expect(a.title.length * a.description.length).toBeGreaterThan(0);
  });
});
