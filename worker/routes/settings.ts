// A person's settings (one row each) and their categories.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../db/client.ts";
import { createRouter } from "../lib/router.ts";
import { createCategory, deleteCategory, listCategories, updateCategory } from "../services/categories.ts";
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
  CategoryListSchema,
  CategorySchema,
  CreateCategoryBodySchema,
  SettingsUpdateSchema,
  SettingsViewSchema,
  UpdateCategoryBodySchema,
} from "../schemas/settings.ts";

const security = bearerAuth;

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
    async (c) => c.json(await updateSettings(c.env, getDb(c.env), c.get("user").id, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/categories",
      tags: ["settings"],
      security,
      summary: "List categories with how many entries each holds",
      responses: { 200: jsonResponse(CategoryListSchema, "The categories."), ...commonErrors },
    }),
    async (c) => c.json({ categories: await listCategories(getDb(c.env), c.get("user").id) }, 200),
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
    async (c) => c.json(await createCategory(getDb(c.env), c.get("user").id, c.req.valid("json")), 201),
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
    async (c) => c.json(await updateCategory(getDb(c.env), c.get("user").id, c.req.valid("param").id, c.req.valid("json")), 200),
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
      await deleteCategory(getDb(c.env), c.get("user").id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
