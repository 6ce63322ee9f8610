// Measures the JavaScript the journal page loads on first load (gzipped, as served compressed) and
// writes it to artifacts/; the budget is the 120 KB, as in the build.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { expect, newPerson, signUp, test } from "./fixtures.ts";

/** The same budget the build enforces (web/vite.config.ts), measured here as the browser loads it. */
const BUDGET_GZIP_BYTES = 120 * 1024;
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../artifacts");

test("the journal page's first-load JavaScript stays small", async ({ page }) => {
  await signUp(page, newPerson("Sam"));
  const scripts = new Map<string, number>();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script" || !res.ok()) return;
    scripts.set(new URL(res.url()).pathname, gzipSync(await res.body(), { level: 9 }).length);
  });
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByLabel("What’s on your mind?")).toBeVisible();

  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  const lines = [...scripts].map(([file, size]) => `${(size / 1024).toFixed(1).padStart(6)} KB  ${file}`);
  const report = `Journal page, first load: ${scripts.size} JS files, ${(total / 1024).toFixed(1)} KB gzipped\n${lines.join("\n")}\n`;
  console.log(report);
  await mkdir(artifacts, { recursive: true });
  await writeFile(path.join(artifacts, "journal-js-size.txt"), report);
  expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
});
