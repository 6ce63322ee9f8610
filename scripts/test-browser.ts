// Runs the browser tests against the real app: builds the web app, starts `wrangler dev` on a fresh
// local D1, runs Playwright with Debian's Chromium, and always stops the server.
// Usage (from the repository root): npm run test:browser -- [extra playwright args]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { quietEnv, root, run, startLocalApp, type LocalApp } from "./lib/local-app.ts";

const CHROMIUM = "/usr/bin/chromium";

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      env: { ...quietEnv, DEBIAN_FRONTEND: "noninteractive" },
      stdio: "inherit",
    }).status === 0;
  console.log("▶ Installing Debian's chromium (once)…");
  if (install()) return;
  run("apt-get", ["update"], "apt-get update");
  if (!install() || !existsSync(CHROMIUM)) throw new Error(`Could not install chromium at ${CHROMIUM}`);
}

async function main(): Promise<number> {
  ensureChromium();
  run("npm", ["run", "build:web"], "Build the web app");
  let app: LocalApp | undefined;
  const onSignal = () => {
    void (app?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    app = await startLocalApp("browser");
    console.log("\n▶ Browser tests");
    const tests = spawnSync(
      "npx",
      ["playwright", "test", "--config", "tests/browser/playwright.config.ts", ...process.argv.slice(2)],
      { cwd: root, env: { ...quietEnv, TIDELINE_BASE_URL: app.baseUrl }, stdio: "inherit" },
    );
    return tests.status ?? 1;
  } finally {
    await app?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
