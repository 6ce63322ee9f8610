// Writing prompts: the library, and today's prompt for this person: the same all day, different
// tomorrow, and gentler after a low entry.
import { fnv1a } from "../lib/hash.ts";
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { entries, prompts, settings } from "../db/schema.ts";
import { isNegativeEmotion } from "../emotion/taxonomy.ts";
import { createRouter } from "../lib/router.ts";
import { localDate } from "../lib/time-zone.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";

const PromptSchema = z.object({ id: z.number().int(), category: z.string(), mood: z.enum(["any", "positive", "negative"]), text: z.string() }).openapi("Prompt");

/** A stable number from the person and the day, to choose with. */
const hash = fnv1a;

export const promptRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["prompts"],
      security: bearerAuth,
      summary: "The prompt library",
      request: { query: z.object({ category: z.string().trim().min(1).max(40).optional() }) },
      responses: { 200: jsonResponse(z.object({ prompts: z.array(PromptSchema) }), "Prompts."), ...commonErrors },
    }),
    async (c) => {
      const { category } = c.req.valid("query");
      const rows = await getDb(c.env)
        .select()
        .from(prompts)
        .where(category ? eq(prompts.category, category) : undefined)
        .orderBy(asc(prompts.id));
      return c.json({ prompts: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/today",
      tags: ["prompts"],
      security: bearerAuth,
      summary: "Today's prompt for you",
      responses: { 200: jsonResponse(z.object({ date: z.string(), prompt: PromptSchema }), "Today's prompt."), ...commonErrors },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const [tz, latest] = await Promise.all([
        db.query.settings.findFirst({ where: eq(settings.userId, userId), columns: { timezone: true } }),
        db.select({ positive: entries.isPositive, emotion: entries.primaryEmotion }).from(entries).where(eq(entries.userId, userId)).orderBy(desc(entries.createdAt)).limit(1),
      ]);
      const date = localDate(Date.now(), tz?.timezone ?? "UTC");
      const low = latest[0] && latest[0].positive === false && isNegativeEmotion(latest[0].emotion);
      const moods = low ? (["negative"] as const) : latest[0]?.positive ? (["any", "positive"] as const) : (["any"] as const);
      const pool = await db.select().from(prompts).where(and(inArray(prompts.mood, [...moods]))).orderBy(asc(prompts.id));
      return c.json({ date, prompt: pool[hash(`${userId}:${date}`) % pool.length]! }, 200);
    },
  );
