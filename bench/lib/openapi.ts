// Checks answers against the OpenAPI document the Worker itself serves, so the benchmark's idea of a
// correct answer never drifts from the routes' own schemas.
import { z } from "zod";
import { send } from "./load.ts";

type Json = Record<string, unknown>;

export interface ResponseValidator {
  /** Answers null when the body matches the documented schema of (method, path, status). */
  check(method: string, pathTemplate: string, status: number, body: string): string | null;
}

export async function loadValidator(productUrl: string): Promise<ResponseValidator> {
  const res = await send(productUrl, { path: "/api/openapi.json" });
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  // zod resolves local references under $defs only: point the components there.
  const doc = JSON.parse(res.body.replaceAll('"#/components/schemas/', '"#/$defs/')) as {
    paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> }>>;
    components?: { schemas?: Json };
  };
  const cache = new Map<string, z.ZodType>();
  const schemaFor = (method: string, pathTemplate: string, status: number): z.ZodType => {
    const key = `${method} ${pathTemplate} ${status}`;
    let schema = cache.get(key);
    if (!schema) {
      const documented = doc.paths[pathTemplate]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.["application/json"]?.schema;
      if (!documented) throw new Error(`the OpenAPI document has no JSON answer for ${key}`);
      schema = z.fromJSONSchema({ ...documented, $defs: doc.components?.schemas ?? {} } as Parameters<typeof z.fromJSONSchema>[0], { defaultTarget: "draft-2020-12" });
      cache.set(key, schema);
    }
    return schema;
  };
  return {
    check(method, pathTemplate, status, body) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return `not JSON: ${body.slice(0, 120)}`;
      }
      const result = schemaFor(method, pathTemplate, status).safeParse(parsed);
      return result.success ? null : `does not match the documented schema: ${z.prettifyError(result.error).slice(0, 400)}`;
    },
  };
}
