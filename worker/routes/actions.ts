// A person's open intentions, kept from their insights: list them, mark them done or dropped, and
// the one gentle follow-up the journal shows.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { ActionFollowUpSchema, ActionItemSchema, ActionListQuerySchema, ActionPageSchema, ActionPatchBodySchema } from "../schemas/actions.ts";
import { bearerAuth, commonErrors, IdParamSchema, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import { actionFollowUp, actionPage, setActionStatus } from "../services/actions.ts";

const tags = ["actions"];
const security = bearerAuth;

export const actionRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "Your intentions from your entries (open, done, dropped), newest first",
      request: { query: ActionListQuerySchema },
      responses: { 200: jsonResponse(ActionPageSchema, "A page of action items."), ...commonErrors },
    }),
    async (c) => c.json(await actionPage(getDb(c.env), c.get("user").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/follow-up",
      tags,
      security,
      summary: "At most one open intention to ask about, a day or more after it was written",
      responses: { 200: jsonResponse(ActionFollowUpSchema, "The follow-up, or null."), ...commonErrors },
    }),
    async (c) => c.json(await actionFollowUp(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags,
      security,
      summary: "Mark an intention done, dropped or open again (done counts in your graph, once)",
      request: { params: IdParamSchema, body: jsonBody(ActionPatchBodySchema) },
      responses: { 200: jsonResponse(ActionItemSchema, "The item."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await setActionStatus(c.env, getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json").status), 200),
  );
