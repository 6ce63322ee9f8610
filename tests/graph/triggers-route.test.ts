// GET /api/graph/triggers through the API: what comes with low moods, from the person's own entries
// only, validated like every route.
import { describe, expect, it } from "vitest";
import { call, expectError, json, registerUser, type TestUser } from "../helpers/api.ts";

const ANXIOUS = "I feel so anxious and scared about tomorrow, my chest is tight.";
const HAPPY = "Such a happy, lovely evening, I laughed so much.";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function write(user: TestUser, content: string, tags: string[]) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content, tags } });
  expect(res.status).toBe(201);
  await sleep(3);
}

describe("GET /api/graph/triggers", () => {
  it("answers the person's triggers with counts, and nobody else's", async () => {
    const user = await registerUser();
    for (let i = 0; i < 3; i++) {
      await write(user, ANXIOUS, ["deadline"]);
      await write(user, HAPPY, ["friends"]);
      await write(user, HAPPY, ["garden"]);
    }
    const res = await call("GET", "/api/graph/triggers?emotion=fear", { token: user.token });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.emotion).toBe("fear");
    expect(body.triggers[0]).toMatchObject({ context: "deadline", low: { with: 3, total: 3 }, others: { total: 6 } });
    expect(body.triggers[0].lift).toBeGreaterThan(1);
    const any = await json(await call("GET", "/api/graph/triggers", { token: user.token }));
    expect(any.emotion).toBeNull();
    expect(any.triggers.map((t: { context: string }) => t.context)).toContain("deadline");

    const stranger = await registerUser();
    expect((await json(await call("GET", "/api/graph/triggers?emotion=fear", { token: stranger.token }))).triggers).toEqual([]);
  });

  it("validates the emotion and the limit, and needs authentication", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/graph/triggers?emotion=bored", { token: user.token }), 400);
    await expectError(await call("GET", "/api/graph/triggers?limit=0", { token: user.token }), 400);
    await expectError(await call("GET", "/api/graph/triggers"), 401);
  });
});
