// What the journal does with an entry that sounds like a crisis, through the real API: the entry is
// kept, the reply is calm and points to people, nothing else is offered, and every view, edit,
// export and import carries the level.
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { graphFor } from "../../worker/services/graph.ts";
import { call, createEntry, expectError, json, registerUser, type TestUser } from "../helpers/api.ts";
import { deliver } from "../queues/helpers.ts";

const CRISIS = "I don't want to be alive anymore. I've been thinking about ending it all.";
const CONCERN = "I feel numb and empty, like nothing matters.";
const IDIOM = "This deadline is killing me, but I killed it at the presentation and I'm dying to see the film tonight.";
const ORDINARY_LONG =
  "Work was long today. The train was late again and I stood the whole way, reading on my phone until it died. " +
  "Lunch with Sam was the best part: we laughed about the quiz night and planned the weekend. " +
  "In the afternoon I finished the report, which felt good, and my manager said it was clear. ";

afterEach(() => {
  vi.restoreAllMocks();
});

async function write(user: TestUser, content: string) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body: { content } });
  expect(res.status).toBe(201);
  return json(res);
}

async function setCountry(user: TestUser, settings: Record<string, unknown>) {
  const res = await call("PUT", "/api/settings", { token: user.token, body: settings });
  expect(res.status).toBe(200);
  return json(res);
}

const storedLevel = async (entryId: string) =>
  (await env.DB.prepare("SELECT safety_level AS level, safety_source AS source FROM entries WHERE id = ?").bind(entryId).first<{ level: string; source: string }>())!;

describe("a crisis entry", () => {
  it("is stored as written and answered calmly with the lines for the person's country, and nothing else", async () => {
    const user = await registerUser();
    await setCountry(user, { country: "GB" });
    const body = await write(user, CRISIS);

    expect(body.safety.level).toBe("crisis");
    expect(body.safety.resources[0]).toMatchObject({ name: "Samaritans", phone: "116 123" });
    expect(body.safety.resources.at(-1).url).toMatch(/^https:\/\//);
    expect(body.response.suggested_actions).toEqual([]);
    expect(body.response.text).toMatch(/sounds really hard/);
    expect(body.response.text).toMatch(/deserve support right now/);
    expect(body.response.text).toContain("116 123");
    expect(body.response.text).not.toMatch(/\?/); // no probing question
    expect(body.response.text).not.toMatch(/breath|walk|helped|On \d+ \w+ you wrote/);

    const entry = await json(await call("GET", `/api/entries/${body.entry_id}`, { token: user.token }));
    expect(entry.content).toBe(CRISIS);
    expect(entry.safety.level).toBe("crisis");
    expect(entry.safety.resources[0].name).toBe("Samaritans");
    expect(await storedLevel(body.entry_id)).toEqual({ level: "crisis", source: "local" });
    const reply = await env.DB.prepare("SELECT suggested_actions FROM replies WHERE entry_id = ?").bind(body.entry_id).first<{ suggested_actions: string }>();
    expect(JSON.parse(reply!.suggested_actions)).toEqual([]);

    const conversation = await json(await call("GET", "/api/journal/conversation", { token: user.token }));
    expect(conversation.items[0]).toMatchObject({ entry_id: body.entry_id, safety: { level: "crisis" }, response: { suggested_actions: [] } });
  });

  it("is found when buried in a long ordinary entry, in lower case without punctuation, and in slang", async () => {
    const user = await registerUser();
    const buried = `${ORDINARY_LONG}Honestly some nights I think everyone would be better off without me. ${ORDINARY_LONG}`;
    expect((await write(user, buried)).safety.level).toBe("crisis");
    expect((await write(user, "i dont wanna be alive anymore i cant do this")).safety.level).toBe("crisis");
    expect((await write(user, "ngl thinking about kms tonight")).safety.level).toBe("crisis");
  });

  it("earns no points and no achievement when its insight is made, while an ordinary entry does", async () => {
    const user = await registerUser();
    await setCountry(user, { ai_analysis: false });
    const crisis = await createEntry(user.token, { content: CRISIS });
    const ordinary = await createEntry(user.token, { content: ORDINARY_LONG });
    for (const entry of [crisis, ordinary]) {
      const result = await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 });
      expect(result.explicitAcks).toHaveLength(1);
    }
    const points = await env.DB.prepare("SELECT ref FROM point_transactions WHERE user_id = ? AND reason = 'entry-analysed'").bind(user.id).all<{ ref: string }>();
    expect(points.results.map((r) => r.ref)).toEqual([ordinary.id]);
    const insight = await env.DB.prepare("SELECT questions, provider FROM insights WHERE entry_id = ?").bind(crisis.id).first<{ questions: string; provider: string }>();
    expect(JSON.parse(insight!.questions)).toEqual([]);
  });

  it("earns no points for an action recorded as tried after it", async () => {
    const user = await registerUser();
    const body = await write(user, CRISIS);
    const res = await call("POST", `/api/journal/entries/${body.entry_id}/tried`, { token: user.token, body: { action: "called a friend" } });
    expect(res.status).toBe(200);
    const points = await env.DB.prepare("SELECT count(*) AS n FROM point_transactions WHERE user_id = ?").bind(user.id).first<{ n: number }>();
    expect(points!.n).toBe(0);
  });

  it("never asks the language model about a crisis entry, even in production", async () => {
    const user = await registerUser();
    await setCountry(user, { ai_analysis: false });
    const entry = await createEntry(user.token, { content: CRISIS });
    const run = vi.spyOn(env.AI, "run").mockRejectedValue(new Error("must not be called"));
    const result = await deliver({ type: "analyze-entry", entryId: entry.id, userId: user.id, revision: 1 }, { env: { ...env, AI_PROVIDER: "workers-ai" } as Env });
    expect(result.explicitAcks).toHaveLength(1);
    expect(run).not.toHaveBeenCalled();
    const insight = await env.DB.prepare("SELECT status, provider FROM insights WHERE entry_id = ?").bind(entry.id).first();
    expect(insight).toMatchObject({ status: "ready", provider: "local" });
  });

  it("stays in the graph but never comes back as a memory", async () => {
    const user = await registerUser();
    const body = await write(user, CRISIS);
    const history = await graphFor(env, user.id).history(5);
    expect(history.map((s) => [s.entryId, s.safetyLevel])).toContainEqual([body.entry_id, "crisis"]);
  });
});

