// Test helpers that drive the Worker through its real fetch handler, the way a client would.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export const BASE = "http://tideline.test";

let ipCounter = 0;
/** A fresh client address per call, so the per-IP auth limiter only bites where a test wants it. */
export const freshIp = () => `10.${Math.floor(Math.random() * 200)}.${++ipCounter % 250}.${Math.floor(Math.random() * 250)}`;

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  ip?: string;
  /**
   * As if through Cloudflare's edge (the default): the request carries `request.cf`, and the edge
   * vouches for CF-Connecting-IP. `false` sends a bare request, as a client reaching workerd directly.
   */
  edge?: boolean;
}

/** Stands in for the properties the edge attaches to every request it forwards. */
const EDGE_CF = { colo: "LHR" } as const;

export async function call(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "cf-connecting-ip": options.ip ?? freshIp(), ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const cf = options.edge === false ? undefined : EDGE_CF;
  return exports.default.fetch(new Request(`${BASE}${path}`, { method, headers, body, cf }));
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export async function registerUser(overrides: Partial<{ name: string; email: string; password: string }> = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${crypto.randomUUID()}@example.com`;
  const password = overrides.password ?? "correct horse battery";
  const res = await call("POST", "/api/auth/register", { body: { name: overrides.name ?? "Test Person", email, password } });
  expect(res.status).toBe(201);
  const body = await json(res);
  return { id: body.user.id, email, password, token: body.access_token, refreshToken: body.refresh_token };
}

/** Asserts the one error envelope and its status, and answers the error for further checks. */
export async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = await json(res);
  expect(body).toHaveProperty("error.code");
  expect(body).toHaveProperty("error.message");
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  if (code) expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; details?: { path: string; message: string }[] };
}

export async function createEntry(token: string, body: Record<string, unknown>) {
  const res = await call("POST", "/api/entries", { token, body });
  expect(res.status).toBe(201);
  return json(res);
}
