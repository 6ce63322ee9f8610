// The graph's aggregates in the Durable Object's SQLite. Every statement of the write and reply path
// is an index seek or a short index range (EXPLAIN QUERY PLAN is checked in
// tests/graph/graph-store-plans.test.ts), so a write or a read costs the same whatever the number of
// states; only load (the one-time backfill) and snapshot (tests) read whole tables. Schema: graph-schema.ts.
import type { EkmanEmotion } from "../worker/emotion/taxonomy.ts";
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
} from "./graph-aggregates.ts";
import { GraphStateSchema, type GraphState } from "./graph-types.ts";
import {
  compareIds,
  lowerMedianRank,
  medianAt,
  pointerAfterDelete,
  pointerAfterInsert,
  type OrderedSet,
  type RankedKey,
  type RankOf,
  type RankPointer,
} from "./order-statistic.ts";

export interface StateRow extends Record<string, SqlStorageValue> {
  entry_id: string;
  revision: number;
  recorded_at: number;
  primary_emotion: string;
  valence: number;
  intensity: number;
  is_positive: number;
  ekman_scores: string;
  activities: string;
  tried_action: string | null;
  safety_level: string;
}

export const STATE_COLUMNS =
  "entry_id, revision, recorded_at, primary_emotion, valence, intensity, is_positive, ekman_scores, activities, tried_action, safety_level";

/** A row of `states` as a GraphState, its JSON columns parsed and checked with the state's schema. */
export const toState = (row: StateRow): GraphState =>
  GraphStateSchema.parse({
    entryId: row.entry_id,
    revision: row.revision,
    recordedAt: row.recorded_at,
    primaryEmotion: row.primary_emotion,
    valence: row.valence,
    intensity: row.intensity,
    isPositive: row.is_positive === 1,
    ekmanScores: JSON.parse(row.ekman_scores),
    activities: JSON.parse(row.activities),
    triedAction: row.tried_action,
    safetyLevel: row.safety_level,
  });

/**
 * Valence buckets for the recovery-memory search ("the newest candidate with valence above the lowest
 * decile"): a hundredth and a tenth of the range. Both are monotone in the valence, so a bucket above
 * the decile's holds only valences above it.
 */
export const fineBucket = (valence: number) => Math.floor((valence + 1) * 100);
const coarseOf = (fine: number) => Math.floor(fine / 10);
const LAST_FINE = fineBucket(1);
const LAST_COARSE = coarseOf(LAST_FINE);

type Row = Record<string, SqlStorageValue>;
interface KeyRow extends Row {
  value: number;
  uid: string;
}
interface StatsRow extends Row {
  tried: number;
  worked: number;
  median_ms: number | null;
  middle_ms: number | null;
  middle_entry: string | null;
}
interface EdgeRow extends Row {
  count: number;
  sum_ms: number;
  middle_ms: number;
  middle_entry: string;
}
type ActionRow = { action: string; tried: number; worked: number; score: number };
type TriggerRow = { context: string; low: number; others: number; ratio: number };
interface MemoryRow extends Row {
  entry_id: string;
  recorded_at: number;
  memory_ms: number;
}

const pointerOf = (count: number, value: number | null, uid: string | null): RankPointer => ({
  count,
  at: value === null || uid === null ? null : { value, uid },
});

const newer = (a: MemoryHit | null, b: MemoryHit | null) =>
  !a ? b : !b ? a : a.recordedAt > b.recordedAt || (a.recordedAt === b.recordedAt && compareIds(a.entryId, b.entryId) > 0) ? a : b;

export class SqlGraphStore implements GraphStore {
  constructor(private readonly sql: Pick<SqlStorage, "exec">) {}

  private all<T extends Row>(query: string, ...bindings: SqlStorageValue[]): T[] {
    return this.sql.exec<T>(query, ...bindings).toArray();
  }

  private one<T extends Row>(query: string, ...bindings: SqlStorageValue[]): T | null {
    return this.all<T>(query, ...bindings)[0] ?? null;
  }

