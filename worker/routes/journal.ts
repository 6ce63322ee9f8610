// The conversational journal: write an entry and get a reply at once; read the conversation (and the
// seed's list of entries); say which suggested action you tried.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, IdParamSchema, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import { ListEntriesQuerySchema } from "../schemas/entries.ts";
import {
  ConversationPageSchema,
  JournalEntryBodySchema,
  JournalReplySchema,
  SeedJournalPageSchema,
  TriedAnswerSchema,
  TriedBodySchema,
} from "../schemas/journal.ts";
import { conversationPage, markTried, writeJournalEntry } from "../services/journal.ts";

const tags = ["journal"];
const security = bearerAuth;

export const journalRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/entries",
      tags,
      security,
      summary: "Write an entry and get Tideline's reply with suggested actions",
      request: { body: jsonBody(JournalEntryBodySchema) },
      responses: { 201: jsonResponse(JournalReplySchema, "The entry's emotion and the reply."), ...commonErrors },
    }),
    async (c) => c.json(await writeJournalEntry(c.env, getDb(c.env), c.get("user").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/entries",
      tags,
      security,
      summary: "Journal entries with their emotion and reply, newest first, in the shape POST /entries answers (Reflectly's)",
      request: { query: ListEntriesQuerySchema },
      responses: { 200: jsonResponse(SeedJournalPageSchema, "A page of journal entries."), ...commonErrors },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid("query");
      const page = await conversationPage(getDb(c.env), c.get("user").id, filters, cursor, limit);
      const entries = page.items.map((item) => ({
        entry_id: item.entry_id,
        response_id: item.response?.id ?? null,
        content: item.content,
        created_at: item.created_at,
        response: item.response && { text: item.response.refined_text ?? item.response.text, suggested_actions: item.response.suggested_actions },
        emotion: item.emotion,
      }));
      return c.json({ entries, next_cursor: page.next_cursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/conversation",
      tags,
      security,
      summary: "Entries with their replies, newest first",
      request: { query: ListEntriesQuerySchema },
      responses: { 200: jsonResponse(ConversationPageSchema, "A page of the conversation."), ...commonErrors },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid("query");
      return c.json(await conversationPage(getDb(c.env), c.get("user").id, filters, cursor, limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/entries/{id}/tried",
      tags,
      security,
      summary: "Say you tried a suggested action after this entry (it counts in your graph)",
      request: { params: IdParamSchema, body: jsonBody(TriedBodySchema) },
      responses: { 200: jsonResponse(TriedAnswerSchema, "Recorded."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const state = await markTried(c.env, getDb(c.env), c.get("user").id, id, c.req.valid("json").action);
      return c.json({ entry_id: id, tried_action: state?.triedAction ?? c.req.valid("json").action.trim().toLowerCase() }, 200);
    },
  );
