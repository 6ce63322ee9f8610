// The seeds' paths: GET /api/journal/entries lists journal entries in the shape POST answers
// (Reflectly's), and GET /api/entries/{id}/insights answers exactly as /insight (Reflekt's).
import { describe, expect, it } from "vitest";
import { call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { deliver } from "./queues/helpers.ts";

async function quietUser(): Promise<TestUser> {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  return user;
}

const write = async (user: TestUser, content: string) => {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content } });
  expect(res.status).toBe(201);
  return json(res);
};

describe("GET /api/journal/entries", () => {
  it("lists entries newest first, each in POST's shape with its emotion, in cursor pages", async () => {
    const user = await quietUser();
    const written = [];
    for (const content of ["A lovely walk by the sea, I feel so happy.", "Work was stressful and I feel anxious.", "Quiet evening at home."]) {
      written.push(await write(user, content));
    }
    const res = await call("GET", "/api/journal/entries", { token: user.token });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.next_cursor).toBeNull();
    expect(body.entries.map((e: { entry_id: string }) => e.entry_id)).toEqual(written.map((w) => w.entry_id).reverse());
    const newest = body.entries[0];
    const posted = written[2];
    expect(newest).toEqual({
      entry_id: posted.entry_id,
      response_id: posted.response_id,
      content: "Quiet evening at home.",
      created_at: expect.any(String),
      response: { text: posted.response.text, suggested_actions: posted.response.suggested_actions },
      emotion: { primary_emotion: posted.emotion.primary_emotion, is_positive: posted.emotion.is_positive, emotion_scores: expect.any(Object) },
    });

    const first = await json(await call("GET", "/api/journal/entries?limit=2", { token: user.token }));
    expect(first.entries).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await json(await call("GET", `/api/journal/entries?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`, { token: user.token }));
    expect(second.entries.map((e: { entry_id: string }) => e.entry_id)).toEqual([written[0].entry_id]);
    expect(second.next_cursor).toBeNull();
  });

  it("validates the query in the envelope", async () => {
    const user = await quietUser();
    await expectError(await call("GET", "/api/journal/entries?limit=0", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/journal/entries?cursor=nonsense", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/journal/entries?emotion=glee", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/journal/entries"), 401);
  });

  it("lists only the person's own entries", async () => {
    const owner = await quietUser();
    const other = await quietUser();
    await write(owner, "Mine alone.");
    const body = await json(await call("GET", "/api/journal/entries", { token: other.token }));
    expect(body.entries).toEqual([]);
  });
});

describe("GET /api/entries/{id}/insights", () => {
  it("answers exactly as /insight, to its owner only", async () => {
    const user = await quietUser();
    const other = await quietUser();
    const entry = await write(user, "Work was stressful. I need to talk to my manager about the deadline.");
    await deliver({ type: "analyze-entry", entryId: entry.entry_id, userId: user.id, revision: 1 });
    const single = await call("GET", `/api/entries/${entry.entry_id}/insight`, { token: user.token });
    const plural = await call("GET", `/api/entries/${entry.entry_id}/insights`, { token: user.token });
    expect(plural.status).toBe(200);
    const body = await json(plural);
    expect(body).toEqual(await json(single));
    expect(body).toMatchObject({ entry_id: entry.entry_id, status: "ready" });

    await expectError(await call("GET", `/api/entries/${entry.entry_id}/insights`, { token: other.token }), 404, "not_found");
    await expectError(await call("GET", "/api/entries/not-a-uuid/insights", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", `/api/entries/${entry.entry_id}/insights`), 401);
  });
});
