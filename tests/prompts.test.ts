// The prompt routes: the library with its filters, the daily prompt (stable per local day, no repeat
// within 30 days, suited to the recent mood, gentle after a crisis entry), a random prompt, and
// generated lists (local and Workers AI with a stubbed env.AI.run), each person's kept to their own.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../worker/db/client.ts";
import { DAY_MS, localDate } from "../worker/lib/time-zone.ts";
import { dailyPrompt, generatePrompts, NO_REPEAT_DAYS } from "../worker/services/prompts.ts";
import { call, createEntry, expectError, json, registerUser } from "./helpers/api.ts";

const CRISIS = "I don't want to be alive anymore. I've been thinking about ending it all.";

interface Prompt {
  id: number;
  category: string;
  moods: string[];
  gentle: boolean;
  text: string;
}
interface Generated {
  prompts: { text: string; category: string | null; prompt_id: number | null }[];
  source: string;
}

const get = async (path: string, token: string) => {
  const res = await call("GET", path, { token });
  expect(res.status).toBe(200);
  return json(res);
};
const generate = async (token: string, body: Record<string, unknown> = {}): Promise<Generated> => {
  const res = await call("POST", "/api/prompts/generate", { token, body });
  expect(res.status).toBe(200);
  return json(res);
};
const sameList = (a: Generated, b: Generated) => JSON.stringify(a.prompts.map((p) => p.text).sort()) === JSON.stringify(b.prompts.map((p) => p.text).sort());

afterEach(() => vi.restoreAllMocks());

describe("GET /api/prompts", () => {
  it("lists the library, filtered by category and by mood", async () => {
    const user = await registerUser();
    const all: Prompt[] = (await get("/api/prompts", user.token)).prompts;
    expect(all.length).toBeGreaterThanOrEqual(150);
    const work: Prompt[] = (await get("/api/prompts?category=work", user.token)).prompts;
    expect(work.length).toBeGreaterThan(5);
    expect(work.every((p) => p.category === "work")).toBe(true);
    const fear: Prompt[] = (await get("/api/prompts?mood=fear", user.token)).prompts;
    expect(fear.length).toBeGreaterThan(10);
    expect(fear.every((p) => p.moods.includes("fear"))).toBe(true);
    const both: Prompt[] = (await get("/api/prompts?category=difficult-days&mood=anger", user.token)).prompts;
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((p) => p.category === "difficult-days" && p.moods.includes("anger"))).toBe(true);
    expect((await get("/api/prompts?category=creativity&mood=fear", user.token)).prompts).toEqual([]);

    await expectError(await call("GET", "/api/prompts"), 401);
    await expectError(await call("GET", "/api/prompts?category=astrology", { token: user.token }), 400, "validation_failed");
    await expectError(await call("GET", "/api/prompts?mood=happy", { token: user.token }), 400, "validation_failed");
  });
});

