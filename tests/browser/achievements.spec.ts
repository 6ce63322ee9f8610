// Levels and achievements on the Goals page: after a first entry, the level with its progress bar,
// the points, earned achievements with their date and the rest dimmed with their criterion and a
// count, the ledger's labels, all reachable by role and name and free of serious axe violations.
import { expect, expectNoSeriousViolations, newPerson, signUp, test, writeEntry } from "./fixtures.ts";

test("the level, the streak and the achievements grid after a first entry", async ({ page }) => {
  await signUp(page, newPerson("Lev"));
  await writeEntry(page, { content: "Went for a run with my sister this morning. I feel so happy and grateful, what a wonderful day!" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  const progress = page.getByRole("region", { name: "Your progress" });
  // The points arrive with the background insight; the panel reloads when the live channel says so.
  await expect(progress.getByTestId("points-total")).not.toHaveText("0", { timeout: 30_000 });
  await expect(progress.getByTestId("level")).toHaveText("Level 1");
  const points = Number(await progress.getByTestId("points-total").textContent());
  expect(points).toBeGreaterThanOrEqual(35);
  const bar = progress.getByRole("progressbar", { name: /^Level 1/ });
  await expect(bar).toHaveAttribute("aria-valuenow", String(points));
  await expect(progress.getByText(`${points} of 100 points towards level 2`)).toBeVisible();
  await expect(progress.getByRole("term").filter({ hasText: "Current streak" }).locator("xpath=following-sibling::dd")).toHaveText("1 day");
  await expect(progress.getByText("One missed day a week is forgiven, so a busy day does not undo a good run.")).toBeVisible();

  const earned = progress.getByRole("list", { name: "Earned" });
  await expect(earned.getByRole("listitem").filter({ hasText: "First page" })).toContainText(/Earned \w+/);
  const toEarn = progress.getByRole("list", { name: "Still to earn" });
  const rhythm = toEarn.getByRole("listitem").filter({ hasText: "Finding a rhythm" });
  await expect(rhythm).toContainText("Wrote 10 entries.");
  await expect(rhythm.getByRole("progressbar", { name: "Finding a rhythm: 1 of 10" })).toBeVisible();

  await progress.getByText("Recent points").click();
  const ledger = progress.getByRole("list", { name: "Recent points, newest first" });
  await expect(ledger).toContainText("An entry reflected on");
  await expect(ledger).toContainText("Achievement: “First page”");
  await expectNoSeriousViolations(page, "Goals with levels and achievements");
});
