// Opens a person's live socket the way a tab does (ticket, then upgrade) and records what arrives.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { BASE, call, json, type TestUser } from "./api.ts";

export interface Tab {
  socket: WebSocket;
  messages: any[];
  closed: { code: number; reason: string } | null;
}

export async function openTab(user: TestUser): Promise<Tab> {
  const { ticket } = await json(await call("POST", "/api/live/ticket", { token: user.token }));
  const res = await exports.default.fetch(new Request(`${BASE}/api/live?ticket=${ticket}`, { headers: { upgrade: "websocket" } }));
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  const tab: Tab = { socket, messages: [], closed: null };
  socket.accept();
  socket.addEventListener("message", (event) => tab.messages.push(JSON.parse(event.data as string)));
  socket.addEventListener("close", (event) => {
    tab.closed = { code: event.code, reason: event.reason };
  });
  return tab;
}

