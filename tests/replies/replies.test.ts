// Replies that answer the entry, end to end through POST /api/journal/entries: for each entry in
// cases.ts (with its constructed history), what the reply must mention, what it must not say or
// suggest, whether history leads, and the goal offered; and never the same text twice in a row.
import { describe, expect, it } from "vitest";
import { analyzeEmotion } from "../../worker/emotion/local-model.ts";
import { detectIntention } from "../../worker/reply/intentions.ts";
import { buildReply } from "../../worker/services/reply.ts";
import { extractActivities } from "../../worker/text/activities.ts";
import { call, json, registerUser, type TestUser } from "../helpers/api.ts";
import { CASES, type ReplyCase } from "./cases.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function write(user: TestUser, body: { content: string; tags?: string[] }) {
  const res = await call("POST", "/api/journal/entries", { token: user.token, body });
  expect(res.status).toBe(201);
  await sleep(3); // distinct timestamps keep the order of states unambiguous
  return json(res);
}

/** What every ordinary reply does: one question, at the end, and no unfilled template. */
function expectWellFormed(text: string) {
  expect(text).not.toMatch(/\{[sSg]|undefined|null|\s{2}|\.\./);
  expect(text.match(/\?/g) ?? []).toHaveLength(1);
  expect(text.trim().endsWith("?")).toBe(true);
}

describe("replies answer the entry", () => {
  it("has at least 40 entries in its table", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.name, c] as [string, ReplyCase]))("%s", async (_, c) => {
    const user = await registerUser();
    for (const h of c.history ?? []) await write(user, h);
    const body = await write(user, { content: c.entry, tags: c.tags });
    const text: string = body.response.text;
    const actions: { action: string; source: string; evidence: { tried: number; worked: number } | null }[] = body.response.suggested_actions;
    const context = `reply: ${text}\nactions: ${actions.map((a) => a.action).join(" | ")}`;

    expect(body.safety.level, context).toBe(c.safety ?? "none");
    for (const re of c.mentions) expect(text, context).toMatch(re);
    for (const re of c.never ?? []) expect(text, context).not.toMatch(re);
    for (const re of c.neverSuggest ?? []) for (const a of actions) expect(a.action, context).not.toMatch(re);
    if (c.leads) expect(actions[0], context).toMatchObject({ action: c.leads.action, source: "history", evidence: { tried: c.leads.tried, worked: c.leads.worked } });
    if (c.goal === null) expect(body.response.goal_offer).toBeNull();
    else if (c.goal) expect(body.response.goal_offer).toMatchObject(c.goal);

    if (c.safety === "crisis") expect(actions).toEqual([]);
    if (!c.safety) {
      expectWellFormed(text);
      expect(actions.length, context).toBeGreaterThan(c.goal ? -1 : 0);
      expect(actions.length).toBeLessThanOrEqual(3);
    }
  });
});

describe("every wording of a reply holds to the table", () => {
  // The route test above sees one wording per entry (chosen by its random id); here each entry
  // without a history is answered under many ids, with the same local reading the route uses.
  const WORDINGS = 40;
  const ordinary = CASES.filter((c) => !c.history && !c.safety);

  it.each(ordinary.map((c) => [c.name, c] as [string, ReplyCase]))("%s", (_, c) => {
    const analysis = analyzeEmotion(c.entry);
    const noticed = extractActivities(c.entry);
    const goalOffer = detectIntention(c.entry, Date.now());
    for (let i = 0; i < WORDINGS; i++) {
      const reply = buildReply({
        entryId: `wording-${i}`,
        emotion: analysis.primary_emotion,
        intensity: analysis.intensity,
        isPositive: analysis.is_positive,
        scores: analysis.ekman_scores,
        suggestions: [],
        memory: null,
        entry: { text: c.entry, ...noticed, tags: c.tags ?? [] },
        goalOffer,
      });
      const context = `reply: ${reply.text}\nactions: ${reply.suggested_actions.map((a) => a.action).join(" | ")}`;
      for (const re of c.mentions) expect(reply.text, context).toMatch(re);
      for (const re of c.never ?? []) expect(reply.text, context).not.toMatch(re);
      for (const re of c.neverSuggest ?? []) for (const a of reply.suggested_actions) expect(a.action, context).not.toMatch(re);
      expectWellFormed(reply.text);
    }
  });
});

describe("never the same reply text twice in a row", () => {
  it("varies the words when the same entry is written again and again", async () => {
    const user = await registerUser();
    const texts: string[] = [];
    for (const content of ["I feel so sad and lonely tonight.", "I feel so sad and lonely tonight.", "I feel so sad and lonely tonight.", "Thanks for checking in.", "ok", "ok", "ok", "ok"]) {
      texts.push((await write(user, { content })).response.text);
    }
    for (let i = 1; i < texts.length; i++) expect(texts[i], `reply ${i} repeats reply ${i - 1}`).not.toBe(texts[i - 1]);
  });

  it("a concern reply is varied too; a crisis reply keeps its calm, constant words", async () => {
    const user = await registerUser();
    const concern = [];
    for (let i = 0; i < 4; i++) concern.push((await write(user, { content: "I feel numb and empty." })).response.text);
    for (let i = 1; i < concern.length; i++) expect(concern[i]).not.toBe(concern[i - 1]);
    const crisis = [];
    for (let i = 0; i < 2; i++) crisis.push((await write(user, { content: "I want to die. I can't do this anymore." })).response);
    expect(crisis[0].suggested_actions).toEqual([]);
    expect(crisis[1].text).toBe(crisis[0].text);
  });
});
