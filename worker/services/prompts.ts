// Writing prompts for a person: the library, their daily prompt (stable all day in their time zone,
// never one shown in the last 30 days, suited to their recent mood), a random one, and a generated
// list. After a crisis entry only gentle prompts are offered, and no language model is asked.
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { entries, entryTags, insights, promptGenerations, prompts, promptsShown, tags } from "../db/schema.ts";
import { EKMAN_EMOTIONS, type EkmanEmotion } from "../emotion/taxonomy.ts";
import { fnv1a } from "../lib/hash.ts";
import { DAY_MS, localDate, shiftDay } from "../lib/time-zone.ts";
import { StoredTextListSchema } from "../schemas/insights.ts";
import { PromptCategorySchema, PromptMoodSchema, type PromptCategory } from "../prompts/library.ts";
import { GENERATED_COUNT, generateWithWorkersAi } from "../prompts/workers-ai-prompts.ts";
import { openAiGate } from "./ai-gate.ts";
import { NoticedListSchema } from "./entry-noticed.ts";
import { calendarSettings } from "./settings.ts";
import { seededRandom } from "../lib/seeded-random.ts";

/** A daily prompt is not shown again within this many days. */
export const NO_REPEAT_DAYS = 30;
/** The entries that say what someone's recent mood is, and how old they may be. */
const MOOD_ENTRIES = 3;
const MOOD_WINDOW_MS = 14 * DAY_MS;
/** The entries whose activities, tags and topics a generated list may draw on. */
const CONTEXT_ENTRIES = 20;
const MAX_SUBJECTS = 6;

const LOW_MOODS: readonly EkmanEmotion[] = ["sadness", "fear", "anger", "disgust"];

export interface PromptView {
  id: number;
  category: PromptCategory;
  moods: EkmanEmotion[];
  gentle: boolean;
  text: string;
}

export interface PromptFilter {
  category?: PromptCategory | undefined;
  mood?: EkmanEmotion | undefined;
  gentleOnly?: boolean;
}

/** The moods column of a library read: a JSON array built by the query itself. */
const MoodListSchema = z.array(PromptMoodSchema);
const byEkmanOrder = (moods: EkmanEmotion[]) => EKMAN_EMOTIONS.filter((m) => moods.includes(m));

/** Library prompts matching the filter, in id order. */
export async function listPrompts(db: Database, filter: PromptFilter = {}): Promise<PromptView[]> {
  const conditions: SQL[] = [];
  if (filter.category) conditions.push(eq(prompts.category, filter.category));
  if (filter.gentleOnly) conditions.push(eq(prompts.gentle, true));
  if (filter.mood) conditions.push(sql`EXISTS (SELECT 1 FROM prompt_moods pm WHERE pm.mood = ${filter.mood} AND pm.prompt_id = ${prompts.id})`);
  const rows = await db
    .select({
      id: prompts.id,
      category: prompts.category,
      gentle: prompts.gentle,
      text: prompts.text,
      moods: sql<string>`(SELECT json_group_array(pm.mood) FROM prompt_moods pm WHERE pm.prompt_id = ${prompts.id})`,
    })
    .from(prompts)
    .where(and(...conditions))
    .orderBy(asc(prompts.id));
  return rows.map((r) => ({
    id: r.id,
    category: PromptCategorySchema.parse(r.category),
    moods: byEkmanOrder(MoodListSchema.parse(JSON.parse(r.moods))),
    gentle: r.gentle,
    text: r.text,
  }));
}

interface MoodContext {
  /** The safety level of the person's latest entry (null: no entries yet). */
  latestSafety: "none" | "concern" | "crisis" | null;
  /** The mood of their last few recent entries, the latest weighing most (null: nothing recent). */
  recentMood: EkmanEmotion | null;
}

async function moodContext(db: Database, userId: string, now: number): Promise<MoodContext> {
  const rows = await db
    .select({ emotion: entries.primaryEmotion, safety: entries.safetyLevel, createdAt: entries.createdAt })
    .from(entries)
    .where(eq(entries.userId, userId))
    .orderBy(desc(entries.createdAt), desc(entries.seq))
    .limit(MOOD_ENTRIES);
  const weights = new Map<EkmanEmotion, number>();
  rows.forEach((row, i) => {
    const emotion = PromptMoodSchema.safeParse(row.emotion);
    if (!emotion.success || now - row.createdAt > MOOD_WINDOW_MS) return;
    weights.set(emotion.data, (weights.get(emotion.data) ?? 0) + (MOOD_ENTRIES - i));
  });
  let recentMood: EkmanEmotion | null = null;
  for (const [emotion, weight] of weights) if (recentMood === null || weight > weights.get(recentMood)!) recentMood = emotion;
  return { latestSafety: rows[0]?.safety ?? null, recentMood };
}

