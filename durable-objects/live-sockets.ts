// The person's live connections, held by their EmotionalGraph with the WebSocket hibernation API:
// single-use tickets (stored hashed, short-lived), accepting sockets, answering pings from the
// attachment (so a woken object needs no memory of its own), and broadcasting events.
import { z } from "zod";
import { CLOSE, ClientMessageSchema, LIVE_TICKET_TTL_MS, type LiveEvent } from "../worker/live/events.ts";
import { bytesToBase64Url, randomBytes, sha256Base64Url } from "../worker/lib/encoding.ts";

/** What each socket carries through hibernation (serializeAttachment), parsed when it wakes. */
const SocketAttachmentSchema = z.object({ connectedAt: z.number() });
type SocketAttachment = z.infer<typeof SocketAttachmentSchema>;

export async function issueTicket(sql: SqlStorage): Promise<string> {
  const secret = bytesToBase64Url(randomBytes(32));
  const now = Date.now();
  sql.exec("DELETE FROM live_tickets WHERE expires_at <= ?", now);
  sql.exec("INSERT INTO live_tickets (ticket_hash, expires_at) VALUES (?, ?)", await sha256Base64Url(secret), now + LIVE_TICKET_TTL_MS);
  return secret;
}

/** True once per valid ticket: a used or expired ticket never opens a socket. */
export async function redeemTicket(sql: SqlStorage, secret: string): Promise<boolean> {
  const hash = await sha256Base64Url(secret);
  const row = sql.exec<{ expires_at: number }>("DELETE FROM live_tickets WHERE ticket_hash = ? RETURNING expires_at", hash).toArray()[0];
  return row !== undefined && row.expires_at > Date.now();
}

export function acceptSocket(ctx: DurableObjectState): Response {
  const { 0: client, 1: server } = new WebSocketPair();
  ctx.acceptWebSocket(server);
  server.serializeAttachment({ connectedAt: Date.now() } satisfies SocketAttachment);
  return new Response(null, { status: 101, webSocket: client });
}

export function handleClientMessage(ws: WebSocket, message: string | ArrayBuffer): void {
  if (typeof message !== "string") {
    ws.close(CLOSE.unsupportedData, "Binary messages are not supported");
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    parsed = undefined;
  }
  const result = ClientMessageSchema.safeParse(parsed);
  if (!result.success) {
    ws.close(CLOSE.policyViolation, "Unknown message: only {\"type\":\"ping\"} is accepted");
    return;
  }
  // A socket without a readable attachment still gets its pong, dated now.
  const attachment = SocketAttachmentSchema.safeParse(ws.deserializeAttachment());
  send(ws, { type: "pong", connected_at: new Date(attachment.success ? attachment.data.connectedAt : Date.now()).toISOString() });
}

function send(ws: WebSocket, event: LiveEvent): boolean {
  try {
    ws.send(JSON.stringify(event));
    return true;
  } catch {
    return false; // the socket is closing; the tab will reconnect
  }
}

export function broadcast(ctx: DurableObjectState, event: LiveEvent): number {
  return ctx.getWebSockets().filter((ws) => send(ws, event)).length;
}

export function closeSocket(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code === 1005 || code === 1006 ? CLOSE.normal : code, reason);
  } catch {
    // Already closed by the runtime.
  }
}