  /** The rows of one group (`where`) ordered by (`value`, `uid`) through an index: what an order-statistic pointer steps along. */
  private orderedSet(table: string, value: string, uid: string, where: string, ...group: SqlStorageValue[]): OrderedSet {
    const seek = (op: "<" | ">", direction: "ASC" | "DESC") => (key: RankedKey) => {
      const row = this.one<KeyRow>(
        `SELECT ${value} AS value, ${uid} AS uid FROM ${table} WHERE ${where} AND (${value}, ${uid}) ${op} (?, ?) ORDER BY ${value} ${direction}, ${uid} ${direction} LIMIT 1`,
        ...group,
        key.value,
        key.uid,
      );
      return row ? { value: row.value, uid: row.uid } : null;
    };
    return { next: seek(">", "ASC"), prev: seek("<", "DESC") };
  }

  // --- states

  state(entryId: string): GraphState | null {
    const row = this.one<StateRow>(`SELECT ${STATE_COLUMNS} FROM states WHERE entry_id = ?`, entryId);
    return row ? toState(row) : null;
  }

  before(at: GraphState, n: number): GraphState[] {
    return this.all<StateRow>(
      `SELECT ${STATE_COLUMNS} FROM states WHERE (recorded_at, entry_id) < (?, ?) ORDER BY recorded_at DESC, entry_id DESC LIMIT ?`,
      at.recordedAt,
      at.entryId,
      n,
    )
      .map(toState)
      .reverse();
  }

  after(at: GraphState, n: number): GraphState[] {
    return this.all<StateRow>(
      `SELECT ${STATE_COLUMNS} FROM states WHERE (recorded_at, entry_id) > (?, ?) ORDER BY recorded_at, entry_id LIMIT ?`,
      at.recordedAt,
      at.entryId,
      n,
    ).map(toState);
  }

  latest(n: number): GraphState[] {
    return this.all<StateRow>(`SELECT ${STATE_COLUMNS} FROM states ORDER BY recorded_at DESC, entry_id DESC LIMIT ?`, n).map(toState);
  }

  stateCount(): number {
    return this.valencePointer().count;
  }

  private valencePointer(): RankPointer {
    const row = this.one<{ count: number; valence: number | null; entry_id: string | null }>("SELECT count, valence, entry_id FROM state_order");
    return row ? pointerOf(row.count, row.valence, row.entry_id) : { count: 0, at: null };
  }

  private moveValencePointer(move: (set: OrderedSet, pointer: RankPointer, key: RankedKey, rankOf: RankOf) => RankPointer, state: GraphState) {
    const set = this.orderedSet("states", "valence", "entry_id", "1");
    const p = move(set, this.valencePointer(), { value: state.valence, uid: state.entryId }, lowestDecileRank);
    this.sql.exec(
      "INSERT INTO state_order (id, count, valence, entry_id) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET count = excluded.count, valence = excluded.valence, entry_id = excluded.entry_id",
      p.count,
      p.at?.value ?? null,
      p.at?.uid ?? null,
    );
  }

  private countClass(state: GraphState, delta: number) {
    this.sql.exec(
      "INSERT INTO class_totals (emotion, positive, count) VALUES (?, ?, ?) ON CONFLICT (emotion, positive) DO UPDATE SET count = count + excluded.count",
      state.primaryEmotion,
      state.isPositive ? 1 : 0,
      delta,
    );
    if (delta < 0) this.sql.exec("DELETE FROM class_totals WHERE emotion = ? AND positive = ? AND count = 0", state.primaryEmotion, state.isPositive ? 1 : 0);
  }