describe("the weekly summary", () => {
  it("never brings back a crisis entry's words as a highlight, though the entry counts in the week", async () => {
    const user = await registerUser();
    await setCountry(user, { ai_analysis: false });
    const until = Date.parse("2026-11-22T19:00:00Z");
    const contents = [
      "The pills are in my drawer and tonight I want to die. The pills are all I think about.",
      "Tonight I want to die, the pills are still in the drawer.",
      "Gardening with Ana, the tomatoes are finally red. Gardening makes the evening calm.",
      "More gardening after work, tomatoes and beans everywhere.",
    ];
    for (const [i, content] of contents.entries()) {
      const e = await createEntry(user.token, { content });
      await env.DB.prepare("UPDATE entries SET created_at = ? WHERE id = ?").bind(until - (4 - i) * 86_400_000, e.id).run();
      await deliver({ type: "analyze-entry", entryId: e.id, userId: user.id, revision: 1 });
    }
    const job = { type: "weekly-summary", userId: user.id, weekEnd: "2026-11-22", until };
    expect((await deliver(job)).explicitAcks).toHaveLength(1);
    const { summaries } = await json(await call("GET", "/api/insights/weekly", { token: user.token }));
    expect(summaries[0].entry_count).toBe(4);
    const topics = summaries[0].recurring_topics.map((t: { topic: string }) => t.topic).join(" ");
    expect(topics).toMatch(/gardening|tomatoes/);
    expect(topics).not.toMatch(/pills|drawer|die/);
  });
});

describe("a concern entry", () => {
  it("gets a gentle reply, only 'reach out' suggestions, and the lines offered quietly", async () => {
    const user = await registerUser();
    const body = await write(user, CONCERN);
    expect(body.safety.level).toBe("concern");
    expect(body.safety.resources.length).toBeGreaterThan(0);
    expect(body.response.suggested_actions.map((a: { action: string }) => a.action)).toEqual(["reach out to someone you trust", "talk it through with a support line"]);
    expect(body.response.text).toMatch(/someone you trust/);
  });
});

describe("ordinary entries", () => {
  it("idioms, grief and negation are not a crisis and carry no lines", async () => {
    const user = await registerUser();
    for (const content of [IDIOM, "My grandad died last spring and I still miss his laugh.", "I'm not suicidal, just exhausted after this week.", "Watched a documentary about suicide prevention with my class."]) {
      const body = await write(user, content);
      expect(body.safety, content).toEqual({ level: "none", resources: [] });
      expect(body.response.suggested_actions.length).toBeGreaterThan(0);
    }
  });
});

