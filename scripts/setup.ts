// Prepares a checkout to run locally: development secrets (created once, never committed), the D1
// migrations applied to the local database, and the web app built. Run by `npm start` and CI.
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { vapidKeyPair } from "./vapid-keys.ts";

const DEV_VARS = ".dev.vars";
const quietWrangler = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

function ensureDevVars(): void {
  const current = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, "utf8") : "";
  const lines = current.split("\n").filter((l) => l.trim() !== "");
  if (!/^JWT_SECRET=/m.test(current)) {
    lines.push(`JWT_SECRET="${randomBytes(48).toString("base64url")}"`);
    console.log(`setup: created a local JWT_SECRET in ${DEV_VARS} (git-ignored)`);
  }
  // Workers AI has no local simulator: local runs always use the model shipped in the repo.
  if (!/^AI_PROVIDER=/m.test(current)) lines.push('AI_PROVIDER="local"');
  // The app's Web Push identity (push reminders); production sets its own with `wrangler secret put`.
  if (!/^VAPID_PUBLIC_KEY=/m.test(current)) {
    const keys = vapidKeyPair();
    lines.push(`VAPID_PUBLIC_KEY="${keys.publicKey}"`, `VAPID_PRIVATE_KEY="${keys.privateKey}"`, 'VAPID_SUBJECT="mailto:reminders@localhost.invalid"');
    console.log(`setup: created a local VAPID key pair for push reminders in ${DEV_VARS}`);
  }
  writeFileSync(DEV_VARS, lines.join("\n") + "\n", { mode: 0o600 });
}

function run(command: string): void {
  console.log(`setup: ${command}`);
  execSync(command, { stdio: "inherit", env: quietWrangler });
}

ensureDevVars();
run("npx wrangler d1 migrations apply DB --local");
run("npm run build:web");
