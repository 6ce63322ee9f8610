// A person's tags with how many entries carry each.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { TagCountsSchema } from "../schemas/tags.ts";
import { tagCounts } from "../services/tags.ts";

export const tagRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["tags"],
    security: bearerAuth,
    summary: "The person's tags, most used first",
    responses: { 200: jsonResponse(TagCountsSchema, "Tags with counts."), ...commonErrors },
  }),
  async (c) => c.json({ tags: await tagCounts(getDb(c.env), c.get("user").id) }, 200),
);
