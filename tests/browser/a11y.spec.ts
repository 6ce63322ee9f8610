// axe-core finds no serious or critical violations on the sign-in, sign-up and journal pages, in
// the light and the dark theme, at phone and desktop widths.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newPerson, signUp, test, writeEntry } from "./fixtures.ts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${what}: serious or critical axe violations`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [360, 1280]) {
    test(`pages pass axe in the ${colorScheme} theme at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });

      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await expectNoSeriousViolations(page, "sign-in");

      await page.goto("/signup");
      await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
      await expectNoSeriousViolations(page, "sign-up");

      // Only one journey per theme signs up, to stay well inside the sign-up rate limit.
      if (width !== 1280) return;
      await signUp(page, newPerson("Axe"));
      await expect(page.getByText("Your journal is empty — write your first entry")).toBeVisible();
      await expectNoSeriousViolations(page, "empty journal");
      await writeEntry(page, { title: "Checked", content: "Accessible colours and focus rings.", tags: ["a11y"] });
      await page.getByRole("searchbox", { name: "Search your entries" }).fill("colours");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page.locator("mark").first()).toBeVisible();
      await page.getByText("Export", { exact: true }).click();
      await expectNoSeriousViolations(page, "journal");
    });
  }
}

test("the journal is usable with the keyboard alone", async ({ page }) => {
  await signUp(page, newPerson("Kay"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The skip link comes first and moves focus to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByLabel("What’s on your mind?").focus();
  await page.keyboard.type("Typed without a mouse.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved to your journal." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Entries, newest first" })).toContainText("Typed without a mouse.");
});
