// "We noticed:" chips: what an entry says the person did and who it mentions, shown on the journal,
// the entries list and the entry page; removable by keyboard and by mouse, and a removal survives an
// edit of the entry.
import { conversation, expect, expectNoSeriousViolations, newPerson, signUp, test, writeEntry } from "./fixtures.ts";

test("noticed activities and people are chips the person can remove, and removals stay removed", async ({ page }) => {
  await signUp(page, newPerson("Noor"));
  await writeEntry(page, { content: "Went for a long run by the river, then called my sister." });

  const mine = conversation(page).getByRole("article", { name: /^You wrote/ }).last();
  await expect(mine.getByText("We noticed:")).toBeVisible();
  const chips = mine.getByRole("list", { name: "We noticed:" });
  await expect(chips.getByRole("listitem")).toHaveText(["run", "call my sister", "my sister"]);
  await expectNoSeriousViolations(page, "journal with noticed chips");

  // By keyboard: focus the chip's remove button and press Enter.
  const removeRun = mine.getByRole("button", { name: "Remove activity run" });
  await removeRun.focus();
  await page.keyboard.press("Enter");
  await expect(chips.getByRole("listitem")).toHaveText(["call my sister", "my sister"]);
  await expect(mine.getByRole("status")).toContainText("Removed activity “run”");
  // Focus stays in the chips, on the next remove button.
  await expect(mine.getByRole("button", { name: "Remove activity call my sister" })).toBeFocused();

  // Undo puts it back; remove it again for the rest of the journey.
  await mine.getByRole("button", { name: "Undo" }).click();
  await expect(chips.getByRole("listitem")).toHaveText(["call my sister", "run", "my sister"]);
  await mine.getByRole("button", { name: "Remove activity run" }).click();
  await expect(chips.getByRole("listitem")).toHaveText(["call my sister", "my sister"]);

  // The entry page shows the corrected lists; an edit that still says "run" does not bring it back.
  await mine.getByRole("link", { name: /open this entry/ }).click();
  await expect(page.getByRole("list", { name: "We noticed:" }).getByRole("listitem")).toHaveText(["call my sister", "my sister"]);
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Entry" }).fill("Went for a run again, called my sister and baked bread.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
  await expect(page.getByRole("list", { name: "We noticed:" }).getByRole("listitem")).toHaveText(["call my sister", "bake", "my sister"]);

  // By mouse, from the entries list: the person goes.
  await page.goto("/entries");
  const card = page.getByRole("list", { name: "Entries, newest first" }).locator(":scope > li").first();
  await card.getByRole("button", { name: "Remove person my sister" }).click();
  await expect(card.getByRole("list", { name: "We noticed:" }).getByRole("listitem")).toHaveText(["call my sister", "bake"]);
  await page.reload();
  await expect(page.getByRole("list", { name: "Entries, newest first" }).locator(":scope > li").first().getByRole("list", { name: "We noticed:" }).getByRole("listitem")).toHaveText([
    "call my sister",
    "bake",
  ]);
});
