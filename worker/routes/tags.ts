// A person's tags with how many entries carry each.
import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { tagCounts } from "../services/tags.ts";

const TagCountSchema = z.object({ name: z.string(), count: z.number().int() }).openapi("TagCount");

export const tagRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["tags"],
    security: bearerAuth,
    summary: "The person's tags, most used first",
    responses: { 200: jsonResponse(z.object({ tags: z.array(TagCountSchema) }), "Tags with counts."), ...commonErrors },
  }),
  async (c) => c.json({ tags: await tagCounts(getDb(c.env), c.get("user").id) }, 200),
);
