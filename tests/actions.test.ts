// Action items: kept from each ready insight (idempotent per revision, marked ones kept), listed in
// cursor pages, marked done or dropped (done counts in the graph once), and followed up gently a day
// or more later, never on or after a crisis or concern entry. Validation and isolation for each route.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dueDateOf, followUpText, graphActionOf, intentionPhrase, secondPerson } from "../worker/services/actions.ts";
import { graphFor } from "../worker/services/graph.ts";
import { call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { deliver } from "./queues/helpers.ts";

const DAY = 86_400_000;
const INTENTION = "Work was stressful today. I need to talk to my manager about the deadline.";
const CRISIS = "I don't want to be alive anymore. I've been thinking about ending it all.";
const CONCERN = "I feel numb and empty, like nothing matters. I need to call my sister.";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A person whose insight jobs are delivered by the test, not by the queue in the background. */
async function quietUser(): Promise<TestUser> {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  return user;
}

/** Writes a journal entry and runs its analysis; answers the entry id. */
async function analysedEntry(user: TestUser, content: string): Promise<string> {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content } });
  expect(res.status).toBe(201);
  const id = (await json(res)).entry_id as string;
  await deliver({ type: "analyze-entry", entryId: id, userId: user.id, revision: 1 });
  return id;
}

const listActions = async (user: TestUser, query = "") => {
  const res = await call("GET", `/api/actions${query}`, { token: user.token });
  expect(res.status).toBe(200);
  return json<{ items: { id: string; entry_id: string; text: string; status: string; due_date: string | null }[]; next_cursor: string | null }>(res);
};

const storedItems = async (userId: string) =>
  (await env.DB.prepare("SELECT id, status, text, revision, credited_at FROM action_items WHERE user_id = ? ORDER BY id").bind(userId).all()).results;

const ageItems = (userId: string, byMs: number) => env.DB.prepare("UPDATE action_items SET created_at = created_at - ? WHERE user_id = ?").bind(byMs, userId).run();

describe("the words of an intention", () => {
  it("finds the phrase behind the frame and speaks it back", () => {
    expect(intentionPhrase("I need to talk to my manager about the deadline")).toBe("talk to my manager about the deadline");
    expect(intentionPhrase("Tomorrow, I'll call my sister tomorrow.")).toBe("call my sister");
    expect(intentionPhrase("I'm going to finally book the dentist on Friday")).toBe("book the dentist");
    expect(intentionPhrase("The weather was nice")).toBeNull();
    expect(secondPerson("talk to my manager about me")).toBe("talk to your manager about you");
    expect(graphActionOf("I need to talk to my manager")).toBe("talk to my manager");
    expect(graphActionOf(`I will ${"walk the long way round ".repeat(6)}`).length).toBeLessThanOrEqual(80);
    expect(followUpText({ id: "a", text: "I need to talk to my manager" })).toMatch(/talk to your manager/);
    expect(followUpText({ id: "a", text: "Note: the weather" })).toContain("\u201CNote: the weather\u201D");
  });

  it("reads a due day in the person's time zone", () => {
    const monday = Date.parse("2026-11-23T10:00:00Z");
    expect(dueDateOf("I'll call her tomorrow", monday, "UTC")).toBe("2026-11-24");
    expect(dueDateOf("I need to fix it today", monday, "UTC")).toBe("2026-11-23");
    expect(dueDateOf("I'll book it on Friday", monday, "UTC")).toBe("2026-11-27");
    expect(dueDateOf("I'll see him Monday", monday, "UTC")).toBe("2026-11-30");
    expect(dueDateOf("I'll tidy up this weekend", monday, "UTC")).toBe("2026-11-28");
    expect(dueDateOf("I'll start next week", monday, "UTC")).toBe("2026-11-30");
    expect(dueDateOf("I'll call her tomorrow", Date.parse("2026-11-23T23:30:00Z"), "Asia/Tokyo")).toBe("2026-11-25");
    expect(dueDateOf("I need to call her", monday, "UTC")).toBeNull();
  });
});

