// "Make this a goal": an entry that states an intention gets a reply offering it as a goal. By
// keyboard, the person opens the offer, edits the title, saves it and follows the link to the goal;
// the offer shows as taken after a reload. Escape cancels; a failed save says so and keeps the form.
import { conversation, expect, expectNoSeriousViolations, newPerson, signUp, test, writeEntry } from "./fixtures.ts";

test("an intention in an entry becomes a goal from the reply, by keyboard", async ({ page }) => {
  await signUp(page, newPerson("Ines"));
  const reply = await writeEntry(page, { content: "Long week at work. I want to start running three times a week." });
  await expect(reply).toContainText(/start running three times a week/i);

  const chip = reply.getByRole("button", { name: /Make this a goal/ });
  await expect(chip).toBeVisible();
  await expect(chip).toHaveAccessibleDescription(/“Start running three times a week” · Health · 3 times a week/);
  await expectNoSeriousViolations(page, "journal with a goal offer");

  // Opening and cancelling with the keyboard returns focus to the chip.
  await chip.focus();
  await page.keyboard.press("Enter");
  const title = reply.getByRole("textbox", { name: "Goal" });
  await expect(title).toBeFocused();
  await expect(title).toHaveValue("Start running three times a week");
  await page.keyboard.press("Escape");
  await expect(title).toBeHidden();
  await expect(chip).toBeFocused();

  // A failed save says so and keeps what was typed.
  await page.keyboard.press("Enter");
  await expect(title).toBeFocused();
  await page.route("**/api/goals", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "Try again in a moment." } }) }), { times: 1 });
  await title.fill("Run three times a week, before work");
  await page.keyboard.press("Enter");
  await expect(reply.getByRole("alert")).toContainText("Not saved. Try again in a moment.");
  await expect(title).toHaveValue("Run three times a week, before work");
  await expectNoSeriousViolations(page, "goal offer form with an error");

  // Saving for real: a confirmation with a link to the goal, focused.
  await expect(title).toBeFocused();
  await page.keyboard.press("Enter");
  const status = reply.getByRole("status").filter({ hasText: "Goal set:" });
  await expect(status).toContainText("Goal set: “Run three times a week, before work”.");
  const link = reply.getByRole("link", { name: "View it in Goals" });
  await expect(link).toBeFocused();

  // The offer stays taken after a reload.
  await page.reload();
  const again = conversation(page).getByRole("article", { name: "Tideline replied" }).last();
  await expect(again.getByRole("status").filter({ hasText: "Goal set:" })).toBeVisible();
  await expect(again.getByRole("button", { name: /Make this a goal/ })).toHaveCount(0);

  // The goal is on the Goals page, prefilled from the entry.
  await again.getByRole("link", { name: "View it in Goals" }).click();
  await expect(page).toHaveURL(/\/goals#goal-/);
  const goal = page.getByRole("article", { name: "Run three times a week, before work" });
  await expect(goal).toBeVisible();
  await expect(goal).toContainText("Health");
  await expect(goal).toContainText("From your journal: “I want to start running three times a week.”");
});

test("an entry without an intention offers no goal", async ({ page }) => {
  await signUp(page, newPerson("Oli"));
  const reply = await writeEntry(page, { content: "I wanted to go running but it rained all day." });
  await expect(reply.getByRole("button", { name: /Make this a goal/ })).toHaveCount(0);
});
