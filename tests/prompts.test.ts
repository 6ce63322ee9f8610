// The prompt library and today's prompt.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";

describe("/api/prompts", () => {
  it("lists the seeded library, filtered by category", async () => {
    const user = await registerUser();
    const all = (await json(await call("GET", "/api/prompts", { token: user.token }))).prompts;
    expect(all.length).toBeGreaterThanOrEqual(30);
    const calm = (await json(await call("GET", "/api/prompts?category=calm", { token: user.token }))).prompts;
    expect(calm.length).toBeGreaterThan(3);
    expect(calm.every((p: { category: string }) => p.category === "calm")).toBe(true);
    await expectError(await call("GET", "/api/prompts"), 401);
    await expectError(await call("GET", `/api/prompts?category=${"x".repeat(41)}`, { token: user.token }), 400);
  });

  it("offers the same prompt all day, and a gentle one after a low entry", async () => {
    const user = await registerUser();
    const first = await json(await call("GET", "/api/prompts/today", { token: user.token }));
    const again = await json(await call("GET", "/api/prompts/today", { token: user.token }));
    expect(again).toEqual(first);
    expect(first.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.prompt.mood).toBe("any");
    const e = await createEntry(user.token, { content: "I feel so sad and lonely, everything is grey." });
    expect(e.mood.primary_emotion).toBe("sadness");
    const gentle = await json(await call("GET", "/api/prompts/today", { token: user.token }));
    expect(gentle.prompt.mood).toBe("negative");
    const row = await env.DB.prepare("SELECT text FROM prompts WHERE id = ?").bind(gentle.prompt.id).first<{ text: string }>();
    expect(row!.text).toBe(gentle.prompt.text);
    await expectError(await call("GET", "/api/prompts/today"), 401);
  });
});
