// Runs the test suite inside workerd with the Worker's real bindings (D1, Durable Objects, Queues,
// rate limiter) simulated locally; the D1 migrations are applied by tests/setup.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A VAPID key pair made for this run, so push reminders are on in the tests (tests/reminders.test.ts). */
async function testVapidKeys() {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const publicKey = Buffer.from(await crypto.subtle.exportKey("raw", pair.publicKey)).toString("base64url");
  const { d } = await crypto.subtle.exportKey("jwk", pair.privateKey);
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: d!, VAPID_SUBJECT: "mailto:reminders@tideline.test" };
}

export default defineConfig(async () => ({
  root,
  plugins: [
    cloudflareTest({
      wrangler: { configPath: path.join(root, "wrangler.toml") },
      remoteBindings: false,
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(path.join(root, "migrations")),
          JWT_SECRET: "test-secret-that-is-long-enough-for-hs256-0123456789",
          AI_PROVIDER: "local",
          CORS_ORIGINS: "https://allowed.example",
          ...(await testVapidKeys()),
        },
      },
    }),
  ],
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 20_000,
  },
}));
