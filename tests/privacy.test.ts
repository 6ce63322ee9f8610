// Entries kept from the AI, end to end with AI_PROVIDER=workers-ai and a stub that records everything
// env.AI.run receives: a private entry never reaches it (its insight is local, no follow-up, no
// embedding), the words of any other entry reach it only redacted (and the names come back in what
// is stored), prompts leave private entries out, and private_by_default applies to new entries.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EMOTION_LLM, POLARITY_MODEL } from "../worker/emotion/workers-ai-provider.ts";
import { FOLLOW_UP_MODEL } from "../worker/insights/follow-up.ts";
import { BGE_MODEL } from "../worker/memories/vectorize.ts";
import { LLAMA_GUARD_MODEL } from "../worker/safety/llama-guard.ts";
import worker from "../worker/index.ts";
import { BASE, call, expectError, json, registerUser, type TestUser } from "./helpers/api.ts";
import { deliver, insightRow } from "./queues/helpers.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

type Messages = { messages?: { role: string; content: string }[] };
const systemOf = (input: unknown) => (input as Messages).messages?.find((m) => m.role === "system")?.content ?? "";

/** Answers every Workers AI model as a healthy one would, and keeps every input it was given. */
function recordingAi() {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  const inputs: { model: string; input: unknown }[] = [];
  const run = vi.spyOn(env.AI, "run").mockImplementation((async (model: string, input: unknown) => {
    inputs.push({ model, input });
    if (model === POLARITY_MODEL) return [{ label: "NEGATIVE", score: 0.8 }, { label: "POSITIVE", score: 0.2 }];
    if (model === LLAMA_GUARD_MODEL) return { response: "safe" };
    if (model === BGE_MODEL) return { data: [Array.from({ length: 384 }, (_, i) => (i % 7) / 7)] };
    if (model === FOLLOW_UP_MODEL && /follow-up/.test(systemOf(input))) {
      return { response: { follow_up: "It sounds like [PERSON_1] matters a lot to you. What would you want [PERSON_1] to know?" } };
    }
    if (model === EMOTION_LLM && /rate the emotions/.test(systemOf(input))) {
      return { response: { ekman: { anger: 0.05, disgust: 0.02, fear: 0.1, joy: 0.05, sadness: 0.8, surprise: 0.02, neutral: 0.05 }, fine: [{ label: "sadness", score: 0.8 }] } };
    }
    if (model === EMOTION_LLM && /reflect on an entry/.test(systemOf(input))) {
      return {
        response: {
          topics: ["friendship", "work"],
          summary: "A tiring week in which [PERSON_1] was on their mind.",
          questions: ["What would you like to tell [PERSON_1]?", "What helped you rest after a week like this?"],
          beliefs: [],
          challenges: [],
          action_items: [],
        },
      };
    }
    if (model === EMOTION_LLM && /journaling prompts/.test(systemOf(input))) {
      return { response: { prompts: ["What made today feel different?", "Who would you like to thank this week?", "What are you looking forward to?"] } };
    }
    throw new Error(`no stub for ${model}`);
  }) as never);
  const sent = () => JSON.stringify(inputs.map((i) => i.input)).toLowerCase();
  return { run, inputs, sent };
}

/** A Vectorize binding that keeps what it is asked to store and delete. */
function recordingVectorize() {
  const upserted: string[] = [];
  const deleted: string[] = [];
  const binding = {
    upsert: async (vectors: { id: string }[]) => void upserted.push(...vectors.map((v) => v.id)),
    deleteByIds: async (ids: string[]) => void deleted.push(...ids),
    query: async () => ({ matches: [] }),
  };
  return { upserted, deleted, binding: binding as unknown as Vectorize };
}

const workersAi = (extra: Partial<Env> & { MEMORIES?: Vectorize } = {}) => ({ ...env, AI_PROVIDER: "workers-ai", ...extra }) as Env;

async function callWith(workerEnv: Env, method: string, path: string, user: TestUser, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A person whose entries are analysed only when a test delivers the job itself. */
async function person() {
  const user = await registerUser();
  expect((await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } })).status).toBe(200);
  return user;
}

async function write(user: TestUser, body: Record<string, unknown>) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body });
  expect(res.status).toBe(201);
  return json(res);
}

const jobFor = (user: TestUser, entryId: string, revision = 1) => ({ type: "analyze-entry", entryId, userId: user.id, revision });

const IDENTIFIERS = ["ottoline", "anna", "k.rahman@example.com", "example.com", "7700", "900123", "baker street", "4111"];

const OPEN_ENTRY =
  "A long, tiring week at work and I feel low. Ottoline's birthday is soon and I miss her. Anna wrote from k.rahman@example.com, " +
  "her number is +44 7700 900123, we met at 12 Baker Street, and I paid the deposit with 4111 1111 1111 1111.";
const PRIVATE_ENTRY = "Kept to myself: Ottoline and I argued about the overdraft again and I feel sad and ashamed of the zeppelin debt.";

