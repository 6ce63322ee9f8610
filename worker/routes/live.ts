// Live updates: a signed-in tab asks for a single-use ticket, then opens GET /api/live?ticket=…,
// which the person's EmotionalGraph object holds with the hibernation API. No long-lived secret
// ever appears in a URL: the ticket works once, for a minute.
import { createRoute } from "@hono/zod-openapi";
import { ApiError } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, jsonResponse } from "../schemas/common.ts";
import { LiveQuerySchema, TicketAnswerSchema } from "../schemas/live.ts";
import { graphFor } from "../services/graph.ts";
import { LIVE_TICKET_TTL_MS } from "../live/events.ts";

export const liveRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/ticket",
      tags: ["live"],
      security: bearerAuth,
      summary: "A single-use ticket (valid one minute) for opening the live WebSocket",
      responses: { 200: jsonResponse(TicketAnswerSchema, "The ticket."), ...commonErrors },
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
      request: { query: LiveQuerySchema },
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
