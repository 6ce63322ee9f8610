// Reads the app's own OpenAPI document and lists its operations, so that tests generated from it
// (hostile input, the access matrix) cover every route, including the ones added after them.
import { expect } from "vitest";
import { call, json } from "./api.ts";

/** The part of JSON Schema the document uses (zod's output for OpenAPI 3.1). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** The path as the document writes it: /api/goals/{id}/tasks/{taskId}. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, with $refs resolved at the top level. */
  body: JsonSchema | null;
  /** Whether the document says the route needs a bearer token. */
  secured: boolean;
  /** "POST /api/goals/{id}/tasks", for test names and lookup tables. */
  key: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; security?: unknown[] }>>;
  components: { schemas: Record<string, JsonSchema> };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export async function fetchOpenApi(): Promise<OpenApiDocument> {
  const res = await call("GET", "/api/openapi.json");
  expect(res.status).toBe(200);
  return json<OpenApiDocument>(res);
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const unknownMedia = Object.keys(content).filter((m) => m !== "application/json");
      // Every body in this API is JSON; a new media type needs its own generators here.
      expect(unknownMedia, `${method.toUpperCase()} ${path} takes a body that is not JSON`).toEqual([]);
      const bodySchema = content["application/json"]?.schema;
      ops.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === "path"),
        queryParams: params.filter((p) => p.in === "query"),
        body: bodySchema ? resolve(doc, bodySchema) : null,
        secured: Array.isArray(op.security) && op.security.length > 0,
        key: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  return ops;
}

/** Follows a local $ref ("#/components/schemas/X") until the schema itself. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; s.$ref; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${schema.$ref}`);
    const name = s.$ref.replace(/^#\/components\/schemas\//, "");
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unknown $ref ${s.$ref}`);
    s = target;
  }
  return s;
}

/** Fills a path template: values are inserted as given, so a test can send raw percent-escapes. */
export function fillPath(template: string, rawValues: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rawValues[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return value;
  });
}