/** What a person may be offered now: gentle prompts only after a crisis entry. */
function suitedFilter(context: MoodContext): PromptFilter {
  if (context.latestSafety === "crisis") return { gentleOnly: true };
  const mood = context.recentMood ?? "neutral";
  // After a worrying (not crisis) entry: the difficult-days prompts, suited to a low mood.
  if (context.latestSafety === "concern") return { category: "difficult-days", mood: LOW_MOODS.includes(mood) ? mood : "sadness" };
  return { mood };
}

/** `count` items of the list in a seeded order. */
function pickSeeded<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// The daily prompt

export async function dailyPrompt(db: Database, userId: string, now = Date.now()): Promise<{ date: string; prompt: PromptView }> {
  const [{ timeZone }, context] = await Promise.all([calendarSettings(db, userId), moodContext(db, userId, now)]);
  const date = localDate(now, timeZone);
  const since = shiftDay(date, -NO_REPEAT_DAYS);
  const filter = suitedFilter(context);
  const [shown, pool] = await Promise.all([
    db
      .select({ day: promptsShown.day, promptId: promptsShown.promptId })
      .from(promptsShown)
      .where(and(eq(promptsShown.userId, userId), gte(promptsShown.day, since)))
      .orderBy(desc(promptsShown.day)),
    listPrompts(db, filter),
  ]);

  const today = shown.find((s) => s.day === date);
  if (today) {
    const kept = pool.find((p) => p.id === today.promptId) ?? (filter.gentleOnly ? undefined : (await listPrompts(db)).find((p) => p.id === today.promptId));
    // Stable all day, unless a crisis entry came since: then a gentle one takes its place.
    if (kept) return { date, prompt: kept };
  }

  const recent = new Set(shown.filter((s) => s.day !== date).map((s) => s.promptId));
  let candidates = pool.filter((p) => !recent.has(p.id));
  // A narrow pool used up: widen to the whole library (never after a crisis entry), then repeat the
  // suited prompt shown longest ago.
  if (candidates.length === 0 && !filter.gentleOnly) candidates = (await listPrompts(db)).filter((p) => !recent.has(p.id));
  if (candidates.length === 0) {
    const lastShown = new Map<number, string>();
    for (const s of shown) if (!lastShown.has(s.promptId)) lastShown.set(s.promptId, s.day);
    const oldest = [...pool].sort((a, b) => (lastShown.get(a.id) ?? "").localeCompare(lastShown.get(b.id) ?? "") || a.id - b.id)[0];
    candidates = oldest ? [oldest] : [];
  }
  const chosen = candidates[fnv1a(`${userId}:${date}`) % Math.max(1, candidates.length)];
  if (!chosen) throw new Error("prompts: the library is empty");

  const createdAt = Date.now();
  await db.batch([
    db
      .insert(promptsShown)
      .values({ userId, day: date, promptId: chosen.id, createdAt })
      .onConflictDoUpdate({ target: [promptsShown.userId, promptsShown.day], set: { promptId: chosen.id, createdAt } }),
    db.delete(promptsShown).where(and(eq(promptsShown.userId, userId), lt(promptsShown.day, since))),
  ]);
  return { date, prompt: chosen };
}

// ---------------------------------------------------------------------------------------------
// A random prompt

/** A random library prompt matching the filter (gentle ones only after a crisis entry), not `exclude` when there is another. */
export async function randomPrompt(db: Database, userId: string, query: PromptFilter & { exclude?: number | undefined }): Promise<PromptView | null> {
  const context = await moodContext(db, userId, Date.now());
  const filter: PromptFilter = context.latestSafety === "crisis" ? { gentleOnly: true } : { category: query.category, mood: query.mood };
  const pool = await listPrompts(db, filter);
  const others = pool.filter((p) => p.id !== query.exclude);
  const from = others.length > 0 ? others : pool;
  if (from.length === 0) return null;
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return from[(n ?? 0) % from.length]!;
}

// ---------------------------------------------------------------------------------------------
// Generated lists

