// The emotional graph's reasoning, as pure functions over a person's states in time order, so each
// rule can be checked on a constructed history: what helped before, the likeliest path to a better
// state, recovery times and the loops a person gets stuck in.
import { isNegativeEmotion, NEGATIVE_EMOTIONS, type EkmanEmotion } from "../worker/emotion/taxonomy.ts";
import { genericSuggestions } from "../worker/emotion/generic-suggestions.ts";
import { DAY_MS } from "../worker/lib/time-zone.ts";
import type {
  EmotionPath,
  FollowUpGrounding,
  GraphEdge,
  GraphState,
  Patterns,
  RecoveryEpisode,
  RecoveryMemory,
  Suggestion,
  Trigger,
} from "./graph-types.ts";

/** How many steps after a low state still count as "that got me out". */
export const RECOVERY_WINDOW_STEPS = 3;

export const isNegativeState = (s: GraphState) => isNegativeEmotion(s.primaryEmotion) && !s.isPositive;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What a person did after a low state, up to and including the state where a better one arrived
 * (or to the end of the window): the activities of those later entries, and every suggestion marked
 * as tried from the low state on. The low entry's own activities are its context, not its cure.
 */
export function actionsAfter(start: GraphState, following: GraphState[]): Set<string> {
  const actions = new Set<string>();
  if (start.triedAction) actions.add(start.triedAction);
  for (const s of following) {
    for (const a of s.activities) actions.add(a);
    if (s.triedAction) actions.add(s.triedAction);
    if (s.isPositive) break;
  }
  return actions;
}

/**
 * For each low state of `emotion`, each action taken after it (see actionsAfter) is one try; it
 * worked if a positive state arrived within the window. Tries whose outcome is not known yet (the
 * window runs past the newest state without a positive one) are left out rather than counted as
 * failures.
 */
export function historySuggestions(states: GraphState[], emotion: EkmanEmotion): Suggestion[] {
  const stats = new Map<string, { tried: number; worked: number; times: number[] }>();
  states.forEach((start, i) => {
    if (start.primaryEmotion !== emotion || start.isPositive) return;
    const window = states.slice(i + 1, i + 1 + RECOVERY_WINDOW_STEPS);
    const recovery = window.find((s) => s.isPositive);
    if (!recovery && window.length < RECOVERY_WINDOW_STEPS) return;
    for (const action of actionsAfter(start, window)) {
      const s = stats.get(action) ?? { tried: 0, worked: 0, times: [] };
      s.tried++;
      if (recovery) {
        s.worked++;
        s.times.push(recovery.recordedAt - start.recordedAt);
      }
      stats.set(action, s);
    }
  });
  return [...stats.entries()].map(([action, s]) => ({
    action,
    source: "history" as const,
    score: (s.worked + 1) / (s.tried + 2),
    evidence: { tried: s.tried, worked: s.worked, medianRecoveryMs: median(s.times) },
  }));
}

/**
 * Triggers: contexts (an entry's own activities and those of the entry just before it) that come with
 * low states of `emotion` (any low state when null) more often than with the person's other states.
 * Rates are smoothed, (k + 1) / (n + 2), so one coincidence is not a pattern; a trigger needs to
 * appear with at least `minWith` low states and more often than in the baseline.
 */
