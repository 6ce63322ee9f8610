// A person's tags with how many entries carry each.
import { createRoute, z } from "@hono/zod-openapi";
import { asc, count, desc, eq } from "drizzle-orm";
import { getDb } from "../db/client.ts";
import { entryTags, tags } from "../db/schema.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";

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
  async (c) => {
    const entryCount = count(entryTags.entryId);
    const rows = await getDb(c.env)
      .select({ name: tags.name, count: entryCount })
      .from(tags)
      .innerJoin(entryTags, eq(entryTags.tagId, tags.id))
      .where(eq(tags.userId, c.get("user").id))
      .groupBy(tags.id)
      .orderBy(desc(entryCount), asc(tags.name));
    return c.json({ tags: rows }, 200);
  },
);
