// The emotional graph's answers kept as aggregates, so that a write and a reply cost the same at 10
// states as at 50,000 ("cost is flat in history"). What graph-algorithms.ts computes by scanning every
// state is kept here exactly, updated on insert, edit (remove + insert), delete and markTried by
// looking only at the few states around the change; the answers are then read from the aggregates.
// The store behind it is an interface: the Durable Object's SQLite (graph-store.ts) in production, a
// plain in-memory model in the property tests that hold these answers equal to graph-algorithms.ts.
import { genericSuggestions } from "../worker/emotion/generic-suggestions.ts";
import { EKMAN_EMOTIONS, isNegativeEmotion, type EkmanEmotion } from "../worker/emotion/taxonomy.ts";
import {
  actionsAfter,
  compareSuggestions,
  compareTriggers,
  FOLLOW_UP_CANDIDATES,
  FOLLOW_UP_HELPED,
  FOLLOW_UP_TRIGGERS,
  GENERIC_SCORE,
  isNegativeState,
  median,
  MEMORY_MIN_AGE_MS,
  RECOVERY_WINDOW_STEPS,
  type WeightedEdge,
} from "./graph-algorithms.ts";
import type { EmotionGraphView, FollowUpGrounding, GraphState, RecoveryMemory, Suggestion, Trigger } from "./graph-types.ts";
import { compareIds, compareKeys, lowerMedianRank, type RankedKey, type RankOf, type RankPointer } from "./order-statistic.ts";

/** Triggers are kept for each emotion and for "any low state" (findTriggers with null). */
export const ANY_LOW = "*";
export type TriggerTarget = EkmanEmotion | typeof ANY_LOW;
export const TRIGGER_TARGETS: readonly TriggerTarget[] = [...EKMAN_EMOTIONS, ANY_LOW];
/** findTriggers' minWith: a context needs this many low states before it can be a trigger. */
export const TRIGGER_MIN_LOW = 2;

/** findRecoveryMemory's rules: below this many states no valence is "lowest"; the decile's rank. */
const MEMORY_MIN_STATES = 10;
export const lowestDecileRank: RankOf = (count) => Math.floor(count * 0.1);
/** findRecoveryMemory never brings back a state this intense. */
const MEMORY_MAX_INTENSITY = 0.9;

export interface Transition {
  fromEntry: string;
  toEntry: string;
  fromEmotion: EkmanEmotion;
  toEmotion: EkmanEmotion;
  deltaMs: number;
}

/** One action counted for a low state: `recoveryMs` when a positive state came within the window. */
export interface Try {
  action: string;
  recoveryMs: number | null;
}

export interface ActionCounts {
  action: string;
  tried: number;
  worked: number;
}

export interface TriggerCounts {
  context: string;
  /** Low states (for the target) whose context holds it, and the other states whose context does. */
  low: number;
  others: number;
}

export interface TriggerDelta {
  target: TriggerTarget;
  low: number;
  others: number;
}

export interface EdgeStats {
  from: EkmanEmotion;
  to: EkmanEmotion;
  count: number;
  sumMs: number;
  medianMs: number;
}

export interface ClassTotal {
  emotion: EkmanEmotion;
  positive: boolean;
  count: number;
}

export interface MemoryHit {
  entryId: string;
  recordedAt: number;
  recoveryMs: number;
}

/**
 * What the aggregates need from storage. Every method is a bounded read or write (an index seek, a
 * handful of rows) except the iterators, which are read lazily and only as far as a ranking needs.
 */
export interface GraphStore {
  state(entryId: string): GraphState | null;
  /** Up to n states just before / after `at` in time order (ties by entry id), oldest first. */
  before(at: GraphState, n: number): GraphState[];
  after(at: GraphState, n: number): GraphState[];
  /** The newest n states, newest first. */
  latest(n: number): GraphState[];
  stateCount(): number;
  /** Stores a state; keeps the class totals and the valence order with it. */
  insertState(state: GraphState): void;
  deleteState(state: GraphState): void;
  setTriedAction(entryId: string, action: string): void;
  /** The recovery time of a state that may come back as a recovery memory, or null. */
  setMemory(entryId: string, recoveryMs: number | null): void;

