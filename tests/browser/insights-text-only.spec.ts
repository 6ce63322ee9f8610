// Issue 9: "what helped" and triggers on the Insights page come from the words alone. No tags are
// typed: the activities the journal noticed in each entry are what the graph counts.
import { expect, newPerson, signUp, test, writeEntry } from "./fixtures.ts";

test("a text-only history shows what helped and what comes with a low mood", async ({ page }) => {
  await signUp(page, newPerson("Ines"));
  // Ordinary days first: the baseline a trigger is measured against.
  for (const content of ["Paid the gas bill and cleaned the kitchen.", "Bought groceries and sorted the recycling."]) await writeEntry(page, { content });
  for (const day of ["Monday", "Thursday"]) {
    await writeEntry(page, { content: `Worked late on the report again on ${day}, I'm so anxious and on edge about the deadline.` });
    await writeEntry(page, { content: "Went for a long run by the river after dinner and felt so much better, really happy and calm." });
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  const section = page.getByRole("region", { name: "What helped, and what comes with it" });
  // Fear is named "Worry" in the app.
  await expect(section.getByRole("heading", { level: 3, name: "When you felt Worry" })).toBeVisible();
  // The run came after each anxious entry and was followed by a better mood: it helped, 2 of 2 times.
  await expect(section.getByRole("listitem").filter({ hasText: /^run — / })).toContainText(/2 of 2/);
  // Work comes with the anxious entries more often than with the rest: a trigger, never "what helped".
  await expect(section.getByRole("listitem").filter({ hasText: /^work — / })).toHaveCount(1);
  await expect(section.getByRole("listitem").filter({ hasText: /^work — / })).not.toContainText(/helped/);
});
