// Every resource's sub-app is made here, so all of them answer a failed zod validation with the
// same 400 envelope listing the offending field paths, and refuse text that is not valid Unicode.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppBindings } from "./context.ts";
import { errorBody } from "./errors.ts";
import { malformedText } from "./well-formed.ts";

export function createRouter() {
  return new OpenAPIHono<AppBindings>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: issue.message,
        }));
        return c.json(errorBody("validation_failed", "Some fields are not valid.", details), 400);
      }
      // After zod, so that it sees what the handler will get (URL decoding never yields lone
      // surrogates, so in practice this is about JSON bodies).
      const malformed = malformedText(result.data);
      if (malformed.length > 0) return c.json(errorBody("validation_failed", "Some fields are not valid.", malformed), 400);
    },
  });
}
