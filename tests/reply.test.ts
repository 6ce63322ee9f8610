// The reply writer and the choice of a past entry to bring back: pure functions, checked directly
// (the table of entries through the journal route is tests/replies/replies.test.ts).
import { describe, expect, it } from "vitest";
import { findRecoveryMemory } from "../durable-objects/graph-algorithms.ts";
import type { GraphState, Suggestion } from "../durable-objects/graph-types.ts";
import { buildReply, describeDuration } from "../worker/services/reply.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse("2026-11-22T12:00:00Z");

function state(id: string, emotion: GraphState["primaryEmotion"], daysAgo: number, valence: number, intensity = 0.5): GraphState {
  return {
    entryId: id,
    revision: 1,
    recordedAt: now - daysAgo * DAY,
    primaryEmotion: emotion,
    valence,
    intensity,
    isPositive: valence > 0,
    ekmanScores: {},
    activities: [],
    triedAction: null,
    safetyLevel: "none",
  };
}

const walk: Suggestion = { action: "walk", source: "history", score: 5 / 7, evidence: { tried: 5, worked: 4, medianRecoveryMs: 2 * HOUR } };
const generic: Suggestion = { action: "make a warm drink", source: "generic", score: 0.5, evidence: null };

describe("findRecoveryMemory", () => {
  it("picks the latest earlier low state of the same emotion that was followed by recovery", () => {
    const states = [
      state("old-sad", "sadness", 30, -0.5),
      state("old-joy", "joy", 29, 0.6),
      state("recent-sad", "sadness", 10, -0.4),
      state("recent-joy", "joy", 9, 0.7),
      state("today", "sadness", 0, -0.5),
    ];
    expect(findRecoveryMemory(states, states.at(-1)!)).toEqual({ entryId: "recent-sad", recordedAt: now - 10 * DAY, recoveredAfterMs: DAY });
  });

  it("never brings back one of the lowest days, nor a state without recovery or too recent", () => {
    const filler = Array.from({ length: 10 }, (_, i) => state(`f${i}`, "neutral", 60 - i, 0.1));
    const states = [
      ...filler,
      state("worst-day", "sadness", 20, -0.95),
      state("after-worst", "joy", 19, 0.5),
      state("no-recovery", "sadness", 15, -0.3),
      state("still-low", "anger", 14, -0.3),
      state("still-low-2", "anger", 13, -0.3),
      state("still-low-3", "anger", 12, -0.3),
      state("yesterday", "sadness", 1, -0.3),
      state("yesterday-joy", "joy", 0.9, 0.5),
      state("today", "sadness", 0, -0.4),
    ];
    expect(findRecoveryMemory(states, states.at(-1)!)).toBeNull();
  });

  it("never brings back a crisis entry, however well it fits", () => {
    const crisis = { ...state("crisis-day", "sadness", 10, -0.4), safetyLevel: "crisis" as const };
    const states = [state("older-sad", "sadness", 30, -0.4), state("older-joy", "joy", 29, 0.6), crisis, state("after", "joy", 9, 0.7), state("today", "sadness", 0, -0.5)];
    expect(findRecoveryMemory(states, states.at(-1)!)?.entryId).toBe("older-sad");
  });
});

