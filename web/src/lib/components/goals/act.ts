// How a goal card's sections change the goal: one change at a time, through the card, whose answer
// (the whole goal) replaces the one shown. The card owns it; each section receives it.
import type { Problem } from "#lib/errors.ts";
import type { Goal } from "#lib/types.ts";

/**
 * Runs one change named `what` (the card shows it as busy); `said` words the result for the page,
 * `onProblem` hears a failure. Answers whether the change was saved.
 */
export type GoalAct = (what: string, request: () => Promise<Goal>, said: (g: Goal) => string, onProblem?: (p: Problem) => void) => Promise<boolean>;
