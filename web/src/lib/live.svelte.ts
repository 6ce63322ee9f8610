// The live channel: one WebSocket per tab to the person's EmotionalGraph object. Every (re)connect
// asks for a fresh single-use ticket; drops are retried with capped exponential backoff and jitter;
// a ping every 30 s keeps idle proxies from closing the socket. Views subscribe with onLiveEvent.
import type { LiveEvent } from "../../.svelte-kit/api-types/worker/live/events.d.ts";
import { api } from "./api.ts";

export type { LiveEvent };
export type LiveStatus = "off" | "connecting" | "open" | "retrying";

const PING_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
const EVENT_TYPES = new Set<string>(["insight.ready", "insight.failed", "graph.updated", "points.awarded", "weekly.ready", "safety.concern", "reply.refined", "pong"]);

/** Reactive: views show whether updates arrive live or by checking now and then. */
export const live = $state<{ status: LiveStatus }>({ status: "off" });

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();
const openListeners = new Set<() => void>();

let socket: WebSocket | null = null;
let wanted = false;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;

export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called on every successful (re)connect: events sent while the socket was down are lost. */
export function onLiveOpen(listener: () => void): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

function isLiveEvent(value: unknown): value is LiveEvent {
  return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && EVENT_TYPES.has(value.type);
}

async function connect(): Promise<void> {
  if (!wanted || socket) return;
  clearTimeout(retryTimer);
  live.status = attempt === 0 ? "connecting" : "retrying";
  let url: string;
  try {
    const res = await api.api.live.ticket.$post();
    if (!res.ok) throw new Error(`ticket ${res.status}`);
    url = (await res.json()).url;
  } catch {
    scheduleRetry();
    return;
  }
  if (!wanted || socket) return;
  const ws = new WebSocket(location.origin.replace(/^http/, "ws") + url);
  socket = ws;
  ws.addEventListener("open", () => {
    attempt = 0;
    live.status = "open";
    clearInterval(pingTimer);
    pingTimer = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "ping" }));
    }, PING_MS);
    for (const listener of openListeners) listener();
  });
  ws.addEventListener("message", (message) => {
    if (typeof message.data !== "string") return;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!isLiveEvent(data)) return;
    for (const listener of listeners) listener(data);
  });
  ws.addEventListener("close", () => {
    if (socket === ws) socket = null;
    clearInterval(pingTimer);
    if (wanted) scheduleRetry();
    else live.status = "off";
  });
}

function scheduleRetry(): void {
  if (!wanted) return;
  live.status = "retrying";
  const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
  attempt = Math.min(attempt + 1, 10);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void connect(), delay);
}

/** Back online, or back to the tab: try now rather than waiting out the backoff. */
function retryNow(): void {
  if (!wanted || socket) return;
  if (document.visibilityState === "hidden") return;
  attempt = 0;
  void connect();
}

let windowHooked = false;

export function startLive(): void {
  if (wanted) return;
  wanted = true;
  attempt = 0;
  if (!windowHooked) {
    windowHooked = true;
    window.addEventListener("online", retryNow);
    document.addEventListener("visibilitychange", retryNow);
  }
  void connect();
}

export function stopLive(): void {
  wanted = false;
  clearTimeout(retryTimer);
  clearInterval(pingTimer);
  const ws = socket;
  socket = null;
  live.status = "off";
  ws?.close(1000, "Signed out");
}
