// The language-model follow-up to a reply, against a stubbed env.AI.run: a good answer is stored on
// the reply for its revision, returned by the conversation and pushed live; malformed, limit-breaking,
// thrown and slow answers leave the instant reply; a crisis or concern entry is never asked about; a
// stale job never overwrites a newer revision; the local provider does nothing. What the model is
// given is exactly the entry, its reading and this person's own evidence.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { groundingForFollowUp } from "../../durable-objects/graph-algorithms.ts";
import type { GraphState, RecordStateInput } from "../../durable-objects/graph-types.ts";
import { getDb } from "../../worker/db/client.ts";
import {
  FOLLOW_UP_MAX_CHARS,
  FOLLOW_UP_MODEL,
  askForFollowUp,
  groundingText,
  parseFollowUp,
  type FollowUpContext,
} from "../../worker/insights/follow-up.ts";
import { followUpReply, storeRefinedText } from "../../worker/services/follow-up.ts";
import { graphFor } from "../../worker/services/graph.ts";
import { loadMemory } from "../../worker/services/journal.ts";
import { call, createEntry, json, registerUser, type TestUser } from "../helpers/api.ts";
import { openTab } from "../helpers/live.ts";
import { deliver, eventually } from "../queues/helpers.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SAD_ENTRY = "Awful day at work. My manager ignored the report I spent all week on, and I feel so sad and lonely tonight.";
const CRISIS = "I don't want to be alive anymore. I've been thinking about ending it all.";
const CONCERN = "I feel numb and empty, like nothing matters.";

type ModelInput = { messages: { role: string; content: string }[]; response_format: { type: string; json_schema: { required: string[] } } };
type Answer = (input: ModelInput, options: { signal?: AbortSignal } | undefined) => Promise<unknown>;

afterEach(() => {
  vi.restoreAllMocks();
});

const workersAi = () => ({ ...env, AI_PROVIDER: "workers-ai" }) as Env;
const isFollowUpRequest = (model: string, input: unknown) =>
  model === FOLLOW_UP_MODEL && ((input as Partial<ModelInput>).response_format?.json_schema?.required ?? []).includes("follow_up");

/** The follow-up answers as `answer` says; every other model is down (so the job settles for local methods). */
let warn: MockInstance<typeof console.warn>;

function stubModels(answer: Answer) {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  return vi.spyOn(env.AI, "run").mockImplementation((async (model: string, input: unknown, options?: { signal?: AbortSignal }) => {
    if (isFollowUpRequest(model, input)) return answer(input as ModelInput, options);
    throw new Error("the other models are down");
  }) as never);
}

const followUpCalls = (run: ReturnType<typeof stubModels>) =>
  run.mock.calls.filter(([model, input]) => isFollowUpRequest(model as string, input)).map(([, input]) => input as unknown as ModelInput);

async function write(user: TestUser, content: string, tags?: string[]) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content, tags } });
  expect(res.status).toBe(201);
  return json(res);
}

const replyRow = (entryId: string) =>
  env.DB.prepare("SELECT text, refined_text, refined_at, refined_revision FROM replies WHERE entry_id = ?")
    .bind(entryId)
    .first<{ text: string; refined_text: string | null; refined_at: number | null; refined_revision: number | null }>();

async function conversationReply(user: TestUser, entryId: string) {
  const page = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
  return page.items.find((i: { entry_id: string }) => i.entry_id === entryId).response;
}

let counter = 0;
function past(emotion: "sadness" | "joy" | "neutral", recordedAt: number, activities: string[], extra: Partial<RecordStateInput> = {}): RecordStateInput {
  const positive = emotion === "joy";
  return {
    entryId: `hist-${++counter}`,
    revision: 1,
    recordedAt,
    primaryEmotion: emotion,
    valence: positive ? 0.7 : emotion === "neutral" ? 0 : -0.5,
    intensity: 0.5,
    isPositive: positive,
    ekmanScores: { [emotion]: 0.8 },
    activities,
    ...extra,
  };
}

/**
 * A person whose own history says a walk got them out of sadness 4 of 5 times, with work coming with
 * their sad days, and one real past entry that can come back as a memory.
 */