describe("buildReply", () => {
  const base = { emotion: "sadness" as const, intensity: 0.5, isPositive: false, suggestions: [walk, generic], memory: null };

  it("is deterministic for an entry and varies across entries", () => {
    const a = buildReply({ ...base, entryId: "entry-a" });
    expect(buildReply({ ...base, entryId: "entry-a" })).toEqual(a);
    const texts = new Set(Array.from({ length: 20 }, (_, i) => buildReply({ ...base, entryId: `entry-${i}` }).text));
    expect(texts.size).toBeGreaterThan(3);
  });

  it("leads with what helped, in plain words with its evidence, and offers up to three actions", () => {
    for (let i = 0; i < 20; i++) {
      const reply = buildReply({ ...base, entryId: `x-${i}` });
      expect(reply.text).toMatch(/a walk (has )?helped( \u2014)? 4 of 5 times(,| when you felt like this,) usually within about 2 hours\./);
      expect(reply.suggested_actions[0]).toEqual(walk);
      expect(reply.suggested_actions).toHaveLength(3);
      expect(reply.suggested_actions.slice(1).every((s) => s.source === "generic")).toBe(true);
    }
  });

  it("offers a generic idea gently when there is no evidence yet, and adds care on an intense low", () => {
    const reply = buildReply({ ...base, entryId: "y", intensity: 0.9, suggestions: [generic] });
    const idea = reply.suggested_actions[0]!.action;
    expect(reply.text).toMatch(new RegExp(`(If it helps, you could|One small idea, if it fits:) ${idea.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`));
    expect(reply.text).toMatch(/reaching out to someone you trust/);
  });

  it("never leads with evidence that did not help more often than not", () => {
    const weak: Suggestion = { action: "nap", source: "history", score: 2 / 6, evidence: { tried: 4, worked: 1, medianRecoveryMs: HOUR } };
    const reply = buildReply({ ...base, entryId: "w", suggestions: [weak, generic] });
    expect(reply.text).not.toMatch(/nap/);
    expect(reply.suggested_actions.map((s) => s.action)).not.toContain("nap");
  });

  it("never says the same as the previous reply, whatever the entry", () => {
    for (let i = 0; i < 30; i++) {
      const input = { ...base, entryId: `same-${i}`, entry: { text: "Went for a run and felt great.", activities: ["run"], people: [] } };
      const first = buildReply(input);
      const second = buildReply({ ...input, previousText: first.text });
      expect(second.text).not.toBe(first.text);
      // deterministic for the same entry and previous reply
      expect(buildReply({ ...input, previousText: first.text })).toEqual(second);
    }
  });

  it("asks exactly one question, last", () => {
    for (const emotion of ["joy", "sadness", "anger", "fear", "surprise", "disgust", "neutral"] as const) {
      const text = buildReply({ ...base, emotion, isPositive: emotion === "joy", entryId: `q-${emotion}`, entry: { text: "Had a long call with my sister.", activities: ["talk"], people: ["my sister"] } }).text;
      expect(text.match(/\?/g)).toHaveLength(1);
      expect(text.endsWith("?")).toBe(true);
    }
  });

  it("brings back a recovery memory for about one entry in three", () => {
    const memory = { writtenAt: now - 10 * DAY, timeZone: "UTC", excerpt: "Rough day at work", recoveredAfterMs: DAY };
    const withMemory = Array.from({ length: 60 }, (_, i) => buildReply({ ...base, entryId: `m-${i}`, memory })).filter((r) => r.text.includes("Rough day at work"));
    expect(withMemory.length).toBeGreaterThan(10);
    expect(withMemory.length).toBeLessThan(35);
    expect(withMemory[0]!.text).toMatch(/12 November/);
    expect(withMemory[0]!.text).toMatch(/about a day/);
  });

  it("dates a recovery memory in the person's time zone, not in UTC", () => {
    // 23:30 UTC on 12 November is already the 13th in Auckland (UTC+13 in November).
    const lateAt = Date.parse("2026-11-12T23:30:00Z");
    const textIn = (timeZone: string) =>
      Array.from({ length: 60 }, (_, i) => buildReply({ ...base, entryId: `z-${i}`, memory: { writtenAt: lateAt, timeZone, excerpt: "Rough day at work", recoveredAfterMs: DAY } }).text).find((t) => t.includes("Rough day at work"))!;
    expect(textIn("Pacific/Auckland")).toMatch(/13 November/);
    expect(textIn("UTC")).toMatch(/12 November/);
    expect(textIn("America/Los_Angeles")).toMatch(/12 November/);
  });

  it("acknowledges an entry that holds both something hard and something good", () => {
    const mixed = buildReply({ ...base, entryId: "mixed", emotion: "joy", isPositive: true, suggestions: [generic], scores: { joy: 0.85, sadness: 0.71 } });
    expect(mixed.text).toMatch(/two halves|bit of everything|mixed day/);
    const clear = buildReply({ ...base, entryId: "mixed", emotion: "joy", isPositive: true, suggestions: [generic], scores: { joy: 0.85, sadness: 0.3 } });
    expect(clear.text).not.toMatch(/two halves|bit of everything|mixed day/);
  });

  it("does not console a happy entry", () => {
    const reply = buildReply({ ...base, entryId: "z", emotion: "joy", isPositive: true, suggestions: [generic] });
    expect(reply.text).not.toMatch(/sorry|heavy|helped \d/i);
  });

  it("describes durations in plain words", () => {
    expect(describeDuration(30 * 60_000)).toBe("about 30 minutes");
    expect(describeDuration(HOUR)).toBe("about an hour");
    expect(describeDuration(5 * HOUR)).toBe("about 5 hours");
    expect(describeDuration(3 * DAY)).toBe("about 3 days");
  });
});

describe("buildReply and the safety level", () => {
  const base = { emotion: "anger" as const, intensity: 0.9, isPositive: false, suggestions: [walk, generic], memory: { writtenAt: now - 20 * DAY, timeZone: "UTC", excerpt: "a hard day", recoveredAfterMs: DAY } };
  const resources = [{ name: "Samaritans", phone: "116 123", hours: "24/7" }, { name: "Find A Helpline", url: "https://findahelpline.com" }];

  const offer = { title: "Start running three times a week", life_area: "health" as const, description: "", due_date: null, cadence: { times: 3, per: "week" as const } };
  const entry = { text: "My manager yelled at me. I want to start running three times a week.", activities: [], people: ["my manager"] };

  it("answers a crisis calmly with how to reach people, and nothing else", () => {
    const reply = buildReply({ ...base, entryId: "c", entry, goalOffer: offer, safety: { level: "crisis", resources } });
    expect(reply.suggested_actions).toEqual([]);
    expect(reply.goal_offer).toBeNull();
    expect(reply.text).toContain("You can call Samaritans on 116 123 (24/7).");
    expect(reply.text).not.toMatch(/heat|walk|helped|a hard day|manager|running|goal|\?/);
  });

  it("answers a concern gently, with only reaching out to people as suggestions", () => {
    const reply = buildReply({ ...base, entryId: "k", entry, goalOffer: offer, safety: { level: "concern", resources } });
    expect(reply.suggested_actions.map((s) => s.action)).toEqual(["reach out to someone you trust", "talk it through with a support line"]);
    expect(reply.text).toMatch(/someone you trust/);
    expect(reply.text).not.toMatch(/a hard day|heat|manager|running|\?/);
    expect(reply.goal_offer).toBeNull();
  });

  it("a crisis reply still says what to do when no line is known", () => {
    expect(buildReply({ ...base, entryId: "n", safety: { level: "crisis", resources: [] } }).text).toMatch(/local emergency number/);
  });
});