describe("GET /api/prompts/daily", () => {
  it("is the same all day in the person's time zone, and /today answers the same", async () => {
    const user = await registerUser();
    const res = await call("PUT", "/api/settings", { token: user.token, body: { timezone: "Pacific/Kiritimati" } });
    expect(res.status).toBe(200);
    const first = await get("/api/prompts/daily", user.token);
    expect(first.date).toBe(localDate(Date.now(), "Pacific/Kiritimati"));
    expect(await get("/api/prompts/daily", user.token)).toEqual(first);
    expect(await get("/api/prompts/today", user.token)).toEqual(first);
    await expectError(await call("GET", "/api/prompts/daily"), 401);
    await expectError(await call("GET", "/api/prompts/today"), 401);
  });

  it("is deterministic per day and never repeats one shown in the last 30 days", async () => {
    const user = await registerUser();
    const db = getDb(env);
    const start = Date.UTC(2031, 0, 1, 9);
    const seen: { date: string; id: number }[] = [];
    for (let day = 0; day < 45; day++) {
      const morning = await dailyPrompt(db, user.id, start + day * DAY_MS);
      const evening = await dailyPrompt(db, user.id, start + day * DAY_MS + 12 * 3_600_000);
      expect(evening).toEqual(morning);
      seen.push({ date: morning.date, id: morning.prompt.id });
    }
    expect(new Set(seen.map((s) => s.date)).size).toBe(45);
    for (let i = 0; i < seen.length; i++) {
      const window = seen.slice(Math.max(0, i - NO_REPEAT_DAYS), i).map((s) => s.id);
      expect(window, `day ${i}`).not.toContain(seen[i]!.id);
    }
    // Only the no-repeat window is kept.
    const kept = await env.DB.prepare("SELECT count(*) AS n FROM prompts_shown WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(kept!.n).toBeLessThanOrEqual(NO_REPEAT_DAYS + 1);
  });

  it("suits the person's recent mood", async () => {
    const sad = await registerUser();
    await createEntry(sad.token, { content: "I feel so sad and lonely, everything is grey." });
    const forSad: Prompt = (await get("/api/prompts/daily", sad.token)).prompt;
    expect(forSad.moods).toContain("sadness");

    const glad = await registerUser();
    await createEntry(glad.token, { content: "What a wonderful day, I am so happy and grateful for my friends!" });
    const forGlad: Prompt = (await get("/api/prompts/daily", glad.token)).prompt;
    expect(forGlad.moods).toContain("joy");
  });

  it("after a crisis entry offers only gentle prompts: daily, random and generated", async () => {
    const user = await registerUser();
    // A glad day first: no gentle prompt suits joy, so the daily one is an ordinary prompt.
    await createEntry(user.token, { content: "What a wonderful day, I am so happy and grateful for my friends!" });
    const before: Prompt = (await get("/api/prompts/daily", user.token)).prompt;
    expect(before.gentle).toBe(false);
    const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content: CRISIS } });
    expect(res.status).toBe(201);
    expect((await json(res)).safety.level).toBe("crisis");

    const after = await get("/api/prompts/daily", user.token);
    expect(after.prompt.gentle).toBe(true);
    expect(after.prompt.category).toBe("difficult-days");
    expect(await get("/api/prompts/today", user.token)).toEqual(after);

    for (let i = 0; i < 5; i++) {
      const random: Prompt = (await get("/api/prompts/random?category=work", user.token)).prompt;
      expect(random.gentle).toBe(true);
    }
    // Never a language model after a crisis entry, even where one is configured.
    const run = vi.spyOn(env.AI, "run");
    const list = await generatePrompts({ ...env, AI_PROVIDER: "workers-ai" }, getDb(env), user.id, { category: "work" });
    expect(run).not.toHaveBeenCalled();
    expect(list.source).toBe("library");
    const gentle: Prompt[] = (await get("/api/prompts?category=difficult-days", user.token)).prompts.filter((p: Prompt) => p.gentle);
    expect(list.prompts.every((p) => gentle.some((g) => g.id === p.prompt_id && g.text === p.text))).toBe(true);
  });
});

describe("GET /api/prompts/random", () => {
  it("answers a prompt matching the filters, never the one excluded", async () => {
    const user = await registerUser();
    const pool: Prompt[] = (await get("/api/prompts?category=body&mood=joy", user.token)).prompts;
    expect(pool.length).toBeGreaterThan(2);
    const excluded = pool[0]!.id;
    for (let i = 0; i < 12; i++) {
      const { prompt } = await get(`/api/prompts/random?category=body&mood=joy&exclude=${excluded}`, user.token);
      expect(prompt.category).toBe("body");
      expect(prompt.moods).toContain("joy");
      expect(prompt.id).not.toBe(excluded);
    }
    await expectError(await call("GET", "/api/prompts/random?category=creativity&mood=fear", { token: user.token }), 404, "not_found");
    await expectError(await call("GET", "/api/prompts/random?exclude=abc", { token: user.token }), 400);
    await expectError(await call("GET", "/api/prompts/random"), 401);
  });
});

describe("POST /api/prompts/generate (local)", () => {
  it("composes from the library and the person's own activities, tags and theme, never the same list twice in a row", async () => {
    const user = await registerUser();
    await createEntry(user.token, { content: "Went for a run by the river this morning and felt lighter.", tags: ["allotment"] });
    let previous = await generate(user.token);
    expect(previous.source).toBe("library");
    expect(previous.prompts).toHaveLength(5);
    const texts: string[] = [...previous.prompts.map((p) => p.text)];
    for (let i = 0; i < 6; i++) {
      const next = await generate(user.token);
      expect(sameList(next, previous)).toBe(false);
      texts.push(...next.prompts.map((p) => p.text));
      previous = next;
    }
    // Their own subjects turn up, written into prompts of their own.
    expect(texts.some((t) => t.includes("“run”"))).toBe(true);
    expect(texts.some((t) => t.includes("“allotment”"))).toBe(true);

    const themed = await generate(user.token, { theme: "moving house", category: "work" });
    expect(themed.prompts.some((p) => p.text.includes("moving house") && p.prompt_id === null)).toBe(true);
    expect(themed.prompts.filter((p) => p.prompt_id !== null).every((p) => p.category === "work")).toBe(true);
  });

  it("never draws on another person's entries", async () => {
    const other = await registerUser();
    await createEntry(other.token, { content: "Went sailing with my cousin and did pottery all afternoon.", tags: ["zanzibar-trip"] });
    const user = await registerUser();
    await createEntry(user.token, { content: "Quiet day at home, read a book." });
    for (let i = 0; i < 5; i++) {
      const list = JSON.stringify(await generate(user.token));
      expect(list).not.toMatch(/sailing|pottery|cousin|zanzibar/i);
    }
  });

  it("validates the request", async () => {
    const user = await registerUser();
    await expectError(await call("POST", "/api/prompts/generate", { token: user.token, body: { category: "astrology" } }), 400, "validation_failed");
    await expectError(await call("POST", "/api/prompts/generate", { token: user.token, body: { mood: "happy" } }), 400, "validation_failed");
    await expectError(await call("POST", "/api/prompts/generate", { token: user.token, body: { theme: "x".repeat(81) } }), 400, "validation_failed");
    await expectError(await call("POST", "/api/prompts/generate", { token: user.token, body: { extra: true } }), 400, "validation_failed");
    await expectError(await call("POST", "/api/prompts/generate", { body: {} }), 401);
  });
});

