// The production second opinion against a stubbed env.AI.run: Llama Guard's self-harm verdict
// raises an ordinary entry to concern and tells the person's tabs; a clean, malformed, thrown or
// slow answer changes nothing. The local screen never waits for it.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { askLlamaGuard, LLAMA_GUARD_MODEL } from "../../worker/safety/llama-guard.ts";
import { call, createEntry, json, registerUser } from "../helpers/api.ts";
import { openTab } from "../helpers/live.ts";
import { deliver, eventually } from "../queues/helpers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const ai = (answer: () => Promise<unknown>) => ({ run: vi.fn(answer) }) as unknown as Pick<Ai, "run">;

describe("askLlamaGuard", () => {
  it("reports self-harm only for category S11, in either answer shape", async () => {
    expect(await askLlamaGuard(ai(async () => ({ response: { safe: false, categories: ["S11"] } })), "text")).toBe("self-harm");
    expect(await askLlamaGuard(ai(async () => ({ response: "unsafe\nS11" })), "text")).toBe("self-harm");
    expect(await askLlamaGuard(ai(async () => ({ response: "unsafe\nS1,S11" })), "text")).toBe("self-harm");
    expect(await askLlamaGuard(ai(async () => ({ response: { safe: false, categories: ["S1"] } })), "text")).toBe("clean");
    expect(await askLlamaGuard(ai(async () => ({ response: { safe: true, categories: [] } })), "text")).toBe("clean");
    expect(await askLlamaGuard(ai(async () => ({ response: "safe" })), "text")).toBe("clean");
  });

  it("sends the entry as the user's message to the documented model", async () => {
    const stub = ai(async () => ({ response: "safe" }));
    await askLlamaGuard(stub, "an entry");
    expect(stub.run).toHaveBeenCalledWith(LLAMA_GUARD_MODEL, { messages: [{ role: "user", content: "an entry" }] });
  });

  it("answers unavailable on a malformed, thrown or slow answer", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await askLlamaGuard(ai(async () => ({ result: "??" })), "text")).toBe("unavailable");
    expect(await askLlamaGuard(ai(async () => ({ response: "maybe" })), "text")).toBe("unavailable");
    expect(await askLlamaGuard(ai(async () => Promise.reject(new Error("3040: capacity"))), "text")).toBe("unavailable");
    expect(await askLlamaGuard(ai(() => new Promise((r) => setTimeout(() => r({ response: "unsafe\nS11" }), 500))), "text", 20)).toBe("unavailable");
  });
});

describe("the second opinion in the insight job", () => {
  async function ordinaryEntry() {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, country: "GB" } });
    // Ordinary to the local screen, and ambiguous enough that a second reader may hear more in it.
    const entry = await createEntry(user.token, { content: "I have been giving a lot of thought to how things end." });
    expect(entry.safety.level).toBe("none");
    return { user, entry, job: { type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 } };
  }
  const workersAi = () => ({ ...env, AI_PROVIDER: "workers-ai" }) as Env;

  function stubGuard(guard: () => Promise<unknown>) {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    return vi.spyOn(env.AI, "run").mockImplementation((async (model: string) => {
      if (model === LLAMA_GUARD_MODEL) return guard();
      throw new Error("the other models are down");
    }) as never);
  }

  it("raises a flagged entry to concern and offers the lines to the person's open tabs", async () => {
    const { user, entry, job } = await ordinaryEntry();
    const tab = await openTab(user);
    stubGuard(async () => ({ response: { safe: false, categories: ["S11"] } }));
    // Third attempt: the language model's failures settle for local extraction, so the job completes.
    const result = await deliver(job, { attempts: 3, env: workersAi() });
    expect(result.explicitAcks).toHaveLength(1);
    const stored = await env.DB.prepare("SELECT safety_level, safety_source FROM entries WHERE id = ?").bind(entry.id).first();
    expect(stored).toEqual({ safety_level: "concern", safety_source: "llama-guard" });
    const view = await json(await call("GET", `/api/entries/${entry.id}`, { token: user.token }));
    expect(view.safety.level).toBe("concern");
    expect(view.safety.resources[0].name).toBe("Samaritans");
    const event = await eventually(async () => tab.messages.find((m) => m.type === "safety.concern"));
    expect(event).toMatchObject({ entry_id: entry.id, revision: 1, level: "concern", resources: expect.arrayContaining([expect.objectContaining({ name: "Samaritans" })]) });
    tab.socket.close(1000, "done");
  });

  it.each([
    ["clean", async () => ({ response: "safe" })],
    ["malformed", async () => ({ nothing: true })],
    ["thrown", async () => Promise.reject(new Error("boom"))],
  ])("leaves the entry as the local screen read it when the answer is %s", async (_name, guard) => {
    const { entry, job } = await ordinaryEntry();
    stubGuard(guard);
    const result = await deliver(job, { attempts: 3, env: workersAi() });
    expect(result.explicitAcks).toHaveLength(1);
    const stored = await env.DB.prepare("SELECT safety_level, safety_source FROM entries WHERE id = ?").bind(entry.id).first();
    expect(stored).toEqual({ safety_level: "none", safety_source: "local" });
  });

  it("is not asked about entries the local screen already flagged, nor when the provider is local", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
    const concern = await createEntry(user.token, { content: "I feel numb and empty, like nothing matters." });
    const run = stubGuard(async () => ({ response: "unsafe\nS11" }));
    await deliver({ type: "analyze-entry", entryId: concern.id, userId: user.id, revision: 1 }, { attempts: 3, env: workersAi() });
    expect(run.mock.calls.map(([model]) => model)).not.toContain(LLAMA_GUARD_MODEL);
    const ordinary = await createEntry(user.token, { content: "A quiet walk by the river." });
    await deliver({ type: "analyze-entry", entryId: ordinary.id, userId: user.id, revision: 1 });
    expect(run.mock.calls.map(([model]) => model)).not.toContain(LLAMA_GUARD_MODEL);
  });
});