describe("a private entry", () => {
  it("never reaches Workers AI: local insight, no Llama Guard, no follow-up, no embedding, and it leaves Vectorize", async () => {
    const user = await person();
    const entry = await write(user, { content: PRIVATE_ENTRY, private: true });
    expect(entry.private).toBe(true);
    const ai = recordingAi();
    const vectorize = recordingVectorize();

    const result = await deliver(jobFor(user, entry.entry_id), { attempts: 1, env: workersAi({ MEMORIES: vectorize.binding }) });
    expect(result.explicitAcks).toHaveLength(1);

    expect(ai.run).not.toHaveBeenCalled();
    expect(ai.sent()).not.toContain("zeppelin");
    const insight = await insightRow(entry.entry_id);
    expect(insight).toMatchObject({ status: "ready", provider: "local" });
    expect(vectorize.upserted).toEqual([]);
    expect(vectorize.deleted).toEqual([entry.entry_id]);
    const reply = await env.DB.prepare("SELECT refined_text FROM replies WHERE entry_id = ?").bind(entry.entry_id).first<{ refined_text: string | null }>();
    expect(reply?.refined_text).toBeNull();
  });

  it("made private by an edit is read locally from then on", async () => {
    const user = await person();
    const entry = await write(user, { content: PRIVATE_ENTRY });
    expect(entry.private).toBe(false);
    const edited = await json(await call("PATCH", `/api/entries/${entry.entry_id}`, { token: user.token, body: { private: true } }));
    expect(edited).toMatchObject({ private: true, revision: 2 });
    const ai = recordingAi();
    expect((await deliver(jobFor(user, entry.entry_id, 2), { env: workersAi() })).explicitAcks).toHaveLength(1);
    expect(ai.run).not.toHaveBeenCalled();
    expect(await insightRow(entry.entry_id)).toMatchObject({ status: "ready", provider: "local", revision: 2 });
  });
});

describe("an entry that is not private", () => {
  it("reaches Workers AI only redacted, and the names come back in the insight and the follow-up", async () => {
    const user = await person();
    await write(user, { content: "Went for a long walk with Ottoline by the river." });
    const entry = await write(user, { content: OPEN_ENTRY });
    const ai = recordingAi();
    const vectorize = recordingVectorize();

    const result = await deliver(jobFor(user, entry.entry_id), { attempts: 1, env: workersAi({ MEMORIES: vectorize.binding }) });
    expect(result.explicitAcks).toHaveLength(1);

    // Every model the job uses was asked, and none was given an identifier.
    const models = new Set(ai.inputs.map((i) => i.model));
    for (const model of [POLARITY_MODEL, EMOTION_LLM, LLAMA_GUARD_MODEL, FOLLOW_UP_MODEL, BGE_MODEL]) expect(models).toContain(model);
    const sent = ai.sent();
    for (const identifier of IDENTIFIERS) expect(sent).not.toContain(identifier);
    expect(sent).toContain("[person_1]");
    expect(sent).toContain("[email_1]");
    expect(sent).toContain("[phone_1]");
    expect(sent).toContain("[address_1]");
    expect(sent).toContain("[card_1]");
    expect(sent).toContain("tiring week at work");
    expect(vectorize.upserted).toEqual([entry.entry_id]);

    // The names are put back into what the model wrote; nothing else is.
    const insight = await insightRow(entry.entry_id);
    expect(insight).toMatchObject({ status: "ready", provider: "workers-ai" });
    expect(insight!.summary).toMatch(/^A tiring week in which (Ottoline|Anna) was on their mind\.$/);
    expect(insight!.questions).not.toContain("[PERSON_");
    const reply = await env.DB.prepare("SELECT refined_text FROM replies WHERE entry_id = ?").bind(entry.entry_id).first<{ refined_text: string }>();
    expect(reply!.refined_text).toMatch(/^It sounds like (Ottoline|Anna) matters a lot to you\./);
    expect(reply!.refined_text).not.toContain("[PERSON_");
  });

  it("prompt generation sends no subject from a private entry", async () => {
    const user = await registerUser();
    await write(user, { content: "Spent the evening throwing pots at the studio.", tags: ["pottery"] });
    await write(user, { content: "Nobody knows about the zeppelin debt yet.", tags: ["zeppelin"], private: true });
    const ai = recordingAi();
    const res = await callWith(workersAi(), "POST", "/api/prompts/generate", user, {});
    expect(res.status).toBe(200);
    const prompts = ai.inputs.filter((i) => /journaling prompts/.test(systemOf(i.input)));
    expect(prompts).toHaveLength(1);
    expect(ai.sent()).toContain("pottery");
    expect(ai.sent()).not.toContain("zeppelin");
  });
});

describe("private by default", () => {
  it("is off at first, and once on makes new entries private unless they say otherwise", async () => {
    const user = await registerUser();
    const before = await json(await call("GET", "/api/settings", { token: user.token }));
    expect(before.private_by_default).toBe(false);
    expect((await write(user, { content: "An ordinary Tuesday." })).private).toBe(false);

    const after = await json(await call("PUT", "/api/settings", { token: user.token, body: { private_by_default: true } }));
    expect(after.private_by_default).toBe(true);
    const journal = await write(user, { content: "A quiet Wednesday." });
    expect(journal.private).toBe(true);
    const viaEntries = await json(await call("POST", "/api/entries", { token: user.token, body: { content: "A quiet Thursday." } }));
    expect(viaEntries.private).toBe(true);
    const chosen = await write(user, { content: "A loud Friday.", private: false });
    expect(chosen.private).toBe(false);

    const read = await json(await call("GET", `/api/entries/${journal.entry_id}`, { token: user.token }));
    expect(read.private).toBe(true);
    const conversation = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    const privacy = Object.fromEntries(conversation.items.map((i: { entry_id: string; private: boolean }) => [i.entry_id, i.private]));
    expect(privacy).toMatchObject({ [journal.entry_id]: true, [viaEntries.id]: true, [chosen.entry_id]: false });
  });

  it("refuses a private flag that is not a boolean", async () => {
    const user = await registerUser();
    await expectError(await call("POST", "/api/journal/entries", { token: user.token, body: { content: "Hello.", private: "yes" } }), 400, "validation_failed");
    await expectError(await call("PUT", "/api/settings", { token: user.token, body: { private_by_default: 1 } }), 400, "validation_failed");
  });
});
