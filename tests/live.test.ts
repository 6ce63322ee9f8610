// The live channel: tickets, two tabs of one person, nobody else's events, invalid tickets and
// messages, and sockets surviving the object's hibernation.
import { evictDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { graphFor } from "../worker/services/graph.ts";
import { BASE, call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";
import { openTab } from "./helpers/live.ts";
import { deliver, eventually, sleep } from "./queues/helpers.ts";

async function quietUserWithEntry() {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  const entry = await createEntry(user.token, { content: "A sad and lonely evening. I miss my brother." });
  return { user, entry };
}

describe("/api/live", () => {
  it("delivers insight.ready to every tab of the person and to nobody else", async () => {
    const { user, entry } = await quietUserWithEntry();
    const stranger = await registerUser();
    const [tabA, tabB, strangerTab] = [await openTab(user), await openTab(user), await openTab(stranger)];
    await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
    for (const tab of [tabA, tabB]) {
      const event = await eventually(async () => tab.messages.find((m) => m.type === "insight.ready"));
      expect(event).toMatchObject({ entry_id: entry.id, revision: 1, summary: expect.any(String), topics: expect.any(Array) });
    }
    // The first analysed entry also pays points and earns the first achievements (it names someone).
    const points = await eventually(async () => tabA.messages.find((m) => m.type === "points.awarded"));
    expect(points).toMatchObject({
      points: 60,
      reason: "entry-analysed",
      total: 60,
      achievements: [
        { code: "first-entry", title: "First page" },
        { code: "first-person", title: "Not alone" },
      ],
    });
    await sleep(100);
    expect(strangerTab.messages).toEqual([]);
    for (const tab of [tabA, tabB, strangerTab]) tab.socket.close(1000, "done");
  });

  it("refuses a missing, malformed, forged, reused or non-WebSocket ticket", async () => {
    const user = await registerUser();
    const open = (query: string, headers: Record<string, string> = { upgrade: "websocket" }) =>
      exports.default.fetch(new Request(`${BASE}/api/live${query}`, { headers }));
    await expectError(await open(""), 400);
    await expectError(await open("?ticket=abc"), 400);
    await expectError(await open(`?ticket=${user.id}.${"A".repeat(43)}`), 401, "invalid_ticket");
    const { ticket } = await json(await call("POST", "/api/live/ticket", { token: user.token }));
    await expectError(await open(`?ticket=${ticket}`, {}), 426);
    // Someone else's id with this person's secret opens nothing.
    const other = await registerUser();
    await expectError(await open(`?ticket=${other.id}.${ticket.split(".")[1]}`), 401);
    expect((await open(`?ticket=${ticket}`)).status).toBe(101);
    await expectError(await open(`?ticket=${ticket}`), 401, "invalid_ticket");
    await expectError(await call("POST", "/api/live/ticket"), 401);
  });

  it("answers a ping and closes the socket on anything else, with a clear code", async () => {
    const user = await registerUser();
    const tab = await openTab(user);
    tab.socket.send(JSON.stringify({ type: "ping" }));
    const pong = await eventually(async () => tab.messages.find((m) => m.type === "pong"));
    expect(Date.parse(pong.connected_at)).toBeGreaterThan(Date.now() - 60_000);
    tab.socket.send(JSON.stringify({ type: "subscribe", user: "someone-else" }));
    const closed = await eventually(async () => tab.closed);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/ping/);
  });

  it("survives hibernation: the object is evicted, the socket stays and its state comes back", async () => {
    const user = await registerUser();
    const tab = await openTab(user);
    tab.socket.send(JSON.stringify({ type: "ping" }));
    const before = await eventually(async () => tab.messages.find((m) => m.type === "pong"));
    const graph = graphFor(env, user.id);
    await evictDurableObject(graph);
    tab.socket.send(JSON.stringify({ type: "ping" }));
    const after = await eventually(async () => tab.messages.filter((m) => m.type === "pong")[1]);
    expect(after.connected_at).toBe(before.connected_at);
    expect(await graph.broadcast({ type: "graph.updated", entry_id: "e", primary_emotion: "joy" })).toBe(1);
    await eventually(async () => tab.messages.find((m) => m.type === "graph.updated"));
    tab.socket.close(1000, "done");
  });
});