async function personWithHistory() {
  const user = await registerUser();
  await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false } });
  const memoryEntry = await createEntry(user.token, { content: "Rainy Sunday and I missed my sister a lot. The flat felt very quiet." });
  const now = Date.now();
  const states: RecordStateInput[] = [];
  for (let i = 0; i < 4; i++) {
    const start = now - (40 - i * 6) * DAY;
    // The latest of these comes back as the memory (not one of the lowest days: a little less low).
    const memory = i === 3 ? { entryId: memoryEntry.id, valence: -0.3 } : {};
    states.push(past("sadness", start, ["work"], memory), past("joy", start + 5 * HOUR, ["walk"]));
    states.push(past("neutral", start + 2 * DAY, ["cook"]), past("neutral", start + 3 * DAY, []));
  }
  // A walk that did not help: no better day within three entries.
  const miss = now - 12 * DAY;
  states.push(past("sadness", miss, ["work"]), past("neutral", miss + HOUR, ["walk"]), past("sadness", miss + 2 * HOUR, []), past("sadness", miss + 3 * HOUR, []));
  await graphFor(env, user.id).recordStates(states);
  const entry = await write(user, SAD_ENTRY, ["work"]);
  expect(entry.emotion.primary_emotion).toBe("sadness");
  return { user, entry, job: { type: "analyze-entry", entryId: entry.entry_id, userId: user.id, revision: 1 } as const };
}

/** Someone else, with words of their own that must never reach the model for the first person. */
async function stranger() {
  const other = await registerUser({ name: "Zebediah Quill" });
  await call("PUT", "/api/settings", { token: other.token, body: { ai_analysis: false } });
  await write(other, "Sad again about the Globex zebra merger, my brother Ignatius says it will pass.", ["globex"]);
  await graphFor(env, other.id).recordStates([past("sadness", Date.now() - 30 * DAY, ["zebra-racing"]), past("joy", Date.now() - 29 * DAY, ["zebra-racing"])]);
  return other;
}

const GOOD = "Being ignored after a week on that report sounds hurtful. A walk has helped you 4 of 5 times before, if you feel like one. What would you most want your manager to see in it?";

