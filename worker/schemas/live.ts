// Shapes of the live-updates routes: the ticket and the WebSocket upgrade.
import { z } from "@hono/zod-openapi";

/** `<user id>.<secret>`: the id routes to the right object, which alone can check the secret. */
const TicketSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, "The ticket is not valid.")
  .openapi({ param: { name: "ticket", in: "query" } });

export const LiveQuerySchema = z.object({ ticket: TicketSchema });
export const TicketAnswerSchema = z.object({ ticket: z.string(), expires_in: z.number().int(), url: z.string() });
