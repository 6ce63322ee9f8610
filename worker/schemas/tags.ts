// Shapes of the tag list route.
import { z } from "@hono/zod-openapi";

export const TagCountSchema = z.object({ name: z.string(), count: z.number().int() }).openapi("TagCount");
export const TagCountsSchema = z.object({ tags: z.array(TagCountSchema) });
