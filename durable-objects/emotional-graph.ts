// One EmotionalGraph per person: their emotional states (one per analysed entry), the transitions
// between consecutive states and the aggregates every answer is read from (graph-aggregates.ts), in
// the object's own SQLite storage, so that every update for one person is serialised and nothing
// lives only in memory. Public methods are RPC.
import { DurableObject } from "cloudflare:workers";
import { z } from "zod";
import * as aggregates from "./graph-aggregates.ts";
import { groundingFor, nodesFor, recoveryMemoryFor, suggestionsFor, triggersFor, weightedEdgesFor } from "./graph-aggregates.ts";
import { findPatterns, mostProbablePath } from "./graph-algorithms.ts";
import { migrateGraphSchema } from "./graph-schema.ts";
import { SqlGraphStore, STATE_COLUMNS, toState, type StateRow } from "./graph-store.ts";
import { parseRpcArgs } from "./rpc-validation.ts";
import { errorBody } from "../worker/lib/errors.ts";
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

const DEFAULT_SUGGESTIONS = 5;
const REPLY_HISTORY = 10;

type ParsedState = z.output<typeof RecordStateInputSchema>;

export class EmotionalGraph extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** The states and their aggregates (graph-aggregates.ts): every write and answer below is flat in history. */
  private readonly store: SqlGraphStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.store = new SqlGraphStore(this.sql);
    ctx.blockConcurrencyWhile(async () => migrateGraphSchema(ctx.storage));
  }

  /**
   * Records (or replaces) the state of an entry, idempotent by entry id and revision: the same
   * revision again replaces it, an older revision than the stored one is ignored. Transitions are
   * rewired exactly around the state's place in time. Answers what a reply needs.
   */
  async recordState(input: RecordStateInput): Promise<RecordResult> {
    const state = parseRpcArgs("recordState", RecordStateInputSchema, input);
    const stored = this.ctx.storage.transactionSync(() => {
      const newer = this.record(state, (existing) => (state.triedAction === undefined ? (existing?.triedAction ?? null) : state.triedAction));
      return newer ?? this.store.state(state.entryId)!;
    });
    return {
      state: stored,
      history: this.store.latest(REPLY_HISTORY),
      suggestions: suggestionsFor(this.store, stored.primaryEmotion, DEFAULT_SUGGESTIONS),
      pathToJoy: mostProbablePath(weightedEdgesFor(this.store), stored.primaryEmotion, "joy"),
      memory: stored.safetyLevel === "crisis" ? null : recoveryMemoryFor(this.store, stored),
    };
  }

  /** Records many states in one transaction (an import); same rules as recordState. */
  async recordStates(inputs: RecordStateInput[]): Promise<number> {
    const states = parseRpcArgs("recordStates", z.array(RecordStateInputSchema).max(1000), inputs);
    this.ctx.storage.transactionSync(() => {
      for (const state of states) this.record(state, (existing) => state.triedAction ?? existing?.triedAction ?? null);
    });
    return states.length;
  }

  /** Removes an entry's state (the entry was deleted); its neighbours become consecutive. */
  async removeState(entryId: string): Promise<boolean> {
    const id = parseRpcArgs("removeState", EntryIdSchema, entryId);
    return this.ctx.storage.transactionSync(() => {
      const existing = this.store.state(id);
      if (existing) aggregates.removeState(this.store, existing);
      return existing !== null;
    });
  }

  /** The person tried a suggested action after this entry: it counts as evidence from now on. */
  async markTried(input: { entryId: string; action: string }): Promise<GraphState | null> {
    const { entryId, action } = parseRpcArgs("markTried", MarkTriedInputSchema, input);
    return this.ctx.storage.transactionSync(() => {
      const state = this.store.state(entryId);
      if (!state) return null;
      aggregates.markTried(this.store, state, action);
      return this.store.state(entryId);
    });
  }

  /** The latest states, newest first. */
  history(limit = 20): GraphState[] {
    return this.store.latest(parseRpcArgs("history", HistoryLimitSchema, limit));
  }

  async suggestions(emotion: string, limit = DEFAULT_SUGGESTIONS): Promise<Suggestion[]> {
    const args = parseRpcArgs("suggestions", z.tuple([EmotionNameSchema, HistoryLimitSchema]), [emotion, limit]);
    return suggestionsFor(this.store, ...args);
  }

  /** What tends to come with low states of `emotion` (any low state when null), against the baseline. */
  async triggers(emotion: string | null = null, limit = 10): Promise<Trigger[]> {
    const [target, n] = parseRpcArgs("triggers", z.tuple([EmotionNameSchema.nullable(), HistoryLimitSchema]), [emotion, limit]);
    return triggersFor(this.store, target, n);
  }

  /** This person's own evidence about an entry, for a language-model follow-up (null when unknown). */
  async followUpGrounding(entryId: string): Promise<FollowUpGrounding | null> {
    const state = this.store.state(parseRpcArgs("followUpGrounding", EntryIdSchema, entryId));
    return state ? groundingFor(this.store, state) : null;
  }

  async path(from: string, to = "joy"): Promise<EmotionPath | null> {
    const [source, target] = parseRpcArgs("path", z.tuple([EmotionNameSchema, EmotionNameSchema]), [from, to]);
    return mostProbablePath(weightedEdgesFor(this.store), source, target);
  }

  async graph(): Promise<EmotionGraphView> {
    const nodes = nodesFor(this.store);
    const edges = weightedEdgesFor(this.store).map(({ meanMs: _mean, ...edge }) => edge);
    return { nodes, edges, totalStates: nodes.reduce((sum, n) => sum + n.count, 0) };
  }

  /**
   * Recovery episodes and loops for the Insights page. Not on the write or reply path, and its answer
   * lists every episode of the whole history, so it reads every state.
   */
  async patterns(now: number = Date.now()): Promise<Patterns> {
    return findPatterns(this.allStates(), weightedEdgesFor(this.store), parseRpcArgs("patterns", z.number().int(), now));
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
    return this.store.stateCount();
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
    migrateGraphSchema(this.ctx.storage);
  }

  /**
   * Stores a state in place of any older revision; answers the stored state instead when it is the
   * newer one (and changes nothing). An edit is a removal and an insertion, so an entry moved in time
   * is rewired at both places.
   */
  private record(input: ParsedState, triedAction: (existing: GraphState | null) => string | null): GraphState | null {
    const existing = this.store.state(input.entryId);
    if (existing && existing.revision > input.revision) return existing;
    if (existing) aggregates.removeState(this.store, existing);
    aggregates.insertState(this.store, { ...input, triedAction: triedAction(existing) });
    return null;
  }

  private allStates(): GraphState[] {
    return this.sql.exec<StateRow>(`SELECT ${STATE_COLUMNS} FROM states ORDER BY recorded_at, entry_id`).toArray().map(toState);
  }
}