describe("POST /api/prompts/generate (Workers AI)", () => {
  const workersAi = { ...env, AI_PROVIDER: "workers-ai" };
  const GOOD = [
    "What part of your garden surprised you this week?",
    "1. Who would you like to share a quiet evening with?",
    "  What small thing made today feel like yours?  ",
    "What are you looking forward to in the coming days?",
    "Which sound from today would you like to hear again?",
  ];
  const stub = (answer: () => unknown) => vi.spyOn(env.AI, "run").mockImplementation((async () => answer()) as never);

  it("uses the model's answer, tidied, and tells it only this person's subjects", async () => {
    const other = await registerUser();
    await createEntry(other.token, { content: "Went sailing again, the sea was rough.", tags: ["regatta"] });
    const user = await registerUser();
    await createEntry(user.token, { content: "Spent the afternoon gardening with my neighbour.", tags: ["garden"] });
    const run = stub(() => ({ response: { prompts: GOOD } }));
    const list = await generatePrompts(workersAi, getDb(env), user.id, { category: "creativity", theme: "spring" });
    expect(list.source).toBe("workers-ai");
    expect(list.prompts.map((p) => p.text)).toEqual([
      "What part of your garden surprised you this week?",
      "Who would you like to share a quiet evening with?",
      "What small thing made today feel like yours?",
      "What are you looking forward to in the coming days?",
      "Which sound from today would you like to hear again?",
    ]);
    expect(list.prompts.every((p) => p.category === "creativity" && p.prompt_id === null)).toBe(true);
    const sent = JSON.stringify(run.mock.calls);
    expect(sent).toContain("garden");
    expect(sent).toContain("spring");
    expect(sent).not.toMatch(/sailing|regatta/);
    // The entry's own words stay out of the request: only the subjects it names.
    expect(sent).not.toContain("with my neighbour");
  });

  it("accepts the JSON as a string, and drops what the safety screen flags", async () => {
    const user = await registerUser();
    stub(() => ({ response: JSON.stringify({ prompts: [...GOOD.slice(0, 4), "Have you thought about ending it all?"] }) }));
    const list = await generatePrompts(workersAi, getDb(env), user.id, {});
    expect(list.source).toBe("workers-ai");
    expect(list.prompts).toHaveLength(4);
    expect(JSON.stringify(list)).not.toContain("ending it all");
  });

  it("falls back to the library on a malformed, thrown or late answer", async () => {
    const user = await registerUser();
    for (const answer of [
      () => ({ response: { questions: GOOD } }),
      () => ({ response: "{not json" }),
      () => ({ response: { prompts: ["too short", "", "?"] } }),
      () => ({ nothing: true }),
      () => {
        throw new Error("Binding AI needs to be run remotely");
      },
    ]) {
      vi.restoreAllMocks();
      stub(answer);
      const list = await generatePrompts(workersAi, getDb(env), user.id, { mood: "joy" });
      expect(list.source).toBe("library");
      expect(list.prompts).toHaveLength(5);
    }
    vi.restoreAllMocks();
    stub(() => new Promise(() => {}));
    const late = await generatePrompts(workersAi, getDb(env), user.id, {}, { timeoutMs: 20 });
    expect(late.source).toBe("library");
  });

  it("never answers the same list twice in a row, even when the model repeats itself", async () => {
    const user = await registerUser();
    stub(() => ({ response: { prompts: GOOD } }));
    const first = await generatePrompts(workersAi, getDb(env), user.id, {});
    const second = await generatePrompts(workersAi, getDb(env), user.id, {});
    expect(first.source).toBe("workers-ai");
    expect(second.source).toBe("library");
    expect(sameList(first, second)).toBe(false);
    const third = await generatePrompts(workersAi, getDb(env), user.id, {});
    expect(third.source).toBe("workers-ai");
  });
});
