// Goals, points and prompts: a person sets a goal with steps, ticks one and sees the progress move,
// records progress by hand, edits, completes and deletes it; writing an entry (started from the
// prompt library) earns points that are announced in the journal and shown with the achievements;
// switching streaks off hides the streak.
import { expect, newPerson, replies, signUp, test } from "./fixtures.ts";

test("a person sets a goal, ticks its steps, records progress and completes it", async ({ page }) => {
  await signUp(page, newPerson("Rae"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  await expect(page.getByText("No active goals.")).toBeVisible();

  // Set a goal with three steps; Enter in a step moves on to the next one.
  await page.getByRole("button", { name: "Set a goal" }).click();
  const form = page.getByRole("form", { name: "Set a goal" });
  await expect(form.getByLabel("Goal", { exact: true })).toBeFocused();
  await form.getByLabel("Goal", { exact: true }).fill("Sleep before midnight");
  await form.getByLabel("Life area").selectOption("health");
  await form.getByLabel("How you hope to feel (optional)").selectOption("joy");
  await form.getByLabel("Due date (optional)").fill("2030-06-30");
  await form.getByLabel("Step 1").fill("Phone out of the bedroom");
  await form.getByLabel("Step 1").press("Enter");
  await expect(form.getByLabel("Step 2")).toBeFocused();
  await page.keyboard.type("Read instead of scrolling");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Lights out at 23:30");
  await form.getByRole("button", { name: "Save goal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Set the goal “Sleep before midnight” with 3 steps." })).toBeVisible();

  const goal = page.getByRole("article", { name: "Sleep before midnight" });
  const bar = goal.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", "0");
  await expect(goal).toContainText("Health");
  await expect(goal).toContainText("Hoping to feel: Joy");
  await expect(goal.getByRole("checkbox")).toHaveCount(3);

  // Tick a step with the keyboard: the progress moves and focus stays on the box.
  const phone = goal.getByRole("checkbox", { name: "Phone out of the bedroom" });
  await phone.focus();
  await page.keyboard.press("Space");
  await expect(phone).toBeChecked();
  await expect(bar).toHaveAttribute("aria-valuenow", "33");
  await expect(goal).toContainText("33% done");
  await expect(goal.getByRole("status")).toContainText("Progress is now 33%");
  await expect(phone).toBeFocused();

  // Rename, add and remove steps.
  await goal.getByRole("button", { name: "Rename the step “Lights out at 23:30”" }).click();
  const rename = goal.getByLabel("New name for the step “Lights out at 23:30”");
  await expect(rename).toBeFocused();
  await rename.fill("Lights out at 23:00");
  await rename.press("Enter");
  await expect(goal.getByRole("checkbox", { name: "Lights out at 23:00" })).toBeVisible();
  await goal.getByLabel("New step for “Sleep before midnight”").fill("No coffee after two");
  await goal.getByLabel("New step for “Sleep before midnight”").press("Enter");
  await expect(goal.getByRole("checkbox")).toHaveCount(4);
  await expect(bar).toHaveAttribute("aria-valuenow", "25");
  await goal.getByRole("button", { name: "Remove the step “No coffee after two”" }).click();
  await expect(goal.getByRole("checkbox")).toHaveCount(3);
  await expect(bar).toHaveAttribute("aria-valuenow", "33");

  // Record progress by hand, with a note, and find it in the history.
  await goal.getByText("Record progress by hand").click();
  await goal.getByLabel("Progress, in percent").fill("60");
  await goal.getByLabel("Note (optional)").fill("Four good nights this week");
  await goal.getByRole("button", { name: "Record progress" }).click();
  await expect(bar).toHaveAttribute("aria-valuenow", "60");
  await expect(goal).toContainText("60% done");
  await goal.getByText("Progress history").click();
  const history = goal.getByRole("list", { name: /newest first/ });
  await expect(history.getByRole("listitem").first()).toContainText("60%");
  await expect(history.getByRole("listitem").first()).toContainText("Four good nights this week");
  // Ticking, adding and removing a step each recorded the share of steps done; then the note.
  await expect(history.getByRole("listitem")).toHaveCount(4);

  // Edit the goal.
  await goal.getByRole("button", { name: "Edit “Sleep before midnight”" }).click();
  const edit = page.getByRole("article", { name: "Edit “Sleep before midnight”" });
  await expect(edit.getByLabel("Goal", { exact: true })).toBeFocused();
  await edit.getByLabel("Goal", { exact: true }).fill("Sleep by half past eleven");
  await edit.getByLabel("Why it matters (optional)").fill("Mornings are kinder after a long night.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  const edited = page.getByRole("article", { name: "Sleep by half past eleven" });
  await expect(edited).toContainText("Mornings are kinder after a long night.");
  await expect(edited.getByRole("button", { name: "Edit “Sleep by half past eleven”" })).toBeFocused();

  // Complete it: it moves to Completed and earns points and an achievement.
  await edited.getByRole("button", { name: "Mark as completed" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is completed — well done. Find it under Completed." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Sleep by half past eleven" })).toHaveCount(0);
  await page.getByRole("radio", { name: "Completed" }).check();
  const done = page.getByRole("article", { name: "Sleep by half past eleven" });
  await expect(done.getByRole("button", { name: "Make active again" })).toBeVisible();
  const progress = page.getByRole("region", { name: "Your progress" });
  // 50 for the goal, 25 for "Goal reached" and 25 for "Goal set".
  await expect(progress.getByTestId("points-total")).toHaveText("100");
  await expect(progress.getByRole("list", { name: "Earned" })).toContainText("Goal reached");

  // Delete it, after a confirmation.
  await done.getByRole("button", { name: "Delete “Sleep by half past eleven”" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this goal?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete goal" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Deleted “Sleep by half past eleven”." })).toBeVisible();
  await expect(page.getByText("No completed goals.")).toBeVisible();
});

