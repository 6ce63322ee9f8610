// A person's settings (one row each) and their categories.
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb, type Database } from "../db/client.ts";
import { categories, entries } from "../db/schema.ts";
import { isUniqueViolation } from "../lib/db-errors.ts";
import { ApiError, notFound } from "../lib/errors.ts";
import { createRouter } from "../lib/router.ts";
import { readSettings, updateSettings } from "../services/settings.ts";
import {
  bearerAuth,
  commonErrors,
  conflictError,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
} from "../schemas/common.ts";
import {
  CategorySchema,
  CreateCategoryBodySchema,
  SettingsUpdateSchema,
  SettingsViewSchema,
  UpdateCategoryBodySchema,
} from "../schemas/settings.ts";

const security = bearerAuth;

async function findCategory(db: Database, userId: string, id: string) {
  const entryCount = count(entries.id);
  const [row] = await db
    .select({ id: categories.id, name: categories.name, color: categories.color, entry_count: entryCount })
    .from(categories)
    .leftJoin(entries, and(eq(entries.categoryId, categories.id), eq(entries.userId, userId)))
    .where(and(eq(categories.userId, userId), eq(categories.id, id)))
    .groupBy(categories.id);
  if (!row) throw notFound("category");
  return row;
}

const nameTaken = () => new ApiError(409, "category_exists", "You already have a category with that name.");

export const settingsRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["settings"],
      security,
      summary: "Read settings",
      responses: { 200: jsonResponse(SettingsViewSchema, "The settings."), ...commonErrors },
    }),
    async (c) => c.json(await readSettings(getDb(c.env), c.get("user").id), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/",
      tags: ["settings"],
      security,
      summary: "Change settings (only the fields sent)",
      request: { body: jsonBody(SettingsUpdateSchema) },
      responses: { 200: jsonResponse(SettingsViewSchema, "The settings after the change."), ...commonErrors },
    }),
    async (c) => c.json(await updateSettings(getDb(c.env), c.get("user").id, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/categories",
      tags: ["settings"],
      security,
      summary: "List categories with how many entries each holds",
      responses: {
        200: jsonResponse(z.object({ categories: z.array(CategorySchema) }), "The categories."),
        ...commonErrors,
      },
    }),
    async (c) => {
      const userId = c.get("user").id;
      const entryCount = count(entries.id);
      const rows = await getDb(c.env)
        .select({ id: categories.id, name: categories.name, color: categories.color, entry_count: entryCount })
        .from(categories)
        .leftJoin(entries, and(eq(entries.categoryId, categories.id), eq(entries.userId, userId)))
        .where(eq(categories.userId, userId))
        .groupBy(categories.id)
        .orderBy(asc(categories.name));
      return c.json({ categories: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/categories",
      tags: ["settings"],
      security,
      summary: "Create a category",
      request: { body: jsonBody(CreateCategoryBodySchema) },
      responses: { 201: jsonResponse(CategorySchema, "The new category."), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { name, color } = c.req.valid("json");
      const category = { id: crypto.randomUUID(), name, color: color ?? null };
      try {
        await getDb(c.env)
          .insert(categories)
          .values({ ...category, userId: c.get("user").id, createdAt: Date.now() });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken();
        throw err;
      }
      return c.json({ ...category, entry_count: 0 }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/categories/{id}",
      tags: ["settings"],
      security,
      summary: "Rename or recolour a category",
      request: { params: IdParamSchema, body: jsonBody(UpdateCategoryBodySchema) },
      responses: {
        200: jsonResponse(CategorySchema, "The category."),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) => {
      const db = getDb(c.env);
      const userId = c.get("user").id;
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      await findCategory(db, userId, id);
      try {
        await db
          .update(categories)
          .set({ name: body.name, color: body.color })
          .where(and(eq(categories.id, id), eq(categories.userId, userId)));
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken();
        throw err;
      }
      return c.json(await findCategory(db, userId, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/categories/{id}",
      tags: ["settings"],
      security,
      summary: "Delete a category (its entries stay, uncategorised)",
      request: { params: IdParamSchema },
      responses: { 204: { description: "Deleted." }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const deleted = await getDb(c.env)
        .delete(categories)
        .where(and(eq(categories.id, c.req.valid("param").id), eq(categories.userId, c.get("user").id)))
        .returning({ id: categories.id });
      if (deleted.length === 0) throw notFound("category");
      return c.body(null, 204);
    },
  );