  insertState(state: GraphState): void {
    const fine = fineBucket(state.valence);
    this.sql.exec(
      `INSERT INTO states (${STATE_COLUMNS}, valence_fine, valence_coarse) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      state.entryId,
      state.revision,
      state.recordedAt,
      state.primaryEmotion,
      state.valence,
      state.intensity,
      state.isPositive ? 1 : 0,
      JSON.stringify(state.ekmanScores),
      JSON.stringify(state.activities),
      state.triedAction,
      state.safetyLevel,
      fine,
      coarseOf(fine),
    );
    this.countClass(state, 1);
    this.moveValencePointer(pointerAfterInsert, state);
  }

  deleteState(state: GraphState): void {
    this.sql.exec("DELETE FROM states WHERE entry_id = ?", state.entryId);
    this.countClass(state, -1);
    this.moveValencePointer(pointerAfterDelete, state);
  }

  setTriedAction(entryId: string, action: string): void {
    this.sql.exec("UPDATE states SET tried_action = ? WHERE entry_id = ?", action, entryId);
  }

  setMemory(entryId: string, recoveryMs: number | null): void {
    this.sql.exec("UPDATE states SET memory_ms = ? WHERE entry_id = ? AND memory_ms IS NOT ?", recoveryMs, entryId, recoveryMs);
  }

  // --- transitions: per-edge count, time sum and a pointer at the lower median of the time deltas

  private edgeSet(from: EkmanEmotion, to: EkmanEmotion) {
    return this.orderedSet("transitions", "delta_ms", "from_entry", "from_emotion = ? AND to_emotion = ?", from, to);
  }

  private updateEdge(t: Transition, change: 1 | -1) {
    const row = this.one<EdgeRow>(
      "SELECT count, sum_ms, middle_ms, middle_entry FROM edge_stats WHERE from_emotion = ? AND to_emotion = ?",
      t.fromEmotion,
      t.toEmotion,
    );
    const set = this.edgeSet(t.fromEmotion, t.toEmotion);
    const before = row ? pointerOf(row.count, row.middle_ms, row.middle_entry) : { count: 0, at: null };
    const key = { value: t.deltaMs, uid: t.fromEntry };
    const p = change > 0 ? pointerAfterInsert(set, before, key, lowerMedianRank) : pointerAfterDelete(set, before, key, lowerMedianRank);
    if (p.at === null) {
      this.sql.exec("DELETE FROM edge_stats WHERE from_emotion = ? AND to_emotion = ?", t.fromEmotion, t.toEmotion);
      return;
    }
    this.sql.exec(
      `INSERT INTO edge_stats (from_emotion, to_emotion, count, sum_ms, median_ms, middle_ms, middle_entry) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (from_emotion, to_emotion) DO UPDATE SET count = excluded.count, sum_ms = excluded.sum_ms, median_ms = excluded.median_ms,
         middle_ms = excluded.middle_ms, middle_entry = excluded.middle_entry`,
      t.fromEmotion,
      t.toEmotion,
      p.count,
      (row?.sum_ms ?? 0) + change * t.deltaMs,
      medianAt(set, p),
      p.at.value,
      p.at.uid,
    );
  }

  addTransition(t: Transition): void {
    this.sql.exec(
      "INSERT INTO transitions (from_entry, to_entry, from_emotion, to_emotion, delta_ms) VALUES (?, ?, ?, ?, ?)",
      t.fromEntry,
      t.toEntry,
      t.fromEmotion,
      t.toEmotion,
      t.deltaMs,
    );
    this.updateEdge(t, 1);
  }

  removeTransition(t: Transition): void {
    this.sql.exec("DELETE FROM transitions WHERE from_entry = ?", t.fromEntry);
    this.updateEdge(t, -1);
  }

  edges(): EdgeStats[] {
    return this.all<{ from_emotion: EkmanEmotion; to_emotion: EkmanEmotion; count: number; sum_ms: number; median_ms: number }>(
      "SELECT from_emotion, to_emotion, count, sum_ms, median_ms FROM edge_stats ORDER BY from_emotion, to_emotion",
    ).map((r) => ({ from: r.from_emotion, to: r.to_emotion, count: r.count, sumMs: r.sum_ms, medianMs: r.median_ms }));
  }

  // --- tries and per-action statistics, with a pointer at the lower median of the recovery times

  tries(startEntry: string): Try[] {
    return this.all<{ action: string; recovery_ms: number | null }>("SELECT action, recovery_ms FROM tries WHERE start_entry = ?", startEntry).map(
      (r) => ({ action: r.action, recoveryMs: r.recovery_ms }),
    );
  }

  private updateAction(emotion: string, action: string, start: string, recoveryMs: number | null, change: 1 | -1) {
    const row = this.one<StatsRow>(
      "SELECT tried, worked, median_ms, middle_ms, middle_entry FROM action_stats WHERE emotion = ? AND action = ?",
      emotion,
      action,
    );
    const tried = (row?.tried ?? 0) + change;
    if (tried === 0) {
      this.sql.exec("DELETE FROM action_stats WHERE emotion = ? AND action = ?", emotion, action);
      return;
    }
    let p = row ? pointerOf(row.worked, row.middle_ms, row.middle_entry) : { count: 0, at: null };
    let medianMs = row?.median_ms ?? null;
    if (recoveryMs !== null) {
      // Only a try that worked has a recovery time: only then do the median's set and pointer move.
      const set = this.orderedSet("tries", "recovery_ms", "start_entry", "emotion = ? AND action = ? AND recovery_ms IS NOT NULL", emotion, action);
      const key = { value: recoveryMs, uid: start };
      p = change > 0 ? pointerAfterInsert(set, p, key, lowerMedianRank) : pointerAfterDelete(set, p, key, lowerMedianRank);
      medianMs = medianAt(set, p);
    }
    this.sql.exec(
      `INSERT INTO action_stats (emotion, action, tried, worked, score, median_ms, middle_ms, middle_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (emotion, action) DO UPDATE SET tried = excluded.tried, worked = excluded.worked, score = excluded.score,
         median_ms = excluded.median_ms, middle_ms = excluded.middle_ms, middle_entry = excluded.middle_entry`,
      emotion,
      action,
      tried,
      p.count,
      (p.count + 1) / (tried + 2),
      medianMs,
      p.at?.value ?? null,
      p.at?.uid ?? null,
    );
  }

  addTry(start: GraphState, item: Try): void {
    this.sql.exec(
      "INSERT INTO tries (start_entry, action, emotion, recovery_ms) VALUES (?, ?, ?, ?)",
      start.entryId,
      item.action,
      start.primaryEmotion,
      item.recoveryMs,
    );
    this.updateAction(start.primaryEmotion, item.action, start.entryId, item.recoveryMs, 1);
  }

  removeTry(start: GraphState, item: Try): void {
    // The row says which emotion it was counted under and with which time, whatever the caller holds.
    const row = this.one<{ emotion: string; recovery_ms: number | null }>(
      "DELETE FROM tries WHERE start_entry = ? AND action = ? RETURNING emotion, recovery_ms",
      start.entryId,
      item.action,
    );
    if (row) this.updateAction(row.emotion, item.action, start.entryId, row.recovery_ms, -1);
  }

  *rankedActions(emotion: EkmanEmotion): Iterable<ActionCounts> {
    const columns = "SELECT action, tried, worked, score FROM action_stats WHERE emotion = ?";
    const order = "ORDER BY score DESC, tried DESC, action DESC LIMIT ?";
    let page = this.all<ActionRow>(`${columns} ${order}`, emotion, 16);
    for (let size = 16; ; size *= 4) {
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < size) return;
      page = this.all<ActionRow>(`${columns} AND (score, tried, action) < (?, ?, ?) ${order}`, emotion, last.score, last.tried, last.action, size * 4);
    }
  }

  knownActions(emotion: EkmanEmotion, actions: readonly string[]): Set<string> {
    if (actions.length === 0) return new Set();
    const rows = this.all<{ action: string }>(
      `SELECT action FROM action_stats WHERE emotion = ? AND action IN (${actions.map(() => "?").join(", ")})`,
      emotion,
      ...actions,
    );
    return new Set(rows.map((r) => r.action));
  }

  actionMedian(emotion: EkmanEmotion, action: string): number | null {
    return this.one<{ median_ms: number | null }>("SELECT median_ms FROM action_stats WHERE emotion = ? AND action = ?", emotion, action)?.median_ms ?? null;
  }

  // --- triggers: per (context, target) counts, ranked by (low + 1) / (others + 1)

  adjustTriggers(context: string, deltas: readonly TriggerDelta[]): void {
    if (deltas.length === 0) return;
    // A new row starts from the deltas (never negative: a count is removed only after it was added);
    // an existing one adds them, and its ratio follows.
    this.sql.exec(
      `INSERT INTO trigger_stats (context, target, low, others, ratio) VALUES ${deltas.map(() => "(?, ?, ?, ?, ?)").join(", ")}
       ON CONFLICT (context, target) DO UPDATE SET low = low + excluded.low, others = others + excluded.others,
         ratio = (low + excluded.low + 1.0) / (others + excluded.others + 1)`,
      ...deltas.flatMap((d) => [context, d.target, d.low, d.others, (Math.max(d.low, 0) + 1) / (Math.max(d.others, 0) + 1)]),
    );
    this.sql.exec("DELETE FROM trigger_stats WHERE context = ? AND low = 0 AND others = 0", context);
  }

  *rankedTriggers(target: TriggerTarget): Iterable<TriggerCounts> {
    const columns = `SELECT context, low, others, ratio FROM trigger_stats WHERE target = ? AND low >= ${TRIGGER_MIN_LOW}`;
    const order = "ORDER BY ratio DESC, context DESC LIMIT ?";
    let page = this.all<TriggerRow>(`${columns} ${order}`, target, 16);
    for (let size = 16; ; size *= 4) {
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < size) return;
      page = this.all<TriggerRow>(`${columns} AND (ratio, context) < (?, ?) ${order}`, target, last.ratio, last.context, size * 4);
    }
  }

  classTotals(): ClassTotal[] {
    return this.all<{ emotion: EkmanEmotion; positive: number; count: number }>("SELECT emotion, positive, count FROM class_totals").map((r) => ({
      emotion: r.emotion,
      positive: r.positive === 1,
      count: r.count,
    }));
  }

  // --- recovery memories

  lowestDecileValence(): number | null {
    return this.valencePointer().at?.value ?? null;
  }

  /** The newest candidate in each bucket from `first` to `last` (one index seek each, in one statement), and the newest of those. */
  private newestIn(column: "valence_coarse" | "valence_fine", first: number, last: number, emotion: EkmanEmotion, notAfter: number): MemoryHit | null {
    if (first > last) return null;
    const row = this.one<MemoryRow>(
      `WITH RECURSIVE buckets (bucket) AS (SELECT ? UNION ALL SELECT bucket + 1 FROM buckets WHERE bucket < ?)
       SELECT s.entry_id, s.recorded_at, s.memory_ms FROM buckets JOIN states s ON s.rowid = (
         SELECT rowid FROM states WHERE memory_ms IS NOT NULL AND primary_emotion = ? AND ${column} = buckets.bucket AND recorded_at <= ?
         ORDER BY recorded_at DESC, entry_id DESC LIMIT 1)
       ORDER BY s.recorded_at DESC, s.entry_id DESC LIMIT 1`,
      first,
      last,
      emotion,
      notAfter,
    );
    return row ? { entryId: row.entry_id, recordedAt: row.recorded_at, recoveryMs: row.memory_ms } : null;
  }

  /**
   * Three steps, each a few seeks: the newest candidate in each tenth of the valence range above the
   * decile's, then in each hundredth above it within the decile's tenth, then for each distinct valence
   * above the decile within the decile's hundredth (a handful: stored valences have three decimals).
   */
  latestMemory(emotion: EkmanEmotion, notAfter: number, valenceAbove: number | null): MemoryHit | null {
    if (valenceAbove === null) return this.newestIn("valence_coarse", 0, LAST_COARSE, emotion, notAfter);
    const fine = fineBucket(valenceAbove);
    const coarse = coarseOf(fine);
    let best = newer(
      this.newestIn("valence_coarse", coarse + 1, LAST_COARSE, emotion, notAfter),
      this.newestIn("valence_fine", fine + 1, Math.min(coarse * 10 + 9, LAST_FINE), emotion, notAfter),
    );
    for (let above = valenceAbove; ; ) {
      const next = this.one<{ valence: number }>(
        "SELECT valence FROM states WHERE memory_ms IS NOT NULL AND primary_emotion = ? AND valence > ? ORDER BY valence LIMIT 1",
        emotion,
        above,
      );
      if (!next || fineBucket(next.valence) !== fine) return best;
      const row = this.one<MemoryRow>(
        `SELECT entry_id, recorded_at, memory_ms FROM states WHERE memory_ms IS NOT NULL AND primary_emotion = ? AND valence = ? AND recorded_at <= ?
         ORDER BY recorded_at DESC, entry_id DESC LIMIT 1`,
        emotion,
        next.valence,
        notAfter,
      );
      if (row) best = newer(best, { entryId: row.entry_id, recordedAt: row.recorded_at, recoveryMs: row.memory_ms });
      above = next.valence;
    }
  }

  // --- the whole aggregate state: written once by the backfill, read by the tests

  /** Replaces every aggregate with `aggregates` (computed from all states by aggregatesOf). */
  load(aggregates: Aggregates, states: GraphState[]): void {
    for (const table of ["tries", "action_stats", "trigger_stats", "class_totals", "transitions", "edge_stats", "state_order"]) {
      this.sql.exec(`DELETE FROM ${table}`);
    }
    const memory = new Map(aggregates.memory.map((m) => [m.entryId, m.recoveryMs]));
    for (const s of states) {
      const fine = fineBucket(s.valence);
      this.sql.exec(
        "UPDATE states SET memory_ms = ?, valence_fine = ?, valence_coarse = ? WHERE entry_id = ?",
        memory.get(s.entryId) ?? null,
        fine,
        coarseOf(fine),
        s.entryId,
      );
    }
    for (const t of aggregates.tries) {
      this.sql.exec("INSERT INTO tries (start_entry, action, emotion, recovery_ms) VALUES (?, ?, ?, ?)", t.start, t.action, t.emotion, t.recoveryMs);
    }
    for (const a of aggregates.actions) {
      this.sql.exec(
        "INSERT INTO action_stats (emotion, action, tried, worked, score, median_ms, middle_ms, middle_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        a.emotion,
        a.action,
        a.tried,
        a.worked,
        (a.worked + 1) / (a.tried + 2),
        a.medianMs,
        a.middle?.value ?? null,
        a.middle?.uid ?? null,
      );
    }
    for (const t of aggregates.triggers) {
      this.sql.exec(
        "INSERT INTO trigger_stats (context, target, low, others, ratio) VALUES (?, ?, ?, ?, (? + 1.0) / (? + 1))",
        t.context,
        t.target,
        t.low,
        t.others,
        t.low,
        t.others,
      );
    }
    for (const c of aggregates.classes) {
      this.sql.exec("INSERT INTO class_totals (emotion, positive, count) VALUES (?, ?, ?)", c.emotion, c.positive ? 1 : 0, c.count);
    }
    for (const t of aggregates.transitions) {
      this.sql.exec(
        "INSERT INTO transitions (from_entry, to_entry, from_emotion, to_emotion, delta_ms) VALUES (?, ?, ?, ?, ?)",
        t.fromEntry,
        t.toEntry,
        t.fromEmotion,
        t.toEmotion,
        t.deltaMs,
      );
    }
    for (const e of aggregates.edges) {
      this.sql.exec(
        "INSERT INTO edge_stats (from_emotion, to_emotion, count, sum_ms, median_ms, middle_ms, middle_entry) VALUES (?, ?, ?, ?, ?, ?, ?)",
        e.from,
        e.to,
        e.count,
        e.sumMs,
        e.medianMs,
        e.middle.value,
        e.middle.uid,
      );
    }
    const v = aggregates.valence;
    this.sql.exec("INSERT INTO state_order (id, count, valence, entry_id) VALUES (1, ?, ?, ?)", v.count, v.at?.value ?? null, v.at?.uid ?? null);
  }

  /** Every aggregate as stored, in aggregatesOf's canonical order (for tests: it reads everything). */
  snapshot(): Aggregates {
    type R = Record<string, SqlStorageValue>;
    const q = <T extends R>(query: string) => this.all<T>(query);
    const key = (value: number | null, uid: string | null) => (value === null || uid === null ? null : { value, uid });
    return {
      memory: q<{ entry_id: string; memory_ms: number }>("SELECT entry_id, memory_ms FROM states WHERE memory_ms IS NOT NULL ORDER BY entry_id").map((r) => ({
        entryId: r.entry_id,
        recoveryMs: r.memory_ms,
      })),
      tries: q<{ start_entry: string; emotion: EkmanEmotion; action: string; recovery_ms: number | null }>(
        "SELECT start_entry, emotion, action, recovery_ms FROM tries ORDER BY start_entry, action",
      ).map((r) => ({ start: r.start_entry, emotion: r.emotion, action: r.action, recoveryMs: r.recovery_ms })),
      actions: q<{ emotion: EkmanEmotion; action: string; tried: number; worked: number; median_ms: number | null; middle_ms: number | null; middle_entry: string | null }>(
        "SELECT emotion, action, tried, worked, median_ms, middle_ms, middle_entry FROM action_stats ORDER BY emotion, action",
      ).map((r) => ({
        emotion: r.emotion,
        action: r.action,
        tried: r.tried,
        worked: r.worked,
        medianMs: r.median_ms,
        middle: key(r.middle_ms, r.middle_entry),
      })),
      triggers: q<{ target: TriggerTarget; context: string; low: number; others: number }>(
        "SELECT target, context, low, others FROM trigger_stats ORDER BY target, context",
      ).map((r) => ({ target: r.target, context: r.context, low: r.low, others: r.others })),
      classes: q<{ emotion: EkmanEmotion; positive: number; count: number }>("SELECT emotion, positive, count FROM class_totals ORDER BY emotion, positive").map(
        (r) => ({ emotion: r.emotion, positive: r.positive === 1, count: r.count }),
      ),
      transitions: q<{ from_entry: string; to_entry: string; from_emotion: EkmanEmotion; to_emotion: EkmanEmotion; delta_ms: number }>(
        "SELECT from_entry, to_entry, from_emotion, to_emotion, delta_ms FROM transitions ORDER BY from_entry",
      ).map((r) => ({ fromEntry: r.from_entry, toEntry: r.to_entry, fromEmotion: r.from_emotion, toEmotion: r.to_emotion, deltaMs: r.delta_ms })),
      edges: q<{ from_emotion: EkmanEmotion; to_emotion: EkmanEmotion; count: number; sum_ms: number; median_ms: number; middle_ms: number; middle_entry: string }>(
        "SELECT from_emotion, to_emotion, count, sum_ms, median_ms, middle_ms, middle_entry FROM edge_stats ORDER BY from_emotion, to_emotion",
      ).map((r) => ({
        from: r.from_emotion,
        to: r.to_emotion,
        count: r.count,
        sumMs: r.sum_ms,
        medianMs: r.median_ms,
        middle: { value: r.middle_ms, uid: r.middle_entry },
      })),
      valence: this.valencePointer(),
    };
  }
}
