// Each entry's deep insight as the app knows it, shared by every view. Updated live by the
// WebSocket; when the socket is down (or an insight is slow), pending insights are fetched now and
// then instead, so the page never needs a reload.
import { api } from "./api.ts";
import { problemFromError, problemFromResponse } from "./errors.ts";
import { live, onLiveEvent, onLiveOpen } from "./live.svelte.ts";
import type { Insight } from "./types.ts";

export type InsightStatus = "pending" | "ready" | "failed" | "none";

export interface InsightState {
  status: InsightStatus;
  /** The revision this state is about; events for older revisions are ignored. */
  revision: number;
  summary: string | null;
  topics: string[];
  questions: string[];
  /** The whole insight (beliefs, challenges, …) once fetched. */
  full: Insight | null;
  reason: string | null;
  loading: boolean;
  error: string | null;
  since: number;
}

const POLL_MS = 3_000;
/** Even with the socket open, check a pending insight that takes longer than this. */
const SLOW_MS = 15_000;

const states = $state<Record<string, InsightState>>({});
let pollTimer: ReturnType<typeof setInterval> | undefined;

export const insightOf = (entryId: string): InsightState | undefined => states[entryId];

function blank(status: InsightStatus, revision: number): InsightState {
  return { status, revision, summary: null, topics: [], questions: [], full: null, reason: null, loading: false, error: null, since: Date.now() };
}

interface TrackOptions {
  /** Fetch the details now (a ready insight's summary, a failed one's reason). */
  load?: boolean;
  /** The entry's current revision: a new revision starts over as pending. */
  revision?: number;
}

/** Starts following an entry's insight from the status a list or a write reported. */
export function trackInsight(entryId: string, status: InsightStatus | null, options: TrackOptions = {}): void {
  const revision = options.revision ?? 0;
  const known = states[entryId];
  const next = status ?? "none";
  if (known && known.revision > revision) return;
  if (known && known.revision === revision) {
    // A list may report "pending" after the live event already said "ready": keep what is newer.
    if (next === "pending" && known.status !== "none") return;
    if (known.status === next && (known.full || known.summary || !options.load)) return;
  }
  if (!known || known.revision < revision || known.status !== next) states[entryId] = blank(next, revision);
  if (next === "pending") ensurePolling();
  else if (options.load && next !== "none") void loadInsight(entryId);
}

/** Fetches the insight; a 404 means AI analysis was off for this entry. */
export async function loadInsight(entryId: string): Promise<void> {
  const state = (states[entryId] ??= blank("pending", 0));
  if (state.loading) return;
  state.loading = true;
  state.error = null;
  try {
    const res = await api.api.entries[":id"].insight.$get({ param: { id: entryId } });
    // Documented but not in the handler's inferred type: the error handler answers it.
    if ((res.status as number) === 404) {
      state.status = "none";
      return;
    }
    if (!res.ok) {
      state.error = (await problemFromResponse(res)).message;
      return;
    }
    const insight = await res.json();
    if (insight.revision < state.revision) return;
    state.revision = insight.revision;
    state.full = insight;
    state.summary = insight.summary;
    state.topics = insight.topics;
    state.questions = insight.questions;
    state.reason = insight.error;
    if (state.status !== insight.status) {
      state.status = insight.status;
      if (insight.status === "pending") {
        state.since = Date.now();
        ensurePolling();
      }
    }
  } catch (err) {
    state.error = problemFromError(err).message;
  } finally {
    state.loading = false;
  }
}

function ensurePolling(): void {
  pollTimer ??= setInterval(poll, POLL_MS);
}

function poll(): void {
  const pending = Object.entries(states).filter(([, s]) => s.status === "pending");
  if (pending.length === 0) {
    clearInterval(pollTimer);
    pollTimer = undefined;
    return;
  }
  const now = Date.now();
  for (const [id, state] of pending) {
    if (live.status !== "open" || now - state.since > SLOW_MS) void loadInsight(id);
  }
}

let hooked = false;

/** Wires the tracker to the live channel; called once by the layout. */
export function connectInsightsToLive(): void {
  if (hooked) return;
  hooked = true;
  onLiveEvent((event) => {
    if (event.type === "insight.ready") {
      const known = states[event.entry_id];
      if (known && known.revision > event.revision) return;
      const state = blank("ready", event.revision);
      state.summary = event.summary;
      state.topics = event.topics;
      state.questions = event.questions;
      states[event.entry_id] = state;
    } else if (event.type === "insight.failed") {
      const known = states[event.entry_id];
      if (known && known.revision > event.revision) return;
      const state = blank("failed", event.revision);
      state.reason = event.reason;
      states[event.entry_id] = state;
    }
  });
  // Whatever finished while the socket was down was never announced: ask.
  onLiveOpen(() => {
    for (const [id, state] of Object.entries(states)) if (state.status === "pending") void loadInsight(id);
  });
}

/** Forgets everything (sign-out: the next person must not see these). */
export function resetInsights(): void {
  for (const id of Object.keys(states)) delete states[id];
  clearInterval(pollTimer);
  pollTimer = undefined;
}