describe("the follow-up in the insight job", () => {
  it("stores a good answer on the reply, returns it in the conversation and pushes it live", async () => {
    const other = await stranger();
    const { user, entry, job } = await personWithHistory();
    const tab = await openTab(user);
    const run = stubModels(async () => ({ response: { follow_up: `  ${GOOD}  ` } }));

    const result = await deliver(job, { attempts: 3, env: workersAi() });
    expect(result.explicitAcks).toHaveLength(1);

    const stored = await replyRow(entry.entry_id);
    expect(stored).toMatchObject({ text: entry.response.text, refined_text: GOOD, refined_revision: 1 });
    expect(stored!.refined_at).toBeGreaterThan(0);
    const reply = await conversationReply(user, entry.entry_id);
    expect(reply).toMatchObject({ text: entry.response.text, refined_text: GOOD });
    const event = await eventually(async () => tab.messages.find((m) => m.type === "reply.refined"));
    expect(event).toEqual({ type: "reply.refined", entry_id: entry.entry_id, revision: 1, text: GOOD });
    tab.socket.close(1000, "done");

    // What the model was given: the entry, its reading and this person's own evidence, nothing else.
    const [input, ...more] = followUpCalls(run);
    expect(more).toEqual([]);
    expect(input!.response_format.type).toBe("json_schema");
    expect(input!.messages.map((m) => m.role)).toEqual(["system", "user"]);
    const grounding = (await graphFor(env, user.id).followUpGrounding(entry.entry_id))!;
    const memory = await loadMemory(getDb(env), user.id, grounding.memory);
    expect(memory?.excerpt).toContain("missed my sister");
    const expected: FollowUpContext = {
      entry: SAD_ENTRY,
      reading: { emotion: "sadness", isPositive: false },
      helped: grounding.helped.map((s) => ({ action: s.action, ...s.evidence! })),
      triggers: grounding.triggers,
      memory,
    };
    const prompt = input!.messages[1]!.content;
    expect(prompt).toBe(groundingText(expected));
    expect(prompt).toContain(SAD_ENTRY);
    expect(prompt).toContain("mainly sadness");
    expect(prompt).toContain('"walk": helped 4 of 5 times');
    expect(prompt).toMatch(/"work": in \d+ of their \d+ entries with sadness/);
    expect(prompt).toContain("missed my sister");
    // The low entry's own context is never offered as what helped.
    expect(prompt).not.toMatch(/"work": helped/);
    const everything = JSON.stringify(input);
    for (const foreign of ["Globex", "zebra", "Ignatius", "Zebediah", other.id, other.email, user.email, user.id]) {
      expect(everything).not.toContain(foreign);
    }
  });

  it.each([
    ["malformed JSON", { response: '{"follow_up": "That sounds hard' }, /not valid JSON/],
    ["an answer of the wrong shape", { response: { reply: GOOD } }, /refused/],
    ["no response at all", { result: GOOD }, /no response/],
    ["an empty follow-up", { response: { follow_up: "   " } }, /is empty/],
    ["two questions", { response: { follow_up: "That sounds hurtful. What happened next? And how did you feel?" } }, /more than one question/],
    ["a follow-up that is too long", { response: { follow_up: `That sounds hard. ${"It was a long week. ".repeat(25)}` } }, /longer than 400/],
    ["a link", { response: { follow_up: "That sounds hurtful. Read more at www.example.com about managers." } }, /link/],
    ["a phone number", { response: { follow_up: "That sounds hurtful. You could call 0800 123 4567 tonight." } }, /phone number/],
    ["a number it was not given", { response: { follow_up: "A walk has helped you 97 of 98 times before." } }, /not given: 97, 98/],
    ["a diagnosis", { response: { follow_up: "This sounds like depression; a doctor could prescribe something." } }, /clinical language: depression, prescribe/],
  ])("keeps the instant reply on %s", async (_name, answer, reason) => {
    const { user, entry, job } = await personWithHistory();
    const run = stubModels(async () => answer);
    const result = await deliver(job, { attempts: 3, env: workersAi() });
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    expect(followUpCalls(run)).toHaveLength(1);
    const warnings = warn.mock.calls.map((args) => args.map(String).join(" "));
    expect(warnings.filter((w) => w.startsWith("follow-up:"))).toEqual([expect.stringMatching(reason)]);
    expect(await replyRow(entry.entry_id)).toMatchObject({ refined_text: null, refined_at: null, refined_revision: null });
    expect(await conversationReply(user, entry.entry_id)).toMatchObject({ text: entry.response.text, refined_text: null });
  });

  it("keeps the instant reply when the model throws (JSON mode not met, capacity)", async () => {
    const { entry, job } = await personWithHistory();
    const run = stubModels(async () => {
      throw new Error("5024: JSON Mode couldn't be met");
    });
    const result = await deliver(job, { attempts: 3, env: workersAi() });
    expect(result.explicitAcks).toHaveLength(1);
    expect(followUpCalls(run)).toHaveLength(1);
    expect((await replyRow(entry.entry_id))!.refined_text).toBeNull();
  });

  it("does not wait for a model that never answers, and cancels the request", async () => {
    const { entry, job } = await personWithHistory();
    let signal: AbortSignal | undefined;
    stubModels((_input, options) => {
      signal = options?.signal;
      return new Promise(() => {});
    });
    const started = Date.now();
    expect(await followUpReply(workersAi(), getDb(env), job, { timeoutMs: 50 })).toBe("refused");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(signal?.aborted).toBe(true);
    expect((await replyRow(entry.entry_id))!.refined_text).toBeNull();
  });

  it("gives up after its own timeout (8 s) in the job", async () => {
    const { entry, job } = await personWithHistory();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      stubModels(() => new Promise(() => {}));
      let settled = false;
      const pending = followUpReply(workersAi(), getDb(env), job).finally(() => (settled = true));
      // The D1 and graph reads come first; the clock matters once the request is out.
      await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0), { timeout: 5_000, interval: 5 });
      await vi.advanceTimersByTimeAsync(7_800);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(300);
      expect(await pending).toBe("refused");
    } finally {
      vi.useRealTimers();
    }
    expect((await replyRow(entry.entry_id))!.refined_text).toBeNull();
  });

  it("never asks about a crisis or a concern entry", async () => {
    const user = await registerUser();
    await call("PUT", "/api/settings", { token: user.token, body: { ai_analysis: false, country: "GB" } });
    const run = stubModels(async () => ({ response: { follow_up: GOOD } }));
    for (const [content, level] of [
      [CRISIS, "crisis"],
      [CONCERN, "concern"],
    ] as const) {
      const entry = await write(user, content);
      expect(entry.safety.level).toBe(level);
      const result = await deliver({ type: "analyze-entry", entryId: entry.entry_id, userId: user.id, revision: 1 }, { attempts: 3, env: workersAi() });
      expect(result.explicitAcks).toHaveLength(1);
      expect((await replyRow(entry.entry_id))!.refined_text).toBeNull();
      expect(await followUpReply(workersAi(), getDb(env), { entryId: entry.entry_id, userId: user.id, revision: 1 })).toBe("not-asked");
    }
    expect(followUpCalls(run)).toEqual([]);
  });

  it("stores nothing when the entry is edited while the model is thinking, and hides an answer to old words", async () => {
    const { user, entry, job } = await personWithHistory();
    stubModels(async () => {
      const res = await call("PATCH", `/api/entries/${entry.entry_id}`, { token: user.token, body: { content: "Actually the day got better after dinner with Sam." } });
      expect(res.status).toBe(200);
      return { response: { follow_up: GOOD } };
    });
    expect(await followUpReply(workersAi(), getDb(env), job)).toBe("stale");
    expect((await replyRow(entry.entry_id))!.refined_text).toBeNull();
  });

  it("never lets a stale job overwrite the follow-up to a newer revision", async () => {
    const { user, entry, job } = await personWithHistory();
    const res = await call("PATCH", `/api/entries/${entry.entry_id}`, { token: user.token, body: { content: `${SAD_ENTRY} I went to bed early.` } });
    expect((await json(res)).revision).toBe(2);
    const newer = "Going to bed early after a day like that makes sense. A walk has helped you 4 of 5 times before, if tomorrow allows one.";
    const run = stubModels(async () => ({ response: { follow_up: newer } }));
    expect(await followUpReply(workersAi(), getDb(env), { ...job, revision: 2 })).toBe("refined");
    expect(await conversationReply(user, entry.entry_id)).toMatchObject({ refined_text: newer });

    // The job for revision 1 arrives late: it is not even asked, and the stored text cannot be replaced.
    expect(await followUpReply(workersAi(), getDb(env), job)).toBe("not-asked");
    expect(await storeRefinedText(getDb(env), job, "An answer to words that are gone.")).toBe(false);
    expect(followUpCalls(run)).toHaveLength(1);
    expect(await replyRow(entry.entry_id)).toMatchObject({ refined_text: newer, refined_revision: 2 });
  });

  it("shows no follow-up once the entry has been edited past it", async () => {
    const { user, entry, job } = await personWithHistory();
    stubModels(async () => ({ response: { follow_up: GOOD } }));
    expect(await followUpReply(workersAi(), getDb(env), job)).toBe("refined");
    await call("PATCH", `/api/entries/${entry.entry_id}`, { token: user.token, body: { content: "Something else entirely, written later." } });
    expect(await conversationReply(user, entry.entry_id)).toMatchObject({ text: entry.response.text, refined_text: null });
  });

  it("does nothing with the local provider, nor for an entry written outside the journal", async () => {
    const { user, entry, job } = await personWithHistory();
    const run = stubModels(async () => ({ response: { follow_up: GOOD } }));
    const result = await deliver(job);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await followUpReply(env, getDb(env), job)).toBe("not-asked");
    const plain = await createEntry(user.token, { content: SAD_ENTRY });
    expect(await followUpReply(workersAi(), getDb(env), { entryId: plain.id, userId: user.id, revision: 1 })).toBe("not-asked");
    expect(run).not.toHaveBeenCalled();
    expect((await replyRow(entry.entry_id))!.refined_text).toBeNull();
  });

  it("is not asked again when a refined reply already answers this revision", async () => {
    const { job } = await personWithHistory();
    const run = stubModels(async () => ({ response: { follow_up: GOOD } }));
    expect(await followUpReply(workersAi(), getDb(env), job)).toBe("refined");
    expect(await followUpReply(workersAi(), getDb(env), job)).toBe("not-asked");
    expect(followUpCalls(run)).toHaveLength(1);
  });
});