  addTransition(transition: Transition): void;
  removeTransition(transition: Transition): void;
  /** Per-edge counts, time sums and medians, ordered by from, then to. */
  edges(): EdgeStats[];

  tries(startEntry: string): Try[];
  addTry(start: GraphState, item: Try): void;
  removeTry(start: GraphState, item: Try): void;
  /** An emotion's actions by (worked + 1) / (tried + 2), then tried, both descending; ties in any order. */
  rankedActions(emotion: EkmanEmotion): Iterable<ActionCounts>;
  /** Which of `actions` have any evidence for the emotion. */
  knownActions(emotion: EkmanEmotion, actions: readonly string[]): Set<string>;
  actionMedian(emotion: EkmanEmotion, action: string): number | null;

  adjustTriggers(context: string, deltas: readonly TriggerDelta[]): void;
  /** A target's contexts with at least TRIGGER_MIN_LOW low states, by (low + 1) / (others + 1) descending. */
  rankedTriggers(target: TriggerTarget): Iterable<TriggerCounts>;
  classTotals(): ClassTotal[];

  /** The valence at rank lowestDecileRank(stateCount()) (null when there are no states). */
  lowestDecileValence(): number | null;
  /** The newest memory candidate of `emotion` recorded at or before `notAfter` with valence above `valenceAbove`. */
  latestMemory(emotion: EkmanEmotion, notAfter: number, valenceAbove: number | null): MemoryHit | null;
}

// ---------------------------------------------------------------------------------------------
// What one state contributes, from itself and its neighbours (shared by the updates and the rebuild)

const transitionBetween = (from: GraphState, to: GraphState): Transition => ({
  fromEntry: from.entryId,
  toEntry: to.entryId,
  fromEmotion: from.primaryEmotion,
  toEmotion: to.primaryEmotion,
  deltaMs: to.recordedAt - from.recordedAt,
});

const isLowFor = (target: TriggerTarget, emotion: EkmanEmotion, positive: boolean) =>
  !positive && (target === ANY_LOW ? isNegativeEmotion(emotion) : emotion === target);

/** findTriggers' context of a state: its own activities and those of the state just before it. */
const contextOf = (state: GraphState, previous: GraphState | null) => new Set([...state.activities, ...(previous?.activities ?? [])]);

const triggerDeltas = (state: GraphState, sign: 1 | -1): TriggerDelta[] =>
  TRIGGER_TARGETS.map((target) =>
    isLowFor(target, state.primaryEmotion, state.isPositive) ? { target, low: sign, others: 0 } : { target, low: 0, others: sign },
  );

const isMemoryCandidate = (s: GraphState) => !s.isPositive && s.safetyLevel !== "crisis" && s.intensity < MEMORY_MAX_INTENSITY;

/**
 * What a state and the (up to RECOVERY_WINDOW_STEPS) states after it say: for a low state, the tries
 * historySuggestions counts (none while the outcome is not known), and whether it can be a recovery
 * memory (findRecoveryMemory's rules that do not depend on the current state).
 */
export function outcomeOf(start: GraphState, window: GraphState[]): { tries: Try[]; memoryMs: number | null } {
  const recovery = window.find((s) => s.isPositive);
  const recoveryMs = recovery ? recovery.recordedAt - start.recordedAt : null;
  const memoryMs = isMemoryCandidate(start) ? recoveryMs : null;
  if (start.isPositive || (!recovery && window.length < RECOVERY_WINDOW_STEPS)) return { tries: [], memoryMs };
  return { tries: [...actionsAfter(start, window)].map((action) => ({ action, recoveryMs })), memoryMs };
}

