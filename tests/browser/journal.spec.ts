// The main journey: sign up, write three entries of different moods, see the replies with their
// emotions and suggestions, mark one as tried, watch an insight arrive live, search, open an entry,
// see the insights drawn, export and import, sign out and back in.
import { readFile } from "node:fs/promises";
import { conversation, expect, newPerson, replies, signIn, signUp, test, writeEntry } from "./fixtures.ts";

const SAD = "I feel so sad and lonely today. I miss my friend and cried all evening.";
const JOYFUL = "What a wonderful day! I am so happy, we laughed at the beach with friends.";
const ANGRY = "I am furious. My manager yelled at me again, it is so unfair and I hate it.";

test("a new person writes, sees replies and live insights, finds, exports and keeps their entries", async ({ page }) => {
  const liveFrames: string[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", (frame) => liveFrames.push(String(frame.payload))));

  const person = newPerson("Ada");
  await signUp(page, person);
  await expect(page.getByText("Your journal is empty — write your first entry")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Today’s prompt" })).toBeVisible();
  await expect(page.getByText("Live updates on")).toBeVisible();

  // A draft survives a reload.
  await page.getByLabel("What’s on your mind?").fill("A draft I have not sent yet");
  await page.reload();
  await expect(page.getByLabel("What’s on your mind?")).toHaveValue("A draft I have not sent yet");

  const sadReply = await writeEntry(page, { content: SAD, tags: ["friends"] }, "shortcut");
  const joyReply = await writeEntry(page, { content: JOYFUL, tags: ["beach", "friends"] });
  const angryReply = await writeEntry(page, { content: ANGRY, tags: ["work"] });

  // Each reply names its emotion in words (with an icon) and offers actions with their evidence.
  await expect(sadReply).toContainText("Sensed: Sadness");
  await expect(joyReply).toContainText("Sensed: Joy");
  await expect(angryReply).toContainText("Sensed: Anger");
  for (const reply of [sadReply, joyReply, angryReply]) {
    await expect(reply.locator("svg.face")).toHaveCount(1);
    expect(await reply.getByRole("button", { pressed: false }).count()).toBeGreaterThan(0);
  }
  await expect(sadReply.getByRole("list", { name: /Things that might help/ })).toContainText(/a general idea|helped \d+ of/);

  // Mark a suggestion as tried with the keyboard.
  const chip = sadReply.getByRole("button", { pressed: false }).first();
  await chip.focus();
  await page.keyboard.press("Enter");
  await expect(sadReply.getByRole("button", { pressed: true })).toHaveCount(1);
  await expect(sadReply.getByRole("status")).toContainText("Recorded: you tried");

  // The insight arrives over the WebSocket, without a reload: summary, topics, questions.
  await expect(sadReply.getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 15_000 });
  await expect(sadReply.getByRole("list", { name: "Topics" }).getByRole("listitem").first()).toBeVisible();
  await expect(sadReply.getByRole("list", { name: "Questions to sit with" }).getByRole("listitem").first()).toBeVisible();
  await expect(angryReply.getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 15_000 });
  expect(liveFrames.filter((f) => f.includes('"insight.ready"')).length).toBeGreaterThanOrEqual(3);

  // After a reload the thread is the same, oldest first, with the tried action remembered.
  await page.reload();
  const turns = conversation(page).getByRole("listitem").filter({ has: page.getByRole("article", { name: /^You wrote/ }) });
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(0)).toContainText(SAD);
  await expect(turns.nth(2)).toContainText(ANGRY);
  await expect(replies(page).first().getByRole("button", { pressed: true })).toHaveCount(1);
  await expect(replies(page).last().getByRole("heading", { name: "Reflection" })).toBeVisible();

  // Search on the Entries page finds the joyful entry, with the match highlighted.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Entries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Entries, newest first" }).locator(":scope > li")).toHaveCount(3);
  await page.getByRole("searchbox", { name: "Search your entries" }).fill("beach");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.locator(":scope > li")).toHaveCount(1);
  await expect(results.locator("mark")).toHaveText([/beach/i]);

  // The entry page shows the whole insight.
  await results.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/entries\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Insight" })).toBeVisible();
  await expect(page.getByText(JOYFUL)).toBeVisible();
  await expect(page.getByText(/Analysed by the (local|Workers AI) model/)).toBeVisible();

  // The insights page draws its charts from the data.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  await expect(page.locator("canvas[data-drawn='true']")).toHaveCount(2);
  await expect(page.locator(".graph svg .node")).toHaveCount(3);
  await expect(page.locator(".year svg rect.cell")).toHaveCount(365);
  await expect(page.locator(".year svg rect.cell:not(.none)")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Transitions table" }).getByRole("row")).not.toHaveCount(0);
  await page.getByRole("radio", { name: "Weeks" }).check();
  await expect(page.locator("canvas[data-drawn='true']")).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 2, name: "What helped, and what comes with it" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What tends to come with it" }).first()).toBeVisible();

  // Export JSON from the Entries page: a real download holding all three entries.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Entries" }).click();
  await page.getByText("Export", { exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /^JSON/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tideline-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, "utf8")) as { format: string; entries: { content: string }[] };
  expect(file.format).toBe("tideline-export");
  expect(file.entries.map((e) => e.content).sort()).toEqual([ANGRY, JOYFUL, SAD].sort());

  // Importing the same file again skips every entry as a duplicate.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Import a journal").setInputFiles((await download.path())!);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("imported 0 entries; 3 duplicates skipped.")).toBeVisible();

  // Sign out, then back in: everything is still there.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await signIn(page, person);
  await expect(replies(page)).toHaveCount(3);
  await expect(conversation(page)).toContainText(JOYFUL);
});

test("without the live connection, insights still arrive by checking now and then", async ({ page }) => {
  // The live channel cannot be opened: every ticket request fails, as during an outage.
  await page.route("**/api/live/ticket", (route) =>
    route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "Live updates are down." } }) }),
  );
  await signUp(page, newPerson("Noor"));
  await expect(page.getByText(/Reconnecting/)).toBeVisible();
  const reply = await writeEntry(page, { content: "I am worried about the exam tomorrow and cannot sleep." });
  await expect(reply.getByText("Reflecting on this entry…").or(reply.getByRole("heading", { name: "Reflection" }))).toBeVisible();
  await expect(reply.getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 20_000 });
  await expect(reply.getByRole("list", { name: "Topics" })).toBeVisible();
});

test("a wrong password shows a clear error", async ({ page }) => {
  const person = newPerson("Grace");
  const res = await page.request.post("/api/auth/register", { data: person });
  expect(res.status()).toBe(201);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("sign-up shows field errors next to the field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short");
  await page.getByLabel("Email").fill("short@example.test");
  await page.getByLabel("Password").fill("tooshort");
  await page.getByRole("button", { name: "Create account" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 10 characters/);
});