export interface GenerateRequest {
  category?: PromptCategory | undefined;
  theme?: string | undefined;
  mood?: EkmanEmotion | undefined;
}

export interface GeneratedPrompt {
  text: string;
  category: PromptCategory | null;
  prompt_id: number | null;
}

export interface GeneratedList {
  prompts: GeneratedPrompt[];
  source: "workers-ai" | "library";
}

/**
 * What the person has written about lately, most often first: activities read from their entries,
 * their tags and the insights' topics. Only their own rows, and never from a crisis entry.
 */
export async function recentSubjects(db: Database, userId: string): Promise<string[]> {
  const recent = await db
    .select({ id: entries.id, activities: entries.activities })
    .from(entries)
    // Private entries lend no subjects: these may be sent to Workers AI.
    .where(and(eq(entries.userId, userId), inArray(entries.safetyLevel, ["none", "concern"]), eq(entries.private, false)))
    .orderBy(desc(entries.createdAt), desc(entries.seq))
    .limit(CONTEXT_ENTRIES);
  if (recent.length === 0) return [];
  const ids = recent.map((e) => e.id);
  const [tagRows, topicRows] = await Promise.all([
    db
      .select({ name: tags.name })
      .from(entryTags)
      .innerJoin(tags, and(eq(tags.id, entryTags.tagId), eq(tags.userId, userId)))
      .where(and(eq(entryTags.userId, userId), inArray(entryTags.entryId, ids))),
    db
      .select({ topics: insights.topics })
      .from(insights)
      .where(and(eq(insights.userId, userId), inArray(insights.entryId, ids), eq(insights.status, "ready"))),
  ]);
  const counts = new Map<string, number>();
  const add = (word: string, weight: number) => {
    const w = word.trim().toLowerCase();
    if (w.length >= 2 && w.length <= 40) counts.set(w, (counts.get(w) ?? 0) + weight);
  };
  // Activities and tags are the person's own words for what they did: they weigh more than topics.
  for (const e of recent) for (const a of NoticedListSchema.parse(JSON.parse(e.activities))) add(a, 2);
  for (const t of tagRows) add(t.name, 2);
  for (const row of topicRows) if (row.topics) for (const t of StoredTextListSchema.parse(JSON.parse(row.topics))) add(t, 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_SUBJECTS)
    .map(([w]) => w);
}

const SUBJECT_TEMPLATES: readonly ((s: string) => string)[] = [
  (s) => `“${s}” has come up in your entries lately. What does it bring into your days?`,
  (s) => `How did you feel the last time you wrote about “${s}”? Has anything shifted since?`,
  (s) => `What would a little more, or a little less, of “${s}” do for your week?`,
  (s) => `What is one thing about “${s}” you haven't written down yet?`,
  (s) => `If “${s}” could tell you something about how you've been, what might it say?`,
];
const LOW_SUBJECT_TEMPLATES: readonly ((s: string) => string)[] = [
  (s) => `On a day like this, has “${s}” helped before? What was it like?`,
  (s) => `Is there a small, easy way to make room for “${s}” this week?`,
];
const THEME_TEMPLATES: readonly ((t: string) => string)[] = [
  (t) => `What comes to mind first when you think about ${t}?`,
  (t) => `How has ${t} been showing up in your days lately?`,
  (t) => `What would you like to remember about ${t} a year from now?`,
  (t) => `What does ${t} ask of you, and what does it give back?`,
  (t) => `If a good friend asked you about ${t}, what would you tell them honestly?`,
];

const listHash = (list: GeneratedPrompt[]) => fnv1a(list.map((p) => p.text.toLowerCase()).sort().join("\n")).toString(16);

/** Library prompts for the request, suited ones first, widened until there are enough to vary. */
async function libraryPool(db: Database, request: GenerateRequest): Promise<PromptView[]> {
  const suited = await listPrompts(db, { category: request.category, mood: request.mood });
  if (suited.length > GENERATED_COUNT * 2) return suited;
  const wider = await listPrompts(db, { category: request.category });
  const more = wider.length > GENERATED_COUNT * 2 ? wider : await listPrompts(db);
  return [...suited, ...more.filter((p) => !suited.some((s) => s.id === p.id))];
}