describe("edits", () => {
  it("an edit that turns an ordinary entry into a crisis one, and back, moves the level and the stores together", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: ORDINARY_LONG });
    expect(entry.safety).toEqual({ level: "none", resources: [] });

    const toCrisis = await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: `${ORDINARY_LONG} I want to die.` } });
    expect(toCrisis.status).toBe(200);
    expect((await json(toCrisis)).safety.level).toBe("crisis");
    expect(await storedLevel(entry.id)).toMatchObject({ level: "crisis" });
    expect((await graphFor(env, user.id).history(1))[0]).toMatchObject({ entryId: entry.id, revision: 2, safetyLevel: "crisis" });

    const back = await call("PUT", `/api/entries/${entry.id}`, { token: user.token, body: { content: "A calm, ordinary evening at home." } });
    expect(back.status).toBe(200);
    expect((await json(back)).safety).toEqual({ level: "none", resources: [] });
    expect(await storedLevel(entry.id)).toMatchObject({ level: "none" });
    expect((await graphFor(env, user.id).history(1))[0]).toMatchObject({ entryId: entry.id, revision: 3, safetyLevel: "none" });
  });

  it("a failed edit changes nothing", async () => {
    const user = await registerUser();
    const entry = await createEntry(user.token, { content: CRISIS });
    await expectError(await call("PATCH", `/api/entries/${entry.id}`, { token: user.token, body: { content: "" } }), 400);
    expect(await storedLevel(entry.id)).toMatchObject({ level: "crisis" });
  });
});

describe("export and import", () => {
  it("the level is part of the export and survives an import, even when the words alone would not say so", async () => {
    const user = await registerUser();
    await createEntry(user.token, { content: CRISIS });
    const exported = await json(await call("GET", "/api/entries/export?format=json", { token: user.token }));
    expect(exported.entries[0].safety_level).toBe("crisis");

    const other = await registerUser();
    const file = {
      format: "tideline-export",
      version: 1,
      entries: [
        { content: CRISIS, created_at: "2025-03-01T20:00:00Z" },
        // Marked crisis in the journal it came from (its words were edited later in a way the screen misses).
        { content: "Tonight is the night. I have made my peace.", created_at: "2025-03-02T20:00:00Z", safety_level: "crisis" },
        { content: "Coffee with Ana, a lovely morning.", created_at: "2025-03-03T09:00:00Z", safety_level: "none" },
      ],
    };
    const res = await call("POST", "/api/entries/import", { token: other.token, body: file });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ created: 3 });
    const page = await json(await call("GET", "/api/entries?limit=10", { token: other.token }));
    const byContent = Object.fromEntries(page.entries.map((e: { content: string; safety: { level: string } }) => [e.content, e.safety.level]));
    expect(byContent).toEqual({ [CRISIS]: "crisis", "Tonight is the night. I have made my peace.": "crisis", "Coffee with Ana, a lovely morning.": "none" });
  });

  it("an unknown level in an import file is refused with a 400 and nothing is imported", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/entries/import", {
      token: user.token,
      body: { format: "tideline-export", version: 1, entries: [{ content: "x", created_at: "2025-03-01T20:00:00Z", safety_level: "fine" }] },
    });
    await expectError(res, 400);
    expect((await json(await call("GET", "/api/entries", { token: user.token }))).entries).toEqual([]);
  });
});

describe("the country of the lines", () => {
  it("follows the time zone until the person chooses a country, and a bad code is refused", async () => {
    const user = await registerUser();
    expect(await setCountry(user, { timezone: "America/New_York" })).toMatchObject({ country: null, effective_country: "US" });
    expect((await write(user, CRISIS)).safety.resources[0].phone).toBe("988");
    expect(await setCountry(user, { country: "GB" })).toMatchObject({ country: "GB", effective_country: "GB" });
    expect((await write(user, CRISIS)).safety.resources[0].name).toBe("Samaritans");
    expect(await setCountry(user, { country: null })).toMatchObject({ country: null, effective_country: "US" });
    await expectError(await call("PUT", "/api/settings", { token: user.token, body: { country: "England" } }), 400);
    await expectError(await call("PUT", "/api/settings", { token: user.token, body: { country: "gb" } }), 400);
  });

  it("a country without national lines, or none at all, gets the international directories", async () => {
    const user = await registerUser();
    await setCountry(user, { timezone: "UTC" });
    const body = await write(user, CRISIS);
    expect(body.safety.resources.length).toBeGreaterThan(0);
    expect(body.safety.resources.every((r: { url?: string }) => r.url?.startsWith("https://"))).toBe(true);
  });
});

describe("GET /api/safety/resources", () => {
  it("answers anyone, signed in or not, with a country's lines then the international ones", async () => {
    const res = await call("GET", "/api/safety/resources?country=us");
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.country).toBe("US");
    expect(body.resources[0]).toMatchObject({ phone: "988" });
    expect(body.countries).toContain("GB");
    const none = await json(await call("GET", "/api/safety/resources"));
    expect(none.country).toBeNull();
    expect(none.resources.length).toBeGreaterThan(0);
    await expectError(await call("GET", "/api/safety/resources?country=USA"), 400);
  });
});
