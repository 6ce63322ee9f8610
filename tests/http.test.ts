// Cross-cutting HTTP behaviour: security headers, CORS, unknown routes, the OpenAPI document, the
// admin guard, and the error envelope for failures no handler expected.
import { env } from "cloudflare:workers";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { AppBindings } from "../worker/lib/context.ts";
import { handleError } from "../worker/lib/errors.ts";
import { requireAdmin, requireAuth } from "../worker/middleware/auth.ts";
import { PUBLIC_ROUTES, isPublicRoute } from "../worker/middleware/public-routes.ts";
import { call, expectError, json, registerUser } from "./helpers/api.ts";

describe("security headers and CORS", () => {
  it("sets security headers on API responses, errors included", async () => {
    for (const res of [await call("GET", "/api/openapi.json"), await call("GET", "/api/auth/me")]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("allows only configured origins", async () => {
    const allowed = await call("OPTIONS", "/api/entries", {
      headers: { origin: "https://allowed.example", "access-control-request-method": "POST" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://allowed.example");
    const other = await call("GET", "/api/openapi.json", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("routing and documents", () => {
  it("answers unknown API routes with the 404 envelope (401 first without a token: /api fails closed)", async () => {
    const user = await registerUser();
    await expectError(await call("GET", "/api/nothing-here", { token: user.token }), 404, "not_found");
    await expectError(await call("GET", "/api/nothing-here"), 401, "unauthorized");
  });

  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/auth/register", "/api/entries", "/api/entries/{id}", "/api/entries/search", "/api/entries/export", "/api/entries/import", "/api/tags", "/api/settings", "/api/settings/categories/{id}"]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths["/api/entries"].post.requestBody.content["application/json"].schema).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });

  it("serves a browsable reference at /api/docs that loads the document", async () => {
    const res = await call("GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("/vendor/swagger-ui/swagger-ui-bundle.js");
    expect(html).toContain("/api/openapi.json");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("the admin guard and unexpected failures", () => {
  // Admin endpoints arrive with later issues; the guard is exercised on a route built for the test.
  const guarded = new OpenAPIHono<AppBindings>();
  guarded.onError(handleError);
  guarded.get("/admin-only", requireAuth, requireAdmin, (c) => c.json({ ok: true, who: c.get("user").id }));
  guarded.get("/explode", () => {
    throw new Error("secret internal detail at /worker/thing.ts:12");
  });
  const hit = (path: string, token?: string) =>
    guarded.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }, env);

  it("answers 401 without a token, 403 for a user, 200 for an admin", async () => {
    const user = await registerUser();
    await expectError(await hit("/admin-only"), 401);
    await expectError(await hit("/admin-only", user.token), 403, "forbidden");
    await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(user.id).run();
    const res = await hit("/admin-only", user.token);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true, who: user.id });
  });

  it("turns an unexpected exception into a 500 envelope without internals", async () => {
    const res = await hit("/explode");
    const error = await expectError(res, 500, "internal_error");
    expect(error.message).not.toContain("secret");
  });
});

describe("authentication by default (fail closed)", () => {
  const METHODS = ["get", "post", "put", "patch", "delete"] as const;
  const operations = async () => {
    const doc = await json(await call("GET", "/api/openapi.json"));
    return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, url: path.replace(/\{[^}]+\}/g, crypto.randomUUID()) })),
    );
  };

  it("every route in the OpenAPI document that is not named public answers 401 without a token", async () => {
    const guarded = (await operations()).filter((op) => !isPublicRoute(op.method, op.path));
    expect(guarded.length).toBeGreaterThan(40);
    for (const op of guarded) {
      const res = await call(op.method, op.url, { body: op.method === "GET" || op.method === "DELETE" ? undefined : {} });
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      await expectError(res, 401, "unauthorized");
    }
  });

  it("the public routes exist and answer without a token", async () => {
    const documented = new Set((await operations()).map((op) => `${op.method} ${op.path}`));
    for (const route of PUBLIC_ROUTES) {
      if (route.path === "/api/openapi.json" || route.path === "/api/docs") {
        expect((await call(route.method, route.path)).status).toBe(200);
        continue;
      }
      expect(documented, `${route.method} ${route.path}`).toContain(`${route.method} ${route.path}`);
      const res = await call(route.method, route.path, { body: route.method === "GET" ? undefined : {} });
      expect(res.status, `${route.method} ${route.path}`).not.toBe(401);
    }
  });

  it("a path under /api that no one declared public needs a token, whatever the method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      await expectError(await call(method, "/api/some-new-router/thing"), 401, "unauthorized");
    }
    // Public names are exact: a path that only starts like one is not public.
    await expectError(await call("GET", "/api/safety/resources/extra"), 401);
    await expectError(await call("GET", "/api/auth/register"), 401);
  });
});
