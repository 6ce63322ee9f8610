// Every resource's sub-app is made here, so all of them answer a failed zod validation with the
// same 400 envelope listing the offending field paths.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppBindings } from "./context.ts";
import { errorBody } from "./errors.ts";

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
    },
  });
}