// ---------------------------------------------------------------------------------------------
// Updates: a change at one place in time touches the states up to RECOVERY_WINDOW_STEPS before it
// (their windows hold it), its successor (whose context holds its activities) and two transitions.
// Each update reads that neighbourhood once: RECOVERY_WINDOW_STEPS states on either side.

/** Brings the tries and memory of the first `starts` states of `around` (in time order) up to date. */
function refreshOutcomes(store: GraphStore, around: GraphState[], starts: number) {
  around.slice(0, starts).forEach((start, i) => {
    const { tries, memoryMs } = outcomeOf(start, around.slice(i + 1, i + 1 + RECOVERY_WINDOW_STEPS));
    store.setMemory(start.entryId, memoryMs);
    const wanted = new Map(tries.map((t) => [t.action, t.recoveryMs]));
    const kept = new Set<string>();
    for (const t of store.tries(start.entryId)) {
      if (wanted.has(t.action) && wanted.get(t.action) === t.recoveryMs) kept.add(t.action);
      else store.removeTry(start, t);
    }
    for (const t of tries) if (!kept.has(t.action)) store.addTry(start, t);
  });
}

function countContext(store: GraphStore, state: GraphState, previous: GraphState | null, sign: 1 | -1) {
  const deltas = triggerDeltas(state, sign);
  for (const context of contextOf(state, previous)) store.adjustTriggers(context, deltas);
}

/** The state before `state` changed from `was` to `now`: only the contexts that differ move. */
function recountContext(store: GraphStore, state: GraphState, was: GraphState | null, now: GraphState | null) {
  const before = contextOf(state, was);
  const after = contextOf(state, now);
  const removed = triggerDeltas(state, -1);
  const added = triggerDeltas(state, 1);
  for (const context of before) if (!after.has(context)) store.adjustTriggers(context, removed);
  for (const context of after) if (!before.has(context)) store.adjustTriggers(context, added);
}

/** The states around a point in time, RECOVERY_WINDOW_STEPS on either side. */
const neighbourhood = (store: GraphStore, at: GraphState) => ({
  before: store.before(at, RECOVERY_WINDOW_STEPS),
  after: store.after(at, RECOVERY_WINDOW_STEPS),
});

/** Adds a state that is not stored yet. */
export function insertState(store: GraphStore, state: GraphState): void {
  const { before, after } = neighbourhood(store, state);
  const previous = before.at(-1) ?? null;
  const next = after[0] ?? null;
  store.insertState(state);
  if (previous && next) store.removeTransition(transitionBetween(previous, next));
  if (previous) store.addTransition(transitionBetween(previous, state));
  if (next) store.addTransition(transitionBetween(state, next));
  countContext(store, state, previous, 1);
  if (next) recountContext(store, next, previous, state);
  refreshOutcomes(store, [...before, state, ...after], before.length + 1);
}

/** Removes a stored state; its neighbours become consecutive. */
export function removeState(store: GraphStore, state: GraphState): void {
  const { before, after } = neighbourhood(store, state);
  const previous = before.at(-1) ?? null;
  const next = after[0] ?? null;
  for (const t of store.tries(state.entryId)) store.removeTry(state, t);
  countContext(store, state, previous, -1);
  if (next) recountContext(store, next, state, previous);
  if (previous) store.removeTransition(transitionBetween(previous, state));
  if (next) store.removeTransition(transitionBetween(state, next));
  if (previous && next) store.addTransition(transitionBetween(previous, next));
  store.deleteState(state);
  refreshOutcomes(store, [...before, ...after], before.length);
}

/** The person tried `action` after a stored state: it is evidence for that state and the ones whose window holds it. */
export function markTried(store: GraphStore, state: GraphState, action: string): void {
  const { before, after } = neighbourhood(store, state);
  store.setTriedAction(state.entryId, action);
  refreshOutcomes(store, [...before, { ...state, triedAction: action }, ...after], before.length + 1);
}

