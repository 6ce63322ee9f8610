// The test side of the graph's aggregates: a plain in-memory GraphStore (nothing clever, so that a
// wrong update in graph-aggregates.ts shows up as a wrong answer), the DO's record rules on top of
// it, the answers graph-algorithms.ts gives on all states, and fast-check generators for histories.
import fc from "fast-check";
import { expect } from "vitest";
import * as aggregates from "../../durable-objects/graph-aggregates.ts";
import {
  lowestDecileRank,
  TRIGGER_MIN_LOW,
  type ActionCounts,
  type Aggregates,
  type ClassTotal,
  type EdgeStats,
  type GraphStore,
  type MemoryHit,
  type Transition,
  type TriggerCounts,
  type TriggerDelta,
  type TriggerTarget,
  type Try,
} from "../../durable-objects/graph-aggregates.ts";
import {
  findRecoveryMemory,
  findTriggers,
  groundingForFollowUp,
  median,
  mostProbablePath,
  rankSuggestions,
  type WeightedEdge,
} from "../../durable-objects/graph-algorithms.ts";
import type { GraphState, RecordStateInput } from "../../durable-objects/graph-types.ts";
import { compareIds } from "../../durable-objects/order-statistic.ts";
import { genericSuggestions } from "../../worker/emotion/generic-suggestions.ts";
import { EKMAN_EMOTIONS, type EkmanEmotion } from "../../worker/emotion/taxonomy.ts";
import type { SafetyLevel } from "../../worker/safety/screen.ts";
import { DAY, HOUR } from "./helpers.ts";

const byTime = (a: GraphState, b: GraphState) => a.recordedAt - b.recordedAt || compareIds(a.entryId, b.entryId);

/** An in-memory GraphStore that recomputes what it is asked from its raw rows. */
export class MemoryGraphStore implements GraphStore {
  private readonly states = new Map<string, GraphState>();
  private readonly memory = new Map<string, number>();
  private readonly transitions = new Map<string, Transition>();
  private readonly triesByStart = new Map<string, { emotion: EkmanEmotion; items: Map<string, number | null> }>();
  private readonly triggers = new Map<string, TriggerCounts & { target: TriggerTarget }>();

  ordered(): GraphState[] {
    return [...this.states.values()].sort(byTime);
  }

  state(entryId: string) {
    return this.states.get(entryId) ?? null;
  }
  before(at: GraphState, n: number) {
    return this.ordered().filter((s) => byTime(s, at) < 0).slice(-n);
  }
  after(at: GraphState, n: number) {
    return this.ordered().filter((s) => byTime(s, at) > 0).slice(0, n);
  }
  latest(n: number) {
    return this.ordered().reverse().slice(0, n);
  }
  stateCount() {
    return this.states.size;
  }
  insertState(state: GraphState) {
    if (this.states.has(state.entryId)) throw new Error(`insertState: ${state.entryId} is already stored`);
    this.states.set(state.entryId, state);
  }
  deleteState(state: GraphState) {
    if (!this.states.delete(state.entryId)) throw new Error(`deleteState: ${state.entryId} is not stored`);
    if (this.triesByStart.get(state.entryId)?.items.size) throw new Error(`deleteState: ${state.entryId} still has tries`);
    this.memory.delete(state.entryId);
    this.triesByStart.delete(state.entryId);
  }
  setTriedAction(entryId: string, action: string) {
    this.states.set(entryId, { ...this.states.get(entryId)!, triedAction: action });
  }
  setMemory(entryId: string, recoveryMs: number | null) {
    if (recoveryMs === null) this.memory.delete(entryId);
    else this.memory.set(entryId, recoveryMs);
  }