describe("askForFollowUp", () => {
  const context: FollowUpContext = {
    entry: "Ran by the river before work and it cleared my head.",
    reading: { emotion: "joy", isPositive: true },
    helped: [],
    triggers: [],
    memory: null,
  };
  const ai = (answer: () => Promise<unknown>) => ({ run: vi.fn(answer) }) as unknown as Pick<Ai, "run">;

  it("accepts the answer as an object or as a JSON string, squashing spaces", async () => {
    const text = "A run by the river that clears your head is a good start to a day.   What did you notice on the way?";
    const squashed = text.replace(/\s+/g, " ");
    expect((await askForFollowUp(ai(async () => ({ response: { follow_up: text } })), context)).text).toBe(squashed);
    expect((await askForFollowUp(ai(async () => ({ response: JSON.stringify({ follow_up: text }) })), context)).text).toBe(squashed);
  });

  it("asks the JSON-mode model with the rules and a capped entry", async () => {
    const stub = ai(async () => ({ response: { follow_up: "That sounds like a good morning." } }));
    await askForFollowUp(stub, { ...context, entry: `${context.entry} ${"More words. ".repeat(1_000)}` });
    const [model, input, options] = (stub.run as unknown as ReturnType<typeof vi.fn>).mock.calls[0] as [string, ModelInput & { max_tokens: number }, { signal: AbortSignal }];
    expect(model).toBe(FOLLOW_UP_MODEL);
    expect(input.response_format).toMatchObject({ type: "json_schema", json_schema: { required: ["follow_up"] } });
    const system = input.messages[0]!.content;
    for (const rule of [/no diagnosis/i, /no medical/i, /never invent/i, /at most one question/i, new RegExp(`${FOLLOW_UP_MAX_CHARS} characters`)]) expect(system).toMatch(rule);
    expect(input.messages[1]!.content.length).toBeLessThan(4_600);
    expect(input.messages[1]!.content).toContain("nothing is known, so do not mention");
    expect(options.signal).toBeInstanceOf(AbortSignal);
  });

  it("refuses an empty entry without asking", async () => {
    const stub = ai(async () => ({ response: { follow_up: "Hello." } }));
    await expect(askForFollowUp(stub, { ...context, entry: "   " })).rejects.toThrow(/empty/);
    expect(stub.run).not.toHaveBeenCalled();
  });

  it("rejects on a thrown or slow answer", async () => {
    await expect(askForFollowUp(ai(async () => Promise.reject(new Error("3040: capacity"))), context)).rejects.toThrow(/capacity/);
    await expect(askForFollowUp(ai(() => new Promise(() => {})), context, { timeoutMs: 20 })).rejects.toThrow(/within 20 ms/);
  });

  it("checks the limits and the grounding", () => {
    const grounding = groundingText({ ...context, helped: [{ action: "run", tried: 4, worked: 3, medianRecoveryMs: 2 * HOUR }] });
    const ok = (text: string) => parseFollowUp({ response: { follow_up: text } }, grounding);
    expect(ok("A run has helped you 3 of 4 times, usually within about 2 hours. What made this one good?")).toMatch(/3 of 4/);
    expect(() => ok("x".repeat(FOLLOW_UP_MAX_CHARS + 1))).toThrow(/longer than/);
    expect(() => ok("Why? Why not?")).toThrow(/more than one question/);
    expect(() => ok("See https://example.org")).toThrow(/link/);
    expect(() => ok("Write to help@example.org")).toThrow(/email/);
    expect(() => ok("Call +44 20 7946 0958")).toThrow(/phone/);
    expect(() => ok("A run helped 5 of 6 times.")).toThrow(/not given: 5, 6/);
    expect(() => ok("Your symptoms suggest a disorder.")).toThrow(/clinical/);
    // The person's own words may come back.
    const therapy = groundingText({ ...context, entry: "My therapist said running would help, and it did." });
    expect(parseFollowUp({ response: { follow_up: "It sounds like your therapist was right about running." } }, therapy)).toContain("therapist");
  });
});

