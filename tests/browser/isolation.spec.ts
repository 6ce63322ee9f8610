// Two people in two browser contexts never see each other's entries: in the conversation, the
// list, search, an entry's own page, or live events; deleting one account leaves the other be.
import { conversation, expect, newPerson, replies, signUp, test, watchPage, writeEntry } from "./fixtures.ts";

test("two people never see each other's entries", async ({ browser }) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  try {
    const a = await aliceContext.newPage();
    const b = await bobContext.newPage();
    const problems = [a, b].map(watchPage);
    const bobFrames: string[] = [];
    b.on("websocket", (ws) => ws.on("framereceived", (frame) => bobFrames.push(String(frame.payload))));

    const bob = newPerson("Bob");
    await signUp(a, newPerson("Alice"));
    await signUp(b, bob);
    await writeEntry(a, { content: "Only Alice knows about the marmalade.", tags: ["private"] });
    await writeEntry(b, { content: "Only Bob knows about the harmonica.", tags: ["private"] });
    await expect(replies(a).first().getByRole("heading", { name: "Reflection" })).toBeVisible({ timeout: 15_000 });
    const aliceEntry = await replies(a).first().getAttribute("id");

    for (const page of [a, b]) await page.reload();
    await expect(replies(a)).toHaveCount(1);
    await expect(conversation(a)).toContainText("marmalade");
    await expect(conversation(a)).not.toContainText("harmonica");
    await expect(replies(b)).toHaveCount(1);
    await expect(conversation(b)).not.toContainText("marmalade");

    // Bob searching for Alice's words finds nothing; Alice finds her own.
    for (const [page, found] of [[b, false], [a, true]] as const) {
      await page.goto("/entries");
      await page.getByRole("searchbox", { name: "Search your entries" }).fill("marmalade");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      if (found) await expect(page.getByRole("list", { name: "Search results" }).locator(":scope > li")).toHaveCount(1);
      else await expect(page.getByText("No entries match “marmalade”.")).toBeVisible();
    }

    // Alice's entry's address shows Bob nothing but "not found".
    await b.goto(`/entries/${aliceEntry!.replace(/^reply-/, "")}`);
    await expect(b.getByRole("alert")).toContainText("not found");

    expect(bobFrames.filter((f) => f.includes("marmalade"))).toEqual([]);

    // Bob deletes his account: a wrong password is refused, the right one (confirmed) deletes it.
    await b.goto("/settings");
    const deletion = b.getByRole("region", { name: "Delete your account" });
    await deletion.getByLabel("Your password").fill("not my password");
    await b.getByRole("button", { name: "Delete my account…" }).click();
    await b.getByRole("dialog").getByRole("button", { name: "Yes, delete everything" }).click();
    await expect(b.getByText("The password is not correct.")).toBeVisible();
    await deletion.getByLabel("Your password").fill(bob.password);
    await b.getByRole("button", { name: "Delete my account…" }).click();
    await b.getByRole("dialog").getByRole("button", { name: "Yes, delete everything" }).click();
    await expect(b).toHaveURL(/\/signup\?deleted=1$/);
    await expect(b.getByText("Your account and everything in it have been deleted.")).toBeVisible();
    await a.goto("/");
    await expect(replies(a)).toHaveCount(1);
    expect(problems.flat()).toEqual([]);
  } finally {
    await aliceContext.close();
    await bobContext.close();
  }
});
