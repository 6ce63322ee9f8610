// Live updates: a signed-in tab asks for a single-use ticket, then opens GET /api/live?ticket=…,
// which the person's EmotionalGraph object holds with the hibernation API. No long-lived secret
// ever appears in a URL: the ticket works once, for a minute.
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { graphFor } from "../services/graph.ts";
import { LIVE_TICKET_TTL_MS } from "../live/events.ts";

/** `<user id>.<secret>`: the id routes to the right object, which alone can check the secret. */
const TicketSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, "The ticket is not valid.")
  .openapi({ param: { name: "ticket", in: "query" } });

export const liveRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/ticket",
      tags: ["live"],
      security: bearerAuth,
      summary: "A single-use ticket (valid one minute) for opening the live WebSocket",
      responses: {
        200: jsonResponse(z.object({ ticket: z.string(), expires_in: z.number().int(), url: z.string() }), "The ticket."),
        ...commonErrors,
      },
    }),
    async (c) => {
      const userId = c.get("user").id;
      const ticket = `${userId}.${await graphFor(c.env, userId).issueLiveTicket()}`;
      return c.json({ ticket, expires_in: LIVE_TICKET_TTL_MS / 1000, url: `/api/live?ticket=${ticket}` }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["live"],
      summary: "Upgrade to the live WebSocket (events: insight.ready, insight.failed, graph.updated, points.awarded)",
      request: { query: z.object({ ticket: TicketSchema }) },
      responses: { 101: { description: "Switching protocols." }, ...commonErrors, 426: { description: "Not a WebSocket upgrade." } },
    }),
    async (c) => {
      if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
        throw new ApiError(426, "upgrade_required", "Open this URL as a WebSocket.");
      }
      const userId = c.req.valid("query").ticket.split(".")[0]!;
      return graphFor(c.env, userId).fetch(c.req.raw);
    },
  );
