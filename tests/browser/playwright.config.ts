// Playwright drives Debian's Chromium (never a downloaded browser) against the app that
// scripts/test-browser.ts starts and names in TIDELINE_BASE_URL.
import { defineConfig, devices } from "@playwright/test";

const baseURL = process.env.TIDELINE_BASE_URL ?? "http://127.0.0.1:8799";

export default defineConfig({
  testDir: ".",
  outputDir: "../../test-results/browser",
  fullyParallel: false,
  // One worker: the app is one local wrangler dev on a small machine, and sign-ups share one
  // per-IP rate limit.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    headless: true,
    // The app's service worker (offline reading and writing) is tested on its own in offline.spec.ts;
    // elsewhere it stays out of the way of page.route() and of fresh-state assumptions.
    serviceWorkers: "block",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