  addTransition(t: Transition) {
    if (this.transitions.has(t.fromEntry)) throw new Error(`addTransition: ${t.fromEntry} already has a successor`);
    this.transitions.set(t.fromEntry, t);
  }
  removeTransition(t: Transition) {
    const stored = this.transitions.get(t.fromEntry);
    if (JSON.stringify(stored) !== JSON.stringify(t)) throw new Error(`removeTransition: ${JSON.stringify(t)} is not stored (${JSON.stringify(stored)})`);
    this.transitions.delete(t.fromEntry);
  }
  edges(): EdgeStats[] {
    const groups = new Map<string, Transition[]>();
    for (const t of this.transitions.values()) groups.set(`${t.fromEmotion}>${t.toEmotion}`, [...(groups.get(`${t.fromEmotion}>${t.toEmotion}`) ?? []), t]);
    return [...groups.values()]
      .map((ts) => ({
        from: ts[0]!.fromEmotion,
        to: ts[0]!.toEmotion,
        count: ts.length,
        sumMs: ts.reduce((sum, t) => sum + t.deltaMs, 0),
        medianMs: median(ts.map((t) => t.deltaMs))!,
      }))
      .sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to));
  }

  tries(startEntry: string): Try[] {
    return [...(this.triesByStart.get(startEntry)?.items ?? [])].map(([action, recoveryMs]) => ({ action, recoveryMs }));
  }
  addTry(start: GraphState, item: Try) {
    const entry = this.triesByStart.get(start.entryId) ?? { emotion: start.primaryEmotion, items: new Map() };
    if (entry.items.has(item.action)) throw new Error(`addTry: ${start.entryId}/${item.action} already counted`);
    entry.items.set(item.action, item.recoveryMs);
    this.triesByStart.set(start.entryId, entry);
  }
  removeTry(start: GraphState, item: Try) {
    const items = this.triesByStart.get(start.entryId)?.items;
    if (!items?.has(item.action) || items.get(item.action) !== item.recoveryMs) throw new Error(`removeTry: ${start.entryId}/${item.action} is not counted so`);
    items.delete(item.action);
  }
  private actionStats(emotion: EkmanEmotion) {
    const stats = new Map<string, ActionCounts & { times: number[] }>();
    for (const { emotion: e, items } of this.triesByStart.values()) {
      if (e !== emotion) continue;
      for (const [action, ms] of items) {
        const s = stats.get(action) ?? { action, tried: 0, worked: 0, times: [] };
        s.tried++;
        if (ms !== null) {
          s.worked++;
          s.times.push(ms);
        }
        stats.set(action, s);
      }
    }
    return stats;
  }
  *rankedActions(emotion: EkmanEmotion): Iterable<ActionCounts> {
    const score = (a: ActionCounts) => (a.worked + 1) / (a.tried + 2);
    // Ties in the order SQLite would never use, so nothing relies on the store's tie order.
    const rows = [...this.actionStats(emotion).values()].sort((a, b) => score(b) - score(a) || b.tried - a.tried || -a.action.localeCompare(b.action));
    for (const { action, tried, worked } of rows) yield { action, tried, worked };
  }
  knownActions(emotion: EkmanEmotion, actions: readonly string[]) {
    const stats = this.actionStats(emotion);
    return new Set(actions.filter((a) => stats.has(a)));
  }
  actionMedian(emotion: EkmanEmotion, action: string) {
    return median(this.actionStats(emotion).get(action)?.times ?? []);
  }

  adjustTriggers(context: string, deltas: readonly TriggerDelta[]) {
    for (const d of deltas) {
      const key = `${d.target}\u0000${context}`;
      const row = this.triggers.get(key) ?? { target: d.target, context, low: 0, others: 0 };
      row.low += d.low;
      row.others += d.others;
      if (row.low < 0 || row.others < 0) throw new Error(`adjustTriggers: ${key} went below zero`);
      if (row.low === 0 && row.others === 0) this.triggers.delete(key);
      else this.triggers.set(key, row);
    }
  }
  *rankedTriggers(target: TriggerTarget): Iterable<TriggerCounts> {
    const ratio = (r: TriggerCounts) => (r.low + 1) / (r.others + 1);
    const rows = [...this.triggers.values()]
      .filter((r) => r.target === target && r.low >= TRIGGER_MIN_LOW)
      .sort((a, b) => ratio(b) - ratio(a) || -a.context.localeCompare(b.context));
    for (const { context, low, others } of rows) yield { context, low, others };
  }
  classTotals(): ClassTotal[] {
    const totals = new Map<string, ClassTotal>();
    for (const s of this.states.values()) {
      const key = `${s.primaryEmotion}/${s.isPositive}`;
      const c = totals.get(key) ?? { emotion: s.primaryEmotion, positive: s.isPositive, count: 0 };
      c.count++;
      totals.set(key, c);
    }
    return [...totals.values()];
  }

  lowestDecileValence() {
    const valences = [...this.states.values()].map((s) => s.valence).sort((a, b) => a - b);
    return valences[lowestDecileRank(valences.length)] ?? null;
  }
  latestMemory(emotion: EkmanEmotion, notAfter: number, valenceAbove: number | null): MemoryHit | null {
    const hit = this.latest(this.states.size).find(
      (s) => this.memory.has(s.entryId) && s.primaryEmotion === emotion && s.recordedAt <= notAfter && (valenceAbove === null || s.valence > valenceAbove),
    );
    return hit ? { entryId: hit.entryId, recordedAt: hit.recordedAt, recoveryMs: this.memory.get(hit.entryId)! } : null;
  }

  /** The raw rows an update keeps (what aggregatesOf also computes from the states). */
  raw(): Pick<Aggregates, "memory" | "tries" | "triggers" | "transitions"> {
    return {
      memory: [...this.memory].map(([entryId, recoveryMs]) => ({ entryId, recoveryMs })).sort((a, b) => compareIds(a.entryId, b.entryId)),
      tries: [...this.triesByStart]
        .flatMap(([start, { emotion, items }]) => [...items].map(([action, recoveryMs]) => ({ start, emotion, action, recoveryMs })))
        .sort((a, b) => compareIds(a.start, b.start) || compareIds(a.action, b.action)),
      triggers: [...this.triggers.values()].map((t) => ({ ...t })).sort((a, b) => compareIds(a.target, b.target) || compareIds(a.context, b.context)),
      transitions: [...this.transitions.values()].sort((a, b) => compareIds(a.fromEntry, b.fromEntry)),
    };
  }
}

