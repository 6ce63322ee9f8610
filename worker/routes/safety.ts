// Crisis lines, for anyone: the "Get help now" link works signed in or not, so this route is public
// and holds nothing personal. The app passes the person's country (from Settings) when it knows it.
import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../lib/router.ts";
import { commonErrors, jsonResponse } from "../schemas/common.ts";
import { resourcesFor, SUPPORTED_COUNTRIES } from "../safety/resources.ts";
import { ResourcesQuerySchema, ResourcesSchema } from "../schemas/safety.ts";

export const safetyRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/resources",
    tags: ["safety"],
    summary: "Crisis lines for a country, followed by international directories (public)",
    request: { query: ResourcesQuerySchema },
    responses: { 200: jsonResponse(ResourcesSchema, "Crisis lines."), ...commonErrors },
  }),
  async (c) => {
    const country = c.req.valid("query").country ?? null;
    return c.json({ country, resources: resourcesFor(country), countries: SUPPORTED_COUNTRIES }, 200);
  },
);