// ---------------------------------------------------------------------------------------------
// Answers, each equal to its graph-algorithms.ts counterpart run on every state

/**
 * The best `limit` of an emotion's actions in rankSuggestions' order. The store orders by score and
 * tried; the name decides only within a group equal on both, so the group at the cut is read whole.
 */
function topActions(ranked: Iterable<ActionCounts>, limit: number): ActionCounts[] {
  const top: ActionCounts[] = [];
  for (const a of ranked) {
    const last = top.at(-1);
    if (top.length >= limit && last && (a.tried !== last.tried || a.worked !== last.worked)) break;
    top.push(a);
  }
  return top;
}

/** rankSuggestions without the median recovery times (filled in only for what is kept). */
function rankActions(store: GraphStore, emotion: EkmanEmotion, limit: number): Suggestion[] {
  const history: Suggestion[] = topActions(store.rankedActions(emotion), limit).map((a) => ({
    action: a.action,
    source: "history",
    score: (a.worked + 1) / (a.tried + 2),
    evidence: { tried: a.tried, worked: a.worked, medianRecoveryMs: null },
  }));
  const candidates = genericSuggestions(emotion);
  const known = store.knownActions(emotion, candidates);
  const generic: Suggestion[] = candidates
    .filter((action) => !known.has(action))
    .map((action) => ({ action, source: "generic", score: GENERIC_SCORE, evidence: null }));
  return [...history, ...generic].sort(compareSuggestions).slice(0, limit);
}

const withMedians = (store: GraphStore, emotion: EkmanEmotion, ranked: Suggestion[]): Suggestion[] =>
  ranked.map((s) => (s.evidence ? { ...s, evidence: { ...s.evidence, medianRecoveryMs: store.actionMedian(emotion, s.action) } } : s));

/** rankSuggestions(states, emotion, limit). */
export function suggestionsFor(store: GraphStore, emotion: EkmanEmotion, limit: number): Suggestion[] {
  return withMedians(store, emotion, rankActions(store, emotion, limit));
}

/**
 * Relative slack between the stored ratio (low + 1) / (others + 1) and the lift computed from it: far
 * above the few ulps of rounding, far below any difference between two ratios of real counts.
 */
const RATIO_SLACK = 1e-9;

/**
 * findTriggers(states, emotion).slice(0, limit). The lift of a context is its ratio times a factor
 * shared by all contexts, so the store's ratio order is the lift order up to rounding: read down it
 * until `limit` triggers are found and the ratio has fallen clearly below the last of them (or below
 * the point where no lift exceeds 1), then order what was read exactly as findTriggers does.
 */
export function triggersFor(store: GraphStore, emotion: EkmanEmotion | null, limit: number): Trigger[] {
  const target = emotion ?? ANY_LOW;
  let lowTotal = 0;
  let all = 0;
  for (const c of store.classTotals()) {
    all += c.count;
    if (isLowFor(target, c.emotion, c.positive)) lowTotal += c.count;
  }
  const othersTotal = all - lowTotal;
  const floor = ((lowTotal + 2) / (othersTotal + 2)) * (1 - RATIO_SLACK);
  const found: { trigger: Trigger; ratio: number }[] = [];
  for (const row of store.rankedTriggers(target)) {
    const ratio = (row.low + 1) / (row.others + 1);
    if (ratio < floor) break;
    if (found.length >= limit && ratio < found[limit - 1]!.ratio * (1 - RATIO_SLACK)) break;
    const lowRate = (row.low + 1) / (lowTotal + 2);
    const baseRate = (row.others + 1) / (othersTotal + 2);
    if (lowRate <= baseRate) continue;
    found.push({
      ratio,
      trigger: { context: row.context, low: { with: row.low, total: lowTotal }, others: { with: row.others, total: othersTotal }, lift: lowRate / baseRate },
    });
  }
  return found
    .map((f) => f.trigger)
    .sort(compareTriggers)
    .slice(0, limit);
}