/** A list from the library and the person's own subjects and theme, chosen with the seed. */
function composeLocally(pool: PromptView[], subjects: string[], request: GenerateRequest, random: () => number, rotation: number): GeneratedPrompt[] {
  const category = request.category ?? null;
  const personal: GeneratedPrompt[] = [];
  if (request.theme) personal.push({ text: pickSeeded(THEME_TEMPLATES, 1, random)[0]!(request.theme), category, prompt_id: null });
  const low = request.mood !== undefined && LOW_MOODS.includes(request.mood);
  const templates = pickSeeded(low ? [...LOW_SUBJECT_TEMPLATES, ...SUBJECT_TEMPLATES] : SUBJECT_TEMPLATES, 2, random);
  // Two of the person's subjects, in turn from one list to the next, so each comes up before long.
  const turn = subjects.length > 2 ? [0, 1].map((i) => subjects[(rotation * 2 + i) % subjects.length]!) : subjects;
  turn.forEach((s, i) => personal.push({ text: templates[i]!(s), category, prompt_id: null }));
  // Suited library prompts are preferred: the pool lists them first, so pick mostly from its head.
  const head = pool.slice(0, Math.max(GENERATED_COUNT * 2, Math.ceil(pool.length / 2)));
  const fromLibrary = pickSeeded(head, GENERATED_COUNT - personal.length, random).map((p) => ({ text: p.text, category: p.category, prompt_id: p.id }));
  return pickSeeded([...personal, ...fromLibrary], GENERATED_COUNT, random);
}

/**
 * A new list of prompts: Workers AI when configured (and never after a crisis entry), else composed
 * locally; never the same list as the person's previous one.
 */
export async function generatePrompts(
  env: Pick<Env, "AI" | "AI_PROVIDER">,
  db: Database,
  userId: string,
  request: GenerateRequest,
  options: { timeoutMs?: number } = {},
): Promise<GeneratedList> {
  const [context, last, subjects] = await Promise.all([
    moodContext(db, userId, Date.now()),
    db.query.promptGenerations.findFirst({ where: eq(promptGenerations.userId, userId) }),
    recentSubjects(db, userId),
  ]);
  const seq = (last?.seq ?? 0) + 1;
  const crisis = context.latestSafety === "crisis";
  const mood = request.mood ?? context.recentMood ?? undefined;
  let result: GeneratedList | null = null;

  if (!crisis && env.AI_PROVIDER === "workers-ai") {
    try {
      // The person's subjects and theme reach the model with their identifiers hidden (worker/services/ai-gate.ts).
      const gate = await openAiGate(db, userId, [request.theme ?? "", ...subjects]);
      const sent = { category: request.category, theme: request.theme === undefined ? undefined : gate.redact(request.theme), mood, subjects: subjects.map(gate.redact) };
      const texts = await generateWithWorkersAi(env.AI, sent, options);
      const list = texts.map((text) => ({ text: gate.restore(text), category: request.category ?? null, prompt_id: null }));
      if (listHash(list) !== last?.listHash) result = { prompts: list, source: "workers-ai" };
    } catch (err) {
      console.warn("prompts: Workers AI gave no list, composing one from the library", err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    }
  }

  if (!result) {
    const pool = crisis ? await listPrompts(db, { gentleOnly: true }) : await libraryPool(db, { ...request, mood });
    // Another seed until the list differs from the last one (the pool always holds more than a list).
    for (let attempt = 0; attempt < 8 && !result; attempt++) {
      const random = seededRandom(fnv1a(`${userId}:${seq}:${attempt}`));
      const list = crisis
        ? pickSeeded(pool, GENERATED_COUNT, random).map((p) => ({ text: p.text, category: p.category, prompt_id: p.id }))
        : composeLocally(pool, subjects, { ...request, mood }, random, seq + attempt);
      if (listHash(list) !== last?.listHash) result = { prompts: list, source: "library" };
      else if (attempt === 7) {
        // Still the same (a tiny pool): swap in a prompt that was not on it.
        const other = pool.find((p) => !list.some((g) => g.prompt_id === p.id));
        if (other) list[list.length - 1] = { text: other.text, category: other.category, prompt_id: other.id };
        result = { prompts: list, source: "library" };
      }
    }
  }
  if (!result) throw new Error("prompts: no list composed");

  const row = { seq, listHash: listHash(result.prompts), createdAt: Date.now() };
  await db
    .insert(promptGenerations)
    .values({ userId, ...row })
    .onConflictDoUpdate({ target: promptGenerations.userId, set: row });
  return result;
}