export function findTriggers(states: GraphState[], emotion: EkmanEmotion | null, minWith = 2): Trigger[] {
  const isLow = (s: GraphState) => !s.isPositive && (emotion === null ? isNegativeEmotion(s.primaryEmotion) : s.primaryEmotion === emotion);
  const low = new Map<string, number>();
  const others = new Map<string, number>();
  let lowTotal = 0;
  let othersTotal = 0;
  states.forEach((state, i) => {
    const context = new Set([...state.activities, ...(states[i - 1]?.activities ?? [])]);
    const counts = isLow(state) ? low : others;
    if (isLow(state)) lowTotal++;
    else othersTotal++;
    for (const c of context) counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  const triggers: Trigger[] = [];
  for (const [context, withLow] of low) {
    if (withLow < minWith) continue;
    const withOthers = others.get(context) ?? 0;
    const lowRate = (withLow + 1) / (lowTotal + 2);
    const baseRate = (withOthers + 1) / (othersTotal + 2);
    if (lowRate <= baseRate) continue;
    triggers.push({ context, low: { with: withLow, total: lowTotal }, others: { with: withOthers, total: othersTotal }, lift: lowRate / baseRate });
  }
  return triggers.sort(compareTriggers);
}

/** The order triggers are shown in: strongest lift first, then the most evidence, then by name. */
export const compareTriggers = (a: Trigger, b: Trigger) => b.lift - a.lift || b.low.with - a.low.with || a.context.localeCompare(b.context);

/** The prior a generic suggestion carries: an action with no evidence either way. */
export const GENERIC_SCORE = 0.5;

export function rankSuggestions(states: GraphState[], emotion: EkmanEmotion, limit: number): Suggestion[] {
  const fromHistory = historySuggestions(states, emotion);
  const known = new Set(fromHistory.map((s) => s.action));
  const generic: Suggestion[] = genericSuggestions(emotion)
    .filter((action) => !known.has(action))
    .map((action) => ({ action, source: "generic", score: GENERIC_SCORE, evidence: null }));
  return [...fromHistory, ...generic].sort(compareSuggestions).slice(0, limit);
}

/** Best score first; on a tie the person's own evidence before a generic idea, then more of it, then by name. */
export const compareSuggestions = (a: Suggestion, b: Suggestion) =>
  b.score - a.score ||
  (a.source === b.source ? 0 : a.source === "history" ? -1 : 1) ||
  (b.evidence?.tried ?? 0) - (a.evidence?.tried ?? 0) ||
  a.action.localeCompare(b.action);

export interface WeightedEdge extends GraphEdge {
  meanMs: number;
}

/** Dijkstra over −log p: the single most probable chain of transitions from one emotion to another. */
export function mostProbablePath(edges: WeightedEdge[], from: EkmanEmotion, to: EkmanEmotion): EmotionPath | null {
  if (from === to) return { from, to, path: [from], probability: 1, expectedMs: 0 };
  const cost = new Map<EkmanEmotion, number>([[from, 0]]);
  const previous = new Map<EkmanEmotion, WeightedEdge>();
  const done = new Set<EkmanEmotion>();
  for (;;) {
    let current: EkmanEmotion | null = null;
    for (const [node, c] of cost) if (!done.has(node) && (current === null || c < cost.get(current)!)) current = node;
    if (current === null) return null;
    if (current === to) break;
    done.add(current);
    for (const edge of edges) {
      if (edge.from !== current || edge.probability <= 0 || edge.from === edge.to) continue;
      const next = cost.get(current)! - Math.log(edge.probability);
      if (next < (cost.get(edge.to) ?? Infinity)) {
        cost.set(edge.to, next);
        previous.set(edge.to, edge);
      }
    }
  }
  const steps: WeightedEdge[] = [];
  for (let node = to; node !== from; ) {
    const edge = previous.get(node)!;
    steps.unshift(edge);
    node = edge.from;
  }
  return {
    from,
    to,
    path: [from, ...steps.map((e) => e.to)],
    probability: Math.exp(-cost.get(to)!),
    expectedMs: steps.reduce((sum, e) => sum + e.meanMs, 0),
  };
}

function recoveryEpisodes(states: GraphState[]): RecoveryEpisode[] {
  const episodes: RecoveryEpisode[] = [];
  states.forEach((state, i) => {
    if (!isNegativeState(state) || (i > 0 && isNegativeState(states[i - 1]!))) return;
    const recovery = states.slice(i + 1).find((s) => s.isPositive);
    episodes.push({
      startEntryId: state.entryId,
      startedAt: state.recordedAt,
      emotion: state.primaryEmotion,
      recoveredAt: recovery?.recordedAt ?? null,
      recoveryMs: recovery ? recovery.recordedAt - state.recordedAt : null,
    });
  });
  return episodes;
}

/** Loops of two or three distinct negative emotions, with the chance of going round once. */
function negativeLoops(states: GraphState[], edges: GraphEdge[]): Patterns["loops"] {
  const p = new Map(edges.map((e) => [`${e.from}>${e.to}`, e.probability]));
  const prob = (a: EkmanEmotion, b: EkmanEmotion) => p.get(`${a}>${b}`) ?? 0;
  const negatives = [...NEGATIVE_EMOTIONS].sort() as EkmanEmotion[];
  const cycles: EkmanEmotion[][] = [];
  for (const a of negatives) {
    for (const b of negatives) {
      if (b <= a) continue;
      cycles.push([a, b]);
      for (const c of negatives) if (c > a && c !== b) cycles.push([a, b, c]);
    }
  }
  const sequence = states.map((s) => s.primaryEmotion);
  const occurrences = (cycle: EkmanEmotion[]) => {
    const pattern = [...cycle, cycle[0]!];
    let n = 0;
    for (let i = 0; i + pattern.length <= sequence.length; i++) {
      if (pattern.every((e, k) => sequence[i + k] === e)) n++;
    }
    return n;
  };
  return cycles
    .map((cycle) => ({
      cycle,
      probability: cycle.reduce((acc, e, i) => acc * prob(e, cycle[(i + 1) % cycle.length]!), 1),
      occurrences: occurrences(cycle),
    }))
    .filter((loop) => loop.probability >= LOOP_MIN_PROBABILITY && loop.occurrences >= 1)
    .sort((a, b) => b.probability - a.probability || b.occurrences - a.occurrences);
}

/** Going round the loop once is at least this likely: below it, it is not a habit worth naming. */
export const LOOP_MIN_PROBABILITY = 0.1;

export function findPatterns(states: GraphState[], edges: GraphEdge[], now: number): Patterns {
  const episodes = recoveryEpisodes(states);
  const recoveredBetween = (start: number, end: number) =>
    episodes.filter((e) => e.recoveryMs !== null && e.startedAt > start && e.startedAt <= end).map((e) => e.recoveryMs!);
  const recent = recoveredBetween(now - 90 * DAY_MS, now);
  const previous = recoveredBetween(now - 180 * DAY_MS, now - 90 * DAY_MS);
  const recentMedianMs = median(recent);
  const previousMedianMs = median(previous);
  let trend: Patterns["recovery"]["trend"] = "not-enough-data";
  if (recent.length >= 2 && previous.length >= 2) {
    const ratio = recentMedianMs! / Math.max(previousMedianMs!, 1);
    trend = ratio < 0.9 ? "faster" : ratio > 1.1 ? "slower" : "steady";
  }
  return { episodes, recovery: { recentMedianMs, previousMedianMs, trend }, loops: negativeLoops(states, edges) };
}

export const MEMORY_MIN_AGE_MS = 3 * DAY_MS;

/**
 * A past low state like the current one that was followed by recovery, to remind the person it
 * passed. Never one of their lowest days: those are not what anyone wants brought back unasked.
 */
export function findRecoveryMemory(states: GraphState[], current: GraphState): RecoveryMemory | null {
  const valences = states.map((s) => s.valence).sort((a, b) => a - b);
  const lowestDecile = valences.length >= 10 ? valences[Math.floor(valences.length * 0.1)]! : -Infinity;
  for (let i = states.length - 1; i >= 0; i--) {
    const s = states[i]!;
    if (s.entryId === current.entryId || s.recordedAt > current.recordedAt - MEMORY_MIN_AGE_MS) continue;
    if (s.primaryEmotion !== current.primaryEmotion || s.isPositive) continue;
    // A crisis entry is part of the history, never a memory to bring back.
    if (s.safetyLevel === "crisis") continue;
    if (s.valence <= lowestDecile || s.intensity >= 0.9) continue;
    const recovery = states.slice(i + 1, i + 1 + RECOVERY_WINDOW_STEPS).find((n) => n.isPositive);
    if (recovery) return { entryId: s.entryId, recordedAt: s.recordedAt, recoveredAfterMs: recovery.recordedAt - s.recordedAt };
  }
  return null;
}

/** How much evidence a language-model follow-up is given: enough to be specific, little to misuse. */
export const FOLLOW_UP_HELPED = 3;
export const FOLLOW_UP_TRIGGERS = 3;
/** How far down the ranking a follow-up looks for actions that worked. */
export const FOLLOW_UP_CANDIDATES = 50;

/**
 * The graph's part of a follow-up's grounding: for a low entry, what worked before (ranked as the
 * reply ranks it, only actions that worked at least once), its triggers and a recovery memory.
 */
export function groundingForFollowUp(states: GraphState[], state: GraphState): FollowUpGrounding {
  if (!isNegativeState(state)) return { state, helped: [], triggers: [], memory: null };
  const helped = rankSuggestions(states, state.primaryEmotion, FOLLOW_UP_CANDIDATES).filter((s) => s.source === "history" && (s.evidence?.worked ?? 0) > 0);
  return {
    state,
    helped: helped.slice(0, FOLLOW_UP_HELPED),
    triggers: findTriggers(states, state.primaryEmotion).slice(0, FOLLOW_UP_TRIGGERS),
    memory: state.safetyLevel === "crisis" ? null : findRecoveryMemory(states, state),
  };
}
