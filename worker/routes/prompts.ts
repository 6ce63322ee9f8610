// Writing prompts: the library, today's prompt for this person (the same all day, new tomorrow, not
// repeated within a month, gentle after a hard entry), a random one, and a list written for them.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { notFound } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import {
  DailyPromptSchema,
  GeneratedPromptsSchema,
  GeneratePromptsSchema,
  PromptListQuerySchema,
  PromptListSchema,
  RandomPromptQuerySchema,
  RandomPromptSchema,
} from "../schemas/prompts.ts";
import { dailyPrompt, generatePrompts, listPrompts, randomPrompt } from "../services/prompts.ts";

const dailyRoute = <P extends "/daily" | "/today">(path: P, summary: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["prompts"],
    security: bearerAuth,
    summary,
    responses: { 200: jsonResponse(DailyPromptSchema, "Today's prompt, in the person's time zone."), ...commonErrors },
  });

export const promptRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["prompts"],
      security: bearerAuth,
      summary: "The prompt library, filtered by category and mood",
      request: { query: PromptListQuerySchema },
      responses: { 200: jsonResponse(PromptListSchema, "Prompts."), ...commonErrors },
    }),
    async (c) => c.json({ prompts: await listPrompts(getDb(c.env), c.req.valid("query")) }, 200),
  )
  .openapi(dailyRoute("/daily", "Today's prompt for you"), async (c) => c.json(await dailyPrompt(getDb(c.env), c.get("user").id), 200))
  .openapi(dailyRoute("/today", "Today's prompt for you (alias of /daily)"), async (c) => c.json(await dailyPrompt(getDb(c.env), c.get("user").id), 200))
  .openapi(
    createRoute({
      method: "get",
      path: "/random",
      tags: ["prompts"],
      security: bearerAuth,
      summary: "A random prompt from the library",
      request: { query: RandomPromptQuerySchema },
      responses: { 200: jsonResponse(RandomPromptSchema, "A prompt."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const prompt = await randomPrompt(getDb(c.env), c.get("user").id, c.req.valid("query"));
      if (!prompt) throw notFound("prompt matching these filters");
      return c.json({ prompt }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/generate",
      tags: ["prompts"],
      security: bearerAuth,
      summary: "A fresh list of prompts for you (never the same list twice in a row)",
      request: { body: jsonBody(GeneratePromptsSchema) },
      responses: { 200: jsonResponse(GeneratedPromptsSchema, "Prompts written for you."), ...commonErrors },
    }),
    async (c) => c.json(await generatePrompts(c.env, getDb(c.env), c.get("user").id, c.req.valid("json")), 200),
  );
