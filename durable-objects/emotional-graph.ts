// One EmotionalGraph per person: their emotional states (one per analysed entry) and the
// transitions between consecutive states, in the object's own SQLite storage, so that every update
// for one person is serialised and nothing lives only in memory. Public methods are RPC.
import { DurableObject } from "cloudflare:workers";
import { z } from "zod";
import type { EkmanEmotion } from "../worker/emotion/taxonomy.ts";
import {
  findPatterns,
  findRecoveryMemory,
  findTriggers,
  groundingForFollowUp,
  median,
  mostProbablePath,
  rankSuggestions,
  type WeightedEdge,
} from "./graph-algorithms.ts";
import { migrateGraphSchema } from "./graph-schema.ts";
import { parseRpcArgs } from "./rpc-validation.ts";
import { errorBody } from "../worker/lib/errors.ts";
import { SAFETY_LEVELS } from "../worker/safety/screen.ts";
import { CLOSE, LiveEventSchema, type LiveEvent } from "../worker/live/events.ts";
import { acceptSocket, broadcast, closeSocket, handleClientMessage, issueTicket, redeemTicket } from "./live-sockets.ts";
import {
  EmotionNameSchema,
  EntryIdSchema,
  HistoryLimitSchema,
  MarkTriedInputSchema,
  RecordStateInputSchema,
  type EmotionGraphView,
  type EmotionPath,
  type FollowUpGrounding,
  type GraphState,
  type Patterns,
  type RecordResult,
  type RecordStateInput,
  type Suggestion,
  type Trigger,
} from "./graph-types.ts";

