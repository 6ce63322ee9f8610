// RPC arguments are checked like any other input. A failure becomes one plain Error naming the
// method and the fields, which crosses the RPC boundary intact (a ZodError would not).
import { z } from "zod";

export class InvalidRpcArguments extends Error {
  override name = "InvalidRpcArguments";
}

export function parseRpcArgs<T extends z.ZodType>(method: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join(".") || "(value)"}: ${i.message}`).join("; ");
    throw new InvalidRpcArguments(`${method}: invalid arguments (${fields})`);
  }
  return result.data;
}
