// Intentions become goals, through the routes: the journal reply offers the goal, the conversation
// keeps the offer, accepting it is POST /api/goals with the offered fields, and the offer then shows
// as taken. Never for a flagged entry; an entry that is not the person's answers 404.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, json, registerUser, type TestUser } from "../helpers/api.ts";

async function write(user: TestUser, content: string) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content } });
  expect(res.status).toBe(201);
  return json(res);
}

async function conversationItem(user: TestUser, entryId: string) {
  const page = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
  return page.items.find((i: { entry_id: string }) => i.entry_id === entryId);
}

describe("Make this a goal", () => {
  it("offers a prefilled goal with the reply, and accepting it creates the goal and marks the offer taken", async () => {
    const user = await registerUser();
    const body = await write(user, "Long week. I want to start running three times a week.");
    expect(body.response.goal_offer).toEqual({
      title: "Start running three times a week",
      life_area: "health",
      description: "From your journal: \u201CI want to start running three times a week.\u201D",
      due_date: null,
      cadence: { times: 3, per: "week" },
    });
    expect(body.response.text).toMatch(/start running three times a week/i);
    // the conversation keeps the offer after a reload
    const before = await conversationItem(user, body.entry_id);
    expect(before.response).toMatchObject({ goal_offer: body.response.goal_offer, goal_id: null });

    // accepting: the offered fields, as they are, with the entry
    const { cadence: _, ...fields } = body.response.goal_offer;
    const res = await call("POST", "/api/goals", { token: user.token, body: { ...fields, entry_id: body.entry_id } });
    expect(res.status).toBe(201);
    const goal = await json(res);
    expect(goal).toMatchObject({ title: "Start running three times a week", life_area: "health", description: fields.description, due_date: null, status: "active", progress: 0 });
    expect((await conversationItem(user, body.entry_id)).response.goal_id).toBe(goal.id);

    // deleting the goal makes the offer open again
    expect((await call("DELETE", `/api/goals/${goal.id}`, { token: user.token })).status).toBe(204);
    expect((await conversationItem(user, body.entry_id)).response.goal_id).toBeNull();
  });

  it("prefills a due date and keeps an edited title", async () => {
    const user = await registerUser();
    const body = await write(user, "I'm going to learn Spanish this year.");
    expect(body.response.goal_offer).toMatchObject({ title: "Learn Spanish", life_area: "growth", due_date: `${new Date().getUTCFullYear()}-12-31` });
    const { cadence: _, ...fields } = body.response.goal_offer;
    const goal = await json(await call("POST", "/api/goals", { token: user.token, body: { ...fields, title: "Learn Spanish to B1", entry_id: body.entry_id } }));
    expect(goal).toMatchObject({ title: "Learn Spanish to B1", due_date: fields.due_date });
  });

  it("offers nothing for an entry without an intention, or one the safety screen flags", async () => {
    const user = await registerUser();
    expect((await write(user, "I wanted to go running but it rained all day.")).response.goal_offer).toBeNull();
    const crisis = await write(user, "I don't want to be alive anymore. I need to stop being a burden.");
    expect(crisis.safety.level).toBe("crisis");
    expect(crisis.response).toMatchObject({ goal_offer: null, suggested_actions: [] });
    const concern = await write(user, "I feel so hopeless lately. I need to start running again.");
    expect(concern.safety.level).toBe("concern");
    expect(concern.response.goal_offer).toBeNull();
    expect((await conversationItem(user, concern.entry_id)).response.goal_offer).toBeNull();
  });

  it("answers 404 for someone else's entry and 400 for a malformed one, and creates nothing", async () => {
    const owner = await registerUser();
    const other = await registerUser();
    const body = await write(owner, "I need to call mum more.");
    expect(body.response.goal_offer).toMatchObject({ title: "Call mum more", life_area: "relationships" });
    await expectError(await call("POST", "/api/goals", { token: other.token, body: { title: "Call mum more", entry_id: body.entry_id } }), 404);
    await expectError(await call("POST", "/api/goals", { token: other.token, body: { title: "Call mum more", entry_id: "not-an-id" } }), 400);
    expect((await json(await call("GET", "/api/goals", { token: other.token }))).goals).toEqual([]);
    expect((await conversationItem(owner, body.entry_id)).response.goal_id).toBeNull();
  });
});

describe("the previous reply, read at a flat cost", () => {
  it("is one row found through the (user_id, created_at) index", async () => {
    const plan = await env.DB.prepare("EXPLAIN QUERY PLAN SELECT text FROM replies WHERE user_id = ? ORDER BY created_at DESC LIMIT 1").bind("someone").all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail).join(" | ");
    expect(details).toMatch(/USING (COVERING )?INDEX replies_user_created/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