/** findRecoveryMemory(states, current) for a stored state. */
export function recoveryMemoryFor(store: GraphStore, current: GraphState): RecoveryMemory | null {
  const lowest = store.stateCount() >= MEMORY_MIN_STATES ? store.lowestDecileValence() : null;
  // The current state itself is never a candidate: it is younger than MEMORY_MIN_AGE_MS.
  const hit = store.latestMemory(current.primaryEmotion, current.recordedAt - MEMORY_MIN_AGE_MS, lowest);
  return hit ? { entryId: hit.entryId, recordedAt: hit.recordedAt, recoveredAfterMs: hit.recoveryMs } : null;
}

/** groundingForFollowUp(states, state). */
export function groundingFor(store: GraphStore, state: GraphState): FollowUpGrounding {
  if (!isNegativeState(state)) return { state, helped: [], triggers: [], memory: null };
  const helped = rankActions(store, state.primaryEmotion, FOLLOW_UP_CANDIDATES)
    .filter((s) => s.source === "history" && (s.evidence?.worked ?? 0) > 0)
    .slice(0, FOLLOW_UP_HELPED);
  return {
    state,
    helped: withMedians(store, state.primaryEmotion, helped),
    triggers: triggersFor(store, state.primaryEmotion, FOLLOW_UP_TRIGGERS),
    memory: state.safetyLevel === "crisis" ? null : recoveryMemoryFor(store, state),
  };
}

/** The transition statistics mostProbablePath and the graph view read, from at most 49 edges. */
export function weightedEdgesFor(store: GraphStore): WeightedEdge[] {
  const edges = store.edges();
  const outgoing = new Map<EkmanEmotion, number>();
  for (const e of edges) outgoing.set(e.from, (outgoing.get(e.from) ?? 0) + e.count);
  return edges.map((e) => ({
    from: e.from,
    to: e.to,
    count: e.count,
    probability: e.count / outgoing.get(e.from)!,
    medianMs: e.medianMs,
    meanMs: e.sumMs / e.count,
  }));
}

/** States per emotion, most frequent first (then by name), as the graph view shows them. */
export function nodesFor(store: GraphStore): EmotionGraphView["nodes"] {
  const counts = new Map<EkmanEmotion, number>();
  for (const c of store.classTotals()) counts.set(c.emotion, (counts.get(c.emotion) ?? 0) + c.count);
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([emotion, count]) => ({ emotion, count }))
    .sort((a, b) => b.count - a.count || compareIds(a.emotion, b.emotion));
}

// ---------------------------------------------------------------------------------------------
// The aggregates from scratch: the one-time backfill, and what the tests compare a store against

export interface Aggregates {
  memory: { entryId: string; recoveryMs: number }[];
  tries: ({ start: string; emotion: EkmanEmotion } & Try)[];
  actions: (ActionCounts & { emotion: EkmanEmotion; medianMs: number | null; middle: RankedKey | null })[];
  triggers: (TriggerCounts & { target: TriggerTarget })[];
  classes: ClassTotal[];
  transitions: Transition[];
  edges: (EdgeStats & { middle: RankedKey })[];
  /** All states by (valence, entry id), with the one at the lowest decile's rank. */
  valence: RankPointer;
}

const byKeys =
  <T>(...keys: ((row: T) => string | number | boolean)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      const order = typeof x === "string" && typeof y === "string" ? compareIds(x, y) : Number(x) - Number(y);
      if (order !== 0) return order;
    }
    return 0;
  };

/** The element at `rank` of a sorted group, and the group's median, as the pointers keep them. */
function orderStatistic(keys: RankedKey[], rank: number) {
  const sorted = [...keys].sort(compareKeys);
  return { middle: sorted[rank] ?? null, median: median(sorted.map((k) => k.value)) };
}