describe("the graph's grounding", () => {
  const at = (i: number) => i * HOUR;
  const state = (id: string, emotion: GraphState["primaryEmotion"], i: number, activities: string[] = [], extra: Partial<GraphState> = {}): GraphState => ({
    entryId: id,
    revision: 1,
    recordedAt: at(i),
    primaryEmotion: emotion,
    valence: emotion === "joy" ? 0.7 : -0.5,
    intensity: 0.5,
    isPositive: emotion === "joy",
    ekmanScores: { [emotion]: 0.8 },
    activities,
    triedAction: null,
    safetyLevel: "none",
    ...extra,
  });

  it("gives a good entry nothing from history, and a low one only what worked, with counts", () => {
    const states = [
      state("a", "sadness", 0, ["work"]),
      state("b", "joy", 1, ["walk"]),
      state("c", "sadness", 2, ["work"]),
      state("d", "sadness", 3, ["tv"]),
      state("e", "sadness", 4),
      state("f", "sadness", 5),
      state("g", "joy", 200, ["walk"]),
    ];
    expect(groundingForFollowUp(states, states[6]!)).toEqual({ state: states[6], helped: [], triggers: [], memory: null });
    const low = state("now", "sadness", 300, ["work"]);
    const grounding = groundingForFollowUp([...states, low], low);
    // "tv" came after a low day and nothing got better: tried, never worked, so never offered.
    expect(grounding.helped.map((s) => [s.action, s.evidence?.worked, s.evidence?.tried])).toEqual([["walk", 4, 4]]);
    expect(grounding.triggers.map((t) => t.context)).toContain("work");
    expect(groundingForFollowUp([...states, { ...low, safetyLevel: "crisis" }], { ...low, safetyLevel: "crisis" }).memory).toBeNull();
  });
});
