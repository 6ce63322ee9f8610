// The prompt library as data (worker/prompts/library.ts) and as seeded by migrations/0015 agree, and
// the library is what issue 11 asks for: at least 150 prompts, every category, every mood, gentle
// prompts only among the difficult-days ones, nothing the safety screen would flag.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { EKMAN_EMOTIONS } from "../worker/emotion/taxonomy.ts";
import { PROMPT_CATEGORIES, PROMPT_LIBRARY } from "../worker/prompts/library.ts";
import { screenText } from "../worker/safety/screen.ts";

describe("the prompt library", () => {
  it("is seeded by the migration exactly as written in the data", async () => {
    const rows = await env.DB.prepare("SELECT id, category, gentle, text FROM prompts ORDER BY id").all<{ id: number; category: string; gentle: number; text: string }>();
    const moods = await env.DB.prepare("SELECT prompt_id, mood FROM prompt_moods").all<{ prompt_id: number; mood: string }>();
    const seeded = rows.results.map((r) => ({
      id: r.id,
      category: r.category,
      moods: EKMAN_EMOTIONS.filter((m) => moods.results.some((x) => x.prompt_id === r.id && x.mood === m)),
      gentle: r.gentle === 1,
      text: r.text,
    }));
    expect(seeded).toEqual(PROMPT_LIBRARY);
    expect(moods.results.length).toBe(PROMPT_LIBRARY.reduce((n, p) => n + p.moods.length, 0));
  });

  it("holds at least 150 prompts in every category, for every mood", () => {
    expect(PROMPT_LIBRARY.length).toBeGreaterThanOrEqual(150);
    for (const category of PROMPT_CATEGORIES) expect(PROMPT_LIBRARY.filter((p) => p.category === category).length, category).toBeGreaterThanOrEqual(10);
    for (const mood of EKMAN_EMOTIONS) expect(PROMPT_LIBRARY.filter((p) => p.moods.includes(mood)).length, mood).toBeGreaterThanOrEqual(20);
    expect(new Set(PROMPT_LIBRARY.map((p) => p.id)).size).toBe(PROMPT_LIBRARY.length);
    expect(new Set(PROMPT_LIBRARY.map((p) => p.text.toLowerCase())).size).toBe(PROMPT_LIBRARY.length);
  });

  it("keeps gentle prompts among the difficult-days ones, enough for a hard fortnight", () => {
    const gentle = PROMPT_LIBRARY.filter((p) => p.gentle);
    expect(gentle.length).toBeGreaterThanOrEqual(14);
    expect(gentle.every((p) => p.category === "difficult-days")).toBe(true);
  });

  it("never asks anything the safety screen would flag", () => {
    const flagged = PROMPT_LIBRARY.filter((p) => screenText(p.text).level !== "none").map((p) => p.text);
    expect(flagged).toEqual([]);
    expect(PROMPT_LIBRARY.filter((p) => /suicid|self[- ]?harm|\bkill|\bdie\b|hurt yourself/i.test(p.text))).toEqual([]);
  });
});