describe("action items from insights", () => {
  it("keeps the insight's intentions once per revision, replacing only the open ones on a re-analysis", async () => {
    const user = await quietUser();
    const entryId = await analysedEntry(user, INTENTION);
    const first = await listActions(user);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ entry_id: entryId, status: "open", text: expect.stringMatching(/talk to my manager/i) });
    // A redelivery of the same job changes nothing.
    await deliver({ type: "analyze-entry", entryId, userId: user.id, revision: 1 });
    expect((await listActions(user)).items).toEqual(first.items);

    const done = first.items[0]!;
    expect((await call("PATCH", `/api/actions/${done.id}`, { token: user.token, body: { status: "done" } })).status).toBe(200);
    const edit = await call("PUT", `/api/entries/${entryId}`, {
      token: user.token,
      body: { content: `${INTENTION} I want to start running three times a week.` },
    });
    expect(edit.status).toBe(200);
    await deliver({ type: "analyze-entry", entryId, userId: user.id, revision: 2 });
    const after = await listActions(user);
    // The done one stays done (same row); the new intention is open.
    expect(after.items.find((i) => i.id === done.id)?.status).toBe("done");
    expect(after.items.filter((i) => i.status === "open").map((i) => i.text)).toEqual([expect.stringMatching(/start running/i)]);

    // Edited again without the running: its open item goes, the done one stays.
    await call("PUT", `/api/entries/${entryId}`, { token: user.token, body: { content: INTENTION } });
    await deliver({ type: "analyze-entry", entryId, userId: user.id, revision: 3 });
    expect((await listActions(user)).items.map((i) => [i.id, i.status])).toEqual([[done.id, "done"]]);
  });

  it("keeps none from a crisis entry", async () => {
    const user = await quietUser();
    const entryId = await analysedEntry(user, `${CRISIS} I will ring the bank tomorrow.`);
    const insight = await json(await call("GET", `/api/entries/${entryId}/insight`, { token: user.token }));
    expect(insight.action_items.length).toBeGreaterThan(0);
    expect((await listActions(user)).items).toEqual([]);
  });

  it("deleting the entry deletes its items", async () => {
    const user = await quietUser();
    const entryId = await analysedEntry(user, INTENTION);
    expect((await listActions(user)).items).toHaveLength(1);
    expect((await call("DELETE", `/api/entries/${entryId}`, { token: user.token })).status).toBe(204);
    expect(await storedItems(user.id)).toEqual([]);
  });
});

