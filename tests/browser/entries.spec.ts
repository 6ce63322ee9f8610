// The Entries page and the entry page: filters, infinite scroll (and its button), editing and
// deleting with a confirmation; the journal loads earlier entries on request.
import { apiSession, conversation, expect, newPerson, replies, signUp, test } from "./fixtures.ts";

test("entries scroll, filter, edit and delete; the journal loads earlier entries", async ({ page }) => {
  await signUp(page, newPerson("Lin"));
  // 25 entries straight through the API (more than a page), using the app's own session.
  const { token, handBack } = await apiSession(page);
  for (let i = 1; i <= 25; i++) {
    const res = await page.request.post("/api/journal/entries", {
      headers: { authorization: `Bearer ${token}` },
      data: { content: `Note number ${i}: ${i % 5 === 0 ? "a calm walk by the river" : "an ordinary day at the office"}.`, tags: i % 5 === 0 ? ["walk"] : ["work"] },
    });
    expect(res.status()).toBe(201);
  }
  await handBack();

  // The journal shows the newest page and loads the earlier ones on request.
  await page.reload();
  await expect(replies(page)).toHaveCount(20);
  await expect(conversation(page).locator(":scope > li").last()).toContainText("Note number 25:");
  await page.getByRole("button", { name: "Load earlier entries" }).click();
  await expect(replies(page)).toHaveCount(25);
  await expect(conversation(page).locator(":scope > li").first()).toContainText("Note number 1:");

  // The list loads more as it is scrolled to the end; the button is there as well.
  await page.goto("/entries");
  const list = page.getByRole("list", { name: "Entries, newest first" }).locator(":scope > li");
  await expect(list).toHaveCount(20);
  await expect(page.getByRole("button", { name: "Load more" })).toBeVisible();
  await page.getByRole("button", { name: "Load more" }).scrollIntoViewIfNeeded();
  await expect(list).toHaveCount(25);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);

  // Filters: by tag, and kept in the address.
  await page.getByLabel("Tag", { exact: true }).selectOption("walk");
  await expect(list).toHaveCount(5);
  await expect(page).toHaveURL(/tag=walk/);
  await page.reload();
  await expect(page.getByLabel("Tag", { exact: true })).toHaveValue("walk");
  await expect(list).toHaveCount(5);
  await page.getByLabel("From", { exact: true }).fill("2001-01-01");
  await page.getByLabel("To", { exact: true }).fill("2001-12-31");
  await page.getByLabel("To", { exact: true }).dispatchEvent("change");
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear search and filters" }).click();
  await expect(list).toHaveCount(20);

  // Categories are made in Settings, renamed there, and used when editing an entry.
  await page.goto("/settings");
  await page.getByLabel("New category").fill("Family");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Added the category “Family”.")).toBeVisible();
  await page.getByRole("button", { name: "Rename Family" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Outdoors");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved “Outdoors”.")).toBeVisible();

  // Edit an entry: the new title and category show at once and its insight is made again.
  await page.goto("/entries");
  await list.first().getByRole("link").click();
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Title (optional)").fill("River walk");
  await page.getByLabel("Category").selectOption({ label: "Outdoors" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("River walk");
  await expect(page.getByText("Category: Outdoors")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 15_000 });

  // Delete it, after saying yes in the confirmation.
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this entry?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/entries\?deleted=1$/);
  await expect(page.getByText("The entry was deleted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "River walk" })).toHaveCount(0);
  await page.getByRole("button", { name: "Load more" }).scrollIntoViewIfNeeded();
  await expect(list).toHaveCount(24);
});
