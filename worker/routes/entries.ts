// Journal entries: create, list (newest first, cursor-paginated, filtered), read, replace, patch, delete.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { bearerAuth, commonErrors, IdParamSchema, jsonBody, jsonResponse, notFoundError } from "../schemas/common.ts";
import {
  CreateEntryBodySchema,
  EntryPageSchema,
  EntrySchema,
  ListEntriesQuerySchema,
  NoticedCorrectionBodySchema,
  PatchEntryBodySchema,
  ReplaceEntryBodySchema,
} from "../schemas/entries.ts";
import { correctNoticed } from "../services/entry-corrections.ts";
import { createEntry, deleteEntry, entryPage, getEntry, updateEntry } from "../services/entries.ts";

const tags = ["entries"];
const security = bearerAuth;

export const entryRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      security,
      summary: "Write an entry",
      request: { body: jsonBody(CreateEntryBodySchema) },
      responses: { 201: jsonResponse(EntrySchema, "The stored entry."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { entry } = await createEntry(c.env, getDb(c.env), c.get("user").id, c.req.valid("json"));
      return c.json(entry, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "List entries, newest first",
      request: { query: ListEntriesQuerySchema },
      responses: { 200: jsonResponse(EntryPageSchema, "A page of entries."), ...commonErrors },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid("query");
      return c.json(await entryPage(getDb(c.env), c.get("user").id, filters, cursor, limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags,
      security,
      summary: "Read one entry",
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(EntrySchema, "The entry."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getEntry(getDb(c.env), c.get("user").id, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/{id}",
      tags,
      security,
      summary: "Replace an entry (fields left out are cleared)",
      request: { params: IdParamSchema, body: jsonBody(ReplaceEntryBodySchema) },
      responses: { 200: jsonResponse(EntrySchema, "The updated entry."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { entry } = await updateEntry(c.env, getDb(c.env), c.get("user").id, c.req.valid("param").id, {
        content: body.content,
        title: body.title ?? null,
        tags: body.tags ?? [],
        category_id: body.category_id ?? null,
      });
      return c.json(entry, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags,
      security,
      summary: "Change some fields of an entry",
      request: { params: IdParamSchema, body: jsonBody(PatchEntryBodySchema) },
      responses: { 200: jsonResponse(EntrySchema, "The updated entry."), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { entry } = await updateEntry(c.env, getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json"));
      return c.json(entry, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}/noticed",
      tags,
      security,
      summary: "Correct the activities and people noticed in an entry (removed ones stay removed after edits)",
      request: { params: IdParamSchema, body: jsonBody(NoticedCorrectionBodySchema) },
      responses: { 200: jsonResponse(EntrySchema, "The entry with its corrected lists (a new revision)."), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await correctNoticed(c.env, getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags,
      security,
      summary: "Delete an entry",
      request: { params: IdParamSchema },
      responses: { 204: { description: "Deleted." }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      await deleteEntry(c.env, getDb(c.env), c.get("user").id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