test("writing from a library prompt earns points, announced in the journal; streaks can be hidden", async ({ page }) => {
  await signUp(page, newPerson("Oli"));
  const box = page.getByLabel("What’s on your mind?");

  // Pick a prompt from the library: it starts the entry, and nothing is sent.
  await page.getByText("More prompts").click();
  await page.getByLabel("Topic").selectOption("gratitude");
  const choice = page.getByRole("list", { name: "Prompts about gratitude" }).getByRole("button").first();
  const promptText = (await choice.locator(".text").textContent())?.trim() ?? "";
  expect(promptText.length).toBeGreaterThan(5);
  await choice.click();
  await expect(box).toHaveValue(`${promptText}\n\n`);
  await expect(box).toBeFocused();
  await expect(replies(page)).toHaveCount(0);
  await page.keyboard.type("My sister called and we laughed for an hour. I feel happy and grateful.");
  await expect(box).toHaveValue(new RegExp(`^${promptText.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n\\nMy sister called`));
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent. Tideline replied" })).toBeVisible();
  await expect(replies(page)).toHaveCount(1);

  // Points arrive once the background insight is done: a polite notice that leaves focus alone.
  const notice = page.getByRole("status").filter({ hasText: "in all" });
  // 10 for the entry, 25 for "First page" and 25 for "Not alone" (it names the person's sister).
  await expect(notice).toHaveText(/\+60 points for your entry · 60 in all · earned “First page”, “Not alone”/, { timeout: 20_000 });
  await expect(notice).toHaveAttribute("aria-live", "polite");
  await expect(box).toBeFocused();
  await page.getByRole("button", { name: "Dismiss the points notice" }).click();
  await expect(notice).toHaveCount(0);

  // The progress view shows the points, the streak and the achievement with its date.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  const progress = page.getByRole("region", { name: "Your progress" });
  await expect(progress.getByTestId("points-total")).toHaveText("60");
  await expect(progress.getByText("Current streak")).toBeVisible();
  await expect(progress.getByRole("term").filter({ hasText: "Current streak" }).locator("xpath=following-sibling::dd")).toHaveText("1 day");
  const earned = progress.getByRole("list", { name: "Earned" }).getByRole("listitem");
  await expect(earned).toHaveCount(2);
  await expect(earned.filter({ hasText: "First page" })).toHaveCount(1);
  await expect(earned.filter({ hasText: "Not alone" })).toHaveCount(1);
  await expect(earned.first()).toContainText(/Earned \w+/);
  await expect(progress.getByRole("list", { name: "Still to earn" })).toContainText("Goal reached");
  await progress.getByText("Recent points").click();
  await expect(progress.getByRole("list", { name: "Recent points, newest first" })).toContainText("An entry reflected on");

  // Streaks switched off in Settings: the streak is hidden, with a hint where to switch it back on.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const streaks = page.getByRole("switch", { name: "Writing streaks" });
  await expect(streaks).toBeChecked();
  await streaks.uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  await expect(progress.getByTestId("points-total")).toHaveText("60");
  await expect(progress.getByText("Current streak")).toHaveCount(0);
  await expect(progress.getByText("Writing streaks are switched off.")).toBeVisible();
  await expect(progress.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings#s-streaks");
});