/** The operations a person's graph goes through, as the Durable Object's RPC methods take them. */
export type Op =
  | { kind: "record"; input: RecordStateInput }
  | { kind: "batch"; inputs: RecordStateInput[] }
  | { kind: "remove"; entryId: string }
  | { kind: "tried"; entryId: string; action: string };

/** The Durable Object's record rules over any store (emotional-graph.ts does the same over SQLite). */
export class ModelGraph {
  constructor(readonly store: MemoryGraphStore = new MemoryGraphStore()) {}

  private record(input: RecordStateInput, tried: (existing: GraphState | null) => string | null) {
    const existing = this.store.state(input.entryId);
    if (existing && existing.revision > input.revision) return;
    if (existing) aggregates.removeState(this.store, existing);
    aggregates.insertState(this.store, { activities: [], safetyLevel: "none", ...input, triedAction: tried(existing) });
  }

  apply(op: Op) {
    switch (op.kind) {
      case "record":
        return this.record(op.input, (existing) => (op.input.triedAction === undefined ? (existing?.triedAction ?? null) : op.input.triedAction));
      case "batch":
        for (const input of op.inputs) this.record(input, (existing) => input.triedAction ?? existing?.triedAction ?? null);
        return;
      case "remove": {
        const existing = this.store.state(op.entryId);
        if (existing) aggregates.removeState(this.store, existing);
        return;
      }
      case "tried": {
        const existing = this.store.state(op.entryId);
        if (existing) aggregates.markTried(this.store, existing, op.action);
        return;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The answers before the aggregates: what the Durable Object computed from all states

/** The Durable Object's former weightedEdges, from the states instead of the transitions table. */
export function referenceEdges(states: GraphState[]): WeightedEdge[] {
  const outgoing = new Map<string, number>();
  const groups = new Map<string, number[]>();
  const pairs = states.slice(1).map((s, i) => ({ from: states[i]!.primaryEmotion, to: s.primaryEmotion, delta: s.recordedAt - states[i]!.recordedAt }));
  pairs.sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to));
  for (const p of pairs) {
    outgoing.set(p.from, (outgoing.get(p.from) ?? 0) + 1);
    groups.set(`${p.from}>${p.to}`, [...(groups.get(`${p.from}>${p.to}`) ?? []), p.delta]);
  }
  return [...groups.entries()].map(([key, deltas]) => {
    const [from, to] = key.split(">") as [EkmanEmotion, EkmanEmotion];
    return {
      from,
      to,
      count: deltas.length,
      probability: deltas.length / outgoing.get(from)!,
      medianMs: median(deltas)!,
      meanMs: deltas.reduce((a, b) => a + b, 0) / deltas.length,
    };
  });
}

/** The former graph() nodes: SELECT primary_emotion, count(*) … GROUP BY … ORDER BY count DESC, emotion. */
export function referenceNodes(states: GraphState[]) {
  const counts = new Map<EkmanEmotion, number>();
  for (const s of states) counts.set(s.primaryEmotion, (counts.get(s.primaryEmotion) ?? 0) + 1);
  return [...counts].map(([emotion, count]) => ({ emotion, count })).sort((a, b) => b.count - a.count || compareIds(a.emotion, b.emotion));
}

/** Every target findTriggers takes: each emotion, and null for any low state. */
export const TRIGGER_TARGET_ARGS: (EkmanEmotion | null)[] = [...EKMAN_EMOTIONS, null];

// ---------------------------------------------------------------------------------------------
// Generators: small pools so that ids repeat (edits, moves, deletes), times tie, valences tie or sit
// in one hundredth, and actions collide with the generic suggestions and with each other's names.

const IDS = Array.from({ length: 20 }, (_, i) => `e${i}`);
const ACTIONS = ["walk", "work", "coffee", "café", "cafe", "call mom", "a-b", "a b", "run", "yoga", "get some fresh air", "take a slow walk outside, even ten minutes", "check in with a friend"];
const VALENCES = [-1, -0.9, -0.6, -0.6, -0.55, -0.551, -0.559, -0.5, -0.3, 0, 0.2, 0.7, 1];

const valenceArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALENCES) }, { weight: 1, arbitrary: fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }) });

