// The Hono application: global middleware, one sub-app per resource under /api, the OpenAPI
// document and its browsable reference. `AppType` is what the web app's typed client is built from.
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import type { AppBindings } from "./lib/context.ts";
import { ApiError, errorBody, handleError } from "./lib/errors.ts";
import { requireAdmin } from "./middleware/auth.ts";
import { honourIdempotencyKey, IDEMPOTENCY_HEADER } from "./middleware/idempotency.ts";
import { requireAuthUnlessPublic } from "./middleware/public-routes.ts";
import { actionRoutes } from "./routes/actions.ts";
import { adminRoutes } from "./routes/admin.ts";
import { analyticsRoutes } from "./routes/analytics.ts";
import { apiDocsPage } from "./routes/api-docs.ts";
import { insightRoutes } from "./routes/insights.ts";
import { liveRoutes } from "./routes/live.ts";
import { promptRoutes } from "./routes/prompts.ts";
import { passkeyRoutes } from "./routes/passkeys.ts";
import { recoveryCodeRoutes } from "./routes/recovery-codes.ts";
import { reminderRoutes } from "./routes/reminders.ts";
import { authRoutes } from "./routes/auth.ts";
import { entryRoutes } from "./routes/entries.ts";
import { gamificationRoutes } from "./routes/gamification.ts";
import { goalRoutes } from "./routes/goals.ts";
import { graphRoutes } from "./routes/graph.ts";
import { journalRoutes } from "./routes/journal.ts";
import { memoryRoutes } from "./routes/memories.ts";
import { entrySearchRoutes } from "./routes/entries-search.ts";
import { entryTransferRoutes } from "./routes/entries-transfer.ts";
import { safetyRoutes } from "./routes/safety.ts";
import { settingsRoutes } from "./routes/settings.ts";
import { tagRoutes } from "./routes/tags.ts";

const KB = 1024;
/** Large enough for a 20,000-character entry in any script, small enough to refuse abuse early. */
const JSON_BODY_LIMIT = 256 * KB;
/** A JSON export of a long-kept journal. */
const IMPORT_BODY_LIMIT = 10 * KB * KB;

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "payload_too_large", `The request body is larger than ${Math.round(limit / KB)} KB.`);
};

const app = new OpenAPIHono<AppBindings>();

app.onError(handleError);
app.notFound((c) => c.json(errorBody("not_found", `No API route matches ${c.req.method} ${c.req.path}.`), 404));

const sharedSecurityHeaders = {
  strictTransportSecurity: "max-age=63072000; includeSubDomains",
  referrerPolicy: "no-referrer",
} as const;
const apiSecurityHeaders = secureHeaders({
  ...sharedSecurityHeaders,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
});
// The API reference is the one HTML page under /api: it loads Swagger UI from our own assets.
const docsSecurityHeaders = secureHeaders({
  ...sharedSecurityHeaders,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    frameAncestors: ["'none'"],
  },
});
app.use("/api/*", (c, next) => (c.req.path === "/api/docs" ? docsSecurityHeaders(c, next) : apiSecurityHeaders(c, next)));
app.use("/api/*", async (c, next) => {
  const allowed = c.env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean);
  return cors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", IDEMPOTENCY_HEADER],
    exposeHeaders: ["Idempotent-Replayed", "Retry-After"],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    maxAge: 600,
  })(c, next);
});
app.use("/api/*", async (c, next) => {
  c.header("Cache-Control", "no-store");
  await next();
});
app.use("/api/entries/import", bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge(IMPORT_BODY_LIMIT) }));
app.use("/api/*", async (c, next) => {
  if (c.req.path === "/api/entries/import") return next();
  return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge(JSON_BODY_LIMIT) })(c, next);
});

// Everything under /api needs a signed-in person except the few routes named in public-routes.ts.
app.use("/api/*", requireAuthUnlessPublic);
app.use("/api/admin/*", requireAdmin);
// A create request retried with its Idempotency-Key creates nothing twice (worker/middleware/idempotency.ts).
app.use("/api/*", honourIdempotencyKey);

const routes = app
  .route("/api/auth", authRoutes)
  .route("/api/auth", recoveryCodeRoutes)
  .route("/api/auth", passkeyRoutes)
  // Fixed paths under /api/entries come before "/{id}" so that "search" is never taken for an id.
  .route("/api/entries", entrySearchRoutes)
  .route("/api/entries", entryTransferRoutes)
  .route("/api/entries", entryRoutes)
  .route("/api/tags", tagRoutes)
  .route("/api/settings", settingsRoutes)
  .route("/api/journal", journalRoutes)
  .route("/api/graph", graphRoutes)
  .route("/api", insightRoutes)
  .route("/api/analytics", analyticsRoutes)
  .route("/api/live", liveRoutes)
  .route("/api/admin", adminRoutes)
  .route("/api/prompts", promptRoutes)
  .route("/api/goals", goalRoutes)
  .route("/api/gamification", gamificationRoutes)
  .route("/api/safety", safetyRoutes)
  .route("/api/actions", actionRoutes)
  .route("/api/memories", memoryRoutes)
  .route("/api/reminders", reminderRoutes);

app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
  type: "http",
  scheme: "bearer",
  bearerFormat: "JWT",
});
app.doc31("/api/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "Tideline API",
    version: "0.1.0",
    description: "The API behind Tideline, a private conversational journal. Every failure answers { error: { code, message, details? } }.",
  },
});
app.get("/api/docs", apiDocsPage);

export type AppType = typeof routes;
export default app;
