import { describe, expect, it } from "vitest";
import { call, json, registerUser } from "./helpers/api.ts";

describe("smoke", () => {
  it("registers and writes an entry", async () => {
    const user = await registerUser();
    const res = await call("POST", "/api/entries", { token: user.token, body: { content: "Hello there", tags: ["Walk"] } });
    const body = await json(res);
    console.log(res.status, body);
    expect(res.status).toBe(201);
  });
});