export const stateArb: fc.Arbitrary<RecordStateInput> = fc
  .record({
    entryId: fc.constantFrom(...IDS),
    revision: fc.integer({ min: 1, max: 3 }),
    day: fc.integer({ min: 0, max: 12 }),
    hour: fc.constantFrom(0, 0, 1, 7),
    primaryEmotion: fc.constantFrom(...EKMAN_EMOTIONS),
    flip: fc.integer({ min: 0, max: 4 }),
    valence: valenceArb,
    intensity: fc.constantFrom(0.2, 0.5, 0.89, 0.9, 0.95),
    activities: fc.array(fc.constantFrom(...ACTIONS), { maxLength: 3 }),
    // Left out (an edit keeps what was tried), cleared, or an action.
    triedAction: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom(...ACTIONS)),
    safetyLevel: fc.constantFrom<SafetyLevel>("none", "none", "none", "concern", "crisis"),
  })
  .map(({ day, hour, flip, ...s }) => ({
    ...s,
    recordedAt: 1_700_000_000_000 + day * DAY + hour * HOUR,
    // Mostly the usual reading (joy positive, the rest not), one time in five the other way round.
    isPositive: (s.primaryEmotion === "joy") !== (flip === 0),
    ekmanScores: { [s.primaryEmotion]: 0.8 },
  }));

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: stateArb.map((input) => ({ kind: "record" as const, input })) },
  { weight: 1, arbitrary: fc.array(stateArb, { minLength: 1, maxLength: 6 }).map((inputs) => ({ kind: "batch" as const, inputs })) },
  { weight: 2, arbitrary: fc.constantFrom(...IDS).map((entryId) => ({ kind: "remove" as const, entryId })) },
  { weight: 2, arbitrary: fc.record({ entryId: fc.constantFrom(...IDS), action: fc.constantFrom(...ACTIONS) }).map((t) => ({ kind: "tried" as const, ...t })) },
);

/** A history: an import of a few states to start from (so the decile rules apply), then random operations. */
export const historyArb = (maxOps: number): fc.Arbitrary<Op[]> =>
  fc
    .tuple(fc.array(stateArb, { minLength: 0, maxLength: 16 }), fc.array(opArb, { minLength: 1, maxLength: maxOps, size: "medium" }))
    .map(([start, ops]) => [{ kind: "batch" as const, inputs: start }, ...ops]);

/** Every action name the generators use that is also a generic suggestion somewhere (so "known" filtering is exercised). */
export const GENERIC_COLLISIONS = ACTIONS.filter((a) => EKMAN_EMOTIONS.some((e) => genericSuggestions(e).includes(a)));

// ---------------------------------------------------------------------------------------------

/** Every answer the write and reply path reads from a store, against graph-algorithms.ts on all states. */
export function expectSameAnswers(store: GraphStore, states: GraphState[]) {
  for (const emotion of EKMAN_EMOTIONS) {
    for (const limit of [1, 5, 50]) expect(aggregates.suggestionsFor(store, emotion, limit), `suggestions ${emotion} ${limit}`).toEqual(rankSuggestions(states, emotion, limit));
  }
  for (const target of TRIGGER_TARGET_ARGS) {
    for (const limit of [1, 10]) expect(aggregates.triggersFor(store, target, limit), `triggers ${target} ${limit}`).toEqual(findTriggers(states, target).slice(0, limit));
  }
  for (const s of states) {
    expect(aggregates.recoveryMemoryFor(store, s), `memory ${s.entryId}`).toEqual(findRecoveryMemory(states, s));
    expect(aggregates.groundingFor(store, s), `grounding ${s.entryId}`).toEqual(groundingForFollowUp(states, s));
  }
  const edges = referenceEdges(states);
  expect(aggregates.weightedEdgesFor(store), "edges").toEqual(edges);
  for (const from of EKMAN_EMOTIONS) expect(mostProbablePath(aggregates.weightedEdgesFor(store), from, "joy")).toEqual(mostProbablePath(edges, from, "joy"));
  expect(aggregates.nodesFor(store), "nodes").toEqual(referenceNodes(states));
  expect(store.latest(10), "history").toEqual(states.slice(-10).reverse());
  expect(store.stateCount()).toBe(states.length);
}