/** Every aggregate of a history (states in time order), in a canonical order. */
export function aggregatesOf(states: GraphState[]): Aggregates {
  const memory: Aggregates["memory"] = [];
  const tries: Aggregates["tries"] = [];
  const triggers = new Map<string, Aggregates["triggers"][number]>();
  const classes = new Map<string, ClassTotal>();
  const transitions: Transition[] = [];
  states.forEach((state, i) => {
    const previous = states[i - 1] ?? null;
    const outcome = outcomeOf(state, states.slice(i + 1, i + 1 + RECOVERY_WINDOW_STEPS));
    if (outcome.memoryMs !== null) memory.push({ entryId: state.entryId, recoveryMs: outcome.memoryMs });
    for (const t of outcome.tries) tries.push({ start: state.entryId, emotion: state.primaryEmotion, ...t });
    for (const context of contextOf(state, previous)) {
      for (const d of triggerDeltas(state, 1)) {
        const key = `${d.target}\u0000${context}`;
        const row = triggers.get(key) ?? { target: d.target, context, low: 0, others: 0 };
        row.low += d.low;
        row.others += d.others;
        triggers.set(key, row);
      }
    }
    const cls = classes.get(`${state.primaryEmotion}/${state.isPositive}`) ?? { emotion: state.primaryEmotion, positive: state.isPositive, count: 0 };
    cls.count++;
    classes.set(`${state.primaryEmotion}/${state.isPositive}`, cls);
    if (previous) transitions.push(transitionBetween(previous, state));
  });

  const actionGroups = new Map<string, { emotion: EkmanEmotion; action: string; tried: number; worked: RankedKey[] }>();
  for (const t of tries) {
    const key = `${t.emotion}\u0000${t.action}`;
    const group = actionGroups.get(key) ?? { emotion: t.emotion, action: t.action, tried: 0, worked: [] };
    group.tried++;
    if (t.recoveryMs !== null) group.worked.push({ value: t.recoveryMs, uid: t.start });
    actionGroups.set(key, group);
  }
  const actions = [...actionGroups.values()].map((g) => {
    const { middle, median } = orderStatistic(g.worked, lowerMedianRank(g.worked.length));
    return { emotion: g.emotion, action: g.action, tried: g.tried, worked: g.worked.length, medianMs: median, middle };
  });

  const edgeGroups = new Map<string, { from: EkmanEmotion; to: EkmanEmotion; sumMs: number; keys: RankedKey[] }>();
  for (const t of transitions) {
    const key = `${t.fromEmotion}>${t.toEmotion}`;
    const group = edgeGroups.get(key) ?? { from: t.fromEmotion, to: t.toEmotion, sumMs: 0, keys: [] };
    group.sumMs += t.deltaMs;
    group.keys.push({ value: t.deltaMs, uid: t.fromEntry });
    edgeGroups.set(key, group);
  }
  const edges = [...edgeGroups.values()].map((g) => {
    const { middle, median } = orderStatistic(g.keys, lowerMedianRank(g.keys.length));
    return { from: g.from, to: g.to, count: g.keys.length, sumMs: g.sumMs, medianMs: median!, middle: middle! };
  });

  const valence = orderStatistic(
    states.map((s) => ({ value: s.valence, uid: s.entryId })),
    lowestDecileRank(states.length),
  );
  return {
    memory: memory.sort(byKeys((m) => m.entryId)),
    tries: tries.sort(byKeys((t) => t.start, (t) => t.action)),
    actions: actions.sort(byKeys((a) => a.emotion, (a) => a.action)),
    triggers: [...triggers.values()].sort(byKeys((t) => t.target, (t) => t.context)),
    classes: [...classes.values()].sort(byKeys((c) => c.emotion, (c) => c.positive)),
    transitions: transitions.sort(byKeys((t) => t.fromEntry)),
    edges: edges.sort(byKeys((e) => e.from, (e) => e.to)),
    valence: { count: states.length, at: valence.middle },
  };
}
