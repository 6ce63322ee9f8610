// Levels from total points: the one place the curve is written. Level n+1 costs 100·n more points
// than level n (so 100 to reach level 2, 300 for level 3, 600 for 4, 1,000 for 5, 4,500 for 10):
// early levels come within days of writing, later ones take steady weeks, and none is ever out of reach.

/** Points that each step of the curve adds: level n → n+1 costs STEP·n. */
export const LEVEL_STEP_POINTS = 100;

/** The total points at which a level begins (level 1 at 0). */
export const levelStartsAt = (level: number): number => (LEVEL_STEP_POINTS * level * (level - 1)) / 2;

export interface Level {
  level: number;
  /** Total points at which this level began and the next one begins. */
  current_level_at: number;
  next_level_at: number;
  /** Points earned within this level, and still needed for the next. */
  points_into_level: number;
  points_to_next: number;
  /** 0 to 1: how far through this level. */
  progress: number;
}

/** The level a points total reaches, with progress to the next; negative or fractional totals count as their floor, at least 0. */
export function levelFor(totalPoints: number): Level {
  const points = Math.max(0, Math.floor(Number.isFinite(totalPoints) ? totalPoints : 0));
  // The inverse of levelStartsAt, then settled by whole steps (floating point may be off by one).
  let level = Math.max(1, Math.floor((1 + Math.sqrt(1 + (8 * points) / LEVEL_STEP_POINTS)) / 2));
  while (levelStartsAt(level) > points) level--;
  while (levelStartsAt(level + 1) <= points) level++;
  const start = levelStartsAt(level);
  const next = levelStartsAt(level + 1);
  return {
    level,
    current_level_at: start,
    next_level_at: next,
    points_into_level: points - start,
    points_to_next: next - points,
    progress: (points - start) / (next - start),
  };
}
