// Shapes of the public crisis-lines route.
import { z } from "@hono/zod-openapi";
import { SafetyResourceSchema } from "../safety/resources.ts";

export const ResourcesQuerySchema = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code such as GB or US.")
    .optional()
    .openapi({ example: "GB" }),
});

export const ResourcesSchema = z
  .object({
    country: z.string().nullable(),
    resources: z.array(SafetyResourceSchema),
    countries: z.array(z.string()).openapi({ description: "Countries with national lines; others get the international directories." }),
  })
  .openapi("SafetyResources");