interface StateRow extends Record<string, SqlStorageValue> {
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

const toState = (row: StateRow): GraphState => ({
  entryId: row.entry_id,
  revision: row.revision,
  recordedAt: row.recorded_at,
  primaryEmotion: row.primary_emotion as EkmanEmotion,
  valence: row.valence,
  intensity: row.intensity,
  isPositive: row.is_positive === 1,
  ekmanScores: JSON.parse(row.ekman_scores),
  activities: JSON.parse(row.activities),
  triedAction: row.tried_action,
  safetyLevel: SafetyLevelSchema.parse(row.safety_level),
});

const SafetyLevelSchema = z.enum(SAFETY_LEVELS);

const DEFAULT_SUGGESTIONS = 5;
const REPLY_HISTORY = 10;

export class EmotionalGraph extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => migrateGraphSchema(this.sql));
  }

  /**
   * Records (or replaces) the state of an entry, idempotent by entry id and revision: the same
   * revision again replaces it, an older revision than the stored one is ignored. Transitions are
   * rewired exactly around the state's place in time. Answers what a reply needs.
   */
  async recordState(input: RecordStateInput): Promise<RecordResult> {
    const state = parseRpcArgs("recordState", RecordStateInputSchema, input);
    const stored = this.ctx.storage.transactionSync(() => {
      const existing = this.findState(state.entryId);
      if (existing && existing.revision > state.revision) return existing;
      if (existing) this.unlinkState(existing);
      this.linkState({
        ...state,
        triedAction: state.triedAction === undefined ? (existing?.triedAction ?? null) : state.triedAction,
      });
      return this.findState(state.entryId)!;
    });
    const states = this.allStates();
    return {
      state: stored,
      history: states.slice(-REPLY_HISTORY).reverse(),
      suggestions: rankSuggestions(states, stored.primaryEmotion, DEFAULT_SUGGESTIONS),
      pathToJoy: mostProbablePath(this.weightedEdges(), stored.primaryEmotion, "joy"),
      memory: stored.safetyLevel === "crisis" ? null : findRecoveryMemory(states, stored),
    };
  }

  /** Records many states in one transaction (an import); same rules as recordState. */
  async recordStates(inputs: RecordStateInput[]): Promise<number> {
    const states = parseRpcArgs("recordStates", z.array(RecordStateInputSchema).max(1000), inputs);
    this.ctx.storage.transactionSync(() => {
      for (const state of states) {
        const existing = this.findState(state.entryId);
        if (existing && existing.revision > state.revision) continue;
        if (existing) this.unlinkState(existing);
        this.linkState({ ...state, triedAction: state.triedAction ?? existing?.triedAction ?? null });
      }
    });
    return states.length;
  }

  /** Removes an entry's state (the entry was deleted); its neighbours become consecutive. */
  async removeState(entryId: string): Promise<boolean> {
    const id = parseRpcArgs("removeState", EntryIdSchema, entryId);
    return this.ctx.storage.transactionSync(() => {
      const existing = this.findState(id);
      if (existing) this.unlinkState(existing);
      return existing !== null;
    });
  }

  /** The person tried a suggested action after this entry: it counts as evidence from now on. */
  async markTried(input: { entryId: string; action: string }): Promise<GraphState | null> {
    const { entryId, action } = parseRpcArgs("markTried", MarkTriedInputSchema, input);
    this.sql.exec("UPDATE states SET tried_action = ? WHERE entry_id = ?", action, entryId);
    return this.findState(entryId);
  }

  /** The latest states, newest first. */
  history(limit = 20): GraphState[] {
    const n = parseRpcArgs("history", HistoryLimitSchema, limit);
    return this.sql
      .exec<StateRow>("SELECT * FROM states ORDER BY recorded_at DESC, entry_id DESC LIMIT ?", n)
      .toArray()
      .map(toState);
  }

  async suggestions(emotion: string, limit = DEFAULT_SUGGESTIONS): Promise<Suggestion[]> {
    const args = parseRpcArgs("suggestions", z.tuple([EmotionNameSchema, HistoryLimitSchema]), [emotion, limit]);
    return rankSuggestions(this.allStates(), ...args);
  }

  /** What tends to come with low states of `emotion` (any low state when null), against the baseline. */
  async triggers(emotion: string | null = null, limit = 10): Promise<Trigger[]> {
    const [target, n] = parseRpcArgs("triggers", z.tuple([EmotionNameSchema.nullable(), HistoryLimitSchema]), [emotion, limit]);
    return findTriggers(this.allStates(), target).slice(0, n);
  }

  /** This person's own evidence about an entry, for a language-model follow-up (null when unknown). */
  async followUpGrounding(entryId: string): Promise<FollowUpGrounding | null> {
    const state = this.findState(parseRpcArgs("followUpGrounding", EntryIdSchema, entryId));
    return state ? groundingForFollowUp(this.allStates(), state) : null;
  }

  async path(from: string, to = "joy"): Promise<EmotionPath | null> {
    const [source, target] = parseRpcArgs("path", z.tuple([EmotionNameSchema, EmotionNameSchema]), [from, to]);
    return mostProbablePath(this.weightedEdges(), source, target);
  }

  async graph(): Promise<EmotionGraphView> {
    const nodes = this.sql
      .exec<{ emotion: string; count: number }>(
        "SELECT primary_emotion AS emotion, count(*) AS count FROM states GROUP BY primary_emotion ORDER BY count DESC, emotion",
      )
      .toArray()
      .map((n) => ({ emotion: n.emotion as EkmanEmotion, count: n.count }));
    const edges = this.weightedEdges().map(({ meanMs: _mean, ...edge }) => edge);
    return { nodes, edges, totalStates: nodes.reduce((sum, n) => sum + n.count, 0) };
  }

  async patterns(now: number = Date.now()): Promise<Patterns> {
    return findPatterns(this.allStates(), this.weightedEdges(), parseRpcArgs("patterns", z.number().int(), now));
  }

  /** A short-lived, single-use ticket for opening this person's live socket. */
  async issueLiveTicket(): Promise<string> {
    return issueTicket(this.sql);
  }

  /** Sends an event to every open tab of this person; answers how many received it. */
  async broadcast(event: LiveEvent): Promise<number> {
    return broadcast(this.ctx, parseRpcArgs("broadcast", LiveEventSchema, event));
  }

  /** Only for the live WebSocket: the Worker forwards GET /api/live here with the ticket. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json(errorBody("upgrade_required", "This endpoint only speaks WebSocket."), { status: 426 });
    }
    const secret = new URL(request.url).searchParams.get("ticket")?.split(".")[1] ?? "";
    if (!(await redeemTicket(this.sql, secret))) {
      return Response.json(errorBody("invalid_ticket", "The live ticket is invalid, used or expired. Ask for a new one."), { status: 401 });
    }
    return acceptSocket(this.ctx);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    handleClientMessage(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    closeSocket(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeSocket(ws, 1011, "error");
  }

  async stateCount(): Promise<number> {
    return this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM states").one().n;
  }

  /**
   * Erases everything this person's object stores; part of deleting the account. The empty schema
   * is laid down again at once, so a late call (a queued job, an open tab) meets an empty graph
   * rather than missing tables.
   */
  async deleteAll(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) closeSocket(ws, CLOSE.normal, "Account deleted");
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    migrateGraphSchema(this.sql);
  }

  private findState(entryId: string): GraphState | null {
    const row = this.sql.exec<StateRow>("SELECT * FROM states WHERE entry_id = ?", entryId).toArray()[0];
    return row ? toState(row) : null;
  }

  private allStates(): GraphState[] {
    return this.sql.exec<StateRow>("SELECT * FROM states ORDER BY recorded_at, entry_id").toArray().map(toState);
  }

  /** The states just before and just after a point in time (ties broken by entry id). */
  private neighbours(recordedAt: number, entryId: string) {
    const pick = (sql: string) =>
      this.sql.exec<{ entry_id: string; recorded_at: number; primary_emotion: string }>(sql, recordedAt, recordedAt, entryId).toArray()[0] ?? null;
    return {
      prev: pick(
        "SELECT entry_id, recorded_at, primary_emotion FROM states WHERE recorded_at < ? OR (recorded_at = ? AND entry_id < ?) ORDER BY recorded_at DESC, entry_id DESC LIMIT 1",
      ),
      next: pick(
        "SELECT entry_id, recorded_at, primary_emotion FROM states WHERE recorded_at > ? OR (recorded_at = ? AND entry_id > ?) ORDER BY recorded_at, entry_id LIMIT 1",
      ),
    };
  }

  private addTransition(from: { entry_id: string; recorded_at: number; primary_emotion: string }, to: typeof from) {
    this.sql.exec(
      "INSERT INTO transitions (from_entry, to_entry, from_emotion, to_emotion, delta_ms) VALUES (?, ?, ?, ?, ?)",
      from.entry_id,
      to.entry_id,
      from.primary_emotion,
      to.primary_emotion,
      to.recorded_at - from.recorded_at,
    );
  }

  private linkState(state: GraphState) {
    const { prev, next } = this.neighbours(state.recordedAt, state.entryId);
    if (prev && next) this.sql.exec("DELETE FROM transitions WHERE from_entry = ?", prev.entry_id);
    this.sql.exec(
      `INSERT INTO states (entry_id, revision, recorded_at, primary_emotion, valence, intensity, is_positive, ekman_scores, activities, tried_action, safety_level)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    );
    const self = { entry_id: state.entryId, recorded_at: state.recordedAt, primary_emotion: state.primaryEmotion };
    if (prev) this.addTransition(prev, self);
    if (next) this.addTransition(self, next);
  }

  private unlinkState(state: GraphState) {
    const { prev, next } = this.neighbours(state.recordedAt, state.entryId);
    this.sql.exec("DELETE FROM transitions WHERE from_entry = ? OR to_entry = ?", state.entryId, state.entryId);
    this.sql.exec("DELETE FROM states WHERE entry_id = ?", state.entryId);
    if (prev && next) this.addTransition(prev, next);
  }

  private weightedEdges(): WeightedEdge[] {
    const rows = this.sql
      .exec<{ from_emotion: string; to_emotion: string; delta_ms: number }>(
        "SELECT from_emotion, to_emotion, delta_ms FROM transitions ORDER BY from_emotion, to_emotion",
      )
      .toArray();
    const outgoing = new Map<string, number>();
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      outgoing.set(r.from_emotion, (outgoing.get(r.from_emotion) ?? 0) + 1);
      const key = `${r.from_emotion}>${r.to_emotion}`;
      groups.set(key, [...(groups.get(key) ?? []), r.delta_ms]);
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
}
