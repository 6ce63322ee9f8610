// Screenshots for people to look at (not assertions): light and dark, phone and desktop width.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, newPerson, signUp, test, writeEntry } from "./fixtures.ts";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../artifacts/screenshots");

test("screenshots of the sign-in and journal pages", async ({ page }) => {
  await mkdir(dir, { recursive: true });
  const person = newPerson("Mira");
  await signUp(page, person);
  await writeEntry(page, { title: "Harbour", content: "Watched the boats come in. The tide was high and everything felt slow, in a good way.", tags: ["walk", "sea"] });
  await writeEntry(page, { content: "Long day at work. Tired but proud of the demo.", tags: ["work"] });
  await page.getByRole("searchbox", { name: "Search your entries" }).fill("tide");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator("mark").first()).toBeVisible();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(dir, `journal-${colorScheme}-${width}.png`), fullPage: true });
    }
  }

  const visitor = await page.context().browser()!.newPage();
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      await visitor.emulateMedia({ colorScheme });
      for (const width of [390, 1280]) {
        await visitor.setViewportSize({ width, height: 900 });
        await visitor.goto("/signin");
        await expect(visitor.getByRole("heading", { name: "Sign in" })).toBeVisible();
        await visitor.screenshot({ path: path.join(dir, `signin-${colorScheme}-${width}.png`), fullPage: true });
      }
    }
  } finally {
    await visitor.close();
  }
});
