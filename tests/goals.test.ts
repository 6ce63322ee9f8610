// Goals with steps and progress history, isolation, and the reply mentioning an active goal.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, expectError, json, registerUser } from "./helpers/api.ts";

async function newGoal(token: string, body: Record<string, unknown>) {
  const res = await call("POST", "/api/goals", { token, body });
  expect(res.status).toBe(201);
  return json(res);
}

describe("/api/goals", () => {
  it("creates a goal with steps, ticks them off and keeps the progress history", async () => {
    const user = await registerUser();
    const goal = await newGoal(user.token, { title: "Run a 10k", life_area: "health", target_emotion: "joy", tasks: ["Buy shoes", "Run 3k", "Run 5k", "Run 10k"] });
    expect(goal).toMatchObject({ title: "Run a 10k", life_area: "health", status: "active", progress: 0, target_emotion: "joy" });
    expect(goal.tasks.map((t: { title: string }) => t.title)).toEqual(["Buy shoes", "Run 3k", "Run 5k", "Run 10k"]);

    const [first, second] = goal.tasks;
    await call("PATCH", `/api/goals/${goal.id}/tasks/${first.id}`, { token: user.token, body: { done: true } });
    const after = await json(await call("PATCH", `/api/goals/${goal.id}/tasks/${second.id}`, { token: user.token, body: { done: true } }));
    expect(after.progress).toBe(50);
    const added = await json(await call("POST", `/api/goals/${goal.id}/tasks`, { token: user.token, body: { title: "Rest day" } }));
    expect(added.tasks).toHaveLength(5);
    expect(added.tasks[4]).toMatchObject({ title: "Rest day", position: 4, done: false });
    expect(added.progress).toBe(40);
    const manual = await json(await call("POST", `/api/goals/${goal.id}/progress`, { token: user.token, body: { progress: 55, note: "Felt strong" } }));
    expect(manual.progress).toBe(55);
    const history = (await json(await call("GET", `/api/goals/${goal.id}/progress`, { token: user.token }))).history;
    expect(history.map((h: { progress: number }) => h.progress)).toEqual([55, 40, 50, 25]);
    expect(history[0].note).toBe("Felt strong");

    const done = await json(await call("PATCH", `/api/goals/${goal.id}`, { token: user.token, body: { status: "completed" } }));
    expect(done).toMatchObject({ status: "completed", progress: 100 });
    expect(Date.parse(done.completed_at)).toBeGreaterThan(Date.now() - 60_000);
    const reopened = await json(await call("PATCH", `/api/goals/${goal.id}`, { token: user.token, body: { status: "active" } }));
    expect(reopened).toMatchObject({ status: "active", completed_at: null });
    await call("PATCH", `/api/goals/${goal.id}`, { token: user.token, body: { status: "completed" } });
    expect((await json(await call("GET", "/api/goals?status=active", { token: user.token }))).goals).toEqual([]);
    expect((await json(await call("GET", "/api/goals", { token: user.token }))).goals).toHaveLength(1);

    const removed = await json(await call("DELETE", `/api/goals/${goal.id}/tasks/${added.tasks[4].id}`, { token: user.token }));
    expect(removed.tasks).toHaveLength(4);
    expect((await call("DELETE", `/api/goals/${goal.id}`, { token: user.token })).status).toBe(204);
    const left = await env.DB.prepare("SELECT (SELECT count(*) FROM goal_tasks WHERE goal_id = ?1) + (SELECT count(*) FROM goal_progress WHERE goal_id = ?1) AS n").bind(goal.id).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("validates input", async () => {
    const user = await registerUser();
    const bad = await expectError(await call("POST", "/api/goals", { token: user.token, body: { title: "", life_area: "space", due_date: "soon", tasks: [""] } }), 400);
    expect([...new Set(bad.details!.map((d) => d.path))].sort()).toEqual(["due_date", "life_area", "tasks.0", "title"]);
    const goal = await newGoal(user.token, { title: "Read more" });
    expect(goal.life_area).toBe("other");
    await expectError(await call("PATCH", `/api/goals/${goal.id}`, { token: user.token, body: {} }), 400);
    await expectError(await call("POST", `/api/goals/${goal.id}/progress`, { token: user.token, body: { progress: 101 } }), 400);
    await expectError(await call("PATCH", `/api/goals/${goal.id}/tasks/${crypto.randomUUID()}`, { token: user.token, body: { done: true } }), 404);
    await expectError(await call("GET", "/api/goals/nope", { token: user.token }), 400);
    await expectError(await call("GET", "/api/goals?status=paused", { token: user.token }), 400);
    const full = await newGoal(user.token, { title: "Many steps", tasks: Array.from({ length: 30 }, (_, i) => `Step ${i + 1}`) });
    await expectError(await call("POST", `/api/goals/${full.id}/tasks`, { token: user.token, body: { title: "One more" } }), 409, "too_many_steps");
    await expectError(await call("POST", "/api/goals", { token: user.token, body: { title: "Too many", tasks: Array.from({ length: 31 }, () => "x") } }), 400);
  });

  it("answers 404 to anyone else, and 401 without a token", async () => {
    const owner = await registerUser();
    const other = await registerUser();
    const goal = await newGoal(owner.token, { title: "Save for a trip", life_area: "finance", tasks: ["Open account"] });
    const task = goal.tasks[0].id;
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/goals/${goal.id}`],
      ["PATCH", `/api/goals/${goal.id}`, { title: "Mine" }],
      ["DELETE", `/api/goals/${goal.id}`],
      ["POST", `/api/goals/${goal.id}/tasks`, { title: "x" }],
      ["PATCH", `/api/goals/${goal.id}/tasks/${task}`, { done: true }],
      ["DELETE", `/api/goals/${goal.id}/tasks/${task}`],
      ["POST", `/api/goals/${goal.id}/progress`, { progress: 10 }],
      ["GET", `/api/goals/${goal.id}/progress`],
    ];
    for (const [method, path, body] of attempts) {
      await expectError(await call(method, path, { token: other.token, body }), 404);
      await expectError(await call(method, path, { body }), 401);
    }
    expect((await json(await call("GET", "/api/goals", { token: other.token }))).goals).toEqual([]);
    expect(await json(await call("GET", `/api/goals/${goal.id}`, { token: owner.token }))).toMatchObject({ title: "Save for a trip", progress: 0 });
  });
});

describe("the 30-step cap under concurrency (review finding)", () => {
  it("ten parallel steps on a goal with 28: exactly two are added, the rest answer 409, and positions stay distinct", async () => {
    const user = await registerUser();
    const goal = await newGoal(user.token, { title: "Many steps", tasks: Array.from({ length: 28 }, (_, i) => `Step ${i + 1}`) });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call("POST", `/api/goals/${goal.id}/tasks`, { token: user.token, body: { title: `Extra ${i}` } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    for (const res of results) if (res.status !== 201) await expectError(res, 409, "too_many_steps");
    const after = await json(await call("GET", `/api/goals/${goal.id}`, { token: user.token }));
    expect(after.tasks).toHaveLength(30);
    expect(new Set(after.tasks.map((t: { position: number }) => t.position)).size).toBe(30);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM goal_tasks WHERE goal_id = ?").bind(goal.id).first<{ n: number }>();
    expect(stored!.n).toBe(30);
  });
});

describe("the reply mentions an active goal the entry touches on", () => {
  it("names the goal and its progress, and stays quiet when no goal is related", async () => {
    const user = await registerUser();
    const goal = await newGoal(user.token, { title: "Run a 10k", life_area: "health", tasks: ["Run 3k", "Run 5k"] });
    await call("PATCH", `/api/goals/${goal.id}/tasks/${goal.tasks[0].id}`, { token: user.token, body: { done: true } });
    const related = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Went for a run by the river this morning, felt great and proud." } }));
    expect(related.response.text).toContain('"Run a 10k"');
    expect(related.response.text).toMatch(/50%/);
    expect(related.response.text).toMatch(/1 of 2 steps/);
    const unrelated = await json(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Watched a documentary about volcanoes tonight." } }));
    expect(unrelated.response.text).not.toContain("Run a 10k");
  });
});