describe("GET /api/actions", () => {
  it("pages newest first with a cursor and filters by status", async () => {
    const user = await quietUser();
    const texts = ["I need to call the bank.", "I will book the dentist.", "I need to email Sam back."];
    for (const text of texts) await analysedEntry(user, text);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listActions(user, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(3);
    const all = await listActions(user);
    expect(seen).toEqual(all.items.map((i) => i.id));
    await call("PATCH", `/api/actions/${seen[0]}`, { token: user.token, body: { status: "dropped" } });
    expect((await listActions(user, "?status=dropped")).items.map((i) => i.id)).toEqual([seen[0]]);
    expect((await listActions(user, "?status=open")).items).toHaveLength(2);
  });

  it("refuses a bad filter or cursor in the envelope", async () => {
    const user = await quietUser();
    await expectError(await call("GET", "/api/actions?status=finished", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/actions?cursor=%%%", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/actions?limit=0", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/actions"), 401);
  });

  it("shows only the person's own items", async () => {
    const owner = await quietUser();
    const other = await quietUser();
    await analysedEntry(owner, INTENTION);
    expect((await listActions(owner)).items).toHaveLength(1);
    expect((await listActions(other)).items).toEqual([]);
  });
});

describe("PATCH /api/actions/{id}", () => {
  it("done counts in the graph like a tried suggestion, once", async () => {
    const user = await quietUser();
    const entryId = await analysedEntry(user, INTENTION);
    const [item] = (await listActions(user)).items;
    const res = await call("PATCH", `/api/actions/${item!.id}`, { token: user.token, body: { status: "done" } });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: item!.id, status: "done" });
    const reply = await env.DB.prepare("SELECT tried_action FROM replies WHERE entry_id = ?").bind(entryId).first<{ tried_action: string }>();
    expect(reply?.tried_action).toBe("talk to my manager about the deadline");
    const history = await graphFor(env, user.id).history(5);
    expect(history.find((s) => s.entryId === entryId)?.triedAction).toBe("talk to my manager about the deadline");
    const awards = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM point_transactions WHERE user_id = ? AND reason = 'suggestion-tried'").bind(user.id).first<{ n: number }>())?.n;
    expect(await awards()).toBe(1);

    // Reopened and done again: recorded once.
    await call("PATCH", `/api/actions/${item!.id}`, { token: user.token, body: { status: "open" } });
    await env.DB.prepare("UPDATE replies SET tried_action = NULL WHERE entry_id = ?").bind(entryId).run();
    await call("PATCH", `/api/actions/${item!.id}`, { token: user.token, body: { status: "done" } });
    expect((await env.DB.prepare("SELECT tried_action FROM replies WHERE entry_id = ?").bind(entryId).first<{ tried_action: string | null }>())?.tried_action).toBeNull();
    expect(await awards()).toBe(1);
  });

  it("validates the body and the id, changing nothing", async () => {
    const user = await quietUser();
    await analysedEntry(user, INTENTION);
    const [item] = (await listActions(user)).items;
    const before = await storedItems(user.id);
    await expectError(await call("PATCH", `/api/actions/${item!.id}`, { token: user.token, body: { status: "finished" } }), 400, "validation_failed");
    await expectError(await call("PATCH", `/api/actions/${item!.id}`, { token: user.token, body: {} }), 400, "validation_failed");
    await expectError(await call("PATCH", "/api/actions/not-a-uuid", { token: user.token, body: { status: "done" } }), 400, "validation_failed");
    await expectError(await call("PATCH", `/api/actions/${crypto.randomUUID()}`, { token: user.token, body: { status: "done" } }), 404, "not_found");
    expect(await storedItems(user.id)).toEqual(before);
  });

  it("another person's item answers 404 and stays as it was", async () => {
    const owner = await quietUser();
    const other = await quietUser();
    await analysedEntry(owner, INTENTION);
    const [item] = (await listActions(owner)).items;
    const before = await storedItems(owner.id);
    await expectError(await call("PATCH", `/api/actions/${item!.id}`, { token: other.token, body: { status: "done" } }), 404, "not_found");
    expect(await storedItems(owner.id)).toEqual(before);
  });
});

describe("GET /api/actions/follow-up", () => {
  const followUp = async (user: TestUser) => {
    const res = await call("GET", "/api/actions/follow-up", { token: user.token });
    expect(res.status).toBe(200);
    return (await json(res)).follow_up as { text: string; item: { id: string } } | null;
  };

  it("asks about one intention a day or more after it was written", async () => {
    const user = await quietUser();
    await analysedEntry(user, INTENTION);
    await analysedEntry(user, "I will book the dentist.");
    expect(await followUp(user)).toBeNull();
    await ageItems(user.id, 2 * DAY);
    const asked = await followUp(user);
    expect(asked?.text).toMatch(/(talk to your manager|book the dentist).*\?$/);
    // Done, it is not asked about again; the other one is.
    await call("PATCH", `/api/actions/${asked!.item.id}`, { token: user.token, body: { status: "done" } });
    const next = await followUp(user);
    expect(next).not.toBeNull();
    expect(next!.item.id).not.toBe(asked!.item.id);
    await call("PATCH", `/api/actions/${next!.item.id}`, { token: user.token, body: { status: "dropped" } });
    expect(await followUp(user)).toBeNull();
  });

  it("never after a crisis or concern entry, nor about an intention from one", async () => {
    const user = await quietUser();
    await analysedEntry(user, INTENTION);
    await ageItems(user.id, 2 * DAY);
    expect(await followUp(user)).not.toBeNull();
    await analysedEntry(user, CRISIS);
    expect(await followUp(user)).toBeNull();
    await analysedEntry(user, "A calm evening with a book.");
    expect(await followUp(user)).not.toBeNull();
    await analysedEntry(user, "I feel numb and empty, like nothing matters.");
    expect(await followUp(user)).toBeNull();

    const concerned = await quietUser();
    await analysedEntry(concerned, CONCERN);
    expect((await listActions(concerned)).items).toHaveLength(1);
    await ageItems(concerned.id, 2 * DAY);
    await analysedEntry(concerned, "A calm evening with a book.");
    expect(await followUp(concerned)).toBeNull();
  });

  it("only ever the person's own", async () => {
    const owner = await quietUser();
    const other = await quietUser();
    await analysedEntry(owner, INTENTION);
    await ageItems(owner.id, 2 * DAY);
    await analysedEntry(other, "A calm evening with a book.");
    expect(await followUp(other)).toBeNull();
    await expectError(await call("GET", "/api/actions/follow-up"), 401);
  });
});
